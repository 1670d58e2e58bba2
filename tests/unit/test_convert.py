"""generator.validation.convert: model objects from data that passed every rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from generator.dates import DateSpan, PartialDate
from generator.loader.nodes import parse
from generator.loader.typed import to_data
from generator.model import Correction, Figure, Location, Source
from generator.validation.convert import to_event
from tests.helpers import SMALL


def event_from(path: str):  # type: ignore[no-untyped-def]
    document = parse((SMALL / path).read_bytes(), path)
    assert document.root is not None
    return to_event(path.rsplit("/", 1)[1].removesuffix(".yaml"), path, to_data(document.root), "fp")


def test_an_approximate_month_in_occupied_territory_with_figures() -> None:
    event = event_from("2022/2022-03-conscripts-refuse-to-advance.yaml")
    assert event.date == DateSpan(PartialDate(2022, 3), None, True)
    assert event.added == date(2024, 1, 10)
    assert event.location == Location(
        name="Melitopol",
        local_name="Мелітополь",
        country="UA",
        precision="settlement",
        occupied=True,
        lat=Decimal("46.84"),
        lon=Decimal("35.37"),
    )
    assert event.claims[0].date == DateSpan(PartialDate(2022, 3), None, True)
    assert event.claims[0].figures == (
        Figure(
            value=Decimal(40),
            qualifier="about",
            unit="people",
            counts="refused-to-fight",
            description="Conscripts said to refuse an order to advance",
            scope="One unit near Melitopol, March 2022",
        ),
    )
    assert event.sources[0] == Source(
        id="example-daily-2022-03",
        publisher="Example Daily",
        title='Conscripts "refused to advance", official says',
        date=PartialDate(2022, 3, 20),
        url="https://example.org/daily/2022/03/conscripts",
        archive_url=None,
        language="en",
    )
    assert event.related == ("2022-03-01-deserters-cross-border",)
    assert event.summary.endswith('for what "reported" means.')  # the block's final newline is stripped
    assert (event.fingerprint, event.content_note, event.corrections) == ("fp", None, ())


def test_a_range_with_optional_fields_left_out() -> None:
    event = event_from("2022/2022-03-01-deserters-cross-border.yaml")
    assert event.date == DateSpan(PartialDate(2022, 3, 1), PartialDate(2022, 3, 15))
    assert event.location.lat is event.location.lon is event.location.local_name is None
    assert event.location.occupied is False
    assert event.claims[0].date == DateSpan(PartialDate(2022, 3, 10), PartialDate(2022, 3, 16))
    assert event.claims[1].date is None
    assert event.sources[0].archive_url == "https://archive.example.org/channel/123"


def test_numbers_stay_exact() -> None:
    event = event_from("2023/2023-watchdog-counts-desertion-cases.yaml")
    assert [f.value for c in event.claims for f in c.figures] == [Decimal(4999), Decimal(10), Decimal("12.5")]
    assert event.date == DateSpan(PartialDate(2023))


def test_corrections_and_content_note() -> None:
    event = event_from("2024/2024-07-11-soldier-shoots-two-comrades.yaml")
    assert event.content_note == "Describes two soldiers being shot dead."
    assert event.corrections == (
        Correction(
            date=date(2024, 7, 25),
            change="The number wounded was changed from two to one.",
            reason="The channel corrected its report.",
        ),
        Correction(date=date(2024, 8, 2), change="Added the local name of the region.", reason="Reader suggestion."),
    )
