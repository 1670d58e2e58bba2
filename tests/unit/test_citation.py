"""generator.renderer.citation: BibTeX, RIS and CSL-JSON that parse back, whatever the title holds.

bibtexparser and rispy (test-only dependencies) read the files back as reference managers
would: one entry, with the title as written (less what each format cannot hold: line breaks),
the permanent address and the dataset version.
"""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Event, Tag
from generator.renderer import citation, urls
from generator.timeline import Timeline
from generator.validation import validate
from tests.helpers import SMALL, make_event

TAGS = {"desertion": Tag(id="desertion", name="Desertion", description="Leaving a unit.")}
SITE = "https://mirror.example.org/some/path/"
HOSTILE_TITLES = [
    "Evil } @misc{x, title={y}} \\ % $ # ~ ^ _ &",
    "}}}} {{{{",
    "\\end{document} \\input{/etc/passwd}",
    "ER  - ",
    "Line\u2028ER  - \u2029TY  - JOUR",
    'A "quoted" @comment{ title',
    "Привіт, світ: дезертирство",
]
BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    return BREAKS.sub(" ", text)


def read_bibtex(text: str) -> list[dict[str, str]]:
    parser = BibTexParser(common_strings=False)
    parser.ignore_nonstandard_types = False
    return list(bibtexparser.loads(text, parser=parser).entries)


def tex_to_text(value: str) -> str:
    """Undo the BibTeX escapes (longest first, so ``\\textbackslash{}`` is not read as ``\\{``...)."""
    for char, command in sorted(citation.BIBTEX_ESCAPES.items(), key=lambda item: -len(item[1])):
        value = value.replace(command, char)
    return value


def cite(event: Event) -> citation.Citation:
    return citation.event_citation(event, Timeline([event], TAGS), SITE)


def assert_parses_back(event: Event) -> None:
    record = cite(event)
    address = SITE + "events/" + event.id + "/"
    [bib] = read_bibtex(citation.render(record, "bibtex"))
    assert bib["ID"] == event.id
    assert tex_to_text(bib["title"]) == "{" + one_line(event.title) + "}"
    assert (bib["url"], bib["version"]) == (address, record.version)
    [ris] = rispy.loads(citation.render(record, "ris"))
    assert ris["title"] == one_line(event.title).strip()
    assert (ris["urls"], ris["edition"], ris["type_of_reference"]) == ([address], record.version, "ELEC")
    [csl] = json.loads(citation.render(record, "csl-json"))
    assert (csl["title"], csl["URL"], csl["version"]) == (event.title, address, record.version)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_stays_a_title_in_every_format(title: str) -> None:
    assert_parses_back(make_event("2024-07-11-hostile", title=title))


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(str.strip))
def test_any_title_parses_back(title: str) -> None:
    assert_parses_back(make_event("2024-07-11-any", title=title))


def test_every_event_of_the_small_fixture_parses_back_and_names_the_dataset_version() -> None:
    result = validate(SMALL)
    timeline = Timeline(result.events, result.tags, result.redirects)
    files = citation.citation_files(timeline, SITE)
    assert len(files) == 3 * (len(timeline.events) + 1)
    for event in timeline.events:
        [bib] = read_bibtex(files[urls.citation(event.id, "bibtex")])
        assert bib["version"] == timeline.version == "2024-08-02"
        assert bib["howpublished"] == "Desertion and violence in the Russian army: a sourced timeline"
        [ris] = rispy.loads(files[urls.citation(event.id, "ris")])
        assert ris["secondary_title"] == bib["howpublished"]
        assert ris["date"] == event.updated.strftime("%Y/%m/%d")
        [csl] = json.loads(files[urls.citation(event.id, "csl-json")])
        assert csl["issued"] == {"date-parts": [[event.updated.year, event.updated.month, event.updated.day]]}


def test_the_dataset_citation_names_the_whole_timeline_and_its_version() -> None:
    result = validate(SMALL)
    timeline = Timeline(result.events, result.tags, result.redirects)
    record = citation.dataset_citation(timeline, SITE)
    [bib] = read_bibtex(citation.render(record, "bibtex"))
    assert (bib["ID"], bib["url"], bib["version"]) == ("desertion-timeline", SITE, "2024-08-02")
    [ris] = rispy.loads(citation.render(record, "ris"))
    assert ris["type_of_reference"] == "DATA"
    [csl] = json.loads(citation.render(record, "csl-json"))
    assert (csl["type"], csl["version"]) == ("dataset", "2024-08-02")
    assert "CC BY 4.0" in csl["note"]


def test_without_a_site_address_the_citation_has_no_url_rather_than_a_wrong_one() -> None:
    event = make_event("2024-07-11-a")
    record = citation.dataset_citation(Timeline([event], TAGS), None)
    assert "url" not in read_bibtex(citation.render(record, "bibtex"))[0]
    assert "URL" not in json.loads(citation.render(record, "csl-json"))[0]
