"""generator.problems: how a problem prints, which stop the build, and their order."""

from __future__ import annotations

import pytest

from generator.problems import Problem, Severity, errors, ordered


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (
            Problem("t/2024/x.yaml", 3, 7, "status", "expected one of a, b; got 'c'"),
            "t/2024/x.yaml:3:7: status: expected one of a, b; got 'c'",
        ),
        (Problem("t/2024/x.yaml", 1, 1, "", "duplicate key 'title'"), "t/2024/x.yaml:1:1: duplicate key 'title'"),
        (Problem("t/x.txt", 0, 0, "", "unexpected file"), "t/x.txt:0:0: unexpected file"),
        (
            Problem("t/x.yaml", 20, 5, "sources[0]", "source has no url", Severity.WARNING),
            "t/x.yaml:20:5: sources[0]: warning: source has no url",
        ),
        (
            Problem("t/x.yaml", 1, 1, "", "looks like t/y.yaml", Severity.WARNING),
            "t/x.yaml:1:1: warning: looks like t/y.yaml",
        ),
    ],
)
def test_format(problem: Problem, text: str) -> None:
    assert problem.format() == text


def test_errors_are_the_problems_that_stop_a_build() -> None:
    error = Problem("a", 1, 1, "", "bad")
    warning = Problem("a", 2, 1, "", "meh", Severity.WARNING)
    assert errors([warning, error]) == [error]


def test_ordered_sorts_by_file_then_position_and_drops_duplicates() -> None:
    a = Problem("b.yaml", 10, 1, "title", "x")
    b = Problem("b.yaml", 2, 9, "title", "x")
    c = Problem("a.yaml", 30, 1, "", "y", Severity.WARNING)
    d = Problem("b.yaml", 2, 9, "date", "x")
    assert ordered([a, b, c, d, a]) == [c, d, b, a]
