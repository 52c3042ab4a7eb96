"""Published pages tell no other host who reads them (issue 19).

A reader's browser must fetch nothing from another host: no image, script,
style, font or frame; every page carries a strict CSP; links out carry
``rel="noreferrer"``. Checked twice: by reading every file of a built site,
and by loading every page in headless Chromium with its network log on.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from conftest import copy_sample, needs, run_cli
from pipeline.publish import safety

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FETCHING = {"img": "src", "script": "src", "iframe": "src", "frame": "src", "embed": "src", "object": "data",
            "source": "src", "video": "src", "audio": "src", "track": "src"}


def fetched_elsewhere(html_path: Path) -> list[str]:
    """Every address in the page that a browser would fetch from another host by itself."""
    doc = lxml.html.document_fromstring(html_path.read_bytes())
    bad = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        attr = FETCHING.get(el.tag)
        if attr and safety.is_external(el.get(attr)):
            bad.append(f"<{el.tag} {attr}={el.get(attr)}>")
        if el.tag == "link" and set((el.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "prefetch",
                                                                          "preconnect", "dns-prefetch"}:
            if safety.is_external(el.get("href")):
                bad.append(f"<link {el.get('rel')} {el.get('href')}>")
        for attr in ("srcset", "poster"):
            if el.get(attr) and re.search(r"(^|[\s,])(https?:)?//", el.get(attr)):
                bad.append(f"<{el.tag} {attr}={el.get(attr)}>")
        if re.search(r"url\(\s*['\"]?(https?:)?//", el.get("style") or ""):
            bad.append(f"<{el.tag} style={el.get('style')}>")
    return bad


def csp_of(html_path: Path) -> str | None:
    doc = lxml.html.document_fromstring(html_path.read_bytes())
    metas = doc.xpath("//head/meta[translate(@http-equiv,'CSP','csp')='content-security-policy']")
    return metas[0].get("content") if metas else None


def strict(csp: str | None) -> bool:
    if not csp:
        return False
    rules = {r.split()[0]: r.split()[1:] for r in csp.split(";") if r.split()}
    default = rules.get("default-src", [])
    allowed = {"'self'", "'none'", "data:"}
    return default in (["'self'"], ["'none'"]) and all(set(v) <= allowed for v in rules.values())


# ------------------------------------------------------------------ the page-level rules
UNSAFE_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hosts</title><meta name="date" content="2024-05-02">
<link rel="stylesheet" href="https://fonts.example.net/css?family=Serif">
<link rel="preconnect" href="https://cdn.example-news.com">
<script src="https://tracker.example.net/t.js"></script>
</head><body><article><h1>Hosts</h1>
<p>Before <img src="https://cdn.example-news.com/photo.jpg" alt="The court building"> after.</p>
<p><a href="https://news.example-news.com/story"><img src="//cdn.example-news.com/thumb.jpg" alt=""></a></p>
<p>A <a href="https://support.example.org/donate">donation page</a> and a <a href="#top">jump</a>.</p>
<p><img src="photo-local.jpg" alt="Local" srcset="https://cdn.example-news.com/big.jpg 2x"></p>
<iframe src="https://video.example.net/embed/1"></iframe>
<p style="background: url(https://cdn.example-news.com/bg.png)">Styled paragraph text here.</p>
</article></body></html>
"""


def test_harden_makes_a_page_load_nothing_from_other_hosts(tmp_path):
    doc = lxml.html.document_fromstring(UNSAFE_ARTICLE)
    changed = safety.harden(doc, "en")
    page = tmp_path / "page.html"
    page.write_text(lxml.html.tostring(doc, encoding="unicode"), encoding="utf-8")
    assert fetched_elsewhere(page) == []
    assert strict(csp_of(page))
    assert doc.find(".//head/meta[@name='referrer']").get("content") == "no-referrer"
    # The reader can still choose to see the picture: it became a link with its alt text as words.
    link = doc.xpath("//a[@class='external-media']")[0]
    assert link.text == "The court building" and "noreferrer" in link.get("rel")
    assert link.get("href") == "https://cdn.example-news.com/photo.jpg"
    # Every link out sends no referrer; links inside the page are left alone.
    for a in doc.iter("a"):
        if a.get("href", "").startswith("http"):
            assert "noreferrer" in a.get("rel", "").split()
        else:
            assert a.get("rel") is None
    # Our own image stays, minus the foreign high-resolution candidate.
    local = doc.xpath("//img[@src='photo-local.jpg']")[0]
    assert local.get("srcset") is None
    assert len(changed) >= 6 and any("tracker.example.net" in c for c in changed)


