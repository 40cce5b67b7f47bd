"""The readers of the files users have: catalogue CSV, the federal files, accreditation lists,
College Scorecard outcomes and BLS OEWS tables."""

from __future__ import annotations

import pathlib

import pytest

import himkit

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
FEDERAL = REPO / "data" / "federal"
OUTCOMES = REPO / "data" / "outcomes"


def federal(**overrides):
    arguments = dict(
        hd=FEDERAL / "hd2024_him.csv",
        completions=FEDERAL / "c2024_a_him_first_majors.csv",
        ic=FEDERAL / "ic2022_him.csv",
        ic_ay=FEDERAL / "ic2022_ay_him.csv",
        scorecard_institutions=[FEDERAL / "scorecard_institution_him.csv", OUTCOMES / "scorecard_institution_earnings_2025.csv"],
        scorecard_release="2021-22",
        outcome_measures=OUTCOMES / "ipeds_om2023_award_rates.csv",
        graduation_rates=OUTCOMES / "ipeds_gr_150_2016_2023.csv",
    )
    arguments.update(overrides)
    return arguments


def test_build_catalog_from_the_federal_files_gives_the_national_catalogue(national):
    built = himkit.build_catalog(**federal())
    assert isinstance(built, himkit.BuiltCatalog)
    catalog, summary = built
    assert catalog.ids == national.catalog.ids
    assert [program.to_dict() for program in catalog] == [program.to_dict() for program in national.catalog]
    assert summary.programs == himkit.Dataset.national_summary().programs == len(catalog)
    assert summary.skipped == []
    # The institutions' outcomes, as the embedded catalogue has them.
    assert (summary.institution_completion_rates, summary.institution_graduation_rates, summary.institution_earnings) == (
        872,
        882,
        888,
    )
    assert summary.institutions_without_outcomes == himkit.Dataset.national_summary().institutions_without_outcomes
    graduation = catalog[0].to_dict()["outcomes"]["institution_completion_rate"]
    assert graduation["scope"] == "institution"


def test_build_catalog_keyword_arguments(tmp_path):
    only_him = himkit.build_catalog(**federal(cip="51.0706"))
    assert only_him.summary.cips == ["51.0706"]
    assert all(program.cip == "51.0706" for program in only_him.catalog)
    assert himkit.build_catalog(**federal(cip=["51.0706"])).catalog == only_him.catalog
    minimal = himkit.build_catalog(
        hd=str(FEDERAL / "hd2024_him.csv"), completions=str(FEDERAL / "c2024_a_him_first_majors.csv")
    )
    assert minimal.summary.delivery_unknown == minimal.summary.programs
    given_years = himkit.build_catalog(**federal(year=2024, ic_year="2022", lenient=True))
    assert len(given_years.catalog) == len(minimal.catalog)
    # Years come from the file names unless given.
    (tmp_path / "completions.csv").write_bytes((FEDERAL / "c2024_a_him_first_majors.csv").read_bytes())
    with pytest.raises(himkit.InvalidValueError, match="has no year"):
        himkit.build_catalog(**federal(completions=tmp_path / "completions.csv"))
    assert len(himkit.build_catalog(**federal(completions=tmp_path / "completions.csv", year=2024)).catalog) == len(
        minimal.catalog
    )
    with pytest.raises(himkit.InvalidValueError, match="has no year"):
        himkit.build_catalog(**federal(scorecard_release=None))
    with pytest.raises(himkit.InvalidValueError, match="the n-th names the n-th file's release"):
        himkit.build_catalog(**federal(scorecard_release=["2021-22", "2025", "2026"]))
    # Without the outcome files, the programs have no institution figures.
    bare = himkit.build_catalog(**federal(outcome_measures=None, graduation_rates=None))
    assert bare.summary.institution_completion_rates == 0 and bare.summary.institutions_without_outcomes == []
    # An outcome file's year given where its columns do not say it is used.
    given = himkit.build_catalog(**federal(graduation_rates=None, outcome_measures_year=2023))
    assert given.summary.institution_completion_rates == 872
    with pytest.raises(himkit.InvalidValueError):
        himkit.build_catalog(**federal(cip="51.0000"))
    with pytest.raises(himkit.InvalidValueError):
        himkit.build_catalog(**federal(cip=[]))
    with pytest.raises(TypeError):
        himkit.build_catalog(FEDERAL / "hd2024_him.csv", FEDERAL / "c2024_a_him_first_majors.csv")


