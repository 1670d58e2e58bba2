"""The ``timeline`` command through click's CliRunner: exact output and exit codes.

Exit codes: 0 when clean, 1 on problems and user errors (click.ClickException), 2 on misuse
(click.UsageError). Paths are printed relative to the working directory.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator import pipeline
from generator.cli import main
from generator.site import memory
from generator.validation import schema
from tests.helpers import BUNDLED, REPO, SMALL, VALID_EVENT, checked_files, edit, make_project, without_notes


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="timeline")


def test_check_on_the_bundled_timeline_is_clean_even_when_strict(in_repo: Path) -> None:
    files = checked_files(BUNDLED)
    for args in (["check"], ["check", "--strict"]):
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, f"0 problems in {files} files\n", "")


def test_a_clean_timeline(in_repo: Path) -> None:
    assert (
        without_notes(run("check", "--strict", "--source", "tests/fixtures/small").stdout),
        run("check", "--strict", "--source", "tests/fixtures/small").exit_code,
    ) == ("0 problems in 6 files\n", 0)


def three_broken_files(tmp_path: Path) -> Path:
    root = tmp_path / "timeline"
    (root / "2024").mkdir(parents=True)
    shutil.copy2(SMALL / "tags.yaml", root / "tags.yaml")
    (root / "2024" / "2024-07-11-a-shooting.yaml").write_text(
        edit(VALID_EVENT, "status: reported\ntags", "status: verified\ntags"), encoding="utf-8"
    )
    (root / "2024" / "2024-07-12-b-desertion.yaml").write_text(
        edit(VALID_EVENT, 'date: "2024-07-11"', 'date: "2024-07-12"')
        .replace("title: Soldier reportedly shoots two comrades", "title: A desertion")
        .replace("tags: [violence-between-soldiers]", "tags: [fleeing]"),
        encoding="utf-8",
    )
    (root / "2024" / "2024-08-c-broken.yaml").write_text("title: Deserters: two caught\n", encoding="utf-8")
    return root


THREE = """\
timeline/2024/2024-07-11-a-shooting.yaml:4:9: status: expected one of reported, corroborated, confirmed, disputed, \
denied; got 'verified'
timeline/2024/2024-07-12-b-desertion.yaml:5:8: tags[0]: unknown tag 'fleeing'; expected one of: desertion, \
desertion-figures, refusal-to-fight, unused-tag, violence-between-soldiers (or add it to timeline/tags.yaml)
timeline/2024/2024-08-c-broken.yaml:1:17: the value of 'title' contains a colon followed by a space, which YAML \
reads as a new key; put the whole value in double quotes: title: "..."
3 problems in 4 files
"""


def test_three_broken_files_are_all_reported_with_their_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    three_broken_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("check", "--source", "timeline")
    assert (result.stdout, result.stderr, result.exit_code) == (THREE, "", 1)


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = three_broken_files(tmp_path)
    (root / "2024" / "2024-08-d-warned.yaml").write_text(
        edit(VALID_EVENT, 'date: "2024-07-11"', 'date: "2024-08"')
        .replace("    url: https://example.org/a\n    language: en\n", "")
        .replace("title: Soldier reportedly shoots two comrades", "title: Officer detained")
        .replace("tags: [violence-between-soldiers]", "tags: [desertion, '50%']"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run("check", "--source", "timeline", "--format", "github")
    assert (result.stderr, result.exit_code) == ("", 1)
    assert (
        result.stdout
        == """\
