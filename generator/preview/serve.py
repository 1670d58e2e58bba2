"""``timeline serve``: a preview where a saved edit reaches the open page by itself within a second.

One process keeps everything between edits. A watcher (inotify through watchdog) hears only
writes, creations, deletions and moves under timeline/ and docs/ (never reads, so the preview's
own reading wakes nothing, and nothing is polled: idle, it uses no CPU) and hands the changed
paths over. The :class:`~generator.preview.incremental.Regenerator` re-checks only those files
and writes only the generated pages whose text changed; the
:class:`~generator.site.live.LiveSites` rebuilds only those pages' HTML. MkDocs' live-reload
server then tells the open pages to reload; its script runs under a per-response nonce that
the server adds to the page's Content-Security-Policy (built pages never carry one).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import string
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _timestamp

from generator import languages
from generator.loader.files import display
from generator.preview.incremental import Regenerator
from generator.preview.report import Reporter
from generator.project import GENERATED, Project
from generator.site.live import LiveSiteError, LiveSites
from generator.site.plugin import allow_nonce
from generator.writer import write_files

Say = Callable[[str], None]


class ServeError(RuntimeError):
    """Serve cannot start; the message is one line the contributor can act on."""


def _address(dev_addr: str) -> tuple[str, int]:
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ServeError(f"--dev-addr: expected HOST:PORT such as 127.0.0.1:8000; got {dev_addr!r}")
    return host.strip("[]"), int(port)


# MkDocs' script, asking for news of its own page: the preview's meta referrer policy
# (no-referrer) hides which page asks, and each page reloads only when its own HTML changed.
_POLL = '"/livereload/" + epoch + "/" + requestId'
assert _POLL in _SCRIPT_TEMPLATE.template, "MkDocs' live-reload script has changed"
SCRIPT = string.Template(
    _SCRIPT_TEMPLATE.template.replace(_POLL, _POLL + ' + "?page=" + encodeURIComponent(location.pathname)')
)


class Server(LiveReloadServer):
    """MkDocs' live-reload server, bound at once, its script allowed by nonce, each page told of its own changes.

    MkDocs' polling observer (every watched file stat'ed twice a second) is replaced by
    inotify, and its build loop, which reloads every page after each build, by one that lets
    :meth:`publish` say which pages changed, as soon as each is written.
    """

    def __init__(self, host: str, port: int, root: Path) -> None:
        from watchdog.observers import Observer

        super().__init__(builder=lambda: None, host=host, port=port, root=str(root), shutdown_delay=1.0)
        self.observer = Observer()  # type: ignore[assignment]  # inotify: MkDocs polls every file twice a second
        self._watched_paths = {str(root): 1}  # MkDocs injects its script only while something is watched
        self.build_delay = 0.05
        self.changed_at: dict[str, int] = {}
        """When each page (by its path on the server) last changed, in the server's epochs."""
        self.everything_at = 0
        self.polling: dict[str, int] = {}
        """How many open pages wait for news, by page path."""
        self.page_served = threading.Event()
        try:
            self.server_bind()
            self.server_activate()
        except OSError as exc:
            self.server_close()
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(
                    f"{host}:{port} is already in use: stop the other server, or choose another port "
                    f"with --dev-addr {host}:{port + 1}"
                ) from exc
            raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror}") from exc

    def run(self) -> None:
        """Serve and rebuild on change until interrupted (the socket is bound already)."""
        self.observer.start()
        self.serve_thread.start()
        self._build_loop()

    def notify(self) -> None:
        """Ask the build loop for a rebuild (from the watcher's thread)."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def publish(self, url: str | None) -> None:
        """Tell the page at ``url`` (site-relative; None: every page) to reload."""
        with self._epoch_cond:
            epoch = max(_timestamp(), self._visible_epoch + 1)
            if url is None:
                self.everything_at = epoch
            else:
                self.changed_at[self.mount_path + url] = epoch
            self._visible_epoch = self._wanted_epoch = epoch
            self._epoch_cond.notify_all()

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(
                    lambda: self._want_rebuild or self._shutdown, timeout=self.shutdown_delay
                ):
                    pass  # the timeout lets Ctrl+C through
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # let a burst of writes end
                self._want_rebuild = False
            self.builder()

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        match = re.fullmatch(r"/livereload/([0-9]+)/[0-9]+", environ["PATH_INFO"])
        if match is None:
            served = super()._serve_request(environ, start_response)
            if environ["PATH_INFO"].endswith(("/", ".html")):
                self.page_served.set()
            return served
        page = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("page", [""])[0]
        epoch = int(match[1])

        def changed() -> int:
            return max(self.changed_at.get(page, 0), self.everything_at)

        start_response("200 OK", [("Content-Type", "text/plain")])
        with self._epoch_cond:
            self.polling[page] = self.polling.get(page, 0) + 1
            try:
                self._epoch_cond.wait_for(lambda: changed() > epoch, timeout=self.poll_response_timeout)
            finally:
                self.polling[page] -= 1
            return [b"%d" % max(changed(), epoch)]

    def open(self, urls: list[str]) -> bool:
        """Whether a browser has one of the pages at ``urls`` (site-relative) open."""
        with self._epoch_cond:
            return any(self.polling.get(self.mount_path + url, 0) for url in urls)

    def let_pages_load(self) -> None:
        """Give reloading pages a moment before a long rebuild competes with serving them.

        Serving and rebuilding share one interpreter; the rest of an edit (listings, downloads)
        would slow the edited page's reload down several times over.
        """
        self.page_served.wait(timeout=RELOAD_GRACE_SECONDS)
        time.sleep(ASSETS_GRACE_SECONDS)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        nonce = secrets.token_urlsafe(16)
        script = SCRIPT.substitute(epoch=epoch, request_id=_timestamp()).encode()
        content = allow_nonce(content, nonce)
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + b'<script nonce="' + nonce.encode() + b'">' + script + b"</script>" + content[end:]


RELOAD_GRACE_SECONDS = 0.5
ASSETS_GRACE_SECONDS = 0.2
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")


class Changes:
    """The paths the watcher saw change since the last rebuild."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        self.lock = threading.Lock()
        self.paths: set[str] = set()
        self.everything = False
        self.on_change = on_change
        self.skip: tuple[str, ...] = ()
        """Prefixes of paths that are the preview's own output (docs/generated*)."""

    def dispatch(self, event: Any) -> None:
        """watchdog's handler entry point: keep the paths, ignore editors' scratch files."""
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        wanted = [
            p
            for p in paths
            if p
            and not Path(p).name.startswith(".")
            and not p.endswith(IGNORED_SUFFIXES)
            and not p.startswith(self.skip)
        ]
        if not wanted:
            return
        with self.lock:
            self.paths.update(wanted)
            self.everything |= event.is_directory
        self.on_change()

    def take(self) -> tuple[set[str], bool]:
        """The changed paths and whether a folder changed (then any file may have), and forget them."""
        with self.lock:
            taken, everything = self.paths, self.everything
            self.paths, self.everything = set(), False
        return taken, everything


