"""Build model objects from data that passed every rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.dates import DateSpan, PartialDate
from generator.model import Claim, Correction, Event, Figure, Location, Source


def _span(data: dict[str, Any]) -> DateSpan:
    end = data.get("date_end")
    return DateSpan(
        PartialDate.parse(str(data["date"])),
        PartialDate.parse(str(end)) if end is not None else None,
        bool(data.get("approximate", False)),
    )


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


def _figure(data: dict[str, Any]) -> Figure:
    return Figure(
        value=_decimal(data["value"]),
        qualifier=data["qualifier"],
        unit=data["unit"],
        counts=data["counts"],
        description=data["description"],
        scope=data["scope"],
    )


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(
        by=data["by"],
        kind=data["kind"],
        date=_span(data) if "date" in data else None,
        status=data["status"],
        says=data["says"],
        source_ids=tuple(data["sources"]),
        figures=tuple(_figure(f) for f in data.get("figures", [])),
    )


def _source(data: dict[str, Any]) -> Source:
    date = data.get("date")
    return Source(
        id=data["id"],
        publisher=data["publisher"],
        title=data.get("title"),
        date=PartialDate.parse(str(date)) if date is not None else None,
        url=data.get("url"),
        archive_url=data.get("archive_url"),
        language=data.get("language"),
        original_publisher=data.get("original_publisher"),
        original_url=data.get("original_url"),
        no_url_reason=data.get("no_url_reason"),
    )


def _location(data: dict[str, Any]) -> Location:
    return Location(
        name=data["name"],
        local_name=data.get("local_name"),
        country=data["country"],
        precision=data["precision"],
        occupied=bool(data.get("occupied", False)),
        lat=_decimal(data["lat"]) if "lat" in data else None,
        lon=_decimal(data["lon"]) if "lon" in data else None,
        region=data.get("region"),
    )


def to_event(event_id: str, path: str, data: dict[str, Any], fingerprint: str = "") -> Event:
    """The :class:`Event` for a file's valid data."""
    return Event(
        id=event_id,
        path=path,
        title=data["title"],
        date=_span(data),
        added=PartialDate.parse(str(data["added"])).earliest(),
        status=data["status"],
        tags=tuple(data["tags"]),
        location=_location(data["location"]),
        content_note=data.get("content_note"),
        summary=data["summary"].strip(),
        claims=tuple(_claim(c) for c in data["claims"]),
        sources=tuple(_source(s) for s in data["sources"]),
        related=tuple(data.get("related", [])),
        corrections=tuple(
            Correction(date=PartialDate.parse(str(c["date"])).earliest(), change=c["change"], reason=c["reason"])
            for c in data.get("corrections", [])
        ),
        fingerprint=fingerprint,
    )
