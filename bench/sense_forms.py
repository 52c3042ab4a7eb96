"""Screen forms of the learnt sense decision on the instances, leave-one-set-out (bench/sense_fit.py fits them).

    python bench/sense_forms.py                      # every form below
    python bench/sense_forms.py logistic concept     # some of them

Per development set, each form is fitted to the instances of all the other sets (the lexicon cross-fitted as
bench/sense_fit.py's ``train`` does) and gives the held-out set's everyday probabilities. Printed per form: the area
under the ROC curve over the questions (not the promotions) and a proxy of bench/criterion.py's cost, false alarms
+ 2 x missed violations, at the shipped pair and at the form's best of the grid (threshold x promote): an everyday
instance below the threshold (a promotion: below promote) counts its rows where the check errs as false alarms; a
violation at or above it counts its erring rows (at least one) as missed. The proxy is a screen, not the criterion:
it does not re-run the check. A form that passes it is scored by ``bench/train_sense.py --loso --form …`` (the
check on each set with the fold's model file), which is what the criterion reads. Trees (scikit-learn's
HistGradientBoosting) and the lexicon's smoothing are screened here only: no model file holds them.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import criterion  # noqa: E402
import sense_instances as si  # noqa: E402
from glossary_quality import PARTS  # noqa: E402
from pipeline.glossary.sense_features import argument_lean  # noqa: E402
from sense_fit import fit_form, matrix, predict_form  # noqa: E402

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
PROMOTES = (0.3, 0.4, 0.5, 0.6)


def lexicon_with(min_docs: int = si.MIN_DOCS, alpha: float = 1.0, clip: float = 3.0):
    """sense_instances.lexicon with another smoothing (``alpha`` pseudo-counts a side), floor and clip."""
    return functools.partial(si.lexicon, min_docs=min_docs, alpha=alpha, clip=clip)


def _hgb(**kw):
    def fit(train, held, X, y, Xh):
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(random_state=0, **kw).fit(X, y).predict_proba(Xh)[:, 1]
    return fit


def _form(name: str, c: float = 0.1):
    def fit(train, held, X, y, Xh):
        return predict_form(fit_form(name, train, c), Xh, held)
    return fit


# name -> (lexicon, fit(train instances, held-out instances, X, y, held-out X) -> probabilities)
FORMS = {
    "logistic": (si.lexicon, _form("logistic")),
    "logistic C=0.03": (si.lexicon, _form("logistic", 0.03)),
    "interactions": (si.lexicon, _form("interactions")),
    "interactions C=0.03": (si.lexicon, _form("interactions", 0.03)),
    "concept": (si.lexicon, _form("concept")),
    "trees depth 2": (si.lexicon, _hgb(max_depth=2, max_iter=100, learning_rate=0.1, min_samples_leaf=20)),
    "trees depth 3": (si.lexicon, _hgb(max_depth=3, max_iter=100, learning_rate=0.1, min_samples_leaf=20)),
    "lexicon min 3 stems": (lexicon_with(3), _form("logistic")),
    "lexicon alpha 0.5": (lexicon_with(alpha=0.5), _form("logistic")),
    "lexicon alpha 3": (lexicon_with(alpha=3.0), _form("logistic")),
    "lexicon min 4, alpha 2": (lexicon_with(4, 2.0), _form("logistic")),
}
# Forms that read the term's argument classes (glossary/arguments.py; fifteenth session), by how an instance's keys
# are read: as relation:class, or the class alone
ARGUMENT_FORMS = {
    "concept + arguments": (si.lexicon, _form("concept"), lambda k: k),
    "concept + argument classes": (si.lexicon, _form("concept"), lambda k: k.split(":", 1)[1]),
    "logistic + arguments": (si.lexicon, _form("logistic"), lambda k: k),
}
# sixteenth session: the class's lean per concept (backed off to the pooled one), and WordNet hypernyms below the
# lexicographer file (``--depth``: the instances read with arguments.HYPERNYM_DEPTH; keys ``rel:@offset``)
PER_CONCEPT = {"concept + arguments per concept", "concept + hypernyms per concept"}
ARGUMENT_FORMS.update({
    "concept + arguments per concept": (si.lexicon, _form("concept"), lambda k: k),
    "concept + hypernyms": (si.lexicon, _form("concept"), lambda k: k),
    "concept + hypernyms per concept": (si.lexicon, _form("concept"), lambda k: k),
    "concept x arguments": (si.lexicon, _form("concept-arguments"), lambda k: k),
})


def _argument_features(train: list, held: list, part: str, keys, per_concept: bool = False,
                       hypernyms: bool = False) -> None:
    """The argument feature of ``part``'s fold, cross-fitted among the training sets as the lexicon is (``keys``
    None: 0 for every instance, as a model without it reads)."""
    def mapped(i):
        ks = [keys(k) for k in i.args or [] if hypernyms or ":@" not in k]
        return ks

    def table(insts):
        if keys is None:
            return {}
        for i in insts:
            i.arg_keys = mapped(i)
        return si.argument_table([_Keyed(i) for i in insts], per_concept=per_concept)

    for p in {i.part for i in train}:
        t = table([i for i in train if i.part != p])
        for i in train:
            if i.part == p:
                i.arg_lex = argument_lean(mapped(i) if keys else [], t, i.cid)
    t = table(train)
    for i in held:
        i.arg_lex = argument_lean(mapped(i) if keys else [], t, i.cid)


class _Keyed:
    """An instance whose argument keys are mapped (argument_table reads label, part, cid and args)."""

    def __init__(self, i):
        self.label, self.part, self.cid, self.args = i.label, i.part, i.cid, i.arg_keys


def fold(labelled: list, docs: dict, part: str, lexicon) -> tuple[list, list]:
    """The training and held-out instances of ``part``'s fold, their lexicon features set as sense_fit.train
    sets them (cross-fitted among the training sets; the held-out set's from all of them)."""
    parts = sorted({i.part for i in labelled} | set(docs))
    train = [i for i in labelled if i.part != part]
    for p in parts:
        if p == part:
            continue
        lex = lexicon({q: docs[q] for q in parts if q not in (p, part) and q in docs})
        for i in train:
            if i.part == p:
                i.lex, i.doc_lex = si.lex_feature(i.stems, lex), si.lex_feature(i.doc_stems or [], lex)
    lex = lexicon({q: d for q, d in docs.items() if q != part})
    held = [i for i in labelled if i.part == part]
    for i in held:
        i.lex, i.doc_lex = si.lex_feature(i.stems, lex), si.lex_feature(i.doc_stems or [], lex)
    return train, held


def proxy(probs, held, t: float, q: float) -> tuple[int, int]:
    fp = fn = 0
    for p, i in zip(probs, held):
        limit = q if i.weak else t
        if i.label == 1 and p < limit:
            fp += i.errors
        if i.violation and p >= limit:
            fn += max(i.errors, 1)
    return fp, fn


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("forms", nargs="*", help=f"forms to screen (default: all): {', '.join([*FORMS, *ARGUMENT_FORMS])}")
    ap.add_argument("--depth", type=int, default=0, help="read the arguments' WordNet hypernyms at this depth")
    args = ap.parse_args(argv)
    if args.depth:
        from pipeline.glossary import arguments

        arguments.HYPERNYM_DEPTH = args.depth
    forms = {**{n: (lx, f, None) for n, (lx, f) in FORMS.items()}, **ARGUMENT_FORMS}
    unknown = [f for f in args.forms if f not in forms]
    if unknown:
        ap.error(f"no such form: {', '.join(unknown)}")
    insts, docs = si.instances(PARTS)
    labelled = [i for i in insts if i.label is not None]
    for name in args.forms or forms:
        lexicon, fit, keys = forms[name]
        probs, held_all = [], []
        for part in PARTS:
            train, held = fold(labelled, docs, part, lexicon)
            _argument_features(train, held, part, keys, name in PER_CONCEPT, "hypernym" in name)
            if held:
                X, y = matrix(train)
                probs += list(fit(train, held, X.copy(), y, matrix(held)[0].copy()))
                held_all += held
        asked = [k for k, i in enumerate(held_all) if not i.weak]
        auc = roc_auc_score([held_all[k].label for k in asked], [probs[k] for k in asked])
        grid = {(t, q): proxy(probs, held_all, t, q) for t in THRESHOLDS for q in PROMOTES}
        best = min(grid, key=lambda k: (criterion.cost(*grid[k]), grid[k][1]))
        at = grid[(0.3, 0.5)]
        print(f"{name:24} AUC {auc:.4f}  0.3/0.5: {at[0]} / {at[1]} (cost {criterion.cost(*at)})  "
              f"best {best[0]}/{best[1]}: {grid[best][0]} / {grid[best][1]} (cost {criterion.cost(*grid[best])})",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
