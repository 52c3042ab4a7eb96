"""Issue 19 end to end: pages saved "complete" with GPS-tagged photos → import → build → a site that
reports no reader to anyone, keeps its images, and works unpacked from a zip under ``file://``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import needs, run_cli
from test_media import gps_jpeg, leaks, new_project, saved_page
from test_publish_safety import CHROMIUM, csp_of, fetched_elsewhere, load_all, strict

PAGES = {  # name -> (title, images as (src in the saved page, alt))
    "Appeal hearing": ("Appeal hearing in Kirov", [("Appeal%20hearing_files/court.jpg", "The court building"),
                                                   ("Appeal hearing_files/IMG_0042.jpg", "IMG_0042.jpg")]),
    "letters": ("Letters from the colony", [("letters_files/envelope.jpg", "Envelopes on a table"),
                                             ("https://cdn.example-news.com/banner.jpg", "Banner")]),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    root = new_project(tmp / "p")
    saved = tmp / "saved"
    saved.mkdir()
    for name, (title, images) in PAGES.items():
        files = saved / f"{name}_files"
        files.mkdir()
        for src, _ in images:
            if "_files/" in src:
                (files / src.rsplit("/", 1)[1]).write_bytes(gps_jpeg())
        page = saved_page(saved, name, images, title, canonical="https://news.example-news.com/2024/" + name[:4])
        proc = run_cli("import", page, "-C", root)
        assert proc.returncode == 0, proc.stderr
    proc = run_cli("build", "-C", root)
    assert proc.returncode == 0, proc.stderr
    return root


def test_built_site_keeps_readers_unseen_and_images_clean(project):
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 1 + 3 * 3  # front page, and per language an index and two articles
    for page in pages:
        assert fetched_elsewhere(page) == [], page
        assert strict(csp_of(page)), page
    images = sorted((site / "media").rglob("*.jpg"))
    assert len(images) == 3
    for image in images:
        assert leaks(image) == [], image
    for lang in ("en", "ru", "de"):
        html = (site / lang / "letters-from-the-colony.html").read_text(encoding="utf-8")
        assert 'src="../media/letters-from-the-colony/envelope.jpg"' in html
        # The image the saved page did not hold is a link the reader may follow, not a request.
        assert 'href="https://cdn.example-news.com/banner.jpg"' in html and "<img src=\"https" not in html


@needs(CHROMIUM is not None, "chromium is not installed (apt-get install chromium)")
def test_chromium_logs_no_third_party_request(project, tmp_path):
    site = project / "site"
    requested = load_all(tmp_path, site, sorted(site.rglob("*.html")))
    assert {u.split("/")[2].split(":")[0] for u in requested} == {"127.0.0.1"}, requested
    assert any(u.endswith("/media/appeal-hearing-in-kirov/court.jpg") for u in requested)


OFFLINE_PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body>
{frames}<pre id="out">pending</pre>
<script>
var frames = document.querySelectorAll('iframe'), left = frames.length, out = {{}};
frames.forEach(function (f) {{
  f.addEventListener('load', function () {{
    var d = f.contentDocument, imgs = d ? Array.prototype.slice.call(d.querySelectorAll('article img')) : null;
    if (imgs === null) {{ out[f.getAttribute('src')] = 'no access'; if (--left === 0) done(); return; }}
    // decode() settles once the picture is really there (or rejects when it cannot be shown).
    Promise.all(imgs.map(function (i) {{
      return i.decode().then(function () {{ return i.naturalWidth > 0 ? 1 : 0; }}, function () {{ return 0; }});
    }})).then(function (shown) {{
      out[f.getAttribute('src')] = {{
        images: imgs.length,
        shown: shown.reduce(function (a, b) {{ return a + b; }}, 0),
        styled: d.defaultView.getComputedStyle(d.body).maxWidth
      }};
      if (--left === 0) done();
    }});
  }});
}});
function done() {{ document.getElementById('out').textContent = JSON.stringify(out); }}
</script></body></html>
"""


