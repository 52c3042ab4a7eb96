"""What each glossary hit of a source message says by its own neighbourhood and phrase, before the message's prison
context is read: a word the glossary marks next to it, a title or a name (glossary/neighbourhood.py), a phrase that
names another kind of thing (glossary/phrase.py), a compound noun WordNet lists, a capital letter.

The first of source_reading.py's steps (:func:`local_senses`); kept apart from the message's reading, which builds
on it, so that each module does one job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.glossary import wordnet
from pipeline.glossary.balance import inside_a_name
from pipeline.glossary.comparison import compared, may_compare
from pipeline.glossary.english_pos import parts_of_speech
from pipeline.glossary.match import english_base, fold
from pipeline.glossary.model import Glossary
from pipeline.glossary.negation import DENIAL_RE
from pipeline.glossary.neighbourhood import has_cues, other_sense_near, prison_near, set_apart
from pipeline.glossary.phrase import another_kind, prone
from pipeline.glossary.sense import (
    base_word, compound_noun, conditional, prison_vocabulary, term_of,
)
from pipeline.glossary.textprep import shown
from pipeline.glossary.name_noun import determined_name
from pipeline.glossary.topic import written_otherwise


@dataclass
class Local:
    """What each hit's own neighbourhood and phrase say, before the message's prison context is read."""

    hits: list  # every hit of the source
    other: dict[tuple[str, str], str]  # (concept id, folded form) -> why that form is another sense here
    other_ids: set[int]  # the hits read so by their own neighbourhood
    phrased: dict[tuple[str, str], str]  # (concept id, variant) -> why its own phrase names another kind of thing
    asked_ids: set[int]  # the hits whose findings are only questions for that reason
    kept: list  # the hits not read in another sense by their neighbourhood
    plain: list  # ... of those, the ones not asked about: the message's own prison cues
    deferred: bool = False  # whether the phrase readings are left for complete_source (phrased, asked_ids empty)
    excluded: list = field(default_factory=list)  # the exclusion phrases the match left out (match.Excluded)


def local_senses(glossary: Glossary, src: str, src_hits: list, phrases: bool = True) -> Local:
    """What each term's own neighbourhood says (a title, a name, a word the glossary marks next to it); a variant
    read in another sense there is read so in the whole message (“a parcel containing explosives …; the parcel
    was never found”), and says nothing of the message's prison context. An everyday noun whose own phrase names
    another kind of thing (a radio mast, a transfer of the case) is read so by a rule, not by a line of the
    glossary: its findings are questions, unless the concept occurs in the message in the glossary's sense too.

    ``phrases=False`` leaves the phrase readings for later (``deferred``) where all they can do is make findings
    questions: every concept kept once, none under a sense condition (then a phrase reading neither drops one
    occurrence of several nor changes the prison context a condition reads)."""
    local: dict[tuple[str, str], str] = {}
    local_ids: set[int] = set()
    for h in src_hits:
        cond = conditional(h)
        # (a term whose modifier says prison — the prison caste, a cell search — is the glossary's whatever
        # stands next to it; not one whose head is a prison word: a hospital's red zone)
        if (cond or has_cues(h)) and not _says_prison(glossary, h.form):
            same = [o for o in src_hits if o.concept is h.concept and o is not h]
            why = other_sense_near(glossary, src, h, term_of(h), cond, same)
            if why:
                # A word read so is read so again in the same form (“a parcel containing explosives …; the
                # parcel”), not in another number (“a transfer of power … has not stopped the transfers”).
                local.setdefault((h.concept.id, fold(h.form)), f"the source's “{shown(h.form)}” is another sense: {why}")
                local_ids.add(id(h))
    for h, why in _denied(src, src_hits):
        local.setdefault((h.concept.id, fold(h.form)), f"the source's “{shown(h.form)}” is another sense: {why}")
        local_ids.add(id(h))
    if local:
        # ... unless prison is next to the repeat (“an artists' colony …; now he paints the guards in the
        # colony”), as for a phrase's reading below
        rest = [h for h in src_hits if (h.concept.id, fold(h.form)) not in local]
        kept = [h for h in src_hits if (h.concept.id, fold(h.form)) not in local
                or (id(h) not in local_ids and (prison_near(glossary, src, h, rest)
                                                or set_apart(src, h, [o for o in src_hits if id(o) in local_ids])))]
    else:
        kept = src_hits
    if not phrases and len({h.concept.id for h in kept}) == len(kept) and not any(map(conditional, kept)):
        return Local(src_hits, local, local_ids, {}, set(), kept, kept, deferred=True)
    phrased, asked_ids = phrase_senses(glossary, src, src_hits, local_ids)
    # (a hit of another kind says nothing of the message's prison context)
    plain = [h for h in kept if id(h) not in asked_ids] if asked_ids else kept
    return Local(src_hits, local, local_ids, phrased, asked_ids, kept, plain)


def phrase_senses(glossary: Glossary, src: str, src_hits: list, other_ids: set[int]
                   ) -> tuple[dict[tuple[str, str], str], set[int]]:
    """Which hits (not read in another sense by their neighbourhood, ``other_ids``) their own phrase or their
    capital letter makes another thing: (concept id, variant) -> why, and the hits asked about."""
    phrased: dict[tuple[str, str], str] = {}
    asked_ids: set[int] = set()
    alone: set[int] = set()
    comparing = may_compare(src)
    for h in src_hits:
        if id(h) in other_ids:
            continue
        why = comparing and compared(src, h)  # (“feels like solitary confinement”: glossary/comparison.py)
        if why:
            phrased.setdefault((h.concept.id, variant(h)), why)
            asked_ids.add(id(h))
            continue
        if prone(h):
            why = another_kind(glossary, src, h, src_hits, conditional(h)) or _in_compound(glossary, src, h)
            if why:
                phrased.setdefault((h.concept.id, variant(h)), why)
                asked_ids.add(id(h))
                continue
        if h.form[:1].isupper():
            # A transliteration capitalised inside a sentence is a name (a Kozel beer); a name that is also an
            # English word may be that word at a sentence's start (“Memorial services …”).
            why = written_otherwise(src, h, src_hits) or inside_a_name(glossary, src, h, src_hits)
            if why:
                phrased.setdefault((h.concept.id, variant(h)), why)
                asked_ids.add(id(h))
                continue
            # (“the Memorial to …”: this occurrence alone, not the bare name)
            why = determined_name(src, h) if h.concept.pos == "proper noun" else ""
            if why:
                phrased.setdefault((h.concept.id, variant(h)), why)
                asked_ids.add(id(h))
                alone.add(id(h))
    if phrased:
        # The same word again is the same thing (“a radio mast …; the mast fell”) unless prison is next to it
        # (“a transfer of the case …, so his transfer to the colony went ahead”), or its reading was of that
        # occurrence alone (a name after a determiner: the same name bare is the name).
        rest = [h for h in src_hits if (h.concept.id, variant(h)) not in phrased]
        spread = {k for k in phrased if not any(id(h) in alone for h in src_hits if (h.concept.id, variant(h)) == k)}
        asked_ids |= {id(h) for h in src_hits if (h.concept.id, variant(h)) in spread
                      and not prison_near(glossary, src, h, rest)}
    return phrased, asked_ids


def deferred_phrases(glossary: Glossary, src: str, local: Local, occurrences: dict[str, list],
                      questions: dict[str, str]) -> None:
    """The phrase readings :func:`local_senses` left for later, as :func:`_message_senses` and
    :func:`phrase_questions` would have read them: an asked concept goes after the others, as a question."""
    local.deferred = False
    local.phrased, local.asked_ids = phrase_senses(glossary, src, local.hits, local.other_ids)
    if not local.asked_ids:
        return
    local.plain = [h for h in local.kept if id(h) not in local.asked_ids]
    asked = {cid: occurrences.pop(cid) for cid, hs in list(occurrences.items()) if id(hs[0]) in local.asked_ids}
    questions.update(phrase_questions(asked, occurrences, local.phrased))


def phrase_questions(asked: dict[str, list], occurrences: dict[str, list], phrased: dict[tuple[str, str], str]
                      ) -> dict[str, str]:
    """A concept met only where its own phrase names another kind of thing counts, as a question (concept id
    -> why); where it is also met in the glossary's sense, those occurrences decide (added to ``occurrences``)."""
    questions: dict[str, str] = {}
    for cid, hs in asked.items():
        if cid not in occurrences:
            occurrences[cid] = hs
            questions[cid] = f"a question only: {phrased[(cid, variant(hs[0]))]}"
    return questions


