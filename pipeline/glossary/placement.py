"""Where in a translation an occurrence's rendering must stand: in the sentence of its occurrence, next to the
number that names it.

A count of renderings is blind to where they are: « Enfant, il partait en colonie de vacances ; aujourd'hui, il
est enfermé dans un bagne » has one « colonie » for the source's one colony, and «Поисковый отряд волонтёров …
его определили в бригаду № 8» one «отряд» for “assigned to detachment 8”. Two anchors that need no dictionary
tie an occurrence to a place in the translation: the sentences, where both texts have as many, and a number
written right after the term (detachment 8, colony No. 6, SIZO-1), where the number occurs once on each side.
Which occurrences of the source name one thing, and so need one rendering, is read here too (:func:`groups_of`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.glossary import wordnet
from pipeline.glossary.bilingual import relational_to, source_words_for
from pipeline.glossary.hits import Excluded
from pipeline.glossary.match import WORD_RE, Hit, base_lang, english_base, fold, mask
from pipeline.glossary.textprep import shown, words_of
from pipeline.glossary.neighbourhood import CLAUSE_BREAK_RE
from pipeline.glossary.sense import in_quotes

if TYPE_CHECKING:  # pragma: no cover  (the source reading builds on this module)
    from pipeline.glossary.source_reading import Source

# A semicolon ends a sentence here too: translations keep the source's “…; …” as they keep its full stops.
_SEMICOLON = re.compile(r";\s+")


# Where a sentence may end (a superset of what the segmenter and ``;`` end a sentence at): a text without one
# has one sentence, told at the cost of one search; only the others are segmented.
MAY_END = re.compile(r"[.!?…;][\"'»”’“)\]]*\s")


@lru_cache(maxsize=4096)
def sentence_of(text: str) -> list[int]:
    """Where each sentence of ``text`` starts (the first at 0): the segmenter's sentences
    (``core.sentences``: not after an abbreviation, an initial or a German ordinal) and ``;`` clauses."""
    if not MAY_END.search(text):
        return [0]
    from pipeline.core import sentences  # (its patterns are compiled only by a run that needs them)

    ends = sentences.starts(text)
    return sorted({0, *ends, *(m.end() for m in _SEMICOLON.finditer(text))}) if ";" in text else [0, *ends]


# Where a clause that a conjunction joins after a comma begins (“…, and the next etap, to the colony, another
# week” — « …, et le voyage suivant, vers la colonie, … »): the coordinated clauses of one sentence, which a
# translation keeps as they are far more often than it merges or splits them.
_CLAUSE_JOIN = {
    "en": re.compile(r",\s+(?=(?:and|but|while|whereas|then|so)\s)"),
    "fr": re.compile(r",\s+(?=(?:et|mais|puis|tandis|alors que)\s)"),
    "de": re.compile(r",\s+(?=(?:und|aber|doch|dann|sondern|während)\s)"),
    "ru": re.compile(r",\s+(?=(?:а|и|но|затем|потом)\s)"),
}


@lru_cache(maxsize=1024)
def clause_of(text: str, lang: str) -> list[int]:
    """Where each sentence and each coordinated clause of ``text`` starts (the first at 0)."""
    rx = _CLAUSE_JOIN.get(lang)
    joins = [m.end() for m in rx.finditer(text)] if rx else []
    return sorted({*sentence_of(text), *joins})


Pieces = list[tuple[tuple[int, int], tuple[int, int]]]


def paired_pieces(src: str, src_lang: str, dst: str, lang: str, concept_id: str,
                  occurrences: dict[str, list[Hit]], rendered: dict[str, list[Hit]]) -> Pieces | None:
    """The sentences, else the coordinated clauses, of ``src`` and ``dst`` paired n-th with n-th — (source span,
    translation span) each — where both texts have as many, and where every other concept the translation
    renders is rendered in the piece whose source names it. None where neither pairs. ``concept_id``: the concept whose
    occurrences are to be paired (not an anchor); ``occurrences``: the source's, per concept;
    ``rendered``: the translation's approved hits, per concept."""
    for level in (0, 1):
        starts_src = sentence_of(src) if level == 0 else clause_of(src, src_lang)
        starts_dst = sentence_of(dst) if level == 0 else clause_of(dst, lang)
        if len(starts_src) < 2 or len(starts_src) != len(starts_dst):
            continue
        agree = True
        for cid, hits in rendered.items():
            if cid == concept_id or cid not in occurrences:
                continue
            where = {bisect_right(starts_src, h.start) - 1 for h in occurrences[cid]}
            agree = agree and all(bisect_right(starts_dst, h.start) - 1 in where for h in hits)
        if agree:
            ends_src, ends_dst = [*starts_src[1:], len(src)], [*starts_dst[1:], len(dst)]
            return list(zip(zip(starts_src, ends_src), zip(starts_dst, ends_dst)))
    return None


