"""Events in Russian and Ukrainian: the version of the English text, and a translation applied.

A translation records which version of the English text it translates (``translates:``),
a short hash of every translatable field. When the English text changes, the hash changes
and the translation shows as outdated until a translator updates it and its ``translates:``.
Claims, their figures and corrections are matched by position; where an outdated
translation no longer has the English's number of them, those parts show in English.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace
from typing import Any

from generator import languages
from generator.model import Claim, Correction, Event, Location, Tag, TagText, TextOrigin, Translation

VERSION_LENGTH = 10
"""Letters of a text version: enough that two versions of one event never meet by chance. In
base 32 (a-z, 2-7) rather than hex, so that YAML never reads a version as a number."""
LOCAL_LANGUAGE = {"RU": "ru", "UA": "uk"}
"""The language a country's ``local_name`` is written in, so a site in that language can show it."""


def english_text(event: Event) -> dict[str, Any]:
    """Every field of an event a translation translates, as written in English."""
    return {
        "title": event.title,
        "summary": event.summary,
        "content_note": event.content_note,
        "place": event.location.name,
        "claims": [
            {
                "by": c.by,
                "says": c.says,
                "figures": [{"description": f.description, "scope": f.scope} for f in c.figures],
            }
            for c in event.claims
        ],
        "corrections": [{"change": c.change, "reason": c.reason} for c in event.corrections],
    }


def text_version(event: Event) -> str:
    """The version of an event's English text: it changes when any translatable word does."""
    text = json.dumps(english_text(event), ensure_ascii=False, sort_keys=True)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:VERSION_LENGTH]


def state(event: Event, translation: Translation | None) -> str:
    """``missing``, ``outdated``, ``unreviewed`` or ``reviewed``."""
    if translation is None:
        return "missing"
    if translation.translates != text_version(event):
        return "outdated"
    return "reviewed" if translation.reviewed else "unreviewed"


def claims_match(event: Event, translation: Translation) -> bool:
    """The translation has a text for every claim and every figure of the English, in order."""
    return len(translation.claims) == len(event.claims) and all(
        len(t.figures) == len(c.figures) for c, t in zip(event.claims, translation.claims, strict=True)
    )


def translate(event: Event, language: str, translation: Translation | None) -> Event:
    """``event`` as shown on the ``language`` site: its translated text where there is one."""
    if translation is None:
        origin = TextOrigin(language=language, state="missing", text="en", claims="en", corrections="en")
        location = _local_place(event, language, None)
        return replace(event, location=location, origin=origin, fingerprint=f"{event.fingerprint}/{language}")
    matched = claims_match(event, translation)
    corrected = len(translation.corrections) == len(event.corrections)
    origin = TextOrigin(
        language=language,
        state=state(event, translation),
        text=language,
        claims=language if matched else languages.DEFAULT,
        corrections=language if corrected else languages.DEFAULT,
    )
    return replace(
        event,
        title=translation.title,
        summary=translation.summary,
        content_note=translation.content_note if event.content_note else None,
        location=_local_place(event, language, translation),
        claims=_claims(event, translation) if matched else event.claims,
        corrections=_corrections(event, translation) if corrected else event.corrections,
        origin=origin,
        # the page rows are cached by fingerprint: it must change with the translation too
        fingerprint=f"{event.fingerprint}/{language}/{_fingerprint(translation)}",
    )


def _local_place(event: Event, language: str, translation: Translation | None) -> Location:
    """The translator's name for the place, else its local name when written in this language."""
    name = translation.place if translation is not None else None
    if name is None and event.location.local_name and LOCAL_LANGUAGE.get(event.location.country) == language:
        name = event.location.local_name
    return replace(event.location, name=name) if name else event.location


def _claims(event: Event, translation: Translation) -> tuple[Claim, ...]:
    return tuple(
        replace(
            claim,
            by=text.by,
            says=text.says,
            figures=tuple(
                replace(figure, description=words.description, scope=words.scope)
                for figure, words in zip(claim.figures, text.figures, strict=True)
            ),
        )
        for claim, text in zip(event.claims, translation.claims, strict=True)
    )


def _corrections(event: Event, translation: Translation) -> tuple[Correction, ...]:
    return tuple(
        replace(correction, change=text.change, reason=text.reason)
        for correction, text in zip(event.corrections, translation.corrections, strict=True)
    )


def _fingerprint(translation: Translation) -> str:
    return hashlib.blake2b(repr(translation).encode("utf-8"), digest_size=8).hexdigest()


def translate_tag(tag: Tag, text: TagText | None) -> Tag:
    """A tag with its name and description in another language, where they are translated."""
    return replace(tag, name=text.name, description=text.description) if text else tag
