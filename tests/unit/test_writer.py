"""generator.writer: write only what changed, prune what is stale, never write outside the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.writer import UnsafePath, stage_copy, swap, write_tree

OLD = 1_000_000_000  # 2001: any mtime a write would replace


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_writes_a_new_tree(tmp_path: Path) -> None:
    report = write_tree(tmp_path / "out", {"index.md": b"home", "events/a.md": b"a"})
    assert tree(tmp_path / "out") == {"events/a.md": b"a", "index.md": b"home"}
    assert (report.written, report.removed, report.unchanged) == (["events/a.md", "index.md"], [], 0)


def test_unchanged_files_keep_their_modification_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"same.md": b"same", "changed.md": b"old"})
    for name in ("same.md", "changed.md"):
        os.utime(out / name, (OLD, OLD))
    report = write_tree(out, {"same.md": b"same", "changed.md": b"new"})
    assert (report.written, report.unchanged) == (["changed.md"], 1)
    assert (out / "same.md").stat().st_mtime == OLD
    assert (out / "changed.md").stat().st_mtime != OLD
    assert (out / "changed.md").read_bytes() == b"new"


def test_stale_files_and_empty_folders_are_pruned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"index.md": b"x", "events/a.md": b"a", "events/b.md": b"b", "tags/t/page-2.md": b"t"})
    (out / ".events.tmp").write_bytes(b"left over")
    report = write_tree(out, {"index.md": b"x", "events/a.md": b"a"})
    assert tree(out) == {"events/a.md": b"a", "index.md": b"x"}
    assert report.removed == [".events.tmp", "events/b.md", "tags/t/page-2.md"]
    assert not (out / "tags").exists()


def test_keep_leaves_named_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"a.md": b"a", "b.md": b"b", "c.md": b"c"})
    report = write_tree(out, {"a.md": b"A"}, keep={"a.md", "b.md"})
    assert tree(out) == {"a.md": b"A", "b.md": b"b"}
    assert (report.written, report.removed) == (["a.md"], ["c.md"])


@pytest.mark.parametrize(
    "relative", ["../escape.md", "/etc/passwd", "a/../../escape.md", "a\\..\\b.md", "", ".", "events/../../x.md"]
)
def test_refuses_paths_outside_the_folder_before_writing_anything(tmp_path: Path, relative: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(UnsafePath, match="refusing to write"):
        write_tree(out, {"index.md": b"x", relative: b"evil"})
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_link_in_the_folder_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "page.md").symlink_to(outside)
    (out / "stray.md").symlink_to(outside)
    write_tree(out, {"page.md": b"generated"})
    assert outside.read_bytes() == b"precious"
    assert not (out / "page.md").is_symlink()
    assert (out / "page.md").read_bytes() == b"generated"
    assert not (out / "stray.md").exists() and not (out / "stray.md").is_symlink()


def test_a_hard_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"page.md": b"old"})
    os.link(out / "page.md", tmp_path / "twin.md")
    write_tree(out, {"page.md": b"new"})
    assert (tmp_path / "twin.md").read_bytes() == b"old"


def test_stage_copy_makes_an_independent_copy_with_the_same_times(tmp_path: Path) -> None:
    source = tmp_path / "generated"
    write_tree(source, {"a.md": b"a", "sub/b.md": b"b"})
    os.utime(source / "a.md", (OLD, OLD))
    staging = tmp_path / "generated.partial"
    (staging / "stale").mkdir(parents=True)
    stage_copy(source, staging)
    assert tree(staging) == tree(source)
    assert (staging / "a.md").stat().st_mtime == OLD
    write_tree(staging, {"a.md": b"changed", "sub/b.md": b"b"})
    assert (source / "a.md").read_bytes() == b"a"


def test_stage_copy_of_nothing_is_an_empty_folder(tmp_path: Path) -> None:
    stage_copy(tmp_path / "missing", tmp_path / "staging")
    assert list((tmp_path / "staging").iterdir()) == []


def test_swap_replaces_the_target_and_leaves_no_old_copy(tmp_path: Path) -> None:
    write_tree(tmp_path / "site", {"old.html": b"old"})
    write_tree(tmp_path / "site.partial", {"new.html": b"new"})
    (tmp_path / "site.old").mkdir()
    swap(tmp_path / "site.partial", tmp_path / "site")
    assert tree(tmp_path / "site") == {"new.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    write_tree(tmp_path / "fresh.partial", {"x": b"x"})
    swap(tmp_path / "fresh.partial", tmp_path / "fresh")
    assert tree(tmp_path / "fresh") == {"x": b"x"}
