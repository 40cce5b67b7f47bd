"""Shared fixtures: the datasets, selectors over them, and the repository's files."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

import himkit

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
FEDERAL = REPO / "data" / "federal"


@pytest.fixture(scope="session")
def national() -> himkit.Dataset:
    return himkit.Dataset.national()


@pytest.fixture(scope="session")
def embedded() -> himkit.Dataset:
    return himkit.Dataset.embedded()


@pytest.fixture(scope="session")
def selector(national: himkit.Dataset) -> himkit.Selector:
    return himkit.Selector(national.catalog, national.wages)


@pytest.fixture(scope="session")
def illustrative(embedded: himkit.Dataset) -> himkit.Selector:
    return himkit.Selector(embedded.catalog, embedded.wages)


@pytest.fixture(scope="session")
def ohio() -> himkit.Profile:
    return himkit.Profile.example("OH")


@pytest.fixture(scope="session")
def select_example():
    """Runs the library's `select` example and returns its standard output.

    The comparison with the Rust output is the point of the tests that use this, so without
    cargo they fail under CI and are skipped elsewhere (an installed package has no repository).
    """
    cargo = shutil.which("cargo")
    if cargo is None or not (REPO / "examples" / "select.rs").exists():
        if os.environ.get("CI"):
            pytest.fail("cargo and the repository are needed to compare with the select example")
        pytest.skip("cargo or the repository is not here")

    def run(*args: str) -> str:
        result = subprocess.run(
            [cargo, "run", "--quiet", "--example", "select", "--", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    return run
