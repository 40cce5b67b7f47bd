"""`Ranking.to_json()` is byte for byte what `select --format json` prints."""

from __future__ import annotations

import json

import pytest

import himkit

PROFILES = {
    "texas-bachelor-rhia": {
        "home_state": "TX",
        "degree_levels": ["baccalaureate"],
        "target_credential": "rhia",
        "relocation_states": ["OK", "LA"],
        "weights": {"total-cost": 3, "graduation-rate": 1, "expected-earnings": 2},
    },
    "california-any-catalog-bounds": {
        "home_state": "CA",
        "require_accreditation": False,
        "bounds": "catalog",
        "missing": {"graduation-rate": "score-as-worst"},
        "max_total_cost": 40000,
    },
    "maine-online-verified-only": {
        "home_state": "ME",
        "delivery_modes": ["online"],
        "require_accreditation": True,
        "unknown": {"accreditation": "keep-and-flag", "length": "exclude"},
        "desired_skills": ["coding-and-classification"],
        "preferred_delivery": "online",
        "earnings_baseline": 30000,
    },
    "ohio-associate": {"home_state": "OH", "degree_levels": ["associate"], "require_accreditation": False},
    "cincinnati-within-30-miles": {
        "home_zip": "45202",
        "delivery_modes": ["on-campus", "hybrid"],
        "max_distance_miles": 30,
        "require_accreditation": False,
    },
}

# (profile name or None for the example profile, catalogue, top, method)
CASES = [
    (None, "national", None, None),
    (None, "illustrative", None, None),
    (None, "national", 10, "topsis"),
    ("texas-bachelor-rhia", "national", None, None),
    ("texas-bachelor-rhia", "illustrative", 5, "topsis"),
    ("california-any-catalog-bounds", "national", 25, None),
    ("california-any-catalog-bounds", "illustrative", None, "topsis"),
    ("maine-online-verified-only", "national", 10, None),
    ("ohio-associate", "illustrative", None, None),
    ("ohio-associate", "national", 3, "weighted-sum"),
    ("cincinnati-within-30-miles", "national", None, None),
]


@pytest.mark.parametrize(("name", "catalogue", "top", "method"), CASES)
def test_to_json_is_the_select_example_output(
    name, catalogue, top, method, tmp_path, select_example, selector, illustrative
):
    args = ["--format", "json"]
    if name is None:
        profile = himkit.Profile.example("OH")
    else:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(PROFILES[name], indent=2))
        args += ["--profile", str(path)]
        # The dict itself, not a Profile read from the file: the path users take most.
        profile = PROFILES[name]
    if catalogue == "illustrative":
        args.append("--illustrative")
        chosen = illustrative
    else:
        chosen = selector
    if method is not None:
        args += ["--method", method]
        profile = himkit.Profile(profile).with_method(method)
    if top is not None:
        args += ["--top", str(top)]
        ranking = chosen.rank_top(profile, top)
    else:
        ranking = chosen.rank(profile)
    assert len(ranking) > 0, "a profile that ranks nothing makes select fail; choose another"
    assert ranking.to_json() + "\n" == select_example(*args)


def test_rank_many_gives_the_same_json_as_rank_top(selector):
    profiles = [PROFILES[name] for name in PROFILES] + [himkit.Profile.example("NY")]
    for profile, ranking in zip(profiles, selector.rank_many(profiles, 4)):
        assert ranking.to_json() == selector.rank_top(profile, 4).to_json()


def test_the_counted_form_matches_the_full_form(selector, ohio):
    ranking = selector.rank_top(ohio, 3)
    full = json.loads(ranking.to_json())
    counted = json.loads(ranking.to_json(count_exclusions=True))
    assert counted["excluded"] == len(full["exclusions"]) == ranking.excluded_count
    assert "exclusions" not in counted
    assert {key: value for key, value in full.items() if key != "exclusions"} == {
        key: value for key, value in counted.items() if key != "excluded"
    }
