"""Overlapping concepts in a translation, resolved by the longest match and by the source's concepts.

A forbidden word inside a longer approved term of another concept is that other term (French *détention
provisoire* inside *centre de détention provisoire*); a word approved for a concept the source uses is that
concept's rendering, once per source occurrence (автозак is the prison van's, not a wrong Stolypin carriage, as
long as the source has as many prison vans); and one word two concepts of the source claim is the one whose term
it is closest to („Gefangenentransporter“: the prison van's, not the etap's „Gefangenentransport“).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.glossary.match import WORD_RE, Hit, english_base, fold
from pipeline.glossary.model import Concept, Glossary


@dataclass
class Resolved:
    """The translation's hits after overlaps are resolved: approved spans per concept and the forbidden hits."""

    approved: dict[str, list[Hit]]
    forbidden: list[Hit]


def _inside(a: Hit, b: Hit) -> bool:
    """``a`` lies within ``b`` and ``b`` is longer."""
    return b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)


def sibling_terms(glossary: Glossary, lang: str) -> list[tuple[Concept, str]]:
    """(concept, term) for each approved term of ``lang`` that holds, as whole words, an approved term of another
    concept it does not name (:func:`_names`): that concept's exclusion, added to the index (Glossary.index) so
    that its word inside the longer term renders nothing of it — « parloir long », the long visit's, holds
    « parloir », the short visit's, and says no short visit; „politischer Häftling“ holds the zek's „Häftling“.
    Not «колония общего режима», which renders the colony too: the general-regime colony is a colony. Worked out
    from the glossary once per language, so the check pays nothing per translation."""
    approved: dict[tuple[str, ...], list[Concept]] = {}
    longer: list[tuple[Concept, str, tuple[str, ...]]] = []
    for c in glossary.concepts:
        tr = c.translations(lang)
        for t in [*tr.preferred, *tr.admitted] if tr is not None else ():
            words = tuple(fold(w) for w in WORD_RE.findall(t))
            approved.setdefault(words, []).append(c)
            if len(words) > 1:
                longer.append((c, t, words))
    out = []
    for c, t, words in longer:
        inner = {o.id: o for n in range(1, len(words)) for i in range(len(words) - n + 1)
                 for o in approved.get(words[i:i + n], ()) if o is not c}
        out += [(o, t) for o in inner.values() if not _names(c, o)]
    return out


def _names(outer: Concept, inner: Concept) -> bool:
    """Whether a source term of ``outer`` holds every word of one of ``inner``'s (“general-regime colony”:
    “colony”), so that ``outer``'s thing is ``inner``'s too; not “long visit” and “short visit”, siblings."""
    def make() -> bool:
        words = [{english_base(fold(w)) for w in WORD_RE.findall(t.text)} for t in outer.terms]
        return any(set(map(english_base, map(fold, WORD_RE.findall(t.text)))) <= w for t in inner.terms for w in words)

    return outer.remembered(f"names {inner.id}", make)


