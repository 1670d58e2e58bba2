"""The schema editors use (``timeline/schema.json``) and ``timeline check`` agree.

Every fixture in ``tests/schema_fixtures/`` is read twice:

- as an editor reads it: YAML 1.2 (``true`` is a boolean, ``2024`` a number, an unquoted
  ``2024-07-11`` a string), by a loader written here independently of the generator, then
  validated with ``jsonschema`` against the committed ``timeline/schema.json``;
- by ``check``, in a temporary timeline holding the bundled events and tags.

``valid/`` files must pass both without a single problem. ``invalid/`` files each break one rule
the schema states, named in their ``# breaks:`` comment: both must reject them, on that field
only. ``check_only/`` files break a rule the schema does not state; each is listed, with the
reason, in :data:`CHECK_ONLY`, and the schema must accept them while ``check`` rejects them, so
that every difference between the two is written down here.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.loader.nodes import parse
from generator.loader.typed import to_data
from generator.problems import Problem, Severity
from generator.validation import schema, validate
from tests.helpers import BUNDLED, REPO, checked_files, event_files

FIXTURES = REPO / "tests" / "schema_fixtures"
SCHEMA_FILE = BUNDLED / "schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema.json"
FILE = "(file)"
"""The ``# breaks:`` value for a problem with the file as a whole."""

CANNOT_STATE = "a JSON Schema cannot state this"
NOT_YET = "the schema could state this but does not yet; editors miss it, check catches it"
CHECK_ONLY: dict[str, str] = {
    "2024-02-30-day-not-in-calendar": f"{CANNOT_STATE}: whether a day exists in the calendar",
    "2024-07-11-range-ends-before-start": f"{CANNOT_STATE}: comparing two values (date_end after date)",
    "2024-07-12-name-does-not-match-date": f"{CANNOT_STATE}: the file name is not part of the data",
    "2024-07-11-Upper-Case-Name": f"{CANNOT_STATE}: the file name is not part of the data",
    "2024-07-11-wrong-year-folder": f"{CANNOT_STATE}: the folder is not part of the data",
    "2024-07-11-unknown-tag": f"{CANNOT_STATE}: the tag vocabulary lives in timeline/tags.yaml, another file",
    "2024-07-11-missing-content-note": f"{CANNOT_STATE}: which tags need a note is in timeline/tags.yaml",
    "2024-07-11-unknown-source-cited": f"{CANNOT_STATE}: references between values (claims cite source ids)",
    "2024-07-11-duplicate-source-id": f"{CANNOT_STATE}: uniqueness of one field across list items",
    "2024-07-11-raw-html-in-summary": f"{CANNOT_STATE}: what the Markdown means (raw HTML, images, links)",
    "2024-07-11-title-not-nfc": f"{CANNOT_STATE}: Unicode normalisation",
    "2024-07-11-related-to-itself": f"{CANNOT_STATE}: the event's own id is its file name",
    "2024-07-11-unknown-related-event": f"{CANNOT_STATE}: other files (a cross-file rule)",
    "2024-07-11-duplicate-key": f"{CANNOT_STATE}: YAML syntax; editors report repeated keys as YAML errors",
    "2024-07-11-anchor-and-alias": f"{CANNOT_STATE}: YAML syntax; editors expand aliases, check refuses them",
    "2024-07-11-yaml-tag": f"{CANNOT_STATE}: YAML syntax; editors apply tags, check refuses them",
    "2024-07-11-tag-listed-twice": f"{NOT_YET} (uniqueItems on tags)",
    "2024-07-11-added-month-only": f"{NOT_YET} (a day-only pattern for added)",
    "2024-07-11-correction-month-only": f"{NOT_YET} (a day-only pattern for corrections[].date)",
    "2024-07-11-latitude-without-longitude": f"{NOT_YET} (dependencies between lat and lon)",
    "2024-07-11-occupied-outside-ukraine": f"{NOT_YET} (if occupied then country UA)",
    "2024-07-11-percentage-over-100": f"{NOT_YET} (if unit is percent then value at most 100)",
}
"""Every rule ``check`` enforces that the schema does not, by fixture, with why."""


# --- YAML as editors read it -------------------------------------------------------------


class _Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema instead of YAML 1.1's implicit types."""


_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _int12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text)  # YAML 1.1's octal "010" and underscores do not exist in YAML 1.2


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)


def yaml12(text: str) -> Any:
    """The file's data as an editor using YAML 1.2 sees it."""
    return yaml.load(text, Loader=_Yaml12Loader)


