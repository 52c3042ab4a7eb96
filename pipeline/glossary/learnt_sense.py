"""A per-occurrence sense decision learnt from the labelled sentence pairs: is an everyday-ambiguous glossary word
used in its everyday sense here?

The model (``sense_model.json`` beside this module, written by ``bench/train_sense.py`` from every development set)
is a logistic regression over the named features of glossary/sense_features.py, standardised, plus a lexicon of
word stems that lean to prison prose or to everyday prose, and a threshold chosen on held-out sets so that no
labelled violation is made a question. Where the probability of the everyday sense reaches the threshold, the
findings on the word become a question (a warning) that names the evidence that weighed most; nothing is dropped.

``TAMIZDAT_SENSE_MODEL`` names another model file (``none``: no learnt decision, as the trainer reads the hand
rules alone). A model file that is missing or cannot be read is a one-line error naming it.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import TamizdatError
from pipeline.glossary import wordnet
from pipeline.glossary.match import Hit
from pipeline.glossary.model import Glossary
from pipeline.glossary.sense_features import NAMES, RANGES, ambiguous, describe, features

BUNDLED = Path(__file__).with_name("sense_model.json")
_loaded: dict[str, "Model | None"] = {}


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]  # per feature of NAMES, on standardised values
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float  # the everyday probability from which a finding is a question
    lexicon: dict[str, float]  # word stem -> its lean (positive: prison prose; negative: everyday prose)

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))
        return 1 / (1 + math.exp(-z))  # (z is the log-odds of the everyday sense)

    def out_of_reach(self, x: list[float]) -> bool:
        """Whether the probability stays below the threshold whatever values the features of
        :data:`~pipeline.glossary.sense_features.RANGES` take, the others being ``x``'s: then the check need not
        compute them (most of the features' cost; a margin keeps rounding from ever deciding)."""
        z = self.bias
        for w, v, m, s, name in zip(self.weights, x, self.mean, self.scale, NAMES):
            if name in RANGES:
                lo, hi = RANGES[name]
                v = hi if w > 0 else lo  # (the end that pushes most toward the everyday sense)
            z += w * (v - m) / s
        return 1 / (1 + math.exp(-z)) < self.threshold - 1e-9

    def evidence(self, x: list[float], words: dict[str, list[str]], n: int = 3) -> list[str]:
        """The features that pushed most toward the everyday sense, as an editor reads them."""
        parts = [(w * (v - m) / s, name, v > m) for w, v, m, s, name in
                 zip(self.weights, x, self.mean, self.scale, NAMES)]
        said = [describe(name, words.get(name, []), above) for c, name, above in sorted(parts, reverse=True) if c > 0.1]
        return [s for s in said if s][:n]


def model_path() -> Path | None:
    """The model file in use: ``$TAMIZDAT_SENSE_MODEL`` or the bundled one; None for ``none``."""
    named = os.environ.get("TAMIZDAT_SENSE_MODEL")
    if named is not None and named.strip().lower() == "none":
        return None
    return Path(named) if named else BUNDLED


def load(path: Path) -> Model:
    """Read a model file; a missing or malformed one is a :class:`TamizdatError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
        if list(features) != NAMES:
            raise ValueError(f"its features are not this version's ({len(features)} for {len(NAMES)})")
        return Model(tuple(float(f["weight"]) for f in features.values()), float(data["bias"]),
                     tuple(float(f["mean"]) for f in features.values()),
                     tuple(float(f["scale"]) or 1.0 for f in features.values()),
                     float(data["threshold"]), {str(k): float(v) for k, v in data["lexicon"].items()})
    except OSError as exc:
        raise TamizdatError(f"cannot read the learnt sense model: {exc.strerror or exc}", str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TamizdatError(f"not a learnt sense model (bench/train_sense.py writes one): {exc}", str(path)) from None


def model() -> Model | None:
    """The model in use, read once per process (None when switched off or WordNet, which its features read, is
    not installed)."""
    path = model_path()
    if path is None or wordnet.folder() is None:
        return None
    key = str(path)
    if key not in _loaded:
        _loaded[key] = load(path)
    return _loaded[key]


def everyday_question(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], others: int,
                      fit: bool) -> str:
    """Why a concept's occurrences ``hits`` read as the everyday sense, so that its findings are a question ("" when
    they do not, or when a word of them has no everyday sense)."""
    m = model()
    if m is None or not all(ambiguous(glossary, h) for h in hits):
        return ""
    found = features(glossary, text, hits, every, others, fit, m.lexicon, give_up=m.out_of_reach)
    if found is None:
        return ""  # (no values of the costly features could make it a question)
    x, words = found
    p = m.probability(x)
    if p < m.threshold:
        return ""
    shown = "; ".join(m.evidence(x, words)) or "the sentence as a whole"
    return f"a question only: “{hits[0].form}” reads as its everyday sense here (p = {p:.2f}: {shown})"
