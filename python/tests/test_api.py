"""Every call the module exposes, on the datasets that ship with himkit."""

from __future__ import annotations

import copy
import enum
import json
import pathlib
import pickle

import pytest

import himkit


def test_the_package_exports_what_it_documents():
    for name in himkit.__all__:
        assert getattr(himkit, name) is not None, name
    assert himkit.__version__ == himkit.LIBRARY_VERSION
    assert (pathlib.Path(himkit.__file__).parent / "py.typed").exists()
    assert (pathlib.Path(himkit.__file__).parent / "__init__.pyi").exists()


def test_the_stubs_declare_every_public_name():
    import ast

    stubs = ast.parse((pathlib.Path(himkit.__file__).parent / "__init__.pyi").read_text())
    declared = {node.name for node in stubs.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    declared |= {target.id for node in stubs.body if isinstance(node, ast.AnnAssign) for target in [node.target]}
    assert set(himkit.__all__) <= declared, set(himkit.__all__) - declared


def test_every_public_class_and_function_has_a_docstring():
    for name in himkit.__all__:
        item = getattr(himkit, name)
        if isinstance(item, str):
            continue
        assert item.__doc__ and item.__doc__.strip(), name
        # The members each class defines (not those it inherits from `object` or `ValueError`).
        for attribute, member in vars(item).items() if isinstance(item, type) else []:
            if attribute.startswith("_") or not (callable(member) or hasattr(member, "__get__")):
                continue
            if isinstance(member, (str, int, float, dict, enum.Enum)):
                continue
            if callable(member) or isinstance(member, property) or type(member).__name__ == "getset_descriptor":
                assert member.__doc__ and member.__doc__.strip(), f"{name}.{attribute}"


def test_datasets(national, embedded):
    assert len(national.catalog) == 897
    assert len(embedded.catalog) == 17
    assert len(national.wages) == len(embedded.wages) > 0
    assert "national" in repr(national) and "illustrative" in repr(embedded)
    outlook = national.outlooks[0]
    assert isinstance(outlook, himkit.JobOutlook)
    assert outlook.occupation
    summary = himkit.Dataset.national_summary()
    assert isinstance(summary, himkit.BuildSummary)
    assert summary.programs == 897
    assert summary.accreditation_not_verified == 897
    assert summary.cost_estimated == summary.cost_estimated_ipeds + summary.cost_estimated_scorecard
    assert "897" in str(summary)
    assert isinstance(summary.by_degree_level, dict)
    assert all(isinstance(problem, himkit.RowProblem) for problem in summary.problems)


def test_a_catalogue_is_a_sequence_and_a_mapping(embedded):
    catalog = embedded.catalog
    programs = list(catalog)
    assert len(programs) == len(catalog) == len(catalog.ids)
    assert catalog[0] == programs[0]
    assert catalog[-1] == programs[-1]
    first = catalog.ids[0]
    assert first in catalog and catalog[first].id == first
    assert catalog.get(first) == catalog[first]
    assert catalog.get("no-such-program") is None
    assert catalog.get("no-such-program", 5) == 5
    assert "no-such-program" not in catalog and 42 not in catalog
    with pytest.raises(KeyError):
        catalog["no-such-program"]
    with pytest.raises(IndexError):
        catalog[len(catalog)]
    with pytest.raises(TypeError):
        catalog[1.5]
    assert repr(catalog) == "<himkit.Catalog of 17 programs>"


def test_catalogues_round_trip_through_json_and_csv(embedded, national, tmp_path):
    catalog = embedded.catalog
    assert himkit.Catalog.from_json(catalog.to_json()) == catalog
    assert himkit.Catalog.from_json(catalog.to_json().encode()) == catalog
    path = tmp_path / "programs.json"
    path.write_text(catalog.to_json())
    assert himkit.Catalog.read_json(path) == catalog
    assert himkit.Catalog.read_json(str(path)) == catalog
    csv_text = national.catalog.to_csv()
    from_csv = himkit.Catalog.from_csv(csv_text, source="national.csv")
    assert len(from_csv) == len(national.catalog)
    assert himkit.Catalog.from_csv(csv_text.encode()) == from_csv
    (tmp_path / "national.csv").write_text(csv_text)
    assert himkit.Catalog.read_csv(tmp_path / "national.csv") == from_csv


def test_a_catalogue_from_programs(embedded):
    associate = [program for program in embedded.catalog if program.degree_level == "associate"]
    catalog = himkit.Catalog(associate)
    assert 0 < len(catalog) < len(embedded.catalog)
    assert len(himkit.Catalog()) == 0
    with pytest.raises(himkit.DuplicateProgramIdError):
        himkit.Catalog(associate + associate[:1])
    with pytest.raises(TypeError):
        himkit.Catalog(["not a program"])


def test_a_program_reads_as_its_json_form(embedded):
    program = embedded.catalog["lakeside-cc-hit-aas"]
    data = json.loads(program.to_json())
    assert program.to_dict() == data
    assert program.id == data["id"]
    assert program.name == data["name"]
    assert program.institution.name == data["institution"]["name"]
    assert isinstance(program.institution, himkit.Record)
    assert program.institution.to_dict() == data["institution"]
    for field in data:
        assert field in dir(program)
    with pytest.raises(AttributeError):
        program.no_such_field
    assert "—" in str(program) and repr(program) == "<himkit.Program lakeside-cc-hit-aas>"
    assert program == embedded.catalog["lakeside-cc-hit-aas"] and program != embedded.catalog[1]


def test_eligibility(embedded, national):
    candidacy = embedded.catalog["granite-hit-aas"].eligibility("rhit")
    assert isinstance(candidacy, himkit.Eligibility)
    assert candidacy.eligibility == "not-eligible" and not candidacy
    assert candidacy.reasons[0].reason
    unknown = national.catalog["alabama-state-university-100724-510706-aw5"].eligibility("rhia")
    assert unknown.eligibility == "unknown" and "not verified" in unknown.reason
    with pytest.raises(himkit.UnknownNameError):
        embedded.catalog[0].eligibility("phd")


def test_profiles(tmp_path, ohio):
    assert ohio.home_state == "OH"
    assert ohio.degree_levels == ["associate", "baccalaureate"]
    assert ohio.method == "weighted-sum"
    assert ohio.with_method("topsis").method == "topsis"
    assert himkit.Profile(ohio.to_dict()) == ohio
    assert himkit.Profile(ohio.to_json()) == ohio
    assert himkit.Profile(ohio) == ohio
    path = tmp_path / "me.json"
    path.write_text(ohio.to_json())
    assert himkit.Profile.read(path) == ohio
    assert "home_state" in dir(ohio)
    assert repr(ohio) == "<himkit.Profile home_state=OH method=weighted-sum>"
    weighted = himkit.Profile({"home_state": "TX", "weights": {"total-cost": 2, "length": 1}})
    assert weighted.weights == {"total-cost": 2.0, "length": 1.0}
    # Sets and tuples are JSON arrays.
    assert himkit.Profile({"home_state": "OH", "degree_levels": ("associate",)}).degree_levels == ["associate"]
    assert himkit.Profile({"home_state": "OH", "degree_levels": {"associate"}}).degree_levels == ["associate"]


def test_a_ranking(selector, ohio):
    ranking = selector.rank(ohio)
    assert isinstance(ranking, himkit.Ranking)
    assert len(ranking) == len(ranking.entries) > 0
    assert ranking.out_of == 897 == len(ranking) + ranking.excluded_count
    assert ranking.method == "weighted-sum" and ranking.bounds == "domain"
    assert abs(sum(ranking.criteria.values()) - 1) < 1e-9
    assert ranking.weight("total-cost") == ranking.criteria["total-cost"]
    entries = list(ranking)
    assert [entry.rank for entry in entries] == sorted(entry.rank for entry in entries)
    best = ranking[0]
    assert isinstance(best, himkit.Entry)
    assert best == ranking.entries[0] == ranking[best.id] == ranking.entry(best.id)
    assert ranking[-1] == entries[-1]
    assert abs(sum(part.contribution for part in best.contributions) - best.score) < 1e-9
    assert all(isinstance(part, himkit.Contribution) for part in best.contributions)
    assert all(isinstance(missing, himkit.MissingCriterion) for missing in best.missing)
    assert all(isinstance(flag, himkit.Flag) for flag in best.flags)
    assert isinstance(best.payback, himkit.Payback)
    assert best.band in {"strong", "good", "weaker"}
    assert best.top_contributions(1)[0].contribution == max(part.contribution for part in best.contributions)
    assert ranking.entry("no-such-program") is None
    with pytest.raises(KeyError):
        ranking["no-such-program"]
    with pytest.raises(IndexError):
        ranking[len(ranking)]
    exclusions = ranking.exclusions
    assert len(exclusions) == ranking.excluded_count
    assert all(isinstance(exclusion, himkit.Exclusion) and exclusion.reasons for exclusion in exclusions)
    assert isinstance(exclusions[0].reasons[0], himkit.ExclusionReason)
    assert ranking.exclusion(exclusions[0].id) == exclusions[0]
    assert ranking.exclusion(best.id) is None
    assert ranking.to_dict() == json.loads(ranking.to_json())
    assert "to_records" in dir(ranking) and "out_of" in dir(ranking)
    assert repr(ranking).startswith("<himkit.Ranking weighted-sum:")
    with pytest.raises(AttributeError):
        ranking.no_such_field


def test_rank_top_keeps_the_best(selector, ohio):
    full = selector.rank(ohio)
    top = selector.rank_top(ohio, 5)
    assert [entry.to_dict() for entry in top] == [entry.to_dict() for entry in full.entries[:5]]
    assert top.excluded_count == full.excluded_count
    assert len(selector.rank_top(ohio, 0)) == 0
    assert len(selector.rank_top(ohio, 10**30)) == len(full)
    assert selector.rank_top(ohio, 5) == top


def test_records_are_flat_and_ready_for_a_data_frame(selector, ohio):
    ranking = selector.rank_top(ohio, 5)
    rows = ranking.to_records()
    assert len(rows) == 5
    for row, entry in zip(rows, ranking):
        assert row["id"] == entry.id and row["rank"] == entry.rank and row["score"] == entry.score
        for part in entry.contributions:
            assert row[f"contributions.{part.criterion}.contribution"] == part.contribution
            assert row[f"contributions.{part.criterion}.value"] == part.value
        for missing in entry.missing:
            assert row[f"missing.{missing.criterion}.why"] == missing.why
        for flag in entry.flags:
            assert row[f"flags.{flag.constraint}"] == flag.why
        assert row["payback"] == entry.payback.payback
        for value in row.values():
            assert isinstance(value, (str, int, float, bool, type(None), list))


def test_rank_many(selector, ohio):
    profiles = [ohio, ohio.to_dict(), ohio.to_json(), {"home_state": "TX"}]
    rankings = selector.rank_many(profiles, 3)
    assert len(rankings) == 4
    assert rankings[0] == rankings[1] == rankings[2] == selector.rank_top(ohio, 3)
    assert rankings[3] == selector.rank_top({"home_state": "TX"}, 3)
    assert selector.rank_many([], 3) == []
    assert len(selector.rank_many((p for p in [ohio]), None)[0]) == len(selector.rank(ohio))


def test_rank_many_reports_each_bad_profile(selector, ohio):
    profiles = [ohio, {"home_state": "ZZ"}, "{not json", 42, ohio]
    with pytest.raises(himkit.UnknownNameError) as raised:
        selector.rank_many(profiles[:3], 3)
    assert raised.value.index == 1
    results = selector.rank_many(profiles, 3, errors="return")
    assert isinstance(results[0], himkit.Ranking) and isinstance(results[4], himkit.Ranking)
    assert isinstance(results[1], himkit.UnknownNameError) and results[1].index == 1
    assert isinstance(results[2], himkit.MalformedInputError) and results[2].index == 2
    assert isinstance(results[3], TypeError) and results[3].index == 3
    with pytest.raises(ValueError):
        selector.rank_many([ohio], 3, errors="ignore")
    with pytest.raises(TypeError):
        selector.rank_many(ohio.to_dict(), 3)
    with pytest.raises(TypeError):
        selector.rank_many([ohio, 42], 3)


def test_sensitivity(selector, ohio):
    sensitivity = selector.sensitivity(ohio)
    assert isinstance(sensitivity, himkit.Sensitivity)
    assert sensitivity.change_percent == 20.0
    assert len(sensitivity.ranges) == 3
    assert all(isinstance(item, himkit.RankRange) for item in sensitivity.ranges)
    assert all(item.best <= item.rank <= item.worst for item in sensitivity.ranges)
    assert isinstance(sensitivity.displacement, himkit.WeightChange)
    assert sensitivity.to_dict() == json.loads(sensitivity.to_json())
    assert sensitivity == selector.sensitivity(ohio, top=3, change_percent=20.0)
    assert len(selector.sensitivity(ohio, 5, 10.0).ranges) == 5
    assert repr(sensitivity).startswith("<himkit.Sensitivity {")
    assert "ranges" in dir(sensitivity)


def test_pareto(selector, ohio):
    front = selector.pareto(ohio)
    ranked = {entry.id for entry in selector.rank(ohio)}
    assert front and set(front) <= ranked and front == sorted(front)


def test_compare(selector, ohio):
    ranking = selector.rank_top(ohio, 2)
    excluded = ranking.exclusions[0].id
    comparison = selector.compare(ohio, [ranking[0].id, ranking[1].id, excluded])
    assert isinstance(comparison, himkit.Comparison)
    assert comparison.ids == [ranking[0].id, ranking[1].id, excluded]
    data = json.loads(comparison.to_json())
    assert comparison.to_dict() == data
    assert data["ranks"][0] == [1, ranking[0].score] and data["ranks"][2] is None
    assert all(isinstance(row, himkit.ComparisonRow) for row in comparison.rows)
    assert all(isinstance(cell, himkit.ComparisonCell) for cell in comparison.rows[0].cells)
    assert comparison.exclusions[2] and not comparison.exclusions[0]
    with pytest.raises(himkit.InvalidValueError):
        selector.compare(ohio, [ranking[0].id])
    with pytest.raises(himkit.InvalidValueError):
        selector.compare(ohio, [ranking[0].id, ranking[0].id])
    with pytest.raises(himkit.UnknownProgramError) as raised:
        selector.compare(ohio, [ranking[0].id, "no-such-program"])
    assert isinstance(raised.value, LookupError) and raised.value.value == "no-such-program"
    with pytest.raises(TypeError):
        selector.compare(ohio, "ab")


def test_selector(selector, national, embedded):
    assert len(selector) == 897 and repr(selector) == "<himkit.Selector of 897 programs>"
    assert selector.ids == sorted(national.catalog.ids)
    program = selector.program(selector.ids[0])
    assert isinstance(program, himkit.Program) and program.id == selector.ids[0]
    assert selector.program("no-such-program") is None
    without_wages = himkit.Selector(embedded.catalog)
    assert len(without_wages.rank({"home_state": "OH", "require_accreditation": False})) > 0
    assert len(himkit.Selector(embedded.catalog, None)) == 17
    with pytest.raises(TypeError):
        himkit.Selector(embedded.catalog.to_json())
    with pytest.raises(TypeError):
        himkit.Selector(embedded.catalog, [1, 2])


def test_wage_tables(national, embedded):
    wages = national.wages
    assert len(wages) == len(list(wages)) and wages.skipped == [] and wages.filtered == 0
    first = wages[0]
    assert isinstance(first, himkit.WageStatistics) and first == list(wages)[0] and wages[-1] == list(wages)[-1]
    assert json.loads(wages.to_json())[0] == first.to_dict()
    rows = wages.to_records()
    assert len(rows) == len(wages) and all("occupation" in row for row in rows)
    assert len(himkit.WageTable()) == 0
    with pytest.raises(IndexError):
        wages[len(wages)]
    assert repr(himkit.WageTable()) == "<himkit.WageTable of 0 statistics, 0 rows skipped>"


def test_records_behave_as_values(selector, ohio):
    entry = selector.rank_top(ohio, 1)[0]
    assert entry == copy.deepcopy(entry) == pickle.loads(pickle.dumps(entry))
    assert entry["id"] == entry.id and "id" in entry and "nothing" not in entry
    with pytest.raises(KeyError):
        entry["nothing"]
    with pytest.raises(AttributeError):
        entry.id = "other"
    with pytest.raises(AttributeError):
        del entry.id
    data = entry.to_dict()
    data["id"] = "changed"
    assert entry.id != "changed"
    assert entry.fields()[:2] == ["rank", "id"]
    assert repr(entry).startswith("Entry(rank=1, id=")
    # Fields the JSON form leaves out when empty read as empty.
    quiet = next(
        (item for item in selector.rank({"home_state": "OH", "require_accreditation": False}) if not item.fields().count("flags")),
        None,
    )
    if quiet is not None:
        assert quiet.flags == []


def test_errors_pickle_with_their_details(selector):
    with pytest.raises(himkit.Error) as raised:
        selector.rank('{"home_state": "ZZ"}')
    again = pickle.loads(pickle.dumps(raised.value))
    assert type(again) is type(raised.value) and str(again) == str(raised.value)
    assert again.location == raised.value.location and again.field == raised.value.field


def test_a_home_zip_code_and_a_distance_limit(selector):
    student = himkit.Profile({"home_zip": "45202", "delivery_modes": ["on-campus", "hybrid"], "max_distance_miles": 30})
    assert (student.home_state, student.home_zip, student.max_distance_miles) == ("OH", "45202", 30.0)
    ranking = selector.rank(student)
    assert len(ranking) > 0
    for entry in ranking:
        assert entry.distance_from == "45202"
        assert 0 <= entry.distance_miles <= 30
    kentucky = [entry for entry in ranking if selector.program(entry.id).institution.state == "KY"]
    assert kentucky and all(entry.residency == "out-of-state" for entry in kentucky)
    # Without a ZIP code nothing has a distance.
    for entry in selector.rank_top({"home_state": "OH"}, 5):
        assert entry.distance_miles is None and entry.distance_from is None


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"home_zip": "4321"}, "zip"),
        ({"home_zip": "43216"}, "zip"),
        ({"home_state": "KY", "home_zip": "45202"}, "home_zip"),
        ({"home_state": "OH", "max_distance_miles": 20}, "max_distance_miles"),
        ({"home_zip": "43215", "max_distance_miles": 6000}, "max_distance_miles"),
    ],
)
def test_bad_zip_codes_and_distance_limits_are_invalid_values(spec, field):
    with pytest.raises(himkit.InvalidValueError) as raised:
        himkit.Profile(spec)
    assert raised.value.field == field
