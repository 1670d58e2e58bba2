"""Display words: one catalogue of English source strings, used by Python and templates alike.

Every word a reader sees goes through :func:`gettext` or :func:`ngettext` (in templates,
``_()`` and ``ngettext()`` from Jinja's i18n extension), so a Russian or Ukrainian catalogue
can translate it later, plural forms included (those languages have three). English uses
the source strings as they are: stdlib ``gettext.NullTranslations``, through Babel-compatible
calls (``pybabel extract -F babel.cfg`` lists them into a ``.pot``).
"""

from __future__ import annotations

import gettext as _gettext

from babel import Locale
from jinja2 import Environment
from markupsafe import Markup

from generator import vocabulary
from generator.model import Event, Figure
from generator.renderer.urls import DEFAULT_LANGUAGE

_CATALOGUES: dict[str, _gettext.NullTranslations] = {DEFAULT_LANGUAGE: _gettext.NullTranslations()}
"""One catalogue per language; English is the source strings themselves."""


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


SITE_TITLE = N_("Desertion and violence in the Russian army: a sourced timeline")
"""The site's title, written once: the home page, its heading and the feeds use it."""
KIND_WORDS = {
    "ukrainian-government": N_("Ukrainian government"),
    "russian-government": N_("Russian government"),
    "telegram-channel": N_("Telegram channel"),
    "ngo": N_("NGO"),
}
"""Claimant kinds whose words are not just the id with spaces: proper adjectives and acronyms."""


def catalogue(language: str = DEFAULT_LANGUAGE) -> _gettext.NullTranslations:
    return _CATALOGUES[language]


def gettext(message: str, language: str = DEFAULT_LANGUAGE) -> str:
    return catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, count: int, language: str = DEFAULT_LANGUAGE) -> str:
    """The form of ``singular``/``plural`` for ``count``, with ``%(num)d`` filled in."""
    return catalogue(language).ngettext(singular, plural, count) % {"num": count}


def install(env: Environment, language: str = DEFAULT_LANGUAGE) -> None:
    """Give templates ``_()`` and ``ngettext()`` from the catalogue of ``language``.

    The catalogue's words are trusted text (they come from this repository, not from
    contributors), so they reach the page as they are; values formatted into them are
    numbers, or text a template has already escaped.
    """
    words = catalogue(language)
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: Markup(words.gettext(message)),
        ngettext=lambda singular, plural, n: Markup(words.ngettext(singular, plural, n)),
        newstyle=True,
    )


def language_name(code: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``Russian`` for ``ru``, in the words of ``language`` (from CLDR, through Babel)."""
    return str(Locale.parse(language).languages.get(code, code))


def kind_words(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``Ukrainian government``, ``media``, ``telegram channel``."""
    return gettext(KIND_WORDS[kind], language) if kind in KIND_WORDS else kind.replace("-", " ")


def figure_words(figure: Figure) -> str:
    """``more than 18,000 people``, ``25%``, ``10 times``."""
    qualifier = vocabulary.QUALIFIERS[figure.qualifier]
    number = f"{figure.value:,}"
    if figure.unit == "percent":
        text = f"{number}%"
    elif figure.unit == "people" and figure.value == 1:
        text = gettext("%(number)s person") % {"number": number}
    else:
        text = f"{number} {vocabulary.UNITS[figure.unit]}"
    return f"{qualifier} {text}".strip()


def location_words(event: Event) -> str:
    """``Luhansk region, Ukraine (Russian-occupied)``."""
    loc = event.location
    country = vocabulary.country_name(loc.country)
    text = loc.name if loc.name == country else f"{loc.name}, {country}"
    return text + (gettext(" (Russian-occupied)") if loc.occupied else "")
