"""Results read as attributes, built from the library's own JSON form.

A record holds the plain data of one object as the library serializes it; its attributes are
that object's fields, so a field the library adds is there without a change to the bindings.
Nested objects are records too; lists are lists; maps (criterion weights, say) stay dicts.
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar, Dict, Iterator, List, Mapping, Optional


class Record:
    """One object of a result, read through attributes named as its JSON fields.

    ``record.to_dict()`` gives the plain data; ``record["field"]`` reads a field whose name is
    not an identifier; records compare equal when their data are equal.
    """

    __slots__ = ("_data",)

    #: The record class of each nested field; a field not named here is a plain ``Record``
    #: when it holds an object, ``None`` keeps it plain data (a map keyed by criterion, say).
    _children: ClassVar[Mapping[str, Optional[type]]] = {}

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        try:
            value = data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        return _wrap(value, type(self)._children.get(name, Record))

    def __getitem__(self, name: str) -> Any:
        try:
            return self.__getattr__(name)
        except AttributeError:
            raise KeyError(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __dir__(self) -> List[str]:
        return sorted(set(self._data) | set(dir(type(self))))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return type(self) is type(other) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self._data.items())
        return f"{type(self).__name__}({fields})"

    def fields(self) -> List[str]:
        """The names of the fields, in the library's order."""
        return list(self._data)

    def to_dict(self) -> Dict[str, Any]:
        """The record's data as plain Python values (a copy)."""
        return _plain(self._data)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self._data,))


def _plain(value: Any) -> Any:
    """Plain Python data, with records (and objects of the native module) as their dicts."""
    if isinstance(value, Record):
        return _plain(value._data)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, BaseException):
        return value
    return copy.copy(value)


def _wrap(value: Any, cls: Optional[type]) -> Any:
    if cls is None:
        return copy.deepcopy(value)
    if isinstance(value, dict):
        return cls(value)
    if isinstance(value, list):
        return [_wrap(item, cls) for item in value]
    return value


class Contribution(Record):
    """One criterion's part in a score: ``criterion``, ``value`` (for people), ``normalised``
    (0 to 1, 1 best), ``weight`` (after re-weighting for missing criteria) and
    ``contribution`` (the contributions sum to the score)."""


class MissingCriterion(Record):
    """A criterion an entry has no value for: ``criterion``, ``why`` and ``treatment``."""


class Flag(Record):
    """A constraint whose answer is unknown for a program the profile keeps: ``constraint`` and
    ``why`` (what to check)."""


class EarningsSource(Record):
    """Where an expected-earnings figure came from: ``source`` is ``program`` (its own
    reported median, ``year``, ``note``) or ``occupation`` (a BLS median: ``soc``, ``title``,
    ``area``, ``period``, ``confidence``)."""


class Payback(Record):
    """Years of earnings above the baseline needed to recover the cost: ``payback`` is
    ``years`` (with ``years``), ``earnings-unknown``, ``cost-unknown`` or
    ``not-above-baseline`` (with ``earnings`` and ``baseline``)."""


class ExclusionReason(Record):
    """One failed hard constraint: ``constraint`` names it, the other fields say how."""


def _describe(kind: str, data: Dict[str, Any]) -> str:
    """The library's text of a record (called by ``__str__``)."""
    from ._native import _describe as describe

    return describe(kind, data)


class AccreditationSource(Record):
    """Where an accreditation status came from: ``list``, the accreditation list as it was
    named when applied (a file name, say), and ``line``, the row's line (the header is line
    1; ``None`` when not known). ``str(source)`` reads "cahiim.csv line 12"."""

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        if name == "line" and name not in data:
            return None
        return Record.__getattr__(self, name)

    def __str__(self) -> str:
        return _describe("AccreditationSource", self._data)


class Accreditation(Record):
    """A program's known accreditation: ``accreditor``, ``status``, ``last_confirmed``,
    ``next_review_year`` (when scheduled) and, for a status read from an accreditation list,
    ``source`` (an ``AccreditationSource``). ``str(accreditation)`` is the library's text:
    "CAHIIM continuing accreditation — from cahiim.csv line 12, last confirmed 2025-06-30, next
    review 2029". An accreditation that is not known reads as the string ``"not-verified"`` or
    ``"none"`` instead."""

    _children = {"source": AccreditationSource}

    def __getattr__(self, name: str) -> Any:
        # Fields the library leaves out when there is nothing to say read as None.
        data = object.__getattribute__(self, "_data")
        if name not in data and name in ("next_review_year", "source"):
            return None
        return Record.__getattr__(self, name)

    def __str__(self) -> str:
        return _describe("Accreditation", self._data)


