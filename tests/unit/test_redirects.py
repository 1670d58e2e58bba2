"""generator.validation.redirects: old addresses in timeline/redirects.yaml, one row per rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.validation import validate
from tests.helpers import SMALL, format_problems

LIVE = "2024-07-11-soldier-shoots-two-comrades"
"""An event of the small fixture."""


def check(folder: Path, text: str) -> list[str]:
    """What check reports for the small fixture with ``text`` as its redirects.yaml."""
    shutil.copytree(SMALL, folder)
    (folder / "redirects.yaml").write_text(text, encoding="utf-8")
    return format_problems(validate(folder).problems, folder)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'{LIVE}:\n  kind: renamed\n  to: 2023-watchdog-counts-desertion-cases\n  date: "2024-08-01"\n'
            "  reason: x\n",
            f"redirects.yaml:1:1: {LIVE}: this old address is a live event's address; remove the entry, "
            "or rename one of the two",
        ),
        (
            '2024-07-01-old:\n  kind: merged\n  to: 2024-07-02-nowhere\n  date: "2024-08-01"\n  reason: x\n',
            "redirects.yaml:1:1: 2024-07-01-old.to: no event has the id '2024-07-02-nowhere'; name the event as it is "
            "now (its file name without .yaml)",
        ),
        (
            f'2024-07-01-old:\n  kind: moved\n  to: {LIVE}\n  date: "2024-08-01"\n  reason: x\n',
            "redirects.yaml:1:1: 2024-07-01-old.kind: expected one of renamed, merged, removed",
        ),
        (
            f'2024-07-01-old:\n  kind: removed\n  to: {LIVE}\n  date: "2024-08-01"\n  reason: x\n',
            "redirects.yaml:3:3: 2024-07-01-old.to: a removed event has no 'to'; leave it out",
        ),
        (
            f"2024-07-01-old:\n  kind: renamed\n  to: {LIVE}\n  date: 1 August\n  reason: x\n",
            "redirects.yaml:1:1: 2024-07-01-old.date: expected the day of the change as YYYY-MM-DD",
        ),
        (
            f'2024-07-01-old:\n  kind: renamed\n  to: {LIVE}\n  date: "2024-08-01"\n',
            "redirects.yaml:1:1: 2024-07-01-old.reason: give a reason, in a few words",
        ),
        (
            f'Old-Name:\n  kind: renamed\n  to: {LIVE}\n  date: "2024-08-01"\n  reason: x\n',
            "redirects.yaml:1:1: Old-Name: expected an event id: the old file name without .yaml",
        ),
        (
            f'2024-07-01-old:\n  kind: renamed\n  to: {LIVE}\n  date: "2024-08-01"\n  reason: x\n  why: y\n',
            "redirects.yaml:6:3: 2024-07-01-old.why: unknown field; expected kind, to, date or reason",
        ),
        ("- 2024-07-01-old\n", "redirects.yaml:1:1: expected a mapping of old event ids to what happened to them"),
    ],
)
def test_check_refuses(tmp_path: Path, text: str, expected: str) -> None:
    assert check(tmp_path / "timeline", text) == [expected]


def test_a_valid_file_gives_the_redirects_in_date_order(tmp_path: Path) -> None:
    text = (
        f'2024-07-01-b:\n  kind: merged\n  to: {LIVE}\n  date: "2024-08-03"\n  reason: Same event.\n'
        '2024-07-01-a:\n  kind: removed\n  date: "2024-08-01"\n  reason: Not in scope.\n'
    )
    assert check(tmp_path / "timeline", text) == []
    result = validate(tmp_path / "timeline")
    assert [(r.old_id, r.kind, r.to) for r in result.redirects] == [
        ("2024-07-01-a", "removed", None),
        ("2024-07-01-b", "merged", LIVE),
    ]