def paired_texts(src: str, src_lang: str, dst: str, lang: str) -> Pieces:
    """The sentences, else the coordinated clauses, of both texts paired n-th with n-th (source span,
    translation span) where both have as many, two or more; [] otherwise."""
    for starts_src, starts_dst in ((sentence_of(src), sentence_of(dst)),
                                   (clause_of(src, base_lang(src_lang)), clause_of(dst, base_lang(lang)))):
        if len(starts_src) > 1 and len(starts_src) == len(starts_dst):
            return list(zip(zip(starts_src, [*starts_src[1:], len(src)]), zip(starts_dst, [*starts_dst[1:], len(dst)])))
    return []


def claimed_by_place(src: str, src_lang: str, dst: str, lang: str, hits: list[Hit], others: list[Hit],
                     found: list[Hit]) -> tuple[list[Hit], list[tuple[Hit, Hit]]]:
    """``found`` (a concept's renderings) less those that stand where the source uses the concept's word in
    another sense (``others``; ``hits``: its occurrences in the glossary's sense): nearer, relative to the
    texts' lengths, to such an occurrence than to any in the glossary's sense, one each; and the (rendering,
    occurrence) pairs so claimed. Where both texts have as many sentences or coordinated clauses, a rendering
    is compared only with the occurrences of its own piece, the n-th with the n-th (“… an overseer of souls, but
    it is the prisoners' own overseer …” → « … pasteur des âmes, mais c'est le smotriachtchi des détenus … »: the
    French first clause is longer, the second is the prisoners')."""
    others = list(others)
    pieces = paired_texts(src, src_lang, dst, lang)
    kept, claimed = [], []
    for r in found:
        place = r.start / len(dst)
        near_by = [*hits, *others]
        if pieces:
            (s0, s1), _ = next(p for p in pieces if p[1][0] <= r.start < p[1][1])
            near_by = [o for o in near_by if s0 <= o.start < s1] or near_by
        near = min(near_by, key=lambda o: abs(o.start / len(src) - place))
        if any(near is o for o in others):
            others.remove(near)
            claimed.append((r, near))
            continue
        kept.append(r)
    return kept, claimed


def in_its_sentence(starts_src: list[int], dst: str, groups: list[list[Hit]], found: list[Hit]) -> list[Hit]:
    """``found`` less the renderings in a sentence of the translation whose source sentence has no occurrence
    of the concept. Where both texts have the same number of sentences (or ; clauses), the n-th renders the n-th:
    « Enfant, il partait en colonie de vacances ; aujourd'hui, il est enfermé dans un bagne » for “a summer
    camp; … a penal colony” has no rendering of the colony. Otherwise ``found`` as it is. ``starts_src``: where
    the source's sentences start (``sentence_of``)."""
    if len(starts_src) < 2:
        return found
    wanted = [0] * len(starts_src)
    for g in groups:
        wanted[bisect_right(starts_src, g[0].start) - 1] += 1
    if all(wanted):
        return found  # every sentence names the concept: no rendering can be in the wrong one
    starts_dst = sentence_of(dst)
    if len(starts_dst) != len(starts_src):
        return found
    kept = [h for h in found if wanted[bisect_right(starts_dst, h.start) - 1]]
    return kept if len(kept) < len(found) else found


# A number that names the thing before it: “detachment 8”, “colony No. 6”, “SIZO-1”, « n° 8 », «№ 8».
_NUMBER_AFTER = re.compile(r"(?:\s*(?:No\.?|no\.?|Nr\.?|n°|nº|№|#)?\s*|-)(\d+)\b")
_DIGIT_NEAR = re.compile(r"\d")
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[^\w\d]+){1,2}$")
NEAR_NUMBER = 3  # words between a rendering and its number («исправительной колонии № 6»)


