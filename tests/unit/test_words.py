"""generator.renderer.words: one catalogue of display words, plurals through ngettext, the title written once."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from jinja2 import Environment

from generator import languages
from generator.model import Figure
from generator.renderer import words
from generator.renderer.pages import environment
from generator.site.slugs import section_slugify
from tests.golden import render_small
from tests.helpers import REPO


def test_plurals_come_from_the_catalogue() -> None:
    assert words.ngettext("%(num)d event", "%(num)d events", 1) == "1 event"
    assert words.ngettext("%(num)d event", "%(num)d events", 3) == "3 events"


def test_templates_have_gettext_and_no_english_only_plural_filter() -> None:
    env = environment()
    assert "plural" not in env.filters
    template = env.from_string('{{ ngettext("%(num)d year", "%(num)d years", 2) }} · {{ _("Summary") }}')
    assert template.render() == "2 years · Summary"


def test_the_site_title_is_written_once() -> None:
    sources = [*(REPO / "generator").rglob("*.py"), *(REPO / "generator").rglob("*.j2")]
    holding = [p.name for p in sources if "a sourced timeline" in p.read_text(encoding="utf-8")]
    assert holding == ["words.py"]


def test_babel_extracts_python_and_template_words() -> None:
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, *_ in extract_from_dir(
            str(REPO),
            method_map=[("generator/**.py", "python"), ("generator/renderer/templates/**.j2", "jinja2")],
            options_map={"generator/renderer/templates/**.j2": {"extensions": "jinja2.ext.i18n"}},
            keywords={"N_": None, "_": None, "gettext": None, "ngettext": (1, 2)},
        )
    }
    assert {words.SITE_TITLE, "%(num)d event", "Related events", "%(num)d problem"} <= found
    assert (REPO / "babel.cfg").is_file()


LOCALE = REPO / "generator" / "renderer" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


TEMPLATE = _read(LOCALE / "messages.pot")
MESSAGES = [m for m in TEMPLATE if m.id]


def test_the_catalogue_template_lists_every_source_string() -> None:
    """``make translations`` was run after the last change of a display string."""
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, *_ in extract_from_dir(
            str(REPO),
            method_map=[
                ("generator/**.py", "python"),
                ("docs/overrides/**.html", "jinja2"),
                ("generator/renderer/templates/**.j2", "jinja2"),
            ],
            options_map={
                "docs/overrides/**.html": {"extensions": "jinja2.ext.i18n"},
                "generator/renderer/templates/**.j2": {"extensions": "jinja2.ext.i18n"},
            },
            keywords={**DEFAULT_KEYWORDS, "N_": None, "Nn_": (1, 2)},
        )
    }
    listed = {_forms(m.id)[0] for m in MESSAGES}
    assert found == listed, "run `make translations` and translate what is new"


@pytest.mark.parametrize("language", languages.TRANSLATED)
def test_every_string_is_translated_with_the_same_placeholders(language: str) -> None:
    catalogue = _read(LOCALE / language / "LC_MESSAGES" / "messages.po", language)
    assert catalogue.num_plurals == 3
    problems = []
    for message in MESSAGES:
        found = catalogue.get(message.id)
        if found is None or found.fuzzy:
            problems.append(f"missing or fuzzy: {message.id!r}")
            continue
        expected = sorted(set(PLACEHOLDER.findall(" ".join(_forms(message.id)))))
        strings = _forms(found.string)
        if len(strings) != (3 if message.pluralizable else 1):
            problems.append(f"{len(strings)} forms: {message.id!r}")
        for text in strings:
            if not text.strip() or sorted(set(PLACEHOLDER.findall(text))) != expected:
                problems.append(f"{message.id!r} -> {text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", ["1 событие", "2 события", "5 событий", "11 событий", "21 событие"]),
        ("uk", ["1 подія", "2 події", "5 подій", "11 подій", "21 подія"]),
        ("en", ["1 event", "2 events", "5 events", "11 events", "21 events"]),
    ],
)
def test_plural_forms_for_1_2_5_11_21(language: str, expected: list[str]) -> None:
    with languages.speaking(language):
        assert [words.ngettext("%(num)d event", "%(num)d events", n) for n in (1, 2, 5, 11, 21)] == expected


@pytest.mark.parametrize(
    ("language", "value", "qualifier", "expected"),
    [
        ("en", "18000", "more-than", "more than 18,000 people"),
        ("en", "1", "exactly", "1 person"),
        ("ru", "21", "exactly", "21 человек"),
        ("ru", "2", "exactly", "2 человека"),
        ("ru", "18000", "about", "около 18 000 человек"),
        ("ru", "2.5", "exactly", "2,5 человека"),
        ("uk", "1", "at-least", "щонайменше 1 особа"),
        ("uk", "5", "up-to", "до 5 осіб"),
    ],
)
def test_figures_in_words(language: str, value: str, qualifier: str, expected: str) -> None:
    figure = Figure(
        value=Decimal(value), qualifier=qualifier, unit="people", counts="deserters", description="d", scope="s"
    )
    with languages.speaking(language):
        assert words.figure_words(figure).replace("\u00a0", " ") == expected


def _fragments(text: str) -> set[str]:
    """Runs of three English words, between placeholders and markup."""
    text = re.sub(r"%\(\w+\)[sd]|<[^>]+>|\]\([^)]*\)", "|", text)
    out = set()
    for part in re.split(r"[|\[\]*`]", text):
        found = WORD.findall(part)
        out |= {" ".join(found[i : i + 3]) for i in range(len(found) - 2)}
    return out


def _data_text() -> str:
    """Text from the fixture's files and the map's notices: data, shown as it is in every language."""
    files = [*(REPO / "tests" / "fixtures" / "small").rglob("*.yaml"), REPO / "generator/renderer/regions-map.json"]
    return " ".join(" ".join(WORD.findall(p.read_text(encoding="utf-8"))) for p in files)


@pytest.mark.parametrize("language", languages.TRANSLATED)
def test_rendered_pages_carry_no_english_interface_words(language: str) -> None:
    """Every page of the small fixture, rendered in ``language``: no interface sentence stayed English.

    A run of three words of an English source string must not show, unless the translation keeps it
    (a name such as Frictionless Data Package) or the fixture's own data has it (titles, tags).
    """
    catalogue = _read(LOCALE / language / "LC_MESSAGES" / "messages.po", language)
    data = f" {_data_text()} "
    english: set[str] = set()
    short: set[str] = set()
    for message in MESSAGES:
        kept = set().union(*(_fragments(s) for s in _forms(catalogue[message.id].string)))
        english |= {f for ids in _forms(message.id) for f in _fragments(ids) - kept if f" {f} " not in data}
        one_or_two = isinstance(message.id, str) and "%" not in message.id and len(WORD.findall(message.id)) <= 2
        if one_or_two and catalogue[message.id].string != message.id:
            short.add(str(message.id).rstrip(":"))
    with languages.speaking(language):
        pages = render_small()
    assert any(path.startswith(f"{language}/events/") for path in pages) or len(pages) > 20
    problems = []
    for path, text in sorted(pages.items()):
        plain = " " + " ".join(WORD.findall(re.sub(r"<[^>]+>", " ", text))) + " "
        problems += [f"{path}: {f}" for f in sorted(english) if f" {f} " in plain]
        problems += [
            f"{path}: {w}"
            for w in sorted(short)
            if re.search(
                rf"^#+ {re.escape(w)}$|\| {re.escape(w)} \||>{re.escape(w)}:?<|(label|title)=\"{re.escape(w)}\"",
                text,
                re.M,
            )
        ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("language", "categories"), [("en", {"one", "other"}), ("ru", {"one", "few", "many"})])
def test_scripts_get_their_words_with_plurals_by_cldr_category(language: str, categories: set[str]) -> None:
    with languages.speaking(language):
        given = words.script_words()
    shown = given["shown"]
    assert isinstance(shown, dict) and set(shown) == categories
    assert all("%(shown)s" in form and "%(num)d" in form for form in shown.values())
    assert all(isinstance(given[key], str) and given[key] for key in words.SCRIPT_WORDS)
    if language == "ru":
        assert shown["few"] == "показано %(shown)s из %(num)d событий"


def test_the_theme_speaks_the_build_s_language() -> None:
    env = Environment()
    words.install_theme(env, "uk")
    assert env.from_string('{{ _("Search the timeline") }}').render() == "Пошук у хроніці"
    block = env.from_string("{{ tl_words|tojson }}").render()
    assert json.loads(block)["searching"] == "Триває пошук…"
    assert languages.current() == "en"


def test_scripts_carry_no_english_words() -> None:
    """docs/assets/*.js take every word from the page (the tl-words block), none of their own."""
    for script in (REPO / "docs" / "assets").glob("*.js"):
        code = re.sub(r"//[^\n]*", "", script.read_text(encoding="utf-8"))
        literals = re.findall(r'"((?:[^"\\]|\\.)*)"', code)
        prose = [s for s in literals if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", s) and s != "use strict"]
        assert not prose, f"{script.name}: {prose}"


def test_translated_sections_keep_their_english_ids() -> None:
    """A summary's ``#claims`` and the home page's ``#open-data-and-licence`` work in every language."""
    fixed = words.section_ids("ru")
    assert fixed["Заявления"] == "claims"
    assert section_slugify(fixed, "Заявления", "-") == "claims"
    assert section_slugify(fixed, "Claims of the week", "-") == "claims-of-the-week"
    assert section_slugify(words.section_ids("en"), "Claims", "-") == "claims"


@pytest.mark.parametrize("language", languages.TRANSLATED)
def test_translations_write_the_apostrophe_as_a_letter(language: str) -> None:
    """Ukrainian ``об’єднано`` takes ’, not the ASCII ``'``: an unclosed ``<b title='`` in a summary's
    code (which check accepts) would otherwise end at the page's next ASCII apostrophe, and MkDocs'
    HTML parser would swallow everything between (tests/hostile/test_check_builds.py found it)."""
    catalogue = _read(LOCALE / language / "LC_MESSAGES" / "messages.po", language)
    wrong = [m.string for m in catalogue if m.id and any("'" in s for s in _forms(m.string))]
    assert not wrong
