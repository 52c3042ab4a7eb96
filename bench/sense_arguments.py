"""The learnt sense decision with and without the term's argument classes (glossary/arguments.py), leave-one-set-out
per set and per language, and in-sample: what bench/train_sense.py's --loso pools, broken down.

    python bench/sense_arguments.py --threshold 0.4 --promote 0.4            # both sides at one pair
    python bench/sense_arguments.py --threshold 0.4 --promote 0.4 --rows de  # and the German false alarms, listed

Per development set, each side's model is trained on the other sets (bench/sense_fit.py's train_fold, form
concept) and the set is scored by the check with it (bench/glossary_quality.py's scorer); in-sample, one model
trained on every set scores all of them (a fit, not a result). The criterion (bench/criterion.py) reads
bench/train_sense.py --loso --sweep's pooled figures; this script says where they come from.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import sense_fit  # noqa: E402
from glossary_quality import PARTS, pr, read_pairs, score  # noqa: E402
from sense_instances import instances  # noqa: E402


def _scored(part: str, model_file: Path):
    from pipeline.glossary import learnt_sense, load_glossary

    os.environ["TAMIZDAT_SENSE_MODEL"] = str(model_file)
    learnt_sense._loaded.clear()
    return score(load_glossary(REPO / "glossary" / "glossary.toml"), read_pairs(PARTS[part]))


def side(insts, docs, arguments: bool, threshold: float, promote: float | None, loso: bool, folder: Path):
    """Per set: (counts per language [tp, fp, fn, tn], misses) with the argument feature on or off."""
    sense_fit.ARGUMENTS = arguments
    out = {}
    whole = None
    for part in PARTS:
        if loso:
            model, t, lex = sense_fit.train_fold(insts, docs, part, "own", threshold, "concept")
        elif whole is None:
            whole = sense_fit.train(insts, docs, "own", threshold, "concept")
        model, t, lex = (model, t, lex) if loso else whole
        f = folder / f"{part}-{int(arguments)}-{int(loso)}.json"
        sense_fit.write(model, t, lex, f, promote)
        counts, misses = _scored(part, f)
        per = defaultdict(lambda: [0, 0, 0, 0])
        for (lang, _kind), c in counts.items():
            per[lang] = [a + b for a, b in zip(per[lang], c)]
        out[part] = (dict(per), misses)
    return out


def _fmt(c: list[int]) -> str:
    return "{:.3f} / {:.3f} ({}, {})".format(*pr(c), c[1], c[2])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threshold", type=float, required=True)
    ap.add_argument("--promote", type=float)
    ap.add_argument("--rows", help="list the false alarms of this language, before and after")
    ap.add_argument("--in-sample", action="store_true", help="one model trained on every set, instead")
    args = ap.parse_args(argv)
    insts, docs = instances(PARTS)
    folder = Path(tempfile.mkdtemp(prefix="tamizdat-args-"))
    got = {a: side(insts, docs, a, args.threshold, args.promote, not args.in_sample, folder) for a in (False, True)}
    pooled = {a: defaultdict(lambda: [0, 0, 0, 0]) for a in got}
    print(f"{'set':10} {'without (P / R, FP, FN)':>28} {'with the arguments':>28}")
    for part in PARTS:
        row = []
        for a in (False, True):
            per = got[a][part][0]
            total = [sum(c[k] for c in per.values()) for k in range(4)]
            for lang, c in per.items():
                pooled[a][lang] = [x + y for x, y in zip(pooled[a][lang], c)]
            pooled[a]["all"] = [x + y for x, y in zip(pooled[a]["all"], total)]
            row.append(total)
        mark = "" if row[0][1:3] == row[1][1:3] else "  *"
        print(f"{part:10} {_fmt(row[0]):>28} {_fmt(row[1]):>28}{mark}")
    for key in ["all"] + sorted(k for k in pooled[False] if k != "all"):
        print(f"{'pooled ' + key:10} {_fmt(pooled[False][key]):>28} {_fmt(pooled[True][key]):>28}")
    if args.rows:
        for a in (False, True):
            print(f"\nfalse alarms, {args.rows}, {'with' if a else 'without'} the arguments:")
            for part in PARTS:
                for kind, line, lang, k, cid, dst, _why in got[a][part][1]:
                    if kind == "FP" and lang == args.rows:
                        print(f"  {part}:{line} {k} {cid}: {dst[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
