"""Old addresses: ``timeline/redirects.yaml``, the events renamed, merged into another, or removed.

An event's id is its address, so renaming a file or merging two events would break every link
and citation to the old one. Each entry keeps the old address alive as a small page that sends
the reader on; the feeds, the downloads and the changelog record it. The file maps an old id to
what happened::

    2024-07-11-old-name:
      kind: renamed          # renamed, merged or removed
      to: 2024-07-12-new-name
      date: "2024-08-02"
      reason: The date was corrected.

``check`` refuses an old id that is still a live event's (two pages would claim one address),
a ``to`` that names no live event, and a removal that names one.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from generator.loader.files import display
from generator.loader.nodes import Mapping, Node, Scalar, load
from generator.model import REDIRECT_KINDS, Event, Redirect
from generator.problems import Problem

_ID = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}(-[a-z0-9]+)+")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
Positions = dict[str, tuple[int, int]]
"""Where each old id and each ``to`` stands in the file, for problems found across files."""


def _text(node: Node | None) -> str | None:
    return node.value if isinstance(node, Scalar) and node.value.strip() else None


def _day(node: Node | None) -> datetime.date | None:
    text = _text(node)
    if text is None or not _DAY.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _entry(old_id: str, node: Node, shown: str, at: tuple[int, int]) -> tuple[Redirect | None, list[Problem]]:
    """One entry, or the problems that keep it out."""
    line, col = at
    if not _ID.fullmatch(old_id):
        return None, [Problem(shown, line, col, old_id, "expected an event id: the old file name without .yaml")]
    if not isinstance(node, Mapping):
        return None, [Problem(shown, line, col, old_id, "expected fields kind, to, date and reason")]
    fields = node.items
    where = {key: node.key_positions[key] for key in fields}
    problems = [
        Problem(shown, *where[key], f"{old_id}.{key}", "unknown field; expected kind, to, date or reason")
        for key in fields
        if key not in {"kind", "to", "date", "reason"}
    ]
    kind, to, day, reason = _text(fields.get("kind")), _text(fields.get("to")), _day(fields.get("date")), None
    reason = _text(fields.get("reason"))
    if kind not in REDIRECT_KINDS:
        problems.append(Problem(shown, line, col, f"{old_id}.kind", f"expected one of {', '.join(REDIRECT_KINDS)}"))
    elif kind == "removed" and "to" in fields:
        problems.append(Problem(shown, *where["to"], f"{old_id}.to", "a removed event has no 'to'; leave it out"))
    elif kind != "removed" and (to is None or not _ID.fullmatch(to)):
        problems.append(Problem(shown, line, col, f"{old_id}.to", "expected the id of the event that now holds it"))
    if day is None:
        problems.append(Problem(shown, line, col, f"{old_id}.date", "expected the day of the change as YYYY-MM-DD"))
    if reason is None:
        problems.append(Problem(shown, line, col, f"{old_id}.reason", "give a reason, in a few words"))
    if problems or kind is None or day is None or reason is None:
        return None, problems
    return Redirect(old_id=old_id, kind=kind, to=to if kind != "removed" else None, date=day, reason=reason), []


def load_redirects(path: Path | None) -> tuple[list[Redirect], Positions, list[Problem]]:
    """The old addresses, where each stands in the file, and the problems (a missing file has none)."""
    if path is None:
        return [], {}, []
    shown = display(path)
    document = load(path, shown)
    if document.root is None:
        return [], {}, document.problems
    if not isinstance(document.root, Mapping):
        return [], {}, [Problem(shown, 1, 1, "", "expected a mapping of old event ids to what happened to them")]
    redirects: list[Redirect] = []
    positions: Positions = {}
    problems: list[Problem] = []
    for old_id, node in document.root.items.items():
        at = document.root.key_positions[old_id]
        redirect, found = _entry(old_id, node, shown, at)
        problems += found
        if redirect is not None:
            redirects.append(redirect)
            positions[old_id] = at
    return sorted(redirects, key=lambda r: (r.date, r.old_id)), positions, problems


def check_redirects(redirects: list[Redirect], events: list[Event], path: Path | None, at: Positions) -> list[Problem]:
    """Every old address is free, and every ``to`` names a live event."""
    if path is None:
        return []
    shown = display(path)
    live = {e.id for e in events}
    problems = []
    for redirect in redirects:
        line, col = at[redirect.old_id]
        if redirect.old_id in live:
            problems.append(
                Problem(
                    shown,
                    line,
                    col,
                    redirect.old_id,
                    "this old address is a live event's address; remove the entry, or rename one of the two",
                )
            )
        if redirect.to is not None and redirect.to not in live:
            problems.append(
                Problem(
                    shown,
                    line,
                    col,
                    f"{redirect.old_id}.to",
                    f"no event has the id {redirect.to!r}; name the event as it is now (its file name without .yaml)",
                )
            )
    return problems


def read_redirects(path: Path | None, events: list[Event]) -> tuple[list[Redirect], list[Problem]]:
    """The old addresses of ``path`` that every rule accepts, and every problem with them."""
    redirects, at, problems = load_redirects(path)
    problems += check_redirects(redirects, events, path, at)
    return redirects, problems
