"""``timeline new``: the file it writes passes ``check`` once its summary is written.

Each test works in a throwaway copy of the project (``tests.helpers.make_project``) with the
bundled timeline, so that the new file sits among real events as it would in a pull request.
"""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from generator import cli
from generator.authoring.skeleton import SkeletonError, skeleton
from generator.cli import main
from generator.loader.nodes import parse
from generator.loader.typed import to_data
from generator.validation import schema, validate
from generator.validation.tags import load_tags
from tests.helpers import BUNDLED, REPO, make_project

OPTIONS = [
    "--date",
    "2024-07-11",
    "--title",
    "Soldier reportedly deserts from a unit near Kursk",
    "--location",
    "Kursk region",
    "--country",
    "ru",
    "--tag",
    "desertion",
    "--publisher",
    "Example News",
    "--source-title",
    "Soldier deserts, channel says",
    "--source-url",
    "https://example.org/soldier-deserts",
    "--source-language",
    "en",
]
NEW_FILE = "timeline/2024/2024-07-11-soldier-reportedly-deserts-from-a-unit.yaml"
SUMMARY = 'summary: ""                # WRITE THIS'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project with the bundled timeline, as the working directory."""
    make_project(tmp_path, BUNDLED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _new(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["new", *args], input=input)


def _problems(project: Path, path: str) -> list[str]:
    result = validate(project / "timeline", None)
    return [f"{p.severity.value}: {p.field}: {p.message}" for p in result.problems if p.path == path]


def _write_summary(path: Path) -> None:
    """What the contributor does next: replace the summary line with a summary."""
    text, count = re.subn(
        r"^summary: .*$",
        "summary: |\n  Example News said, citing a channel, that a soldier deserted.",
        path.read_text(encoding="utf-8"),
        flags=re.M,
    )
    assert count == 1
    path.write_text(text, encoding="utf-8")


def test_new_writes_a_file_that_passes_check_once_the_summary_is_written(project: Path) -> None:
    result = _new(*OPTIONS)
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {NEW_FILE}. Write the summary and the claim, then run: timeline check\n"
    path = project / NEW_FILE
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema.json\n")
    assert f'added: "{date.today().isoformat()}"' in text
    assert "country: RU" in text

    assert _problems(project, NEW_FILE) == ["error: summary: must not be empty"]
    _write_summary(path)
    assert _problems(project, NEW_FILE) == []


def test_the_written_file_also_passes_the_editor_schema(project: Path) -> None:
    assert _new(*OPTIONS).exit_code == 0
    path = project / NEW_FILE
    _write_summary(path)
    document = parse(path.read_bytes(), str(path))
    assert document.root is not None
    jsonschema.validate(to_data(document.root), schema.EVENT)


def test_without_an_address_the_only_warning_asks_for_one(project: Path) -> None:
    assert _new(*OPTIONS[:-4]).exit_code == 0
    _write_summary(project / NEW_FILE)
    assert _problems(project, NEW_FILE) == [
        "warning: sources[0]: source has no url; add the address of the page if it is online, "
        "or say why not in no_url_reason"
    ]


def test_a_violent_tag_needs_a_content_note(project: Path) -> None:
    options = [*OPTIONS, "--tag", "violence-between-soldiers"]
    result = _new(*options)
    assert result.exit_code == 1
    assert "content note: events tagged violence-between-soldiers need one" in result.output
    assert not (project / NEW_FILE).exists()

    assert _new(*options, "--content-note", "Describes a soldier being shot.").exit_code == 0
    text = (project / NEW_FILE).read_text(encoding="utf-8")
    assert 'content_note: "Describes a soldier being shot."' in text
    _write_summary(project / NEW_FILE)
    assert _problems(project, NEW_FILE) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--tag", "made-up", "tags: unknown tag 'made-up'; expected one of: abuse-by-commanders, background,"),
        ("--date", "2024-02-30", "date: day is out of range for month; got '2024-02-30'"),
        ("--country", "Russia", "country: expected an ISO 3166-1 alpha-2 code such as UA or RU; got 'RUSSIA'"),
        ("--source-url", "http://example.org/a", "source url: expected an https:// URL with a plain host"),
        ("--title", "Новости", "the title needs at least one word in Latin letters or digits"),
    ],
)
def test_answers_that_cannot_make_a_valid_file_are_refused(
    project: Path, option: str, value: str, message: str
) -> None:
    options = list(OPTIONS)
    options[options.index(option) + 1] = value
    result = _new(*options)
    assert result.exit_code == 1
    assert message in result.output
    assert sorted(p.name for p in (project / "timeline").glob("*/*.yaml")) == sorted(
        p.name for p in BUNDLED.glob("*/*.yaml")
    )


def test_an_existing_file_is_kept_unless_forced(project: Path) -> None:
    assert _new(*OPTIONS).exit_code == 0
    _write_summary(project / NEW_FILE)
    again = _new(*OPTIONS)
    assert again.exit_code == 1
    assert "already exists (use --force to overwrite)" in again.output
    assert "Example News said" in (project / NEW_FILE).read_text(encoding="utf-8")
    assert _new(*OPTIONS, "--force").exit_code == 0
    assert SUMMARY in (project / NEW_FILE).read_text(encoding="utf-8")


def test_without_a_terminal_a_missing_answer_is_a_usage_error(project: Path) -> None:
    result = _new("--date", "2024-07-11")
    assert result.exit_code == 2
    assert "missing option for title" in result.output


def test_in_a_terminal_it_asks_for_each_answer(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    answers = [
        "2024-07-11",  # date
        "Soldier reportedly deserts from a unit near Kursk",  # title
        "Kursk region",  # location
        "RU",  # country
        "",  # precision: the default, region
        "desertion, executions-of-deserters",  # tags
        "Describes a soldier being shot.",  # content note, asked because of the tag
        "Example News",  # publisher
        "Soldier deserts, channel says",  # headline
        "https://example.org/soldier-deserts",  # address
        "en",  # language of the page
    ]
    result = _new(input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Tags, comma-separated [abuse-by-commanders, background, barrier-troops," in result.output
    text = (project / NEW_FILE).read_text(encoding="utf-8")
    assert "tags: [desertion, executions-of-deserters]" in text
    assert "  precision: region" in text
    _write_summary(project / NEW_FILE)
    assert _problems(project, NEW_FILE) == []


def test_the_example_in_contributing_works(project: Path) -> None:
    """The ``timeline new`` command shown in CONTRIBUTING.md runs as written."""
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    [example] = re.findall(r"`(timeline new --[^`]+)`", guide)
    result = _new(*shlex.split(example)[2:])
    assert result.exit_code == 0, result.output
    written = result.output.split()[1].rstrip(".")
    _write_summary(project / written)
    # The example is the bundled Belgorod shooting, so check rightly says it looks like that event.
    assert [p for p in _problems(project, written) if p.startswith("error")] == []
    assert any("looks like timeline/2024/2024-07-11-belgorod" in p for p in _problems(project, written))


def test_skeleton_checks_tags_only_when_it_knows_them() -> None:
    known, problems = load_tags(BUNDLED / "tags.yaml")
    assert problems == []
    fields = {
        "date": "2024",
        "title": "Reported desertions rise",
        "location": "Russia",
        "country": "RU",
        "publisher": "Example News",
        "source_title": "Desertions rise",
    }
    path, text = skeleton(BUNDLED, tags=["anything-goes"], **fields)  # type: ignore[arg-type]
    assert path == BUNDLED / "2024" / "2024-reported-desertions-rise.yaml"
    assert "tags: [anything-goes]" in text
    with pytest.raises(SkeletonError, match="unknown tag 'anything-goes'"):
        skeleton(BUNDLED, tags=["anything-goes"], known_tags=known, **fields)  # type: ignore[arg-type]
    with pytest.raises(SkeletonError, match="each tag once"):
        skeleton(BUNDLED, tags=["desertion", "desertion"], known_tags=known, **fields)  # type: ignore[arg-type]
