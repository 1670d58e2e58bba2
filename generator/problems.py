"""Problems found in event files: what, where, and how serious.

Domain code collects problems and returns them; only the CLI prints them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How a problem affects the build."""

    ERROR = "error"
    """Stops ``check`` and ``build``."""
    WARNING = "warning"
    """Printed; fails only with ``--strict``."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with one place in one file."""

    path: str
    """The file, relative to the working directory where possible."""
    line: int
    """1-based line; 0 when the problem concerns the file as a whole."""
    col: int
    """1-based column; 0 when unknown."""
    field: str
    """Dotted path of the field, such as ``claims[0].sources``; empty for the file."""
    message: str
    """What is wrong, and where it helps, what was expected."""
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File, then position, then field and message: the order contributors read them in."""
        return (self.path, self.line, self.col, self.field, self.message)

    def format(self) -> str:
        """Render as ``path:line:col: field: message`` (warnings say so), on one printable line."""
        where = f"{printable(self.path)}:{self.line}:{self.col}"
        label = "warning: " if self.severity is Severity.WARNING else ""
        field = f"{printable(self.field)}: " if self.field else ""
        return f"{where}: {field}{label}{printable(self.message)}"

    def annotation(self) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's line."""
        props = f"file={_escape_property(self.path)}"
        if self.line:
            props += f",line={self.line}"
        if self.col:
            props += f",col={self.col}"
        if self.field:
            props += f",title={_escape_property(self.field)}"
        return f"::{self.severity.value} {props}::{_escape_data(self.message)}"


def printable(text: str) -> str:
    """``text`` with every character a terminal or a log would act on or hide shown as an escape.

    File names and unknown keys come from strangers: an escape sequence could clear the screen
    and print a fake "0 problems", a newline could start a forged workflow command in a CI log,
    a bidirectional override could reorder the line. A byte of a file name that is not UTF-8
    (Python keeps it as a lone surrogate) is shown as ``\\xNN``; control, format, separator and
    private-use characters as ``\\xNN``, ``\\uNNNN`` or ``\\UNNNNNNNN``.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if char.isprintable():
            out.append(char)
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def _escape_data(text: str) -> str:
    # Each line through printable(), as in text output: no escape sequence or bidi override reaches
    # the log; line breaks stay GitHub's own escapes.
    text = "\n".join(printable(line) for line in text.split("\n"))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # a property is one line: a line break in a file name or a key is shown escaped, as in text output
    return _escape_data(printable(text)).replace(":", "%3A").replace(",", "%2C")


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems without duplicates, sorted by :meth:`Problem.sort_key` (much faster than the
    dataclass ordering, which compares field by field in Python)."""
    return sorted(set(problems), key=Problem.sort_key)


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity is Severity.ERROR]


def failed(problems: list[Problem], strict: bool) -> bool:
    """True when ``check`` fails: on any error, or on any warning with ``--strict``."""
    return bool(errors(problems)) or (strict and bool(problems))


ANNOTATIONS_PER_LEVEL = 10
"""GitHub shows at most 10 error and 10 warning annotations per step, and drops the rest silently."""


def for_annotations(
    problems: list[Problem], changed: set[str] | None, limit: int = ANNOTATIONS_PER_LEVEL
) -> tuple[list[Problem], list[Problem]]:
    """The problems worth an annotation on a pull request, and the rest.

    Errors come first, those of ``changed`` files before the others; then the warnings of
    ``changed`` files (of every file when ``changed`` is None). At most ``limit`` of each.
    """

    def in_change(problem: Problem) -> bool:
        return changed is None or os.path.normpath(problem.path) in changed

    failing = sorted(errors(problems), key=lambda p: (not in_change(p), p.sort_key()))
    warned = [p for p in problems if p.severity is Severity.WARNING and in_change(p)]
    shown = failing[:limit] + warned[:limit]
    kept = set(shown)
    return shown, [p for p in problems if p not in kept]