def numbered_ends(src: str, hits: list[Hit]) -> frozenset[int]:
    """Where the hits of ``src`` that a number follows end (worked out once per source message)."""
    return frozenset(h.end for h in hits if _DIGIT_NEAR.search(src, h.end, h.end + 6) and _NUMBER_AFTER.match(src, h.end))


def numbered(src: str, dst: str, groups: list[list[Hit]], found: list[Hit]) -> tuple[list[Hit], str]:
    """``found`` less what cannot render the occurrences a number names: where the source writes a number
    right after the term and the translation has that number once, only a rendering next to it renders that
    occurrence (“assigned to detachment 8” → «определили в бригаду № 8» has none, whatever «отряд» says
    elsewhere). Also the translation's words before the number, for the message (" (…)" or "")."""
    anchored: list[tuple[list[Hit], str, tuple[int, int]]] = []
    for g in groups:
        m = _NUMBER_AFTER.match(src, g[-1].end)
        if m:
            n = m.group(1)
            there = _once(dst, n)
            if there is not None and _once(src, n) is not None:
                anchored.append((g, n, there))
    if not anchored:
        return found, ""
    near: list[Hit] = []
    missing = []
    for g, n, (start, end) in anchored:
        close = [h for h in found if h not in near and (0 <= start - h.end <= 8 or  # (the common case: “колонии № 6”)
                                                         _words_between(dst, h, start, end) <= NEAR_NUMBER)]
        if close:
            near.append(close[0])
        else:
            before = _WORDS_BEFORE.search(mask(dst[max(0, start - 40):start]))
            shown = " ".join(before.group(0).split()) if before else ""
            missing.append(f"“{g[0].form} {n}” is “{shown} {n}” in the translation" if shown else "")
    if not missing:
        return found, ""
    free = [h for h in found if h not in near][:len(groups) - len(anchored)]
    kept = sorted([*near, *free], key=lambda h: h.start)
    return kept, f" ({'; '.join(m for m in missing if m)})" if any(missing) else ""


def _once(text: str, n: str) -> tuple[int, int] | None:
    """Where the number ``n`` stands in ``text`` if it is there exactly once as a whole number (not the 17 of
    2017), else None. By str.find: cheaper than reading every digit of the text."""
    where = None
    i = text.find(n)
    while i >= 0:
        j = i + len(n)
        if not (i and text[i - 1].isdigit()) and not (j < len(text) and text[j].isdigit()):
            if where is not None:
                return None
            where = (i, j)
        i = text.find(n, j)
    return where


def _words_between(text: str, hit: Hit, start: int, end: int) -> int:
    """How many words lie between a hit and the span start..end (more than NEAR_NUMBER: any number)."""
    gap = text[hit.end:start] if hit.end <= start else text[end:hit.start]
    return len(WORD_RE.findall(mask(gap))) if len(gap) < 80 else NEAR_NUMBER + 1


def groups_of(source: Source, src: str, cid: str, hits: list) -> list[list]:
    """A concept's occurrences ``hits`` in ``src`` grouped into the things the source names (:func:`_clusters`),
    remembered on ``source`` for its own occurrences (every translation asks; a concept the translation promoted
    from ``weak`` is not among them)."""
    mine = hits is source.occurrences.get(cid)
    found = source.memo.groups.get(cid) if mine else None
    if found is None:
        found = _clusters(src, hits)
        if mine:
            source.memo.groups[cid] = found
    return found


# Two different variants of a concept close together in one clause are one idea said twice (“downgraded” to
# the “roosters”, SIZO (pre-trial detention centre), the etap, the transfer); a clause boundary between them
# makes two things to translate (the caste system decides …; the caste decides …).
SAME_CLAUSE_WORDS = 8  # at most this many words between the two
APPOSITION_WORDS = 3  # ... or this many, when neither is quoted nor in parentheses ("from the penal colony in
# Kirov to a colony in Perm" is two colonies)


def _names_a_word(gap: str) -> bool:
    """Whether the words between two variants name one as a word for the other (“Mast, the prisoners' own *word*
    for their caste”, “the etap, their term for a transfer”): a noun whose first WordNet sense is a word, followed
    by *for* (not “served his term in the colony”)."""
    words = words_of(gap)
    return any(after.lower() == "for" and wordnet.names_a_word(english_base(fold(w)))
               for w, after in zip(words, words[1:]) if len(w) > 3)


