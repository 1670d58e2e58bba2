"""What ``timeline serve`` says after a save: the saved files' own problems first, once.

A save that breaks the timeline is reported with the problems of the files just saved, then
any error elsewhere (it blocks the preview too), then the rest of the timeline's warnings as one
count, so that the contributor's own mistake is not buried under unrelated warnings. The same
report is not printed twice in a row, and the save that fixes it says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.problems import Problem, Severity
from generator.renderer.words import ngettext


@dataclass
class Reporter:
    """Turns each run of the edit loop into the lines the contributor reads."""

    broken: set[str] = field(default_factory=set)
    """Files whose problems stopped the last update."""
    last: list[str] = field(default_factory=list)

    def failed(self, problems: list[Problem], saved: set[str]) -> list[str]:
        """The report of a save that stopped the preview (``saved``: display paths of the saved files)."""
        own = [p for p in problems if p.path in saved]
        blocking = [p for p in problems if p.path not in saved and p.severity is Severity.ERROR]
        others = len(problems) - len(own) - len(blocking)
        lines = [p.format() for p in [*own, *blocking]]
        if others:
            count = ngettext("%(num)d warning", "%(num)d warnings", others)
            lines.append(f"(and {count} in other files: run timeline check to see them)")
        lines.append("Not updated: fix the problems above; the browser keeps the last good version.")
        # What the fix will be acknowledged for: the saved files that broke, not the files that
        # only failed because of them (a related id that vanished with a broken file, say).
        self.broken = {p.path for p in own if p.severity is Severity.ERROR} or set(saved)
        if lines == self.last:
            return [f"Still not updated: the same {_problems(len(own) + len(blocking))} as above."]
        self.last = lines
        return lines

    def updated(
        self, problems: list[Problem], saved: set[str], pages: list[str], first: float, seconds: float
    ) -> list[str]:
        """The report of a save that reached the preview: its own warnings, then what changed.

        ``pages`` are the rebuilt pages' addresses, the edited ones first; ``first`` is when the
        first of them was shown, ``seconds`` when the last was.
        """
        lines = [p.format() for p in problems if p.path in saved]
        fixed = sorted(self.broken)
        more = len(pages) - 1
        rest = f"; {ngettext('%(num)d more page', '%(num)d more pages', more)} by {seconds:.2f} s" if more > 0 else ""
        done = f"{pages[0]} in {first:.2f} s{rest}" if pages else ""
        if fixed:
            lines.append(f"Fixed: {', '.join(fixed)}, page updated" + (f" ({done})." if done else "."))
        elif pages:
            lines.append(f"Updated {done}.")
        else:
            lines.append(f"Checked {', '.join(sorted(saved)) or 'the change'}: no page changed.")
        self.broken, self.last = set(), []
        return lines


def _problems(count: int) -> str:
    return ngettext("%(num)d problem", "%(num)d problems", count)
