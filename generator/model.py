"""The timeline's data model: frozen, fully typed, built only from valid files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from generator.dates import DateSpan, PartialDate


@dataclass(frozen=True, kw_only=True)
class Tag:
    """A word readers can browse by, from ``timeline/tags.yaml``."""

    id: str
    """The slug used in event files and URLs."""
    name: str
    """The display name."""
    description: str
    """One line saying what the tag covers."""
    content_note: bool = False
    """Events with this tag describe killings and must carry a content note."""


@dataclass(frozen=True, kw_only=True)
class Source:
    """A publication through which claims reached us."""

    id: str
    """The id claims cite, unique within the event."""
    publisher: str
    """Who published it, or 'Not identified'."""
    title: str | None
    """The headline as printed; None when it could not be seen."""
    date: PartialDate | None
    """When it was published, if known."""
    url: str | None
    """https link, if the source is online."""
    archive_url: str | None
    """https link to an archived copy, if any."""
    language: str | None = None
    """ISO 639-1 code of the page's language."""
    original_publisher: str | None = None
    """For a republished story (wire copy, translation): whose story it is."""
    original_url: str | None = None
    """The original story's address, when known."""
    no_url_reason: str | None = None
    """Why there is no address, when there is none."""


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A number a claim states."""

    value: Decimal
    """The number itself."""
    qualifier: str
    """exactly, about, at-least, more-than or up-to."""
    unit: str
    """people, percent or times."""
    counts: str
    """What kind of thing is counted (a FIGURE_COUNTS key)."""
    description: str
    """What exactly is counted."""
    scope: str
    """The unit, place and period covered."""


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One claimant's statement about an event."""

    by: str
    """Who made the claim."""
    kind: str
    """A CLAIMANT_KINDS key."""
    date: DateSpan | None
    """When the claim was made, if known."""
    status: str
    """A STATUSES key: how this claim stands."""
    says: str
    """What the claim says, in the contributor's words."""
    source_ids: tuple[str, ...]
    """Ids of the event's sources that carry the claim."""
    figures: tuple[Figure, ...]
    """Numbers the claim states."""


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where an event happened."""

    name: str
    """The place, in English."""
    local_name: str | None
    """The place in Ukrainian or Russian."""
    country: str
    """ISO 3166-1 alpha-2 code."""
    precision: str
    """A PRECISIONS key."""
    occupied: bool
    """Ukrainian territory occupied by Russia at the time."""
    lat: Decimal | None
    """Latitude, if given."""
    lon: Decimal | None
    """Longitude, if given."""
    region: str | None = None
    """ISO 3166-2 code of the region, if known."""


@dataclass(frozen=True, kw_only=True)
class Correction:
    """A dated change to a published event."""

    date: datetime.date
    """The day of the change."""
    change: str
    """What changed."""
    reason: str
    """Why."""


REDIRECT_KINDS = ("renamed", "merged", "removed")
"""What can happen to a published event's address: it moved, it was merged into another, or it went."""


@dataclass(frozen=True, kw_only=True)
class Redirect:
    """An address that no longer has its own event, from ``timeline/redirects.yaml``."""

    old_id: str
    """The id the event was published under; its page stays, sending readers on."""
    kind: str
    """A REDIRECT_KINDS value."""
    to: str | None
    """The live event that now holds it (None when it was removed)."""
    date: datetime.date
    """The day of the change."""
    reason: str
    """Why, in a few words, shown on the old address and in the changelog."""


@dataclass(frozen=True, kw_only=True)
class Event:
    """One event of the timeline."""

    id: str
    """The file stem, which is also the last part of the event page's address."""
    path: str
    """The file as shown in problem messages: relative to the working directory when inside it.

    Not the repository path: :func:`generator.renderer.urls.source_file` gives that."""
    title: str
    """One line of plain text."""
    date: DateSpan
    """When it happened."""
    added: datetime.date
    """When it was added to the timeline (feeds sort by this)."""
    status: str
    """A STATUSES key."""
    tags: tuple[str, ...]
    """Tag ids."""
    location: Location
    """Where it happened."""
    content_note: str | None
    """Shown before violent detail."""
    summary: str
    """Markdown, checked safe."""
    claims: tuple[Claim, ...]
    """Who says what."""
    sources: tuple[Source, ...]
    """Where the claims were published."""
    related: tuple[str, ...]
    """Ids of connected events named by the contributor."""
    corrections: tuple[Correction, ...]
    """Changes after publication."""
    fingerprint: str = ""
    """A hash of the file's bytes and place: it changes whenever the file does (caches key on it)."""
    origin: TextOrigin | None = None
    """On a Russian or Ukrainian site: which language each part of the text is in, and how its
    translation stands. None for the English text as written."""

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return next(s for s in self.sources if s.id == source_id)

    @property
    def updated(self) -> datetime.date:
        """The last day the event changed: when added or last corrected."""
        return max([self.added, *(c.date for c in self.corrections)])

    @property
    def sort_key(self) -> tuple[datetime.date, str]:
        """Earliest possible day, then id."""
        return (self.date.earliest(), self.id)


@dataclass(frozen=True, kw_only=True)
class FigureText:
    """A figure's words in another language."""

    description: str
    """What is counted."""
    scope: str
    """Where and when."""


@dataclass(frozen=True, kw_only=True)
class ClaimText:
    """A claim's words in another language: the claimant as named, what they say, their figures' words."""

    by: str
    """The claimant, as named in the English."""
    says: str
    """What they say."""
    figures: tuple[FigureText, ...] = ()
    """The words of the claim's figures, in order."""


@dataclass(frozen=True, kw_only=True)
class CorrectionText:
    """A correction's words in another language."""

    change: str
    """What changed."""
    reason: str
    """Why."""


@dataclass(frozen=True, kw_only=True)
class Translation:
    """An event's text in another language, from ``timeline/<YYYY>/<id>.<language>.yaml``.

    Only text: dates, statuses, sources and tags stay those of the English file. Claims,
    their figures and corrections are matched to the English ones by position.
    """

    event_id: str
    """The id of the English event it translates."""
    language: str
    """``ru`` or ``uk``."""
    path: str
    """The file as shown in problem messages."""
    translates: str
    """The version of the English text it translates (:func:`generator.translation.text_version`)."""
    reviewed: bool
    """True once a fluent speaker has checked it against the English."""
    title: str
    """One line of plain text."""
    summary: str
    """Markdown, checked safe like the English summary."""
    content_note: str | None = None
    """Shown before violent detail, where the English has a content note."""
    place: str | None = None
    """The location's name in this language."""
    claims: tuple[ClaimText, ...] = ()
    """The words of each claim, in the English order."""
    corrections: tuple[CorrectionText, ...] = ()
    """The words of each correction, in the English order."""


@dataclass(frozen=True, kw_only=True)
class TagText:
    """A tag's name and description in another language (``timeline/tags.<language>.yaml``)."""

    name: str
    """The display name."""
    description: str
    """One line saying what the tag covers."""


@dataclass(frozen=True, kw_only=True)
class TextOrigin:
    """Where the text of an event shown on a translated site comes from."""

    language: str
    """The language of the site it is shown on."""
    state: str
    """``reviewed``, ``unreviewed``, ``outdated`` (the English changed since) or ``missing``."""
    text: str
    """The language of the title, summary, content note and place name."""
    claims: str
    """The language of the claims and their figures (English where an outdated translation no longer matches them)."""
    corrections: str
    """The language of the corrections."""
