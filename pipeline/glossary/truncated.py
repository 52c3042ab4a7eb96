"""German compounds written with a suspended hyphen (Ergänzungsstrich): „Lebensmittel- und Bücherpakete“,
„Langzeit- oder Kurzbesuch“ say *Lebensmittelpakete* and *Langzeitbesuch*, the head written once, on the last
compound of the coordination. The first part then renders what its completed word renders: German orthography
(Duden, rule 98) writes it so, and a volunteer does. Read only in a German text with a hyphen before a space.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.glossary.hits import Hit

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.match import Index

# The suspended part, the conjunction, then up to three words (an article, an adjective) before the compound
# that carries the head.
_SUSPENDED = re.compile(r"\b([^\W\d_]{3,})-\s+(?:und|oder|sowie|bzw\.|wie|noch)\s+(?:[^\W\d_]+\s+){0,3}?"
                        r"([A-ZÄÖÜ][^\W\d_]{4,})")
MIN_HEAD = 4  # letters of the head taken from the last compound


def completed(index: Index, text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` and a hit on each suspended first part of a coordination of compounds whose word, completed by
    the last compound's head, is a term of ``index`` (its shortest head of MIN_HEAD letters or more that makes
    one; the hit spans the part and its hyphen)."""
    more = []
    taken = {h.start for h in hits}
    for m in _SUSPENDED.finditer(text):
        if m.start(1) in taken:
            continue
        part, last = m.group(1), m.group(2)
        for k in range(len(last) - MIN_HEAD, 0, -1):
            found = index.candidates(part + last[k:].lower())
            pat = next((p for p, derived in found if derived is not None and p.concept is not None), None)
            if pat is not None and pat.concept is not None:
                more.append(Hit(pat.concept, m.start(1), m.end(1) + 1, text[m.start(1):m.end(1) + 1], pat.term,
                                pat.kind, pat.reason, next(d for p, d in found if p is pat) or False))
                break
    return sorted([*hits, *more], key=lambda h: h.start) if more else hits
