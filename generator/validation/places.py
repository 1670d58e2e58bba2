"""Addresses taken over: two place names that would share one page.

A place's page address comes from its name alone (:func:`generator.timeline.place_slug`), so
an existing page never moves when a new event arrives. Names that differ only in case or in
Unicode form (:func:`generator.timeline.place_key`) are one place, with one page. Names that
differ otherwise but reduce to the same address (``Kupiansk sector`` and ``Kupiansk-sector``)
would merge two places, or let a newcomer take over an existing page, so they are refused.
"""

from __future__ import annotations

from generator.model import Event
from generator.problems import Problem
from generator.timeline import place_key, place_slug
from generator.validation.sources import line_of


def check_place_addresses(events: list[Event]) -> list[Problem]:
    """Two place names that differ beyond case and Unicode form never share one page address."""
    first: dict[str, Event] = {}
    for event in sorted(events, key=lambda e: (e.added, e.id)):  # the name that came first keeps the page
        first.setdefault(place_slug(event.location.country, event.location.name), event)
    problems = []
    for event in events:
        holder = first[place_slug(event.location.country, event.location.name)]
        if place_key(event.location.name) == place_key(holder.location.name):
            continue
        problems.append(
            Problem(
                event.path,
                line_of(event.path, event.location.name),
                1,
                "location.name",
                f"{event.location.name!r} would share the page of the place {holder.location.name!r} "
                f"({holder.path}); spell it the same way if it is the same place, or name it distinctly",
            )
        )
    return problems
