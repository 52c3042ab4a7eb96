"""Align the source page's blocks with the translated page's, in the manner of Gale and Church (1993).

Dynamic programming over the two block sequences with six kinds of *bead*: 1–1, a source block
the translation lacks (1–0), a translated block with no source (0–1: chrome, a translator's note),
a source block the translator split in two (1–2) and two source blocks the translator merged
(2–1). A bead costs what Gale–Church's length model says (translated length is proportional to
source length, with a variance that grows with it) plus what the anchors say: numbers, link
targets and names that both sides share pull blocks together; ones that only one side has push
them apart. A last pass pairs what is left over out of order when the anchors are strong enough
(paragraphs the translator moved).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.adopt.blocks import Block

# Gale–Church's priors for the kinds of bead, and the variance of translated length per character.
PRIOR = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (1, 2): 0.089 / 2, (2, 1): 0.089 / 2}
VARIANCE = 6.8
# How much one shared anchor, or one anchor only one side has, is worth against the length model.
SHARED = {"numbers": 2.5, "links": 3.0, "names": 1.2}
LONE = {"numbers": 1.0, "links": 1.2, "names": 0.25}


@dataclass
class Bead:
    src: tuple[int, ...]  # indexes into the source blocks
    dst: tuple[int, ...]  # indexes into the translated blocks
    delta: float = 0.0  # Gale–Church's normalised length difference
    shared: int = 0  # strong anchors (numbers, links) both sides have
    conflict: list[str] | None = None  # strong anchors only one side has
    moved: bool = False  # paired out of order by the last pass


def _phi(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def length_delta(ls: int, lt: int, ratio: float) -> float:
    mean = (ls + lt / ratio) / 2.0
    return (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE)


def _length_cost(ls: int, lt: int, ratio: float) -> float:
    z = abs(length_delta(ls, lt, ratio))
    p = 2.0 * (1.0 - _phi(z))
    return -math.log(max(p, 1e-12))


def _anchor_cost(src: list[Block], dst: list[Block]) -> tuple[float, int, list[str]]:
    cost = 0.0
    shared_strong = 0
    conflict: list[str] = []
    for kind in ("numbers", "links", "names"):
        a = frozenset().union(*(getattr(b, kind) for b in src))
        b = frozenset().union(*(getattr(x, kind) for x in dst))
        both = len(a & b)
        cost -= SHARED[kind] * both
        cost += LONE[kind] * len(a ^ b)
        if kind != "names":
            shared_strong += both
            conflict += sorted(a ^ b)
    return cost, shared_strong, conflict


def _kind_cost(src: list[Block], dst: list[Block]) -> float:
    """A heading translates as a heading, a list item as a list item."""
    if len(src) == 1 and len(dst) == 1:
        s, t = src[0], dst[0]
        if s.heading != t.heading:
            return 2.0
        if (s.tag == "li") != (t.tag == "li"):
            return 1.0
    return 0.0


def bead_cost(src: list[Block], dst: list[Block], ratio: float,
              prior: dict[tuple[int, int], float] = PRIOR) -> tuple[float, Bead]:
    shape = (len(src), len(dst))
    cost = -math.log(prior[shape])
    bead = Bead(tuple(), tuple())
    if src and dst:
        ls = sum(b.length for b in src) + len(src) - 1
        lt = sum(b.length for b in dst) + len(dst) - 1
        cost += _length_cost(ls, lt, ratio)
        anchor, shared, conflict = _anchor_cost(src, dst)
        cost += anchor + _kind_cost(src, dst)
        bead = Bead(tuple(), tuple(), length_delta(ls, lt, ratio), shared, conflict)
    return cost, bead


def length_ratio(src: list[Block], dst: list[Block]) -> float:
    """Characters of translation per character of source, over both texts (bounded: chrome inflates it)."""
    ls = sum(b.length for b in src) or 1
    lt = sum(b.length for b in dst) or 1
    return min(max(lt / ls, 0.5), 2.5)


def align(src: list[Block], dst: list[Block], ratio: float | None = None,
          prior: dict[tuple[int, int], float] = PRIOR) -> list[Bead]:
    """The cheapest sequence of beads covering both block lists, then out-of-order pairs of what is left."""
    ratio = ratio or length_ratio(src, dst)
    m, n = len(src), len(dst)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, Bead] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            here = best[i][j]
            if here == inf:
                continue
            for di, dj in prior:
                ni, nj = i + di, j + dj
                if ni > m or nj > n:
                    continue
                cost, bead = bead_cost(src[i:ni], dst[j:nj], ratio, prior)
                if here + cost < best[ni][nj]:
                    best[ni][nj] = here + cost
                    bead.src, bead.dst = tuple(range(i, ni)), tuple(range(j, nj))
                    back[ni][nj] = (i, j, bead)
    beads: list[Bead] = []
    i, j = m, n
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        i, j, bead = step
        beads.append(bead)
    beads.reverse()
    return _pair_moved(beads, src, dst, ratio)


def _pair_moved(beads: list[Bead], src: list[Block], dst: list[Block], ratio: float) -> list[Bead]:
    """Pair left-over source and translated blocks whose strong anchors agree, wherever they stand."""
    lone_src = [b.src[0] for b in beads if b.src and not b.dst]
    lone_dst = [b.dst[0] for b in beads if b.dst and not b.src]
    if not lone_src or not lone_dst:
        return beads
    taken_src: set[int] = set()
    taken_dst: set[int] = set()
    moved: list[Bead] = []
    scored = []
    for i in lone_src:
        for j in lone_dst:
            cost, bead = bead_cost([src[i]], [dst[j]], ratio)
            if bead.shared >= 2 and not bead.conflict and abs(bead.delta) < 2.5:
                bead.src, bead.dst, bead.moved = (i,), (j,), True
                scored.append((cost, bead))
    for _cost, bead in sorted(scored, key=lambda cb: cb[0]):
        if bead.src[0] in taken_src or bead.dst[0] in taken_dst:
            continue
        taken_src.add(bead.src[0])
        taken_dst.add(bead.dst[0])
        moved.append(bead)
    kept = [b for b in beads if not (b.src and not b.dst and b.src[0] in taken_src)
            and not (b.dst and not b.src and b.dst[0] in taken_dst)]
    return sorted(kept + moved, key=lambda b: (b.src[0] if b.src else -1, b.dst[0] if b.dst else -1))
