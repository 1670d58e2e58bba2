"""``timeline serve``: regenerate on change, and let MkDocs serve and live-reload.

Generation writes only changed files into docs/generated/, which MkDocs watches;
our watcher watches the sources (timeline/ and docs/ minus the generated folder),
so a regeneration never triggers another one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from generator.preview.incremental import Regenerator
from generator.project import GENERATED, Project

DEBOUNCE_SECONDS = 0.3


def preview(project: Project, source: Path, dev_addr: str, say: Callable[[str], None]) -> None:
    """Generate once, then serve with live reload until interrupted."""
    from mkdocs.commands.serve import serve
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    regenerator = Regenerator(project, source)

    def regenerate() -> None:
        run = regenerator.run()
        if not run.ok or run.report is None:
            for problem in run.problems:
                say(problem.format())
            say("Not regenerated: fix the problems above (the preview shows the last good version).")
        elif run.report.written or run.report.removed:
            say(f"Regenerated: {len(run.report.written)} written, {len(run.report.removed)} removed")

    timer: list[threading.Timer] = []

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            path = Path(str(event.src_path))
            if path.name.startswith(".") or any(
                p.name.startswith(GENERATED) and p.parent == project.docs for p in [path, *path.parents]
            ):
                return

            for pending in timer:
                pending.cancel()
            timer[:] = [threading.Timer(DEBOUNCE_SECONDS, regenerate)]
            timer[0].start()

    regenerate()
    observer = Observer()
    observer.schedule(Handler(), str(source), recursive=True)
    observer.schedule(Handler(), str(project.docs), recursive=True)
    observer.start()
    try:
        serve(config_file=str(project.config_file), dev_addr=dev_addr, livereload=True, docs_dir=str(project.generated))
    finally:
        observer.stop()
        observer.join()
