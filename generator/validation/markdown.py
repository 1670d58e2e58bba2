"""Safety rules for text written by contributors.

Markdown fields may not carry raw HTML, images or links to anything but the
web, e-mail or this site; plain-text fields must be NFC. These rules run at
check time; the site build sanitises the rendered HTML again as a second line.

The patterns below find unsafe constructs with their line numbers, but a pattern can
only approximate what Python-Markdown does (a reference definition inside a quote, a
tag that looks like an e-mail address, a ``{#id}`` on a code fence). So a summary the
patterns pass is also rendered with the site's own extensions, and the HTML that comes
out may hold only the elements and attributes plain Markdown makes. Size limits come
first: Python-Markdown's link parser is quadratic in ``[`` and its list parser recurses
once per nesting level, so a hostile summary could otherwise stall or crash the build.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from typing import Any

from generator.validation.invisible import invisible_characters
from generator.validation.schema import URL_PATTERN

_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
"""A code span opened and closed by backtick runs of the same length, as Python-Markdown reads it.
The look-arounds make each run match whole: ``(`+)[^`].*?\1`` took quadratic time on a run of
backticks (45 s on 60,000 of them)."""
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_RAW_HTML = re.compile(r"<\s*[/!?]?\s*[A-Za-z]|<!--|<!\[CDATA\[")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.M)
_IMAGE = re.compile(r"!\[")
_HEADING = re.compile(r"^ {0,3}(#{1,6}(\s|$)|(=+|-{2,})\s*$)", re.M)
_ADMONITION = re.compile(r"^ {0,3}(!!!|\?\?\?)", re.M)
_WEB_URL = re.compile(URL_PATTERN.replace("^https://", "^https?://"))
_SITE_PATH = re.compile(r"^(/(?!/)[A-Za-z0-9._~/-]*)?(#[A-Za-z0-9_-]*)?$")
_MAILTO = re.compile(r"^mailto:[^\s@<>\"'&]+@[A-Za-z0-9.-]+$")

MAX_BRACKETS = 64
"""More ``[`` than a summary's few links need; each costs Python-Markdown a pass over the text."""
MAX_NESTING = 8
"""Lists and quotes nested deeper than this on one line are refused (thousands crash Python-Markdown)."""
SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition")
"""The Markdown extensions summaries are rendered with on the site: MkDocs' built-in toc, tables
and fenced_code, and what mkdocs.yml adds (tests/test_site_scan.py checks that the two agree)."""
_NESTING = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])))+", re.M)
_CONTAINER = re.compile(r">|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")
RAW_HTML = "raw HTML is not allowed in Markdown; write plain text"
IMAGES = "images are not allowed; the site loads nothing from elsewhere"
HEADINGS = "headings are not allowed in a summary; the page supplies them"
ADMONITIONS = "admonition blocks are not allowed in a summary"
ATTRIBUTES = "attributes such as {#id .class} are not allowed; they could disguise the text or break the page's scripts"


def is_nfc(text: str) -> bool:
    """True when ``text`` is in Unicode normal form C."""
    return unicodedata.is_normalized("NFC", text)


def is_allowed_link(url: str) -> bool:
    """https, http, mailto, or a path on this site."""
    return bool(url) and bool(_WEB_URL.match(url) or _MAILTO.match(url) or _SITE_PATH.match(url))


