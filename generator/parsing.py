"""Parse many event files quickly: in parallel, and only when their bytes changed.

Parsing is the slow part of ``check`` on a large timeline. Parsed documents are
cached by a hash of the file's bytes (and the loader's version), so an unchanged
file is never parsed twice, and new files are parsed on every core.

The cache is JSON, never pickle, and lives in the user's cache folder, not in
the repository: a pull request cannot plant a cache that runs code or that
stands in for the files it claims to describe.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator import loader
from generator.loader import Document, Mapping, Node, Scalar, Sequence
from generator.problems import Problem

CACHE_VERSION = b"parse-v1"
"""Bump when the loader's output changes, so stale cache entries are ignored."""
PARALLEL_THRESHOLD = 400
"""Below this many files to parse, starting worker processes costs more than it saves."""
CHUNK = 200


def load_all(paths: list[Path], shown: list[str], cache_dir: Path | None = None) -> list[Document]:
    """A document for each path, in order."""
    contents: list[bytes | None] = []
    documents: list[Document | None] = []
    for path, display in zip(paths, shown):
        try:
            data = path.read_bytes()
        except OSError as exc:
            contents.append(None)
            documents.append(Document(display, None, [Problem(display, 0, 0, "", f"cannot read file: {exc.strerror}")]))
            continue
        contents.append(data)
        documents.append(None)
    keys = [_key(data) if data is not None else "" for data in contents]
    cached = _read_cache(cache_dir)
    todo = [i for i, doc in enumerate(documents) if doc is None and keys[i] not in cached]
    for i, doc in enumerate(documents):
        if doc is None and keys[i] in cached:
            documents[i] = _relabel(cached[keys[i]], shown[i])
    parsed = _parse_many([(contents[i] or b"", shown[i]) for i in todo])
    for i, doc in zip(todo, parsed):
        documents[i] = doc
    if cache_dir is not None and todo:
        kept = {keys[i]: documents[i] for i in range(len(paths)) if keys[i]}
        _write_cache(cache_dir, kept)  # type: ignore[arg-type]
    return [doc for doc in documents if doc is not None]


def _parse_one(item: tuple[bytes, str]) -> Document:
    return loader.parse(*item)


def _parse_many(items: list[tuple[bytes, str]]) -> list[Document]:
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        return [_parse_one(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_parse_one, items, chunksize=CHUNK))


def _key(data: bytes) -> str:
    return hashlib.blake2b(CACHE_VERSION + data, digest_size=16).hexdigest()


def _relabel(document: Document, shown: str) -> Document:
    """A cached document keyed by content may have come from another path."""
    if document.path == shown or not document.problems:
        return Document(shown, document.root, document.problems)
    problems = [p.__class__(shown, p.line, p.col, p.field, p.message, p.severity) for p in document.problems]
    return Document(shown, document.root, problems)


def default_cache_dir(source: Path) -> Path:
    """The cache folder for one timeline folder, outside the repository."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.blake2b(str(source.resolve()).encode(), digest_size=8).hexdigest()
    return base / "timeline-generator" / digest


def _cache_file(cache_dir: Path) -> Path:
    return cache_dir / "parsed.json"


def _encode(node: Node) -> list[object]:
    if isinstance(node, Scalar):
        return ["s", node.value, node.line, node.col, node.quoted, node.block]
    if isinstance(node, Sequence):
        return ["q", [_encode(item) for item in node.items], node.line, node.col]
    keys = [[k, *node.key_positions[k], _encode(v)] for k, v in node.items.items()]
    return ["m", keys, node.line, node.col]


def _decode(data: list) -> Node:  # type: ignore[type-arg]
    if data[0] == "s":
        return Scalar(data[1], data[2], data[3], data[4], data[5])
    if data[0] == "q":
        return Sequence([_decode(item) for item in data[1]], data[2], data[3])
    return Mapping({k: _decode(v) for k, _, _, v in data[1]}, {k: (line, col) for k, line, col, _ in data[1]},
                   data[2], data[3])


def _read_cache(cache_dir: Path | None) -> dict[str, Document]:
    """Only documents that parsed cleanly are cached; anything unreadable is ignored."""
    if cache_dir is None:
        return {}
    try:
        raw = json.loads(_cache_file(cache_dir).read_text(encoding="utf-8"))
        return {key: Document("", _decode(node)) for key, node in raw.items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return {}


def _write_cache(cache_dir: Path, documents: dict[str, Document]) -> None:
    entries = {key: _encode(doc.root) for key, doc in sorted(documents.items()) if doc.root is not None}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = _cache_file(cache_dir).with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, _cache_file(cache_dir))
    except OSError:
        pass  # a cache that cannot be written only costs time
