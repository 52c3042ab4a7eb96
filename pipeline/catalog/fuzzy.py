"""Find the most similar old source text for each new one (the heart of a fuzzy merge).

Similarity is rapidfuzz's ``ratio`` (2·matches / total length, the same measure
as GNU's ``fstrcmp``). Two filters keep it fast without changing what "similar" means:

* a length window: since ``ratio <= 200·min(a, b) / (a + b)``, a choice far
  shorter or longer than the query cannot reach the threshold and is never
  scored — which is also why short strings never match long ones;
* in a large window (a translation memory of thousands of texts), only the
  texts sharing the most distinctive words with the query (an inverted index
  ignoring words used by more than 2 % of the texts) are scored.
"""

from __future__ import annotations

import bisect
import heapq
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


class Index:
    """Texts searchable by similarity; ``best`` returns the closest above a cutoff."""

    def __init__(self, texts: Sequence[str]):
        self._order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        self._texts = [texts[i] for i in self._order]
        self._lengths = [len(t) for t in self._texts]
        self._postings: dict[str, list[int]] | None = None
        self._rare = 0

    def __len__(self) -> int:
        return len(self._texts)

    def _index(self) -> dict[str, list[int]]:
        # word -> positions (ascending) of the texts using it; built on first large search
        if self._postings is None:
            postings: dict[str, list[int]] = {}
            for j, t in enumerate(self._texts):
                for w in set(_WORD.findall(t.lower())):
                    postings.setdefault(w, []).append(j)
            self._postings = postings
            self._rare = max(30, len(self._texts) // 50)
        return self._postings

    def _shortlist(self, query: str, a: int, b: int) -> list[int] | None:
        """Texts in [a, b) sharing the most distinctive words with ``query`` (None: no distinctive word)."""
        postings = self._index()
        counts: dict[int, int] = {}
        rare = 0
        for w in set(_WORD.findall(query.lower())):
            plist = postings.get(w)
            if plist is None or len(plist) > self._rare:
                continue  # unknown words match nothing; very common ones say nothing
            rare += 1
            for j in plist[bisect.bisect_left(plist, a): bisect.bisect_left(plist, b)]:
                counts[j] = counts.get(j, 0) + 1
        if not rare:
            return None
        return heapq.nlargest(_SHORTLIST, counts, key=counts.__getitem__)

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
        pool = self._shortlist(query, a, b) if b - a > _DIRECT else None
        if pool is None:  # score the whole window in rapidfuzz's C loop, keep a few for `accept`
            hits = process.extract(query, self._texts[a:b], scorer=fuzz.ratio, score_cutoff=cutoff,
                                   limit=limit + (8 if accept else 0))
            pool = [a + h[2] for h in hits]
        scored = []
        for j in pool:
            s = fuzz.ratio(query, self._texts[j], score_cutoff=cutoff)
            if not s:
                continue
            i = self._order[j]
            if accept is None or accept(i):
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
