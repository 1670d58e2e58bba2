"""Write a new event file that tells the contributor what to fill in.

The skeleton passes ``check`` once its summary is written: everything else is
filled from the answers given to ``timeline new``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date as Date
from pathlib import Path

from generator import vocabulary
from generator.dates import PartialDate
from generator.model import Tag
from generator.validation.schema import LANGUAGE_PATTERN, PLAIN_TEXT_PATTERN, SLUG_PATTERN, URL_PATTERN

_TEXT = re.compile(PLAIN_TEXT_PATTERN)
_SLUG = re.compile(SLUG_PATTERN)
_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
MAX_WORDS = 6


class SkeletonError(ValueError):
    """An answer to ``timeline new`` that cannot make a valid file."""


def event_id(date: PartialDate, title: str) -> str:
    """``2024-07-11-soldier-reportedly-shoots-two-comrades`` from a date and a title."""
    # words first, then ASCII: a dash between two words still parts them, and "Café" gives "cafe"
    words = [
        ascii
        for word in re.findall(r"[^\W_]+", title.casefold())
        if (ascii := re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", word).lower()))
    ]
    if not words:
        raise SkeletonError("the title needs at least one word in Latin letters or digits for the file name")
    return f"{date.iso()}-{'-'.join(words[:MAX_WORDS])}"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def free_id(timeline: Path, new_id: str, tries: int = 100) -> str | None:
    """``new_id``, or the first of ``new_id-2``, ``new_id-3``... that no file in any year folder has."""
    for name in [new_id, *(f"{new_id}-{n}" for n in range(2, tries + 1))]:
        if not any(timeline.glob(f"*/{name}.yaml")):
            return name
    return None


def needs_content_note(tags: list[str], known: dict[str, Tag]) -> list[str]:
    """The tags among ``tags`` whose events must carry a content note."""
    return [t for t in tags if t in known and known[t].content_note]


def skeleton(
    timeline: Path,
    *,
    date: str,
    title: str,
    location: str,
    country: str,
    tags: list[str],
    publisher: str,
    source_title: str,
    source_url: str = "",
    source_language: str = "",
    precision: str = "region",
    content_note: str = "",
    known_tags: dict[str, Tag] | None = None,
    today: Date | None = None,
) -> tuple[Path, str]:
    """The path and text of a new event file.

    ``known_tags`` is the tag vocabulary; when given, tags are checked against it
    and a content note is required for tags that need one.
    """
    when = check_date(date)
    country = country.upper()
    _check_fields(
        title=title,
        location=location,
        country=country,
        precision=precision,
        publisher=publisher,
        source_title=source_title,
        source_url=source_url,
        source_language=source_language,
    )
    check_tags(tags, known_tags, content_note)
    added = (today or Date.today()).isoformat()
    text = _file_text(
        when,
        added,
        title=title,
        location=location,
        country=country,
        precision=precision,
        tags=tags,
        content_note=content_note,
        publisher=publisher,
        source_title=source_title,
        source_url=source_url,
        source_language=source_language,
    )
    return timeline / str(when.year) / f"{event_id(when, title)}.yaml", text


def check_text(name: str, value: str) -> str:
    """One line of plain text, as titles, places and publishers are."""
    if not _TEXT.match(value):
        raise SkeletonError(f"{name}: expected one line of plain text; got {value!r}")
    return value


def check_date(value: str) -> PartialDate:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD."""
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise SkeletonError(f"date: {exc}; got {value!r}") from exc


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, in capitals."""
    country = value.strip().upper()
    if country not in vocabulary.COUNTRIES:
        raise SkeletonError(f"country: expected an ISO 3166-1 alpha-2 code such as UA or RU; got {country!r}")
    return country


def check_precision(value: str) -> str:
    """One of the location precisions."""
    if value not in vocabulary.PRECISIONS:
        raise SkeletonError(f"precision: expected one of {', '.join(vocabulary.PRECISIONS)}; got {value!r}")
    return value


def check_url(value: str) -> str:
    """An https:// address with a plain host, or nothing."""
    if value and not _URL.match(value):
        raise SkeletonError(f"source url: expected an https:// URL with a plain host; got {value!r}")
    return value