::error file=timeline/2024/2024-07-11-a-shooting.yaml,line=4,col=9,title=status::expected one of reported, \
corroborated, confirmed, disputed, denied; got 'verified'
::error file=timeline/2024/2024-07-12-b-desertion.yaml,line=5,col=8,title=tags[0]::unknown tag 'fleeing'; expected \
one of: desertion, desertion-figures, refusal-to-fight, unused-tag, violence-between-soldiers (or add it to \
timeline/tags.yaml)
::error file=timeline/2024/2024-08-c-broken.yaml,line=1,col=17::the value of 'title' contains a colon followed by a \
space, which YAML reads as a new key; put the whole value in double quotes: title: "..."
::error file=timeline/2024/2024-08-d-warned.yaml,line=5,col=19,title=tags[1]::expected lowercase letters and digits \
joined by hyphens; got '50%25'
::error file=timeline/2024/2024-08-d-warned.yaml,line=5,col=19,title=tags[1]::unknown tag '50%25'; expected one of: \
desertion, desertion-figures, refusal-to-fight, unused-tag, violence-between-soldiers (or add it to timeline/tags.yaml)
::warning file=timeline/2024/2024-08-d-warned.yaml,line=20,col=5,title=sources[0]::source has no url; add the \
address of the page if it is online, or say why not in no_url_reason
6 problems in 5 files
"""
    )


def test_github_annotations_leave_out_unknown_positions(in_repo: Path) -> None:
    result = run("check", "--source", "tests/fixtures/broken", "--format", "github")
    lines = without_notes(result.stdout).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert (len(errors), len(warnings)) == (10, 2), "GitHub shows 10 of each level; the rest would be lost"
    assert lines[:12] == errors + warnings, "errors first, then warnings"
    assert lines[12] == "::notice::27 more problems below, not annotated: GitHub shows 10 of each kind"
    assert "tests/fixtures/broken/notes.txt:0:0: unexpected file; event files go in timeline/<YYYY>/<id>.yaml" in lines
    assert len(lines) == 12 + 1 + 27 + 1
    assert lines[-1] == "39 problems in 11 files"


def test_the_changed_files_come_first_and_only_their_warnings_are_annotated(in_repo: Path) -> None:
    changed = [
        "tests/fixtures/broken/notes.txt",
        "tests/fixtures/broken/2024/2024-08-valid-but-related-to-nothing.yaml",
    ]
    args = [arg for path in changed for arg in ("--changed", path)]
    result = run("check", "--source", "tests/fixtures/broken", "--format", "github", *args)
    lines = result.stdout.splitlines()
    # a file-wide problem has no line or column, and GitHub then marks the whole file
    assert [line.split(",")[0].split("::")[1] for line in lines[:2]] == [
        "error file=tests/fixtures/broken/2024/2024-08-valid-but-related-to-nothing.yaml",
        "error file=tests/fixtures/broken/notes.txt",
    ]
    assert lines[1] == (
        "::error file=tests/fixtures/broken/notes.txt::unexpected file; event files go in timeline/<YYYY>/<id>.yaml"
    )
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "::warning file=tests/fixtures/broken/2024/2024-08-valid-but-related-to-nothing.yaml,"
    )
    assert (
        "tests/fixtures/broken/2023/2024-02-wrong-folder.yaml:23:5: sources[0]: warning: source has no url"
        in result.stdout
    )
    assert lines[-1] == "39 problems in 11 files"


def test_the_base_option_reads_the_changed_files_from_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    three_broken_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    warned = tmp_path / "timeline" / "2024" / "2024-07-12-b-desertion.yaml"
    warned.write_text(warned.read_text(encoding="utf-8").replace("    url: https://example.org/a\n", ""))
    subprocess.run([*git, "commit", "-qam", "pull request"], check=True)
    result = run("check", "--source", "timeline", "--format", "github", "--base", "HEAD^1")
    assert [line.split(",")[0] for line in result.stdout.splitlines() if line.startswith("::warning")] == [
        "::warning file=timeline/2024/2024-07-12-b-desertion.yaml"
    ]
    refused = run("check", "--source", "timeline", "--format", "github", "--base", "--output=x")
    assert refused.exit_code == 1
    assert "expected a commit or a branch as the base; got '--output=x'" in refused.stderr


def test_a_missing_source_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check", "--source", "nowhere")
    assert (result.stdout, result.exit_code) == (
        "nowhere:0:0: timeline folder does not exist\ntimeline/tags.yaml:0:0: tag vocabulary file is missing\n"
        "2 problems in 0 files\n",
        1,
    )


def test_build_stops_on_problems_and_builds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project")
    three_broken_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("build", "--source", "timeline")
    assert (result.stdout, result.stderr, result.exit_code) == (
        THREE,
        "Error: build stopped: fix the problems above\n",
        1,
    )
    assert not project.site.exists() and not project.generated.exists()


def test_build_whose_checking_process_the_system_ends_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process that checks and generates is ended by the system (out of memory, say; here it
    ends itself): one line saying so, no traceback, and nothing built or replaced."""
    project = make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline, "in_fresh_process", lambda function, *args: memory.in_fresh_process(os._exit, 9))
    result = run("build", "--source", str(SMALL))
    assert (result.stdout, result.stderr, result.exit_code) == ("", f"Error: {pipeline.Stop.ENDED.value}\n", 1)
    assert not project.site.exists() and not project.generated.exists()


def test_generate_writes_the_generated_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    first = run("generate", "--source", str(SMALL))
    assert first.exit_code == 0, first.output
    written = len([p for p in project.generated.rglob("*") if p.is_file()])
    assert first.stdout == f"{written} written, 0 removed, 0 unchanged\n"
    again = run("generate", "--source", str(SMALL))
    assert again.stdout == f"0 written, 0 removed, {written} unchanged\n"


