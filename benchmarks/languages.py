"""The three-language build against the English-only one, at 1,000 and 10,000 events.

Run:  .venv/bin/python benchmarks/languages.py [--sizes 1000 10000]

Each size gets a temporary project with N synthetic events (benchmarks/scale.py) and a
Russian and a Ukrainian translation of each (the bundled translation of the event it was
made from, with its title numbered, recording the synthetic event's text version, so that
every page shows translated text as the real site does). Then, each in its own cold
process, as a deployment runs it: ``timeline build`` with ``extra.timeline.languages:
[en]`` in mkdocs.yml (English only), and ``timeline build`` in all three languages. It
prints time, peak memory two ways (the largest resident set size of any one process, and the
largest sum over the build and all its processes at one moment: the build runs two languages'
MkDocs builds and their Pagefind indexing side by side; shared libraries count once per
process there, so the sum is on the high side) and the ratio of the two builds; the issue's
goal is at most 2.5 times, under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import BIN, ROOT, _wait_hook, make_project, make_timeline, run, tree_stats

from generator.translation import text_version
from generator.validation import validate


def translate_all(source: Path, timeline: Path) -> int:
    """A translation of every synthetic event, in each language, from its base event's; how many written."""
    result = validate(timeline, None)
    bases = {}
    for path in sorted(source.glob("*/*.*.yaml")):
        stem, language = path.name.removesuffix(".yaml").rsplit(".", 1)
        bases[(stem, language)] = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_claims: dict[tuple[int, str], list[dict]] = {}
    for (_stem, language), data in sorted(bases.items()):
        by_claims.setdefault((len(data.get("claims", [])), language), []).append(data)
    written = 0
    for i, event in enumerate(sorted(result.events, key=lambda e: e.id)):
        for language in ("ru", "uk"):
            shapes = [
                d
                for d in by_claims.get((len(event.claims), language), [])
                if [len(c.get("figures", [])) for c in d.get("claims", [])] == [len(c.figures) for c in event.claims]
                and len(d.get("corrections", [])) == len(event.corrections)
            ]
            if not shapes:
                continue
            data = dict(shapes[i % len(shapes)])
            data["translates"] = text_version(event)
            data["title"] = f"{data['title'][:190]} {i}"
            if event.content_note:
                data["content_note"] = data.get("content_note") or "Описываются убийства."
            else:
                data.pop("content_note", None)
            path = Path(event.path).with_name(f"{event.id}.{language}.yaml")
            path.write_text(yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
            written += 1
    for language in ("ru", "uk"):
        shutil.copy(source / f"tags.{language}.yaml", timeline / f"tags.{language}.yaml")
    return written


def only_english(project: Path, english: bool) -> None:
    """Set ``extra.timeline.languages`` in the project's mkdocs.yml: English only, or every language."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "    languages: [en]\n"
    text = text.replace(marker, "")
    if english:
        text = text.replace("    edit_branch: main\n", "    edit_branch: main\n" + marker)
    config.write_text(text, encoding="utf-8")


def measure(count: int) -> dict[str, float | str]:
    tmp = Path(tempfile.mkdtemp(prefix=f"timeline-languages-{count}-"))
    try:
        project = make_project(tmp)
        env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), SOURCE_DATE_EPOCH="1700000000")
        make_timeline(ROOT / "timeline", project / "timeline", count)
        figures: dict[str, float | str] = {"events": count}
        figures["translation files"] = translate_all(ROOT / "timeline", project / "timeline")
        timeline_cmd = str(BIN / "timeline")
        for name, english in (("English only", True), ("three languages", False)):
            only_english(project, english)
            for leftover in ("site", "docs/generated", ".cache"):
                shutil.rmtree(project / leftover, ignore_errors=True)
            built = run([timeline_cmd, "build"], project, env)
            figures[f"build, {name} (s)"] = built.seconds
            figures[f"build peak, {name} (MB)"] = built.peak_mb
            figures[f"build peak, all processes, {name} (MB)"] = built.together_mb
            files, size, _, _ = tree_stats(project / "site")
            figures[f"site, {name} (files)"] = files
            figures[f"site, {name} (MB)"] = size / 1e6
        english_s, all_s = figures["build, English only (s)"], figures["build, three languages (s)"]
        figures["three languages / English only"] = float(all_s) / float(english_s)
        return figures
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    _wait_hook()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    for count in args.sizes:
        figures = measure(count)
        print(f"--- {count} events", flush=True)
        for key, value in figures.items():
            print(f"{key:40} {value:>12.2f}" if isinstance(value, float) else f"{key:40} {value!s:>12}", flush=True)


if __name__ == "__main__":
    main()