_SENTENCE_END_RE = re.compile(r"[.;:!?]")


def _denied(src: str, src_hits: list) -> list:
    """The everyday variant (:func:`prone`) that a sentence denies is its concept's other variant beside it (“a
    “common fund” …, which has nothing to do with the obshchak”: a denial among the six words before the later one,
    in one sentence; negation.DENIAL_RE): (hit, why) pairs; it names another thing."""
    if len(src_hits) < 2 or len({id(h.concept) for h in src_hits}) == len(src_hits):
        return []  # (the common case: no concept met twice)
    out = []
    for i, a in enumerate(src_hits):
        b = next((o for o in src_hits[i + 1:] if o.concept is a.concept), None)
        if b is None or variant(a) == variant(b):
            continue
        gap = src[a.end:b.start]
        near = " ".join(gap.split()[-6:])  # (the denial relates the two: “… has nothing to do with the obshchak”)
        if not DENIAL_RE.search(near) or _SENTENCE_END_RE.search(gap) or _english(a) == _english(b):
            continue
        everyday, other = (a, b) if _english(a) else (b, a)
        out.append((everyday, f"the sentence denies that it is the “{shown(other.form)}”"))
    return out


def _english(h) -> bool:
    """Whether a hit is an everyday English noun (:func:`prone`, and the lexicon knows its head), not a
    transliteration (obshchak, etap)."""
    return prone(h) and "NOUN" in parts_of_speech(h.form.rsplit(" ", 1)[-1].lower())


