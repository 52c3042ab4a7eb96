"""Headless-Chromium screenshots of what readers and editors see: the front page, a language index, an
article left to right and right to left (desktop and a 390 px phone) and the review report.

The PNGs go to ``$TAMIZDAT_SCREENSHOTS`` when it is set (to look at them), else to the test's temporary
folder. The test asserts each was made at its size and is not a blank page; test_browser.py measures
overflow and direction inside the page.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, copy_sample, run_cli
from test_browser import CHROMIUM, chromium
from test_site_build import SLUG, arabic_pseudo, edit_po

DESKTOP, PHONE = (1280, 900), (390, 844)
SHOTS = [
    ("top-index", "site/index.html", DESKTOP),
    ("ru-index", "site/ru/index.html", DESKTOP),
    ("en-article", f"site/en/{SLUG}.html", DESKTOP),
    ("en-article-phone", f"site/en/{SLUG}.html", PHONE),
    ("ar-article", f"site/ar/{SLUG}.html", DESKTOP),
    ("ar-article-phone", f"site/ar/{SLUG}.html", PHONE),
    ("review-ru", "review/ru.html", DESKTOP),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing; .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    settings = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    settings = settings.replace('languages = ["ru", "de", "fr"]', 'languages = ["ru", "de", "fr", "ar"]')
    settings += '\n[tool.tamizdat.publish.languages.ar]\nbelow_threshold = "partial"\n'
    root = copy_sample(tmp_path_factory.mktemp("screenshots"), settings)
    assert run_cli("build", cwd=root).returncode == 0
    # Arabic: a stand-in translation of every entry but one, which shows as an English passage.
    edit_po(root / "locales/ar" / f"{SLUG}.po",
            lambda i, e: setattr(e, "msgstr", "" if i == 5 else arabic_pseudo(e.msgid)))
    r = run_cli("build", cwd=root)
    assert r.returncode == 0, r.stderr
    assert run_cli("review", cwd=root).returncode == 0
    return root


def _png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the first rows): a blank page has very few."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    return width, height, len(set(pixels[: width * 4 * 200]))


@pytest.mark.parametrize("name,page,size", SHOTS, ids=[s[0] for s in SHOTS])
def test_screenshot(project, tmp_path, name, page, size):
    out = Path(os.environ.get("TAMIZDAT_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    shot = out / f"{name}.png"
    shot.unlink(missing_ok=True)
    proc = chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
                    "--force-device-scale-factor=1", (project / page).as_uri())
    assert shot.is_file(), proc.stderr[-2000:]
    width, height, colours = _png_size_and_colours(shot)
    assert (width, height) == size
    assert colours > 20  # text, links and rules, not an empty page
    shutil.rmtree(tmp_path / "chromium-profile", ignore_errors=True)
