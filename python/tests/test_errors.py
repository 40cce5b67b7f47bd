"""Every kind of error is a himkit.Error subclass carrying the library's located message, and no
input brings the interpreter down."""

from __future__ import annotations

import math
import pathlib

import pytest

import himkit
from himkit import _errors

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_the_hierarchy():
    kinds = {
        himkit.InvalidValueError: himkit.ErrorKind.INVALID,
        himkit.UnknownNameError: himkit.ErrorKind.UNKNOWN_NAME,
        himkit.MalformedInputError: himkit.ErrorKind.MALFORMED,
        himkit.InputTooLargeError: himkit.ErrorKind.TOO_LARGE,
        himkit.DuplicateProgramIdError: himkit.ErrorKind.DUPLICATE_PROGRAM_ID,
        himkit.UnknownProgramError: himkit.ErrorKind.UNKNOWN_PROGRAM,
        himkit.IoError: himkit.ErrorKind.IO,
    }
    for cls, kind in kinds.items():
        assert issubclass(cls, himkit.Error) and issubclass(cls, ValueError)
        assert cls.kind is kind
    assert issubclass(himkit.IoError, OSError)
    assert issubclass(himkit.UnknownProgramError, LookupError)


def test_a_kind_the_bindings_do_not_know_is_the_base_class():
    error = _errors._from_native("a-later-kind", "input: something new", None, None, None, "something new", None)
    assert type(error) is himkit.Error
    assert error.kind is himkit.ErrorKind.OTHER
    assert str(error) == "input: something new" and error.location is None


def test_invalid_value_carries_its_location_and_field(selector):
    with pytest.raises(himkit.InvalidValueError) as raised:
        selector.rank('{"home_state": "OH",\n "max_length_months": -3}')
    error = raised.value
    assert error.kind is himkit.ErrorKind.INVALID
    assert error.location == himkit.Location(source="profile", line=2, column=24, path="max_length_months")
    assert str(error).startswith("profile line 2, column 24, field max_length_months: ")
    assert error.reason in str(error)


def test_a_refused_value_names_field_and_value(selector):
    with pytest.raises(himkit.InvalidValueError) as raised:
        selector.rank({"home_state": "OH", "weights": {"total-cost": 0}})
    assert str(raised.value).startswith("profile: weights: all zero leave nothing to score")
    with pytest.raises(himkit.InvalidValueError) as raised:
        himkit.Catalog.from_json('[{"id": "Bad Id"}]', source="mine.json")
    assert raised.value.location.path == "[0].id" and raised.value.location.line == 1


def test_unknown_names():
    with pytest.raises(himkit.UnknownNameError) as raised:
        himkit.Profile.example("ZZ")
    assert raised.value.field == "state" and raised.value.value == "ZZ"
    assert str(raised.value).startswith('state: "ZZ" is not a known state; expected one of: AL, AK')
    assert raised.value.location is None
    with pytest.raises(himkit.UnknownNameError):
        himkit.Profile.example("OH").with_method("best")


def test_an_unknown_name_in_json_is_the_same_kind_as_in_code(selector):
    # The same refusal from a profile's JSON text and from its dict, with the JSON's position.
    for profile in ['{"home_state": "ZZ"}', {"home_state": "ZZ"}]:
        with pytest.raises(himkit.UnknownNameError) as raised:
            selector.rank(profile)
        assert raised.value.kind is himkit.ErrorKind.UNKNOWN_NAME
        assert raised.value.field == "state" and raised.value.value == "ZZ"
        assert raised.value.location.path == "home_state"


def test_unknown_criterion_in_a_weight_lookup(selector, ohio):
    with pytest.raises(himkit.UnknownNameError):
        selector.rank_top(ohio, 1).weight("beauty")


def test_malformed_input(selector):
    with pytest.raises(himkit.MalformedInputError) as raised:
        selector.rank('{"home_state": "OH"')
    assert raised.value.location.source == "profile" and raised.value.location.line == 1
    with pytest.raises(himkit.MalformedInputError) as raised:
        himkit.Catalog.from_json("[\n{", source="mine.json")
    assert str(raised.value).startswith("mine.json line 2")
    with pytest.raises(himkit.MalformedInputError):
        himkit.Catalog.from_csv("id,name\n")
    with pytest.raises(himkit.MalformedInputError) as raised:
        himkit.Catalog.from_json(b"[\xff]", source="latin.json")
    assert "UTF-8" in str(raised.value)


