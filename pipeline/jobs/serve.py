"""``tamizdat serve``: the built site on localhost, rebuilt when its inputs change.

Polling (one stat per input file per interval) instead of inotify: portable,
no dependency, and cheap for a project's few hundred files. A failed rebuild
prints its error and keeps serving the last good site.
"""

from __future__ import annotations

import functools
import http.server
import os
import signal
import threading
from pathlib import Path
from typing import Callable

from pipeline.core.errors import EXPECTED, TamizdatError, one_line
from pipeline.project import Project


def inputs_fingerprint(project: Project) -> tuple:
    """(path, mtime, size) of everything a build reads; changes when any of it does."""
    files: list[Path] = [project.root / "pyproject.toml", project.glossary_path]
    for folder, pattern in ((project.articles_dir, "*.html"), (project.locales_dir, "**/*.po"),
                            (project.locales_dir, "*.pot"), (project.media_dir, "**/*")):
        if folder.is_dir():
            files += sorted(folder.glob(pattern))
    out = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(out)


class Watcher:
    """Rebuilds the site when the inputs' fingerprint changes."""

    def __init__(self, project: Project, say: Callable[[str], None], build: Callable | None = None):
        self.project = project
        self.say = say
        self._build = build
        self.seen: tuple | None = None
        self.stop = threading.Event()

    def build(self) -> bool:
        if self._build is None:
            from pipeline.jobs.build import build as run_build

            self._build = run_build
        try:
            report = self._build(self.project)
        except (TamizdatError, *EXPECTED) as exc:
            self.say(f"tamizdat: error: {one_line(exc)} (still serving the last good site)")
            return False
        except Exception as exc:  # noqa: BLE001 - the rebuild thread must outlive any one bad build
            self.say(f"tamizdat: error: the build failed ({type(exc).__name__}: {exc}); still serving the last "
                     "good site, rebuilding on the next change")
            return False
        for f in getattr(report, "findings", []):
            where = f"{f.file}:{f.line}" if f.line else f.file
            self.say(f"{where}: {f.severity}: {f.message}")
        for note in getattr(report, "notes", []):
            self.say(f"publish: {note}")
        written = getattr(report, "written", [])
        shown = ", ".join(written[:5]) + (f" and {len(written) - 5} more" if len(written) > 5 else "")
        files = "file" if len(written) == 1 else "files"
        self.say(f"rebuilt: {len(written)} {files} written" + (f": {shown}" if written else ""))
        return True

    def poll_once(self) -> bool:
        """Rebuild if something changed since the last look. True if a build ran."""
        # The build itself writes catalogues (locales/), so fingerprint after building.
        now = inputs_fingerprint(self.project)
        if now == self.seen:
            return False
        self.build()
        self.seen = inputs_fingerprint(self.project)
        return True

    def run(self, interval: float) -> None:
        while not self.stop.wait(interval):
            self.poll_once()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by http.server
        pass

    def send_head(self):
        # A path no file can have (a NUL byte: /index.html%00.txt) is simply not found, not a traceback.
        try:
            return super().send_head()
        except ValueError:
            self.send_error(404, "File not found")
            return None


def make_server(project: Project, bind: str, port: int) -> http.server.ThreadingHTTPServer:
    project.site_dir.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(project.site_dir))
    try:
        return http.server.ThreadingHTTPServer((bind, port), handler)
    except OSError as exc:
        raise TamizdatError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from None


def serve(project: Project, bind: str, port: int, interval: float, say: Callable[[str], None]) -> int:
    watcher = Watcher(project, say)
    watcher.poll_once()
    server = make_server(project, bind, port)
    host, real_port = server.server_address[:2]
    if isinstance(host, bytes):
        host = host.decode()
    say(f"serving {project.site_dir} on http://{host}:{real_port}/ (Ctrl-C stops)")
    if hasattr(os, "fork"):
        # The server (and its request threads) lives in a child forked now, while this process has no
        # thread; this process stays single-threaded, so the builds may fork their workers safely
        # (forking a threaded process can deadlock a child on a lock another thread held).
        pid = os.fork()
        if pid == 0:
            try:
                server.serve_forever()
            finally:
                os._exit(0)
        server.server_close()
        try:
            watcher.run(interval)
        finally:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        return 0
    # No fork: the builds do not fork either (they run in this process), so a thread is safe.
    thread = threading.Thread(target=watcher.run, args=(interval,), daemon=True)
    thread.start()
    try:
        server.serve_forever()
    finally:
        watcher.stop.set()
        server.server_close()
    return 0
