"""Partial and uncertain dates: parsing, ordering and honest wording.

An event may be known to the day, the month or only the year, may be a range,
and may be approximate. Sorting uses the earliest possible day; wording never
claims more precision than the source gave.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Literal

from babel.dates import format_date, get_month_names

from generator import languages
from generator.languages import N_

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""The written form of a date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
_DATE = re.compile(DATE_PATTERN)
_ENGLISH_PATTERNS = {
    "day": "d MMMM y",
    "month": "MMMM y",
    "day_short": "d MMM y",
    "month_short": "MMM y",
    "day_no_year": "d MMMM",
    "day_short_no_year": "d MMM",
}
"""English dates as the site has always written them (``11 July 2024``), not CLDR's American
``July 11, 2024``; other languages take CLDR's own patterns (``11 июля 2024 г.``)."""
_CLDR_SKELETONS = {
    "month": "yMMMM",
    "month_short": "yMMM",
    "day_no_year": "MMMMd",
    "day_short_no_year": "MMMd",
}
"""The CLDR skeleton of each form but the full day (``long``) and the short day (``medium``)."""


def _pattern(kind: str) -> str:
    return _patterns(languages.current())[kind]


@cache
def _patterns(language: str) -> dict[str, str]:
    if language == languages.DEFAULT:
        return _ENGLISH_PATTERNS
    locale = languages.locale(language)
    found = {key: locale.datetime_skeletons[skeleton].pattern for key, skeleton in _CLDR_SKELETONS.items()}
    return {**found, "day": locale.date_formats["long"].pattern, "day_short": locale.date_formats["medium"].pattern}


def month_name(month: int, width: Literal["abbreviated", "narrow", "wide"] = "wide") -> str:
    """``July`` (``июль``): the month on its own, in the language being written; ``narrow`` is ``J``."""
    return str(get_month_names(width, context="stand-alone", locale=languages.locale())[month])


def month_year(year: int, month: int) -> str:
    """``July 2024`` (``июль 2024 г.``)."""
    return str(format_date(date(year, month, 1), _pattern("month"), locale=languages.locale()))


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY[-MM[-DD]]``; raise ``ValueError`` with a reason otherwise."""
        if not _DATE.fullmatch(text):  # match would let a final newline through
            raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in text.split("-")]
        year, month, day = parts[0], *[*parts[1:], None, None][:2]
        if not 1900 <= year <= 2100:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None and month is not None:
            date(year, month, day)  # raises ValueError: "day is out of range for month"
        return cls(year, month, day)

    def earliest(self) -> date:
        """The first day this date could mean."""
        return self._bounds[0]

    def latest(self) -> date:
        """The last day this date could mean."""
        return self._bounds[1]

    @cached_property
    def _bounds(self) -> tuple[date, date]:
        # Sorting and duplicate detection ask for these millions of times on a large timeline.
        month = self.month or 12
        last_day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, self.month or 1, self.day or 1), date(self.year, month, last_day)

    def iso(self) -> str:
        """The written form, as in the event file."""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    def short(self, with_year: bool = True) -> str:
        """``11 Jul 2024``, ``Jul 2024`` or ``2024``: months shortened."""
        return self._format("_short", with_year)

    def words(self, with_year: bool = True) -> str:
        """``11 July 2024``, ``July 2024`` or ``2024``."""
        return self._format("", with_year)

    def _format(self, width: str, with_year: bool) -> str:
        """The date in the language being written, no more precise than it is known."""
        if self.month is None:
            return str(self.year) if with_year else ""
        day = date(self.year, self.month, self.day or 1)
        if self.day is None:
            if with_year:
                return str(format_date(day, _pattern("month" + width), locale=languages.locale()))
            return month_name(self.month, "abbreviated" if width else "wide")
        kind = "day" + width + ("" if with_year else "_no_year")
        return str(format_date(day, _pattern(kind), locale=languages.locale()))


APPROXIMATE_DATE = N_("c. %(date)s")
"""An approximate date: ``c. March 2022``."""
DATE_RANGE = N_("between %(start)s and %(end)s")
"""A range of dates: ``between 1 and 15 March 2022`` (a translation may prefer a dash)."""
APPROXIMATE_RANGE = N_("%(range)s (approximate)")
"""An approximate range."""
APPROXIMATE_SHORT = N_("%(date)s (approx.)")
"""The short form of an approximate date, as lists show it."""


@dataclass(frozen=True)
class DateSpan:
    """When something happened: a partial date, optionally a range, optionally approximate."""

    first: PartialDate
    last: PartialDate | None = None
    approximate: bool = False

    def earliest(self) -> date:
        """The first possible day; what the timeline sorts by."""
        return self.first.earliest()

    def latest(self) -> date:
        """The last possible day."""
        return (self.last or self.first).latest()

    def years(self) -> list[int]:
        """Every year the span overlaps, oldest first: a 2023-2024 event belongs to both years."""
        return list(range(self.earliest().year, self.latest().year + 1))

    def precision_days(self) -> int:
        """How many days the span could cover: 1 for a known day."""
        return (self.latest() - self.earliest()).days + 1

    def words(self) -> str:
        """Honest wording: ``c. March 2022``, ``between 1 and 15 March 2022``."""
        if self.last is None:
            text = self.first.words()
            return languages.gettext(APPROXIMATE_DATE) % {"date": text} if self.approximate else text
        first, last = self.first, self.last
        same_year = first.year == last.year
        same_month = same_year and first.month == last.month and first.day and last.day
        if same_month:
            start = str(first.day)
        elif same_year and (first.month is not None) == (last.month is not None):
            start = first.words(with_year=False)
        else:
            start = first.words()
        text = languages.gettext(DATE_RANGE) % {"start": start, "end": last.words()}
        return languages.gettext(APPROXIMATE_RANGE) % {"range": text} if self.approximate else text

    def short(self) -> str:
        """The short form lists use: ``11 Jul 2024``, ``1–15 Mar 2022``, ``2025 – Feb 2026 (approx.)``."""
        first, last = self.first, self.last
        if last is None or last == first:
            text = first.short()
        elif first.year == last.year and first.month == last.month and first.day and last.day:
            text = f"{first.day}\u2013{last.short()}"
        elif first.year == last.year and (first.month is None) == (last.month is None):
            text = f"{first.short(with_year=False)} \u2013 {last.short()}"
        else:
            text = f"{first.short()} \u2013 {last.short()}"
        return languages.gettext(APPROXIMATE_SHORT) % {"date": text} if self.approximate else text

    def iso(self) -> str:
        """ISO 8601-style form: ``2022-03-01/2022-03-15``, with ``~`` when approximate."""
        text = self.first.iso() + (f"/{self.last.iso()}" if self.last else "")
        return text + ("~" if self.approximate else "")