def test_csp_is_first_in_head_and_not_repeated():
    doc = lxml.html.document_fromstring(UNSAFE_ARTICLE)
    safety.harden(doc, "en")
    safety.harden(doc, "en")
    head = doc.find("head")
    assert head[0].get("charset") == "utf-8"
    assert head[1].get("http-equiv") == "Content-Security-Policy"
    assert len(head.xpath("meta[@http-equiv='Content-Security-Policy']")) == 1


# ------------------------------------------------------------------ a built site
SETTINGS = """[tool.tamizdat]
source_language = "en"
languages = ["ru", "de"]
site_title = "Tamizdat safety test"
base_url = "https://example.org/t/"

[tool.tamizdat.publish]
threshold = 0
below_threshold = "partial"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_sample(tmp_path_factory.mktemp("safe-site"), SETTINGS)
    (root / "articles" / "hosts.html").write_text(UNSAFE_ARTICLE, encoding="utf-8")
    proc = run_cli("build", "-C", root)
    assert proc.returncode == 0, proc.stderr
    assert "tracker.example.net" in proc.stderr  # the editor is told what was taken out
    proc = run_cli("review", "-C", root)
    assert proc.returncode == 0, proc.stderr
    return root


def test_every_page_of_the_site_and_review_is_safe(site):
    pages = sorted((site / "site").rglob("*.html")) + sorted((site / "review").rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        assert fetched_elsewhere(page) == [], page
        assert strict(csp_of(page)), page
        doc = lxml.html.document_fromstring(page.read_bytes())
        for a in doc.iter("a"):
            href = a.get("href") or ""
            if safety.is_external(href):
                assert "noreferrer" in (a.get("rel") or "").split(), (page, href)
            else:
                # Links between our own pages and files are relative: the site works from any host.
                assert not href.startswith("/"), (page, href)
        for el in doc.xpath("//link[@rel='stylesheet'] | //img"):
            assert not safety.is_external(el.get("href") or el.get("src")), (page, el.attrib)
    # The sitemap and feeds keep absolute addresses, as their formats require.
    assert "<loc>https://example.org/t/" in (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="https://example.org/t/ru/' in (site / "site" / "ru" / "feed.xml").read_text(encoding="utf-8")


# ------------------------------------------------------------------ a real browser, network logged
class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page_requests(netlog: Path, origin: str) -> list[str]:
    """The addresses the pages asked for (not Chromium's own background traffic): requests whose
    initiator or first-party site is the served site."""
    text = netlog.read_text(encoding="utf-8").rstrip().rstrip(",")
    if not text.endswith("}"):
        text = text.rstrip(",\n") + "]}"  # a log cut short when the browser quit
    log = json.loads(text)
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    host = urlsplit(origin).hostname
    urls = []
    for event in log["events"]:
        p = event.get("params") or {}
        if event["type"] != start or "url" not in p:
            continue
        if p.get("initiator", "").startswith(origin) or f"site=http://{host}" in p.get("site_for_cookies", ""):
            urls.append(p["url"])
    return urls


def load_all(tmp_path: Path, folder: Path, pages: list[Path]) -> list[str]:
    """Load every page (each in a frame of one probe page) from a local server, returning what was requested."""
    server = serve(folder)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        frames = "".join(f'<iframe src="/{p.relative_to(folder).as_posix()}"></iframe>' for p in pages)
        (folder / "_probe.html").write_text(f"<!DOCTYPE html><title>probe</title>{frames}", encoding="utf-8")
        netlog = tmp_path / "net.json"
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}",
               "--virtual-time-budget=8000", "--dump-dom", f"{origin}/_probe.html"]
        subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        return page_requests(netlog, origin)
    finally:
        server.shutdown()
        (folder / "_probe.html").unlink()


@needs(CHROMIUM is not None, "chromium is not installed (apt-get install chromium)")
def test_chromium_sees_no_third_party_request(site, tmp_path):
    pages = sorted((site / "site").rglob("*.html"))
    requested = load_all(tmp_path / "site", site / "site", pages)
    hosts = {urlsplit(u).hostname for u in requested}
    assert hosts == {"127.0.0.1"}, sorted(u for u in requested if urlsplit(u).hostname != "127.0.0.1")
    loaded = {urlsplit(u).path for u in requested}
    assert {"/style.css", "/ru/hosts.html", "/en/index.html"} <= loaded  # the pages really were loaded

    # The same probe on the unhardened page does see the third parties: the log would catch a leak.
    (site / "unsafe").mkdir(exist_ok=True)
    (site / "unsafe" / "page.html").write_text(UNSAFE_ARTICLE, encoding="utf-8")
    requested = load_all(tmp_path / "unsafe", site / "unsafe", [site / "unsafe" / "page.html"])
    assert "cdn.example-news.com" in {urlsplit(u).hostname for u in requested}
