"""Turn the text of a "Propose a new event" issue into an event file.

GitHub renders an issue form as ``### <label>`` headings, each followed by the answer. Generic
parsers split on any line that starts with ``### ``, so an answer can forge a field. This parser
reads the form's own definition (``.github/ISSUE_TEMPLATE/new-event.yml``), expects each field's
heading exactly once and in the form's order, and refuses a body in which an answer repeats a
field's heading. Everything else an answer holds is text, checked afterwards by ``timeline check``
with the same rules as any event file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

import yaml

from generator.authoring.skeleton import SkeletonError, event_id, free_id
from generator.dates import PartialDate

FORM = Path(".github/ISSUE_TEMPLATE/new-event.yml")
"""The form's definition, relative to the project: the parser reads its labels from it."""
NO_RESPONSE = "_No response_"
"""What GitHub writes for an optional field left empty."""

CHECKED = re.compile(r"^- \[[xX]\] (.*)$")


class IntakeError(ValueError):
    """An issue body that cannot become an event file; the message says what to fix."""


@dataclass(frozen=True, kw_only=True)
class Field:
    """One question of the issue form."""

    id: str
    """The form's id for it, which names the answer."""
    label: str
    """The heading GitHub writes above the answer."""
    kind: str
    """input, textarea, dropdown or checkboxes."""
    multiple: bool = False
    """For a dropdown: several options can be chosen."""
    required: bool = False
    """The form does not let the issue be sent without an answer."""
    options: tuple[str, ...] = ()
    """A dropdown's choices, or a checkbox list's labels."""


def form_fields(form: Path) -> list[Field]:
    """The questions of an issue form, in order (markdown blocks carry none)."""
    # safe_load: the form is a reviewed file of the repository, and nothing here needs Python tags
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    return [
        Field(
            id=block["id"],
            label=block["attributes"]["label"],
            kind=block["type"],
            multiple=bool(block["attributes"].get("multiple", False)),
            required=bool((block.get("validations") or {}).get("required", False)),
            options=tuple(
                option if isinstance(option, str) else option["label"]
                for option in block["attributes"].get("options", [])
            ),
        )
        for block in data["body"]
        if block["type"] != "markdown"
    ]


def check_answers(answers: dict[str, str | list[str]], fields: list[Field]) -> None:
    """Refuse an empty required answer, a choice the form does not offer, or an unticked required box."""
    for field in fields:
        value = answers.get(field.id, "")
        if field.kind == "checkboxes":
            if field.required and len(value) < len(field.options):
                raise IntakeError(f"'{field.label}': every box must be ticked before the event can be added.")
            continue
        if field.required and not value:
            raise IntakeError(f"'{field.label}' is required but has no answer; edit the issue to add it.")
        chosen = value if isinstance(value, list) else [value] if value and field.kind == "dropdown" else []
        unknown = [choice for choice in chosen if choice not in field.options]
        if unknown:
            raise IntakeError(
                f"'{field.label}': {', '.join(repr(u) for u in unknown)} is not one of the form's choices "
                f"({', '.join(field.options)})."
            )