def _says_prison(glossary: Glossary, form: str) -> bool:
    """Whether a modifier of a term's ``form`` (a word before its last) is one of the glossary's
    ``prison_words``."""
    words = form.split()
    if len(words) < 2:
        return False
    strong = prison_vocabulary(glossary)[0]
    return any(base_word(w) in strong for w in words[:-1])


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _word_before(text: str, lo: int, hi: int) -> str:
    r"""What ``([^\W\d_]+)[ -]$`` finds in ``text[lo:hi]`` (its group, "" for none), read from the end: the search
    tried every position of the window. ``$`` is the window's end or, before a newline that ends it, the newline."""
    last = text[hi - 1:hi] if hi > lo else ""
    sep = hi - 1 if last in (" ", "-") else hi - 2 if last == "\n" and hi - 2 >= lo and text[hi - 2] in " -" else -1
    m = _LETTERS_RE.match(text[lo:sep][::-1]) if sep >= 0 and last else None
    return text[sep - m.end():sep] if m else ""
_AFTER_RE = re.compile(r"[ -]([^\W\d_]+)")


def _in_compound(glossary: Glossary, text: str, h) -> str:
    """Why an everyday noun term is part of a compound noun WordNet lists as another thing, with the word before
    or after it (“*mast cells* release histamine”, “a *retinal detachment*”), "" when it is not (a *prison cell*
    speaks of prison)."""
    words = h.form.split()
    before = _word_before(text, max(0, h.start - 30), h.start)
    after = _AFTER_RE.match(text, h.end)
    # (the neighbour in lower case: a capital there is a name's, “the Kazan transfer”)
    for pair in ((before, words[0]) if before and before.islower() else None,
                 (words[-1], after.group(1)) if after and after.group(1).islower() else None):
        lemma = compound_noun(glossary, *pair) if pair else ""
        if lemma and not _own_term(h.concept, lemma):
            return f"“{lemma}” is a thing of its own ({wordnet.definition(wordnet.senses(lemma)[0])})"
    return ""


def _own_term(concept, lemma: str) -> bool:
    """Whether the compound WordNet lists is a term of the concept itself (“the prison *caste system*”: the
    glossary names “caste system” as the caste's own term, whatever other society WordNet's sense describes)."""
    key = " ".join(english_base(w) for w in lemma.split())
    return any(" ".join(english_base(fold(w)) for w in t.text.split()) == key for t in concept.terms)


def variant(h) -> str:
    """A source hit's word as a variant of its term (parcel = parcels)."""
    return english_base(fold(h.form))
