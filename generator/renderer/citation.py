"""Citations of an event and of the whole dataset: BibTeX, RIS and CSL-JSON, from templates.

Each format has its own Jinja environment whose ``finalize`` escapes every ``{{ value }}`` for
that format, so a template cannot forget to: BibTeX turns braces, backslashes and TeX's special
characters into commands whose own braces balance; RIS keeps each value on its one line (a line
break would start a new field, or end the record); CSL-JSON is JSON. A hostile title therefore
stays a title in every format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.model import Event
from generator.renderer import urls, words
from generator.renderer.licence import DATA_LICENCE
from generator.timeline import Timeline

BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
"""Every character BibTeX or TeX reads as syntax, as a command: each brace a command writes is closed."""
_BIBTEX = str.maketrans(BIBTEX_ESCAPES)
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
"""Everything a RIS reader (or Python's splitlines) may take for the end of a line."""
_TEMPLATES = {"bibtex": "cite.bib.j2", "ris": "cite.ris.j2", "csl-json": "cite.csl.json.j2"}


class Verbatim(str):
    """A value the template writes as it is: an address, already made safe for the format."""


def bibtex(value: Any) -> str:
    """A value made inert inside a braced BibTeX field."""
    # a line break inside braces is legal, but a reader may take it for the end of a field
    return value if isinstance(value, Verbatim) else _LINE_BREAKS.sub(" ", str(value)).translate(_BIBTEX)


def ris(value: Any) -> str:
    """A value kept on its RIS line: line breaks become spaces."""
    return value if isinstance(value, Verbatim) else _LINE_BREAKS.sub(" ", str(value)).strip()


def csl_json(value: Any) -> str:
    """A value as a JSON literal (an address too: JSON has no verbatim values)."""
    return json.dumps(value, ensure_ascii=False)


def _address(url: str) -> Verbatim:
    """An address with anything a format could read as syntax percent-encoded."""
    return Verbatim(quote(url, safe=":/?#[]@!$&'()*+,;=-._~"))


_FINALIZE = {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}
_ENVIRONMENTS: dict[str, Environment] = {}


def _environment(form: str) -> Environment:
    if form not in _ENVIRONMENTS:
        _ENVIRONMENTS[form] = Environment(
            loader=PackageLoader("generator.renderer", "templates"),
            undefined=StrictUndefined,
            autoescape=False,  # noqa: S701 -- not HTML: escaping is the format's own, done by finalize
            finalize=_FINALIZE[form],
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            # BibTeX is made of braces: its values are written << value >>, so that a brace is a brace
            variable_start_string="<<" if form == "bibtex" else "{{",
            variable_end_string=">>" if form == "bibtex" else "}}",
        )
    return _ENVIRONMENTS[form]


@dataclass(frozen=True, kw_only=True)
class Citation:
    """What every format says about one cited work."""

    key: str
    """The citation key: the event's id, or the dataset's name."""
    kind: str
    """``event`` (a page of the timeline) or ``dataset`` (the whole timeline)."""
    title: str
    author: str
    """The timeline's contributors, as an organisation."""
    project: str
    """The timeline's name, the container of an event."""
    url: Verbatim
    """The permanent address."""
    version: str
    """The dataset version the citation refers to."""
    issued: date | None
    """When the cited text last changed, if known."""

    @property
    def note(self) -> str:
        """``Dataset version 2024-08-02. Licensed under CC BY 4.0.``, in the language written."""
        return words.gettext("Dataset version %(version)s. Licensed under %(licence)s.") % {
            "version": self.version,
            "licence": DATA_LICENCE.name,
        }


def event_citation(event: Event, timeline: Timeline, site_url: str | None) -> Citation:
    """The citation of one event's page."""
    return Citation(
        key=event.id,
        kind="event",
        title=event.title,
        author=words.gettext("Timeline contributors"),
        project=words.gettext(words.SITE_TITLE),
        url=_address(urls.absolute(site_url, urls.event(event.id))),
        version=timeline.version,
        issued=event.updated,
    )


def dataset_citation(timeline: Timeline, site_url: str | None) -> Citation:
    """The citation of the whole timeline as a dataset, at its current version."""
    return Citation(
        key="desertion-timeline",
        kind="dataset",
        title=words.gettext(words.SITE_TITLE),
        author=words.gettext("Timeline contributors"),
        project=words.gettext(words.SITE_TITLE),
        url=_address(urls.absolute(site_url, urls.home())),
        version=timeline.version,
        issued=date.fromisoformat(timeline.version) if timeline.events else None,
    )


def render(citation: Citation, form: str) -> str:
    """The citation in one of :data:`generator.renderer.urls.CITATION_FORMATS`."""
    return _environment(form).get_template(_TEMPLATES[form]).render(cite=citation, licence=DATA_LICENCE)


def citation_files(timeline: Timeline, site_url: str | None) -> dict[str, str]:
    """Every citation file: each event's and the dataset's, in every format."""
    files = {}
    cited: list[tuple[str | None, Citation]] = [(None, dataset_citation(timeline, site_url))]
    cited += [(e.id, event_citation(e, timeline, site_url)) for e in timeline.events]
    for event_id, citation in cited:
        for form in urls.CITATION_FORMATS:
            files[urls.citation(event_id, form)] = render(citation, form)
    return files
