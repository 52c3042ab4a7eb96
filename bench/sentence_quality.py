"""Sentence-boundary precision and recall of our splitter against public sentence-split text, beside the
segmenters we could use instead: razdel (Russian) and pySBD (the Pragmatic Segmenter's rules).

    python bench/sentence_quality.py [--set dev|held|all] [--show-errors]

Data (``bench/data/sentences/``, sources and licences in its README): paragraphs rebuilt from Universal
Dependencies test treebanks (``ud/<lang>.txt``) and pySBD's "golden rules" test cases (``golden/<lang>.txt``),
one gold sentence a line, a blank line between paragraphs. A paragraph is the sentences joined by one space.
A *boundary* is the offset where a sentence other than a paragraph's first begins; precision is right /
boundaries a tool gives, recall is right / gold boundaries.

Every third paragraph (the 3rd, 6th …) of each file is held aside: our splitter's rules were tuned on the
others only.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.core.sentences import split  # noqa: E402

DATA = ROOT / "bench" / "data" / "sentences"
LANGS = ("en", "ru", "de", "fr", "uk")
CORPORA = ("ud", "golden")


def paragraphs(path: Path) -> list[list[str]]:
    """The gold sentences of each paragraph of a data file."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def held_aside(index: int) -> bool:
    return index % 3 == 2


def boundaries(text: str, sentences: list[str]) -> set[int]:
    """Where each sentence but the first starts in ``text`` (sentences found in order)."""
    found: set[int] = set()
    cursor = 0
    for k, sentence in enumerate(sentences):
        sentence = sentence.strip()
        if not sentence:
            continue
        at = text.find(sentence, cursor)
        if at < 0:
            raise ValueError(f"sentence not found in its paragraph: {sentence[:60]!r}")
        if k and at > 0:
            found.add(at)
        cursor = at + len(sentence)
    return found


def ours(text: str, lang: str) -> list[str]:
    # Our splitter reads msgid-form text, where "&" and "<" are escaped.
    return [html.unescape(s) for s in split(html.escape(text, quote=False))]


def _razdel() -> Callable[[str, str], list[str]] | None:
    try:
        from razdel import sentenize
    except ImportError:
        return None
    return lambda text, lang: [s.text for s in sentenize(text)]


def _pysbd() -> Callable[[str, str], list[str]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    cache: dict[str, object] = {}

    def run(text: str, lang: str) -> list[str]:
        seg = cache.get(lang)
        if seg is None:
            # pySBD has no Ukrainian rules; its Russian ones are the nearest.
            seg = cache[lang] = pysbd.Segmenter(language="ru" if lang == "uk" else lang, clean=False)
        return seg.segment(text)  # type: ignore[attr-defined]

    return run


def tools() -> dict[str, Callable[[str, str], list[str]] | None]:
    return {"ours": ours, "razdel": _razdel(), "pySBD": _pysbd()}


def score(tool: Callable[[str, str], list[str]], lang: str, paras: list[list[str]],
          errors: list[str] | None = None) -> tuple[int, int, int]:
    """(right, given, gold) boundaries over the paragraphs."""
    right = given = gold = 0
    for sentences in paras:
        text = " ".join(sentences)
        want = boundaries(text, sentences)
        got = boundaries(text, tool(text, lang))
        right += len(want & got)
        given += len(got)
        gold += len(want)
        if errors is not None:
            for at in sorted(want ^ got):
                kind = "missed" if at in want else "wrong"
                errors.append(f"{lang} {kind}: …{text[max(0, at - 50):at]}‖{text[at:at + 30]}…")
    return right, given, gold


def prf(right: int, given: int, gold: int) -> str:
    p = right / given if given else 1.0
    r = right / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--show-errors", action="store_true", help="print our splitter's wrong and missed boundaries")
    args = ap.parse_args()
    available = tools()
    names = [n for n, t in available.items() if t is not None]
    missing = [n for n, t in available.items() if t is None]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (pip install {' '.join(m.lower() for m in missing)})")
    sets = ["dev", "held"] if args.set == "all" else [args.set]
    print("Boundary precision / recall / F1")
    print("| data | lang | set | boundaries | " + " | ".join(names) + " |")
    print("|---|---|---|---:|" + "---|" * len(names))
    errors: list[str] = []
    for corpus in CORPORA:
        for lang in LANGS:
            path = DATA / corpus / f"{lang}.txt"
            if not path.exists():
                continue
            every = paragraphs(path)
            for which in sets:
                paras = [p for i, p in enumerate(every) if held_aside(i) == (which == "held")]
                cells = []
                gold = 0
                for name in names:
                    tool = available[name]
                    assert tool is not None
                    if name == "razdel" and lang not in ("ru", "uk"):
                        cells.append("–")
                        continue
                    log = errors if (args.show_errors and name == "ours") else None
                    right, given, gold = score(tool, lang, paras, log)
                    note = " (ru rules)" if lang == "uk" and name != "ours" else ""
                    cells.append(prf(right, given, gold) + note)
                print(f"| {corpus} | {lang} | {which} | {gold} | " + " | ".join(cells) + " |", flush=True)
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
