"""Translation memory: every finished translation of a language, reusable in any of its catalogues.

Only translated, non-fuzzy entries are remembered: a fuzzy translation is a
guess, and a guess built on a guess misleads translators.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import polib
from rapidfuzz import fuzz, process

from pipeline.catalog.fuzzy import _window

# Memory suggestions come from other texts, so they must be closer than an
# edited paragraph of the same article to be worth a translator's time.
MEMORY_THRESHOLD = 75.0


@dataclass
class Hit:
    entry: polib.POEntry  # the remembered entry (msgid = its source, msgstr = its translation)
    slug: str  # the catalogue it comes from
    score: float
    exact: bool


def _usable(e: polib.POEntry) -> bool:
    if e.obsolete or "fuzzy" in e.flags or not e.msgid:
        return False
    if e.msgid_plural:
        return bool(e.msgstr_plural) and all(e.msgstr_plural.values())
    return bool(e.msgstr)


class Memory:
    """Source text -> translations, each with the slug of the catalogue it came from."""

    def __init__(self) -> None:
        self._sources: dict[str, list[tuple[str, polib.POEntry]]] = {}
        self._index: tuple[list[int], list[str]] | None = None

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[tuple[str, polib.POFile]]) -> "Memory":
        mem = cls()
        for slug, po in catalogs:
            mem.add(slug, po)
        return mem

    def add(self, slug: str, po: Iterable[polib.POEntry]) -> None:
        for e in po:
            if _usable(e):
                self.add_unit(slug, e)

    def add_unit(self, slug: str, entry: polib.POEntry) -> None:
        if entry.msgctxt is not None:  # a context means "this source means something special here"
            return
        self._sources.setdefault(entry.msgid, []).append((slug, entry))
        self._index = None

    def __len__(self) -> int:
        return sum(len(v) for v in self._sources.values())

    def units(self) -> Iterator[tuple[str, polib.POEntry]]:
        """Every remembered (slug, entry), sources in first-seen order."""
        for pairs in self._sources.values():
            yield from pairs

    def _pick(self, msgid: str, exclude: str | None) -> tuple[str, polib.POEntry] | None:
        for slug, e in self._sources.get(msgid, ()):
            if slug != exclude:
                return slug, e
        return None

    def _sorted(self) -> tuple[list[int], list[str]]:
        if self._index is None:
            texts = sorted(self._sources, key=len)
            self._index = ([len(t) for t in texts], texts)
        return self._index

    def lookup(
        self,
        queries: Sequence[str],
        *,
        exclude: str | None = None,
        fuzzy: bool = True,
        cutoff: float = MEMORY_THRESHOLD,
    ) -> list[Hit | None]:
        """The best remembered translation for each query: exact first, else the closest above ``cutoff``.

        ``exclude`` is the slug of the catalogue being merged, whose own entries are no memory for it.
        """
        out: list[Hit | None] = []
        lengths, texts = self._sorted()
        for q in queries:
            got = self._pick(q, exclude)
            if got is not None:
                out.append(Hit(got[1], got[0], 100.0, True))
                continue
            if not fuzzy or not texts:
                out.append(None)
                continue
            lo, hi = _window(len(q), cutoff)
            a, b = bisect.bisect_left(lengths, lo), bisect.bisect_right(lengths, hi)
            hit = None
            if a < b:
                for text, score, _ in process.extract(
                    q, texts[a:b], scorer=fuzz.ratio, score_cutoff=cutoff, limit=4
                ):
                    got = self._pick(text, exclude)
                    if got is not None:
                        hit = Hit(got[1], got[0], score, False)
                        break
            out.append(hit)
        return out
