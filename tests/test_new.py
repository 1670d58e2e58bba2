"""``timeline new``: the file it writes passes ``check`` once its summary is written.

Each test works in a throwaway copy of the project (``tests.helpers.make_project``) with the
bundled timeline, so that the new file sits among real events as it would in a pull request.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from generator import cli
from generator.authoring import questions
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
    written, hint = result.output.rstrip("\n").split(". Write the summary and the claim, then run: ")
    assert written == f"Wrote {NEW_FILE}"
    assert hint.endswith(f"timeline check {NEW_FILE}")
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


def test_a_name_clash_gets_another_name_and_never_overwrites(project: Path) -> None:
    assert _new(*OPTIONS).exit_code == 0
    _write_summary(project / NEW_FILE)
    again = _new(*OPTIONS)
    assert again.exit_code == 0
    assert again.stderr == (
        "An event file named 2024-07-11-soldier-reportedly-deserts-from-a-unit.yaml exists already. If it is the "
        "same event, add your source to it instead; otherwise this one needs another name.\n"
        "Writing it as 2024-07-11-soldier-reportedly-deserts-from-a-unit-2.yaml; rename it if a better name fits.\n"
    )
    assert "Example News said" in (project / NEW_FILE).read_text(encoding="utf-8")
    assert SUMMARY in (project / NEW_FILE.replace(".yaml", "-2.yaml")).read_text(encoding="utf-8")
    assert "force" not in again.output
    assert _new(*OPTIONS, "--force").exit_code == 2, "there is no option to overwrite"


def test_in_a_terminal_a_clash_proposes_a_name_and_takes_another(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    assert _new(*OPTIONS, "--precision", "region").exit_code == 0
    taken = NEW_FILE.split("/")[-1].removesuffix(".yaml")
    result = _new(*OPTIONS, "--precision", "region", input=f"{taken}\nNot A Name\n2024-07-11-kursk-desertion\n")
    assert result.exit_code == 0, result.output
    assert f"File name for this event [{taken}-2]: " in result.output
    assert f"file name: {taken}.yaml exists already; choose another name. Please try again." in result.output
    assert "file name: expected the date and lowercase words joined by hyphens; got 'Not A Name'" in result.output
    assert (project / "timeline/2024/2024-07-11-kursk-desertion.yaml").is_file()


def test_the_command_it_prints_runs_as_printed(project: Path) -> None:
    result = _new(*OPTIONS)
    hint = result.output.rstrip("\n").split("then run: ")[1]
    ran = subprocess.run(shlex.split(hint), cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert ran.returncode == 1, "the summary is still empty"
    assert ran.stdout == f"{NEW_FILE}:16:10: summary: must not be empty\n1 problem in 1 file\n"


def test_the_command_is_spelt_for_where_the_contributor_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_folder = tmp_path / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "timeline").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_folder / "timeline").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(bin_folder / "python"))
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert questions.next_command("check x.yaml", tmp_path) == ".venv/bin/timeline check x.yaml"
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    assert questions.next_command("check x.yaml", elsewhere) == f"{bin_folder / 'timeline'} check x.yaml"
    monkeypatch.setenv("PATH", f"{bin_folder}:/usr/bin:/bin")  # the venv is active
    assert questions.next_command("check x.yaml", elsewhere) == "timeline check x.yaml"


def test_without_a_terminal_a_missing_answer_is_a_usage_error(project: Path) -> None:
    result = _new("--date", "2024-07-11")
    assert result.exit_code == 2
    assert "missing option for title" in result.output


def test_in_a_terminal_it_asks_for_each_answer_again_until_it_fits(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    answers = [
        "2024-02-30",  # date: no such day, asked again
        "2024-07-11",
        "Soldier reportedly deserts from a unit near Kursk",  # title
        "Kursk region",  # location: a new place, not a number
        "Russia",  # country: not a code, asked again
        "RU",
        "",  # precision: the default, region
        "desertion, made-up",  # tags: one unknown, asked again
        "desertion 3",  # by name and by number
        "Describes a soldier being shot.",  # content note, asked because executions-of-deserters needs one
        "Example News",  # publisher
        "Soldier deserts, channel says",  # headline
        "http://example.org/soldier-deserts",  # address: not https, asked again
        "https://example.org/soldier-deserts",
        "English",  # language of the page: asked because there is an address, and again
        "en",
    ]
    result = _new(input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Please try again.") == 5
    assert "date: day is out of range for month; got '2024-02-30'. Please try again." in result.output
    assert "Tags:\n   1. desertion: Desertion\n   2. desertion-figures: " in result.output
    assert "Recent places:\n  1. " in result.output
    text = (project / NEW_FILE).read_text(encoding="utf-8")
    assert "tags: [desertion, executions-of-deserters]" in text
    assert "  precision: region" in text
    _write_summary(project / NEW_FILE)
    assert _problems(project, NEW_FILE) == []


def test_a_recent_place_is_chosen_by_number_with_its_country_and_precision(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    places = questions.recent_places(validate(project / "timeline", None).events)
    assert len(places) == questions.RECENT_PLACES
    options = [o for o in OPTIONS if o not in ("--location", "Kursk region", "--country", "ru")]
    result = _new(*options, input="2\n\n\n")
    assert result.exit_code == 0, result.output
    assert f"Country code (UA, RU, ...) [{places[1].country}]: " in result.output
    written = project / result.output.split("Wrote ")[1].split(". Write")[0]
    text = written.read_text(encoding="utf-8")
    assert f"  name: {json.dumps(places[1].name, ensure_ascii=False)}" in text
    assert f"  precision: {places[1].precision}" in text


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
