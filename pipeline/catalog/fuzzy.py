"""Find the most similar old source text for each new one (the heart of a fuzzy merge).

Similarity is rapidfuzz's ``ratio`` (2·matches / total length, the same measure
as GNU's ``fstrcmp``). Since ``ratio <= 200·min(a, b) / (a + b)``, a length
window is an exact pre-filter: a choice far shorter or longer than the query
cannot reach the threshold, so it is never scored — and short strings never
match long ones.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from rapidfuzz import fuzz, process

THRESHOLD = 60.0  # GNU msgmerge's FUZZY_THRESHOLD is 0.6


def _window(n: int, cutoff: float) -> tuple[float, float]:
    # ratio <= 200*min/(a+b) >= cutoff  <=>  min/max >= cutoff/(200-cutoff)
    k = cutoff / (200.0 - cutoff)
    return n * k, n / k if k else float("inf")


def best_matches(
    queries: Sequence[str], choices: Sequence[str], *, cutoff: float = THRESHOLD
) -> list[int | None]:
    """For each query, the index of the most similar choice scoring at least ``cutoff``, or None."""
    if not queries or not choices:
        return [None] * len(queries)
    order = sorted(range(len(choices)), key=lambda i: len(choices[i]))
    lengths = [len(choices[i]) for i in order]
    texts = [choices[i] for i in order]
    out: list[int | None] = []
    for q in queries:
        lo, hi = _window(len(q), cutoff)
        a = bisect.bisect_left(lengths, lo)
        b = bisect.bisect_right(lengths, hi)
        if a >= b:
            out.append(None)
            continue
        hit = process.extractOne(q, texts[a:b], scorer=fuzz.ratio, score_cutoff=cutoff)
        out.append(order[a + hit[2]] if hit else None)
    return out
