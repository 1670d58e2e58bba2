"""What a contributor waits for: an edit saved in ``timeline serve``, shown by the open page.

``timeline serve`` runs as a contributor runs it, with Chromium (Playwright) open on an event
page. Each edit rewrites that event's title in its YAML file; the time is from the file's
write to the page's heading showing the new title, the page reloading by itself. Then the
page stays open and nothing changes: serve's CPU time over ten seconds is its idle cost.
``timeline check`` after editing one file is the other wait.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EDITS = 5
IDLE_SECONDS = 10.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(log: Path, text: str, process: subprocess.Popen[str], timeout: float) -> None:
    end = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8"):
        if process.poll() is not None or time.monotonic() > end:
            raise SystemExit(f"timeline serve did not say {text!r}:\n{log.read_text(encoding='utf-8')[-3000:]}")
        time.sleep(0.2)


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")


def check_after_edit(project: Path, timeline_cmd: str, env: dict[str, str], edited: Path) -> float:
    """``timeline check`` of the whole timeline after one file changed (the cache holds the rest)."""
    subprocess.run([timeline_cmd, "check"], cwd=project, env=env, capture_output=True, check=False)
    _retitle(edited, f"Checked after an edit {time.time_ns()}")
    start = time.perf_counter()
    subprocess.run([timeline_cmd, "check"], cwd=project, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


def serve_loop(project: Path, timeline_cmd: str, env: dict[str, str], edited: Path) -> dict[str, Any]:
    """Start serve, open the edited event's page in Chromium, and time edits and idleness."""
    from playwright.sync_api import sync_playwright

    port, log = _free_port(), project / "serve.log"
    figures: dict[str, Any] = {}
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [timeline_cmd, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        _wait_for(log, "Press Ctrl+C to stop", process, timeout=3600)
        figures["serve: start (s)"] = time.perf_counter() - start
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            violations: list[str] = []
            page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(f"http://127.0.0.1:{port}/events/{edited.stem}/")
            page.wait_for_load_state("load")
            times = []
            for n in range(EDITS):
                title = f"Edit number {n} seen in the browser"
                before = log.read_text(encoding="utf-8").count("Updated")
                begin = time.perf_counter()
                _retitle(edited, title)
                page.wait_for_function(
                    "t => (document.querySelector('h1') || {}).textContent?.includes(t)", arg=title, timeout=120_000
                )
                times.append(time.perf_counter() - begin)
                # let the rest of the edit (listings, downloads) finish before the next one
                end = time.monotonic() + 600
                while log.read_text(encoding="utf-8").count("Updated") <= before and time.monotonic() < end:
                    time.sleep(0.2)
            figures["serve: edit to browser, median (s)"] = statistics.median(times)
            figures["serve: edit to browser, worst (s)"] = max(times)
            everything = [float(s) for s in re.findall(r"by ([0-9.]+) s\.", log.read_text(encoding="utf-8"))]
            if everything:
                figures["serve: every changed page, median (s)"] = statistics.median(everything)
            time.sleep(2)
            idle_start, cpu = time.perf_counter(), _cpu_seconds(process.pid)
            time.sleep(IDLE_SECONDS)
            figures["serve: idle CPU (s per s)"] = (_cpu_seconds(process.pid) - cpu) / (
                time.perf_counter() - idle_start
            )
            figures["serve: CSP violations"] = len(violations)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=60)
    return figures
