"""How far each translation has come: counts per catalogue and per language."""

from __future__ import annotations

from pipeline.catalog.model import Catalog
import re
from dataclasses import asdict, dataclass


_TAG = re.compile(r"<[^>]*>|&[#\w]+;")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words(text: str) -> int:
    """Words a translator reads: placeholder tags and entities are not words."""
    return len(_WORD.findall(_TAG.sub(" ", text)))


@dataclass
class Stats:
    slug: str
    lang: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    words: int = 0  # source words of all live entries
    words_translated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Share of the source words that are translated (fuzzy ones do not count: they still need work)."""
        return 100.0 * self.words_translated / self.words if self.words else (100.0 if not self.total else 0.0)

    def add(self, other: "Stats") -> None:
        for name in ("translated", "fuzzy", "untranslated", "obsolete", "words", "words_translated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        d = asdict(self)
        d["total"] = self.total
        d["percent"] = round(self.percent, 1)
        return d


def catalog_stats(po: Catalog, slug: str, lang: str) -> Stats:
    s = Stats(slug, lang)
    for e in po:
        if e.obsolete:
            s.obsolete += 1
            continue
        if not e.msgid:
            continue
        n = words(e.msgid)
        s.words += n
        if e.msgid_plural:
            done = bool(e.msgstr_plural) and all(e.msgstr_plural.values())
        else:
            done = bool(e.msgstr)
        if done and "fuzzy" in e.flags:
            s.fuzzy += 1
        elif done:
            s.translated += 1
            s.words_translated += n
        else:
            s.untranslated += 1
    return s


def summarize(rows: list[Stats]) -> list[Stats]:
    """One total row per language, in first-seen order."""
    totals: dict[str, Stats] = {}
    for r in rows:
        totals.setdefault(r.lang, Stats("(all)", r.lang)).add(r)
    return list(totals.values())
