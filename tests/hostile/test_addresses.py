"""Addresses: a place's page address comes from its name alone, compared case- and
Unicode-insensitively, so a new event never moves an existing page or takes it over.

Names equal after NFKC and case folding are one place with one page; names that differ
otherwise but reduce to one address are refused by ``check`` with a named problem. Event ids
are compared case-insensitively too (corpus case ``id-case-clash``), and tag ids must be
lowercase slugs (``tag-id-uppercase``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.model import Event
from generator.project import Settings
from generator.renderer import urls
from generator.renderer.pages import SiteRenderer
from generator.timeline import Timeline, place_key, place_slug
from generator.validation.tags import load_tags
from tests.helpers import make_event
from tests.hostile._support import REPO, VALID_EVENT, install

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
VALID = VALID_EVENT.read_bytes()


def _at(event_id: str, place: str, added: str = "2024-06-01") -> Event:
    return make_event(event_id, place=place, country="UA", added=added)


def test_a_new_event_spelled_in_another_case_joins_the_existing_page() -> None:
    existing = _at("2024-05-10-existing", "Kupiansk sector", added="2024-05-11")
    before = Timeline([existing], TAGS)
    [slug] = before.places
    for spelling in ("KUPIANSK SECTOR", "kupiansk sector", "Ｋｕｐｉａｎｓｋ sector"):
        newcomer = _at("2024-01-02-newcomer", spelling)  # earlier in the timeline, added later
        after = Timeline([existing, newcomer], TAGS)
        assert list(after.places) == [slug], spelling
        assert after.places[slug] == [newcomer, existing]
        plan = SiteRenderer(Settings()).pages(after)
        assert urls.place(slug) in plan and not any("place" in p and "-2" in p for p in plan)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=12).map(str.strip).filter(bool), min_size=1, max_size=6),
    st.text(min_size=1, max_size=12).map(str.strip).filter(bool),
)
def test_an_existing_page_never_moves_because_a_new_event_arrived(names: list[str], new: str) -> None:
    events = [_at(f"2024-05-{i + 10:02d}-e", name) for i, name in enumerate(names)]
    before = {e.id: slug for slug, evs in Timeline(events, TAGS).places.items() for e in evs}
    newcomer = _at("2024-01-01-newcomer", new)
    after = {e.id: slug for slug, evs in Timeline([newcomer, *events], TAGS).places.items() for e in evs}
    assert {k: after[k] for k in before} == before
    assert place_slug("UA", new) == place_slug("UA", place_key(new)) == place_slug("UA", new.upper().lower())


def _timeline(tmp_path: Path) -> Path:
    timeline = tmp_path / "timeline"
    timeline.mkdir()
    shutil.copy(REPO / "timeline" / "tags.yaml", timeline / "tags.yaml")
    return timeline


def test_two_names_with_one_address_are_refused_with_a_named_problem(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    install(timeline, "2024/2024-01-15-valid.yaml", VALID)
    other = VALID.replace(b"name: Kupiansk sector", b"name: Kupiansk-Sector").replace(
        b'added: "2024-02-01"', b'added: "2024-03-01"'
    )
    install(timeline, "2024/2024-01-14-other.yaml", other.replace(b'date: "2024-01-15"', b'date: "2024-01-14"'))
    result = pipeline.check(timeline, use_cache=False)
    messages = [p.format() for p in result.problems if p.field == "location.name"]
    assert len(messages) == 1, messages
    assert "2024-01-14-other.yaml" in messages[0]
    assert "'Kupiansk-Sector' would share the page of the place 'Kupiansk sector'" in messages[0]
    assert not result.ok


def test_the_same_name_in_another_case_is_one_place(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    install(timeline, "2024/2024-01-15-valid.yaml", VALID)
    other = VALID.replace(b"name: Kupiansk sector", b"name: KUPIANSK SECTOR").replace(
        b"refuse to advance near", b"desert near"
    )
    install(timeline, "2024/2024-01-16-other.yaml", other.replace(b'date: "2024-01-15"', b'date: "2024-01-16"'))
    result = pipeline.check(timeline, use_cache=False)
    assert result.ok, [p.format() for p in result.problems]
    assert len(Timeline(result.events, result.tags).places) == 1
