"""How well ``tamizdat adopt`` recovers a catalogue from a published translation, against po4a-gettextize
and a position-based baseline, on page pairs made from real gnu.org translations.

    python bench/adopt_quality.py [--corpus ../shared/corpus/gnu-www-fr] [--limit N] [--set dev|held|all] [--kind K …]

Each French gnu.org catalogue of 2017 gives a source page (its msgids) and a translated page (its
msgstrs, block for block). The translated page is then perturbed the ways real ones differ: a
paragraph split or merged by the translator, one missing, a translator's note and credits added,
two paragraphs swapped, site chrome around the article, a source paragraph edited after the
translation was made, a translation of an older version of two paragraphs (a sentence added to one
since, one dropped from the other). A non-fuzzy msgstr is *right* when its text is the translation of that block
(tags aside); precision is right / non-fuzzy, recall is right / blocks that have a translation.
Pages whose path hashes below 30 % are the held-aside set, never looked at while tuning.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.adopt import adopt  # noqa: E402
from pipeline.adopt.blocks import page_blocks  # noqa: E402
from pipeline.catalog import pofile  # noqa: E402
from pipeline.segment.htmltext import parse_html  # noqa: E402
from pipeline.segment import segment  # noqa: E402
from pipeline.core.sentences import split  # noqa: E402

INLINE_ONLY = re.compile(r"</?(?!(?:a|em|strong|code|b|i|span|cite|abbr|br|small|sup|sub|kbd|samp|var|q|tt|dfn)\b)"
                         r"[a-zA-Z]")
KINDS = ("none", "split", "merge", "drop", "note", "reorder", "chrome", "older", "outdated")
CHROME_TOP = ('<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/a-propos">À propos</a></li>'
              '<li><a href="/contact">Contact</a></li></ul></nav></header>'
              '<aside><p>Lire aussi : nos autres articles sur la liberté du logiciel.</p></aside>')
CHROME_END = ('<footer><p>© 2017 Exemple. Tous droits réservés.</p><p>Suivez-nous sur les réseaux.</p></footer>'
              '<form><label>Recherche</label><input name="q"></form>')


def held_aside(path: Path) -> bool:
    return int(hashlib.sha1(path.name.encode()).hexdigest(), 16) % 100 < 30


def pairs_of(po_path: Path) -> list[tuple[str, str]]:
    po = pofile.parse(po_path.read_bytes(), str(po_path))
    out = []
    for e in po:
        if (not e.msgid or e.obsolete or e.msgid_plural or "fuzzy" in e.flags or not e.msgstr
                or INLINE_ONLY.search(e.msgid) or INLINE_ONLY.search(e.msgstr)):
            continue
        out.append((e.msgid, e.msgstr))
    return out


def page(lang: str, title: str, blocks: list[str], top: str = "", end: str = "", article: bool = True) -> bytes:
    body = "".join(blocks)
    if article:
        body = f"<article>{body}</article>"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{top}{body}{end}</body></html>").encode()


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])", text) if s]


def perturb(kind: str, pairs: list[tuple[str, str]], rng: random.Random):
    """Source and translated blocks, and the translation each source block should get (None: none)."""
    src = [f"<p>{s}</p>" for s, _ in pairs]
    truth: list[str | None] = [t for _, t in pairs]
    dst = [f"<p>{t}</p>" for _, t in pairs]
    top = end = ""
    article = True
    n = len(pairs)
    if kind == "split":
        cands = [i for i, (_, t) in enumerate(pairs) if len(_sentences(t)) >= 2 and "<" not in t]
        for i in rng.sample(cands, min(2, len(cands))):
            ss = _sentences(pairs[i][1])
            k = len(ss) // 2
            dst[i] = f"<p>{' '.join(ss[:k])}</p><p>{' '.join(ss[k:])}</p>"
    elif kind == "merge" and n >= 4:
        i = rng.randrange(1, n - 1)
        dst[i] = f"<p>{pairs[i][1]} {pairs[i + 1][1]}</p>"
        dst[i + 1] = ""
    elif kind == "drop" and n >= 3:
        i = rng.randrange(1, n)
        dst[i] = ""
        truth[i] = None
    elif kind == "note":
        i = rng.randrange(1, n)
        dst[i] = dst[i] + "<p>Note du traducteur : ce terme désigne ici une pratique propre au projet GNU.</p>"
        dst.append("<p>Traduction : Thérèse Godefroy. Révision : trad-gnu@april.org</p>")
    elif kind == "reorder" and n >= 6:
        i = rng.randrange(1, n - 3)
        j = rng.randrange(i + 2, n)
        dst[i], dst[j] = dst[j], dst[i]
    elif kind == "chrome":
        top, end, article = CHROME_TOP, CHROME_END, False
    elif kind == "older":
        for i in rng.sample(range(1, n), min(2, n - 1)):
            src[i] = f"<p>{pairs[i][0]} This paragraph was revised in 2024 after new facts emerged.</p>"
            truth[i] = None
    elif kind == "outdated":
        # The translation is of an older version of two paragraphs: since then a sentence was added to one
        # (the translation lacks it) and dropped from the other (the translation still has it).
        cands = [i for i, (s, t) in enumerate(pairs) if i and len(split(s)) >= 2 and len(split(t)) >= 2]
        for k, i in enumerate(rng.sample(cands, min(2, len(cands)))):
            s_sents, t_sents = split(pairs[i][0]), split(pairs[i][1])
            if k == 0:
                t_sents.pop(rng.randrange(len(t_sents)))
                dst[i] = f"<p>{' '.join(t_sents)}</p>"
            else:
                s_sents.pop(rng.randrange(len(s_sents)))
                src[i] = f"<p>{' '.join(s_sents)}</p>"
            truth[i] = None
    title_src, title_dst = pairs[0]
    return (page("en", title_src, [f"<h1>{title_src}</h1>", *src[1:]]),
            page("fr", title_dst, [f"<h1>{title_dst}</h1>", *dst[1:]], top, end, article), truth)


def _norm(text: str | None) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text or "")).split())


def _src_blocks(source: bytes) -> list[str]:
    return [b.text for b in page_blocks(segment(parse_html(source, "s.html")), chrome=False).body]


def score(answers: dict[str, tuple[str, bool]], msgids: list[str], truth: list[str | None], counts: dict) -> None:
    for msgid, want in zip(msgids, truth):
        got = answers.get(msgid)
        if want is not None:
            counts["want"] += 1
        if got is None or not got[0]:
            continue
        if got[1]:
            counts["fuzzy"] += 1
            continue
        counts["given"] += 1
        if want is not None and _norm(got[0]) == _norm(want):
            counts["right"] += 1


def ours(source: bytes, translation: bytes) -> dict[str, tuple[str, bool]]:
    r = adopt(source, "src.html", translation, "dst.html")
    return {k: (v.msgstr, v.fuzzy) for k, v in r.entries.items()}


def by_position(source: bytes, translation: bytes) -> dict[str, tuple[str, bool]]:
    s = page_blocks(segment(parse_html(source, "s.html")), chrome=False).body
    root = parse_html(translation, "t.html")
    t = page_blocks(segment(root)).body
    return {a.text: (b.text, False) for a, b in zip(s, t)}


def po4a(source: bytes, translation: bytes, tmp: Path) -> dict[str, tuple[str, bool]]:
    """po4a-gettextize's answers, keyed by our msgids through their plain text (its segmentation differs).
    It marks every entry fuzzy for review; its msgstrs are counted as given."""
    (tmp / "s.html").write_bytes(source)
    (tmp / "t.html").write_bytes(translation)
    out = tmp / "o.po"
    out.unlink(missing_ok=True)
    proc = subprocess.run(["po4a-gettextize", "-f", "xhtml", "-m", "s.html", "-l", "t.html", "-M", "UTF-8",
                           "-L", "UTF-8", "-p", "o.po"], cwd=tmp, capture_output=True)
    if proc.returncode or not out.exists():
        return {}
    po = pofile.parse(out.read_bytes(), str(out))
    theirs = {_norm(html.escape(e.msgid, quote=False)): e.msgstr for e in po if e.msgid}
    return {m: (theirs[_norm(m)], False) for m in _src_blocks(source) if _norm(m) in theirs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "gnu-www-fr"))
    ap.add_argument("--limit", type=int, default=80, help="catalogues per set (default 80)")
    ap.add_argument("--set", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--no-po4a", action="store_true")
    ap.add_argument("--kind", choices=KINDS, action="append", help="only these perturbations (repeatable)")
    args = ap.parse_args()
    files = sorted(Path(args.corpus).rglob("*.fr.po"))
    files = [f for f in files if "/server/" not in str(f) and "compendia" not in str(f)]
    sets = {"dev": [f for f in files if not held_aside(f)], "held": [f for f in files if held_aside(f)]}
    names = ["dev", "held"] if args.set == "all" else [args.set]
    tools = ["tamizdat adopt", "by position"] + ([] if args.no_po4a or not shutil.which("po4a-gettextize")
                                                 else ["po4a-gettextize"])
    print("| set | perturbation | tool | precision | recall | fuzzy offered | pages |")
    print("|---|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name in names:
            docs = [(f, p) for f in sets[name] if len(p := pairs_of(f)) >= 6][: args.limit]
            for kind in args.kind or KINDS:
                totals = {t: dict(want=0, given=0, right=0, fuzzy=0) for t in tools}
                for f, pairs in docs:
                    rng = random.Random(f"{f.name}:{kind}")
                    source, translation, truth = perturb(kind, pairs[:40], rng)
                    msgids = _src_blocks(source)
                    if len(msgids) != len(truth):
                        continue  # our segmentation of this page differs from its catalogue (nested blocks)
                    for tool in tools:
                        answers = (ours(source, translation) if tool == "tamizdat adopt"
                                   else by_position(source, translation) if tool == "by position"
                                   else po4a(source, translation, tmp))
                        score(answers, msgids, truth, totals[tool])
                for tool in tools:
                    c = totals[tool]
                    p = c["right"] / c["given"] if c["given"] else 0.0
                    r = c["right"] / c["want"] if c["want"] else 0.0
                    print(f"| {name} | {kind} | {tool} | {p:.3f} | {r:.3f} | {c['fuzzy']} | {len(docs)} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
