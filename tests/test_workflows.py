"""The GitHub workflows, the pull-request template and the pre-commit hooks.

The workflows are linted with zizmor (offline) and validated against the GitHub workflow schema
that check-jsonschema vendors, which stands in for actionlint: actionlint's PyPI wrapper downloads
its binary while installing, which cannot work in a locked, offline install. The rest asserts the
project's own policy: actions pinned to full commit SHAs, read-only tokens, no credentials left on
disk, the install from the lock file, and commands that exist.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from generator.cli import main
from tests.helpers import REPO

WORKFLOWS = REPO / ".github" / "workflows"
CHECK = WORKFLOWS / "check.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
INTAKE = WORKFLOWS / "intake.yml"
TEMPLATE = REPO / ".github" / "pull_request_template.md"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent

ACTIONS = {
    "actions/checkout": ("11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"),
    "actions/setup-python": ("a26af69be951a213d495a4c3e4e4022e16d87065", "v5.6.0"),
    "actions/upload-pages-artifact": ("56afc609e74202658d3ffba0e8f6dda462b719fa", "v3.0.1"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
}
"""Each action's pinned commit and the release it is. To update one, take the commit a release tag
points to from the action's own repository, and change it here and in the workflows together."""


def _load(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value a string
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is installed with the test extras (requirements.lock)"
    return found


@pytest.mark.parametrize("path", [CHECK, DEPLOY, INTAKE], ids=lambda p: p.name)
def test_zizmor_finds_nothing(path: Path) -> None:
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--color=never", "--persona=pedantic", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_finds_nothing_in_the_pre_commit_configuration() -> None:
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--color=never", "--collect=pre-commit", str(REPO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_match_the_github_workflow_schema(schema: str) -> None:
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", schema, str(CHECK), str(DEPLOY), str(INTAKE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(CHECK.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1


@pytest.mark.parametrize("path", [CHECK, DEPLOY, INTAKE], ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commits(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)(?: # (\S+))?", text)
    assert uses
    for action, ref, version in uses:
        assert (ref, version) == ACTIONS[action], f"{action}@{ref} # {version}"


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_tokens_are_read_only_and_credentials_are_not_kept(path: Path) -> None:
    workflow = _load(path)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] == "false"
        assert "${{" not in step.get("run", ""), "no expressions in scripts (template injection)"
    for name, job in workflow["jobs"].items():
        assert "timeout-minutes" in job
        if name != "deploy":
            assert "permissions" not in job, "only the deploy job gets more than read access"


def test_the_check_workflow_runs_check_the_tests_and_a_build_on_pull_requests() -> None:
    workflow = _load(CHECK)
    assert "pull_request" in workflow["on"]
    assert workflow["concurrency"]["cancel-in-progress"] == "true"
    scripts = "\n".join(step.get("run", "") for step in _steps(workflow))
    for command in [
        "pip install --require-hashes -r requirements.lock",
        "pip install --no-deps --no-build-isolation -e .",
        "timeline check --format github --no-cache --base HEAD^1",
        "timeline schema --check",
        "timeline reference --check",
        ".ci/install-browser",
        "python -m pytest",
        "timeline build",
    ]:
        assert command in scripts, command
    assert scripts.index("timeline check") < scripts.index("pytest") < scripts.index("timeline build")
    checkout = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "2", "--base HEAD^1 needs the merge commit's parent"


def test_the_deploy_workflow_publishes_main_with_the_least_permissions() -> None:
    workflow = _load(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" not in workflow["on"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "checkout" not in str(deploy), "the job that can write to Pages runs no repository code"
    scripts = "\n".join(step.get("run", "") for step in build["steps"])
    assert "pip install --require-hashes -r requirements-site.lock" in scripts
    assert "timeline build --site-dir site" in scripts
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_the_python_version_is_the_one_the_lock_file_was_compiled_for() -> None:
    for lock_name in ("requirements.lock", "requirements-site.lock"):
        lock = (REPO / lock_name).read_text(encoding="utf-8")
        compiled = re.search(r"--python-version (\d+\.\d+)\.\d+", lock)
        assert compiled, f"{lock_name} names the Python it was compiled for"
        for path in sorted(WORKFLOWS.glob("*.yml")):
            steps = _steps(_load(path))
            versions = {s["with"]["python-version"] for s in steps if "setup-python" in s.get("uses", "")}
            assert versions <= {compiled.group(1)}, path.name


def _timeline_commands(path: Path) -> list[list[str]]:
    """The arguments of every ``timeline`` command a workflow runs or a pre-commit hook enters."""
    if path == PRE_COMMIT:
        lines = [
            hook["entry"]
            for repo in yaml.safe_load(path.read_text(encoding="utf-8"))["repos"]
            for hook in repo["hooks"]
        ]
    else:
        lines = [line for step in _steps(_load(path)) for line in step.get("run", "").splitlines()]
    # the first word is tested before splitting: other lines may end in a continuing backslash
    lines = [line.replace("$ISSUE_NUMBER", "1") for line in lines]  # the only variable a number option takes
    return [shlex.split(line)[1:] for line in lines if (line.split() or ["#"])[0].endswith("/timeline")]


@pytest.mark.parametrize("path", [CHECK, DEPLOY, INTAKE, PRE_COMMIT], ids=lambda p: p.name)
def test_timeline_commands_in_automation_exist(path: Path) -> None:
    """Every ``timeline ...`` command line the automation runs parses with the real CLI."""
    commands = _timeline_commands(path)
    assert commands
    for args in commands:
        group_context = main.make_context("timeline", list(args), resilient_parsing=True)
        name, command, rest = main.resolve_command(group_context, list(args))
        assert command is not None and name is not None
        try:
            command.make_context(name, rest, parent=group_context)
        except click.UsageError as exc:  # pragma: no cover - the message is the failure
            raise AssertionError(f"timeline {' '.join(args)}: {exc}") from exc


def test_the_browser_setup_script_the_workflow_runs_exists() -> None:
    script = REPO / ".ci" / "install-browser"
    assert script.is_file()
    assert script.stat().st_mode & 0o111


def test_pre_commit_hooks_run_on_the_files_they_check() -> None:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"timeline-check", "timeline-schema", "timeline-reference"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["pass_filenames"] is False  # check compares files, so it always reads them all
        assert hook["entry"].startswith(".venv/bin/timeline ")

    def runs(hook: str, path: str) -> bool:
        return re.search(hooks[hook]["files"], path) is not None

    assert runs("timeline-check", "timeline/2024/2024-07-11-belgorod-soldier-shoots-comrades.yaml")
    assert runs("timeline-check", "timeline/tags.yaml")
    assert not runs("timeline-check", "timeline/schema.json")
    assert not runs("timeline-check", "docs/about.md")
    assert runs("timeline-schema", "generator/vocabulary.py")
    assert runs("timeline-reference", "CONTRIBUTING.md")
    assert runs("timeline-reference", "generator/validation/rules.py")


def _checklist(text: str, heading: str, bullet: str) -> list[str]:
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return [line.removeprefix(bullet) for line in section.splitlines() if line.startswith(bullet)]


def test_the_reviewer_checklist_is_the_one_in_contributing() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    template = TEMPLATE.read_text(encoding="utf-8")
    in_guide = _checklist(guide, "## What a reviewer checks\n", "- ")
    assert len(in_guide) >= 8
    assert _checklist(template, "## Reviewer checklist\n", "- [ ] ") == in_guide
