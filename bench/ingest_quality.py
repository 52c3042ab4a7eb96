"""Import quality on the saved CMS pages: ours vs trafilatura vs readability-lxml (+ htmldate for dates).

    python bench/ingest_quality.py

For each page in tests/fixtures/cms, expected.toml lists sentences that must be
kept and boilerplate that must go. Kept-text recall = share of "keep" strings
found in the extracted text; boilerplate drop rate = share of "drop" strings
absent from it. Libraries get the saved bytes, as the import command does.
Missing libraries are skipped (pip install trafilatura readability-lxml).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "cms"


def norm(text: str) -> str:
    return " ".join(text.split())


def ours(data: bytes) -> tuple[str, dict]:
    from pipeline.ingest import import_page

    imp = import_page(data)
    a = imp.article
    return imp.text, {"title": a.title, "date": a.date, "author": a.author}


def trafilatura_(data: bytes) -> tuple[str, dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(data, include_links=True, include_images=True, with_metadata=True,
                                      as_dict=True)
    if not doc:
        return "", {}
    return doc.get("text") or "", {"title": doc.get("title"), "date": doc.get("date"), "author": doc.get("author")}


def readability_(data: bytes) -> tuple[str, dict]:
    from lxml import html as lhtml
    from readability import Document

    doc = Document(data)
    text = lhtml.fromstring(doc.summary()).text_content()
    return text, {"title": doc.short_title()}


def htmldate_(data: bytes) -> str | None:
    from htmldate import find_date

    from pipeline.ingest import decode_html

    return find_date(decode_html(data)[0], original_date=True)


def main() -> None:
    expected = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
    tools = {"ours (bs4+lxml rules)": ours, "trafilatura": trafilatura_, "readability-lxml": readability_}
    totals = {name: [0, 0, 0, 0, 0, 0] for name in tools}  # keep hit, keep n, drop ok, drop n, meta ok, meta n
    date_ok = {"ours": 0, "htmldate": 0}
    print(f"{'page':38} {'tool':22} {'kept':>9} {'dropped':>9}  metadata")
    for page, exp in expected.items():
        data = (FIXTURES / page).read_bytes()
        for name, fn in tools.items():
            try:
                text, meta = fn(data)
            except ModuleNotFoundError:
                continue
            except Exception as exc:  # noqa: BLE001 - a library failing on a page is a result too
                text, meta = "", {"error": type(exc).__name__}
            text = norm(re.sub(r"\s+([,.])", r"\1", text))
            keep = sum(k in text for k in exp["keep"])
            drop = sum(d not in text for d in exp["drop"])
            meta_ok = [f for f in ("title", "date", "author") if meta.get(f) and str(meta[f]).startswith(exp[f])]
            t = totals[name]
            for i, value in enumerate((keep, len(exp["keep"]), drop, len(exp["drop"]), len(meta_ok), 3)):
                t[i] += value
            print(f"{page:38} {name:22} {keep:>4}/{len(exp['keep']):<4} {drop:>4}/{len(exp['drop']):<4} "
                  f"{','.join(meta_ok) or '-'}")
        try:
            date_ok["htmldate"] += htmldate_(data) == exp["date"]
        except ModuleNotFoundError:
            pass
        date_ok["ours"] += ours(data)[1]["date"] == exp["date"]
    print()
    for name, t in totals.items():
        if t[1]:
            print(f"{name:22} kept-text recall {t[0] / t[1]:6.1%}   boilerplate dropped {t[2] / t[3]:6.1%}   "
                  f"metadata (title/date/author) {t[4]}/{t[5]}")
    print(f"dates exactly right: ours {date_ok['ours']}/{len(expected)}, htmldate {date_ok['htmldate']}/{len(expected)}")


if __name__ == "__main__":
    main()
