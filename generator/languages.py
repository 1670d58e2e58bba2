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
