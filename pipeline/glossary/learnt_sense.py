"""A per-occurrence sense decision learnt from the labelled sentence pairs: is an everyday-ambiguous glossary word
used in its everyday sense here?

The model (``sense_model.json`` beside this module, written by ``bench/train_sense.py`` from every development set)
is a logistic regression over the named features of glossary/sense_features.py, standardised, plus a lexicon of
word stems that lean to prison prose or to everyday prose, and a threshold chosen on held-out sets so that no
labelled violation is made a question. A model file names its form (bench/sense_fit.py; none named: ``logistic``):
``interactions`` adds products of two standardised features (the article's with the word's own), ``concept`` a
per-concept offset (a concept's own prior); both stay one sum of log-odds. Where the probability of the everyday sense reaches the threshold, the
findings on the word become a question (a warning) that names the evidence that weighed most; nothing is dropped.
The message's article (glossary/document.py) is read too; and where the model sets ``promote``, a prison-only word
that its sentence gives no prison context counts after all where the everyday probability is below it (its article
speaks of prison), with a finding that says so.

It is asked about a word whose variants WordNet gives an everyday sense, and (eighteenth session) about the
variants the model file names ``ambiguous``: those the labelled sentences show in an everyday sense though WordNet
does not know them or glosses them with prison words (police vans at a stadium, settlers' Stolypin cars, *muzhiki*
as peasants), learnt by the trainer from the training sets (sense_features.asked); such a variant is no prison cue
of its article either (glossary/document.py).

``TAMIZDAT_SENSE_MODEL`` names another model file (``none``: no learnt decision, as the trainer reads the hand
rules alone). A model file that is missing or cannot be read is a one-line error naming it.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.core.errors import TamizdatError
from pipeline.glossary import wordnet
from pipeline.glossary.document import Summary
from pipeline.glossary.match import Hit
from pipeline.glossary.model import Glossary
from pipeline.glossary.sense_features import (
    ARGUMENT, INDEX, NAMES, RANGES, STAGES, as_written, describe, features,
)

BUNDLED = Path(__file__).with_name("sense_model.json")
FORMS = ("logistic", "interactions", "concept")  # the model files' forms this version reads (bench/sense_fit.py)
# the concept's own prior as evidence (form "concept"), by whether it leans to the everyday sense
PRIOR = {True: "the word is mostly everyday in the labelled prose", False: "the word is mostly prison's in the "
         "labelled prose"}
_loaded: dict[str, "Model | None"] = {}


@dataclass(frozen=True)
class Model:
    """A trained sense decision as the model file holds it."""

    weights: tuple[float, ...]  # per feature of NAMES, on standardised values
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float  # the everyday probability from which a finding is a question
    lexicon: dict[str, float]  # word stem -> its lean (positive: prison prose; negative: everyday prose)
    # the everyday probability below which a prison-only word that its sentence gives no prison context counts
    # all the same (None: never)
    promote: float | None = None
    # form "interactions": (index a, index b, weight, mean, scale) of the product of a's and b's standardised
    # values; a is a feature of the first stage (the article's), so that the early stop knows it
    pairs: tuple[tuple[int, int, float, float, float], ...] = ()
    # form "concept": per concept id its offset to the log-odds (its prior), and the offset of a concept the
    # training sets never asked about
    concepts: dict[str, float] | None = None
    concept_default: float = 0.0
    # the variants the labelled sentences show in an everyday sense that WordNet does not give them
    # (sense_features.asked, variant_key): asked about too
    ambiguous: frozenset[str] = frozenset()

    def probability(self, x: list[float], concept: str = "") -> float:
        weights, bias = self._linear(x)
        z = bias + self.offset(concept) + sum(w * (v - m) / s for w, v, m, s in zip(weights, x, self.mean, self.scale))
        return 1 / (1 + math.exp(-z))  # (z is the log-odds of the everyday sense)

    def offset(self, concept: str) -> float:
        """The concept's own prior (form ``concept``; 0 otherwise)."""
        return 0.0 if self.concepts is None else self.concepts.get(concept, self.concept_default)

    def reachable(self, x: list[float], stages: int, concept: str = "") -> bool:
        """Whether the probability can still reach the threshold once the features of the first ``stages`` of
        sense_features.STAGES are ``x``'s: each feature not yet read adds at most what its range allows."""
        done, rest, bias = self._bounds(x)[stages]
        z = bias + self.offset(concept) + rest + sum(w * (x[k] - m) / s for k, w, m, s in done)
        return z >= self._log_odds

    def _linear(self, x: list[float]) -> tuple[tuple[float, ...], float]:
        """The weights and bias of the sum given the first stage's features of ``x``: with pairs, each product's
        first factor is known there, so the sum is linear in the other features (the same per article)."""
        if not self.pairs:
            return self.weights, self.bias
        key = tuple(x[a] for a in self._firsts)
        found = self._per_article.get(key)
        if found is None:
            weights, bias = list(self.weights), self.bias
            for a, b, w, m, s in self.pairs:
                za = (x[a] - self.mean[a]) / self.scale[a]
                # w * (za * zb - m) / s, with zb = (x_b - mean_b) / scale_b: a weight on b's own term
                weights[b] += w * za / s
                bias -= w * m / s
            if len(self._per_article) > 256:  # (one entry per article in practice)
                self._per_article.clear()
            found = self._per_article[key] = (tuple(weights), bias)
        return found

    @cached_property
    def _firsts(self) -> tuple[int, ...]:
        return tuple(sorted({a for a, *_rest in self.pairs}))

    @cached_property
    def _per_article(self) -> dict[tuple, tuple[tuple[float, ...], float]]:
        return {}

    def _bounds(self, x: list[float]) -> list[tuple[list[tuple[int, float, float, float]], float, float]]:
        """Per number of stages done: the features read (index, weight, mean, scale: looked up once, as
        :meth:`reachable` is asked several times of every occurrence), the most the others can add to the
        log-odds, and the bias (per article with pairs)."""
        if not self.pairs:
            return self._plain_bounds
        weights, bias = self._linear(x)
        found = self._bounds_of.get(weights)
        if found is None:
            if len(self._bounds_of) > 256:
                self._bounds_of.clear()
            found = self._bounds_of[weights] = self._bounds_for(weights, bias)
        return found

    @cached_property
    def _plain_bounds(self) -> list[tuple[list[tuple[int, float, float, float]], float, float]]:
        return self._bounds_for(self.weights, self.bias)

    def _bounds_for(self, weights: tuple[float, ...], bias: float
                    ) -> list[tuple[list[tuple[int, float, float, float]], float, float]]:
        out = []
        for stages in range(len(STAGES) + 1):
            names = {n for stage in STAGES[:stages] for n in stage}
            rest = 0.0
            for k, name in enumerate(NAMES):
                if name not in names:
                    lo, hi = RANGES.get(name, (0, 1))
                    w, m, s = weights[k], self.mean[k], self.scale[k]
                    rest += max(w * (lo - m) / s, w * (hi - m) / s)
            out.append(([(k, weights[k], self.mean[k], self.scale[k]) for k, n in enumerate(NAMES) if n in names],
                        rest, bias))
        return out

    @cached_property
    def _bounds_of(self) -> dict[tuple[float, ...], list]:
        return {}

    @cached_property
    def _log_odds(self) -> float:
        t = min(max(self.threshold, 1e-9), 1 - 1e-9)
        return math.log(t / (1 - t))

    def evidence(self, x: list[float], words: dict[str, list[str]], n: int = 3, toward_prison: bool = False,
                 concept: str = "") -> list[str]:
        """The features that pushed most toward the everyday sense (or the prison sense), as an editor reads
        them; with the ``concept`` form, the concept's own prior among them."""
        sign = -1 if toward_prison else 1
        parts = [(sign * w * (v - m) / s, name, v > m) for w, v, m, s, name in
                 zip(self._linear(x)[0], x, self.mean, self.scale, NAMES)]
        if self.concepts is not None:
            parts.append((sign * self.offset(concept), "concept", self.offset(concept) > 0))
        said = [PRIOR[above] if name == "concept" else describe(name, words.get(name, []), above, toward_prison)
                for c, name, above in sorted(parts, reverse=True) if c > 0.1]
        return [s for s in said if s][:n]