def test_build_catalog_reports_the_file_it_cannot_read(tmp_path):
    with pytest.raises(himkit.IoError) as raised:
        himkit.build_catalog(**federal(ic=tmp_path / "ic2022_missing.csv"))
    assert isinstance(raised.value, OSError) and raised.value.errno == 2
    assert raised.value.filename == str(tmp_path / "ic2022_missing.csv")
    assert raised.value.location.source == str(tmp_path / "ic2022_missing.csv")
    broken = tmp_path / "hd2024.csv"
    broken.write_text("UNITID,INSTNM\n1,x\n")
    with pytest.raises(himkit.MalformedInputError) as raised:
        himkit.build_catalog(**federal(hd=broken))
    assert raised.value.location.source == str(broken)


ACCREDITATION = (
    "institution_name,city,state,unitid,degree_level,status,last_confirmed\n"
    "Alabama State University,Montgomery,AL,100724,baccalaureate,continuing-accreditation,2024-10-01\n"
    "Nowhere College,Nowhere,AL,,associate,continuing-accreditation,2024-10-01\n"
)


def test_accreditation_lists(national, tmp_path):
    path = tmp_path / "cahiim.csv"
    path.write_text(ACCREDITATION)
    applied = national.catalog.apply_accreditation_list(path)
    assert isinstance(applied, himkit.AccreditationMatches)
    assert applied.matched == {"alabama-state-university-100724-510706-aw5": 2}
    assert applied.unmatched[0].line == 3 and isinstance(applied.unmatched[0], himkit.UnappliedEntry)
    assert applied.ambiguous == [] and applied.skipped == []
    program = applied.catalog["alabama-state-university-100724-510706-aw5"]
    assert program.eligibility("rhia").eligibility != "unknown"
    built = himkit.build_catalog(**federal(accreditation=path))
    assert built.summary.accreditation_from_list == 1
    path.write_text(ACCREDITATION + "Bad College,Nowhere,ZZ,,associate,continuing-accreditation,2024-10-01\n")
    with pytest.raises(himkit.Error) as raised:
        national.catalog.apply_accreditation_list(path)
    assert raised.value.location.line == 4
    lenient = national.catalog.apply_accreditation_list(path, lenient=True)
    assert len(lenient.skipped) == 1 and isinstance(lenient.skipped[0], himkit.Error)
    assert lenient.skipped[0].location.line == 4
    with pytest.raises(himkit.IoError):
        national.catalog.apply_accreditation_list(tmp_path / "missing.csv")


