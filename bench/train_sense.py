"""Train the learnt sense decision (pipeline/glossary/learnt_sense.py) on the labelled sentence pairs, and measure it
leave-one-set-out.

    python bench/train_sense.py --instances          # list every occurrence the decision reads, with its label
    python bench/train_sense.py --loso               # per set: trained on all the others, scored with
                                                     # bench/glossary_quality.py's scorer, before vs after
    python bench/train_sense.py --loso --learner sklearn   # the same with scikit-learn's LogisticRegression
    python bench/train_sense.py --loso --threshold 0.4     # a fixed threshold instead: what a looser one trades
    python bench/train_sense.py --probs              # every instance's leave-one-set-out probability, and the AUC
    python bench/train_sense.py --loso --sweep 0.2,0.3,0.4,0.5   # and the threshold the criterion chooses
    python bench/train_sense.py --write --threshold 0.4   # train on every development set, write the model file

An instance is a (source sentence, concept) whose occurrences are all everyday-ambiguous variants (the lint's
criterion) that the hand rules left in the glossary's sense and did not make a question. Its label comes from
the pairs files: a labelled violation in any language, or a row of any kind but ``homonym``, is the prison sense;
a ``homonym`` row with every language labelled ``ok`` where the check (without the learnt decision) reports an
error is the everyday sense; a ``homonym`` row with no error says nothing and is left out (``HAND`` corrects what
reading the sentences showed to be labelled wrong by that rule).

The lexicon (each word stem's lean to prison or everyday prose) is learnt from the training sets' sentences; the
training instances' lexicon feature is cross-fitted (from the other training sets), so that the weights are not
fitted to words that predict their own sentence. The shipped threshold and promote are chosen by ``--loso --sweep
… --promote-sweep …`` by the criterion of bench/criterion.py, the same by which bench/sense_conditions.py chooses
the glossary's sense conditions: the least pooled leave-one-set-out cost, false alarms + 2 x missed violations (each
set scored by the model trained on the others; on a tie fewer missed, then the shipped pair), and written with
``--write --threshold T --promote Q``. (Until the eleventh session the threshold was the highest pooled
leave-one-set-out min(precision, recall) with pooled recall at least 0.95: a second criterion that disagreed with
the conditions'.) Without ``--threshold`` the old rule stands (each fold's in ``--loso``): the lowest that makes no
labelled violation a question in the training sets' own leave-one-set-out probabilities, never below 0.5.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import criterion  # noqa: E402
from glossary_quality import (  # noqa: E402
    PARTS, document_of, documents, pr, predictions, read_pairs, score, summarise,
)

MODEL = REPO / "pipeline" / "glossary" / "sense_model.json"
C = 0.1  # L2 strength of the logistic regression (1/C on the weights' squares)
MIN_THRESHOLD = 0.5
MIN_DOCS = 2  # a stem the lexicon keeps is met in at least this many training sentences
# Read by hand: the everyday uses the rule above labels prison (a row of another kind for one language) or leaves
# unknown (a homonym row with no error: the translation's word fits both senses, « une colonie grecque »), by
# (part, the sentence's start, concept). Every other unknown one was read as the prison sense (“His mother brought a
# parcel to the colony” in a homonym row about the parcel).
HAND_EVERYDAY = {
    ("heldout7", "Marseille began as a Greek colony", "ik"),
    ("heldout10", "The neighbours' rooster starts crowing", "petukh"),
    ("heldout10", "The ministry called her an “activist”", "aktivist"),
    ("heldout13", "Each colony on the plate grows", "ik"),
    ("heldout14", "In 2020 the SIZO's medical unit set up", "krasnaya-zona"),
    ("heldout14", "The children's summer camp next to the", "krasnaya-zona"),
    ("heldout11", "Singapore, a former colony", "ik"),
    ("heldout12", "Farmers in the Kuban say", "petukh"),
    ("heldout9", "We had a two-hour transfer in Novosibirsk", "etap"),  # (a row of kind overlap)
    ("heldout13", "The coach said he was “offended”", "petukh"),  # (negation-quote)
    ("heldout14", "At home we had our own common pot too", "obshchak"),  # (forms)
    ("heldout12", "Finally got the long visit!", "etap"),  # (overlap: the bank transfer for the room)
    # heldout17 and heldout18 (eighth session), the unknown ones read: the rest are prison's
    ("heldout17", "My mum still sends me a care package", "peredacha"),
    ("heldout17", "The hedge fund, a well-known", "aktivist"),
    ("heldout17", "Under FARA, a lobbying firm", "foreign-agent"),  # (the US law's sense, not the Russian label)
    ("heldout17", "Between 1946 and 1949 millions of CARE", "peredacha"),
    ("heldout17", "People born in the Year of the Rooster", "petukh"),
    ("heldout17", "Mission planners estimate", "ik"),
    ("heldout17", "After a short visit to Moscow", "short-visit"),  # (a mixed row: its long visit is prison's)
    ("heldout18", "Grandma's rooster wakes", "petukh"),
    ("heldout18", "He's been reading the Ramayana", "caste"),
}

# The article-grouped sets (heldout21, heldout22): the articles written in everyday senses, by the set's own
# article lines (their genre; heldout21's header: 14 fields other than prison, heldout22's: "everyday senses").
# An occurrence there with no violation is the everyday sense; in the other (prison) articles, the prison sense,
# but for a sentence whose rows are all homonym rows (read as in the older sets: everyday where the check errs).
EVERYDAY_ARTICLES = {
    "heldout21": ("Striker joins Spartak Lviv", "Parcel carrier's shares slide", "Phone maker halts software update",
                  "How an ant colony decides to move", "Stolypin's land reform", "A small farm learns to keep bees",
                  "Along the Norwegian coast", "Regional hospital reopens", "Caste census divides",
                  "Judge blocks end of humanitarian parole", "Army engineers rebuild", "Pupils send care packages",
                  "A new Anna Karenina goes on tour", "Night train to Irkutsk"),
    "heldout22": ("Band diary: the road to Leipzig", "Reading group notes: Tolstoy", "Cup week at the club"),
    # tenth session: the articles whose genre line names a field other than prison (heldout19: "not about prison";
    # heldout20: history, technology, sport, travel and cooking; heldout25: all but the two marked "prison";
    # heldout26: business news, a book review, a nature feature). Its regional digests are prison articles by
    # their genre line: their sport and business items are homonym rows, read by the rule below.
    "heldout19": ("City council approves the riverside park plan", "Railway museum reopens its engine shed",
                  "Roosters sign a striker"),
    "heldout20": ("Stolypin and the land question", "A start-up that flies your parcels",
                  "Marseille's deadline-day signing", "A week of cooking in Kerala"),
    "heldout25": ("A striker arrives, a veteran leaves", "Why your parcel is late", "Letters from a resettled village",
                  "The update that broke the sync", "An exchange semester in Michigan",
                  "Winter at the children's hospital", "Chekhov in a barn", "Night train to the Alps",
                  "Soldiers in the flood valley", "A farm that keeps everything", "The council votes on the old town",
                  "Advent in St Peter's parish", "The warehouse strike, week three", "This week in Neustadt"),
    "heldout26": ("Search engine posts record quarter", "A landowner, his muzhiki and the year 1907",
                  "The kittiwakes of Kolguev Island"),
}


def article_sense(part: str, article: str | None) -> int | None:
    """1 for an article written in everyday senses, 0 for a prison one, None outside an article."""
    if article is None:
        return None
    title = article.split(": ", 1)[1]
    return int(title.startswith(EVERYDAY_ARTICLES.get(part, ())))


@dataclass
class Instance:
    part: str
    src: str
    cid: str
    label: int | None  # 1 everyday, 0 prison, None: not known (left out)
    violation: bool
    x: list[float]
    stems: list[str]
    errors: int = 0  # rows where the check (without the decision) reports an error for the concept
    lex: float = 0.0
    weak: bool = False  # kept out only for want of a prison context (a promotion, not a question, is at stake)
    doc_stems: list[str] | None = None  # the stems of its article (the article lexicon's keys)
    doc_lex: float = 0.0


def _off():
    os.environ["TAMIZDAT_SENSE_MODEL"] = "none"


def instances(parts: dict[str, Path], glossary_path: Path = REPO / "glossary" / "glossary.toml",
              ) -> tuple[list[Instance], dict[str, list[tuple[list[str], int]]]]:
    """Every instance per part, and per part its sentences as (stems, lean label) for the lexicon. A sentence is
    read with its article where the pairs file groups rows into articles (``# article:`` lines), as ``check``
    reads a catalogue; the same sentence in two articles is two readings."""
    _off()
    from pipeline.glossary import load_glossary
    from pipeline.glossary.document import summary
    from pipeline.glossary.sense_features import features, lexicon_words
    from pipeline.glossary.source_reading import learnt_candidates, read_source
    from pipeline.glossary.topic import own_stems

    glossary = load_glossary(glossary_path)
    out: list[Instance] = []
    docs: dict[str, list[tuple[list[str], int]]] = {}
    for part, path in parts.items():
        rows = read_pairs(path)
        articles = documents(rows)
        by_src: dict[tuple, list[dict]] = defaultdict(list)
        for r in rows:
            by_src[(r["article"], r["src"])].append(r)
        docs[part] = []
        for (article, src), rs in by_src.items():
            sense = article_sense(part, article)
            source = read_source(glossary, src)
            doc = document_of(articles, rs[0])  # (the article's English sentences: alike in every language)
            about = summary(glossary, doc, src)
            preds = [predictions(glossary, r, doc) for r in rs]
            labels_here = []
            candidates, promotable = learnt_candidates(glossary, source)
            asked = [(cid, source.occurrences[cid], False) for cid in candidates]
            asked += [(cid, source.weak[cid], True) for cid in promotable]
            homonym_rows = all(r["kind"] == "homonym" for r in rs)
            for cid, hs, weak in asked:
                violation = any(r["labels"].get(cid, "ok") != "ok" for r in rs)
                if weak:
                    # Counted, the word would need its rendering in every language: the everyday sense where a
                    # translation without the approved word is labelled right (promoting it would be a false alarm).
                    # Where every translation uses it, the translators read the prison sense and nothing is at
                    # stake: left out (“the parcel … the tracking page”: Paket fits both senses).
                    used = [_renders(glossary, r, cid) for r in rs]
                    errors = sum(1 for u in used if not u)
                    label = 0 if violation else 1 if errors else None
                else:
                    errors = sum(1 for p in preds if cid in p)
                    label = 0 if violation or not homonym_rows or not errors else 1
                if not violation and any(part == p and src.startswith(s) and cid == c for p, s, c in HAND_EVERYDAY):
                    label = 1
                if sense is not None and not violation and not (sense == 0 and homonym_rows):
                    # (an article-grouped set: its article's sense; a prison article's sentence whose rows are all
                    # homonym rows keeps the sentence rule above: the writer marked an everyday sense inside it,
                    # a digest's football transfer, a money transfer in a relative's post)
                    label = sense
                others = len(source.occurrences) - (0 if weak else 1)
                # (the article's lexicon lean: per fold, from doc_stems)
                x, _words = features(glossary, src, hs, source.hits, others, bool(source.fits.get(cid)), {},
                                     weak=weak, article=about)
                stems = sorted(set(lexicon_words(glossary, src, source.hits)) - own_stems(hs[0]))
                out.append(Instance(part, src, cid, label, violation, x, stems, errors, weak=weak,
                                    doc_stems=sorted(about.stems)))
                if label is not None:
                    labels_here.append(label)
            lean = 1 if 1 in labels_here else 0 if (0 in labels_here or not all(r["kind"] == "homonym" for r in rs)) \
                else None
            if lean is not None:
                docs[part].append((sorted(set(lexicon_words(glossary, src, source.hits))), lean))
    return out, docs


def _renders(glossary, row: dict, cid: str) -> bool:
    """Whether a row's translation uses an approved word of ``cid`` (as the check promotes a weak concept)."""
    return any(h.concept.id == cid and h.kind in ("preferred", "admitted")
               for h in glossary.find(row["dst"], row["lang"], overlapping=True, derived=True))


def lexicon(docs: dict[str, list[tuple[list[str], int]]]) -> dict[str, float]:
    """Each stem's lean: the log-odds of prison prose against everyday prose among the sentences that use it, for
    stems met in at least two sentences of two sets (a word of one writer's one sentence says nothing general)."""
    n = [0, 0]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parts_of: dict[str, set[str]] = defaultdict(set)
    for part, ds in docs.items():
        for stems, lean in ds:
            n[lean] += 1
            for s in stems:
                counts[s][lean] += 1
                parts_of[s].add(part)
    out = {}
    for s, (p, e) in counts.items():
        if p + e < MIN_DOCS or len(parts_of[s]) < 2:
            continue
        lean = math.log((p + 1) / (n[0] + 2)) - math.log((e + 1) / (n[1] + 2))
        out[s] = round(max(-3.0, min(3.0, lean)), 2)
    return out


def lex_feature(stems: list[str], lex: dict[str, float]) -> float:
    found = [lex[s] for s in stems if s in lex]
    return sum(found) / len(found) if found else 0.0


def matrix(insts: list[Instance]) -> tuple[np.ndarray, np.ndarray]:
    from pipeline.glossary.sense_features import INDEX

    X = np.array([i.x for i in insts], dtype=float)
    X[:, INDEX["lexicon"]] = [i.lex for i in insts]
    X[:, INDEX["article lexicon"]] = [i.doc_lex for i in insts]
    y = np.array([i.label for i in insts], dtype=float)
    return X, y


def fit_own(X: np.ndarray, y: np.ndarray, c: float = C) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """L2-regularised logistic regression by Newton's method on standardised features: (w, b, mean, scale)."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], 1 / c)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        g = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(Z.shape[1])
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1]), mean, scale


def fit_sklearn(X: np.ndarray, y: np.ndarray, c: float = C):
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    m = LogisticRegression(C=c, max_iter=2000).fit((X - mean) / scale, y)
    return m.coef_[0], float(m.intercept_[0]), mean, scale


def fit_nb(X: np.ndarray, y: np.ndarray, c: float = C):
    """scikit-learn's Gaussian naive Bayes on the same standardised features (measured: AUC 0.71)."""
    from sklearn.naive_bayes import GaussianNB

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    return ("nb", GaussianNB(var_smoothing=1e-2).fit((X - mean) / scale, y), mean, scale)


def predict(model, X: np.ndarray) -> np.ndarray:
    if isinstance(model[0], str):
        _tag, nb, mean, scale = model
        return nb.predict_proba((X - mean) / scale)[:, 1]
    w, b, mean, scale = model
    return 1 / (1 + np.exp(-(((X - mean) / scale) @ w + b)))


def train(insts: list[Instance], docs: dict[str, list], learner: str,
          fixed: float | None = None) -> tuple[object, float, dict[str, float]]:
    """A model trained on ``insts`` (their parts' documents ``docs``): (model, threshold, lexicon)."""
    fit = {"own": fit_own, "sklearn": fit_sklearn, "nb": fit_nb}[learner]
    parts = sorted({i.part for i in insts} | set(docs))
    labelled = [i for i in insts if i.label is not None]
    for p in parts:  # cross-fitted lexicon feature
        lex_p = lexicon({q: docs[q] for q in parts if q != p and q in docs})
        for i in labelled:
            if i.part == p:
                i.lex = lex_feature(i.stems, lex_p)
                i.doc_lex = lex_feature(i.doc_stems or [], lex_p)
    # the threshold from the training sets' own leave-one-set-out probabilities (unless it is given)
    threshold = MIN_THRESHOLD
    for p in parts if fixed is None else ():
        inner = [i for i in labelled if i.part != p]
        held = [i for i in labelled if i.part == p and i.violation and not i.weak]
        if not held or len({i.label for i in inner}) < 2:
            continue
        m = fit(*matrix(inner))
        probs = predict(m, matrix(held)[0])
        threshold = max(threshold, float(probs.max()) + 1e-3)
    model = fit(*matrix(labelled))
    lex = lexicon(docs)
    return model, fixed if fixed is not None else min(threshold, 0.99), lex


def train_fold(insts: list[Instance], docs: dict[str, list], part: str, learner: str,
               fixed: float | None = None) -> tuple[object, float, dict[str, float]]:
    """The model that scores ``part`` leave-one-set-out: trained on every other set."""
    return train([i for i in insts if i.part != part], {p: d for p, d in docs.items() if p != part}, learner, fixed)


def write(model, threshold: float, lex: dict[str, float], path: Path, promote: float | None = None) -> None:
    from pipeline.glossary.sense_features import NAMES

    w, b, mean, scale = model
    data = {"about": "learnt sense decision: bench/train_sense.py --write; pipeline/glossary/learnt_sense.py",
            "threshold": round(threshold, 4), "promote": promote, "bias": round(b, 5),
            "features": {n: {"weight": round(float(w[k]), 5), "mean": round(float(mean[k]), 5),
                             "scale": round(float(scale[k]), 5)} for k, n in enumerate(NAMES)},
            "lexicon": dict(sorted(lex.items()))}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def scored(part: str, model_file: str) -> list[int]:
    """(tp, fp, fn, tn) of ``part`` and its homonym counts, the check using ``model_file`` ("none": off)."""
    from pipeline.glossary import learnt_sense, load_glossary

    os.environ["TAMIZDAT_SENSE_MODEL"] = model_file
    learnt_sense._loaded.clear()
    glossary = load_glossary(REPO / "glossary" / "glossary.toml")
    counts, _misses = score(glossary, read_pairs(PARTS[part]))
    table = summarise(counts)
    return table["all"] + table.get("kind homonym", [0, 0, 0, 0])


def _fmt(c: list[int]) -> str:
    return "{:.2f}/{:.2f} ({})".format(*pr(c[:4]), c[5])


def _grid(args: argparse.Namespace) -> list[tuple[float, float | None]]:
    """The (threshold, promote) pairs ``--sweep`` and ``--promote-sweep`` name (promote "none": never)."""
    ts = [float(t) for t in args.sweep.split(",")] if args.sweep else []
    ps = [None if q.strip() == "none" else float(q) for q in args.promote_sweep.split(",")] if args.promote_sweep \
        else [args.promote]
    return [(t, q) for t in ts for q in ps]


def _label(t: float, q: float | None) -> str:
    return f"{t:g}" if q is None else f"{t:g}+{q:g}"


def loso(insts: list[Instance], docs: dict[str, list], args: argparse.Namespace) -> None:
    """Per set, a model trained on the others, scored without the decision, at the training rule's threshold
    (or ``--threshold``, with ``--promote``), and at each (threshold, promote) of the sweep; pooled, and the
    sweep's choice."""
    import tempfile

    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(exist_ok=True)
    grid = _grid(args)
    cols = ["before", "after"] + [_label(t, q) for t, q in grid]
    total = {c: [0] * 8 for c in cols}
    rows: dict[str, dict[str, list[int]]] = {}
    print(f"{'set':10} " + " ".join(f"{c:>22}" for c in cols) + " threshold")
    for part in PARTS:
        model, threshold, lex = train_fold(insts, docs, part, args.learner, args.threshold)
        if isinstance(model[0], str):
            print("nb: scored on instances only")
            continue
        f = folder / f"sense-{part}.json"
        write(model, threshold, lex, f, args.promote)
        got = {"before": scored(part, "none"), "after": scored(part, str(f))}
        for (t, q), c in zip(grid, cols[2:]):
            ft = folder / f"sense-{part}-{c}.json"
            write(model, t, lex, ft, q)
            got[c] = scored(part, str(ft))
        rows[part] = got
        for c in cols:
            total[c] = [a + b for a, b in zip(total[c], got[c])]
        print(f"{part:10} " + " ".join(f"{_fmt(got[c]):>22}" for c in cols) + f" {threshold:.3f}", flush=True)
    print(f"{'pooled':10} " + " ".join(f"{_fmt(total[c]):>22}" for c in cols))
    for c in cols:
        b, a = total["before"], total[c]
        print(f"pooled pairs {c}: false alarms {b[1]} -> {a[1]} (homonym {b[5]} -> {a[5]}), "
              f"missed violations {b[2]} -> {a[2]}")
    if grid:
        shipped = json.loads(MODEL.read_text(encoding="utf-8"))
        best = criterion.choose({c: (total[c][1], total[c][2]) for c in cols[2:]},
                                _label(shipped["threshold"], shipped["promote"]))
        print(f"chosen (bench/criterion.py: least pooled false alarms + {criterion.MISS_COST} x missed): {best} "
              f"(cost {criterion.cost(total[best][1], total[best][2])})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--instances", action="store_true")
    ap.add_argument("--loso", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--learner", choices=["own", "sklearn", "nb"], default="own")
    ap.add_argument("--threshold", type=float, help="with --loso: this threshold instead of the chosen one")
    ap.add_argument("--sweep", help="with --loso: comma-separated thresholds scored beside the rule's, and the "
                    "one chosen by bench/criterion.py: the least pooled false alarms + 2 x missed violations")
    ap.add_argument("--promote", type=float, help="the everyday probability below which a prison-only word whose "
                    "sentence gives it no prison context counts (its article reads as prison); default: never")
    ap.add_argument("--promote-sweep", help="with --loso --sweep: comma-separated promote values (\"none\": never) "
                    "swept with each threshold")
    ap.add_argument("--probs", action="store_true", help="each instance's leave-one-set-out probability")
    ap.add_argument("--keep", type=Path, help="with --loso: keep each fold's model file in this folder")
    args = ap.parse_args(argv)
    insts, docs = instances(PARTS)
    if args.instances:
        for i in insts:
            print(i.part, i.label, int(i.violation), i.errors, int(i.weak), i.cid, i.src[:150], sep="\t")
        n = defaultdict(int)
        for i in insts:
            n[i.label] += 1
        print(dict(n), file=sys.stderr)
    if args.probs:
        fit = {"own": fit_own, "sklearn": fit_sklearn, "nb": fit_nb}[args.learner]
        out = []
        for part in PARTS:
            train_i = [i for i in insts if i.part != part and i.label is not None]
            _m, _t, lex = train(train_i, {p: d for p, d in docs.items() if p != part}, args.learner)
            model = fit(*matrix(train_i))
            held = [i for i in insts if i.part == part and i.label is not None]
            for i in held:
                i.lex = lex_feature(i.stems, lex)
                i.doc_lex = lex_feature(i.doc_stems or [], lex)
            for i, p in zip(held, predict(model, matrix(held)[0])):
                out.append((float(p), i))
        for p, i in sorted(out, key=lambda t: -t[0])[:80]:
            print(f"{p:.3f}", i.label, int(i.violation), i.part, i.cid, i.src[:110], sep="\t")
        from sklearn.metrics import roc_auc_score

        print("AUC", roc_auc_score([i.label for _p, i in out], [p for p, _i in out]))
    if args.loso:
        loso(insts, docs, args)
    if args.write:
        model, threshold, lex = train(insts, docs, args.learner, args.threshold)
        write(model, threshold, lex, MODEL, args.promote)
        print(f"wrote {MODEL} (threshold {threshold:.3f}, promote {args.promote}, {len(lex)} lexicon stems)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
