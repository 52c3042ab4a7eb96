"""Fitting the learnt sense decision to the instances of bench/sense_instances.py, and writing its model file
(bench/train_sense.py runs it).

Forms (``--form``; the model file names its own, pipeline/glossary/learnt_sense.py reads each): ``logistic`` (the
form in force: a logistic regression over the standardised features of glossary/sense_features.py); ``interactions``
(the same plus the products of the article's three features with each of the word's own: an everyday article times
the term's own grammar and sentence); ``concept`` (the same plus a concept's own prior, the log-odds of its everyday
sense among the training instances, smoothed toward the pooled rate by PRIOR_WEIGHT pseudo-instances: "transfer" is
everyday far more often than "SIZO"). All three are one regression, so the check reads them as one sum. Since the fifteenth session every form also reads
the term's argument classes (glossary/arguments.py): the "arguments" feature, its per-class lean learnt here as
the lexicon is (cross-fitted by set) and written beside it (``ARGUMENTS``; off, the feature weighs nothing).

Without a fixed threshold the old rule stands (each fold's in ``--loso``): the lowest that makes no labelled
violation a question in the training sets' own leave-one-set-out probabilities, never below 0.5.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from pipeline.glossary.sense_features import argument_lean  # noqa: E402
from sense_instances import Instance, argument_table, article_features, lex_feature, lexicon  # noqa: E402

MODEL = REPO / "pipeline" / "glossary" / "sense_model.json"
C = 0.1  # L2 strength of the logistic regression (1/C on the weights' squares)
MIN_THRESHOLD = 0.5
FORMS = ("logistic", "interactions", "concept")
# screened only (bench/sense_forms.py; sixteenth session): the concept's prior times the arguments' lean as one more
# column; no model file holds it (glossary/learnt_sense.py does not read it)
SCREEN_FORMS = ("concept-arguments",)
# Whether the model reads the term's argument classes (glossary/arguments.py: the "arguments" feature and its
# table); off, the feature is 0 for every instance and weighs nothing.
ARGUMENTS = True
# Whether the argument table also keeps each concept's own lean of a class (sense_instances.argument_table
# per_concept; measured in the sixteenth session).
ARGUMENT_CONCEPTS = False
PRIOR_WEIGHT = 2.0  # pseudo-instances at the pooled everyday rate behind each concept's prior (form "concept")


def pairs() -> list[tuple[str, str]]:
    """The interaction form's products: each article feature (read in the first stage, so that the check's early
    stop knows them: learnt_sense.Model.reachable) times each of the word's own features."""
    from pipeline.glossary.sense_features import NAMES

    article = ("article prison", "article concepts", "article lexicon")
    return [(a, w) for a in article for w in NAMES if w not in article and w != "no prison context"]


def concept_priors(insts: list[Instance]) -> tuple[dict[str, float], float]:
    """Per concept the smoothed log-odds of its everyday sense among ``insts`` (labelled), and the pooled one."""
    n: dict[str, list[int]] = {}
    for i in insts:
        n.setdefault(i.cid, [0, 0])[int(i.label)] += 1
    base = sum(e for _p, e in n.values()) / max(1, sum(p + e for p, e in n.values()))

    def log_odds(e: float, total: float) -> float:
        r = min(max((e + PRIOR_WEIGHT * base) / (total + PRIOR_WEIGHT), 1e-3), 1 - 1e-3)
        return float(np.log(r / (1 - r)))

    return {c: log_odds(e, p + e) for c, (p, e) in n.items()}, log_odds(0, 0)


def extra(form: str, X: np.ndarray, insts: list[Instance], mean: np.ndarray, scale: np.ndarray,
          priors: tuple[dict[str, float], float] | None) -> np.ndarray:
    """The form's columns beyond the named features (none for ``logistic``)."""
    from pipeline.glossary.sense_features import INDEX

    cols = []
    if form in ("interactions",):
        Z = (X - mean) / scale
        cols += [Z[:, INDEX[a]] * Z[:, INDEX[b]] for a, b in pairs()]
    if form in ("concept", "concept-arguments"):
        assert priors is not None
        table, default = priors
        prior = np.array([table.get(i.cid, default) for i in insts])
        cols.append(prior)
        if form == "concept-arguments":  # (measured, sixteenth session: the prior times the arguments' lean)
            cols.append(prior * X[:, INDEX["arguments"]])
    return np.column_stack(cols) if cols else np.zeros((len(X), 0))