def _spans(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, leftmost-longest: one per occurrence."""
    if len(hits) == 1:
        return [hits[0]]  # (most concepts in a translation: nothing to sort)
    kept: list[Hit] = []
    end = -1
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if h.start >= end:
            kept.append(h)
            end = h.end
    return kept


def resolve(dst_hits: list[Hit], occurrences: dict[str, list[Hit]], src_len: int = 0, dst_len: int = 0) -> Resolved:
    """Resolve overlapping concepts in a translation by the longest match and by the source's concepts.

    A forbidden word that is also the approved word of another concept the source uses (``occurrences``: the
    source's hits per concept) renders that concept once per source occurrence; given the texts' lengths it
    does so where it stands nearer (relatively) to that concept's place in the source than to its own
    concept's (French « détention provisoire au SIZO » late in a sentence whose source names the SIZO last
    is the SIZO; « le local de détention provisoire de la rue Lénine » where the source names the temporary
    detention centre is a wrong IVS)."""
    if not dst_hits:
        return Resolved({}, [])
    approved_all = [h for h in dst_hits if h.kind in ("preferred", "admitted")]
    by_concept: dict[str, list[Hit]] = {}
    for h in approved_all:
        # An approved term inside a longer approved term of another concept still counts: "колония общего
        # режима" renders both the general regime and the colony (unless the longer term is a sibling's:
        # :func:`sibling_terms`).
        by_concept.setdefault(h.concept.id, []).append(h)
    if len(by_concept) > 1 and len(occurrences) > 1:
        _closest_claims(by_concept, occurrences)
    approved = {cid: _spans(hs) for cid, hs in by_concept.items()}
    forbidden: list[Hit] = []
    if len(approved_all) == len(dst_hits):
        return Resolved(approved, forbidden)  # (no forbidden word: most translations)
    # Each occurrence of a source concept claims one of its approved spans, in order.
    claimed = [(h.start, h.end) for cid, hs in occurrences.items() for h in approved.get(cid, [])[:len(hs)]]
    spans_of = [(h.start, h.end, cid) for cid in occurrences for h in approved.get(cid, [])]
    src_places = {cid: [h.start / src_len for h in hs] for cid, hs in occurrences.items()} if src_len else None
    for h in dst_hits:
        if h.kind != "forbidden":
            continue
        if any(o.concept.id != h.concept.id and _inside(h, o) for o in approved_all):
            continue  # longest match: part of another concept's approved term
        if src_places and dst_len:
            if _nearer_other(h, spans_of, src_places, dst_len):
                continue  # the rendering of a concept the source uses, where the source names it
        elif any(a < h.end and h.start < b for a, b in claimed):
            continue  # the rendering of a concept the source uses
        forbidden.append(h)
    if src_places and dst_len:
        _one_word_one_thing(forbidden, approved, occurrences)
    return Resolved(approved, forbidden)


def _one_word_one_thing(forbidden: list[Hit], approved: dict[str, list[Hit]], occurrences: dict[str, list[Hit]]) -> None:
    """A word kept as the wrong rendering of its own concept (it stands where the source names that one, not the
    concept that approves it) renders nothing else: one word of the translation is one occurrence of one thing.
    „Zwei Tage im Gefangenentransporter und dann … in einem Kastenwagen“ for “two days in the Stolypin and …
    in a prison van” has the Stolypin carriage's wrong word and no prison van. Only where the forbidden word's
    concept has no approved rendering of its own apart from it (otherwise it may be the other's after all)."""
    for h in forbidden:
        own = occurrences.get(h.concept.id)
        if not own or rendered_apart(h, approved, own):
            continue
        for cid, hs in approved.items():
            if cid != h.concept.id and cid in occurrences and any(a.start <= h.start and h.end <= a.end for a in hs):
                approved[cid] = [a for a in hs if not (a.start <= h.start and h.end <= a.end)]


def _closest_claims(by_concept: dict[str, list[Hit]], occurrences: dict[str, list[Hit]]) -> None:
    """One word that two concepts of the source claim is the one whose approved term it is closest to in length
    („Gefangenentransporter“ is the prison van's word, not an inflection of the etap's „Gefangenentransport“,
    where the source names both; „Gefangenentransporte“ is as close to either and stays with both)."""
    mine = [(cid, hs) for cid, hs in by_concept.items() if cid in occurrences]
    if len(mine) < 2:
        return
    owner: dict[tuple[int, int], str] = {}
    if all(owner.setdefault((h.start, h.end), cid) == cid for cid, hs in mine for h in hs):
        return  # (no word of two concepts: the common case)

    def off(h: Hit) -> int:
        return abs(len(h.form) - len(h.term))

    best: dict[tuple[int, int], int] = {}
    for _cid, hs in mine:
        for h in hs:
            best[h.start, h.end] = min(best.get((h.start, h.end), off(h)), off(h))
    for cid, hs in mine:
        if any(off(h) > best[h.start, h.end] for h in hs):
            by_concept[cid] = [h for h in hs if off(h) <= best[h.start, h.end]]


def named_inside(glossary, src: str, occurrences: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """The concepts the source names only inside a longer term of another concept, with those hits: the longest
    match reads “a general-regime colony” as the regime alone, but it names a colony too, and „Arbeitslager“
    (forbidden for the colony) in its translation is the colony's forbidden word, not a word of nothing the source
    says."""
    outer = [(h.start, h.end) for hs in occurrences.values() for h in hs]
    inner: dict[str, list[Hit]] = {}
    for h in glossary.find(src, glossary.source_language, overlapping=True):
        if h.concept.id not in occurrences and any(a <= h.start and h.end <= b and h.end - h.start < b - a
                                                   for a, b in outer):
            inner.setdefault(h.concept.id, []).append(h)
    return inner


def approved_elsewhere(h: Hit, approved: dict[str, list[Hit]]) -> str:
    """The term of the other concept whose approved word the forbidden ``h`` also is (or is inside), else ""."""
    return next((a.concept.term for c, hs in approved.items() if c != h.concept.id
                 for a in hs if a.start <= h.start and h.end <= a.end), "")


def _nearer_other(h: Hit, spans_of: list[tuple[int, int, str]], places: dict[str, list[float]],
                  dst_len: int) -> bool:
    """Whether a forbidden ``h`` is (inside) an approved span of another concept the source uses, and stands
    nearer, relative to the texts' lengths, to that concept's place in the source than to its own concept's."""
    others = [p for a, b, cid in spans_of if a < h.end and h.start < b and cid != h.concept.id
              for p in places.get(cid, [])]
    if not others:
        return False
    own = places.get(h.concept.id)
    at = h.start / dst_len
    return not own or min(abs(at - p) for p in others) <= min(abs(at - p) for p in own)


def rendered_apart(h: Hit, approved: dict[str, list], own: list) -> bool:
    """Whether every source occurrence ``own`` of the forbidden ``h``'s concept has an approved rendering of
    its own, apart from ``h``."""
    apart = [a for a in approved.get(h.concept.id, []) if a.end <= h.start or h.end <= a.start]
    return len(apart) >= len(own)


def renders_nothing_named(h: Hit, approved: dict[str, list], named: dict[str, list]) -> bool:
    """Whether the other concept the forbidden ``h`` is approved for is one the source names (``named``) and
    the translation renders apart from ``h`` as often: a word renders one thing, so « la détention provisoire »
    beside « un SIZO … le SIZO » for the source's two SIZOs renders no SIZO (and is the IVS's wrong word)."""
    return any(len([a for a in hs if a.end <= h.start or h.end <= a.start]) >= len(named[c])
               for c, hs in approved.items() if c != h.concept.id and c in named
               and any(a.start <= h.start and h.end <= a.end for a in hs))


def sibling_words(approved: dict[str, list[Hit]], src_hits: list[Hit], asked: list[str]) -> dict[str, str]:
    """Of the concepts ``asked`` about (their findings questions: the source may mean the everyday sense) that
    the translation does not render, those it says with the word of another kind of the same thing, a concept the
    source does not name (``src_hits``): concept id -> why. The glossary's own terms say which concepts are kinds
    of one thing — a head noun in common (a single *cell*, a punishment *cell*; a *colony*, a red *colony*) —
    and the translator who wrote « au mitard » for “in a single cell” read the prison's cell, wrongly."""
    named = {h.concept.id for h in src_hits}
    words = [hs[0] for cid, hs in approved.items() if cid not in named and any(not h.derived for h in hs)]
    if not words:
        return {}  # (the common case: every approved word renders a concept the source names)
    out = {}
    for cid in asked:
        concept = next((h.concept for h in src_hits if h.concept.id == cid), None)
        for w in words:
            if concept is not None and cid not in approved and _heads(concept) & _heads(w.concept):
                out[cid] = (f"the translation's “{w.form}” is the word of “{w.concept.term}”, another "
                            f"{'/'.join(sorted(_heads(concept) & _heads(w.concept)))}, which the source does not name")
                break
    return out


def _heads(concept) -> frozenset:
    """The head nouns of a concept's English terms (“search of the cell”: search), remembered per concept."""
    from pipeline.glossary.match import english_base, fold

    return concept.remembered("heads", lambda: frozenset(
        english_base(fold(t.text.split(" of ")[0].split()[-1].split("-")[-1])) for t in concept.terms))