def test_an_applied_status_says_where_it_came_from(national, tmp_path):
    path = tmp_path / "cahiim.csv"
    path.write_text(ACCREDITATION)
    applied = national.catalog.apply_accreditation_list(path)
    alabama = "alabama-state-university-100724-510706-aw5"
    program = applied.catalog[alabama]
    accreditation = program.accreditation
    assert isinstance(accreditation, himkit.Accreditation)
    assert isinstance(accreditation.source, himkit.AccreditationSource)
    # The list as it was named (the path given), and the row's line.
    assert (accreditation.source.list, accreditation.source.line) == (str(path), 2)
    assert accreditation.next_review_year is None
    assert str(accreditation) == f"CAHIIM continuing accreditation — from {path} line 2, last confirmed 2024-10-01"
    assert str(accreditation.source) == f"{path} line 2"
    # RHIA eligibility rests on that accreditation and cites the same source.
    rhia = program.eligibility("rhia")
    assert rhia and rhia.accreditation == accreditation
    assert str(rhia) == f"eligible through CAHIIM continuing accreditation (from {path} line 2)"
    assert str(program.eligibility("rhit")).startswith("not eligible: ")
    # A program the list does not name is not verified.
    assert national.catalog[alabama].accreditation == "not-verified"
    # The source survives the catalogue's JSON and CSV.
    assert himkit.Catalog.from_json(applied.catalog.to_json())[alabama].accreditation == accreditation
    csv = applied.catalog.to_csv()
    assert "accreditation_source,accreditation_source_line" in csv.splitlines()[0]
    assert himkit.Catalog.from_csv(csv)[alabama].accreditation.source.line == 2
    # A ranking's explanation and a comparison state it with its source.
    selector = himkit.Selector(applied.catalog, national.wages)
    profile = {"home_state": "AL", "unknown": {"accreditation": "exclude"}}
    entry = selector.rank(profile).entry(alabama)
    assert entry.accreditation == accreditation
    assert entry.accreditation.source.list == str(path)
    rows = selector.rank(profile).to_records()
    assert rows[0]["accreditation.source.line"] == 2
    other = next(id for id in national.catalog.ids if id != alabama)
    comparison = selector.compare(profile, [alabama, other])
    assert comparison.accreditation[0] == accreditation
    assert comparison.accreditation[1] == "not-verified"


def test_accreditation_lists_name_variants_and_candidates(national, tmp_path):
    path = tmp_path / "cahiim.csv"
    path.write_text(
        "institution_name,city,state,degree_level,status,last_confirmed\n"
        "Cuyahoga Community College (Tri-C),Cleveland,OH,associate,continuing-accreditation,2025-06-30\n"
        "Wallace State Community College,Hanceville,AL,certificate,continuing-accreditation,2024-10-01\n"
    )
    applied = national.catalog.apply_accreditation_list(path)
    assert applied.matched == {"cuyahoga-community-college-district-202356-510707-aw3": 2}
    variant = applied.by_variant[0]
    assert isinstance(variant, himkit.VariantMatch)
    assert (variant.line, variant.unitid, variant.variants) == (2, 202356, ["parenthesised", "district-suffix"])
    [row] = applied.unmatched
    assert isinstance(row.institutions[0], himkit.CandidateInstitution)
    assert (row.institutions[0].unitid, row.institutions[0].levels) == (101295, ["certificate", "associate"])
    assert str(applied).startswith("applied to 1 program (1 by name variant); 1 rows matched no program")
    assert "line 2: matched Cuyahoga Community College District (UNITID 202356) by name variant" in str(applied)
    built = himkit.build_catalog(**federal(accreditation=path))
    assert built.summary.accreditation_by_variant == applied.by_variant


SCORECARD = (
    "UNITID,INSTNM,CIPCODE,CREDLEV,EARN_MDN_HI_1YR,DEBT_ALL_STGP_EVAL_MDN\n"
    "100724,Alabama State University,5107,3,41000,23000\n"
)


def test_scorecard_outcomes(national, tmp_path):
    path = tmp_path / "fos2024.csv"
    path.write_text(SCORECARD)
    attachment = national.catalog.attach_scorecard(path)
    assert isinstance(attachment, himkit.ScorecardAttachment)
    assert attachment.attached == ["alabama-state-university-100724-510706-aw5"]
    assert len(attachment.unmatched) == len(national.catalog) - 1 and attachment.unidentified == []
    earnings = attachment.catalog["alabama-state-university-100724-510706-aw5"].outcomes.median_earnings
    assert earnings.value == 41000 and earnings.year == 2024
    assert national.catalog.attach_scorecard(path, year="2023").catalog != attachment.catalog
    path.write_text(SCORECARD + "100724,Alabama State University,5107,3,lots,1\n")
    with pytest.raises(himkit.InvalidValueError) as raised:
        national.catalog.attach_scorecard(path)
    assert raised.value.location.line == 3 and raised.value.location.column_name == "EARN_MDN_HI_1YR"
    lenient = national.catalog.attach_scorecard(path, lenient=True)
    assert lenient.attached == attachment.attached and len(lenient.skipped) == 1
    unnamed = tmp_path / "fos.csv"
    unnamed.write_text(SCORECARD)
    with pytest.raises(himkit.InvalidValueError, match="has no year"):
        national.catalog.attach_scorecard(unnamed)
    with pytest.raises(himkit.IoError):
        national.catalog.attach_scorecard(tmp_path / "nothing2024.csv")


