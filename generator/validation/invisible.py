"""Invisible and blank text: characters a reader cannot see, and text that renders as nothing.

Unicode names the characters that a renderer shows as nothing, whatever the font, the
*default-ignorable code points* (DerivedCoreProperties.txt, Default_Ignorable_Code_Point).
Any of them in a title makes two equal-looking titles differ, and a run of them can carry a
hidden message: variation selectors, like tag characters, map one to one onto bytes, so a
normal-looking title can hold a whole sentence that then travels into every page, feed and
download. A few letters are not default-ignorable but render blank all the same (the braille
blank, U+2800). A text made only of such characters, spaces and combining marks renders empty.
"""

from __future__ import annotations

import unicodedata

DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
"""Unicode 15.1's Default_Ignorable_Code_Point ranges (tests compare them with the data file's rule)."""
VARIATION_SELECTORS = ((0x180B, 0x180D), (0x180F, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
BLANK_LETTERS = frozenset("\u2800\u3164\u115f\u1160\uffa0")
"""Letters that render blank: the braille blank and the Hangul fillers (Unicode: "invisible letters")."""
BIDI_REFUSED_BY_SCHEMA = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Format characters the schema's text patterns already refuse (reported once, there)."""

CLASSES = {
    "noncharacter": "noncharacters such as U+FFFF",
    "format": "invisible formatting characters (zero-width spaces and joiners, soft hyphens, "
    "byte-order marks, tag characters)",
    "variation selector": "variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF, Mongolian U+180B-U+180F)",
    "blank": "blank letters (Hangul fillers such as U+3164 and U+115F, the braille blank U+2800)",
    "ignorable": "every other default-ignorable code point (U+034F, U+17B4, U+1D173-U+1D17A, reserved ones)",
}
"""The classes refused, as CONTRIBUTING.md names them."""


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def is_default_ignorable(char: str) -> bool:
    """True for a default-ignorable code point."""
    return _within(ord(char), DEFAULT_IGNORABLE)


def character_class(char: str) -> str | None:
    """Which refused class ``char`` belongs to (a key of :data:`CLASSES`), or None."""
    code = ord(char)
    if code < 0xAD:
        return None  # the common case: ASCII and Latin-1 letters
    if code >= 0xFDD0 and (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE):
        return "noncharacter"
    if char in BIDI_REFUSED_BY_SCHEMA:
        return None
    if _within(code, VARIATION_SELECTORS):
        return "variation selector"
    if char in BLANK_LETTERS:
        return "blank"
    if unicodedata.category(char) == "Cf":
        return "format"
    if _within(code, DEFAULT_IGNORABLE):
        return "ignorable"
    return None


def invisible_characters(text: str) -> list[str]:
    """A message for each kind of invisible, blank or non-text character in ``text``, at most three."""
    found: list[str] = []
    for char in dict.fromkeys(text):
        kind = character_class(char)
        if kind is None:
            continue
        code, name = ord(char), unicodedata.name(char, "unnamed")
        if kind == "noncharacter":
            found.append(f"U+{code:04X} is a noncharacter, not text; delete it")
        elif kind == "format":
            found.append(f"invisible formatting character U+{code:04X} ({name}) is not allowed; delete it")
        elif kind == "variation selector":
            found.append(f"variation selector U+{code:04X} is invisible and can hide text; delete it")
        elif kind == "blank":
            found.append(f"blank letter U+{code:04X} ({name}) renders as nothing; delete it")
        else:
            found.append(f"invisible character U+{code:04X} ({name}) is not allowed; delete it")
        if len(found) == 3:
            break
    return found


def renders_blank(text: str) -> bool:
    """True when nothing of ``text`` would show: only spaces, invisible or blank characters and marks."""
    return all(
        char.isspace() or character_class(char) is not None or unicodedata.category(char) in ("Mn", "Me", "Cc")
        for char in text
    )
