"""Intake without git: from a "Propose a new event" issue to an event file that passes ``check``.

The bodies in tests/fixtures/issues/ are written as GitHub renders the issue form: a good one, and
the traps the issue names (an answer holding another question's heading, shell metacharacters and
``$GITHUB_ENV`` text, markup, missing answers, a Cyrillic title, a choice the form does not offer).
The end-to-end test runs the intake workflow's own shell steps with bash, as the runner would,
with the issue text in the environment exactly as GitHub passes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.authoring import intake
from generator.cli import main
from generator.loader.nodes import parse
from generator.loader.typed import to_data
from tests.helpers import BUNDLED, FIXTURES, REPO, checked_files, make_project, without_notes

ISSUES = FIXTURES / "issues"
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
INTAKE = REPO / ".github" / "workflows" / "intake.yml"
GOOD_FILE = "timeline/2024/2024-07-11-example-conscript-reportedly-leaves-his-unit.yaml"
BIN = Path(sys.executable).parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project with the bundled timeline and the issue forms, as the working directory."""
    root = tmp_path / "repository"  # beside it, tmp_path / "runner" stands for the runner's own folder
    make_project(root, BUNDLED)
    shutil.copytree(FORMS, root / ".github" / "ISSUE_TEMPLATE")
    monkeypatch.chdir(root)
    return root


def _from_issue(name: str, issue: int = 7) -> Result:
    return CliRunner().invoke(main, ["from-issue", str(ISSUES / name), "--issue", str(issue)])


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def _event_files(project: Path) -> list[str]:
    return sorted(str(p.relative_to(project)) for p in (project / "timeline").glob("*/*.yaml"))


def _data(path: Path) -> dict[str, Any]:
    document = parse(path.read_bytes(), str(path))
    assert document.root is not None, document.problems
    data = to_data(document.root)
    assert isinstance(data, dict)
    return data


def test_a_good_issue_becomes_an_event_that_passes_check(project: Path) -> None:
    result = _from_issue("good.md")
    assert (result.output, result.exit_code) == (f"Wrote {GOOD_FILE} from issue #7\n", 0)
    data = _data(project / GOOD_FILE)
    assert data["title"] == "Example: conscript reportedly leaves his unit near Kursk with his rifle"
    assert data["added"] == date.today().isoformat()
    assert data["tags"] == ["desertion", "conscripts"]
    assert data["location"] == {"name": "Kursk region", "country": "RU", "precision": "region"}
    assert data["summary"].split("\n\n")[1].startswith("The channel said he was being searched for.")
    assert data["sources"][0]["language"] == "en"
    assert without_notes(_check("--strict").output) == f"0 problems in {checked_files(project / 'timeline')} files\n"


def test_the_same_issue_twice_never_overwrites_the_first_file(project: Path) -> None:
    assert _from_issue("good.md").exit_code == 0
    first = (project / GOOD_FILE).read_bytes()
    again = _from_issue("good.md", issue=8)
    assert again.exit_code == 0
    assert again.output == f"Wrote {GOOD_FILE.replace('.yaml', '-2.yaml')} from issue #8\n"
    assert (project / GOOD_FILE).read_bytes() == first


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "heading-in-answer.md",
            "the heading '### Date' appears more than once; an answer may not contain another question's heading",
        ),
        ("missing-fields.md", "the issue does not follow the form: missing 'Place'"),
        ("empty-answer.md", "'Summary' is required but has no answer; edit the issue to add it."),
        ("unknown-tag.md", "'Tags': 'made-up' is not one of the form's choices (desertion, desertion-figures,"),
    ],
)
def test_a_body_that_does_not_follow_the_form_writes_nothing(project: Path, body: str, message: str) -> None:
    before = _event_files(project)
    result = _from_issue(body)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: issue #7: {message}")
    assert _event_files(project) == before


