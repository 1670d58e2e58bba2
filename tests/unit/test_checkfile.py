"""generator.validation.file: one file's per-file problems and, when it passed, its data."""

from __future__ import annotations

from generator.validation.file import check_file
from tests.helpers import VALID_EVENT, VALID_ID, edit


def check(text: str, event_id: str = VALID_ID, year: str = "2024"):  # type: ignore[no-untyped-def]
    return check_file(text.encode(), "event.yaml", event_id, year, {})


def test_a_valid_file_gives_its_data() -> None:
    result = check(VALID_EVENT)
    assert result.problems == []
    assert result.data is not None
    assert result.data["location"] == {"name": "Belgorod region", "country": "RU", "precision": "region"}
    assert result.related_line == 1


def test_warnings_keep_the_data() -> None:
    result = check(edit(VALID_EVENT, "    url: https://example.org/a\n", ""))
    assert [p.format() for p in result.problems] == [
        "event.yaml:20:5: sources[0]: warning: source has no url; add the address of the page if it is online, "
        "or say why not in no_url_reason"
    ]
    assert result.data is not None


def test_errors_drop_the_data() -> None:
    result = check(edit(VALID_EVENT, "status: reported\ntags", "status: NO\ntags"))
    assert result.data is None
    assert len(result.problems) == 1


def test_the_related_line_is_remembered() -> None:
    assert check(VALID_EVENT + "related: [2024-01-other]\n").related_line == 25


def test_a_file_that_is_not_a_mapping() -> None:
    result = check("- one\n- two\n")
    assert [p.format() for p in result.problems] == [
        "event.yaml:1:1: expected a mapping of fields (title:, date:, ...)"
    ]
    assert result.data is None


def test_a_file_that_does_not_load() -> None:
    result = check("title: a\ntitle: b\n")
    assert [p.format() for p in result.problems] == ["event.yaml:2:1: duplicate key 'title'"]
    assert result.data is None


def test_without_a_vocabulary_tags_are_not_checked() -> None:
    assert check(edit(VALID_EVENT, "tags: [violence-between-soldiers]", "tags: [anything]")).problems == []
