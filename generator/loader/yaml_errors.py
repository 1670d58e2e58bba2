"""YAML syntax errors in plain words: what went wrong, on the line where it went wrong, and what to do.

libyaml names the parser's state ("mapping values are not allowed in this context") and often
points at the line after the mistake. Contributors make a handful of mistakes over and over: a
colon inside an unquoted value, a tab, a key out of line, no space after a colon, a text over
several lines without ``|``, typographic quotes from a word processor, a quote left open. Each is
recognised from the parser's complaint and the lines around it; anything else keeps the parser's
words and points to the guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GUIDE = "see 'YAML in five rules' in CONTRIBUTING.md"
CURLY_QUOTES = "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_KEY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?P<rest>.*)$")
_AFTER_QUOTE = re.compile(
    r"""^ *(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*): +(?P<q>["'])(?:\\.|(?!(?P=q)).)*(?P=q) *(?P<after>[^\s#])"""
)
_NO_SPACE = re.compile(r"^ *(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?P<after>[^\s:/])")


@dataclass(frozen=True, kw_only=True)
class Explained:
    """A syntax error, placed and worded for a contributor."""

    line: int
    """1-based line of the mistake."""
    col: int
    """1-based column of the mistake."""
    message: str
    """What is wrong and what to do."""


def explain(text: str, *, problem: str, line: int, col: int, context: str = "", context_line: int = 0) -> Explained:
    """The plain-words version of libyaml's complaint ``problem`` at ``line``:``col``."""
    lines = text.split("\n")
    rules = (_tab, _curly_quotes, _no_space, _open_quote, _after_quote, _open_list, _colon_in_value, _not_a_key)
    for rule in rules:
        found = rule(lines, problem, line, col, context, context_line)
        if found:
            return found
    return Explained(line=line, col=col, message=f"YAML syntax error: {problem or context}; {GUIDE}")


def _at(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _tab(lines: list[str], problem: str, line: int, col: int, context: str, context_line: int) -> Explained | None:
    """A tab where YAML expects spaces."""
    if "cannot start any token" not in problem and "tab character" not in problem:
        return None
    if "\t" not in _at(lines, line):
        return None
    return Explained(
        line=line,
        col=_at(lines, line).index("\t") + 1,
        message="this line has a tab character; YAML indents with spaces only: replace the tab with spaces "
        "(two per level)",
    )


def _curly_quotes(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """Typographic quotes, which YAML reads as ordinary letters."""
    for number in dict.fromkeys(n for n in (context_line, line - 1, line) if n > 0):
        text = _at(lines, number)
        where = [text.index(q) for q in CURLY_QUOTES if q in text]
        if where:
            return Explained(
                line=number,
                col=min(where) + 1,
                message="this line uses typographic quotes (\u201c \u201d or \u2018 \u2019), which YAML does not "
                'treat as quotes; use straight double quotes: title: "..."',
            )
    return None


def _no_space(lines: list[str], problem: str, line: int, col: int, context: str, context_line: int) -> Explained | None:
    """``key:value`` with no space after the colon: YAML reads the whole line as text."""
    for number in range(line, max(0, line - 3), -1):
        match = _NO_SPACE.match(_at(lines, number))
        if match and not _at(lines, number).lstrip().startswith(("http", "#")):
            key = match.group("key")
            return Explained(
                line=number,
                col=match.start("after") + 1,
                message=f"put a space after the colon of {key!r}: write '{key}: ...'",
            )
    return None


def _open_quote(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """A double-quoted value that is never closed swallows the lines after it."""
    if "quoted scalar" in context and context_line:
        text = _at(lines, context_line)
        return Explained(
            line=context_line,
            col=(text.find('"') if '"' in text else text.find("'")) + 1,
            message="a quoted value is not closed: add the closing quote at the end of the value on this line",
        )
    if "did not find expected key" not in problem and "could not find expected" not in problem:
        return None
    for number in range(line - 1, 0, -1):
        text = _at(lines, number)
        if text.replace('\\"', "").count('"') % 2:
            return Explained(
                line=number,
                col=text.index('"') + 1,
                message='a quoted value is not closed: add the closing " at the end of the value on this line',
            )
        if _KEY.match(text) and number < line - 1:
            break
    return None


def _after_quote(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """Text after a closing quote (``title: "A" B``, ``title: 'it's'``): the quote ended the value early."""
    if "did not find expected key" not in problem:
        return None
    match = _AFTER_QUOTE.match(_at(lines, line))
    if not match:
        return None
    key = match.group("key")
    return Explained(
        line=line,
        col=match.start("after") + 1,
        message=f"the value of {key!r} goes on after its closing quote; put the whole value in double quotes "
        f'and write a double quote inside it as \\": {key}: "..."',
    )


def _open_list(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """A ``[...]`` list without its closing bracket."""
    if "flow sequence" not in context or not context_line:
        return None
    return Explained(
        line=context_line,
        col=_at(lines, context_line).find("[") + 1,
        message="the list that starts with '[' on this line is not closed: end it with ']' on the same line, "
        "and separate its items with commas",
    )


def _colon_in_value(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """``mapping values are not allowed``: a colon and a space inside a value, or a key out of line."""
    if "mapping values are not allowed" not in problem:
        return None
    text = _at(lines, line)
    match = _KEY.match(text)
    previous = _previous_key(lines, line)
    if match and previous and match.start("key") > previous[0] and previous[1]:
        return Explained(
            line=line,
            col=match.start("key") + 1,
            message=f"this line is indented under {previous[2]!r}, which already has its value: if the line "
            f"continues that text, write '{previous[2]}: |' and put the text on the lines below it; if it is a "
            f"key of its own, start it in the same column as {previous[2]!r} ({previous[0]} spaces in)",
        )
    if match and col - 1 > match.end("key"):
        key = match.group("key")
        return Explained(
            line=line,
            col=col,
            message=f"the value of {key!r} contains a colon followed by a space, which YAML reads as a new key; "
            f'put the whole value in double quotes: {key}: "..."',
        )
    key = previous[2] if previous else "summary"
    return Explained(
        line=line,
        col=col,
        message=f"a text that runs over several lines must start with '|': write '{key}: |' and put the text "
        "on the following lines, each indented by two more spaces",
    )


def _previous_key(lines: list[str], line: int) -> tuple[int, bool, str] | None:
    """The column of the nearest key above, whether that key has its value on its own line, and its name."""
    for number in range(line - 1, 0, -1):
        match = _KEY.match(_at(lines, number))
        if match:
            value = match.group("rest").split(" #")[0].strip()
            return match.start("key"), bool(value), match.group("key")
    return None


def _not_a_key(
    lines: list[str], problem: str, line: int, col: int, context: str, context_line: int
) -> Explained | None:
    """A line that is neither ``key: value`` nor indented under one: indentation, or text without ``|``."""
    if "did not find expected key" in problem:
        return Explained(
            line=line,
            col=col,
            message="this line's indentation matches no key above it: keys of one mapping start in the same "
            "column, two spaces further in than their parent (as under 'location:')",
        )
    if "could not find expected ':'" in problem and context_line:
        previous = _previous_key(lines, context_line)
        key = previous[2] if previous else "summary"
        return Explained(
            line=context_line,
            col=1,
            message=f"this line is not 'key: value'. If it continues the text above, write '{key}: |' and "
            "indent every line of the text by two spaces; otherwise add the missing key",
        )
    return None
