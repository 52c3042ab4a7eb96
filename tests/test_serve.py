"""``tamizdat serve``: the HTTP server lives in a child forked before any thread exists, so the process that
rebuilds (and forks the build's workers) never has a second thread; the site answers, and an edit is
rebuilt and served."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import _env, copy_sample, require

SLUG = "denis-orlov-transfer"
TITLE = "After a year in PKT, the anarchist Denis Orlov is sent on transfer to another colony"


def _threads(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1))


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def test_serve_forks_its_server_before_any_thread_and_rebuilds_after_an_edit(tmp_path: Path):
    require(hasattr(os, "fork") and Path("/proc/self/status").is_file(), "needs fork and /proc (Linux)")
    root = copy_sample(tmp_path / "p", only=[SLUG, "azat-miftakhov-caste"])
    env = {**_env(), "PYTHONWARNINGS": "always::DeprecationWarning"}  # CPython 3.12+ warns of fork in threads
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", "0", "--interval", "0.2"],
                              cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.extend(iter(server.stderr.readline, "")), daemon=True)
    reader.start()

    def wait_for(pattern: str, after: int = 0) -> re.Match:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for line in said[after:]:
                if m := re.search(pattern, line):
                    return m
            assert server.poll() is None, "".join(said)
            time.sleep(0.05)
        raise AssertionError(f"serve never said {pattern!r}:\n{''.join(said)}")

    try:
        url = wait_for(r"on (http://127\.0\.0\.1:\d+/)").group(1)
        assert TITLE in _get(f"{url}en/{SLUG}.html")
        assert SLUG in _get(url)  # the front page lists the article
        # The requests were answered by threads of the forked child; the process that builds has one thread.
        assert _threads(server.pid) == 1

        before = len(said)
        article = root / "articles" / f"{SLUG}.html"
        article.write_text(article.read_text(encoding="utf-8").replace(TITLE, TITLE + " in winter"),
                           encoding="utf-8")
        wait_for(r"^rebuilt: \d+ files? written", before)  # the rebuild merged (forked) and published
        assert f"{TITLE} in winter" in _get(f"{url}en/{SLUG}.html")
        assert _threads(server.pid) == 1
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=30)
    assert server.returncode is not None
    text = "".join(said)
    assert "DeprecationWarning" not in text and "multi-threaded" not in text, text
