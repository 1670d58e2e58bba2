"""Problems found in event files: what, where, and how serious.

Domain code collects problems and returns them; only the CLI prints them.
"""

from __future__ import annotations

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


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems without duplicates, sorted by :meth:`Problem.sort_key` (much faster than the
    dataclass ordering, which compares field by field in Python)."""
    return sorted(set(problems), key=Problem.sort_key)


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity is Severity.ERROR]