class Entry(Record):
    """A ranked program: ``rank``, ``id``, ``score`` (0 to 1), ``band`` (``strong``, ``good``,
    ``weaker``), ``total_cost``, ``cost_is_estimate``, ``residency``, ``distance_miles`` and
    ``distance_from`` (great-circle miles from the profile's ``home_zip`` to the campus, ``None``
    without one, for online study, or where the campus's coordinates are unknown),
    ``contributions``, ``missing``, ``earnings_source``, ``payback``, ``accreditation`` (an
    ``Accreditation`` with its ``source``, or ``"not-verified"`` or ``"none"``) and ``flags``."""

    _children = {
        "contributions": Contribution,
        "missing": MissingCriterion,
        "flags": Flag,
        "earnings_source": EarningsSource,
        "payback": Payback,
        "accreditation": Accreditation,
    }

    def __getattr__(self, name: str) -> Any:
        # Fields the library leaves out when they are empty or false read as such.
        data = object.__getattribute__(self, "_data")
        if name not in data and name in _ENTRY_DEFAULTS:
            return _ENTRY_DEFAULTS[name]()
        return Record.__getattr__(self, name)

    def top_contributions(self, count: int = 2) -> List[Contribution]:
        """The criteria that added most to the score, largest first (ties by criterion order)."""
        parts = list(enumerate(self.contributions))
        parts.sort(key=lambda item: (-item[1].contribution, item[0]))
        return [part for _, part in parts[: max(count, 0)]]


_ENTRY_DEFAULTS = {
    "flags": list,
    "cost_is_estimate": lambda: False,
    "earnings_source": lambda: None,
    "distance_miles": lambda: None,
    "distance_from": lambda: None,
}


class Exclusion(Record):
    """A program left out of a ranking: ``id`` and every ``reasons`` entry."""

    _children = {"reasons": ExclusionReason}


class RankRange(Record):
    """A program's ``rank`` with the profile's weights, and its ``best`` and ``worst`` as the
    weights move."""


class WeightChange(Record):
    """The smallest single weight change that displaces the leader: ``criterion``, ``from``,
    ``to``, ``relative_change`` and ``new_leader``."""


class ComparisonCell(Record):
    """One program's value for one criterion: ``cell`` is ``value`` (``shown``,
    ``normalised``, ``behind_best``) or ``not-available`` (``why``)."""


class ComparisonRow(Record):
    """One criterion across the compared programs: ``criterion``, ``weight``, ``cells``."""

    _children = {"cells": ComparisonCell}


class Eligibility(Record):
    """Whether a program's graduates may sit a credential's exam: ``eligibility`` is
    ``eligible`` (with the ``accreditation`` it rests on, and that accreditation's ``source``),
    ``not-eligible`` (with ``reasons``), ``unknown`` (with ``reason``), ``no-program-required``
    or ``rule-unconfirmed``. ``str(eligibility)`` is the library's text: "eligible through CAHIIM
    continuing accreditation (from cahiim.csv line 12)"."""

    _children = {"accreditation": Accreditation}

    def __bool__(self) -> bool:
        return self._data.get("eligibility") == "eligible"

    def __str__(self) -> str:
        return _describe("Eligibility", self._data)


class WageStatistics(Record):
    """BLS wage statistics for one occupation, area, industry and period."""


class JobOutlook(Record):
    """A BLS employment projection for one occupation."""


class CandidateInstitution(Record):
    """An institution an unapplied accreditation-list row could mean: ``unitid``, ``name``,
    ``city``, ``state``, ``levels`` offered, ``same_city`` and ``shared_words``."""


class UnappliedEntry(Record):
    """An accreditation-list row that was not applied: ``line``, ``institution``, ``why``, the
    program ids it could mean (``candidates``, for an ambiguous row) and the ``institutions``
    it could mean, with their UNITIDs."""

    _children = {"candidates": None, "institutions": CandidateInstitution}


class VariantMatch(Record):
    """An accreditation-list row applied by a name variant: ``line``, ``institution`` (as the
    list writes it), ``program``, ``matched`` (the catalogue's name), ``unitid`` and the
    ``variants`` used."""

    _children = {"variants": None}


class RowProblem(Record):
    """A federal-file row that did not become a program: ``file``, ``unitid``, ``cip``,
    ``award_level``, ``why`` and ``text`` (the whole, for people)."""


