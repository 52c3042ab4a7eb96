"""``tamizdat review``: the editors' side-by-side report, and ``tamizdat serve``'s rebuild loop."""

from __future__ import annotations

import shutil
import threading
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.catalog.pofile import dumps, parse
from pipeline.cli import main
from pipeline.project import Project

REPO = Path(__file__).resolve().parent.parent
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Azat Miftakhov and the castes</title>
<meta name="date" content="2022-06-10"></head>
<body><article><h1>Azat Miftakhov and the castes</h1>
<p>The FSB managed his downgrade to the caste of “roosters” in 2019.</p>
<p>He was arrested in February 2019 and sentenced to six years.</p>
<p>Write to him at <a href="https://example.org/letters">the letters service</a>.</p>
</article></body></html>
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tamizdat]\nsource_language = "en"\nlanguages = ["ru", "ar"]\nsite_title = "Test site"\n')
    shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "azat.html").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["-q", "build"]) in (0, 1)
    po_path = tmp_path / "locales" / "ru" / "azat.po"
    po = parse(po_path.read_bytes(), str(po_path))
    for e in po:
        if e.msgid.startswith("The FSB"):
            # A forbidden slur, a lost number and markup that must stay text in the report.
            e.msgstr = "ФСБ перевела его в «педерасты» <script>alert(1)</script>."
        elif e.msgid.startswith("He was arrested"):
            e.msgstr = "Его арестовали в феврале 2019 года и приговорили к шести годам."
            e.flags.append("fuzzy")
    po_path.write_text(dumps(po), encoding="utf-8")
    return tmp_path


def test_review_shows_source_translation_findings_terms_and_stats(project, capsys):
    assert main(["review", "--lang", "ru"]) == 0
    html = (project / "review" / "ru.html").read_text(encoding="utf-8")
    doc = BeautifulSoup(html, "lxml")
    assert not doc.find("script")  # the msgstr's <script> is shown as text, never run
    assert "<script>alert(1)</script>" in doc.get_text()
    row = next(tr for tr in doc.select("table.entries tr") if "The FSB" in tr.get_text())
    assert "has-error" in row["class"]
    src, dst = row.select_one("td.src"), row.select_one("td.dst")
    assert dst["lang"] == "ru" and "ФСБ перевела" in dst.get_text()
    # Glossary terms are marked in the source with their notes, the forbidden word in the translation.
    assert {m.get_text() for m in src.select("mark.term")} >= {"FSB", "downgrade", "roosters"}
    assert "reader note" in src.select_one("ul.notes").get_text()
    assert dst.select_one("mark.forbidden").get_text() == "педерасты"
    assert [li for li in dst.select("ul.findings li.error")]
    fuzzy = next(tr for tr in doc.select("table.entries tr") if "He was arrested" in tr.get_text())
    assert "fuzzy" in fuzzy["class"]
    # Statistics on top: one row per article plus the total.
    stats = doc.select("table.stats tbody tr")
    assert len(stats) == 2 and stats[0].select("td")[1].get_text() == "1"  # one translated entry
    assert doc.select_one("section h2").get_text() == "Azat Miftakhov and the castes"
    assert "wrote" in capsys.readouterr().err


def test_review_rtl_column_and_index(project):
    assert main(["review"]) == 0
    ar = BeautifulSoup((project / "review" / "ar.html").read_text(encoding="utf-8"), "lxml")
    assert all(td["dir"] == "rtl" for td in ar.select("td.dst"))
    index = BeautifulSoup((project / "review" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [a["href"] for a in index.select("a")] == ["ru.html", "ar.html"]


def test_review_unknown_language_is_a_one_line_error(project, capsys):
    assert main(["review", "--lang", "de"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not one of the project's languages" in err[0]
    assert not (project / "review").exists()


def test_serve_rebuilds_on_change_and_serves_the_site(project):
    from pipeline.jobs.serve import Watcher, make_server

    lines: list[str] = []
    proj = Project.find(project)
    watcher = Watcher(proj, lines.append)
    assert watcher.poll_once()  # first look builds
    assert not watcher.poll_once()  # nothing changed: no build
    page = project / "articles" / "azat.html"
    page.write_text(ARTICLE.replace("six years", "five years and nine months"), encoding="utf-8")
    assert watcher.poll_once() and lines[-1].startswith("rebuilt:")
    assert "five years and nine months" in (project / "site" / "en" / "azat.html").read_text(encoding="utf-8")

    server = make_server(proj, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/azat.html", timeout=10) as resp:
            assert resp.status == 200 and b"five years" in resp.read()
    finally:
        server.shutdown()
        server.server_close()