def check_language(value: str) -> str:
    """A page's language as a two-letter code."""
    if not _LANGUAGE.match(value):
        raise SkeletonError(
            f"source language: expected the page's language as a two-letter code (en, ru, uk); got {value!r}"
        )
    return value


def _check_fields(
    *,
    title: str,
    location: str,
    country: str,
    precision: str,
    publisher: str,
    source_title: str,
    source_url: str,
    source_language: str = "",
) -> None:
    """Refuse text, country, precision and URL answers that cannot make a valid file."""
    for name, value in (
        ("title", title),
        ("location", location),
        ("publisher", publisher),
        ("source title", source_title),
    ):
        check_text(name, value)
    check_country(country)
    check_precision(precision)
    check_url(source_url)
    if source_url:
        check_language(source_language)


def check_tags(tags: list[str], known_tags: dict[str, Tag] | None, content_note: str) -> None:
    """Refuse missing, repeated or unknown tags, and a missing content note where a tag needs one."""
    check_tag_ids(tags, known_tags)
    check_content_note(tags, known_tags, content_note)


def check_tag_ids(tags: list[str], known_tags: dict[str, Tag] | None) -> list[str]:
    """Refuse missing, repeated or unknown tags."""
    if not tags:
        raise SkeletonError("give at least one tag (see timeline/tags.yaml)")
    if len(set(tags)) != len(tags):
        raise SkeletonError(f"tags: each tag once; got {', '.join(tags)}")
    for tag in tags:
        if not _SLUG.match(tag) or (known_tags and tag not in known_tags):
            listed = ", ".join(sorted(known_tags)) if known_tags else "lowercase words joined by hyphens"
            raise SkeletonError(f"tags: unknown tag {tag!r}; expected one of: {listed}")
    return tags


def check_content_note(tags: list[str], known_tags: dict[str, Tag] | None, content_note: str) -> str:
    """Refuse a content note that is not one line, or none where a tag needs one."""
    violent = needs_content_note(tags, known_tags or {})
    if content_note and not _TEXT.match(content_note):
        raise SkeletonError(f"content note: expected one line of plain text; got {content_note!r}")
    if violent and not content_note:
        raise SkeletonError(
            f"content note: events tagged {', '.join(violent)} need one, such as 'Describes the killing of soldiers.'"
        )
    return content_note


def _file_text(
    when: PartialDate,
    added: str,
    *,
    title: str,
    location: str,
    country: str,
    precision: str,
    tags: list[str],
    content_note: str,
    publisher: str,
    source_title: str,
    source_url: str,
    source_language: str = "",
) -> str:
    """The text of the new file, with a comment beside each field saying what to write."""
    url_line = (
        f"    url: {_q(source_url)}\n    language: {source_language}\n"
        if source_url
        else "    # url: https://...   # add the address if the source is online, and its language:\n"
        "    # language: en       # the page's language: en, ru, uk, ...\n"
    )
    note_line = (
        f"content_note: {_q(content_note)}\n"
        if content_note
        else "# content_note: Describes killings.   # required for violent events\n"
    )
    return f"""# yaml-language-server: $schema=../schema.json
# New event. Fields are explained in CONTRIBUTING.md. Run `timeline check` when done.
title: {_q(title)}
date: {_q(when.iso())}
# date_end: "YYYY-MM-DD"   # for a range: the last possible day
# approximate: true        # if the source gives the date only roughly ("last week")
added: {_q(added)}
status: reported           # {" | ".join(vocabulary.STATUSES)}
tags: [{", ".join(tags)}]
location:
  name: {_q(location)}
  country: {country}
  precision: {precision}  # {" | ".join(vocabulary.PRECISIONS)}
  # occupied: true         # Ukrainian territory occupied by Russia
{note_line}summary: ""                # WRITE THIS: what is reported, in your own words, attributed ("X said that ...")
claims:
  - by: {_q(publisher)}     # who makes the claim; not always the outlet that relayed it
    kind: media            # {" | ".join(vocabulary.CLAIMANT_KINDS)}
    status: reported
    says: {_q(title)}       # rewrite: what this claimant says, in your own words
    sources: [source-1]
sources:
  - id: source-1
    publisher: {_q(publisher)}
    title: {_q(source_title)}
{url_line}"""