_PRONOUN_OBJECTS = frozenset("them him her it".split())
# “Parole, or UDO, is …”: *or* between commas names the same thing by its other name (an appositive set off by
# commas), not an alternative, which goes on without a comma (“a parcel, or a letter with money in it”).
_OR_APPOSITION = re.compile(r"\s*,\s*or\s+$")
_OR_APPOSITION_END = re.compile(r"\s*[,)—–]")


def _named_again(gap: str) -> bool:
    """Whether the later of two variants names again what a pronoun says of the earlier one, in one sentence: a
    verb of naming (WordNet's, :func:`wordnet.names_a_thing`) and its pronoun object right before it (“The
    activists stand apart; the criminal world calls them kozly”: one group of people, named twice)."""
    words = words_of(gap)
    return (len(words) >= 2 and words[-1].lower() in _PRONOUN_OBJECTS and not re.search(r"[.!?]", gap)
            and wordnet.names_a_thing(words[-2]))


def _clusters(src: str, hits: list) -> list[list]:
    """Occurrences grouped into the things the source names: the same term repeated is two things; two
    different variants in one clause, close together, are one."""
    if len(hits) == 1:
        return [hits]
    groups: list[list] = []
    for h in sorted(hits, key=lambda h: h.start):
        if groups:
            last = groups[-1][-1]
            same = english_base(fold(last.term)) == english_base(fold(h.term))
            gap = mask(src[last.end:h.start])
            words = len(words_of(gap))
            if (not same and words <= SAME_CLAUSE_WORDS and not CLAUSE_BREAK_RE.search(gap)
                    and (words <= APPOSITION_WORDS or "(" in gap or in_quotes(src, last.start, last.end)
                         or in_quotes(src, h.start, h.end) or _names_a_word(gap)) or not same and (
                        _named_again(gap) or _OR_APPOSITION.match(gap) and _OR_APPOSITION_END.match(src, h.end))):
                groups[-1].append(h)
                continue
        groups.append([h])
    return groups


def other_sense_claims(src: str, src_lang: str, dst: str, lang: str, hits: list, all_hits: list, found: list
                        ) -> tuple[list, str]:
    """The renderings less those that stand where the source uses the concept's word in another sense, one
    each (:func:`claimed_by_place`), and why ("" when none): “Unlike the castes of India, the prison caste
    …” → « Contrairement aux castes de l'Inde, le rang en prison … » renders India's castes, not the prison's."""

    others = [o for o in all_hits if all(o is not h for h in hits)]
    if not others:
        return found, ""
    kept, claimed = claimed_by_place(src, src_lang, dst, lang, hits, others, found)
    return kept, "; ".join(f"“{shown(r.form)}” stands where the source's “{shown(o.form)}” is another sense"
                           for r, o in claimed)


# English “one” standing for a noun said before it, set against the thing that noun names (“send him a parcel,
# though the post office returned the last one I sent to a friend”): an adjective of order or a contrasting
# determiner before it, no noun or “of” after it. Not a bare “the one”, which picks out the noun just before it
# (“the colony's family room, the one with the broken kettle”). Sought as the letters first, once per message
# (remembered): a case-blind alternation tried at every place of every message for each of its concepts cost 8 %
# of the check's instructions.
_PRO_BEFORE = frozenset("another this that last first next new old other second third previous same".split())
_OF_AFTER = re.compile(r"\s*(?:of\b|-)")


@lru_cache(maxsize=256)
def _pro_forms(src: str) -> tuple[int, ...]:
    """Where the pro-forms “one” of an English message start."""
    out = []
    i = src.find("one")
    while i >= 0:
        end = i + 3
        if (not i or not src[i - 1].isalnum()) and (end == len(src) or not src[end].isalnum()):
            before = src[max(0, i - 12):i].split()
            if before and before[-1].lower() in _PRO_BEFORE and not _OF_AFTER.match(src, end):
                out.append(i)
        i = src.find("one", end)
    return tuple(out)


