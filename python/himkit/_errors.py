"""himkit's exceptions: one base class, a subclass per kind of problem."""

from __future__ import annotations

import enum
from typing import Optional

from ._native import ERROR_KINDS as _LIBRARY_KINDS


class ErrorKind(str, enum.Enum):
    """What kind of problem an error is: the part of an error a program branches on.

    The values are the library's own names of its kinds (``himkit::ErrorKind::as_str``); the
    module does not import unless every kind the library has is here, with its class."""

    INVALID = "invalid"
    """A value broke a rule of the model or of the file's layout."""
    UNKNOWN_NAME = "unknown-name"
    """A name outside a closed vocabulary (degree levels, credentials, states …)."""
    MALFORMED = "malformed"
    """The input is not the expected format (malformed JSON or CSV, a missing column)."""
    TOO_LARGE = "too-large"
    """The input goes past one of the limits himkit keeps."""
    DUPLICATE_PROGRAM_ID = "duplicate-program-id"
    """Two programs in one catalogue share an id."""
    UNKNOWN_PROGRAM = "unknown-program"
    """A program id that is not in the catalogue."""
    IO = "io"
    """Reading from a file failed."""
    OTHER = "other"
    """The kind of a ``himkit.Error`` made by Python code (the base class); the library's own
    errors always have one of the kinds above."""


class Location:
    """Where in an input a problem was found; parts that are not known are ``None``.

    ``line`` is the 1-based line of a text file or row of a spreadsheet; ``column`` the
    1-based column in text; ``column_name`` a table's column; ``path`` the path to a value
    inside a document (``[3].outcomes.graduation_rate``); ``sheet`` a worksheet.
    """

    __slots__ = ("source", "sheet", "line", "column", "column_name", "path")

    def __init__(
        self,
        source: Optional[str] = None,
        sheet: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        column_name: Optional[str] = None,
        path: Optional[str] = None,
    ) -> None:
        self.source = source
        self.sheet = sheet
        self.line = line
        self.column = column
        self.column_name = column_name
        self.path = path

    def to_dict(self) -> dict:
        """The parts as a dict."""
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = ", ".join(f"{name}={value!r}" for name, value in self.to_dict().items() if value is not None)
        return f"Location({parts})"


class Error(ValueError):
    """Everything that can go wrong in himkit.

    ``str(error)`` is the library's message, located where the input says where
    (``programs.json line 17, column 4, field [2].cost: …``). ``kind`` is an ``ErrorKind``;
    ``location`` a ``Location`` or ``None``; ``field`` and ``value`` name what was refused, where
    the error is about one value; ``reason`` is the message without its location.
    """

    kind: ErrorKind = ErrorKind.OTHER

    def __init__(
        self,
        message: str = "",
        *,
        location: Optional[Location] = None,
        field: Optional[str] = None,
        value: Optional[str] = None,
        reason: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.location = location
        self.field = field
        self.value = value
        self.reason = message if reason is None else reason

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        state = {"location": self.location, "field": self.field, "value": self.value, "reason": self.reason}
        return (_rebuild, (type(self), str(self), state))


def _rebuild(cls: type, message: str, state: dict) -> "Error":
    return cls(message, **state)


class InvalidValueError(Error):
    """A value broke a rule of the model or of the file's layout (a rate above 1, a negative
    weight, a JSON value of the wrong type)."""

    kind = ErrorKind.INVALID


class UnknownNameError(Error):
    """A name outside a closed vocabulary: a state, degree level, credential, criterion …"""

    kind = ErrorKind.UNKNOWN_NAME


class MalformedInputError(Error):
    """The input is not the expected format: malformed JSON or CSV, a row with the wrong number
    of fields, a required column missing."""

    kind = ErrorKind.MALFORMED


class InputTooLargeError(Error):
    """The input goes past a limit (a field, a row, a document, nesting)."""

    kind = ErrorKind.TOO_LARGE


class DuplicateProgramIdError(Error):
    """Two programs in one catalogue share an id."""

    kind = ErrorKind.DUPLICATE_PROGRAM_ID


class UnknownProgramError(Error, LookupError):
    """A program id that is not in the catalogue (also a ``LookupError``)."""

    kind = ErrorKind.UNKNOWN_PROGRAM


class IoError(Error, OSError):
    """Reading a file failed: both a ``himkit.Error`` and an ``OSError``, so that
    ``except OSError`` catches a missing file as it would from ``open``. ``errno``, ``strerror`` and
    ``filename`` are set where the operating system said."""

    kind = ErrorKind.IO


_CLASSES = {
    cls.kind.value: cls
    for cls in (
        InvalidValueError,
        UnknownNameError,
        MalformedInputError,
        InputTooLargeError,
        DuplicateProgramIdError,
        UnknownProgramError,
        IoError,
    )
}


def _check_kinds(native: "list[str]") -> None:
    """Refuses to go on when the library has a kind of error without its class here: the
    native module and this file are built from one source tree, so a kind the library adds
    fails every import (and so every test) until it has its class."""
    missing = sorted(set(native) - set(_CLASSES))
    if missing:
        raise ImportError(
            f"himkit._errors has no exception class for the library's error kinds {missing}: "
            "add a class and an ErrorKind member for each"
        )


def _from_native(
    kind: str,
    message: str,
    location: Optional[tuple],
    field: Optional[str],
    value: Optional[str],
    reason: str,
    errno: Optional[int],
) -> Error:
    """The exception for an error of the native module (called from Rust)."""
    cls = _CLASSES.get(kind, Error)
    error = cls(
        message,
        location=Location(*location) if location is not None else None,
        field=field,
        value=value,
        reason=reason,
    )
    if isinstance(error, OSError):
        error.errno = errno
        error.strerror = reason
        error.filename = location[0] if location is not None else None
    return error


_check_kinds(_LIBRARY_KINDS)