def parse_body(body: str, fields: list[Field]) -> dict[str, str | list[str]]:
    """Each field's answer, read strictly: each heading once, in order; no heading inside an answer."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = {f"### {field.label}": field for field in fields}
    found: list[tuple[int, Field]] = []
    for number, line in enumerate(lines):
        field = headings.get(line.rstrip())
        if field is None:
            continue
        if any(seen is field for _, seen in found):
            raise IntakeError(
                f"the heading '### {field.label}' appears more than once; an answer may not contain "
                "another question's heading. Edit the issue so that it appears only once."
            )
        found.append((number, field))
    order = [field.id for _, field in found]
    missing = [field.label for field in fields if field.id not in order]
    if missing:
        raise IntakeError(
            f"the issue does not follow the form: missing {', '.join(repr(m) for m in missing)}. "
            "Open a new issue with the 'Propose a new event' form."
        )
    if order != [field.id for field in fields]:
        raise IntakeError("the issue's questions are out of the form's order; open a new issue with the form.")
    answers: dict[str, str | list[str]] = {}
    for index, (start, field) in enumerate(found):
        end = found[index + 1][0] if index + 1 < len(found) else len(lines)
        text = "\n".join(lines[start + 1 : end]).strip()
        answers[field.id] = _answer(field, "" if text == NO_RESPONSE else text)
    return answers


def _answer(field: Field, text: str) -> str | list[str]:
    if field.kind == "checkboxes":
        return [match.group(1) for line in text.split("\n") if (match := CHECKED.match(line.strip()))]
    if field.kind == "dropdown" and field.multiple:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def _q(text: str) -> str:
    # a JSON string is a YAML double-quoted scalar: every character is either literal or escaped
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str) -> str:
    """A literal block scalar, or a quoted string where a block could not carry the text as is."""
    if not text or any(ord(ch) < 32 and ch != "\n" for ch in text) or text != text.strip():
        return _q(text)
    return "|\n" + "\n".join(f"{indent}{line}" if line else "" for line in text.split("\n"))


def _text(answers: dict[str, str | list[str]], key: str) -> str:
    value = answers.get(key, "")
    return value if isinstance(value, str) else ""


def _list(answers: dict[str, str | list[str]], key: str) -> list[str]:
    value = answers.get(key, [])
    return value if isinstance(value, list) else []


def event_text(answers: dict[str, str | list[str]], *, issue: int, today: Date) -> tuple[str, str]:
    """The new event's id and the text of its file."""
    title, date = _text(answers, "title"), _text(answers, "date")
    try:
        when = PartialDate.parse(date)
    except ValueError as exc:
        raise IntakeError(f"Date: {exc}; got {date!r}. Write it as YYYY-MM-DD, YYYY-MM or YYYY.") from exc
    try:
        new_id = event_id(when, title)
    except SkeletonError:
        new_id = f"{when.iso()}-proposed-in-issue-{issue}"
    source_id = f"issue-{issue}-source"
    optional: list[str] = []
    if date_end := _text(answers, "date_end"):
        optional.append(f"date_end: {_q(date_end)}")
    if _list(answers, "approximate"):
        optional.append("approximate: true")
    note = _text(answers, "content_note")
    source_extra = [f"    date: {_q(d)}" for d in [_text(answers, "source_date")] if d]
    if original := _text(answers, "original_publisher"):
        source_extra.append(f"    original_publisher: {_q(original)}")
    lines = [
        "# yaml-language-server: $schema=../schema.json",
        f"# Proposed in issue #{issue} and written by `timeline from-issue`; check every field against the source.",
        f"title: {_q(title)}",
        f"date: {_q(when.iso())}",
        *optional,
        f"added: {_q(today.isoformat())}",
        "status: reported",
        f"tags: [{', '.join(_q(tag) for tag in _list(answers, 'tags'))}]",
        "location:",
        f"  name: {_q(_text(answers, 'place'))}",
        f"  country: {_q(_text(answers, 'country').upper())}",
        f"  precision: {_q(_text(answers, 'precision'))}",
        *([f"content_note: {_q(note)}"] if note else []),
        f"summary: {_block(_text(answers, 'summary'), '  ')}",
        "claims:",
        f"  - by: {_q(_text(answers, 'claimant'))}",
        f"    kind: {_q(_text(answers, 'claimant_kind'))}",
        "    status: reported",
        f"    says: {_q(_text(answers, 'claim'))}",
        f"    sources: [{source_id}]",
        "sources:",
        f"  - id: {source_id}",
        f"    url: {_q(_text(answers, 'source_url'))}",
        f"    publisher: {_q(_text(answers, 'source_publisher'))}",
        f"    title: {_q(_text(answers, 'source_title'))}",
        f"    language: {_q(_text(answers, 'source_language').lower())}",
        *source_extra,
    ]
    return new_id, "\n".join(lines) + "\n"


def write_event(timeline: Path, new_id: str, text: str) -> Path:
    """Write the file under ``timeline/<year>/``, never over an existing file: on a clash, the next free name."""
    name = free_id(timeline, new_id)
    if name is None:
        raise IntakeError(f"{new_id}: 100 files of that name exist already; a maintainer should add this one")
    path = timeline / new_id[:4] / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never over a file, even in a race
            handle.write(text)
    except FileExistsError as exc:
        raise IntakeError(f"{path.name} appeared while it was being written; run the command again") from exc
    return path


def from_issue(body: str, *, form: Path, timeline: Path, issue: int, today: Date) -> Path:
    """Parse an issue body against ``form``, and write its event under ``timeline``."""
    fields = form_fields(form)
    answers = parse_body(body, fields)
    check_answers(answers, fields)
    new_id, text = event_text(answers, issue=issue, today=today)
    return write_event(timeline, new_id, text)
