"""Rules across files about sources: hosts never to cite, and one description per address.

Both run on the whole timeline after the per-file rules, so that a change to the list of refused
hosts takes effect at once (the per-file results are cached by the event file's content alone).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from generator.model import Event, Source
from generator.problems import Problem, Severity
from generator.validation.hosts import RefusedHost, host_of, looks_like_a_copy, refused

ADDRESS_FIELDS = ("url", "archive_url", "original_url")
"""The fields of a source that hold an address."""
DESCRIPTION_FIELDS = ("publisher", "title", "date", "language")
"""What every event citing one address must say about it in the same words."""


def check_hosts(events: list[Event], hosts: dict[str, RefusedHost]) -> list[Problem]:
    """No address is on a refused host; an address on a host that looks like a copy gets a warning."""
    problems = []
    for event in events:
        for source in event.sources:
            for field in ADDRESS_FIELDS:
                address = getattr(source, field)
                if not address:
                    continue
                host = host_of(address)
                entry = refused(host, hosts)
                # The line is looked up only for a problem: reading every file again for every
                # address took 9 s of each check at 10,000 events.
                if entry is not None:
                    problems.append(
                        Problem(
                            event.path,
                            line_of(event.path, address),
                            1,
                            f"sources[{source.id}].{field}",
                            f"{host} is on the list of hosts never to cite (timeline/refused-hosts.yaml): "
                            f"{entry.reason}. Cite the outlet that did the reporting instead",
                        )
                    )
                elif looks_like_a_copy(host):
                    problems.append(
                        Problem(
                            event.path,
                            line_of(event.path, address),
                            1,
                            f"sources[{source.id}].{field}",
                            f"{host} looks like a mirror, a proxy or a staging copy; cite the outlet's own site, "
                            "or add the host to timeline/refused-hosts.yaml",
                            Severity.WARNING,
                        )
                    )
    return problems


def check_one_description(events: list[Event]) -> list[Problem]:
    """Every event that cites an address describes it the same way (publisher, title, date, language)."""
    citing: dict[str, list[tuple[Event, Source]]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.id):
        for source in event.sources:
            if source.url:
                citing[source.url].append((event, source))
    problems = []
    for url, uses in citing.items():
        first_event, first = uses[0]
        for event, source in uses[1:]:
            for field in DESCRIPTION_FIELDS:
                mine, theirs = getattr(source, field), getattr(first, field)
                if mine != theirs:
                    problems.append(
                        Problem(
                            event.path,
                            line_of(event.path, url),
                            1,
                            f"sources[{source.id}].{field}",
                            f"{url} is cited with {field} {_shown(theirs)} in {first_event.path}; "
                            f"give the same {field} here (got {_shown(mine)})",
                        )
                    )
    return problems


def _shown(value: object) -> str:
    return "(none)" if value is None else repr(str(value))


def line_of(path: str, text: str) -> int:
    """The first line of the file that holds ``text``; 1 when the file cannot be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if text in line), 1)
