"""YAML syntax errors in plain words: each mistake contributors make, its line, and what to do.

One row per case: the file as a contributor saved it, the line the message points at (the line
of the mistake, not where libyaml noticed it), and words the message must hold.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from generator.loader.nodes import parse
from tests.helpers import REPO

CASES = [
    (
        "unquoted colon",
        'title: Soldiers flee: officers shoot\ndate: "2024-01-01"\n',
        1,
        21,
        "in double quotes: title: ",
    ),
    ("tab for indentation", "title: A\nlocation:\n\tname: X\n", 3, 1, "tab character"),
    ("tab after spaces", "location:\n  name: X\n\tcountry: RU\n", 3, 1, "tab character"),
    ("key indented too far", "title: A\nlocation:\n  name: X\n   country: RU\n", 4, 4, "same column as 'name'"),
    ("key indented too little", "location:\n  name: X\n country: RU\n", 3, 2, "indentation matches no key"),
    ("no space after a colon", 'title:A\ndate: "2024"\n', 1, 7, "put a space after the colon of 'title'"),
    (
        "no space, noticed a line later",
        'title: A\ndate:"2024-01-01"\nstatus: r\n',
        2,
        6,
        "space after the colon of 'date'",
    ),
    (
        "text over two lines without |",
        "title: A\nsummary: First line\n  It said: yes\nstatus: r\n",
        3,
        10,
        "write 'summary: |'",
    ),
    ("text continued at the margin", "title: A\nsummary: First\nSecond line\nstatus: r\n", 3, 1, "'summary: |'"),
    ("typographic quotes", "title: \u201cSoldiers: flee\u201d\nstatus: r\n", 1, 8, "use straight double quotes"),
    ("quote never closed", 'title: "Soldiers flee\ndate: "2024-01-01"\nstatus: r\n', 1, 8, "is not closed"),
    ("quote open at the end", 'title: A\nsummary: "Soldiers flee\n', 2, 10, "add the closing quote"),
    ("text after the closing quote", 'title: "A" B\n', 1, 12, "goes on after its closing quote"),
    ("apostrophe in single quotes", "title: 'it's'\n", 1, 12, "goes on after its closing quote"),
    ("list without ]", "tags: [a, b\nstatus: r\n", 1, 7, "not closed: end it with ']'"),
]


@pytest.mark.parametrize(("case", "text", "line", "col", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_syntax_error_says_what_to_do_on_the_line_of_the_mistake(
    case: str, text: str, line: int, col: int, words: str
) -> None:
    (problem,) = parse(text.encode(), "e.yaml").problems
    assert (problem.line, problem.col) == (line, col), problem.message
    assert words in problem.message
    assert "YAML syntax error" not in problem.message, "a known case never falls back to the parser's words"


def test_the_unquoted_colon_says_to_quote_the_title() -> None:
    (problem,) = parse(b"title: Deserters: two caught\n", "e.yaml").problems
    assert problem.message == (
        "the value of 'title' contains a colon followed by a space, which YAML reads as a new key; "
        'put the whole value in double quotes: title: "..."'
    )


def test_a_tab_says_tab() -> None:
    (problem,) = parse(b"location:\n\tname: X\n", "e.yaml").problems
    assert "tab" in problem.message
    assert problem.message.startswith("this line has a tab character; YAML indents with spaces only")


def test_an_unknown_case_keeps_the_parser_words_and_points_to_the_guide() -> None:
    (problem,) = parse(b"- a\nb: c\n", "e.yaml").problems
    assert problem.message.startswith("YAML syntax error: did not find expected '-' indicator")
    assert problem.message.endswith("see 'YAML in five rules' in CONTRIBUTING.md")


def test_the_guide_the_messages_point_to_exists_and_its_examples_parse() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("### YAML in five rules\n", 1)[1].split("\n### ", 1)[0]
    examples = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(examples) == 2
    for example in examples:
        assert parse(textwrap.dedent(example).encode(), "example.yaml").problems == []
