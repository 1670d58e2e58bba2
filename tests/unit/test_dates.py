"""generator.dates: partial, approximate and ranged dates; sorting by the earliest possible day."""

from __future__ import annotations

from datetime import date

import pytest

from generator import languages
from generator.dates import DateSpan, PartialDate, month_name, month_year

P = PartialDate.parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-07", PartialDate(2024, 7)),
        ("2024-07-11", PartialDate(2024, 7, 11)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("1900", PartialDate(1900)),
        ("2100-12-31", PartialDate(2100, 12, 31)),
    ],
)
def test_parse(text: str, expected: PartialDate) -> None:
    assert P(text) == expected
    assert expected.iso() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-29", "day is out of range for month"),
        ("2024-04-31", "day is out of range for month"),
        ("2024-07-00", "day is out of range for month"),
        ("2024-13", "month 13 does not exist"),
        ("2024-00", "month 0 does not exist"),
        ("1899", "year 1899 is out of range"),
        ("2101-01-01", "year 2101 is out of range"),
        ("24-07-11", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-7-1", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024/07/11", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("11 July 2024", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("c. March 2022", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-07-11T10:00", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-07-11\n", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("２０２４", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_parse_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        P(text)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-07-11", date(2024, 7, 11), date(2024, 7, 11)),
    ],
)
def test_earliest_and_latest_possible_day(text: str, earliest: date, latest: date) -> None:
    assert (P(text).earliest(), P(text).latest()) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "with_year", "without_year"),
    [("2024", "2024", ""), ("2022-03", "March 2022", "March"), ("2024-07-01", "1 July 2024", "1 July")],
)
def test_partial_date_words(text: str, with_year: str, without_year: str) -> None:
    assert P(text).words() == with_year
    assert P(text).words(with_year=False) == without_year


@pytest.mark.parametrize(
    ("first", "last", "approximate", "words", "iso"),
    [
        ("2024-07-11", None, False, "11 July 2024", "2024-07-11"),
        ("2022-03", None, False, "March 2022", "2022-03"),
        ("2022-03", None, True, "c. March 2022", "2022-03~"),
        ("2022", None, True, "c. 2022", "2022~"),
        ("2022-03-01", "2022-03-15", False, "between 1 and 15 March 2022", "2022-03-01/2022-03-15"),
        ("2022-03-01", "2022-03-15", True, "between 1 and 15 March 2022 (approximate)", "2022-03-01/2022-03-15~"),
        ("2022-03-20", "2022-04-02", False, "between 20 March and 2 April 2022", "2022-03-20/2022-04-02"),
        ("2022-03", "2022-05", False, "between March and May 2022", "2022-03/2022-05"),
        ("2022-11", "2023-02", False, "between November 2022 and February 2023", "2022-11/2023-02"),
        ("2022-12-30", "2023-01-02", False, "between 30 December 2022 and 2 January 2023", "2022-12-30/2023-01-02"),
        ("2022", "2023", False, "between 2022 and 2023", "2022/2023"),
        ("2022", "2022-05", False, "between 2022 and May 2022", "2022/2022-05"),
    ],
)
def test_span_wording_never_claims_more_precision(
    first: str, last: str | None, approximate: bool, words: str, iso: str
) -> None:
    span = DateSpan(P(first), P(last) if last else None, approximate)
    assert span.words() == words
    assert span.iso() == iso


@pytest.mark.parametrize(
    ("first", "last", "days"),
    [
        ("2024-07-11", None, 1),
        ("2024-02", None, 29),
        ("2023", None, 365),
        ("2022-03-01", "2022-03-15", 15),
        ("2022-03", "2022-05", 92),
    ],
)
def test_precision_days(first: str, last: str | None, days: int) -> None:
    assert DateSpan(P(first), P(last) if last else None).precision_days() == days


def test_a_span_sorts_by_its_earliest_possible_day() -> None:
    spans = [
        DateSpan(P("2022-03-15")),
        DateSpan(P("2022-03"), approximate=True),
        DateSpan(P("2022")),
        DateSpan(P("2022-02-27"), P("2022-03-20")),
    ]
    assert sorted(spans, key=DateSpan.earliest) == [spans[2], spans[3], spans[1], spans[0]]
    assert spans[3].latest() == date(2022, 3, 20)


@pytest.mark.parametrize(
    ("first", "last", "approximate", "short"),
    [
        ("2024-07-11", None, False, "11 Jul 2024"),
        ("2022-03", None, True, "Mar 2022 (approx.)"),
        ("2022", None, False, "2022"),
        ("2022-03-01", "2022-03-15", False, "1\u201315 Mar 2022"),
        ("2022-03-20", "2022-04-02", False, "20 Mar \u2013 2 Apr 2022"),
        ("2022-03", "2022-05", False, "Mar \u2013 May 2022"),
        ("2025", "2026-02", True, "2025 \u2013 Feb 2026 (approx.)"),
        ("2022-12-30", "2023-01-02", False, "30 Dec 2022 \u2013 2 Jan 2023"),
    ],
)
def test_short_forms_for_lists(first: str, last: str | None, approximate: bool, short: str) -> None:
    assert DateSpan(P(first), P(last) if last else None, approximate).short() == short


def test_a_span_belongs_to_every_year_it_overlaps() -> None:
    assert DateSpan(P("2023-11"), P("2025-01")).years() == [2023, 2024, 2025]
    assert DateSpan(P("2024")).years() == [2024]


@pytest.mark.parametrize(
    ("language", "first", "last", "approximate", "words", "short"),
    [
        ("ru", "2024-07-11", None, False, "11 июля 2024 г.", "11 июл. 2024 г."),
        ("uk", "2024-07-11", None, False, "11 липня 2024 р.", "11 лип. 2024 р."),
        ("ru", "2024-07", None, False, "июль 2024 г.", "июль 2024 г."),
        ("uk", "2024-07", None, True, "приблизно липень 2024 р.", "лип. 2024 р. (прибл.)"),
        ("ru", "2024", None, False, "2024", "2024"),
        ("ru", "2022-03-01", "2022-03-15", False, "1 — 15 марта 2022 г.", "1–15 мар. 2022 г."),
        ("uk", "2022-03", "2022-05", True, "березень — травень 2022 р. (приблизно)", "бер. – трав. 2022 р. (прибл.)"),
        ("en", "2022-03", "2022-05", True, "between March and May 2022 (approximate)", "Mar – May 2022 (approx.)"),
        ("en", "2024-09-11", None, False, "11 September 2024", "11 Sep 2024"),
    ],
)
def test_dates_in_the_language_written(
    language: str, first: str, last: str | None, approximate: bool, words: str, short: str
) -> None:
    span = DateSpan(
        first=PartialDate.parse(first), last=PartialDate.parse(last) if last else None, approximate=approximate
    )
    with languages.speaking(language):
        # CLDR keeps "2024 г." together with a narrow no-break space
        assert (_spaced(span.words()), _spaced(span.short())) == (words, short)


def _spaced(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_month_names_come_from_cldr() -> None:
    with languages.speaking("uk"):
        assert (month_name(3), month_name(3, "narrow"), _spaced(month_year(2024, 2))) == (
            "березень",
            "Б",
            "лютий 2024 р.",
        )
    assert (month_name(3), month_year(2024, 2)) == ("March", "February 2024")
