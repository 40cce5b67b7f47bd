"""schemathesis hooks for benches/schemathesis.sh: the one profile rule the OpenAPI document
states in words rather than as a schema.

A profile may give both `home_state` and `home_zip` only when the ZIP code is one of that
state's. As a schema that rule is a branch per state tying the two fields, which schemathesis
4.32 cannot generate from, so the document says it in the profile's description and lists each
state's ZIP codes (`ZipOH` ...). Here the generated requests that break it are left out of the
positive cases, from the same lists the document gives: what the API answers to them (a 422
naming both fields) is tested in web/tests/api.rs.
"""

from __future__ import annotations

import json
import os
import urllib.request

import schemathesis

_STATES_OF_ZIP: dict[str, set[str]] | None = None


def _states_of_zip() -> dict[str, set[str]]:
    """Each ZIP code's states, read once from the document the server serves."""
    global _STATES_OF_ZIP
    if _STATES_OF_ZIP is None:
        with urllib.request.urlopen(os.environ["HIMKIT_OPENAPI_URL"], timeout=60) as answer:
            schemas = json.load(answer)["components"]["schemas"]
        states: dict[str, set[str]] = {}
        for name, schema in schemas.items():
            if name.startswith("Zip") and len(name) == 5:
                for zip_code in schema.get("enum", []):
                    states.setdefault(zip_code, set()).add(name[3:])
        _STATES_OF_ZIP = states
    return _STATES_OF_ZIP


def _profile_keeps_the_rule(profile: object) -> bool:
    if not isinstance(profile, dict):
        return True
    state, zip_code = profile.get("home_state"), profile.get("home_zip")
    if not isinstance(state, str) or not isinstance(zip_code, str):
        return True
    known = _states_of_zip().get(zip_code)
    return known is None or state in known


@schemathesis.hook
def filter_case(context, case) -> bool:
    """Keep a generated request unless its profile pairs a ZIP code with another state."""
    body = case.body
    if not isinstance(body, dict):
        return True
    return _profile_keeps_the_rule(body) and _profile_keeps_the_rule(body.get("profile"))
