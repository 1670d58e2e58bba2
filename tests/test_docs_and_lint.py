"""Docs that tests keep honest, and the linters, run as part of the suite.

The README's command table lists every CLI command, the methodology page defines
every status and claimant kind the code knows, and ruff and mypy pass, so CI
fails when code and words drift apart.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import vocabulary
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _commands() -> list[str]:
    return sorted(main.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme_table(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| `timeline {command}\b", readme, re.M), f"README's command table lacks {command}"


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: timeline " + command in result.output


@pytest.mark.parametrize("status", list(vocabulary.STATUSES))
def test_the_methodology_defines_every_status(status: str) -> None:
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    section = page.split("## Statuses", 1)[1].split("\n## ", 1)[0]
    assert re.search(rf"^### {status}\n\n\S", section, re.M), f"no definition of {status}"


@pytest.mark.parametrize("kind", list(vocabulary.CLAIMANT_KINDS))
def test_the_methodology_defines_every_claimant_kind(kind: str) -> None:
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    section = page.split("## Claimant kinds", 1)[1].split("\n## ", 1)[0]
    assert f"`{kind}`" in section, f"no definition of {kind}"


GENERATOR = ROOT / "generator"
PARTS = sorted(
    [f"generator/{p.name}/" for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()]
    + [f"generator/{p.name}" for p in GENERATOR.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
)


@pytest.mark.parametrize("part", PARTS)
def test_every_package_and_top_module_is_in_the_readme(part: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| package or module | job |", 1)[1].split("\n\n", 1)[0]
    name = part.removeprefix("generator/")
    assert f"`{part}`" in table or (part.endswith(".py") and f"`{name}`" in table), f"README's table lacks {part}"


@pytest.mark.parametrize("package", [p for p in PARTS if p.endswith("/")])
def test_every_package_names_its_public_face(package: str) -> None:
    init = ROOT / package / "__init__.py"
    module = ast.parse(init.read_text(encoding="utf-8"))
    assert ast.get_docstring(module), f"{package}__init__.py has no docstring"
    assert any(
        isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets) for n in module.body
    )


def test_the_readme_quick_start_is_two_commands_that_the_makefile_has() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make site", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    done = _run(str(BIN / "ruff"), "check", "generator", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_ruff_formatted() -> None:
    done = _run(str(BIN / "ruff"), "format", "--check", "generator", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing() -> None:
    done = _run(str(BIN / "mypy"))
    assert done.returncode == 0, done.stdout + done.stderr
