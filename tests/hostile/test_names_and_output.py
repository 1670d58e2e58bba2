"""File names as bytes, and what ``timeline check`` prints about them.

Git keeps file names as bytes, so a pull request can name a file with any byte but ``/`` and
NUL, UTF-8 or not. Whatever the bytes, ``check`` (with its cache and with ``--no-cache``) refuses
the name with a named problem or accepts a valid id, never raises, and prints the name escaped:
no byte of it reaches the terminal or the CI log as a control character, in either output format.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.cli import main
from generator.problems import Problem, printable
from generator.validation.rules import EVENT_ID, MAX_ID_LENGTH
from tests.hostile._support import REPO, VALID_EVENT

VALID = VALID_EVENT.read_bytes()
NAME_BYTES = st.binary(min_size=1, max_size=120).filter(lambda b: b"/" not in b and b"\0" not in b)
HOSTILE_BYTES = st.sampled_from(
    [b"\xff", b"\xc3(", b"\x1b[2J\x1b[H0 problems", b"\n::error::forged", b"\r", b"\xe2\x80\xae", b"\x85", b"\x7f"]
)


def _valid_id(name: bytes) -> bool:
    try:
        stem = name.decode("utf-8").removesuffix(".yaml")
    except UnicodeDecodeError:
        return False
    return bool(EVENT_ID.fullmatch(stem)) and len(stem) <= MAX_ID_LENGTH and name.endswith(b".yaml")


def _timeline(root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    timeline = root / "timeline"
    (timeline / "2024").mkdir(parents=True)
    shutil.copy(REPO / "timeline" / "tags.yaml", timeline / "tags.yaml")
    return timeline


def _assert_clean_output(text: str) -> None:
    """Every printed line is printable: no escape sequence, no extra line, no bidi override."""
    for line in text.splitlines():
        assert line.isprintable(), repr(line)
    assert "Traceback" not in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(NAME_BYTES, st.builds(lambda a, b: b"2024-01-15-" + a + b + b".yaml", NAME_BYTES, HOSTILE_BYTES)))
def test_any_file_name_is_refused_or_valid_and_shown_escaped(
    tmp_path_factory: pytest.TempPathFactory, name: bytes
) -> None:
    root = tmp_path_factory.mktemp("name")
    timeline = _timeline(root)
    if name in (b".", b".."):
        return
    try:
        Path(os.fsdecode(os.fsencode(str(timeline / "2024")) + b"/" + name)).write_bytes(VALID)
    except OSError:  # longer than the file system allows: git could not check it out either
        return
    with contextlib.chdir(root):
        for use_cache in (True, False):
            result = pipeline.check(Path("timeline"), use_cache=use_cache)
            shown = "\n".join(p.format() for p in result.problems)
            if not _valid_id(name):
                assert not result.ok and result.events == [], shown
            _assert_clean_output(shown)
        for arguments in (["check"], ["check", "--no-cache"], ["check", "--format", "github"]):
            output = CliRunner().invoke(main, [*arguments, "--source", "timeline"]).output
            _assert_clean_output(output)


def test_a_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    folder = os.fsencode(str(timeline / "2024"))
    Path(os.fsdecode(folder + b"/2024-01-15-\xff\x1b[2J.yaml")).write_bytes(VALID)
    with contextlib.chdir(tmp_path):
        for use_cache in (True, False):
            [problem] = pipeline.check(Path("timeline"), use_cache=use_cache).problems
            assert problem.format() == (
                "timeline/2024/2024-01-15-\\xff\\x1b[2J.yaml:0:0: "
                "file name is not valid UTF-8 text (git keeps names as bytes); rename it"
            )


def test_text_output_escapes_unknown_keys_and_file_names_as_github_output_does(tmp_path: Path) -> None:
    """A key that clears the screen and prints a fake count, and a file name that forges a workflow command."""
    timeline = _timeline(tmp_path)
    forged = VALID.replace(b"status: reported\n", b'status: reported\n"\\e[2J\\e[H0 problems in 0 files\\n": x\n', 1)
    (timeline / "2024" / "2024-01-15-valid.yaml").write_bytes(forged)
    (timeline / "2024" / "2024-01-15-x\n::error file=a::forged.yaml").write_bytes(VALID)
    with contextlib.chdir(tmp_path):
        for output_format in ("text", "github"):
            result = CliRunner().invoke(main, ["check", "--source", "timeline", "--format", output_format])
            _assert_clean_output(result.output)
            assert result.exit_code == 1
            lines = result.output.splitlines()
            assert not any(line.startswith(("0 problems", "::error file=a::")) for line in lines), lines
            assert "\\x1b[2J\\x1b[H0 problems in 0 files\\n" in result.output
            assert "2024-01-15-x\\n::error file=a::forged.yaml" in result.output.replace("%3A", ":").replace("%0A", "")


def test_printable_keeps_text_and_escapes_the_rest() -> None:
    assert printable("Київ — «тест» 12%") == "Київ — «тест» 12%"
    assert printable("a\x1b[2Jb\u202ec\udcff\n") == "a\\x1b[2Jb\\u202ec\\xff\\n"
    assert Problem("a\nb", 1, 1, "k\x07", "m\r").format() == "a\\nb:1:1: k\\x07: m\\r"
