"""The languages the site is written in, and which one is being written now.

English is the source language: event files, tag names and the interface's words are
written in it, and its site sits at the root. Each other language is a whole site under
its code (``ru/``, ``uk/``). Rendering one language's site happens inside
:func:`speaking`, so that every display word, date and address made meanwhile is in that
language without passing it through every function (as Django's ``translation.override``
and Flask-Babel's ``force_locale`` do). Outside it, everything is English.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

DEFAULT = "en"
"""The source language, at the site root."""
LANGUAGES = ("en", "ru", "uk")
"""Every language the site is built in, the source language first."""
TRANSLATED = LANGUAGES[1:]
"""The languages event text is translated into."""

_current: ContextVar[str] = ContextVar("language", default=DEFAULT)
_built: ContextVar[tuple[str, ...]] = ContextVar("languages", default=LANGUAGES)


def current() -> str:
    """The language being written now."""
    return _current.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Write in ``language`` inside the ``with`` block."""
    if language not in LANGUAGES:
        raise ValueError(f"not a language of the site: {language!r}")
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def built() -> tuple[str, ...]:
    """The languages of the site being built: all of them unless ``extra.timeline.languages`` says fewer."""
    return _built.get()


@contextmanager
def building(codes: tuple[str, ...]) -> Iterator[None]:
    """Build the site in ``codes`` (English first) inside the ``with`` block."""
    if not codes or codes[0] != DEFAULT or not set(codes) <= set(LANGUAGES):
        raise ValueError(f"not a set of the site's languages, English first: {codes!r}")
    token = _built.set(codes)
    try:
        yield
    finally:
        _built.reset(token)