def test_generate_refuses_a_broken_timeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path / "project")
    three_broken_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("generate", "--source", "timeline")
    assert (result.stdout, result.stderr, result.exit_code) == (
        THREE,
        "Error: nothing generated: fix the problems above\n",
        1,
    )


NEW = [
    "new",
    "--date",
    "2024-07-11",
    "--title",
    "Soldier reportedly deserts near Kursk",
    "--location",
    "Kursk region",
    "--country",
    "RU",
    "--tag",
    "desertion",
    "--publisher",
    "Example Daily",
    "--source-title",
    "A headline",
    "--source-url",
    "https://example.org/a",
    "--source-language",
    "en",
]
NEW_FILE = "timeline/2024/2024-07-11-soldier-reportedly-deserts-near-kursk.yaml"


def test_new_writes_a_file_that_fails_only_for_its_empty_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(tmp_path, timeline=SMALL)
    monkeypatch.chdir(tmp_path)
    result = run(*NEW)
    assert (result.stderr, result.exit_code) == ("", 0)
    assert result.stdout.startswith(f"Wrote {NEW_FILE}. Write the summary and the claim, then run: ")
    assert result.stdout.endswith(f"timeline check {NEW_FILE}\n")
    check = run("check")
    assert (without_notes(check.stdout), check.exit_code) == (
        f"{NEW_FILE}:16:10: summary: must not be empty\n1 problem in 7 files\n",
        1,
    )
    path = tmp_path / NEW_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace('summary: ""', "summary: Example Daily reports it."), encoding="utf-8"
    )
    check = run("check", "--strict")
    assert (without_notes(check.stdout), check.exit_code) == ("0 problems in 7 files\n", 0)


def test_new_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, timeline=SMALL)
    monkeypatch.chdir(tmp_path)
    run(*NEW)
    first = (tmp_path / NEW_FILE).read_bytes()
    again = run(*NEW)
    assert again.exit_code == 0
    assert again.stdout.startswith(f"Wrote {NEW_FILE.replace('.yaml', '-2.yaml')}. ")
    assert "exists already" in again.stderr
    assert (tmp_path / NEW_FILE).read_bytes() == first
    assert run(*NEW, "--force").exit_code == 2, "no option overwrites"


def test_new_reports_an_answer_that_cannot_make_a_valid_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, timeline=SMALL)
    monkeypatch.chdir(tmp_path)
    result = run(*[("2024-02-30" if arg == "2024-07-11" else arg) for arg in NEW])
    assert (result.stderr, result.exit_code) == ("Error: date: day is out of range for month; got '2024-02-30'\n", 1)
    assert not (tmp_path / "timeline" / "2024" / "2024-02-30-soldier-reportedly-deserts-near-kursk.yaml").exists()


def test_new_without_a_terminal_needs_its_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, timeline=SMALL)
    monkeypatch.chdir(tmp_path)
    result = run("new", "--date", "2024-07-11")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: missing option for title (or run in a terminal to be asked)\n")


def test_schema_check_on_the_repository(in_repo: Path) -> None:
    result = run("schema", "--check")
    assert (result.stdout, result.exit_code) == (f"{REPO / 'timeline' / 'schema.json'} is up to date\n", 0)


def test_schema_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, timeline=SMALL)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "timeline" / "schema.json"
    stale = run("schema", "--check")
    assert (stale.stderr, stale.exit_code) == (f"Error: {target} is out of date; run: timeline schema\n", 1)
    written = run("schema")
    assert (written.stdout, written.exit_code) == (f"Wrote {target}\n", 0)
    assert target.read_text(encoding="utf-8") == schema.dumps()
    assert run("schema", "--check").exit_code == 0


@pytest.mark.parametrize("command", ["check", "build", "generate", "serve", "new", "schema"])
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: timeline {command} [OPTIONS]")
    assert "Example: timeline " in result.stdout


def test_an_unknown_command_is_misuse() -> None:
    result = run("publish")
    assert result.exit_code == 2
    assert "No such command 'publish'" in result.stderr


def test_python_m_generator_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout == run("--version").stdout.replace("timeline", "python -m generator")
    assert re.fullmatch(r"python -m generator, version \d+\.\d+\.\d+\n", done.stdout)


def test_check_uses_the_project_timeline_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO / "generator")
    result = run("check")
    files = checked_files(BUNDLED)
    assert (result.exit_code, result.stdout) == (0, f"0 problems in {files} files\n")