def open_offline(tmp_path: Path, folder: Path, pages: list[str], attempts: int = 3) -> dict:
    """Open pages of an unpacked bundle from disk (file://) in Chromium; per page: images found and shown.

    On a machine busy with other work, headless Chromium's virtual time sometimes runs out before every
    picture has settled; a page is then opened again (a page that really cannot show its images never
    does, however often it is opened)."""
    best: dict = {}
    for attempt in range(attempts):
        todo = [p for p in pages if p not in best or best[p]["shown"] < best[p]["images"]]
        if not todo:
            break
        try:
            seen = _open_offline_once(tmp_path / f"try{attempt}", folder, todo)
        except AssertionError:
            if attempt == attempts - 1:
                raise
            continue
        for page, result in seen.items():
            if not isinstance(result, dict):
                raise AssertionError(f"{page}: {result}")
            if page not in best or result["shown"] > best[page]["shown"]:
                best[page] = result
    return best


def _open_offline_once(tmp_path: Path, folder: Path, pages: list[str]) -> dict:
    frames = "".join(f'<iframe src="{p}"></iframe>' for p in pages)
    probe = folder / "_probe.html"
    probe.write_text(OFFLINE_PROBE.format(frames=frames), encoding="utf-8")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
           "--disable-background-networking", "--disable-component-update", "--allow-file-access-from-files",
           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000", "--dump-dom", probe.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    m = re.search(r'<pre id="out">(.*?)</pre>', proc.stdout, re.S)
    assert m and m.group(1) != "pending", proc.stderr[-2000:]
    return json.loads(m.group(1))


@needs(CHROMIUM is not None, "chromium is not installed (apt-get install chromium)")
def test_bundle_opened_from_disk_shows_every_article_with_its_images(project, tmp_path):
    out = tmp_path / "tamizdat.zip"
    proc = run_cli("bundle", "-C", project, "-o", out)
    assert proc.returncode == 0, proc.stderr
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as z:
        z.extractall(unpacked)
    folder = unpacked / "tamizdat"
    pages = [f"{lang}/{slug}.html" for lang in ("en", "ru", "de")
             for slug in ("appeal-hearing-in-kirov", "letters-from-the-colony")]
    seen = open_offline(tmp_path, folder, pages)
    for page in pages:
        slug = page.split("/")[1]
        expected = 2 if slug.startswith("appeal") else 1
        assert seen[page]["images"] == expected and seen[page]["shown"] == expected, (page, seen[page])
        assert seen[page]["styled"] != "none", page  # the stylesheet loaded from disk too
    # The same bytes again: an archive that went through many hands can be compared with the original.
    again = tmp_path / "again" / "tamizdat.zip"
    again.parent.mkdir()
    assert run_cli("bundle", "-C", project, "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


@needs(CHROMIUM is not None, "chromium is not installed (apt-get install chromium)")
def test_one_language_bundle_has_no_dead_links(project, tmp_path):
    out = tmp_path / "ru.zip"
    assert run_cli("bundle", "-C", project, "--lang", "ru", "-o", out).returncode == 0
    with zipfile.ZipFile(out) as z:
        names = {n.split("/", 1)[1] for n in z.namelist()}
        z.extractall(tmp_path / "u")
    assert {"index.html", "style.css", "ru/index.html", "ru/letters-from-the-colony.html",
            "media/letters-from-the-colony/envelope.jpg"} <= names
    assert not any(n.startswith(("en/", "de/")) for n in names)
    folder = tmp_path / "u" / "ru"
    for page in folder.rglob("*.html"):
        for href in re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8")):
            if not href.startswith("http"):
                assert (page.parent / href).resolve().is_file(), (page, href)
    seen = open_offline(tmp_path, folder, ["ru/letters-from-the-colony.html"])
    assert seen["ru/letters-from-the-colony.html"]["shown"] == 1


def test_bundle_errors_are_one_line(project, tmp_path):
    proc = run_cli("bundle", "-C", project, "--lang", "xx", "-o", tmp_path / "x.zip")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "xx" in proc.stderr
    proc = run_cli("bundle", "-C", project, "-o", project / "site" / "x.zip")
    assert proc.returncode == 1 and "outside site/" in proc.stderr
    assert not (tmp_path / "x.zip").exists()
    shutil.rmtree(tmp_path, ignore_errors=True)
