"""Write generated files: only what changed, nothing stale, nothing outside the output folder.

Unchanged files keep their modification time, so MkDocs' live reload and a dirty
rebuild only see what really changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


class UnsafePath(ValueError):
    """A generated path would land outside the output folder."""


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _parts(relative: str) -> list[str]:
    """The parts of a relative path, refusing absolute paths, ``..``, backslashes and empty parts.

    Plain string work: it runs for every one of the 10,000 files a large timeline keeps.
    """
    parts = relative.split("/")
    if relative.startswith("/") or "\\" in relative or any(p in ("", ".", "..") for p in parts):
        raise UnsafePath(f"refusing to write {relative!r} outside the output folder")
    return parts


def _inside(root: Path, relative: str) -> Path:
    """``root / relative``, refusing any path that could leave ``root``."""
    return root.joinpath(*_parts(relative))


Files = Mapping[str, bytes] | Iterable[tuple[str, bytes]]
"""Files by path relative to the output folder: a mapping, or pairs made one at a time (a full build)."""


def write_tree(root: Path, files: Files, keep: set[str] | None = None) -> WriteReport:
    """Make ``root`` hold exactly ``files``: write changed ones, remove the rest.

    With ``keep``, ``files`` holds only the files that may have changed; files named in
    ``keep`` are left as they are and everything else is removed.
    """
    wanted = {os.path.join(root, *_parts(relative)) for relative in keep or set()}
    report = write_files(root, files, wanted)
    _prune(root, wanted, report)
    report.removed.sort()
    return report


def write_files(root: Path, files: Files, written_paths: set[str] | None = None) -> WriteReport:
    """Write those of ``files`` whose bytes differ from what ``root`` holds; remove nothing.

    Each file is written as it comes, so pairs made one at a time never need to be in memory
    together; the full path of each goes into ``written_paths`` when one is given. A mapping's
    paths are all checked before anything is written; pairs made one at a time are checked each
    before it is written (a full build writes them into a staging copy, thrown away on any error).
    """
    report = WriteReport()
    if isinstance(files, Mapping):
        for relative in files:
            _parts(relative)
        files = sorted(files.items())
    root.mkdir(parents=True, exist_ok=True)
    for relative, data in files:
        target = _inside(root, relative)
        if written_paths is not None:
            written_paths.add(str(target))
        try:
            if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
                report.unchanged += 1
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)  # replaces, never writes through, a link or hard link
        report.written.append(relative)
    report.written.sort()
    return report


def _prune(root: Path, wanted: set[str], report: WriteReport) -> None:
    """Remove every file under ``root`` not in ``wanted`` (full paths), and emptied folders."""
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            if os.path.join(dirpath, name) not in wanted:
                path = Path(dirpath) / name
                path.unlink()
                report.removed.append(path.relative_to(root).as_posix())
        for name in dirnames:
            path = Path(dirpath) / name
            if path.is_symlink():
                path.unlink()
            elif not any(path.iterdir()):
                path.rmdir()


def stage_copy(source: Path, staging: Path) -> None:
    """A copy of ``source`` at ``staging`` made of hard links where possible (cheap, keeps times)."""
    if staging.exists():
        shutil.rmtree(staging)
    if source.is_dir():
        shutil.copytree(source, staging, copy_function=_link_or_copy, symlinks=True)
    else:
        staging.mkdir(parents=True)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def swap(staging: Path, target: Path) -> None:
    """Put ``staging`` in place of ``target``; the old one is removed only after the swap."""
    old = target.with_name(f"{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old)