def test_input_too_large():
    header, row = (REPO / "tests" / "fixtures" / "catalog.csv").read_text().splitlines()[:2]
    with pytest.raises(himkit.InputTooLargeError) as raised:
        himkit.Catalog.from_csv(header + "\n" + row.replace("Lakeside", "L" * 70_000) + "\n", source="big.csv")
    assert "Limits::max_field_bytes" in str(raised.value) and raised.value.location.source == "big.csv"
    nested: dict = {"home_state": "OH"}
    for _ in range(300):
        nested = {"x": nested}
    with pytest.raises(himkit.InputTooLargeError):
        himkit.Profile(nested)
    looped: dict = {"home_state": "OH"}
    looped["self"] = looped
    with pytest.raises(himkit.InputTooLargeError):
        himkit.Profile(looped)


def test_duplicate_program_ids(embedded):
    text = embedded.catalog.to_json()
    doubled = text.rstrip()[:-1].rstrip() + "," + text.strip()[1:]
    with pytest.raises(himkit.DuplicateProgramIdError) as raised:
        himkit.Catalog.from_json(doubled, source="twice.json")
    assert "appears twice" in str(raised.value) and "twice.json" in str(raised.value)
    assert raised.value.value == embedded.catalog.ids[0]


def test_unknown_program(selector, ohio):
    ids = selector.ids
    with pytest.raises(himkit.UnknownProgramError) as raised:
        selector.compare(ohio, [ids[0], "nowhere"])
    assert str(raised.value) == 'no program with id "nowhere" in the catalogue'


def test_io_errors_are_os_errors(tmp_path):
    missing = tmp_path / "nothing.json"
    for read in (himkit.Catalog.read_json, himkit.Catalog.read_csv, himkit.Profile.read, himkit.WageTable.read):
        with pytest.raises(himkit.IoError) as raised:
            read(missing)
        error = raised.value
        assert isinstance(error, OSError) and isinstance(error, himkit.Error)
        assert error.errno == 2 and error.filename == str(missing)
        assert str(error).startswith(f"{missing}: ")
    with pytest.raises(FileNotFoundError.__mro__[1]):
        himkit.Catalog.read_json(missing)


# Hostile input: wrong types, huge values, NaN, negative weights. Each is an exception.


@pytest.mark.parametrize("profile", [42, None, 1.5, ["OH"], b'{"home_state": "OH"}', object()])
def test_a_profile_of_the_wrong_type(selector, profile):
    with pytest.raises(TypeError):
        selector.rank(profile)


@pytest.mark.parametrize(
    "weights",
    [
        {"total-cost": float("nan")},
        {"total-cost": float("inf")},
        {"total-cost": -math.inf},
        {"total-cost": -1},
        {"total-cost": -0.5, "length": 1},
        {"total-cost": 10**400},
        {"total-cost": "heavy"},
        {"total-cost": None},
        {"beauty": 1},
    ],
)
def test_bad_weights(selector, weights):
    with pytest.raises(himkit.Error):
        selector.rank({"home_state": "OH", "weights": weights})


@pytest.mark.parametrize(
    "spec",
    [
        {"home_state": 5},
        {"home_state": True},
        {"home_state": "OH", "max_total_cost": -1},
        {"home_state": "OH", "max_total_cost": 2**70},
        {"home_state": "OH", "max_total_cost": 1.5},
        {"home_state": "OH", "max_length_months": 10**6},
        {"home_state": "OH", "degree_levels": "associate"},
        {"home_state": "OH", "degree_levels": [None]},
        {"home_state": "OH", "surprise": 1},
        {"home_state": "X" * 5_000_000},
        {"home_state": "OH", "desired_skills": ["y" * 1_000_000]},
        {},
    ],
)
def test_refused_profiles(spec):
    with pytest.raises(himkit.Error):
        himkit.Profile(spec)


@pytest.mark.parametrize(
    "spec",
    [
        {1: "OH"},
        {"home_state": b"OH"},
        {"home_state": object()},
        {"home_state": "OH", "degree_levels": [complex(1, 2)]},
    ],
)
def test_values_json_cannot_hold(spec):
    with pytest.raises(TypeError):
        himkit.Profile(spec)


