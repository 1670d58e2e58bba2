"""generator.loader.nodes: the safe YAML reader. What it refuses, where it says so, and what it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader.nodes import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, Mapping, Scalar, Sequence, load, parse


def refusal(data: bytes) -> str:
    """The one problem that stopped loading, as ``line:col: message``."""
    document = parse(data, "event.yaml")
    assert document.root is None, "expected the file to be refused"
    [problem] = document.problems
    assert (problem.path, problem.field) == ("event.yaml", "")
    return f"{problem.line}:{problem.col}: {problem.message}"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"title: a\ndate: 2024\ntitle: b\n", "3:1: duplicate key 'title'", id="duplicate key"),
        pytest.param(b"location:\n  name: a\n  name: b\n", "3:3: duplicate key 'name'", id="duplicate nested key"),
        pytest.param(b"title: a\n'title': b\n", "2:1: duplicate key 'title'", id="duplicate key, one quoted"),
        pytest.param(b"title: &t a\n", "1:8: YAML anchors (&name) are not allowed; write the value out", id="anchor"),
        pytest.param(b"a: 1\nb: *t\n", "2:4: YAML aliases (*name) are not allowed; write the value out", id="alias"),
        pytest.param(
            b"base: &b {x: 1}\nc: *b\n",
            "1:7: YAML anchors (&name) are not allowed; write the value out",
            id="anchor before its alias",
        ),
        pytest.param(
            b"title: !!python/object/apply:os.system [ls]\n",
            "1:8: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed",
            id="python tag",
        ),
        pytest.param(
            b"title: !!str 12\n", "1:8: YAML tags such as 'tag:yaml.org,2002:str' are not allowed", id="standard tag"
        ),
        pytest.param(b"title: !local x\n", "1:8: YAML tags such as '!local' are not allowed", id="local tag"),
        pytest.param(
            b"!!map\na: 1\n", "1:1: YAML tags such as 'tag:yaml.org,2002:map' are not allowed", id="tag on the root"
        ),
        pytest.param(b"[a, b]: 1\n", "1:1: mapping keys must be plain words, not lists or mappings", id="list as key"),
        pytest.param(
            b"? {a: 1}\n: 2\n", "1:3: mapping keys must be plain words, not lists or mappings", id="mapping as key"
        ),
        pytest.param(
            b"title: a\n---\ntitle: b\n",
            "2:1: file holds more than one YAML document; put one event per file",
            id="two documents",
        ),
        pytest.param(
            b"---\na: 1\n...\n---\nb: 2\n",
            "4:1: file holds more than one YAML document; put one event per file",
            id="two explicit documents",
        ),
        pytest.param(
            b"title: a\ntags: [a, b\nstatus: x\n",
            "2:7: the list that starts with '[' on this line is not closed: end it with ']' on the same line, "
            "and separate its items with commas",
            id="unclosed list",
        ),
        pytest.param(
            b"title: a\n  date: 2024\n",
            "2:3: this line is indented under 'title', which already has its value: if the line continues that "
            "text, write 'title: |' and put the text on the lines below it; if it is a key of its own, start it "
            "in the same column as 'title' (0 spaces in)",
            id="bad indentation",
        ),
        pytest.param(
            b'title: "a\n',
            "1:8: a quoted value is not closed: add the closing quote at the end of the value on this line",
            id="unclosed quote",
        ),
        pytest.param(
            b"title:\ta\n\tdate: b\n",
            "2:1: this line has a tab character; YAML indents with spaces only: replace the tab with spaces "
            "(two per level)",
            id="tab indentation",
        ),
        pytest.param(b"title: a\nsummary: b\x00c\n", "2:11: file contains a NUL character", id="NUL byte"),
        pytest.param(
            b"title: a\nsummary: b\x1b[31mc\n",
            "2:11: file contains the character U+001B, which YAML does not allow",
            id="control character",
        ),
        pytest.param(
            "title: Б\x7f\n".encode(),
            "1:9: file contains the character U+007F, which YAML does not allow",
            id="DEL after a Cyrillic letter",
        ),
        pytest.param(
            "title: a\ufffe\n".encode(),
            "1:9: file contains the character U+FFFE, which YAML does not allow",
            id="noncharacter",
        ),
        pytest.param(b"title: caf\xe9\n", "1:11: file is not valid UTF-8 (save it as UTF-8)", id="Latin-1 byte"),
        pytest.param(b"a: 1\nb: \xff\xfe\n", "2:4: file is not valid UTF-8 (save it as UTF-8)", id="invalid UTF-8"),
        pytest.param(b"", "1:1: file is empty; expected an event mapping", id="empty file"),
        pytest.param(b"# only a comment\n", "1:1: file is empty; expected an event mapping", id="comment only"),
    ],
)
def test_refuses(data: bytes, expected: str) -> None:
    assert refusal(data) == expected


def test_refuses_a_file_over_the_size_limit() -> None:
    data = b"summary: " + b"x" * (MAX_FILE_BYTES - 10) + b"\n"
    assert len(data) == MAX_FILE_BYTES
    assert parse(data, "event.yaml").root is not None
    assert refusal(data + b"\n") == f"1:1: file is {MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"


def test_refuses_nesting_deeper_than_the_limit() -> None:
    def nested(depth: int) -> bytes:
        return b"a: " + b"[" * (depth - 1) + b"]" * (depth - 1) + b"\n"

    assert parse(nested(MAX_DEPTH), "event.yaml").root is not None  # the root mapping is the first level
    assert refusal(nested(MAX_DEPTH + 1)) == f"1:{3 + MAX_DEPTH}: values are nested more than {MAX_DEPTH} levels deep"


def test_refuses_more_values_than_the_limit() -> None:
    def values(count: int) -> bytes:  # the root mapping, one key, one list and its items
        return b"a: [" + b",".join([b"1"] * (count - 3)) + b"]\n"

    assert parse(values(MAX_NODES), "event.yaml").root is not None
    assert refusal(values(MAX_NODES + 1)) == f"1:{5 + 2 * (MAX_NODES - 3)}: file has more than {MAX_NODES:,} values"


def test_an_alias_bomb_stops_at_its_first_anchor() -> None:
    bomb = b"a: &a [x, x]\n" + b"".join(b"%c: &%c [*%c, *%c]\n" % (n, n, n - 1, n - 1) for n in range(98, 110))
    assert refusal(bomb) == "1:4: YAML anchors (&name) are not allowed; write the value out"


@pytest.mark.parametrize(
    "text",
    [
        "NO",
        "no",
        "on",
        "off",
        "yes",
        "y",
        "1:30",
        "2024-07-11",
        "0o17",
        "0x1F",
        "1_000",
        ".inf",
        "12e3",
        "~",
        "null",
        "true",
    ],
)
def test_plain_scalars_stay_the_exact_text_written(text: str) -> None:
    document = parse(f"value: {text}\n".encode(), "event.yaml")
    assert isinstance(document.root, Mapping)
    assert document.root.items["value"] == Scalar(text, 1, 8, quoted=False)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("a: 'NO'\n", Scalar("NO", 1, 4, quoted=True)),
        ('a: "1:30"\n', Scalar("1:30", 1, 4, quoted=True)),
        ("a: |\n  one\n  two\n", Scalar("one\ntwo\n", 1, 4, quoted=True, block=True)),
        ("a: >\n  one\n  two\n", Scalar("one two\n", 1, 4, quoted=True, block=True)),
        ("a:\n", Scalar("", 1, 3, quoted=False)),
        ("a: ! 12\n", Scalar("12", 1, 4, quoted=False)),
    ],
    ids=["single quotes", "double quotes", "literal block", "folded block", "empty value", "non-specific tag"],
)
def test_scalars_record_their_style(yaml_text: str, expected: Scalar) -> None:
    document = parse(yaml_text.encode(), "event.yaml")
    assert isinstance(document.root, Mapping)
    assert document.root.items["a"] == expected


def test_nodes_carry_positions_in_file_order() -> None:
    text = b"# comment\ntitle: A\ntags: [x, y]\nlocation:\n  name: B\n  country: RU\n"
    document = parse(text, "event.yaml")
    root = document.root
    assert isinstance(root, Mapping)
    assert (root.line, root.col) == (2, 1)
    assert list(root.items) == ["title", "tags", "location"]
    assert root.key_positions == {"title": (2, 1), "tags": (3, 1), "location": (4, 1)}
    tags = root.items["tags"]
    assert isinstance(tags, Sequence)
    assert [(t.value, t.line, t.col) for t in tags.items if isinstance(t, Scalar)] == [("x", 3, 8), ("y", 3, 11)]
    location = root.items["location"]
    assert isinstance(location, Mapping)
    assert location.key_positions == {"name": (5, 3), "country": (6, 3)}
    assert location.items["country"] == Scalar("RU", 6, 12, quoted=False)


@pytest.mark.parametrize(
    ("yaml_text", "kind"),
    [("just a sentence\n", Scalar), ("- a\n- b\n", Sequence), ("1: one\ntrue: yes\n", Mapping)],
)
def test_other_roots_load_and_are_left_to_the_validator(yaml_text: str, kind: type) -> None:
    document = parse(yaml_text.encode(), "event.yaml")
    assert isinstance(document.root, kind)
    assert document.problems == []


def test_numbers_and_booleans_as_keys_stay_text() -> None:
    document = parse(b"1: one\ntrue: yes\n", "event.yaml")
    assert isinstance(document.root, Mapping)
    assert list(document.root.items) == ["1", "true"]


def test_a_byte_order_mark_is_ignored() -> None:
    document = parse(b"\xef\xbb\xbftitle: A\n", "event.yaml")
    assert isinstance(document.root, Mapping)
    assert document.root.key_positions == {"title": (1, 1)}


@pytest.mark.parametrize(
    "data",
    [
        b"[",
        b"{",
        b"? ",
        b"]",
        b"a: b: c",
        b"- - - -",
        b"%YAML 1.1\n---\na: 1\n",
        b"%FOO\n",
        b"\xef\xbb\xbf",
        b"'",
        b"a: 'b\n\n",
        b"&",
        b"*",
        b"!",
        b"\t",
        b"a:\n- b\n c",
        b"\r\n\r\n",
        b"a: \x85",
        b"\xf0\x9f\x98",
    ],
)
def test_never_raises(data: bytes) -> None:
    document = parse(data, "event.yaml")
    assert (document.root is None) == bool(document.problems)


def test_load_reads_the_file_and_shows_the_given_path(tmp_path: Path) -> None:
    path = tmp_path / "event.yaml"
    path.write_bytes(b"title: a\ntitle: b\n")
    [problem] = load(path, "timeline/2024/event.yaml").problems
    assert problem.format() == "timeline/2024/event.yaml:2:1: duplicate key 'title'"


def test_load_reports_a_file_it_cannot_read(tmp_path: Path) -> None:
    [problem] = load(tmp_path / "missing.yaml").problems
    assert problem.format() == f"{tmp_path}/missing.yaml:0:0: cannot read file: No such file or directory"
