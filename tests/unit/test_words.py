"""generator.renderer.words: one catalogue of display words, plurals through ngettext, the title written once."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir

from generator.renderer import words
from generator.renderer.pages import environment
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
