# ruff: noqa: E501  (the expected lines are check's output, verbatim)
"""The deliberately broken timeline, tests/fixtures/broken/: every problem, in order, as `timeline check` prints it.

To add a case, break something in a file there (or add a file), then add the line check prints for it
below, in order. Each file's comment says what it breaks.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.validation import validate
from tests.helpers import BROKEN, without_notes

B = "tests/fixtures/broken/"
EXPECTED = """\
{B}2022/2022-03-same-id.yaml:1:1: duplicate event id; also used by {B}2023/2022-03-same-id.yaml
{B}2022/2022-03-yaml-traps.yaml:3:7: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got '1:30'
{B}2022/2022-03-yaml-traps.yaml:4:14: approximate: expected true or false; got 'on'
{B}2022/2022-03-yaml-traps.yaml:6:9: status: expected one of reported, corroborated, confirmed, disputed, denied; got 'NO'
{B}2022/2022-03-yaml-traps.yaml:12:13: location.occupied: expected true or false; got 'yes'
{B}2023/2022-03-same-id.yaml:1:1: duplicate event id; also used by {B}2022/2022-03-same-id.yaml
{B}2023/2022-03-same-id.yaml:2:7: date: file is in folder 2023/ but the date is in 2022; move it to timeline/2022/
{B}2023/2024-02-wrong-folder.yaml:1:1: content_note: missing; events tagged violence-between-soldiers need a content note before violent detail
{B}2023/2024-02-wrong-folder.yaml:1:8: title: text is not in Unicode NFC form; retype it or normalise it to NFC
{B}2023/2024-02-wrong-folder.yaml:2:7: date: file is in folder 2023/ but the date is in 2024; move it to timeline/2024/
{B}2023/2024-02-wrong-folder.yaml:5:35: tags[1]: unknown tag 'looting'; expected one of: desertion, desertion-figures, refusal-to-fight, unused-tag, violence-between-soldiers (or add it to timeline/tags.yaml)
{B}2023/2024-02-wrong-folder.yaml:7:3: location: give both lat and lon, or neither; lon is missing
{B}2023/2024-02-wrong-folder.yaml:10:13: location.occupied: only Ukrainian territory (country UA) can be marked occupied
{B}2023/2024-02-wrong-folder.yaml:14:1: summary: raw HTML is not allowed in Markdown; write plain text
{B}2023/2024-02-wrong-folder.yaml:15:1: summary: expected a link to https://, http://, mailto: or a /path on this site; got 'javascript:alert(1'
{B}2023/2024-02-wrong-folder.yaml:15:1: summary: images are not allowed; the site loads nothing from elsewhere
{B}2023/2024-02-wrong-folder.yaml:21:23: claims[0].sources[1]: unknown source id 'channel'; expected one of: outlet
{B}2023/2024-02-wrong-folder.yaml:23:5: sources[0]: warning: source has no url; add the address of the page if it is online, or say why not in no_url_reason
{B}2024/2024-05-duplicate-key.yaml:3:1: duplicate key 'title'
{B}2024/2024-05-python-tag.yaml:1:8: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed
{B}2024/2024-06-fields.yaml:6:49: location.precision: expected one of exact, settlement, district, region, front-sector, country; got 'town'
{B}2024/2024-06-fields.yaml:20:1: verified: unknown field; expected one of: title, date, date_end, approximate, added, status, tags, location, content_note, summary, claims, sources, related, corrections
{B}2024/2024-07-11-bad-dates.yaml:2:7: date: day is out of range for month; got '2024-06-31'
{B}2024/2024-07-11-bad-dates.yaml:4:8: added: expected a full day as YYYY-MM-DD; got '2024-07'
{B}2024/2024-07-11-bad-dates.yaml:5:9: status: status is confirmed, but no claim has the status confirmed; give the claim that confirms it (independent evidence, or an acknowledgement by the party with most reason to deny it) status: confirmed, or use another status
{B}2024/2024-07-11-bad-dates.yaml:15:11: claims[0].date: month 13 does not exist; got '2024-13'
{B}2024/2024-07-11-bad-dates.yaml:26:11: corrections[0].date: day is out of range for month; got '2024-07-32'
{B}2024/2024-08-valid-but-related-to-nothing.yaml:19:5: sources[0]: warning: source has no url; add the address of the page if it is online, or say why not in no_url_reason
{B}2024/2024-08-valid-but-related-to-nothing.yaml:22:1: related: unknown event id '2024-01-no-such-event'
{B}2024/Bad_Name.yaml:1:1: file name 'Bad_Name' is not a valid event id; expected YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters
{B}2024/Bad_Name.yaml:1:1: added: missing required field
{B}2024/Bad_Name.yaml:1:1: claims: missing required field
{B}2024/Bad_Name.yaml:1:1: date: missing required field
{B}2024/Bad_Name.yaml:1:1: location: missing required field
{B}2024/Bad_Name.yaml:1:1: sources: missing required field
{B}2024/Bad_Name.yaml:1:1: status: missing required field
{B}2024/Bad_Name.yaml:1:1: summary: missing required field
{B}2024/Bad_Name.yaml:1:1: tags: missing required field
{B}notes.txt:0:0: unexpected file; event files go in timeline/<YYYY>/<id>.yaml
note: 1 event has no Russian translation yet, so the Russian site shows their English text: {B}2024/2024-08-valid-but-related-to-nothing.yaml. To translate one, add <id>.ru.yaml beside it (CONTRIBUTING.md, Translating an event)
note: 1 event has no Ukrainian translation yet, so the Ukrainian site shows their English text: {B}2024/2024-08-valid-but-related-to-nothing.yaml. To translate one, add <id>.uk.yaml beside it (CONTRIBUTING.md, Translating an event)
39 problems in 11 files
"""


def expected() -> str:
    return EXPECTED.replace("{B}", B)


def test_check_prints_every_problem_in_order_then_the_count(in_repo: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--source", "tests/fixtures/broken"], prog_name="timeline")
    assert (result.stdout, result.stderr, result.exit_code) == (expected(), "", 1)


def test_the_cache_changes_nothing(in_repo: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--source", "tests/fixtures/broken"], prog_name="timeline")
    cached = runner.invoke(main, ["check", "--source", "tests/fixtures/broken"], prog_name="timeline")
    fresh = runner.invoke(main, ["check", "--source", "tests/fixtures/broken", "--no-cache"], prog_name="timeline")
    assert first.stdout == cached.stdout == fresh.stdout == expected()


def test_validate_finds_the_same_problems_and_keeps_no_broken_event(in_repo: Path) -> None:
    result = validate(Path("tests/fixtures/broken"))
    lines = [line for line in expected().splitlines() if not line.startswith("note: ")]  # notes are not problems
    assert [p.format() for p in result.problems] == lines[:-1]
    assert lines[-1] == f"{len(result.problems)} problems in {result.files} files"
    assert [e.id for e in result.events] == ["2024-08-valid-but-related-to-nothing"]
    assert not result.ok


def test_every_broken_file_is_reported() -> None:
    files = {
        p.relative_to(BROKEN).as_posix()
        for p in BROKEN.rglob("*")
        if p.is_file() and p.name not in ("tags.yaml", "README.md")
    }
    reported = {line.split(":")[0].removeprefix(B) for line in without_notes(expected()).splitlines()[:-1]}
    assert reported == files
