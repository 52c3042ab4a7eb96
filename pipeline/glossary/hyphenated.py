"""German compounds written with a hyphen or without one: „Gefangenen-Transporter“ is *Gefangenentransporter*,
„Stolypinwaggon“ is *Stolypin-Waggon*. German orthography lets a writer set a hyphen inside any compound for
clarity (Duden, rule 21) and join a hyphenated one where nothing needs marking, so a volunteer writes either
spelling of the approved term. The matcher reads words between hyphens as words of their own, so a joined
approved term is looked up for a hyphenated pair of words none of which is a term's word already, and the
glossary's hyphenated terms are also indexed closed (``closed_spelling``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.glossary.hits import Hit

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.match import Index

_TERM = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _pairs(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, hyphen, end) of each two words of letters joined by one hyphen, the first at least two letters
    (Einzel-Zelle), the second three; not a part of a longer chain (E-Mail-Dienst), whose parts are read as they
    are. Found from the hyphens, by str.find: a regex over letters costs some hundred instructions a character."""
    i = text.find("-")
    while i != -1:
        if 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            a, b = i - 1, i + 1
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            while b < len(text) and text[b].isalpha():
                b += 1
            if (i - a >= 2 and b - i > 3 and not (a and (text[a - 1].isalnum() or text[a - 1] in "-_"))
                    and not (b < len(text) and (text[b].isalnum() or text[b] in "-_"))):
                yield a, i, b
        i = text.find("-", i + 1)


def hyphen_pair(text: str) -> bool:
    """Whether a German ``text`` holds a compound written with a hyphen between two words of letters."""
    return "-" in text and next(_pairs(text), None) is not None


def joined(index: Index, text: str, hits: list[Hit], overlapping: bool = False) -> list[Hit]:
    """``hits`` and a hit on each hyphenated pair of words whose joined spelling is a one-word term of ``index``,
    where neither word starts a hit of its own (Frauen-Strafkolonie is read by its Strafkolonie); of several
    terms the one the matcher chooses at one word (the approved before the forbidden, then glossary order), or
    each of them where ``overlapping`` hits are asked for."""
    from pipeline.glossary.match import KIND_RANK  # (match imports this module)

    more = []
    starts = {h.start for h in hits}
    for a, i, b in _pairs(text):
        first, second = text[a:i], text[i + 1:b]
        if a in starts or i + 1 in starts or first.isupper() or second.isupper():
            continue  # (an acronym before a hyphen names an institution: FSIN-Verwaltung)
        # the one the matcher would choose of a word's patterns: by kind, then glossary order
        found = sorted(((KIND_RANK[p.kind], p.order, p, d) for p, d in index.candidates(first + second.lower())
                        if d is not None and p.concept is not None), key=lambda t: t[:2])
        for _rank, _order, pat, derived in found if overlapping else found[:1]:
            more.append(Hit(pat.concept, a, b, text[a:b], pat.term, pat.kind,  # type: ignore[arg-type]
                            pat.reason, derived or False))
    return sorted([*hits, *more], key=lambda h: h.start) if more else hits


def closed_spelling(term: str, lang: str) -> str | None:
    """A German hyphenated term written as one word (Stolypin-Waggon: Stolypinwaggon); None for any other term
    and for one whose first part is an acronym (FSIN-Pismo)."""
    if lang != "de" or "-" not in term or not _TERM.fullmatch(term):
        return None
    parts = term.split("-")
    if parts[0].isupper() or any(p.isupper() for p in parts[1:]):
        return None
    return parts[0] + "".join(p.lower() for p in parts[1:])
