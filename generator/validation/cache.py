"""Check many event files quickly: on every core, and only when their bytes changed.

Per-file checking is the slow part of ``check`` on a large timeline. Results are
cached by a hash of the file's bytes, its path, the tag vocabulary and this
package's version, so an unchanged file is never parsed or checked twice.

The cache is JSON, never pickle, and lives in the user's cache folder, not in
the repository: a pull request cannot plant a cache that runs code or that
stands in for the files it claims to describe.
"""

from __future__ import annotations

import hashlib
import json
import os
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


def default_cache_dir(source: Path) -> Path:
    """The cache folder for one timeline folder, outside the repository."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.blake2b(str(source.resolve()).encode(), digest_size=8).hexdigest()
    return base / "timeline-generator" / digest


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
    keys = [_key(vocabulary, job) for job in jobs]
    known = memory or {}
    results: list[FileResult | None] = [known.get(key) for key in keys]
    if None in results and not known:
        disk = _read_cache(cache_dir)
        results = [result or disk.get(key) for key, result in zip(keys, results, strict=True)]
    todo = [i for i, result in enumerate(results) if result is None]
    for i, result in zip(todo, _run([jobs[i] for i in todo], tags), strict=True):
        results[i] = result
    if cache_dir is not None and todo and not known:
        _write_cache(cache_dir, dict(zip(keys, results, strict=True)))  # type: ignore[arg-type]
    if memory is not None:
        memory.clear()
        memory.update(zip(keys, results, strict=True))  # type: ignore[arg-type]
    return [(key, r) for key, r in zip(keys, results, strict=True) if r is not None]


def _key(vocabulary: str, job: Job) -> str:
    raw, path, event_id, year = job
    head = "\0".join([CACHE_VERSION, vocabulary, path, event_id, year]).encode()
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


def _cache_file(cache_dir: Path) -> Path:
    return cache_dir / "checked.json"


def _encode(result: FileResult) -> dict[str, Any]:
    problems = [[p.path, p.line, p.col, p.field, p.message, p.severity.value] for p in result.problems]
    return {"problems": problems, "data": result.data, "related_line": result.related_line}


def _decode(entry: dict[str, Any]) -> FileResult:
    problems = [
        Problem(path, line, col, field, message, Severity(severity))
        for path, line, col, field, message, severity in entry["problems"]
    ]
    return FileResult(problems, entry["data"], int(entry["related_line"]))


def _read_cache(cache_dir: Path | None) -> dict[str, FileResult]:
    """Entries that cannot be read are ignored: a broken cache only costs time."""
    if cache_dir is None:
        return {}
    try:
        raw = json.loads(_cache_file(cache_dir).read_text(encoding="utf-8"))
        return {key: _decode(entry) for key, entry in raw.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _write_cache(cache_dir: Path, results: dict[str, FileResult]) -> None:
    entries = {key: _encode(result) for key, result in sorted(results.items())}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = _cache_file(cache_dir).with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, _cache_file(cache_dir))
    except OSError:
        pass  # a cache that cannot be written only costs time
