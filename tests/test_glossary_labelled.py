"""Precision and recall of inflection-aware matching on a hand-labelled set.

Each row of tests/data/glossary/labelled.tsv says whether a concept must be
found in a sentence (in an approved or source form, or as a forbidden
translation) or must not be (a trap). Run this file directly to print the
figures and the misses.
"""

from __future__ import annotations

from pathlib import Path


from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "glossary" / "labelled.tsv"


def rows():
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, concept, expect, text = line.split("\t")
            yield lang, concept, expect, text


def score():
    g = load_glossary(ROOT / "glossary" / "glossary.toml")
    tp = fp = fn = tn = 0
    misses = []
    for lang, concept, expect, text in rows():
        hits = [h for h in g.find(text, lang, overlapping=True) if h.concept.id == concept]
        kinds = {"forbidden" if h.kind == "forbidden" else "hit" for h in hits}
        if expect == "none":
            if hits:
                fp += 1
                misses.append(("FP", lang, concept, text, [h.form for h in hits]))
            else:
                tn += 1
        elif expect in kinds:
            tp += 1
            if kinds - {expect}:
                fp += 1  # also reported as the other kind: a wrong finding
                misses.append(("FP", lang, concept, text, [(h.form, h.kind) for h in hits]))
        else:
            fn += 1
            misses.append(("FN", lang, concept, text, [(h.form, h.kind) for h in hits]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn, tn, misses


def test_labelled_set_is_big_enough_and_covers_three_languages():
    data = list(rows())
    assert len(data) >= 150
    for lang in ("ru", "de", "fr"):
        assert sum(1 for r in data if r[0] == lang) >= 40
        assert any(r[0] == lang and r[2] == "none" for r in data)
        assert any(r[0] == lang and r[2] == "forbidden" for r in data)


def test_precision_and_recall_at_least_095():
    precision, recall, *_rest, misses = score()
    assert precision >= 0.95 and recall >= 0.95, misses


if __name__ == "__main__":
    p, r, tp, fp, fn, tn, misses = score()
    print(f"pairs={len(list(rows()))}")
    print(f"precision={p:.3f} recall={r:.3f} tp={tp} fp={fp} fn={fn} tn={tn}")
    for m in misses:
        print(*m, sep="\t")