def test_oews_tables(tmp_path):
    path = FIXTURES / "national_M2024_dl.csv"
    wages = himkit.WageTable.read(path)
    assert len(wages) > 0 and wages.skipped == []
    assert all(item.period == "2024-05" for item in wages)
    managers = himkit.WageTable.read(path, occupations=["11-9111"])
    assert {item.occupation for item in managers} == {"11-9111"} and managers.filtered > 0
    same = himkit.WageTable.from_csv(path.read_text(), str(path))
    assert same.to_json() == wages.to_json()
    assert len(himkit.WageTable.from_csv(path.read_bytes(), "x.csv", period="2023-05")) == len(wages)
    bad = FIXTURES / "national_M2024_bad_number.csv"
    with pytest.raises(himkit.InvalidValueError) as raised:
        himkit.WageTable.read(bad)
    assert raised.value.location.line is not None and raised.value.location.column_name
    lenient = himkit.WageTable.read(bad, lenient=True)
    assert len(lenient.skipped) == 1 and lenient.skipped[0].location.source == str(bad)
    with pytest.raises(himkit.MalformedInputError):
        himkit.WageTable.read(FIXTURES / "national_M2024_no_pct90.csv")
    with pytest.raises(himkit.IoError):
        himkit.WageTable.read(tmp_path / "national_M2024_missing.csv")
    with pytest.raises(himkit.InvalidValueError):
        himkit.WageTable.read(path, occupations=["11-91"])
    with pytest.raises(himkit.Error):
        himkit.WageTable.read(path, period="May")
    # Read wages serve as a selector's earnings fallback.
    selector = himkit.Selector(himkit.Dataset.embedded().catalog, managers)
    assert len(selector.rank({"home_state": "OH", "require_accreditation": False})) > 0


def test_catalogue_csv_fixture():
    catalog = himkit.Catalog.read_csv(FIXTURES / "catalog.csv")
    assert len(catalog) == 17


def test_build_catalog_with_field_of_study_outcomes(tmp_path):
    path = tmp_path / "fos.csv"
    path.write_text(SCORECARD)
    with pytest.raises(himkit.InvalidValueError, match="scorecard_year"):
        himkit.build_catalog(**federal(scorecard_fos=path))
    built = himkit.build_catalog(**federal(scorecard_fos=path, scorecard_year=2023))
    assert built.summary.scorecard_attached == 1
    program = built.catalog["alabama-state-university-100724-510706-aw5"]
    assert program.outcomes.median_earnings.value == 41000 and program.outcomes.median_earnings.year == 2023


def test_oews_filters_by_area_and_industry_and_top_code():
    path = FIXTURES / "national_M2024_dl.csv"
    everything = himkit.WageTable.read(path)
    cross_industry = himkit.WageTable.read(path, industries=["000000"])
    assert 0 < len(cross_industry) < len(everything) and cross_industry.filtered > 0
    assert len(himkit.WageTable.read(path, areas=["99"])) == len(everything)
    assert len(himkit.WageTable.read(path, areas=["39"])) == 0
    top_coded = [item for item in everything if "at_least" in str(item.to_dict())]
    assert top_coded
    raised = himkit.WageTable.read(path, top_code=300000)
    assert "300000" in raised.to_json() and "300000" not in everything.to_json()


def test_locations_are_values():
    location = himkit.Location(source="a.csv", line=3, column_name="A_MEDIAN")
    assert location.to_dict() == {
        "source": "a.csv",
        "sheet": None,
        "line": 3,
        "column": None,
        "column_name": "A_MEDIAN",
        "path": None,
    }
    assert location == himkit.Location(source="a.csv", line=3, column_name="A_MEDIAN")
    assert repr(location) == "Location(source='a.csv', line=3, column_name='A_MEDIAN')"
