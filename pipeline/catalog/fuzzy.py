"""Find the most similar old source text for each new one (the heart of a fuzzy merge).

Similarity is rapidfuzz's ``ratio`` (2·matches / total length, the same measure
as GNU's ``fstrcmp``). Two filters keep it fast without changing what "similar" means:

* a length window: since ``ratio <= 200·min(a, b) / (a + b)``, a choice far
  shorter or longer than the query cannot reach the threshold and is never
  scored — which is also why short strings never match long ones;
* in a large window (a memory or a catalogue of thousands of texts), only the
  few texts sharing the most of the query's rarest words (an inverted index)
  are scored.

A match must also promise to save typing: the translator's edit to the old translation mirrors the
edit from the old source to the new, so an old source that takes at least as many characters to turn
into the new one (Indel distance) as typing the new one from scratch is no suggestion at all — the
translation would need as much deleting and typing as an empty entry. This only ever refuses matches
below ratio 66.7 whose old source is much longer (a paragraph split in two: its translation is mostly
what must go). On the tuning half of the gnu.org catalogues 2015 → 2017 (bench/merge_quality.py) it
refused 8 of 735 suggestions from the same catalogue, which together cost 220 characters more than empty
entries, one of them misleading (similarity < 50 to the translation published in 2017); one of those
entries gets the translations of its remembered sentences instead.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import TYPE_CHECKING, Callable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

if TYPE_CHECKING:
    import numpy as np

THRESHOLD = 60.0  # GNU msgmerge's FUZZY_THRESHOLD is 0.6
_WORD = re.compile(r"\w+|[^\w\s]")
_DIRECT = 2000  # below this many candidates in the window, score every one (exact)
_SHORTLIST = 48
_BUDGET = 8_000  # posting entries counted per query, at most (beyond the two rarest words)


def _window(n: int, cutoff: float) -> tuple[float, float]:
    # ratio <= 200*min/(a+b) >= cutoff  <=>  min/max >= cutoff/(200-cutoff)
    k = cutoff / (200.0 - cutoff)
    return n * k, n / k if k else float("inf")


class SimilarityIndex:
    """Texts searchable by similarity; ``best`` returns the closest above a cutoff."""

    def __init__(self, texts: Sequence[str]):
        self._order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        self._texts = [texts[i] for i in self._order]
        self._lengths = [len(t) for t in self._texts]
        self._postings: dict[str, "np.ndarray"] | None = None

    def __len__(self) -> int:
        return len(self._texts)

    def prepare(self) -> None:
        """Build now what the first large search would build, so forked workers share it."""
        if len(self._texts) > _DIRECT:
            self._index()

    def _index(self) -> dict[str, "np.ndarray"]:
        # word -> ascending positions of the texts using it; built on the first large search
        if self._postings is None:
            import numpy as np  # here, not at the top: a build with nothing to merge never needs it

            # array('i'): 4 bytes a posting while building, where a list costs 8 and then an int object
            lists: dict[str, array] = {}
            for j, t in enumerate(self._texts):
                for w in set(_WORD.findall(t.lower())):
                    postings = lists.get(w)
                    if postings is None:
                        postings = lists[w] = array("i")
                    postings.append(j)
            self._postings = {w: np.frombuffer(v, dtype=np.int32) for w, v in lists.items()}
        return self._postings

    def _shortlist(self, query: str, a: int, b: int) -> list[int]:
        """Texts in [a, b) sharing the most of the query's rarest words: a similar text shares its words,
        and rare words single it out (the budget keeps "the" and "of" from costing a full scan)."""
        import numpy as np

        postings = self._index()
        words = sorted((postings[w] for w in set(_WORD.findall(query.lower())) if w in postings), key=len)
        take: list = []
        total = 0
        for plist in words:
            if len(take) >= 2 and total + len(plist) > _BUDGET:
                break
            take.append(plist)
            total += len(plist)
        if not take:
            return []
        hits = np.concatenate(take)
        hits = hits[(hits >= a) & (hits < b)]
        if not hits.size:
            return []
        counts = np.bincount(hits - a)
        k = min(_SHORTLIST, int(np.count_nonzero(counts)))
        top = np.argpartition(-counts, k - 1)[:k]
        return [int(j) + a for j in top if counts[j]]

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
        if b - a > _DIRECT:
            pool = self._shortlist(query, a, b)
        else:  # score the whole window in rapidfuzz's C loop, keep a few for `accept`
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


def saves_typing(old_source: str, new_source: str) -> bool:
    """Whether turning ``old_source`` into ``new_source`` takes fewer character edits than typing it anew:
    a translation of the old source promises to save the translator typing only then."""
    return Indel.distance(old_source, new_source, score_cutoff=len(new_source)) < len(new_source)


def best_matches(
    queries: Sequence[str], choices: Sequence[str], *, cutoff: float = THRESHOLD
) -> list[tuple[int, float] | None]:
    """For each query, (index, score) of the most similar choice scoring at least ``cutoff`` whose
    translation promises to save typing (:func:`saves_typing`), or None."""
    if not queries or not choices:
        return [None] * len(queries)
    index = SimilarityIndex(choices)
    out: list[tuple[int, float] | None] = []
    for q in queries:
        hit = index.best(q, cutoff, accept=lambda i: saves_typing(choices[i], q))
        out.append(hit[0] if hit else None)
    return out
