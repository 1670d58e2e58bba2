"""The bundled timeline as a reader and a researcher rely on it: linked, dated and clean.

These are the promises of the sourcing rules (CONTRIBUTING.md, docs/methodology.md) that data can
decide: every address is https and described one way, no source is on a refused host, every
republished copy names whose story it is, most events have a source a reader can open, and few
events are dated only to a span of more than a year.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date as Date

import pytest

from generator.model import Event
from generator.validation import validate
from generator.validation.hosts import host_of, load_refused_hosts, refused
from tests.helpers import BUNDLED

MIN_EVENTS = 124
MIN_LINKED_SHARE = 0.8
MAX_LONG_SPANS = 3


@pytest.fixture(scope="module")
def events() -> list[Event]:
    result = validate(BUNDLED)
    assert result.ok, [p.format() for p in result.problems]
    return sorted(result.events, key=lambda e: e.id)


def test_the_timeline_is_a_record_not_a_sample(events: list[Event]) -> None:
    assert len(events) >= MIN_EVENTS
    years = {event.date.first.year for event in events}
    assert set(range(2022, 2027)) <= years, sorted(years)


def test_most_events_have_a_source_a_reader_can_open(events: list[Event]) -> None:
    linked = [e for e in events if any(s.url for s in e.sources)]
    assert len(linked) / len(events) >= MIN_LINKED_SHARE, f"{len(linked)} of {len(events)}"


def test_every_address_is_https_and_on_no_refused_host(events: list[Event]) -> None:
    hosts, problems = load_refused_hosts(BUNDLED / "refused-hosts.yaml")
    assert problems == []
    for event in events:
        for source in event.sources:
            for address in (source.url, source.archive_url, source.original_url):
                if address:
                    assert address.startswith("https://"), (event.id, address)
                    assert refused(host_of(address), hosts) is None, (event.id, address)


def test_one_description_per_address(events: list[Event]) -> None:
    seen: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for event in events:
        for source in event.sources:
            if source.url:
                seen[source.url].add((source.publisher, source.title, source.date, source.language))
    assert {url: found for url, found in seen.items() if len(found) > 1} == {}


def test_online_sources_give_their_language_and_offline_ones_their_reason(events: list[Event]) -> None:
    for event in events:
        for source in event.sources:
            if source.url:
                assert source.language, (event.id, source.id)
            else:
                assert source.no_url_reason, (event.id, source.id)


def test_every_republished_copy_names_its_original_publisher(events: list[Event]) -> None:
    for event in events:
        for source in event.sources:
            if source.original_url:
                assert source.original_publisher, (event.id, source.id)
            if source.original_publisher:
                assert source.original_publisher != source.publisher, (event.id, source.id)


def test_few_events_are_dated_only_to_a_span_of_more_than_a_year(events: list[Event]) -> None:
    def days(event: Event) -> int:
        start: Date = event.date.earliest()
        end: Date = event.date.latest()
        return (end - start).days + 1

    long = [event.id for event in events if days(event) > 366]
    assert len(long) <= MAX_LONG_SPANS, long


def test_related_events_link_each_other_both_ways(events: list[Event]) -> None:
    related = {event.id: set(event.related) for event in events}
    one_way = [(a, b) for a, others in related.items() for b in others if a not in related.get(b, set())]
    assert one_way == []
