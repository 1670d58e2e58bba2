"""Find the timeline's files, refusing links and anything that is not a plain file.

A symbolic link in a pull request could make the build read (and publish) any
file on the builder's machine, so links are refused, never followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.languages import TRANSLATED
from generator.problems import Problem

TAGS_FILE = "tags.yaml"
REFUSED_HOSTS_FILE = "refused-hosts.yaml"
REDIRECTS_FILE = "redirects.yaml"
ALLOWED_TOP_LEVEL = {TAGS_FILE, REFUSED_HOSTS_FILE, REDIRECTS_FILE, "schema.json", "README.md"}
"""Files allowed directly in the timeline folder besides the year folders."""


@dataclass
class Found:
    """The event files of a timeline folder, and what was refused."""

    events: list[Path] = field(default_factory=list)
    tags: Path | None = None
    refused_hosts: Path | None = None
    redirects: Path | None = None
    """``redirects.yaml``: old addresses of renamed, merged and removed events."""
    problems: list[Problem] = field(default_factory=list)
    translations: list[tuple[Path, str]] = field(default_factory=list)
    """Translations of event text, ``<YYYY>/<id>.<language>.yaml``, each with its language."""
    tag_translations: dict[str, Path] = field(default_factory=dict)
    """``tags.<language>.yaml`` by language."""


def translation_language(name: str) -> str | None:
    """``ru`` for ``<id>.ru.yaml``: the language of a translation file, None for an event file."""
    stem = name.removesuffix(".yaml")
    head, _, language = stem.rpartition(".")
    return language if head and language in TRANSLATED else None


def display(path: Path) -> str:
    """The path as contributors see it: relative to the working directory when possible."""
    # String work rather than Path.relative_to: this runs for every file of every check.
    text, here = str(path), os.path.join(os.getcwd(), "")
    return text[len(here) :] if text.startswith(here) else text


def find(source: Path) -> Found:
    """Walk ``source`` (the timeline folder), sorted, without following links."""
    found = Found()
    if source.is_symlink():  # a pull request can replace the folder itself with a link to anywhere
        found.problems.append(
            Problem(
                display(source), 0, 0, "", "symbolic links are not allowed; the timeline folder must be a real folder"
            )
        )
        return found
    if not source.is_dir():
        found.problems.append(Problem(display(source), 0, 0, "", "timeline folder does not exist"))
        return found
    for entry in sorted(os.scandir(source), key=lambda e: e.name):
        path = Path(entry.path)
        if refused := _refuse(entry):
            found.problems.append(Problem(display(path), 0, 0, "", refused))
        elif entry.is_dir(follow_symlinks=False):
            if entry.name.isascii() and entry.name.isdigit() and len(entry.name) == 4:
                _find_events(path, found)
            else:
                found.problems.append(
                    Problem(display(path), 0, 0, "", "unexpected folder; event files go in timeline/<YYYY>/")
                )
        elif entry.name == TAGS_FILE:
            found.tags = path
        elif entry.name == REFUSED_HOSTS_FILE:
            found.refused_hosts = path
        elif entry.name == REDIRECTS_FILE:
            found.redirects = path
        elif entry.name.startswith("tags.") and (language := translation_language(entry.name)):
            found.tag_translations[language] = path
        elif entry.name not in ALLOWED_TOP_LEVEL:
            found.problems.append(
                Problem(display(path), 0, 0, "", "unexpected file; event files go in timeline/<YYYY>/<id>.yaml")
            )
    return found


def _find_events(folder: Path, found: Found) -> None:
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        path = Path(entry.path)
        if refused := _refuse(entry):
            found.problems.append(Problem(display(path), 0, 0, "", refused))
        elif not entry.is_file(follow_symlinks=False):
            found.problems.append(
                Problem(display(path), 0, 0, "", "unexpected folder; event files go directly in the year folder")
            )
        elif entry.name.endswith(".yaml") and (language := translation_language(entry.name)):
            found.translations.append((path, language))
        elif entry.name.endswith(".yaml"):
            found.events.append(path)
        else:
            found.problems.append(Problem(display(path), 0, 0, "", "unexpected file; event files end in .yaml"))


def _refuse(entry: os.DirEntry[str]) -> str | None:
    """Why this entry may not be read, or None."""
    if not _is_text(entry.name):
        return "file name is not valid UTF-8 text (git keeps names as bytes); rename it"
    if entry.is_symlink():
        return "symbolic links are not allowed; commit the file itself"
    mode = entry.stat(follow_symlinks=False).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file"
    if entry.name.startswith("."):
        return "hidden files are not allowed in the timeline"
    return None


def _is_text(name: str) -> bool:
    """True when the name was valid UTF-8: Python keeps each byte that was not as a lone surrogate."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_tree(folder: Path, skip: Callable[[str], bool] = lambda name: False) -> list[Problem]:
    """Problems with hand-written pages: links and special files are refused anywhere below ``folder``,
    except in its top-level folders that ``skip`` names (the generated output)."""
    problems = []
    if folder.is_symlink():  # os.walk follows a link given as the top folder
        return [Problem(display(folder), 0, 0, "", "symbolic links are not allowed; the folder must be a real folder")]
    for root, dirs, files in os.walk(folder):
        if root == str(folder):
            dirs[:] = [d for d in dirs if not skip(d) or (Path(root) / d).is_symlink()]
        for name in sorted(dirs + files):
            path = Path(root) / name
            if path.is_symlink():
                problems.append(
                    Problem(display(path), 0, 0, "", "symbolic links are not allowed; commit the file itself")
                )
            elif not (path.is_dir() or path.is_file()):
                problems.append(Problem(display(path), 0, 0, "", "not a regular file"))
        dirs[:] = sorted(d for d in dirs if not (Path(root) / d).is_symlink())
    return problems