def test_shell_and_workflow_text_stays_text(project: Path) -> None:
    assert _from_issue("shell.md").exit_code == 0
    (path,) = (project / "timeline" / "2024").glob("*-example-conscript-touch-*")
    data = _data(path)
    body = (ISSUES / "shell.md").read_text(encoding="utf-8")
    assert data["title"] in body and "$(touch pwned-dollar)" in data["title"]
    assert "${{ secrets.INTAKE_TOKEN }}" in data["summary"]
    assert 'echo "PATH=/tmp" >> $GITHUB_ENV' in data["summary"]
    assert not list(project.rglob("pwned*"))


def test_markup_is_written_as_text_and_refused_by_check(project: Path) -> None:
    assert _from_issue("markup.md").exit_code == 0  # CRLF line ends, as browsers send them
    (path,) = (project / "timeline" / "2024").glob("*script*")
    assert "\r" not in path.read_text(encoding="utf-8")
    result = _check(str(path.relative_to(project)))
    assert result.exit_code == 1
    assert "summary: raw HTML is not allowed in Markdown; write plain text" in result.output
    assert "summary: expected a link to https://" in result.output


def test_a_cyrillic_title_gets_a_name_from_the_issue_number(project: Path) -> None:
    result = _from_issue("cyrillic-title.md", issue=12)
    assert result.output == "Wrote timeline/2024/2024-07-11-proposed-in-issue-12.yaml from issue #12\n"
    data = _data(project / "timeline/2024/2024-07-11-proposed-in-issue-12.yaml")
    assert data["title"] == "Срочник покинул часть под Курском с оружием"
    assert _check("--strict").exit_code == 0


def _step(name: str) -> dict[str, Any]:
    workflow = yaml.load(INTAKE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return next(s for job in workflow["jobs"].values() for s in job["steps"] if s.get("name") == name)


def _run_step(name: str, project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A workflow step's script, run as the runner runs it (bash -e -o pipefail), in ``project``."""
    step = _step(name)
    assert all(
        "${{" not in value or value.startswith("${{ github.event.issue.") for value in step.get("env", {}).values()
    )
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=project,
        env={"PATH": os.environ["PATH"], "RUNNER_TEMP": str(project.parent / "runner"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("body", ["good.md", "shell.md", "cyrillic-title.md"])
def test_the_workflow_steps_turn_the_issue_into_a_checked_file(project: Path, body: str) -> None:
    """The issue text reaches the tool through the environment only; no shell ever reads it."""
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "timeline").symlink_to(BIN / "timeline")
    (project.parent / "runner").mkdir()
    before = _event_files(project)
    env = {"ISSUE_BODY": (ISSUES / body).read_text(encoding="utf-8"), "ISSUE_NUMBER": "31"}
    written = _run_step("Write the event file from the issue", project, env)
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("Wrote timeline/2024/2024-07-11-")
    assert len(_event_files(project)) == len(before) + 1
    checked = _run_step("Check the timeline with the new file", project, {})
    assert checked.returncode == 0, checked.stdout
    assert not list(project.parent.rglob("pwned*"))


def test_the_workflow_stops_on_a_forged_heading(project: Path) -> None:
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "timeline").symlink_to(BIN / "timeline")
    (project.parent / "runner").mkdir()
    env = {"ISSUE_BODY": (ISSUES / "heading-in-answer.md").read_text(encoding="utf-8"), "ISSUE_NUMBER": "31"}
    written = _run_step("Write the event file from the issue", project, env)
    assert written.returncode == 1
    assert "the heading '### Date' appears more than once" in written.stderr


def test_the_branch_name_comes_from_the_issue_number_only() -> None:
    script = _step("Open the pull request")["run"]
    assert 'branch="intake/issue-$ISSUE_NUMBER"' in script
    assert "title" not in _step("Open the pull request")["env"]


@pytest.mark.parametrize("form", sorted(FORMS.glob("*.yml")), ids=lambda p: p.name)
def test_the_issue_forms_match_githubs_schema(form: Path) -> None:
    tool = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    assert tool
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-issue-forms", str(form)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_forms_tag_choices_are_the_timelines_tags() -> None:
    fields = {field.id: field for field in intake.form_fields(FORMS / "new-event.yml")}
    tags = yaml.safe_load((BUNDLED / "tags.yaml").read_text(encoding="utf-8"))
    assert list(fields["tags"].options) == list(tags)
