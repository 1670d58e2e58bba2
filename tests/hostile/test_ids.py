"""Ids from content never equal an id the theme or the site's scripts use (DOM clobbering).

The ids the site needs are read from where they are used: ``getElementById`` and ``#id``
selectors in ``docs/assets/*.js``, ``id="..."`` in ``docs/overrides/`` and the page templates,
and Material's templates and script bundle. Every one must fall in a reserved namespace of
:mod:`generator.site.slugs`, and no heading text can produce a reserved id.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.slugs import PREFIX, is_reserved, slugify
from tests.hostile._support import REPO

MATERIAL = Path(material.__file__).parent / "templates"
_SCRIPT_IDS = re.compile(r"""getElementById\(\s*["']([^"']+)["']|querySelector(?:All)?\(\s*["']#([-\w]+)""")
_TEMPLATE_IDS = re.compile(r'\bid="([^"]+)"')
_BUNDLE_IDS = re.compile(r'"#(__[-\w]+)"')


def _template_ids(text: str) -> set[str]:
    found = set()
    for raw in _TEMPLATE_IDS.findall(text):
        # Material's nav sets path = "__nav_" ~ n; every other {{ value }} in an id is a number
        found.add(re.sub(r"\{\{.*?\}\}", "1", raw.replace("{{ path }}", "__nav_1")))
    return found


def site_ids() -> dict[str, set[str]]:
    """Every id the site's own code uses, by where it was found."""
    found: dict[str, set[str]] = {}
    for path in sorted((REPO / "docs" / "assets").glob("*.js")):
        found[str(path.relative_to(REPO))] = {a or b for a, b in _SCRIPT_IDS.findall(path.read_text(encoding="utf-8"))}
    for folder in (REPO / "docs" / "overrides", REPO / "generator" / "renderer" / "templates", MATERIAL):
        for path in sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.j2")):
            ids = _template_ids(path.read_text(encoding="utf-8"))
            if ids:
                found[str(path)] = ids
    for path in sorted((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")):
        found[path.name] = set(_BUNDLE_IDS.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_ids_are_found() -> None:
    """Otherwise the test below would pass on nothing."""
    every = set().union(*site_ids().values())
    assert {"tl-filters", "tl-search-page-status", "__config", "__drawer", "source-1", "__nav_1"} <= every


def test_every_id_the_site_uses_is_reserved() -> None:
    for where, ids in site_ids().items():
        for name in ids:
            assert is_reserved(name), f"{where}: id {name!r} is not in a reserved namespace of generator/site/slugs.py"


def test_no_heading_text_gives_a_site_id() -> None:
    for name in set().union(*site_ids().values()):
        for text in (name, name.upper(), name.replace("-", " "), name.replace("_", " ").strip(), f" {name} "):
            slug = slugify(text, "-")
            assert not is_reserved(slug), (text, slug)
    assert slugify("tl-filters", "-") == PREFIX + "tl-filters"
    assert slugify("Source 1", "-") == PREFIX + "source-1"
    assert slugify("Claims", "-") == "claims"


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"_-tlsourcefilter 0123", "__", "tl-", "source-", "TL", "ſ", "\u00a0"]), max_size=12).map(
        "".join
    )
)
def test_any_heading_text_stays_out_of_the_reserved_ids(text: str) -> None:
    assert not is_reserved(slugify(text, "-"))
