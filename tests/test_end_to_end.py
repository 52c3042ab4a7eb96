"""The whole path as a new user walks it, with the real CLI in a fresh folder and only what the README says:
init → import a saved page → update → translate the PO (and save it with msgcat --no-wrap, as another
editor would) → check → build → serve, fetching a page over loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, _env, have, run_cli
from pipeline.catalog.pofile import dumps, parse

SAVED_PAGE = Path(__file__).parent / "fixtures" / "cms" / "wordpress_jetpack_en.html"
LATIN_TO_CYRILLIC = str.maketrans("aeopcxyABEKMHOPCTX", "аеорсхуАВЕКМНОРСТХ")


def _need(tool: str) -> None:
    if not have(tool):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is missing (apt-get install gettext); .ci/run installs it")
        pytest.skip(f"{tool} is not installed")


def _translate(msgid: str) -> str:
    """A stand-in translator: Cyrillic look-alike letters, placeholders, entities and numbers untouched."""
    return "".join(p if p.startswith(("<", "&")) else p.translate(LATIN_TO_CYRILLIC)
                   for p in re.split(r"(<[^>]*>|&[#\w]+;)", msgid))


def _readme_steps() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## A new project, step by step", 1)[1].split("\n## ", 1)[0]


def test_a_new_user_from_init_to_a_served_page(tmp_path):
    _need("msgcat")
    steps = _readme_steps()
    for command in ("tamizdat init", "tamizdat import", "tamizdat update", "tamizdat check", "tamizdat build",
                    "tamizdat serve"):
        assert command in steps  # every step below is one the README tells

    r = run_cli("init", "newsroom", "--languages", "ru,de", "--title", "Letters from prison",
                "--base-url", "https://example.org/letters/", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    root = tmp_path / "newsroom"
    assert "tamizdat import" in r.stderr  # init says what to do next

    r = run_cli("import", SAVED_PAGE, cwd=root)
    assert r.returncode == 0, r.stderr
    slug = re.search(r"wrote articles/([\w.-]+)\.html", r.stderr).group(1)

    r = run_cli("update", cwd=root)
    assert r.returncode == 0, r.stderr
    po_path = root / "locales" / "ru" / f"{slug}.po"
    assert po_path.is_file() and (root / "locales" / "de" / f"{slug}.po").is_file()

    # The translator: every entry translated, then the file saved by another tool, unwrapped.
    po = parse(po_path.read_bytes(), str(po_path))
    for entry in po:
        if entry.msgid and not entry.obsolete:
            entry.msgstr = _translate(entry.msgid)
    po_path.write_text(dumps(po), encoding="utf-8")
    subprocess.run(["msgcat", "--no-wrap", "-o", str(po_path), str(po_path)], check=True)
    saved = po_path.read_bytes()

    r = run_cli("check", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 error(s)" in r.stderr

    r = run_cli("update", cwd=root)
    assert r.returncode == 0 and "0 written" in r.stderr, r.stderr
    r = run_cli("build", cwd=root)
    assert r.returncode == 0, r.stderr
    assert po_path.read_bytes() == saved  # the translator's file is not re-wrapped behind their back
    page = root / "site" / "ru" / f"{slug}.html"
    assert page.is_file()
    assert not (root / "site" / "de" / f"{slug}.html").exists()  # nothing translated: not published
    assert "nichts erschienen" in (root / "site" / "de" / "index.html").read_text(encoding="utf-8")
    title = parse(saved, str(po_path))[0].msgstr  # the first entry is the title

    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", "0", "--interval", "0.2"],
                              cwd=root, env=_env(), stderr=subprocess.PIPE, text=True)
    try:
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            if not line and server.poll() is not None:
                break
            m = re.search(r"on (http://127\.0\.0\.1:\d+/)", line)
            url = m.group(1) if m else None
        assert url, "serve did not say where it listens"
        with urllib.request.urlopen(f"{url}ru/{slug}.html", timeout=30) as response:
            assert response.status == 200
            body = response.read().decode("utf-8")
        assert 'lang="ru"' in body and title.split()[0] in body
        with urllib.request.urlopen(url, timeout=30) as response:
            assert slug in response.read().decode("utf-8")  # the front page lists the article
    finally:
        server.terminate()
        server.wait(timeout=30)
