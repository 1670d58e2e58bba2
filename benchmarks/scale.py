"""Scale benchmark: build N synthetic events and measure every stage against the targets.

Run:  .venv/bin/python benchmarks/scale.py            (N = 1,000 and 10,000)
      .venv/bin/python benchmarks/scale.py --sizes 500 --no-browser
      .venv/bin/python benchmarks/scale.py --loop-only   (what a contributor waits for, benchmarks/loop.py)
      .venv/bin/python benchmarks/scale.py --quick       (that loop at 300 events)
      .venv/bin/python benchmarks/scale.py --offline-only   (the build and its offline copy only)

Synthetic events are made from the bundled ones (varied dates, tags, places,
claims) in a temporary project. Each stage runs as its own process so that its
time and peak memory (maximum resident set size) are measured separately. The
figures are printed, never asserted: these machines are noisy, so compare the
ratios between sizes within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.loader.files import translation_language  # noqa: E402
from generator.loader.nodes import load  # noqa: E402
from generator.loader.typed import to_data  # noqa: E402

PLACES = [
    ("Belgorod region", "RU", "region", "RU-BEL"),
    ("Kursk region", "RU", "region", "RU-KRS"),
    ("Luhansk region", "UA", "region", "UA-09"),
    ("Donetsk region", "UA", "region", "UA-14"),
    ("Zaporizhzhia region", "UA", "region", "UA-23"),
    ("Kherson region", "UA", "region", "UA-65"),
    ("Bakhmut", "UA", "settlement", "UA-14"),
    ("Avdiivka", "UA", "settlement", "UA-14"),
    ("Pokrovsk", "UA", "settlement", "UA-14"),
    ("Moscow", "RU", "settlement", "RU-MOW"),
    ("Rostov-on-Don", "RU", "settlement", "RU-ROS"),
    ("Kupiansk sector", "UA", "front-sector", None),
]
WORDS = (
    "deserter unit soldier convoy barrier commander recruits refused fled shot detained tribunal "
    "battalion regiment brigade checkpoint escape police prosecutor court mobilised contract"
).split()


PICTURE_PAGES = {
    "timeline page, with its time axis": "timeline/index.html",
    "home page, with the small axis and map": "index.html",
    "map page": "regions/index.html",
    "figures page, with its charts": "figures/index.html",
}
"""Pages that carry a picture, whose size the issue bounds (500 KB at 10,000 events)."""


def event_files(source: Path) -> list[Path]:
    """The event files of a timeline folder, without their translations (``<id>.ru.yaml``)."""
    return [p for p in sorted(source.glob("*/*.yaml")) if translation_language(p.name) is None]


def make_timeline(source: Path, target: Path, count: int, seed: int = 7) -> None:
    """``count`` varied events derived from the bundled ones in ``source``."""
    rng = random.Random(seed)
    bases = [to_data(load(p).root) for p in event_files(source)]  # type: ignore[arg-type]
    vocabulary = sorted({w for b in bases for w in re.findall(r"[A-Za-z]{4,}", b["title"])} | set(WORDS))
    vocab = yaml.safe_load((source / "tags.yaml").read_text(encoding="utf-8"))
    tags, violent = list(vocab), {t for t, v in vocab.items() if v.get("content_note")}
    shutil.copy(source / "tags.yaml", target / "tags.yaml")
    for i in range(count):
        data = dict(bases[i % len(bases)])
        year = 2022 + i % 4
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        words = rng.sample(WORDS, 4)
        event_id = f"{date}-{'-'.join(words)}-{i}"
        place = rng.choice(PLACES)
        data.update(
            # Real titles differ from each other; copies of 24 titles would all look like duplicates.
            title=f"{' '.join(rng.sample(vocabulary, 7)).capitalize()} {i}",
            date=date,
            added=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            tags=sorted(set(rng.sample(tags, rng.randint(1, 3)))),
            location={"name": place[0], "country": place[1], "precision": place[2]}
            | ({"region": place[3]} if place[3] else {}),
            summary=f"{data['summary']}\n\nSynthetic variation {i}: {' '.join(rng.sample(WORDS, 8))}.",
            related=[],
        )
        data.pop("date_end", None)
        data.pop("approximate", None)
        if violent & set(data["tags"]):
            data.setdefault("content_note", "Describes killings.")
        folder = target / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        text = "# yaml-language-server: $schema=../schema.json\n" + yaml.dump(
            data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1000
        )
        (folder / f"{event_id}.yaml").write_text(text, encoding="utf-8")


def make_project(tmp: Path) -> Path:
    """A copy of the project's site sources (not its timeline) in ``tmp``."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("generated*"))
    (tmp / "timeline").mkdir()
    return tmp


