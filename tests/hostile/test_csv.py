"""CSV formulas: however a spreadsheet splits a line of ``data/events.csv`` (comma, semicolon
with or without a space, tab, pipe; honouring the quotes or not), no cell starts a formula.

Titles, places, claimants, publishers and headlines come from strangers; each is put through
``generator.renderer.exports.safe_cell`` and the whole export is parsed back with every separator.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Event
from generator.renderer.exports import CSV_SEPARATORS, events_csv, safe_cell
from generator.timeline import Timeline
from generator.validation.tags import load_tags
from tests.helpers import make_event
from tests.hostile._support import REPO, formula_cells

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
PIECES = st.sampled_from(
    [*"=+-@,;|\"' ", "\t", "\u00a0", "a", "1", "HYPERLINK(", "cmd|' /C calc'!A0", "; ", ", ", "=1+1", "-2"]
)
TEXT = st.lists(PIECES, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)


def _event(title: str, place: str, claimant: str, publisher: str) -> Event:
    event = make_event("2024-07-a", title=title, place=place)
    claim = dataclasses.replace(event.claims[0], by=claimant)
    source = dataclasses.replace(event.sources[0], publisher=publisher, title=claimant)
    return dataclasses.replace(event, claims=(claim, claim), sources=(source,))


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, TEXT, TEXT)
def test_no_cell_starts_a_formula_whatever_the_separator(title: str, place: str, claimant: str, publisher: str) -> None:
    text = events_csv(Timeline([_event(title, place, claimant, publisher)], TAGS))
    assert formula_cells(text) == []


def test_the_scan_finds_what_the_old_export_let_through() -> None:
    """The attacks of the issue, unprotected, are found by the scan (so the property can fail)."""
    for separator in CSV_SEPARATORS:
        raw = f"id,A{separator}=HYPERLINK(1)\n"
        assert formula_cells(raw), separator
        assert formula_cells(f"id,{safe_cell(f'A{separator}=HYPERLINK(1)')}\n") == []


def test_protected_text_stays_readable() -> None:
    assert safe_cell("A=B, 1+1 and @channel") == "A=B, 1+1 and @channel"
    assert safe_cell("Channel A;=cmd") == "Channel A;'=cmd"
    assert safe_cell("Channel A|@SUM(1)") == "Channel A|'@SUM(1)"
    assert safe_cell('Channel A, "=1') == "Channel A, \"'=1"