def cross_priors(insts: list[Instance]) -> np.ndarray:
    """The concept prior of each training instance from the other training sets only (as the lexicon is
    cross-fitted: a concept's prior is not fitted to its own sentence)."""
    by_part = {p: concept_priors([j for j in insts if j.part != p]) for p in {i.part for i in insts}}
    return np.array([by_part[i.part][0].get(i.cid, by_part[i.part][1]) for i in insts])


def fit_form(form: str, insts: list[Instance], c: float = C) -> dict:
    """The model of ``form`` fitted to ``insts`` (labelled): a dict as :func:`predict_form` and :func:`write`
    read it."""
    X, y = matrix(insts)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    priors = concept_priors(insts) if form.startswith("concept") else None
    E = extra(form, X, insts, mean, scale, priors)
    if form.startswith("concept"):
        E[:, 0] = cross_priors(insts)
        if form == "concept-arguments":
            from pipeline.glossary.sense_features import INDEX

            E[:, 1] = E[:, 0] * X[:, INDEX["arguments"]]
    w, b, m, s = fit_own(np.hstack([X, E]), y, c)
    k = X.shape[1]
    return {"form": form, "w": w, "b": b, "mean": m, "scale": s, "k": k, "priors": priors}


def predict_form(model: dict, X: np.ndarray, insts: list[Instance]) -> np.ndarray:
    k = model["k"]
    E = extra(model["form"], X, insts, model["mean"][:k], model["scale"][:k], model["priors"])
    return predict((model["w"], model["b"], model["mean"], model["scale"]), np.hstack([X, E]))


def matrix(insts: list[Instance]) -> tuple[np.ndarray, np.ndarray]:
    from pipeline.glossary.sense_features import INDEX

    X = np.array([i.x for i in insts], dtype=float)
    X[:, INDEX["lexicon"]] = [i.lex for i in insts]
    X[:, INDEX["article lexicon"]] = [i.doc_lex for i in insts]
    X[:, INDEX["arguments"]] = [i.arg_lex for i in insts]
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


# The learnt ambiguity (pipeline/glossary/sense_features.asked): a variant WordNet gives no everyday sense is asked
# about where at least AMBIGUOUS_MIN of the training sets' occurrences of it, from AMBIGUOUS_SETS sets, are
# labelled everyday where the check (without the decision) reports an error: the translators read another sense.
AMBIGUOUS_MIN = 2
AMBIGUOUS_SETS = 1
AMBIGUOUS = "ambiguous "
# Whether the weights are fitted to the learnt variants' instances too; off, to the WordNet-ambiguous ones alone
# (the decision on those as before), the learnt variants read by the same weights with their concept's own prior.
FIT_LEARNT = True
# Whether a learnt variant is no prison cue of its article (glossary/document.py reads the model's ambiguity); the
# check does so; off only to measure what it adds.
ARTICLE_LEARNT = True  # (the key prefix under which train() hands the learnt ambiguity to write() in ``lex``)


def learnt_ambiguity(insts: list[Instance]) -> frozenset[str]:
    """The variants (sense_features.variant_key) that ``insts`` show in an everyday sense though WordNet gives
    them none: labelled everyday, not a promotion, with an error of the check."""
    n: dict[str, int] = {}
    parts: dict[str, set[str]] = {}
    for i in insts:
        if i.label == 1 and not i.weak and i.errors:
            for v in i.variants:
                n[v] = n.get(v, 0) + 1
                parts.setdefault(v, set()).add(i.part)
    return frozenset(v for v, k in n.items() if k >= AMBIGUOUS_MIN and len(parts[v]) >= AMBIGUOUS_SETS)


def with_article(insts: list[Instance], learnt: frozenset[str]) -> None:
    """Set the instances' article features as the check computes them with the learnt ambiguity ``learnt``
    (glossary/document.py: a learnt variant is no prison cue of its article)."""
    from pipeline.glossary.sense_features import INDEX

    if not ARTICLE_LEARNT:
        learnt = frozenset()
    for i in insts:
        if i.doc_facts:
            i.x[INDEX["article prison"]], i.x[INDEX["article concepts"]] = article_features(i.doc_facts, learnt)