@dataclass
class Run:
    seconds: float
    peak_mb: float
    """The largest resident set size of the command or any one of its children (ru_maxrss)."""
    output: str
    together_mb: float = 0.0
    """The largest sum of the resident set sizes of the command and its children at one moment,
    sampled every 0.2 s: what the machine needs when a build runs processes side by side."""


def run(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run a command; its wall time and peak RSS (with its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    together = [0]
    sampler = threading.Thread(target=_sample_tree, args=(proc, together), daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    # Peak memory: the child's own rusage via a /proc-free route: ru_maxrss of the waited child.
    peak_kb = _peak_kb(proc.pid)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{output[-3000:]}")
    return Run(seconds, peak_kb / 1024, output, max(together[0], peak_kb) / 1024)


def _sample_tree(proc: subprocess.Popen[str], peak: list[int]) -> None:
    """Until ``proc`` ends, the largest sum of its and its descendants' resident memory (kB) into ``peak[0]``.

    It watches /proc rather than polling: ``proc.poll()`` would reap the process itself, and its
    resource usage (the single-process peak) would be lost to ``_wait_hook``.
    """
    while _running(proc.pid):
        peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
        time.sleep(0.2)


def _running(pid: int) -> bool:
    """The process exists and has not exited (an exited one waits as a zombie, state Z, to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _tree_rss_kb(root: int) -> int:
    """The resident memory of ``root`` and every process below it, in kB, from /proc (0 where it has gone)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, seen, todo = 0, set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


_RUSAGE: dict[int, int] = {}


def _peak_kb(pid: int) -> int:
    return _RUSAGE.pop(pid, 0)


def _wait_hook() -> None:
    """Record each child's ru_maxrss as Popen reaps it (os.wait4 gives per-child usage)."""
    original = subprocess.Popen._try_wait  # type: ignore[attr-defined]

    def try_wait(self: subprocess.Popen[str], wait_flags: int) -> tuple[int, int]:
        pid, status, usage = os.wait4(self.pid, wait_flags)
        if pid:
            _RUSAGE[pid] = usage.ru_maxrss
        return pid, status

    subprocess.Popen._try_wait = try_wait  # type: ignore[attr-defined]
    del original


def libyaml_parse_seconds(files: list[Path]) -> float:
    """Single-core baseline: yaml.compose with libyaml over every file."""
    start = time.perf_counter()
    for path in files:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def tree_stats(folder: Path, suffix: str = "") -> tuple[int, int, int, str]:
    """(file count, total bytes, largest bytes, largest path)."""
    count = total = largest = 0
    name = ""
    for path in folder.rglob(f"*{suffix}"):
        if path.is_file():
            size = path.stat().st_size
            count, total = count + 1, total + size
            if size > largest:
                largest, name = size, str(path.relative_to(folder))
    return count, total, largest, name


def reader_bytes(site: Path, query: str) -> tuple[int, int]:
    """Bytes a browser downloads to show the timeline page, then to show the first search result."""
    from playwright.sync_api import sync_playwright

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    received: list[int] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            page = browser.new_page()

            def count(response):  # type: ignore[no-untyped-def]
                # redirects and aborted requests have no body to count
                with contextlib.suppress(Exception):
                    received.append(len(response.body()))

            page.on("response", count)
            page.goto(f"{base}/timeline/", wait_until="networkidle")
            page_bytes = sum(received)
            received.clear()
            box = page.locator("input.md-search__input, input.pagefind-ui__search-input, #tl-search-input").first
            box.click(timeout=120_000)
            box.fill(query)
            page.locator(".md-search-result__link, .pagefind-ui__result-link, .tl-search__result a").first.wait_for(
                timeout=120_000
            )
            page.wait_for_load_state("networkidle")
            search_bytes = sum(received)
            browser.close()
    finally:
        server.shutdown()
    return page_bytes, search_bytes


def contributor_loop(project: Path, env: dict[str, str], files: list[Path]) -> dict[str, float | str]:
    """What a contributor waits for: ``check`` after one edit, and serve's edit-to-browser and idle CPU."""
    from loop import check_after_edit, serve_loop

    timeline_cmd = str(BIN / "timeline")
    edited = files[len(files) // 3]
    figures: dict[str, float | str] = {"check after 1 edit (s)": check_after_edit(project, timeline_cmd, env, edited)}
    figures.update(serve_loop(project, timeline_cmd, env, edited))
    return figures


def offline_figures(project: Path, env: dict[str, str]) -> dict[str, float | str]:
    """The offline copy of a built site: its size, and the time to write it again on its own."""
    from generator.renderer import urls

    site = project / "site"
    figures: dict[str, float | str] = {}
    figures["site size (MB)"] = tree_stats(site)[1] / 1e6
    figures["offline zip (MB)"] = (site / urls.OFFLINE_ZIP).stat().st_size / 1e6
    write = (
        "from pathlib import Path; from generator.site.offline import write_offline_copy; "
        f"write_offline_copy(Path({str(site)!r}))"
    )
    again = run([sys.executable, "-c", write], project, env)
    figures["offline zip alone (s)"] = again.seconds
    figures["offline zip peak (MB)"] = again.peak_mb
    return figures


def measure_offline(count: int) -> dict[str, float | str]:
    """Only a cold ``timeline build`` (which writes the offline copy) and the copy's figures."""
    tmp = Path(tempfile.mkdtemp(prefix=f"timeline-bench-{count}-"))
    try:
        project = make_project(tmp)
        env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), SOURCE_DATE_EPOCH="1700000000")
        make_timeline(ROOT / "timeline", project / "timeline", count)
        total = run([str(BIN / "timeline"), "build"], project, env)
        figures: dict[str, float | str] = {"events": count, "total build, cold (s)": total.seconds}
        figures["total build peak (MB)"] = total.peak_mb
        return figures | offline_figures(project, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(count: int, browser: bool, loop_only: bool = False) -> dict[str, float | str]:
    tmp = Path(tempfile.mkdtemp(prefix=f"timeline-bench-{count}-"))
    try:
        project = make_project(tmp)
        env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"), SOURCE_DATE_EPOCH="1700000000")
        timeline = project / "timeline"
        make_timeline(ROOT / "timeline", timeline, count)
        files = event_files(timeline)
        figures: dict[str, float | str] = {"events": count}
        if loop_only:
            return figures | contributor_loop(project, env, files)
        figures["libyaml parse, 1 core (s)"] = libyaml_parse_seconds(files)
        timeline_cmd = str(BIN / "timeline")
        cold = run([timeline_cmd, "check"], project, env)
        figures["check, cold cache (s)"] = cold.seconds
        figures["check peak (MB)"] = cold.peak_mb
        figures["check, warm cache (s)"] = run([timeline_cmd, "check"], project, env).seconds
        gen = run([timeline_cmd, "generate"], project, env)
        figures["generate (s)"] = gen.seconds
        figures["generate peak (MB)"] = gen.peak_mb
        edited = files[len(files) // 2]
        edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
        again = run([timeline_cmd, "generate"], project, env)
        figures["generate CLI after 1 edit (s)"] = again.seconds
        figures["files rewritten after 1 edit"] = again.output.strip().splitlines()[-1]
        serve = run([sys.executable, __file__, "--serve-loop", str(project)], project, env)
        seconds, rendered = serve.output.split()[-2:]
        figures["regenerate in-process after 1 edit (s)"] = float(seconds)
        figures["pages rendered after 1 edit"] = rendered
        # MkDocs alone (English): the search index is made by `timeline build` after the MkDocs builds
        mkdocs = (
            "from generator.site.memory import tune_gc; tune_gc(); "
            "from mkdocs.__main__ import cli; cli(['build', '-q'])"
        )
        mk = run([sys.executable, "-c", mkdocs], project, env)
        figures["mkdocs build (s)"] = mk.seconds
        figures["mkdocs peak (MB)"] = mk.peak_mb
        for leftover in ("site", "docs/generated"):
            shutil.rmtree(project / leftover, ignore_errors=True)
        shutil.rmtree(tmp / "cache", ignore_errors=True)
        total = run([timeline_cmd, "build"], project, env)
        figures["total build, cold (s)"] = total.seconds
        figures["total build peak (MB)"] = total.peak_mb
        n, size, _, _ = tree_stats(project / "docs" / "generated")
        figures["generated files"] = n
        figures["generated size (MB)"] = size / 1e6
        _, _, largest_html, largest_name = tree_stats(project / "site", ".html")
        figures["largest page (KB)"] = largest_html / 1e3
        figures["largest page"] = largest_name
        figures |= offline_figures(project, env)
        for name, path in PICTURE_PAGES.items():
            figures[f"{name} (KB)"] = (project / "site" / path).stat().st_size / 1e3
        index = project / "site" / "search" / "search_index.json"
        if index.exists():
            figures["search_index.json (MB)"] = index.stat().st_size / 1e6
            figures["search_index.json gzip (MB)"] = len(gzip.compress(index.read_bytes())) / 1e6
        if browser:
            page_bytes, search_bytes = reader_bytes(project / "site", "deserter")
            figures["timeline page download (KB)"] = page_bytes / 1e3
            figures["first search download (KB)"] = search_bytes / 1e3
            figures.update(contributor_loop(project, env, files))
        return figures
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def serve_loop(project: Path) -> None:
    """What ``timeline serve`` does after an edit: one Regenerator, a first run, an edit, a second run."""
    from generator.preview.incremental import Regenerator
    from generator.project import Project

    regenerator = Regenerator(Project(project), project / "timeline")
    regenerator.run()
    edited = sorted((project / "timeline").glob("*/*.yaml"))[7]
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Serve ", 1), encoding="utf-8")
    start = time.perf_counter()
    regenerator.run()
    print(f"{time.perf_counter() - start:.3f} {regenerator.rendered}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the measurements in Chromium (downloads, serve)"
    )
    parser.add_argument(
        "--loop-only", action="store_true", help="only what a contributor waits for: check after an edit, serve"
    )
    parser.add_argument("--quick", action="store_true", help="the contributor loop at 300 events (for CI)")
    parser.add_argument("--offline-only", action="store_true", help="only the cold build and the offline copy")
    parser.add_argument("--serve-loop", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_loop:
        serve_loop(args.serve_loop)
        return
    _wait_hook()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    results = []
    if args.quick:
        args.sizes, args.loop_only = [300], True
    for n in args.sizes:
        results.append(measure_offline(n) if args.offline_only else measure(n, not args.no_browser, args.loop_only))
        print(f"measured {n} events: {results[-1]}", file=sys.stderr, flush=True)
    keys = list(results[0])
    width = max(len(k) for k in keys)
    print(
        f"{'':{width}}  " + "  ".join(f"{r['events']:>14}" for r in results) + ("  ratio" if len(results) > 1 else "")
    )
    for key in keys[1:]:
        cells = []
        for r in results:
            value = r.get(key, "")
            cells.append(f"{value:>14.2f}" if isinstance(value, float) else f"{value!s:>14}")
        ratio = ""
        first, last = results[0].get(key), results[-1].get(key)
        if len(results) > 1 and isinstance(first, float) and isinstance(last, float) and first:
            ratio = f"  {last / first:.1f}x"
        print(f"{key:{width}}  " + "  ".join(cells) + ratio)


if __name__ == "__main__":
    main()
