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

from decimal import Decimal

from babel.numbers import format_decimal
from jinja2 import Environment
from markupsafe import Markup

from generator import basis, languages, vocabulary
from generator.languages import N_, Nn_, catalogue, gettext, ngettext
from generator.model import Event, Figure

__all__ = ["N_", "Nn_", "catalogue", "gettext", "ngettext"]
DEFAULT_LANGUAGE = languages.DEFAULT
DOMAIN = languages.DOMAIN

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
    "foreign-government": N_("foreign government"),
    "state-media": N_("state media"),
    "media": N_("media"),
    "telegram-channel": N_("Telegram channel"),
    "ngo": N_("NGO"),
    "individual": N_("individual"),
    "leaked-document": N_("leaked document"),
}
"""Each claimant kind in words (lower case but for proper adjectives and acronyms)."""
STATUS_NAMES = {
    "reported": N_("reported"),
    "corroborated": N_("corroborated"),
    "confirmed": N_("confirmed"),
    "disputed": N_("disputed"),
    "denied": N_("denied"),
}
"""Each status as readers see it; the id stays in addresses, classes and data."""
PRECISION_WORDS = {
    "exact": N_("exact"),
    "settlement": N_("settlement"),
    "district": N_("district"),
    "region": N_("region"),
    "front-sector": N_("front sector"),
    "country": N_("country"),
}
"""How precisely a place is known, in words."""
FIGURE_PHRASES = {
    ("exactly", "people"): Nn_("%(number)s person", "%(number)s people"),
    ("about", "people"): Nn_("about %(number)s person", "about %(number)s people"),
    ("at-least", "people"): Nn_("at least %(number)s person", "at least %(number)s people"),
    ("more-than", "people"): Nn_("more than %(number)s person", "more than %(number)s people"),
    ("up-to", "people"): Nn_("up to %(number)s person", "up to %(number)s people"),
    ("exactly", "times"): Nn_("%(number)s times", "%(number)s times"),
    ("about", "times"): Nn_("about %(number)s times", "about %(number)s times"),
    ("at-least", "times"): Nn_("at least %(number)s times", "at least %(number)s times"),
    ("more-than", "times"): Nn_("more than %(number)s times", "more than %(number)s times"),
    ("up-to", "times"): Nn_("up to %(number)s times", "up to %(number)s times"),
}
"""A figure in words, whole, so that a translation can put the qualifier and the number's case
where its language wants them (Russian ``около 21 человека``, ``более 21 человек``)."""
PERCENT_PHRASES = {
    "exactly": N_("%(number)s%%"),
    "about": N_("about %(number)s%%"),
    "at-least": N_("at least %(number)s%%"),
    "more-than": N_("more than %(number)s%%"),
    "up-to": N_("up to %(number)s%%"),
}
"""A percentage in words, by qualifier."""


def install_theme(env: Environment, language: str) -> None:
    """Give the theme's templates (docs/overrides) ``_()`` in ``language``, and the scripts' words.

    MkDocs renders them, not the generator, so the language is the build's (``theme.language``).
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: gettext(message, language),
        ngettext=lambda singular, plural, n: catalogue(language).ngettext(singular, plural, n),
        newstyle=True,
    )
    with languages.speaking(language):
        env.globals["tl_words"] = script_words()


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
    return str(languages.locale(language).languages.get(code, code))


def kind_words(kind: str, language: str | None = None) -> str:
    """``Ukrainian government``, ``media``, ``Telegram channel``."""
    return gettext(KIND_WORDS[kind], language) if kind in KIND_WORDS else kind.replace("-", " ")


def status_name(status: str) -> str:
    """``reported``, as the reader's language says it."""
    return gettext(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def status_meaning(status: str) -> str:
    """What a status means (the methodology's words), in the reader's language."""
    return gettext(vocabulary.STATUSES[status])


def precision_words(precision: str) -> str:
    """``front sector``: how precisely a place is known."""
    return gettext(PRECISION_WORDS[precision]) if precision in PRECISION_WORDS else precision.replace("-", " ")


def number(value: int | Decimal) -> str:
    """``18,000`` in English, ``18 000`` in Russian: CLDR's grouping and decimal sign, every digit kept."""
    return str(format_decimal(value, locale=languages.locale(), decimal_quantization=False))


def figure_words(figure: Figure) -> str:
    """``more than 18,000 people``, ``25%``, ``10 times``."""
    amount = number(figure.value)
    if figure.unit == "percent":
        return gettext(PERCENT_PHRASES[figure.qualifier]) % {"number": amount}
    singular, plural = FIGURE_PHRASES[(figure.qualifier, figure.unit)]
    count = languages.plural_count(figure.value)
    return str(catalogue().ngettext(singular, plural, count)) % {"number": amount}


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


SECTION_IDS = {
    N_("Summary"): "summary",
    N_("Claims"): "claims",
    N_("Sources"): "sources",
    N_("Corrections"): "corrections",
    N_("Open data and licence"): "open-data-and-licence",
}
"""Headings that keep their English id in every language: summaries link ``#claims``, the home
page ``about/#open-data-and-licence`` (``check`` allows those anchors)."""


def section_ids(language: str) -> dict[str, str]:
    """Each of :data:`SECTION_IDS`' headings as ``language`` writes it, with its English id."""
    return {gettext(heading, language): anchor for heading, anchor in SECTION_IDS.items()}


SCRIPT_WORDS = {
    "searching": N_("Searching…"),
    "no_results": N_("No results for “%(query)s”."),
    "showing": N_("%(results)s, showing %(shown)s."),
    "offline": N_(
        "Search needs a web server; this copy is opened from a disk. The Search page links to the full list."
    ),
    "unavailable": N_("Search is not available here."),
    "invalid": N_("The address asks for %(values)s, which no event on this page has; that filter is not applied."),
    "and": N_("%(first)s and %(second)s"),
    "value": N_("%(filter)s “%(value)s”"),
    "tag": N_("tag"),
    "status": N_("status"),
    "year": N_("year"),
    "kind": N_("claimant kind"),
    "country": N_("country"),
    "scheme": N_("Switch colour scheme"),
}
"""The words the site's scripts show (docs/assets/*.js), which carry none of their own."""
THEME_WORDS = (N_("Switch to the dark scheme"), N_("Switch to the light scheme"))
"""The palette toggles' names in mkdocs.yml, which the theme's palette.html shows through ``_()``."""
SCRIPT_PLURALS = {
    "results": Nn_("%(num)d result.", "%(num)d results."),
    "results_short": Nn_("%(num)d result", "%(num)d results"),
    "shown": Nn_("%(shown)s of %(num)d event shown", "%(shown)s of %(num)d events shown"),
}
"""Words with a number, as one form per CLDR plural category (the scripts pick one with
``Intl.PluralRules``, whose categories are CLDR's too)."""


def script_words() -> dict[str, object]:
    """The scripts' words in the language being written: ``{{ tl_words|tojson }}`` in a JSON block.

    A plural is a map from CLDR category (``one``, ``few``, ``many``, ``other``) to its form,
    placeholders left for the script to fill.
    """
    rule = languages.locale().plural_form
    out: dict[str, object] = {key: gettext(message) for key, message in SCRIPT_WORDS.items()}
    for key, (singular, plural) in SCRIPT_PLURALS.items():
        forms: dict[str, str] = {}
        for n in range(200):  # every category of a whole number shows up below 200
            forms.setdefault(rule(n), catalogue().ngettext(singular, plural, n))
        out[key] = forms
    return out
