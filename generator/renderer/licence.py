"""The licence of the timeline's text and data, stated once for the pages, the downloads and the feeds.

The code is MIT (``LICENSE``); the events, their text and the data built from them are CC BY 4.0
(``LICENSE-DATA.md``), so that anyone may reuse them with credit.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.renderer.words import N_, SITE_TITLE, gettext


@dataclass(frozen=True, kw_only=True)
class Licence:
    """A licence as readers and machines need it."""

    id: str
    """Its SPDX identifier."""
    name: str
    """Its short name."""
    url: str
    """The licence's own page."""
    attribution: str
    """The credit line to use when reusing the work."""


DATA_LICENCE = Licence(
    id="CC-BY-4.0",
    name="CC BY 4.0",
    url="https://creativecommons.org/licenses/by/4.0/",
    attribution=f"{SITE_TITLE}, contributors of the timeline project, licensed under CC BY 4.0",
)
"""The licence of the timeline's text and data (its credit line in English, as the data carry it)."""
ATTRIBUTION = N_("%(title)s, contributors of the timeline project, licensed under %(licence)s")
"""The credit line, as the pages show it."""


def attribution() -> str:
    """The credit line in the language being written; in English, :data:`DATA_LICENCE`'s own."""
    return gettext(ATTRIBUTION) % {"title": gettext(SITE_TITLE), "licence": DATA_LICENCE.name}
