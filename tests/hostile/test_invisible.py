"""Invisible and blank text: every default-ignorable code point is refused wherever a
contributor's text goes, and so is every text that renders as nothing.

The corpus (cases.yaml) holds one file per class; these tests sweep the whole classes.
"""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.validation.file import check_file
from generator.validation.invisible import (
    BIDI_REFUSED_BY_SCHEMA,
    BLANK_LETTERS,
    CLASSES,
    DEFAULT_IGNORABLE,
    character_class,
    invisible_characters,
    renders_blank,
)
from generator.validation.tags import load_tags
from tests.hostile._support import REPO, VALID_EVENT

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
VALID = VALID_EVENT.read_text(encoding="utf-8")
TITLE = "title: Soldiers reportedly refuse to advance near Kupiansk"
CLAIMANT = "  - by: A hypothetical Telegram channel"
IGNORABLE = [code for low, high in DEFAULT_IGNORABLE for code in range(low, high + 1)]


def _errors(old: str, new: str) -> list[str]:
    text = VALID.replace(old, new, 1)
    result = check_file(text.encode(), "timeline/2024/x.yaml", "2024-01-15-x", "2024", TAGS)
    return [p.format() for p in result.problems]


def test_every_default_ignorable_code_point_is_refused() -> None:
    assert len(IGNORABLE) > 4000
    for code in IGNORABLE:
        char = chr(code)
        if char in BIDI_REFUSED_BY_SCHEMA:
            continue  # the schema's pattern refuses these, with its own message
        assert invisible_characters(f"a{char}b"), f"U+{code:04X}"


def test_every_format_character_and_blank_letter_is_refused() -> None:
    """Python's own Unicode database: whatever a later Unicode adds to Cf is refused too."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cf" and char not in BIDI_REFUSED_BY_SCHEMA:
            assert character_class(char) is not None, f"U+{code:04X}"
    for char in BLANK_LETTERS:
        assert character_class(char) == "blank"


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([c for c in IGNORABLE if chr(c) not in BIDI_REFUSED_BY_SCHEMA] + [ord(c) for c in BLANK_LETTERS]),
    st.sampled_from([TITLE, CLAIMANT]),
)
def test_one_invisible_character_in_a_title_or_claimant_is_refused_with_its_code(code: int, line: str) -> None:
    key, value = line.split(": ", 1)
    errors = _errors(line, f'{key}: "{value[:8]}\\U{code:08X}{value[8:]}"')
    assert any(f"U+{code:04X}" in error for error in errors), errors


BLANK = st.lists(
    st.sampled_from([*BLANK_LETTERS, "\u0301", "\u20dd", "\u034f", "\ufe0f", "\u200b", "\u00ad"]),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(BLANK, st.sampled_from([TITLE, CLAIMANT, "  name: Kupiansk sector", "    publisher: Example Publisher"]))
def test_text_that_renders_empty_is_refused(blank: str, line: str) -> None:
    assert renders_blank(blank)
    key, _ = line.split(": ", 1)
    escaped = "".join(f"\\U{ord(c):08X}" for c in blank)
    errors = _errors(line, f'{key}: "{escaped}"')
    assert any("renders as empty text" in error for error in errors), errors


def test_visible_text_is_not_blank() -> None:
    for text in ("Київ", "é", "A\u0301", "中文", "🙂", "-", "12"):
        assert not renders_blank(text)
        assert invisible_characters(text) == []


def test_contributing_names_every_class() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for words in ("variation selectors", "U+3164", "braille blank", "default-ignorable", "renders as nothing"):
        assert words in text, words
    assert set(CLASSES) == {"noncharacter", "format", "variation selector", "blank", "ignorable"}