def schema_errors(data: Any) -> list[str]:
    """The fields (``claims[0].sources``) of every error the committed schema finds in ``data``.

    A missing or unknown field is named itself, not the mapping that should (not) hold it; an
    error with the whole file is :data:`FILE`.
    """
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(document)(document)
    fields = set()
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        if error.validator == "required":
            fields |= {_field([*path, name]) for name in error.validator_value if name not in error.instance}
        elif error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            fields |= {_field([*path, name]) for name in error.instance if name not in allowed}
        else:
            fields.add(_field(path) or FILE)
    return sorted(fields)


def _field(path: list[str | int]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


# --- check over every fixture at once ----------------------------------------------------


@dataclass(frozen=True)
class Fixture:
    path: Path
    kind: str
    breaks: str | None
    folder: str

    @property
    def stem(self) -> str:
        return self.path.stem

    def header(self, name: str) -> str | None:
        match = re.search(rf"^# {name}: (.*)$", self.path.read_text(encoding="utf-8"), re.M)
        return match.group(1).strip() if match else None


def _fixtures(kind: str) -> list[Fixture]:
    out = []
    for path in sorted((FIXTURES / kind).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        breaks = re.search(r"^# breaks: (.*)$", text, re.M)
        folder = re.search(r"^# folder: (.*)$", text, re.M)
        out.append(
            Fixture(
                path,
                kind,
                breaks.group(1).strip() if breaks else None,
                folder.group(1).strip() if folder else path.stem[:4],
            )
        )
    return out


VALID, INVALID, ONLY = _fixtures("valid"), _fixtures("invalid"), _fixtures("check_only")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Problem]]:
    """``check`` over the bundled events and every fixture: each fixture's errors and warnings, by stem.

    Warnings that an event "looks like" another are left out: the fixtures share a title and a
    place on purpose, and duplicates are a cross-file rule (see tests/test_duplicates.py).
    """
    timeline = tmp_path_factory.mktemp("agreement") / "timeline"
    shutil.copytree(BUNDLED, timeline)
    where: dict[str, str] = {}
    for fixture in VALID + INVALID + ONLY:
        target = timeline / fixture.folder / fixture.path.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy2(fixture.path, target)
        where[str(target)] = fixture.stem
    result = validate(timeline, None)
    found: dict[str, list[Problem]] = {stem: [] for stem in where.values()}
    for problem in result.problems:
        stem = where.get(str(Path(problem.path).resolve()))
        if stem is not None and not problem.message.startswith("looks like"):
            found[stem].append(problem)
    strays = [
        p.format() for p in result.problems if str(Path(p.path).resolve()) not in where and p.severity is Severity.ERROR
    ]
    assert strays == [], "the bundled events should pass"
    return found


def _errors(problems: list[Problem]) -> list[str]:
    return sorted({p.field or FILE for p in problems if p.severity is Severity.ERROR})


def test_fixture_folders_are_documented() -> None:
    """Each invalid and check-only fixture says what it breaks; each check-only one is listed with why."""
    assert VALID and INVALID and ONLY
    assert [f.stem for f in INVALID + ONLY if f.breaks is None] == []
    assert sorted(f.stem for f in ONLY) == sorted(CHECK_ONLY)
    assert [f.stem for f in VALID if f.breaks is not None] == []


@pytest.mark.parametrize("fixture", VALID, ids=lambda f: f.stem)
def test_valid_fixture_passes_schema_and_check(fixture: Fixture, checked: dict[str, list[Problem]]) -> None:
    assert schema_errors(yaml12(fixture.path.read_text(encoding="utf-8"))) == []
    assert [p.format() for p in checked[fixture.stem]] == []


@pytest.mark.parametrize("fixture", INVALID, ids=lambda f: f.stem)
def test_invalid_fixture_fails_schema_and_check_on_the_same_field(
    fixture: Fixture, checked: dict[str, list[Problem]]
) -> None:
    assert schema_errors(yaml12(fixture.path.read_text(encoding="utf-8"))) == [fixture.breaks]
    assert _errors(checked[fixture.stem]) == [fixture.breaks]


@pytest.mark.parametrize("fixture", ONLY, ids=lambda f: f.stem)
def test_check_only_fixture_passes_schema_but_not_check(fixture: Fixture, checked: dict[str, list[Problem]]) -> None:
    assert schema_errors(yaml12(fixture.path.read_text(encoding="utf-8"))) == [], CHECK_ONLY[fixture.stem]
    assert _errors(checked[fixture.stem]) == [fixture.breaks]


def _readable(paths: list[Path]) -> list[Path]:
    return [p for p in paths if parse(p.read_bytes(), str(p)).root is not None]