def train(insts: list[Instance], docs: dict[str, list], learner: str,
          fixed: float | None = None, form: str = "logistic") -> tuple[object, float, dict[str, float]]:
    """A model trained on ``insts`` (their parts' documents ``docs``): (model, threshold, lexicon). ``form``
    other than ``logistic`` (with the own learner and a fixed threshold): the dict of :func:`fit_form`. The
    instances the model reads are those the check will ask it about: every variant WordNet gives an everyday sense,
    and those the training sets show in one (:func:`learnt_ambiguity`, handed to :func:`write` in the lexicon)."""
    fit = {"own": fit_own, "sklearn": fit_sklearn, "nb": fit_nb}[learner]
    learnt = learnt_ambiguity(insts)
    with_article(insts, learnt)
    asked = [i for i in insts if i.label is not None and all(v in learnt for v in i.variants)]
    insts = insts if FIT_LEARNT else [i for i in insts if not i.variants]
    parts = sorted({i.part for i in insts} | set(docs))
    labelled = [i for i in insts if i.label is not None and all(v in learnt for v in i.variants)]
    for p in parts:  # cross-fitted lexicon and argument features
        lex_p = lexicon({q: docs[q] for q in parts if q != p and q in docs})
        args_p = argument_table([i for i in labelled if i.part != p], per_concept=ARGUMENT_CONCEPTS) \
            if ARGUMENTS else {}
        for i in labelled:
            if i.part == p:
                i.lex = lex_feature(i.stems, lex_p)
                i.doc_lex = lex_feature(i.doc_stems or [], lex_p)
                i.arg_lex = argument_lean(i.args or [], args_p, i.cid)
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
    model = fit(*matrix(labelled)) if form == "logistic" else fit_form(form, labelled)
    if isinstance(model, dict) and model["priors"] is not None and not FIT_LEARNT:
        # (the learnt variants' concepts that the weights' instances lack: their own prior, from all they show)
        table, default = model["priors"]
        model["priors"] = ({**concept_priors(asked)[0], **table}, default)
    lex = lexicon(docs)
    if ARGUMENTS:
        lex.update(argument_table(labelled, per_concept=ARGUMENT_CONCEPTS))
    lex.update({AMBIGUOUS + v: 1.0 for v in learnt})
    return model, fixed if fixed is not None else min(threshold, 0.99), lex


def train_fold(insts: list[Instance], docs: dict[str, list], part: str, learner: str,
               fixed: float | None = None, form: str = "logistic") -> tuple[object, float, dict[str, float]]:
    """The model that scores ``part`` leave-one-set-out: trained on every other set."""
    return train([i for i in insts if i.part != part], {p: d for p, d in docs.items() if p != part}, learner, fixed,
                 form)


def write(model, threshold: float, lex: dict[str, float], path: Path, promote: float | None = None) -> None:
    from pipeline.glossary.sense_features import NAMES

    form = model["form"] if isinstance(model, dict) else "logistic"
    w, b, mean, scale = (model["w"], model["b"], model["mean"], model["scale"]) if isinstance(model, dict) else model
    data: dict = {"about": "learnt sense decision: bench/train_sense.py --write; pipeline/glossary/learnt_sense.py"}
    if form != "logistic":  # (a logistic file names no form: files written before forms read as they did)
        data["form"] = form
    data.update({"threshold": round(threshold, 4), "promote": promote, "bias": round(b, 5),
                 "features": {n: {"weight": round(float(w[k]), 5), "mean": round(float(mean[k]), 5),
                                  "scale": round(float(scale[k]), 5)} for k, n in enumerate(NAMES)}})
    k = len(NAMES)
    if form == "interactions":
        data["pairs"] = [{"of": [a, c], "weight": round(float(w[k + j]), 5), "mean": round(float(mean[k + j]), 5),
                          "scale": round(float(scale[k + j]), 5)} for j, (a, c) in enumerate(pairs())]
    if form == "concept":
        # (each concept's prior enters the log-odds as one offset: its weight times its standardised value)
        table, default = model["priors"]
        wc, mc, sc = float(w[k]), float(mean[k]), float(scale[k])
        data["concepts"] = {c: round(wc * (v - mc) / sc, 4) for c, v in sorted(table.items())}
        data["concept default"] = round(wc * (default - mc) / sc, 4)
    from pipeline.glossary.sense_features import ARGUMENT

    if any(s.startswith(AMBIGUOUS) for s in lex):  # (the learnt ambiguity: learnt_sense.Model.ambiguous)
        data["ambiguous"] = sorted(s[len(AMBIGUOUS):] for s in lex if s.startswith(AMBIGUOUS))
    lex = {s: v for s, v in lex.items() if not s.startswith(AMBIGUOUS)}
    data["lexicon"] = {s: v for s, v in sorted(lex.items()) if not s.startswith(ARGUMENT)}
    if any(s.startswith(ARGUMENT) for s in lex):  # (the argument classes' leans: learnt_sense.load reads them in)
        data["arguments"] = {s[len(ARGUMENT):]: v for s, v in sorted(lex.items()) if s.startswith(ARGUMENT)}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

