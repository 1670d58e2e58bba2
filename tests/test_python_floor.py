"""Every locked package installs on the lowest supported Python, 3.11.0 (Debian 12 ships 3.11.2).

The locks are compiled for that version (``make lock``); this test reads each locked package's
``Requires-Python`` from the installed distribution, so a re-lock that picks a package needing a
later patch release fails here, not on a contributor's machine.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
LOWEST = "3.11.0"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", re.MULTILINE)


def _pins(lock: str) -> dict[str, str]:
    text = (REPO / lock).read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def test_the_project_declares_the_lowest_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert SpecifierSet(project["requires-python"]).contains(LOWEST)


@pytest.mark.parametrize("name", sorted(_pins("requirements.lock")))
def test_locked_package_accepts_the_lowest_python(name: str) -> None:
    version = _pins("requirements.lock")[name]
    try:
        installed = distribution(name)
    except PackageNotFoundError:
        pytest.fail(f"{name}=={version} is locked but not installed; run `make test` to install the lock")
    assert installed.version == version, f"{name}: installed {installed.version}, locked {version}"
    requires = installed.metadata.get("Requires-Python") or ""
    assert SpecifierSet(requires).contains(LOWEST, prereleases=True), (
        f"{name}=={version} needs Python {requires}; lock a version that accepts {LOWEST}"
    )


def test_the_site_lock_is_the_build_subset_of_the_test_lock() -> None:
    site, full = _pins("requirements-site.lock"), _pins("requirements.lock")
    assert site, "requirements-site.lock pins nothing"
    assert {name: full.get(name) for name in site} == site
    assert len(site) < len(full), "the site lock should leave the test tools out"
    assert not {"pytest", "hypothesis", "playwright", "mypy", "ruff"} & set(site)
