"""Find the most similar old source text for each new one (the heart of a fuzzy merge).

Similarity is rapidfuzz's ``ratio`` (2·matches / total length, the same measure
as GNU's ``fstrcmp``). Two filters keep it fast without changing what "similar" means:

* a length window: since ``ratio <= 200·min(a, b) / (a + b)``, a choice far
  shorter or longer than the query cannot reach the threshold and is never
  scored — which is also why short strings never match long ones;
* in a large window, texts are first compared word by word (each word coded as
  one character, so a paragraph becomes a string of a few dozen symbols that
  rapidfuzz compares in one machine word); only the best few are then scored
  character by character.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Sequence

from rapidfuzz import fuzz, process

THRESHOLD = 60.0  # GNU msgmerge's FUZZY_THRESHOLD is 0.6
_WORD = re.compile(r"\w+|[^\w\s]")
_DIRECT = 300  # below this many candidates, score every one character by character
_SHORTLIST = 12


def _window(n: int, cutoff: float) -> tuple[float, float]:
    # ratio <= 200*min/(a+b) >= cutoff  <=>  min/max >= cutoff/(200-cutoff)
    k = cutoff / (200.0 - cutoff)
    return n * k, n / k if k else float("inf")


class _Vocab:
    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def code(self, text: str) -> str:
        ids = self.ids
        out = []
        for w in _WORD.findall(text.lower()):
            c = ids.get(w)
            if c is None:
                n = len(ids) + 0x100
                c = ids[w] = chr(n if n < 0xD800 else n + 0x800)  # skip the surrogate block
            out.append(c)
        return "".join(out)


class Index:
    """Texts searchable by similarity; ``best`` returns the closest above a cutoff."""

    def __init__(self, texts: Sequence[str]):
        self._order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        self._texts = [texts[i] for i in self._order]
        self._lengths = [len(t) for t in self._texts]
        self._vocab: _Vocab | None = None
        self._codes: list[str] = []

    def __len__(self) -> int:
        return len(self._texts)

    def _coded(self) -> list[str]:
        if self._vocab is None:
            self._vocab = _Vocab()
            self._codes = [self._vocab.code(t) for t in self._texts]
        return self._codes

    def best(
        self,
        query: str,
        cutoff: float = THRESHOLD,
        *,
        accept: Callable[[int], bool] | None = None,
        limit: int = 1,
    ) -> list[tuple[int, float]]:
        """Up to ``limit`` (index into the original texts, score) pairs, best first, all >= ``cutoff``."""
        lo, hi = _window(len(query), cutoff)
        a, b = bisect.bisect_left(self._lengths, lo), bisect.bisect_right(self._lengths, hi)
        if a >= b:
            return []
        if b - a <= _DIRECT:
            pool = range(a, b)
        else:
            codes = self._coded()
            q = self._vocab.code(query)
            # A loose word-level cutoff: the shortlist is re-scored by characters below.
            hits = process.extract(
                q, codes[a:b], scorer=fuzz.ratio, score_cutoff=max(0.0, cutoff - 25), limit=_SHORTLIST
            )
            pool = [a + h[2] for h in hits]
        scored = []
        for j in pool:
            i = self._order[j]
            if accept is not None and not accept(i):
                continue
            s = fuzz.ratio(query, self._texts[j], score_cutoff=cutoff)
            if s:
                scored.append((s, -i, i))  # ties: the earlier text, as msgmerge
        scored.sort(reverse=True)
        return [(i, s) for s, _, i in scored[:limit]]


def best_matches(
    queries: Sequence[str], choices: Sequence[str], *, cutoff: float = THRESHOLD
) -> list[int | None]:
    """For each query, the index of the most similar choice scoring at least ``cutoff``, or None."""
    if not queries or not choices:
        return [None] * len(queries)
    index = Index(choices)
    out: list[int | None] = []
    for q in queries:
        hit = index.best(q, cutoff)
        out.append(hit[0][0] if hit else None)
    return out
