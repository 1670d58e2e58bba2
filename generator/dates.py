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
from functools import cached_property

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""The written form of a date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
_DATE = re.compile(DATE_PATTERN)
MONTHS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


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
        """``11 Jul 2024``, ``Jul 2024`` or ``2024``: months shortened to three letters."""
        parts = [str(self.day)] if self.day else []
        if self.month:
            parts.append(MONTHS[self.month][:3])
        if with_year:
            parts.append(str(self.year))
        return " ".join(parts)

    def words(self, with_year: bool = True) -> str:
        """``11 July 2024``, ``July 2024`` or ``2024``."""
        parts = []
        if self.day:
            parts.append(str(self.day))
        if self.month:
            parts.append(MONTHS[self.month])
        if with_year:
            parts.append(str(self.year))
        return " ".join(parts)


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
            return f"c. {text}" if self.approximate else text
        first, last = self.first, self.last
        same_year = first.year == last.year
        same_month = same_year and first.month == last.month and first.day and last.day
        if same_month:
            start = str(first.day)
        elif same_year and (first.month is not None) == (last.month is not None):
            start = first.words(with_year=False)
        else:
            start = first.words()
        text = f"between {start} and {last.words()}"
        return f"{text} (approximate)" if self.approximate else text

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
        return f"{text} (approx.)" if self.approximate else text

    def iso(self) -> str:
        """ISO 8601-style form: ``2022-03-01/2022-03-15``, with ``~`` when approximate."""
        text = self.first.iso() + (f"/{self.last.iso()}" if self.last else "")
        return text + ("~" if self.approximate else "")
