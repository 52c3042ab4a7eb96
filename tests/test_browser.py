"""Debian's Chromium, headless, over a built left-to-right and right-to-left page.

Takes a phone-sized screenshot of each, and measures in the page itself
(a probe page frames it and writes the numbers into its DOM, read back with
--dump-dom): the language switcher is visible and inside the viewport, the
page has no horizontal overflow, and the RTL page really runs right to left.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import copy_sample, needs

from test_site_build import SETTINGS, SLUG, arabic_pseudo, build, edit_po

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 390, 844  # a small phone: where overflow shows first
PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
<iframe id="f" style="width:{w}px;height:{h}px;border:0" src="{src}"></iframe><pre id="out">pending</pre>
<script>
document.getElementById('f').addEventListener('load', function () {{
  var d = this.contentDocument, w = this.contentWindow, out = {{}};
  try {{
    var root = d.documentElement;
    out.scrollWidth = root.scrollWidth; out.clientWidth = root.clientWidth;
    var nav = d.querySelector('nav.language-switcher'), r = nav.getBoundingClientRect(), cs = w.getComputedStyle(nav);
    out.nav = {{left: r.left, right: r.right, width: r.width, height: r.height, visibility: cs.visibility,
               display: cs.display, links: nav.querySelectorAll('a').length}};
    out.direction = w.getComputedStyle(d.body).direction;
    var range = d.createRange(), p = d.querySelector('article p');
    range.selectNodeContents(d.querySelector('article p'));
    var lines = range.getClientRects(), h = lines[lines.length - 1];  // the last line is the short one
    out.h1 = {{left: h.left, right: h.right}};
    out.textAlign = w.getComputedStyle(p).textAlign;
  }} catch (e) {{ out.error = String(e); }}
  document.getElementById('out').textContent = JSON.stringify(out);
}});
</script></body></html>
"""

pytestmark = needs(CHROMIUM is not None, "chromium is not installed (apt-get install chromium)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_sample(tmp_path_factory.mktemp("browser-site"), SETTINGS)
    assert build(root) == 0
    edit_po(root / "locales/ar" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", arabic_pseudo(e.msgid)))
    assert build(root) == 0
    return root / "site"


@pytest.mark.parametrize("lang,direction", [("en", "ltr"), ("ar", "rtl")])
def test_page_in_a_real_browser(site, tmp_path, lang, direction):
    page = site / lang / f"{SLUG}.html"
    shot = tmp_path / f"{lang}.png"
    proc = chromium(tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 5000, proc.stderr[-2000:]

    probe = tmp_path / f"probe-{lang}.html"
    probe.write_text(PROBE.format(w=WIDTH, h=HEIGHT, src=page.as_uri()), encoding="utf-8")
    proc = chromium(tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                    probe.as_uri())
    m = re.search(r'<pre id="out">(.*?)</pre>', proc.stdout, re.S)
    assert m and m.group(1) != "pending", proc.stderr[-2000:]
    found = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert "error" not in found, found
    # No horizontal overflow: nothing is wider than the viewport.
    assert found["scrollWidth"] <= found["clientWidth"], found
    nav = found["nav"]
    assert nav["visibility"] == "visible" and nav["display"] != "none" and nav["links"] == 5
    assert nav["width"] > 0 and nav["height"] > 0
    assert 0 <= nav["left"] and nav["right"] <= found["clientWidth"]
    assert found["direction"] == direction
    if direction == "rtl":
        # A paragraph's short last line hugs the right edge, as Arabic readers expect.
        assert found["clientWidth"] - found["h1"]["right"] < found["h1"]["left"]
        assert found["textAlign"] in ("start", "right")