def model_path() -> Path | None:
    """The model file in use: ``$TAMIZDAT_SENSE_MODEL`` or the bundled one; None for ``none``."""
    return _path(os.environ.get("TAMIZDAT_SENSE_MODEL"))


def _path(named: str | None) -> Path | None:
    if named is not None and named.strip().lower() == "none":
        return None
    return Path(named) if named else BUNDLED


def load(path: Path) -> Model:
    """Read a model file; a missing or malformed one is a :class:`TamizdatError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
        unknown = [n for n in features if n not in INDEX]
        if unknown:
            raise ValueError(f"features this version does not compute: {', '.join(unknown)}")
        # (a feature the file lacks weighs nothing: a model trained before it was added reads as it did)
        rows = [features.get(n, {"weight": 0, "mean": 0, "scale": 1}) for n in NAMES]
        form = data.get("form", "logistic")
        if form not in FORMS:
            raise ValueError(f"a model form this version does not read: {form}")
        first = set(STAGES[0])
        pairs = []
        for pr in data.get("pairs", []) if form == "interactions" else []:
            a, b = pr["of"]
            if a not in first or b not in INDEX:  # (the early stop needs the first factor known from the start)
                raise ValueError(f"a product this version cannot read: {a} x {b}")
            pairs.append((INDEX[a], INDEX[b], float(pr["weight"]), float(pr["mean"]), float(pr["scale"]) or 1.0))
        concepts = {str(k): float(v) for k, v in data["concepts"].items()} if form == "concept" else None
        return Model(tuple(float(f["weight"]) for f in rows), float(data["bias"]),
                     tuple(float(f["mean"]) for f in rows), tuple(float(f["scale"]) or 1.0 for f in rows),
                     float(data["threshold"]), {**{str(k): float(v) for k, v in data["lexicon"].items()},
                                                **{ARGUMENT + str(k): float(v) for k, v in data.get("arguments", {}).items()}},
                     float(data["promote"]) if data.get("promote") is not None else None, tuple(pairs), concepts,
                     float(data.get("concept default", 0.0)), frozenset(map(str, data.get("ambiguous", []))))
    except OSError as exc:
        raise TamizdatError(f"cannot read the learnt sense model: {exc.strerror or exc}", str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TamizdatError(f"not a learnt sense model (bench/train_sense.py writes one): {exc}", str(path)) from None


def model() -> Model | None:
    """The model in use, read once per process (None when switched off or WordNet, which its features read, is
    not installed)."""
    key = os.environ.get("TAMIZDAT_SENSE_MODEL") or ""  # (asked once per message: the variable, not a path)
    if key not in _loaded:
        path = _path(key or None)
        _loaded[key] = load(path) if path is not None and wordnet.folder() is not None else None
    return _loaded[key]


def everyday_question(glossary: Glossary, m: Model, text: str, hits: list[Hit], every: list[Hit], others: int,
                      fit: bool, doc: Summary, state: dict | None = None) -> str:
    """Why a concept's occurrences ``hits`` read as the everyday sense in ``text`` (a message of the article
    ``doc``, glossary/document.py), so that its findings are a question ("" when they do not). ``state``: what
    an earlier article's reading of the same message read (sense_features.features)."""
    cid = hits[0].concept.id
    reach = m.reachable if m.concepts is None else (lambda x, k: m.reachable(x, k, cid))
    found = features(glossary, text, hits, every, others, fit, m.lexicon, reach, article=doc, state=state)
    if found is None:
        return ""
    x, words = found
    p = m.probability(x, cid)
    if p < m.threshold:
        return ""
    words["lexicon"] = as_written(text, every, words.get("lexicon", []))
    shown = "; ".join(m.evidence(x, words, concept=cid)) or "the sentence as a whole"
    return f"a question only: “{hits[0].form}” reads as its everyday sense here (p = {p:.2f}: {shown})"


def prison_reading(glossary: Glossary, m: Model, text: str, hits: list[Hit], every: list[Hit], others: int,
                   doc: Summary, state: dict | None = None) -> str:
    """Why a prison-only word that its sentence gives no prison context (``hits``, kept out for that alone) reads
    as the glossary's sense all the same — its article ``doc`` speaks of prison (“The search lasted three hours.”
    in a letter from the SIZO) — so that every occurrence needs its rendering; "" when it does not, or when the
    model sets no threshold for it (``promote``)."""
    if m.promote is None:
        return ""
    found = features(glossary, text, hits, every, others, False, m.lexicon, None, weak=True, article=doc,
                     state=state)
    if found is None:  # pragma: no cover (no early stop asked)
        return ""
    x, words = found
    p = m.probability(x, hits[0].concept.id)
    if p >= m.promote:
        return ""
    shown = "; ".join(m.evidence(x, words, toward_prison=True, concept=hits[0].concept.id)) or "the article as a whole"
    return f"read in the glossary's sense: p = {p:.2f} everyday, {shown}"
