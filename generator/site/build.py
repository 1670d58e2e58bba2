"""Run the MkDocs build into a staging folder and swap it in only if it succeeds.

``mkdocs build`` empties its site folder first, so building in place would leave
nothing to serve after a failure. Building beside it and swapping keeps the
previous site until a complete new one exists.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator import languages
from generator.renderer import urls
from generator.site.languages import language_config
from generator.site.memory import fresh_processes, tune_gc
from generator.site.offline import write_offline_copy
from generator.site.search import SearchIndexError, build_index
from generator.writer import swap


@dataclass
class BuildResult:
    """What the MkDocs build said."""

    ok: bool
    messages: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def collected() -> Iterator[_Collect]:
    """MkDocs' warnings while the block runs (a full build's, or ``serve``'s page rebuilds)."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        yield collect
    finally:
        logger.removeHandler(collect)


def source_date_epoch(repository: Path) -> str:
    """The last commit's time, so that two builds of one commit are byte-identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=repository, capture_output=True, text=True, check=True, timeout=30
        )
        return out.stdout.strip() or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> BuildResult:
    """Build every language's site from ``docs_dir`` in strict mode; replace ``site_dir`` only on success.

    Each language's MkDocs build runs in a process of its own, into a folder of its own, as many
    at once as :func:`build_processes` allows; then each language's search index is made, one
    at a time; then the folders are put together (English at the root, each other language in
    its folder) with the offline copy of the whole. A fresh process per build also returns its
    memory when it ends, which one long process does not.
    """
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(config_file.parent)
    staging = site_dir.with_name(f"{site_dir.name}.partial")
    parts = site_dir.with_name(f"{site_dir.name}.parts")
    try:
        for leftover in (staging, parts):
            shutil.rmtree(leftover, ignore_errors=True)
        outcomes = _build_languages(config_file, docs_dir, parts)
        messages = [message for _, said in outcomes for message in said]
        if not all(ok for ok, _ in outcomes):
            return BuildResult(False, messages)
        try:
            _index_languages(parts)
        except SearchIndexError as exc:
            return BuildResult(False, [*messages, f"ERROR: search index: {exc}"])
        _assemble(parts, staging)
        write_offline_copy(staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, [str(exc)])
    except BaseException:  # an unexpected crash: the previous site stays, and no half-built one lingers
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(parts, ignore_errors=True)
        # The variable is for this build only: left set, it would pin every later build in this
        # process (tests, benchmarks) to this commit's time.
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
    swap(staging, site_dir)
    return BuildResult(True, messages)


def build_processes() -> int:
    """How many languages are built at once: one per core, at most two.

    At 10,000 events one language's MkDocs build holds about 300-380 MB (benchmarks/README.md):
    two at once beside the parent keep the whole build under a gigabyte, a third would not.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()  # not on macOS
    return max(1, min(2, cores or 1))


def _build_languages(config_file: Path, docs_dir: Path, parts: Path) -> list[tuple[bool, list[str]]]:
    """Build each language into ``parts/<language>``; each build's success and warnings, in language order."""
    built = languages.built()
    jobs = [(config_file, docs_dir, parts / language, language, built) for language in built]
    try:
        with fresh_processes(min(build_processes(), len(jobs))) as pool:
            return list(pool.map(build_language, *zip(*jobs, strict=True)))
    except BrokenProcessPool:  # the system ended a worker (out of memory, most likely): no traceback
        return [(False, [BROKEN_WORKER])]


BROKEN_WORKER = (
    "ERROR: a language's MkDocs build ended without finishing: the system stopped its process, "
    "most often for lack of memory (see benchmarks/README.md for what a build needs)"
)


def build_language(
    config_file: Path, docs_dir: Path, site_root: Path, language: str, built: tuple[str, ...]
) -> tuple[bool, list[str]]:
    """One language's MkDocs build into ``site_root`` (its folder inside it): whether it succeeded, and its warnings.

    Runs in a worker process; what MkDocs logs at warning level or above is collected and returned.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    tune_gc()
    with collected() as collect:
        try:
            with languages.building(built):
                build(language_config(config_file, docs_dir, site_root, language))
        except (MkDocsException, SystemExit, OSError) as exc:
            return False, collect.messages or [str(exc)]
    return True, collect.messages


def _index_languages(parts: Path) -> None:
    """Each language's search index, one language at a time, once every MkDocs build has ended.

    A Pagefind run holds about 450 MB at 2,500 pages (generator.site.search); run beside two MkDocs
    builds, as it was from inside each build, it took the whole over a gigabyte at 10,000 events.
    """
    for language in languages.built():
        build_index(parts / language / urls.folder(language))


def _assemble(parts: Path, staging: Path) -> None:
    """English's site at the root of ``staging``, each other language's in its folder (moves, not copies)."""
    os.replace(parts / languages.DEFAULT, staging)
    for language in languages.built()[1:]:
        folder = urls.folder(language).rstrip("/")
        os.replace(parts / language / folder, staging / folder)
