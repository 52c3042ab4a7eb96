"""What a reader's browser would fetch from other hosts, before and after publishing, on real news pages.

    python bench/third_party.py [--n 181]

Imports the import-bench pages (``../shared/import-bench/html``: real news and blog pages saved "HTML only",
so their images are on the sources' servers) into a fresh project, builds it, and counts

* in the imported articles: images, and the hosts they would be fetched from (what publishing them as they
  are would cost each reader), and alt texts emptied because they were an address or a file name;
* in the built site: addresses any page would fetch from another host (``img``/``script``/``iframe``/
  stylesheet/``srcset``), and pages without the CSP.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PROJECT = """[tool.tamizdat]
source_language = "en"
languages = ["ru"]
site_title = "Third-party bench"
base_url = "https://example.org/b/"

[tool.tamizdat.publish]
threshold = 0
below_threshold = "partial"
"""


def main() -> int:
    from test_publish_safety import csp_of, fetched_elsewhere, strict

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=181)
    args = ap.parse_args()
    pages = sorted((ROOT.parent / "shared" / "import-bench" / "html").glob("*.html.gz"))[: args.n]
    work = Path(tempfile.mkdtemp())
    (work / "pyproject.toml").write_text(PROJECT, encoding="utf-8")
    imported, alts = 0, 0
    for i, gz in enumerate(pages):
        page = work / "in" / f"p{i:03d}.html"
        page.parent.mkdir(exist_ok=True)
        page.write_bytes(gzip.decompress(gz.read_bytes()))
        proc = subprocess.run([sys.executable, "-m", "pipeline", "import", str(page), "-C", str(work),
                               "--lang", "en", "--date", "2024-01-01", "--slug", f"p{i:03d}"],
                              capture_output=True, text=True)
        imported += proc.returncode == 0
        alts += proc.stderr.count("is an address or a file name")
    images, hosts = 0, Counter()
    for art in (work / "articles").glob("*.html"):
        for src in re.findall(r'<img[^>]*\ssrc="([^"]+)"', art.read_text(encoding="utf-8")):
            images += 1
            if urlsplit(src).hostname:
                hosts[urlsplit(src).hostname] += 1
    subprocess.run([sys.executable, "-m", "pipeline", "build", "-q", "-C", str(work)], capture_output=True)
    site_pages = sorted((work / "site").rglob("*.html"))
    leaks = [x for p in site_pages for x in fetched_elsewhere(p)]
    no_csp = [p for p in site_pages if not strict(csp_of(p))]
    print(f"{len(pages)} pages, {imported} imported; {images} images in the articles, "
          f"{sum(hosts.values())} of them on {len(hosts)} other hosts; {alts} alt texts emptied")
    print(f"built site: {len(site_pages)} pages, {len(leaks)} addresses fetched from other hosts, "
          f"{len(no_csp)} pages without a strict CSP")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
