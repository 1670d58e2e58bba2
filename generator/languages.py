"""The languages the site is written in, and which one is being written now.

English is the source language: event files, tag names and the interface's words are
written in it, and its site sits at the root. Each other language is a whole site under
its code (``ru/``, ``uk/``). Rendering one language's site happens inside
:func:`speaking`, so that every display word, date and address made meanwhile is in that
language without passing it through every function (as Django's ``translation.override``
and Flask-Babel's ``force_locale`` do). Outside it, everything is English.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DEFAULT = "en"
"""The source language, at the site root."""
LANGUAGES = ("en", "ru", "uk")
"""Every language the site is built in, the source language first."""
TRANSLATED = LANGUAGES[1:]
"""The languages event text is translated into."""

DOMAIN = "messages"
LOCALE_DIR = Path(__file__).parent / "renderer" / "locale"
"""The catalogues: ``<code>/LC_MESSAGES/messages.po``, beside the templates that use them most.
Read here, at the bottom layer, so that the core (dates, vocabulary) words its text too."""

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


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for the catalogue (``make translations`` extracts ``Nn_:1,2``)."""
    return singular, plural


def catalogue(language: str | None = None) -> _gettext.NullTranslations:
    """The catalogue of ``language`` (by default the one being written, asked at each call)."""
    return _catalogue(language or current())


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language``, read once per process.

    The ``.po`` file is compiled in memory rather than committed as a ``.mo``: the repository
    keeps only text a translator can read and a pull request can show.
    """
    if language == DEFAULT:
        return _gettext.NullTranslations()
    if language not in LANGUAGES:
        raise ValueError(f"not a language of the site: {language!r}")
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        messages = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(message: str, language: str | None = None) -> str:
    """``message`` in ``language`` (by default the one being written); English as it is."""
    return catalogue(language or current()).gettext(message)


def plural_count(count: int | float | Decimal) -> int:
    """The whole number gettext chooses a plural form by.

    A fraction (2.5 people) takes CLDR's ``other`` form, which in English is the plural and in
    Russian and Ukrainian the genitive singular, the same words as for 2: so 2 stands for it.
    """
    return int(count) if count == int(count) else 2


def ngettext(
    singular: str, plural: str, count: int | float | Decimal, language: str | None = None, **values: object
) -> str:
    """The form of ``singular``/``plural`` for ``count``, with ``%(num)d`` and ``values`` filled in."""
    number = plural_count(count)
    return catalogue(language or current()).ngettext(singular, plural, number) % {"num": number, **values}


def locale(language: str | None = None) -> Locale:
    """The CLDR locale of ``language`` (by default the one being written), for dates, numbers and names."""
    return _locale(language or current())


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


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
