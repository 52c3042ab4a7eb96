"""Translation memory: every finished translation of a language, reusable in any of its catalogues.

Only translated, non-fuzzy entries are remembered: a fuzzy translation is a
guess, and a guess built on a guess misleads translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from pipeline.catalog.model import Catalog, Message
from pipeline.catalog.fuzzy import SimilarityIndex

# Memory suggestions come from other texts, so they must be closer than an
# edited paragraph of the same article to be worth a translator's time.
MEMORY_THRESHOLD = 75.0


@dataclass
class MemoryHit:
    entry: Message | Unit  # the remembered entry (msgid = its source, msgstr = its translation)
    slug: str  # the catalogue it comes from
    score: float
    exact: bool


def _usable(e: Message) -> bool:
    if e.obsolete or "fuzzy" in e.flags or not e.msgid:
        return False
    if e.msgid_plural:
        return bool(e.msgstr_plural) and all(e.msgstr_plural.values())
    return bool(e.msgstr)


class Unit:
    """The part of an entry a memory needs, at a third of a :class:`Message`'s size."""

    __slots__ = ("msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt")

    def __init__(self, msgid: str, msgstr: str, msgid_plural: str, msgstr_plural: dict, msgctxt: str | None):
        self.msgid, self.msgstr, self.msgid_plural = msgid, msgstr, msgid_plural
        self.msgstr_plural, self.msgctxt = msgstr_plural, msgctxt


class Memory:
    """Source text -> translations, each with the slug of the catalogue it came from."""

    def __init__(self) -> None:
        self._sources: dict[str, list[tuple[str, Message | Unit]]] = {}
        self._index: tuple[SimilarityIndex, list[str]] | None = None

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[tuple[str, Catalog]]) -> "Memory":
        mem = cls()
        for slug, po in catalogs:
            mem.add(slug, po)
        return mem

    def add(self, slug: str, po: Iterable[Message], slim: bool = False) -> None:
        """Remember ``po``'s finished translations; ``slim`` keeps copies without comments and
        references, so the catalogue itself can be let go (a thousand of them do not fit in 200 MB)."""
        for e in po:
            if _usable(e):
                self.add_unit(slug, Unit(e.msgid, e.msgstr, e.msgid_plural, dict(e.msgstr_plural), e.msgctxt)
                              if slim else e)

    def add_unit(self, slug: str, entry: Message | Unit) -> None:
        if entry.msgctxt is not None:  # a context means "this source means something special here"
            return
        self._sources.setdefault(entry.msgid, []).append((slug, entry))
        self._index = None

    def __len__(self) -> int:
        return sum(len(v) for v in self._sources.values())

    def units(self) -> Iterator[tuple[str, Message | Unit]]:
        """Every remembered (slug, entry), sources in first-seen order."""
        for pairs in self._sources.values():
            yield from pairs

    def _pick(self, msgid: str, exclude: str | None) -> tuple[str, Message | Unit] | None:
        for slug, e in self._sources.get(msgid, ()):
            if slug != exclude:
                return slug, e
        return None

    def prepare(self) -> None:
        """Build the search index now, so forked workers share one instead of each building its own."""
        self._searchable()[0].prepare()

    def _searchable(self) -> tuple[SimilarityIndex, list[str]]:
        if self._index is None:
            texts = list(self._sources)
            self._index = (SimilarityIndex(texts), texts)
        return self._index

    def lookup(
        self,
        queries: Sequence[str],
        *,
        exclude: str | None = None,
        fuzzy: bool = True,
        cutoff: float | None = None,
    ) -> list[MemoryHit | None]:
        """The best remembered translation for each query: exact first, else the closest above ``cutoff``.

        ``exclude`` is the slug of the catalogue being merged, whose own entries are no memory for it.
        """
        cutoff = MEMORY_THRESHOLD if cutoff is None else cutoff
        out: list[MemoryHit | None] = []
        index, texts = self._searchable() if fuzzy else (None, [])
        for q in queries:
            got = self._pick(q, exclude)
            if got is not None:
                out.append(MemoryHit(got[1], got[0], 100.0, True))
                continue
            if not fuzzy or not texts:
                out.append(None)
                continue
            assert index is not None  # built whenever fuzzy and texts
            best = index.best(q, cutoff, accept=lambda i: self._pick(texts[i], exclude) is not None)
            picked = self._pick(texts[best[0][0]], exclude) if best else None
            if picked is not None:
                slug, entry = picked
                out.append(MemoryHit(entry, slug, best[0][1], False))
            else:
                out.append(None)
        return out
