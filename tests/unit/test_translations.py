"""Translation files: checked like event files, matched to their English event, shown per language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import languages
from generator.model import Tag
from generator.project import Settings
from generator.renderer import urls
from generator.renderer.pages import SiteRenderer
from generator.timeline import Timeline, place_slug
from generator.translation import text_version, translate
from generator.validation import validate
from generator.validation.translations import untranslated_notes
from tests.helpers import SMALL, VALID_EVENT, VALID_ID, edit, format_problems, make_event

TRANSLATION = """\
# Russian translation
translates: {version}
reviewed: false
title: Солдат, по сообщениям, застрелил двух сослуживцев
place: Белгородская область
content_note: Описывается стрельба.
summary: |
  Example Daily сообщает, что солдат застрелил двух сослуживцев.
claims:
  - by: Example Channel
    says: Солдат застрелил двух сослуживцев.
"""


def _timeline(folder: Path, translation: str | None, event: str = VALID_EVENT) -> tuple[list[str], Timeline]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SMALL / "tags.yaml", folder / "tags.yaml")
    (folder / "2024").mkdir(exist_ok=True)
    (folder / "2024" / f"{VALID_ID}.yaml").write_text(event, encoding="utf-8")
    if translation is not None:
        (folder / "2024" / f"{VALID_ID}.ru.yaml").write_text(translation, encoding="utf-8")
    result = validate(folder)
    timeline = Timeline(result.events, result.tags, result.redirects, result.translations, result.tag_texts)
    return format_problems(result.problems, folder), timeline


def _version(folder: Path) -> str:
    _, timeline = _timeline(folder, None)
    return text_version(timeline.events[0])


def test_a_current_translation_is_read_and_only_ukrainian_is_missing(tmp_path: Path) -> None:
    version = _version(tmp_path / "a")
    problems, timeline = _timeline(tmp_path / "b", TRANSLATION.format(version=version))
    assert problems == []
    missing = validate(tmp_path / "b").untranslated
    assert missing["ru"] == [] and [Path(p).name for p in missing["uk"]] == [f"{VALID_ID}.yaml"]
    (note,) = untranslated_notes(missing)
    assert note.startswith("note: 1 event has no Ukrainian translation yet") and ".uk.yaml beside it" in note
    russian = timeline.in_language("ru").events[0]
    assert russian.title == "Солдат, по сообщениям, застрелил двух сослуживцев"
    assert russian.claims[0].says == "Солдат застрелил двух сослуживцев."
    assert russian.location.name == "Белгородская область"
    assert russian.origin is not None and russian.origin.state == "unreviewed" and russian.origin.claims == "ru"
    # dates, statuses and sources stay the English file's
    assert russian.status == timeline.events[0].status and russian.sources == timeline.events[0].sources


def test_a_changed_english_text_makes_the_translation_outdated(tmp_path: Path) -> None:
    version = _version(tmp_path / "a")
    changed = edit(VALID_EVENT, "A soldier shot two comrades.", "A soldier shot two comrades and fled.")
    problems, timeline = _timeline(tmp_path / "b", TRANSLATION.format(version=version), changed)
    new = text_version(timeline.events[0])
    assert new != version
    assert f"2024/{VALID_ID}.ru.yaml:2:13: translates: warning: outdated" in next(
        p for p in problems if "outdated" in p
    )
    assert f"'translates: {new}'" in next(p for p in problems if "outdated" in p)
    assert timeline.in_language("ru").events[0].origin.state == "outdated"  # type: ignore[union-attr]


def test_the_status_is_not_text_and_does_not_outdate_a_translation(tmp_path: Path) -> None:
    version = _version(tmp_path / "a")
    problems, _ = _timeline(
        tmp_path / "b",
        TRANSLATION.format(version=version),
        edit(VALID_EVENT, "status: reported\ntags", "status: disputed\ntags"),
    )
    assert not [p for p in problems if "outdated" in p]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("title: Солдат", "title: <script>alert(1)</script> Солдат"), None),  # plain text: escaped on the page
        (("  Example Daily сообщает", "  <img src=x onerror=alert(1)> сообщает"), ":8:1: summary: raw HTML"),
        (("place: Белгородская", "place: Белгородская\u200b"), "place:"),
        (("reviewed: false", "reviewed: no-idea"), "reviewed:"),
        (("reviewed: false", "reviewed: false\nstatus: confirmed"), "unknown field"),
        (
            ("claims:\n  - by: Example Channel\n    says: Солдат застрелил двух сослуживцев.\n", ""),
            "claims: the English has 1 claims",
        ),
        (("content_note: Описывается стрельба.\n", ""), "content_note: the English has a content note"),
    ],
)
def test_translation_files_get_the_event_files_rules(
    tmp_path: Path, change: tuple[str, str], expected: str | None
) -> None:
    version = _version(tmp_path / "a")
    problems, timeline = _timeline(tmp_path / "b", edit(TRANSLATION.format(version=version), *change))
    mine = [p for p in problems if p.startswith(f"2024/{VALID_ID}.ru.yaml")]
    if expected is None:
        assert mine == [] and "<script>" in timeline.in_language("ru").events[0].title
    else:
        assert any(expected.lower() in p.lower() for p in mine), mine
        assert timeline.in_language("ru").events[0].origin.state == "missing"  # type: ignore[union-attr]


def test_a_translation_of_no_event_and_broken_yaml_are_errors_not_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    _timeline(folder, None)
    (folder / "2024" / "2024-01-01-no-such-event.uk.yaml").write_text("title: x\n", encoding="utf-8")
    (folder / "2024" / f"{VALID_ID}.ru.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    problems = format_problems(validate(folder).problems, folder)
    assert any(
        "2024-01-01-no-such-event.uk.yaml:0:0: a translation of an event that does not exist" in p for p in problems
    )
    assert any(p.startswith(f"2024/{VALID_ID}.ru.yaml:1:") for p in problems)


def test_a_translated_page_is_russian_and_an_untranslated_one_says_it_is_english(tmp_path: Path) -> None:
    version = _version(tmp_path / "a")
    _, translated = _timeline(tmp_path / "b", TRANSLATION.format(version=version))
    _, untranslated = _timeline(tmp_path / "c", None)
    with languages.speaking("ru"):
        page = SiteRenderer(Settings()).event_page(translated.in_language("ru"), translated.in_language("ru").events[0])
        assert '<h1 data-pagefind-weight="10">Солдат' in page
        assert "tl-translation-unreviewed" in page
        english = untranslated.in_language("ru")
        page = SiteRenderer(Settings()).event_page(english, english.events[0])
    assert '<h1 data-pagefind-weight="10" lang="en">Soldier reportedly shoots two comrades</h1>' in page
    assert '<div lang="en">\n<p>Example Daily reports that a soldier shot two comrades.</p>\n</div>' in page
    assert '<span lang="en">A soldier shot two comrades\\.</span>' in page  # escaped for Markdown
    assert "tl-translation-missing" in page


def test_every_page_keeps_its_address_in_every_language() -> None:
    event = make_event("2024-07-11-soldier-shoots-two-comrades", place="Belgorod region")
    tags = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving.")}
    timeline = Timeline([event], tags)
    russian = timeline.translated(lambda e: translate(e, "ru", None), tags)
    assert list(russian.places) == [place_slug("RU", "Belgorod region")]
    with languages.speaking("ru"):
        assert urls.event(event.id) == f"ru/events/{event.id}.md"
        assert urls.root_link(urls.tags(), urls.event(event.id)) == "../tags/index.md"
        with pytest.raises(ValueError, match="another site"):
            urls.link(urls.EVENTS_JSON, urls.event(event.id))
    assert urls.in_language(f"ru/events/{event.id}.md", "uk") == f"uk/events/{event.id}.md"
    assert urls.language_of(f"events/{event.id}.md") == "en"


def test_the_text_version_ignores_everything_but_text() -> None:
    event = make_event("2024-07-11-soldier-shoots-two-comrades")
    assert text_version(event) == text_version(make_event("2024-07-11-soldier-shoots-two-comrades", status="disputed"))
    assert text_version(event) != text_version(make_event("2024-07-11-soldier-shoots-two-comrades", summary="Other."))
    assert text_version(event).isalnum() and not text_version(event).isdigit() and len(text_version(event)) == 10
