"""generator.validation.tags: the tag vocabulary, timeline/tags.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Tag
from generator.validation.tags import load_tags
from tests.helpers import BUNDLED, SMALL


def load(tmp_path: Path, text: str) -> tuple[dict[str, Tag], list[str]]:
    path = tmp_path / "tags.yaml"
    path.write_text(text, encoding="utf-8")
    tags, problems = load_tags(path)
    return tags, [p.format().removeprefix(f"{path}:") for p in problems]


def test_reads_names_descriptions_and_content_notes(tmp_path: Path) -> None:
    tags, problems = load(
        tmp_path,
        "desertion:\n  name: Desertion\n  description: Leaving.\n"
        "killings:\n  name: Killings\n  description: Shootings.\n  content_note: true\n",
    )
    assert problems == []
    assert tags == {
        "desertion": Tag(id="desertion", name="Desertion", description="Leaving.", content_note=False),
        "killings": Tag(id="killings", name="Killings", description="Shootings.", content_note=True),
    }
    assert list(tags) == ["desertion", "killings"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bad_Id:\n  name: A\n  description: B\n",
            ["1:1: Bad_Id: expected lowercase letters and digits joined by hyphens"],
        ),
        ("a: [x]\n", ["1:4: a: expected a mapping with name and description"]),
        (
            "a:\n  name: A\n  description: B\n  colour: red\n",
            ["4:3: a.colour: unknown field; expected one of: content_note, description, name"],
        ),
        ("a:\n  name: A\n  description: B\n  content_note: yes\n", ["2:3: a.content_note: expected true or false"]),
        (
            "a:\n  name: [A]\n  description: B\n",
            ["2:9: a.name: expected a single value", "2:3: a.name: expected one line of plain text"],
        ),
        ("a:\n  name: A\n", ["2:3: a.description: expected one line of plain text"]),
        ("a:\n  name: ' A'\n  description: B\n", ["2:3: a.name: expected one line of plain text"]),
        ("- a\n", ["1:1: expected a mapping of tag ids to their name and description"]),
        ("{}\n", ["1:1: no tags defined; expected a mapping of tag ids to their name and description"]),
        ("a: &x\n  name: A\n", ["1:4: YAML anchors (&name) are not allowed; write the value out"]),
        ("", ["1:1: file is empty; expected an event mapping"]),
    ],
)
def test_problems(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert load(tmp_path, text)[1] == expected


def test_a_broken_tag_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    tags, problems = load(tmp_path, "a:\n  name: A\n  description: B\nb:\n  name: B\n")
    assert list(tags) == ["a"]
    assert problems == ["5:3: b.description: expected one line of plain text"]


def test_a_missing_file() -> None:
    assert [p.format() for p in load_tags(None)[1]] == ["timeline/tags.yaml:0:0: tag vocabulary file is missing"]


@pytest.mark.parametrize("folder", [BUNDLED, SMALL])
def test_the_committed_vocabularies_load(folder: Path) -> None:
    tags, problems = load_tags(folder / "tags.yaml")
    assert problems == []
    assert any(tag.content_note for tag in tags.values())
