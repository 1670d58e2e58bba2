"""generator.validation.folder: every rule on every file, then the model from the files that passed."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.validation import validate
from generator.validation.folder import Memory
from tests.helpers import SMALL, VALID_EVENT, VALID_ID, edit, format_problems


def timeline(tmp_path: Path, files: dict[str, str]) -> Path:
    """A timeline folder with the small fixture's tags and ``files`` (relative path: text)."""
    root = tmp_path / "timeline"
    root.mkdir()
    shutil.copy2(SMALL / "tags.yaml", root / "tags.yaml")
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_the_small_fixture_is_valid_and_complete() -> None:
    result = validate(SMALL)
    assert result.ok
    assert result.problems == []
    assert result.files == 6  # four events, tags.yaml and redirects.yaml
    assert sorted(e.id for e in result.events) == [
        "2022-03-01-deserters-cross-border",
        "2022-03-conscripts-refuse-to-advance",
        "2023-watchdog-counts-desertion-cases",
        "2024-07-11-soldier-shoots-two-comrades",
    ]
    assert set(result.tags) == {
        "desertion",
        "violence-between-soldiers",
        "desertion-figures",
        "refusal-to-fight",
        "unused-tag",
    }


def test_only_files_without_errors_become_events(tmp_path: Path) -> None:
    broken = edit(VALID_EVENT, "status: reported\ntags", "status: verified\ntags")
    warned = edit(VALID_EVENT, "    url: https://example.org/a\n", "")
    root = timeline(tmp_path, {f"2024/{VALID_ID}.yaml": broken, "2024/2024-07-soldier-warned.yaml": warned})
    result = validate(root)
    assert not result.ok
    assert [e.id for e in result.events] == ["2024-07-soldier-warned"]
    assert format_problems(result.problems, root) == [
        f"2024/{VALID_ID}.yaml:4:9: status: expected one of reported, corroborated, confirmed, disputed, denied; "
        "got 'verified'",
        "2024/2024-07-soldier-warned.yaml:20:5: sources[0]: warning: source has no url; "
        "add the address of the page if it is online, or say why not in no_url_reason",
    ]


def test_duplicate_ids_across_folders_and_case_exclude_every_copy(tmp_path: Path) -> None:
    moved = VALID_EVENT.replace('"2024-07-11"', '"2023-07-11"')
    renamed = VALID_ID.replace("soldier", "Soldier")
    root = timeline(
        tmp_path,
        {
            f"2024/{VALID_ID}.yaml": VALID_EVENT,
            f"2023/{VALID_ID}.yaml": moved,
            f"2024/{renamed}.yaml": VALID_EVENT,
            "2024/2024-07-12-other-event.yaml": VALID_EVENT.replace('"2024-07-11"', '"2024-07-12"')
            .replace("Soldier reportedly shoots two comrades", "Ministry denies desertion figures")
            .replace("Belgorod", "Kursk"),
        },
    )
    result = validate(root)
    assert [e.id for e in result.events] == ["2024-07-12-other-event"]
    assert format_problems(result.problems, root) == [
        f"2023/{VALID_ID}.yaml:1:1: duplicate event id; also used by {root}/2024/{renamed}.yaml, "
        f"{root}/2024/{VALID_ID}.yaml",
        f"2023/{VALID_ID}.yaml:2:7: date: file name starts with 2024-07-11 but the date is 2023-07-11; the id must "
        "start with the event's date (or its year or month)",
        f"2024/{renamed}.yaml:1:1: duplicate event id; also used by {root}/2023/{VALID_ID}.yaml, "
        f"{root}/2024/{VALID_ID}.yaml",
        f"2024/{renamed}.yaml:1:1: file name '{renamed}' is not a valid event id; expected "
        "YYYY[-MM[-DD]]-lowercase-words-joined-by-hyphens, at most 100 characters",
        f"2024/{VALID_ID}.yaml:1:1: duplicate event id; also used by {root}/2023/{VALID_ID}.yaml, "
        f"{root}/2024/{renamed}.yaml",
    ]


def test_a_missing_folder_is_one_problem(tmp_path: Path) -> None:
    result = validate(tmp_path / "nowhere")
    assert [p.message for p in result.problems] == ["timeline folder does not exist", "tag vocabulary file is missing"]
    assert (result.events, result.files, result.ok) == ([], 0, False)


def test_problems_are_sorted_by_file_then_position(tmp_path: Path) -> None:
    late = edit(VALID_EVENT, "  country: RU", "  country: XX")
    late = edit(late, "status: reported\ntags", "status: NO\ntags")
    root = timeline(tmp_path, {f"2024/{VALID_ID}.yaml": late, "2024/2024-07-a-file.yaml": "title: [\n"})
    lines = format_problems(validate(root).problems, root)
    assert [line.split(": ")[0] for line in lines] == [
        f"2024/{VALID_ID}.yaml:4:9",
        f"2024/{VALID_ID}.yaml:8:12",
        "2024/2024-07-a-file.yaml:2:1",
    ]


def test_events_carry_a_fingerprint_of_their_file(tmp_path: Path) -> None:
    root = timeline(tmp_path, {f"2024/{VALID_ID}.yaml": VALID_EVENT})
    first = validate(root).events[0].fingerprint
    assert first and first == validate(root).events[0].fingerprint
    (root / "2024" / f"{VALID_ID}.yaml").write_text(VALID_EVENT + "related: []\n", encoding="utf-8")
    assert validate(root).events[0].fingerprint != first


def test_memory_reuses_unchanged_events(tmp_path: Path) -> None:
    other = "2024-07-12-officer-detained"
    root = timeline(
        tmp_path,
        {
            f"2024/{VALID_ID}.yaml": VALID_EVENT,
            f"2024/{other}.yaml": edit(VALID_EVENT, 'date: "2024-07-11"', 'date: "2024-07-12"')
            .replace("Soldier reportedly shoots two comrades", "Officer detained in Kursk")
            .replace("Belgorod", "Kursk"),
        },
    )
    memory = Memory()
    before = {e.id: e for e in validate(root, memory=memory).events}
    (root / "2024" / f"{other}.yaml").write_text(
        (root / "2024" / f"{other}.yaml").read_text(encoding="utf-8").replace("Officer detained", "Officer held"),
        encoding="utf-8",
    )
    after = {e.id: e for e in validate(root, memory=memory).events}
    assert after[VALID_ID] is before[VALID_ID]
    assert after[other] is not before[other]
    assert after[other].title == "Officer held in Kursk"
