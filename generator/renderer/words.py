"""Display words: one catalogue of English source strings, used by Python and templates alike.

Every word a reader sees goes through :func:`gettext` or :func:`ngettext` (in templates,
``_()`` and ``ngettext()`` from Jinja's i18n extension), in the language being written
(:func:`generator.languages.current`). English uses the source strings as they are (stdlib
``gettext.NullTranslations``); Russian and Ukrainian read their gettext catalogues,
``locale/<code>/LC_MESSAGES/messages.po``, with Babel, plural forms included (those languages
have three, chosen by the catalogue's CLDR ``Plural-Forms``). ``make translations`` lists every
source string into ``locale/messages.pot`` (``pybabel extract``) and merges it into the
catalogues (``pybabel update``); a string a catalogue lacks shows in English.
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from importlib.resources import files
from io import BytesIO

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import Environment
from markupsafe import Markup

from generator import basis, languages, vocabulary
from generator.model import Event, Figure

DEFAULT_LANGUAGE = languages.DEFAULT
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


SITE_TITLE = N_("Desertion and violence in the Russian army: a sourced timeline")
"""The site's title, written once: the home page, its heading and the feeds use it."""
SITE_NAME = N_("Russian army desertion timeline")
"""The short name in the header (``site_name`` in ``mkdocs.yml``, translated per language's site)."""
SITE_DESCRIPTION = N_(
    "A public, sourced timeline of reported desertion, execution squads, barrier troops and "
    "violence inside the Russian army during the war in Ukraine."
)
NAVIGATION = [
    N_("Home"),
    N_("Timeline"),
    N_("Years"),
    N_("Tags"),
    N_("Places"),
    N_("Map"),
    N_("Figures"),
    N_("Sources"),
    N_("Methodology"),
    N_("About"),
    N_("Contributing"),
    N_("Search"),
]
"""The titles of ``nav`` in ``mkdocs.yml``, listed so that the catalogue has them (a test keeps the two in step)."""
SWITCHER_LABEL = N_("This page in other languages")
"""The name of the language switcher, for screen readers."""
TRANSLATION_NOTICES = {
    "missing": N_("This event has not been translated yet: its text is shown in English, as written."),
    "unreviewed": N_("Translated from English with machine assistance; not yet checked by a fluent speaker."),
    "reviewed": N_("Translated from English and checked by a fluent speaker."),
    "outdated": N_(
        "The English text has changed since this translation was made: until a translator updates it, "
        "it may say less or other than the English."
    ),
}
"""How the text of an event page on the Russian or Ukrainian site was translated, by translation state."""
KIND_WORDS = {
    "ukrainian-government": N_("Ukrainian government"),
    "russian-government": N_("Russian government"),
    "telegram-channel": N_("Telegram channel"),
    "ngo": N_("NGO"),
}
"""Claimant kinds whose words are not just the id with spaces: proper adjectives and acronyms."""


@cache
def catalogue(language: str | None = None) -> _gettext.NullTranslations:
    """The catalogue of ``language`` (by default the one being written), read once per process.

    The ``.po`` file is compiled in memory rather than committed as a ``.mo``: the repository
    keeps only text a translator can read and a pull request can show.
    """
    language = language or languages.current()
    if language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    if language not in languages.LANGUAGES:
        raise ValueError(f"not a language of the site: {language!r}")
    po = files("generator.renderer") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as handle:
        messages = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(message: str, language: str | None = None) -> str:
    return catalogue(language or languages.current()).gettext(message)


def ngettext(singular: str, plural: str, count: int, language: str | None = None) -> str:
    """The form of ``singular``/``plural`` for ``count``, with ``%(num)d`` filled in."""
    return catalogue(language or languages.current()).ngettext(singular, plural, count) % {"num": count}


def install(env: Environment) -> None:
    """Give templates ``_()`` and ``ngettext()`` in the language being written when they render.

    The catalogue's words are trusted text (they come from this repository, not from
    contributors), so they reach the page as they are; values formatted into them are
    numbers, or text a template has already escaped.
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: Markup(gettext(message)),
        ngettext=lambda singular, plural, n: Markup(catalogue(languages.current()).ngettext(singular, plural, n)),
        newstyle=True,
    )


def translation_notice(event: Event) -> str:
    """How the text of ``event`` on this language's site was translated."""
    return gettext(TRANSLATION_NOTICES[event.origin.state]) if event.origin is not None else ""


def language_name(code: str, language: str | None = None) -> str:
    """``Russian`` for ``ru``, in the words of ``language`` (from CLDR, through Babel)."""
    return str(Locale.parse(language or languages.current()).languages.get(code, code))


def kind_words(kind: str, language: str | None = None) -> str:
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


def basis_words(event: Event, language: str | None = None) -> str:
    """Why an event has its status: ``4 claims from 3 claimants, 2 independent of each other, ...``."""
    counted = basis.of_event(event)
    parts = [
        ngettext("%(num)d claim", "%(num)d claims", len(event.claims), language)
        + " "
        + ngettext("from %(num)d claimant", "from %(num)d claimants", counted.claimants, language),
        ngettext(
            "%(num)d independent of the others", "%(num)d independent of each other", counted.independent, language
        )
        if counted.claimants > 1
        else "",
        ngettext("through %(num)d publication", "through %(num)d publications", counted.publications, language),
    ]
    text = ", ".join(p for p in parts if p) + ". "
    if counted.denied:
        text += gettext("A claimant denies it.", language) + " "
    if counted.russian_claims == 0:
        text += gettext("No Russian official or state outlet is among the claimants.", language)
    elif counted.acknowledged:
        text += gettext(
            "A Russian official or state outlet, a party with reason to deny it, reports it rather than denying it.",
            language,
        )
    else:
        text += gettext("Russian officials or state outlets deny or dispute it.", language)
    return text


def sourcing_words(event: Event, language: str | None = None) -> str:
    """The compact line under an event in lists: ``3 claimants · 4 sources · 2 linked``."""
    counted = basis.of_event(event)
    linked = sum(1 for s in event.sources if s.url)
    return " · ".join(
        [
            ngettext("%(num)d claimant", "%(num)d claimants", counted.claimants, language),
            ngettext("%(num)d independent", "%(num)d independent", counted.independent, language),
            ngettext("%(num)d source", "%(num)d sources", len(event.sources), language),
            ngettext("%(num)d linked", "%(num)d linked", linked, language),
        ]
    )