def pro_form_claims(src: str, src_lang: str, dst: str, lang: str, hits: list, found: list) -> tuple[list, str]:
    """The renderings less those that stand where a pro-form “one” after the concept's term repeats its noun
    (:func:`claimed_by_place`): the translation may spell the noun out («… гостинец, хотя почта вернула мне
    последнюю посылку» for “a parcel, though the post office returned the last one”), and that word renders the
    pro-form, not the term. Why ("" when none)."""
    if base_lang(src_lang) != "en":
        return found, ""
    ones = [Hit(hits[0].concept, at, at + 3, "one", "one", "pro-form") for at in _pro_forms(src) if at > hits[0].end]
    if not ones:
        return found, ""
    kept, claimed = claimed_by_place(src, src_lang, dst, lang, hits, ones, found)
    return kept, "; ".join(f"“{shown(r.form)}” stands where the source's “{src[:o.start].split()[-1]} one” repeats "
                           f"the noun" for r, o in claimed)


def excluded_claims(src: str, dst: str, lang: str, hits: list, found: list, met: Sequence[Excluded]
                    ) -> tuple[list, str]:
    """The renderings less those that render one of the concept's exclusion phrases in the source (“money
    transfer”: the glossary's word for another thing, which the match leaves out), one each: a rendering beside a
    word the bilingual dictionary gives for the phrase's other word (« Le transfert d'argent … il avait été
    déplacé » for “The money transfer … he had been transferred”: argent is money's, so « transfert » renders the
    money transfer, not the etap). ``met``: the exclusion phrases the source's match left out (its reading keeps
    them: Memo.excluded). Why ("" when none is claimed)."""
    cid = hits[0].concept.id
    phrases = [e for e in met if e.concept_id == cid and not e.binomial(src)]
    if not phrases:
        return found, ""
    kept, notes = list(found), []
    for e in phrases:
        others = " ".join(m.group(0) for m in WORD_RE.finditer(mask(src[:e.end]), e.start)
                          if not e.word_start <= m.start() < e.word_end)
        for r in kept:
            near = words_of(mask(dst[max(0, r.start - 25):r.start]))[-2:] + words_of(mask(dst[r.end:r.end + 30]))[:3]
            if others and near and (any(source_words_for(others, [], near, lang))
                                    or relational_to(others, near, base_lang(lang))):
                kept.remove(r)
                notes.append(f"“{shown(r.form)}” renders the source's “{shown(src[e.start:e.end])}”, a phrase the "
                             f"glossary excludes")
                break
    return kept, "; ".join(notes)


def other_word_claims(src: str, src_lang: str, dst: str, lang: str, hits: list, found: list,
                      met: Sequence[Excluded]) -> tuple[list, str]:
    """The renderings less those another word of the source claims: an exclusion phrase the match left out
    (:func:`excluded_claims`), a pro-form “one” after the term (:func:`pro_form_claims`); and why ("" for none)."""
    notes = []
    if met and any(e.concept_id == hits[0].concept.id for e in met):
        found, more = excluded_claims(src, dst, lang, hits, found, met)
        notes.append(more)
    if found and _pro_forms(src):
        found, more = pro_form_claims(src, src_lang, dst, lang, hits, found)
        notes.append(more)
    return found, "; ".join(n for n in notes if n)


def forbidden_apart(src: str, src_lang: str, dst: str, lang: str, forbidden: list[Hit], occurrences: dict[str, list],
                    src_hits: list[Hit]) -> dict[int, str]:
    """Of the forbidden hits of a concept the source uses both in the glossary's sense and in another, those
    that stand where an occurrence of the other sense is (as ``claimed_by_place`` reads renderings): id -> why
    (“Like the muzhiks in the novels …, the muzhiks in his barracks …” → „Wie die Bauern in den Romanen …, die
    Muschiks in seiner Baracke …“: the peasants are the novels')."""
    out: dict[int, str] = {}
    for cid in {h.concept.id for h in forbidden if h.concept.id in occurrences}:
        hits = occurrences[cid]
        if len(hits) == sum(1 for o in src_hits if o.concept.id == cid):
            continue  # (the common case: every hit of the concept is in the glossary's sense)
    
        others = [o for o in src_hits if o.concept.id == cid and all(o is not h for h in hits)]
        _kept, claimed = claimed_by_place(src, src_lang, dst, lang, hits, others,
                                          [h for h in forbidden if h.concept.id == cid])
        out.update((id(r), f"“{shown(o.form)}” is another sense") for r, o in claimed)
    return out