def markdown_problems(text: str, anchors: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(0-based line within ``text``, message) for each unsafe construct or for what would fail the
    site's strict build; ``anchors`` are the ids on the page a ``#...`` link may point to."""
    limits = _limit_problems(text)
    if limits:  # the patterns and the renderer below are only bounded in time within the limits
        return limits
    found: list[tuple[int, str]] = []
    visible = _blank(_CODE_SPAN, _blank(_CODE_FENCE, text))
    without_autolinks = _blank(_AUTOLINK, visible)
    for match in _RAW_HTML.finditer(without_autolinks):
        found.append((_line(text, match.start()), RAW_HTML))
    for match in _IMAGE.finditer(visible):
        found.append((_line(text, match.start()), IMAGES))
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
        found.append((_line(text, match.start()), HEADINGS))
    for match in _ADMONITION.finditer(visible):
        found.append((_line(text, match.start()), ADMONITIONS))
    if not found and (opener := _unclosed_opener(text)) is not None:  # even inside code: see _anchors_survive
        found = [(_line(text, opener), SWALLOWS)]
    if not found:  # what the patterns cannot see, the rendered HTML shows
        found = _rendered_problems(text, anchors)
    return sorted(set(found))


def _limit_problems(text: str) -> list[tuple[int, str]]:
    """Inputs that would make Python-Markdown slow (many brackets) or crash it (deep nesting)."""
    if text.count("[") > MAX_BRACKETS:
        return [(0, f"has more than {MAX_BRACKETS} [ brackets; a summary needs only a few links")]
    for match in _NESTING.finditer(text):
        if len(_CONTAINER.findall(match.group(0))) > MAX_NESTING:
            return [(_line(text, match.start()), f"lists or quotes are nested more than {MAX_NESTING} deep")]
    return []


_SITE_MARKDOWN: Any = None
_PLAIN_ELEMENTS = {
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
"""What Markdown syntax makes, without raw HTML, headings, images or admonitions."""
_PLAIN_ATTRIBUTES = {("a", "href"), ("a", "title"), ("ol", "start")}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ALIGN = re.compile(r"text-align: (left|right|center);")


_SENTINEL = '\n\n## Sentinel\n\n<p class="tl-source" id="tl-sentinel">sentinel</p>\n'
"""What follows a summary on its page: a heading, then raw HTML (the sources' anchors)."""
_SENTINEL_HTML = re.compile(r'\s*<h2[^>]*>Sentinel</h2>\s*<p class="tl-source" id="tl-sentinel">sentinel</p>\s*$')
_OPENERS = re.compile(r"<!--|<!\[CDATA\[|<![^-\[]|<\?|<(script|style|textarea|title)\b", re.I)
"""What opens a comment, a section, a declaration, an instruction or raw text to the HTML parser
MkDocs runs over the page's Markdown source, code spans and fences included (see
:func:`_anchors_survive`); each runs to its closer, or, without one, over the rest of the page."""


def _unclosed_opener(text: str) -> int | None:
    """The offset of the first opener in ``text`` that ``text`` does not close, or None."""
    lowered = text.lower()
    for match in _OPENERS.finditer(lowered):
        opener = match.group(0)
        if opener == "<!--":
            closer = "-->"
        elif opener.startswith("<![cdata["):
            closer = "]]>"
        elif match.group(1):
            closer = f"</{match.group(1)}"
        else:
            closer = ">"
        if lowered.find(closer, match.end()) < 0:
            return match.start()
    return None


SWALLOWS = (
    "this would hide the rest of the page from the site's build: close every <!--, <?, <![CDATA[, <!, <script, "
    "<style and tag, even inside `code`"
)


def _rendered_problems(text: str, anchors: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """Problems in the HTML the site would make of ``text``, followed by what follows it on its page
    (Python-Markdown reads ``<!--`` or ``<script>`` as raw HTML even inside a code span, and would
    take the sources' anchors with it: the page then fails the strict build)."""
    global _SITE_MARKDOWN
    if _SITE_MARKDOWN is None:
        import markdown

        _SITE_MARKDOWN = markdown.Markdown(extensions=list(SITE_EXTENSIONS))
    _SITE_MARKDOWN.reset()
    try:
        html = _SITE_MARKDOWN.convert(text + _SENTINEL)
    except RecursionError:  # pragma: no cover - the nesting limit comes first
        return [(0, f"lists or quotes are nested more than {MAX_NESTING} deep")]
    end = _SENTINEL_HTML.search(html)
    if end is None:  # what the text is made of is reported first: raw HTML is what swallows pages
        html = _SITE_MARKDOWN.reset().convert(text)
    parser = _RenderedHTML(anchors)
    parser.feed(html if end is None else html[: end.start()])
    parser.close()
    if not parser.found and (end is None or not _anchors_survive(text)):
        return [_swallows(text)]
    return [(_line(text, max(text.find(needle), 0)) if needle else 0, message) for needle, message in parser.found]


def _swallows(text: str) -> tuple[int, str]:
    opener = re.search(r"<[A-Za-z][^>]*$", text, re.M)  # an unclosed tag is all that is left
    return (_line(text, opener.start()) if opener else 0, SWALLOWS)


def _anchors_survive(text: str) -> bool:
    """True when MkDocs still finds the page's anchors after ``text``.

    To check ``#...`` links, MkDocs reads every id out of a page's Markdown source with
    Python-Markdown's HTML parser, before any Markdown is parsed: to it, a ``<!--``, ``<?`` or
    ``<script>`` inside a code span opens a comment, an instruction or a script that runs to the
    end of the page, and every anchor after it (the sources' ``source-N``) is gone.
    """
    from markdown import htmlparser  # Python-Markdown's copy of html.parser, as MkDocs uses

    class Ids(htmlparser.htmlparser.HTMLParser):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.ids.update(value or "" for name, value in attrs if name == "id")

    parser = Ids()
    parser.feed(text + _SENTINEL)
    parser.close()
    return "tl-sentinel" in parser.ids


class _RenderedHTML(HTMLParser):
    """Collects (text to look for in the source, message) for everything plain Markdown would not make."""

    def __init__(self, anchors: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.anchors = anchors

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "img":
            self.found.append(("![", IMAGES))
        elif tag in _HEADING_TAGS:
            self.found.append(("#", HEADINGS))
        elif tag == "div" and "admonition" in values.get("class", "").split():
            self.found.append(("", ADMONITIONS))
        elif tag not in _PLAIN_ELEMENTS:
            self.found.append((f"<{tag}", RAW_HTML))
            return
        for name, value in values.items():
            if tag == "a" and name == "href" and not is_allowed_link(value):
                self.found.append((value, _bad_link(value)))
            elif tag == "a" and name == "href" and value.startswith("#") and value[1:] not in self.anchors:
                self.found.append((value, _bad_anchor(value, self.anchors)))
            elif (tag, name) in _PLAIN_ATTRIBUTES or tag in ("img", "div") or (tag in _HEADING_TAGS and name == "id"):
                continue  # allowed, or the element is reported already
            elif tag == "code" and name == "class" and re.fullmatch(r"language-[^\s]+", value):
                continue  # a code fence's language
            elif tag in ("th", "td") and name == "style" and _ALIGN.fullmatch(value):
                continue  # a table column's alignment
            else:
                self.found.append(("{", ATTRIBUTES))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.found.append(("<!--", RAW_HTML))

    def handle_decl(self, decl: str) -> None:
        self.found.append(("<!", RAW_HTML))

    def handle_pi(self, data: str) -> None:
        self.found.append(("<?", RAW_HTML))

    def unknown_decl(self, data: str) -> None:
        self.found.append(("<!", RAW_HTML))


def _bad_link(url: str) -> str:
    shown = url if len(url) <= 60 else url[:57] + "..."
    return f"expected a link to https://, http://, mailto: or a /path on this site; got {shown!r}"


def _bad_anchor(value: str, anchors: frozenset[str]) -> str:
    listed = ", ".join(f"#{a}" for a in sorted(anchors)) or "none"
    return f"link to {value!r}, which is not on this page; the page has these: {listed}"


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Replace matches with spaces, keeping line breaks so positions stay true."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


NOT_NFC = "text is not in Unicode NFC form; retype it or normalise it to NFC"


def text_problems(text: str) -> list[str]:
    """What is wrong with one line of text: not NFC, invisible characters (event and tag text alike)."""
    return ([] if is_nfc(text) else [NOT_NFC]) + list(invisible_characters(text))