class _Reported(Record):
    """A record that carries the library's text of itself in ``report``, which ``str()``
    gives: the report the command-line examples print."""

    def __str__(self) -> str:
        return str(self._data.get("report", ""))


class BuildSummary(_Reported):
    """What building a national catalogue left unknown or out: counts by kind, every row
    not joined (``problems``), the rows a lenient read skipped (``skipped``), and ``report``,
    the library's text (also ``str(summary)``)."""

    _children = {
        "by_award_level": None,
        "by_degree_level": None,
        "accreditation_unapplied": UnappliedEntry,
        "accreditation_by_variant": VariantMatch,
        "problems": RowProblem,
        "skipped": None,
    }


class BuiltCatalog(Record):
    """A built national catalogue: ``catalog`` and ``summary`` (a ``BuildSummary``)."""

    _children = {"summary": BuildSummary}

    def __iter__(self) -> Iterator[Any]:
        # `catalog, summary = himkit.build_catalog(...)` unpacks as the library's pair does.
        return iter((self.catalog, self.summary))


class AccreditationMatches(_Reported):
    """What applying an accreditation list did: the new ``catalog``, ``matched`` (program id →
    the list's line), ``by_variant`` (the rows matched by a name variant), ``unmatched`` and
    ``ambiguous`` rows (each with the institutions it could mean), ``skipped`` errors, and
    ``report``, the library's text (also ``str(applied)``)."""

    _children = {
        "matched": None,
        "by_variant": VariantMatch,
        "unmatched": UnappliedEntry,
        "ambiguous": UnappliedEntry,
        "skipped": None,
    }


class ScorecardAttachment(Record):
    """What attaching College Scorecard outcomes did: the new ``catalog`` and the ids
    ``attached``, ``unmatched`` and ``unidentified``, and ``skipped`` errors."""

    _children = {"skipped": None}


_KINDS: Dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Accreditation,
        AccreditationSource,
        Entry,
        Exclusion,
        Eligibility,
        WageStatistics,
        JobOutlook,
        UnappliedEntry,
        CandidateInstitution,
        VariantMatch,
        RowProblem,
        BuildSummary,
        BuiltCatalog,
        AccreditationMatches,
        ScorecardAttachment,
    )
}

#: The record class of each field of the native classes.
_FIELDS: Dict[str, Dict[str, Optional[type]]] = {
    "Ranking": {"entries": Entry, "exclusions": Exclusion, "criteria": None},
    "Sensitivity": {"ranges": RankRange, "displacement": WeightChange},
    "Comparison": {
        "rows": ComparisonRow,
        "payback": Payback,
        "exclusions": ExclusionReason,
        "ranks": None,
        "accreditation": Accreditation,
    },
    "Profile": {"weights": None, "missing": None, "unknown": None, "desired_skills": None},
    "Program": {"sources": None, "accreditation": Accreditation},
}


def _make(kind: str, data: Any) -> Any:
    """Records of class ``kind`` from plain data (called from Rust)."""
    return _wrap(data, _KINDS.get(kind, Record))


def _field(owner: str, data: Dict[str, Any], name: str) -> Any:
    """Field ``name`` of a native object of class ``owner`` whose JSON form is ``data``."""
    try:
        value = data[name]
    except KeyError:
        raise AttributeError(f"{owner} has no attribute {name!r}") from None
    return _wrap(value, _FIELDS.get(owner, {}).get(name, Record))


def _flatten(prefix: str, value: Any, row: Dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            # A tag named as its parent (`"payback": {"payback": "years"}`) is the parent's value.
            _flatten(prefix if key == prefix.rsplit(".", 1)[-1] else f"{prefix}.{key}", item, row)
        return
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        tag = next((name for name in ("criterion", "constraint") if all(name in item for item in value)), None)
        if tag is not None:
            for item in value:
                rest = {key: part for key, part in item.items() if key != tag}
                column = f"{prefix}.{item[tag]}"
                if len(rest) == 1:
                    row[column] = _plain(next(iter(rest.values())))
                else:
                    _flatten(column, rest, row)
            return
    row[prefix] = _plain(value)


def _records(items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One flat dict per item: nested objects as dotted columns, lists of per-criterion or
    per-constraint objects as a column per criterion or constraint."""
    rows = []
    for item in items:
        row: Dict[str, Any] = {}
        for key, value in item.items():
            _flatten(key, value, row)
        rows.append(row)
    return rows
