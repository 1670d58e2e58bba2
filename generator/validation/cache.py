"""Check many event files quickly: on every core, and only when their bytes changed.

Per-file checking is the slow part of ``check`` on a large timeline. Results are
cached by a hash of the file's bytes, its path, the tag vocabulary and this
package's version, so an unchanged file is never parsed or checked twice.

The cache is JSON, never pickle, and lives inside the project, in the git-ignored
``.cache/timeline-check/`` next to the timeline folder: nothing is written outside the
project, and each write keeps only the entries of the files just checked, so entries for
files that vanished are pruned. A pull request can still commit a ``.cache/`` folder, so
the cache is never trusted for what it says about itself: every key also mixes in a
secret stamp (random bytes plus the inode and change time, to the nanosecond, of the
file that holds them) that only the machine that made the cache can know. A committed
cache is checked out with a new change time, so none of its entries is ever found; and
a ``.cache`` that is a link, or holds one, is not used at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator import __version__
from generator.model import Tag
from generator.problems import Problem, Severity
from generator.validation.file import FileResult, check_file


def _rules_digest() -> str:
    """A digest of everything a file's check depends on: the loader, the validation package, the model."""
    root = Path(__file__).resolve().parent.parent
    sources = sorted([*(root / "loader").glob("*.py"), *(root / "validation").glob("*.py")])
    sources += [root / name for name in ("model.py", "dates.py", "vocabulary.py", "problems.py")]
    digest = hashlib.blake2b(digest_size=8)
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


CACHE_VERSION = f"check-{__version__}-{_rules_digest()}"
"""Part of every cache key: any change to the rules, the schema or the model makes a new one."""
PARALLEL_THRESHOLD = 300
"""Below this many files to check, starting worker processes costs more than it saves."""
CHUNK = 100

_TAGS: dict[str, Tag] = {}


CACHE_FOLDER = (".cache", "timeline-check")
"""Where the cache lives, next to the timeline folder (git-ignored through ``/.cache/``)."""


def default_cache_dir(source: Path) -> Path:
    """The cache folder of one timeline folder: ``.cache/timeline-check/`` in the folder above it."""
    return source.absolute().parent.joinpath(*CACHE_FOLDER)


def _real_folder(cache_dir: Path) -> bool:
    """Make the cache folder; False when it or ``.cache`` is a link or not a folder (a planted trap)."""
    for folder in (cache_dir.parent, cache_dir):
        try:
            folder.mkdir(exist_ok=True)
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                return False
        except OSError:
            return False
    return True


def _stamp(cache_dir: Path) -> str | None:
    """The secret of this machine's cache, or None when there is no cache to use."""
    if not _real_folder(cache_dir):
        return None
    key = cache_dir / "stamp"
    try:
        try:
            handle = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            os.write(handle, os.urandom(32))
            os.close(handle)
        except FileExistsError:
            pass
        handle = os.open(key, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            info = os.fstat(handle)
            secret = os.read(handle, 64) if stat.S_ISREG(info.st_mode) else b""
        finally:
            os.close(handle)
    except OSError:
        return None
    if len(secret) != 32:
        return None
    material = secret + f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}".encode()
    return hashlib.blake2b(material, digest_size=16).hexdigest()


Job = tuple[bytes, str, str, str]
"""(file bytes, path as shown, event id, year folder)."""


def check_all(
    jobs: list[Job], tags: dict[str, Tag], cache_dir: Path | None, memory: dict[str, FileResult] | None = None
) -> list[tuple[str, FileResult]]:
    """A (fingerprint, result) for each job, in order.

    ``memory`` is an in-process cache (``timeline serve`` keeps one), consulted before
    the cache on disk and updated with every result; with it, the cache on disk is read
    only for files memory lacks and not rewritten (23 MB at 10,000 events: half a second
    an edit that a preview need not spend).
    """
    vocabulary = hashlib.blake2b(
        json.dumps([asdict(t) for t in tags.values()], sort_keys=True).encode(), digest_size=8
    ).hexdigest()
    stamp = _stamp(cache_dir) if cache_dir is not None else None
    cache_file = cache_dir / f"checked-{stamp[:16]}.json" if cache_dir is not None and stamp else None
    keys = [_key(f"{vocabulary}{stamp or ''}", job) for job in jobs]
    known = memory or {}
    results: list[FileResult | None] = [known.get(key) for key in keys]
    vanished = False
    if None in results and not known:
        disk = _read_cache(cache_file)
        results = [result or disk.get(key) for key, result in zip(keys, results, strict=True)]
        vanished = len(disk) > len(keys) - results.count(None)  # entries of files no longer checked
    todo = [i for i, result in enumerate(results) if result is None]
    for i, result in zip(todo, _run([jobs[i] for i in todo], tags), strict=True):
        results[i] = result
    if cache_file is not None and (todo or vanished) and not known:
        _write_cache(cache_file, dict(zip(keys, results, strict=True)))  # type: ignore[arg-type]
    if memory is not None:
        memory.clear()
        memory.update(zip(keys, results, strict=True))  # type: ignore[arg-type]
    return [(key, r) for key, r in zip(keys, results, strict=True) if r is not None]


def _key(vocabulary: str, job: Job) -> str:
    raw, path, event_id, year = job
    # surrogateescape: a name that was not UTF-8 is refused before it gets here, but a key never raises
    head = "\0".join([CACHE_VERSION, vocabulary, path, event_id, year]).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(head + b"\0" + raw, digest_size=16).hexdigest()


def _init(tags: dict[str, Tag]) -> None:
    global _TAGS
    _TAGS = tags


def _one(job: Job) -> FileResult:
    return check_file(*job, _TAGS)


def _run(jobs: list[Job], tags: dict[str, Tag]) -> list[FileResult]:
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_THRESHOLD or workers < 2:
        _init(tags)
        return [_one(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(tags,)) as pool:
        return list(pool.map(_one, jobs, chunksize=CHUNK))


def _encode(result: FileResult) -> dict[str, Any]:
    problems = [[p.path, p.line, p.col, p.field, p.message, p.severity.value] for p in result.problems]
    return {"problems": problems, "data": result.data, "related_line": result.related_line}


def _decode(entry: dict[str, Any]) -> FileResult:
    problems = [
        Problem(path, line, col, field, message, Severity(severity))
        for path, line, col, field, message, severity in entry["problems"]
    ]
    return FileResult(problems, entry["data"], int(entry["related_line"]))


def _read_cache(cache_file: Path | None) -> dict[str, FileResult]:
    """Entries that cannot be read are ignored: a broken cache only costs time."""
    if cache_file is None:
        return {}
    try:
        handle = os.open(cache_file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return {}
            raw = json.loads(stream.read())
        return {key: _decode(entry) for key, entry in raw.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _write_cache(cache_file: Path, results: dict[str, FileResult]) -> None:
    """Replace the cache with the entries of the files just checked (which prunes vanished files),
    and delete the cache files of other stamps (planted, or from a checkout that moved)."""
    entries = {key: _encode(result) for key, result in sorted(results.items())}
    tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogateescape")
    try:
        # O_EXCL and O_NOFOLLOW: a planted link at the temporary name cannot redirect the write
        handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
        os.replace(tmp, cache_file)
        for other in cache_file.parent.glob("checked-*.json"):
            if other != cache_file:
                other.unlink()
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache that cannot be written only costs time