def watch(observer: Any, project: Project, source: Path, changes: Changes) -> None:
    """Hear writes, creations, deletions and moves (not reads) in the sources, not the generated folder."""
    from watchdog import events as ev

    kinds = [ev.FileCreatedEvent, ev.FileModifiedEvent, ev.FileDeletedEvent, ev.FileMovedEvent, ev.FileClosedEvent]
    kinds += [ev.DirCreatedEvent, ev.DirDeletedEvent, ev.DirMovedEvent]
    changes.skip = (os.path.join(project.docs, GENERATED),)
    folders = [(source, True), (project.docs, False)]
    if project.docs.is_dir():
        folders += [
            (p, True) for p in sorted(project.docs.iterdir()) if p.is_dir() and not p.name.startswith(GENERATED)
        ]
    for folder, recursive in folders:
        if folder.is_dir():
            observer.schedule(changes, str(folder), recursive=recursive, event_filter=kinds)


class Loop:
    """One rebuild after a burst of saves: the edited pages first, then everything else, then a report."""

    def __init__(self, regenerator: Regenerator, site: LiveSites, server: Server, changes: Changes, say: Say) -> None:
        self.regenerator, self.site, self.server, self.changes = regenerator, site, server, changes
        self.say = say
        self.reporter = Reporter()

    def rebuild(self) -> None:
        start = time.perf_counter()
        paths, everything = self.changes.take()
        source = os.path.join(self.regenerator.source, "")
        events = {p for p in paths if p.startswith(source)}
        saved = {display(Path(p)) for p in paths if p.endswith(".yaml") or not p.startswith(source)}
        pages: list[str] = []
        messages: list[str] = []
        first = None
        try:
            if not everything and (quick := self.regenerator.quick(events)):
                written = write_files(self.regenerator.project.generated, quick).written
                self.server.page_served.clear()
                messages += self.site.update(written, [], self.server.publish)
                pages += self.site.rebuilt
                first = time.perf_counter() - start
                if self.server.open(pages):
                    self.server.let_pages_load()
            self.regenerator.changed = None if everything else events
            run = self.regenerator.run()
            if not run.ok or run.report is None:
                self._say(self.reporter.failed(run.problems, saved))
                return
            messages += self.site.update(run.report.written, run.report.removed, self.server.publish)
        except LiveSiteError as exc:
            self.say(f"The page could not be built: {exc}")
            return
        pages += [url for url in self.site.rebuilt if url not in pages]
        shown = [self.server.url + url for url in pages]
        seconds = time.perf_counter() - start
        self._say([*messages, *self.reporter.updated(run.problems, saved, shown, first or seconds, seconds)])

    def _say(self, lines: list[str]) -> None:
        for line in lines:
            self.say(line)


def preview(project: Project, source: Path, dev_addr: str, say: Say) -> None:
    """Generate and build once, then serve with live reload until interrupted (Ctrl+C)."""
    host, port = _address(dev_addr)
    source = source.absolute()
    folder = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
    try:
        server = Server(host, port, folder)
        try:
            with languages.building(project.settings().languages):
                _serve(project, source, folder, server, say)
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _serve(project: Project, source: Path, folder: Path, server: Server, say: Say) -> None:
    regenerator = Regenerator(project, source)
    say(f"Checking and generating {display(source)} ...")
    run = regenerator.run()
    for problem in run.problems:
        say(problem.format())
    if not run.ok:
        say("Some pages were not generated: fix the problems above; the preview shows the last good version.")
    say("Building the site once (later saves rebuild only the pages they change) ...")
    site = LiveSites(project.config_file, project.generated, folder, project.settings().languages)
    built = site.build()
    for message in built.messages:
        say(message)
    if not built.ok:
        raise ServeError("MkDocs could not build the site: see the messages above")
    if site.search_from(project.site):
        say(f"Search uses the index of the last `timeline build` ({display(project.site)}); it does not follow edits.")
    else:
        say("Search is empty in the preview: run `timeline build` once to index the site.")
    changes = Changes(server.notify)
    watch(server.observer, project, source, changes)
    base = server.url
    server.builder = Loop(regenerator, site, server, changes, say).rebuild
    say(f"Serving on {base} (edits to {display(source)} and docs/ show by themselves). Press Ctrl+C to stop.")
    try:
        server.run()
    except KeyboardInterrupt:
        say("Stopped.")
