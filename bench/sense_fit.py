"""Fitting the learnt sense decision to the instances of bench/sense_instances.py, and writing its model file
(bench/train_sense.py runs it).

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

from sense_instances import Instance, lex_feature, lexicon  # noqa: E402

MODEL = REPO / "pipeline" / "glossary" / "sense_model.json"
C = 0.1  # L2 strength of the logistic regression (1/C on the weights' squares)
MIN_THRESHOLD = 0.5


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

