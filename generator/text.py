"""Safety rules for text written by contributors.

Markdown fields may not carry raw HTML, images or links to anything but the
web, e-mail or this site; plain-text fields must be NFC. These rules run at
check time; the site build sanitises the rendered HTML again as a second line.
"""

from __future__ import annotations

import re
import unicodedata

from generator.schema import URL_PATTERN

_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.S)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_RAW_HTML = re.compile(r"<\s*[/!?]?\s*[A-Za-z]")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.M)
_IMAGE = re.compile(r"!\[")
_HEADING = re.compile(r"^ {0,3}(#{1,6}(\s|$)|(=+|-{2,})\s*$)", re.M)
_ADMONITION = re.compile(r"^ {0,3}(!!!|\?\?\?)", re.M)
_WEB_URL = re.compile(URL_PATTERN.replace("^https://", "^https?://"))
_SITE_PATH = re.compile(r"^(/(?!/)[A-Za-z0-9._~/-]*)?(#[A-Za-z0-9_-]*)?$")
_MAILTO = re.compile(r"^mailto:[^\s@<>\"'&]+@[A-Za-z0-9.-]+$")


def is_nfc(text: str) -> bool:
    """True when ``text`` is in Unicode normal form C."""
    return unicodedata.is_normalized("NFC", text)


def is_allowed_link(url: str) -> bool:
    """https, http, mailto, or a path on this site."""
    return bool(url) and bool(_WEB_URL.match(url) or _MAILTO.match(url) or _SITE_PATH.match(url))


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """(0-based line within ``text``, message) for each unsafe construct."""
    found: list[tuple[int, str]] = []
    visible = _blank(_CODE_SPAN, _blank(_CODE_FENCE, text))
    without_autolinks = _blank(_AUTOLINK, visible)
    for match in _RAW_HTML.finditer(without_autolinks):
        found.append((_line(text, match.start()), "raw HTML is not allowed in Markdown; write plain text"))
    for match in _IMAGE.finditer(visible):
        found.append((_line(text, match.start()), "images are not allowed; the site loads nothing from elsewhere"))
    for pattern in (_INLINE_LINK, _REFERENCE):
        for match in pattern.finditer(visible):
            if not is_allowed_link(match.group(1)):
                found.append((_line(text, match.start(1)), _bad_link(match.group(1))))
    for match in _AUTOLINK.finditer(visible):
        target = match.group(1)
        if "@" in target and ":" not in target:
            continue  # a bare e-mail address
        if not is_allowed_link(target):
            found.append((_line(text, match.start(1)), _bad_link(target)))
    for match in _HEADING.finditer(visible):
        found.append((_line(text, match.start()), "headings are not allowed in a summary; the page supplies them"))
    for match in _ADMONITION.finditer(visible):
        found.append((_line(text, match.start()), "admonition blocks are not allowed in a summary"))
    return sorted(set(found))


def _bad_link(url: str) -> str:
    shown = url if len(url) <= 60 else url[:57] + "..."
    return f"expected a link to https://, http://, mailto: or a /path on this site; got {shown!r}"


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Replace matches with spaces, keeping line breaks so positions stay true."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