def test_strings_that_are_not_unicode_text():
    with pytest.raises(ValueError):
        himkit.Profile({"home_state": "\ud800"})
    with pytest.raises(ValueError):
        himkit.Profile('{"home_state": "\ud800"}')


def test_huge_and_odd_json_text(selector):
    with pytest.raises(himkit.Error):
        selector.rank("[" * 200_000)
    with pytest.raises(himkit.MalformedInputError):
        himkit.Catalog.from_json("[" * 200_000)
    with pytest.raises(himkit.Error):
        selector.rank(" " * 10_000_000)
    with pytest.raises(himkit.Error):
        himkit.Catalog.from_json("[" + "{}," * 100_000 + "{}]")
    with pytest.raises(himkit.Error):
        himkit.Catalog.from_json("\x00")


@pytest.mark.parametrize("k", ["10", 2.5, None, True, [1]])
def test_rank_top_counts_must_be_ints(selector, ohio, k):
    with pytest.raises(TypeError):
        selector.rank_top(ohio, k)


def test_negative_counts(selector, ohio):
    with pytest.raises(himkit.InvalidValueError):
        selector.rank_top(ohio, -1)
    with pytest.raises(himkit.InvalidValueError):
        selector.rank_many([ohio], -(10**40))
    with pytest.raises(himkit.InvalidValueError):
        selector.sensitivity(ohio, top=-2)


@pytest.mark.parametrize("change", [float("nan"), 0.0, 100.0, -5.0, float("inf")])
def test_sensitivity_change_out_of_range(selector, ohio, change):
    with pytest.raises(himkit.InvalidValueError):
        selector.sensitivity(ohio, change_percent=change)


def test_wrong_argument_types_elsewhere(embedded, ohio, tmp_path):
    with pytest.raises(TypeError):
        himkit.Catalog.from_json(42)
    with pytest.raises(TypeError):
        himkit.Catalog.read_json(42)
    with pytest.raises(TypeError):
        himkit.WageTable.read(tmp_path / "x.csv", occupations="11-9111")
    with pytest.raises((TypeError, OverflowError)):
        himkit.WageTable.read(tmp_path / "x.csv", top_code=-1)
    with pytest.raises(TypeError):
        himkit.build_catalog(hd=1, completions=2)
    with pytest.raises(TypeError):
        embedded.catalog.attach_scorecard(tmp_path / "x2024.csv", year=2024.5)
    with pytest.raises(himkit.InvalidValueError):
        embedded.catalog.attach_scorecard(tmp_path / "x.csv", year=10**30)
    with pytest.raises(himkit.InvalidValueError):
        embedded.catalog.attach_scorecard(tmp_path / "x.csv", year=1066)
    with pytest.raises(TypeError):
        himkit.Selector(embedded.catalog).rank_many(ohio, 1)
    with pytest.raises(TypeError):
        himkit.Selector(embedded.catalog).compare(ohio, [1, 2])


def test_every_kind_of_the_library_has_its_class_and_name():
    library = list(himkit._native.ERROR_KINDS)
    assert library, "the native module names no kinds"
    assert set(library) == {kind.value for kind in himkit.ErrorKind} - {"other"}
    for name in library:
        cls = _errors._CLASSES[name]
        assert cls.kind.value == name and issubclass(cls, himkit.Error)
    # A kind the library adds without its class here stops the import, naming the kind.
    with pytest.raises(ImportError, match="a-later-kind"):
        _errors._check_kinds([*library, "a-later-kind"])


@pytest.mark.parametrize(
    "bad",
    [
        42,
        [1, 2],
        {"home_state": "OH", "max_length_months": math.nan},
        {"home_state": "OH", 3: "three"},
        "{not json",
        {"home_state": "ZZ"},
        {"home_state": "OH", "weights": {"total-cost": 0}},
    ],
    ids=["int", "list", "nan", "int-key", "not-json", "unknown-state", "zero-weights"],
)
def test_rank_many_returns_the_error_it_would_raise(selector, bad):
    ohio = {"home_state": "OH"}
    with pytest.raises(Exception) as raised:
        selector.rank_many([ohio, bad, ohio], 3)
    results = selector.rank_many([ohio, bad, ohio], 3, errors="return")
    returned = results[1]
    assert type(returned) is type(raised.value)
    assert str(returned) == str(raised.value)
    assert returned.index == raised.value.index == 1
    assert isinstance(results[0], himkit.Ranking) and isinstance(results[2], himkit.Ranking)