@pytest.mark.parametrize(
    "path", _readable([f.path for f in VALID + INVALID + ONLY] + event_files(BUNDLED)), ids=lambda p: p.stem
)
def test_check_types_values_as_yaml_1_2(path: Path) -> None:
    """check's own reading of a file gives the same data as a YAML 1.2 loader, so both validate the same values."""
    document = parse(path.read_bytes(), str(path))
    assert document.root is not None
    assert to_data(document.root) == yaml12(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", event_files(BUNDLED), ids=lambda p: p.stem)
def test_bundled_event_passes_the_editor_schema(path: Path) -> None:
    assert schema_errors(yaml12(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", event_files(BUNDLED), ids=lambda p: p.stem)
def test_bundled_event_starts_with_the_schema_comment(path: Path) -> None:
    """Editors find the schema through the first line, so a copied file carries it along."""
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT


def test_committed_schema_is_the_one_check_uses(in_repo: Path) -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema.dumps()
    result = CliRunner().invoke(main, ["schema", "--check"])
    assert result.exit_code == 0, result.output
    assert "is up to date" in result.output


def test_committed_schema_is_a_valid_json_schema() -> None:
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(document).check_schema(document)


def test_yaml_1_2_reading_differs_from_yaml_1_1_where_it_matters() -> None:
    """The editor's reading is YAML 1.2: PyYAML's default (1.1) would make these dates and booleans."""
    text = "date: 2024-07-11\napproximate: yes\ncountry: NO\nvalue: 0x1F\n"
    assert yaml12(text) == {"date": "2024-07-11", "approximate": "yes", "country": "NO", "value": 31}
    assert yaml.safe_load(text)["approximate"] is True


# --- the contributor's path: copy a file, edit it wrongly ----------------------------------

ORIGINAL = BUNDLED / "2024" / "2024-07-11-belgorod-soldier-shoots-comrades.yaml"
COPY = "2024-07-20-soldier-shoots-comrades-in-kursk.yaml"
EDITS = [
    # (old line, new line, field check reports, whether the schema states the rule)
    ("status: disputed", "status: verified", "status", True),
    ("  country: RU", "  country: Russia", "location.country", True),
    ("    kind: telegram-channel", "    kind: blogger", "claims[0].kind", True),
    ('Going AWOL"\n', 'Going AWOL"\n    url: http://example.org/deserter\n', "sources[0].url", True),
    (
        "    sources: [newsweek-2024-07-12-deserter-massacre]\n    figures:",
        "    sources: [newsweek-2024-07-12-deserter-massacare]\n    figures:",
        "claims[0].sources[0]",
        False,
    ),
    ('date: "2024-07-11"', 'date: "2024-07-11"', "date", False),  # unchanged: the name now says 07-20
]

_ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)(?:,title=([^:]*))?::(.*)$")


def _edited_copy() -> str:
    text = ORIGINAL.read_text(encoding="utf-8")
    for old, new, _, _ in EDITS:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


def _line_of(text: str, needle: str) -> int:
    """1-based line where ``needle`` starts (the first line of a multi-line edit that changed)."""
    return text[: text.index(needle)].count("\n") + 1


def test_copied_event_edited_wrongly_is_annotated_on_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contributor copies an event, edits it wrongly and runs ``timeline check --format github``."""
    shutil.copytree(BUNDLED, tmp_path / "timeline")
    text = _edited_copy()
    (tmp_path / "timeline" / "2024" / COPY).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["check", "--source", "timeline", "--format", "github", "--no-cache"])

    assert result.exit_code == 1
    annotations = [m.groups() for m in map(_ANNOTATION.match, result.output.splitlines()) if m]
    errors = {(file, int(line), title) for level, file, line, _, title, _ in annotations if level == "error"}
    expected = set()
    for _, new, field, _ in EDITS:
        changed = new.split("\n")[-2] if new.endswith("\n") and new.count("\n") > 1 else new.split("\n")[0]
        expected.add((f"timeline/2024/{COPY}", _line_of(text, changed), field))
    assert errors == expected
    files = checked_files(BUNDLED) + 1  # and the copy
    assert result.output.splitlines()[-1].endswith(f"problems in {files} files")


def test_the_schema_rejects_the_same_wrongly_edited_file() -> None:
    found = schema_errors(yaml12(_edited_copy()))
    assert found == sorted(field for _, _, field, stated in EDITS if stated)


def test_annotation_properties_and_messages_are_escaped() -> None:
    """A comma or colon in a path, or a newline in a message, cannot break the workflow command."""
    problem = Problem("timeline/2024/a,b:c.yaml", 3, 5, "claims[0].by", "50% of\nit", Severity.WARNING)
    assert problem.annotation() == (
        "::warning file=timeline/2024/a%2Cb%3Ac.yaml,line=3,col=5,title=claims[0].by::50%25 of%0Ait"
    )
    assert Problem("timeline/tags.yaml", 0, 0, "", "missing").annotation() == "::error file=timeline/tags.yaml::missing"
