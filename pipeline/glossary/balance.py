"""The balance of a sentence's evidence for an everyday word's prison sense (Lesk's comparison, read the other way).

The topic rule (glossary/topic.py) makes a finding a question where the sentence's words fit another dictionary
sense of the word better than the glossary's. The same comparison also says the opposite: “His mother queued
to hand in a parcel, and it was turned back”, “After the search, his letters were gone”, “since his detachment
was moved to the new barracks” name no prison word next to the glossary word, yet the sentence shares words
(a mother, letters, barracks) with the glossary's sense — the concept's definition and notes and the glossary's
prison vocabulary — and none with any other WordNet sense. Where that is so the sentence is read in the
glossary's sense:

- a term that counts only in a prison context (``prison_only``) and found none counts after all;
- an ``everyday`` term with nothing next to it that says prison is no question (a missing rendering is an
  error).

The glossary's side must win outright: more shared words than every other sense, and at least two words or one
noun (a verb of a definition alone — a parcel “handed” over — tells no topic), as the topic rule asks of the
other side. A sentence that shares nothing with either stays as it was: the want of a prison context is then
the only evidence, and it still says “question”.
"""

from __future__ import annotations

from pipeline.glossary import wordnet
from pipeline.glossary.match import WORD_RE, Hit, blanked, fold, mask
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.english_pos import parts_of_speech
from pipeline.glossary.phrase import SENTENCE_START, another_kind
from pipeline.glossary.sense import NO_PRISON, SourceSense, base_word
from pipeline.glossary.topic import (
    has_noun, own_stems, message_words, shown_words, content_stems, other_senses, prison_elsewhere, signature, stem,
)


def _concept_side(concept: Concept) -> frozenset:
    """The stems of the concept's own definition, notes and terms — not the glossary's prison vocabulary: a prison
    word says the sentence is about prison, not which sense this word has in it (“Doctors at the prison hospital
    found a retinal detachment”); remembered with the concept's other memos."""
    memo = concept.memos
    found = memo.get("balance")
    if found is None:
        # (stemmed from the words as written: own_vocabulary's English bases have lost a final e — wif, hous)
        text = " ".join([concept.definition, concept.translator_note, concept.source_reader_note,
                         *(t.text for t in concept.terms)])
        found = memo["balance"] = content_stems(text)
    return found


def glossary_fit(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit]) -> str:
    """Why the words of ``text`` fit the glossary's sense of ``hits``' word better than every other WordNet sense
    ("" when they do not): the shared words. ``every``: all the message's glossary hits, whose words are left
    out (a term is no evidence for itself)."""
    h = hits[0]
    masked, stems = message_words(text, every)
    words = stems - own_stems(h)
    ours = words & _concept_side(h.concept)
    if ours:  # (cheapest first: most sentences share nothing with the concept's own words)
        ours -= _in_compounds(masked, ours)
    if not ours or len(ours) <= max((len(words & signature(o, "noun")[0]) for o in other_senses(glossary, h)),
                                    default=0):
        return ""
    if (len(ours) < 2 and not (has_noun(masked, ours) and not _commonest(masked, ours))) or any(
            _compound(text, o) for o in hits):
        return ""
    shown = ", ".join(f"“{w}”" for w in shown_words(masked, ours))
    return (f"the sentence's {shown} fit{'s' if len(ours) == 1 else ''} the glossary's sense of “{h.form}” better than "
            f"its other dictionary senses")


# A noun the sense-tagged corpus meets this often or more is among its commonest (time 595, year 450, way 380, day
# 349, thing 336): a word of nearly every topic, no evidence of one alone (“the bag search *takes time*” shares
# “time” with a definition's “for the first *time*”). Measured 20 (the topic rule's RARE), 50, 100, 200, 400: 20
# and 50 lose found violations (“his *term*”, the *guards*: prison's own common nouns), 100 to 400 are equal.
COMMONEST = 200


def _commonest(text: str, stems: frozenset) -> bool:
    """Whether the one word of ``text`` keyed by ``stems`` is among the commonest nouns (:data:`COMMONEST`)."""
    return any(max(wordnet.noun_count(fold(w)), wordnet.noun_count(base_word(w))) >= COMMONEST
               for w in shown_words(text, stems)[:1])


def _in_compounds(text: str, stems: frozenset) -> frozenset:
    """Those of ``stems`` whose words in ``text`` are part of a compound noun WordNet lists as a thing of its own
    (“post office”: a place, not the post a parcel is sent by): such a word is the compound's, no evidence for a
    sense its part alone may have. (Only the pairs holding one of ``stems`` are looked up.)"""
    words = list(WORD_RE.finditer(text))
    out: set[str] = set()
    for a, b in zip(words, words[1:]):
        pair = (stem(a.group(0)), stem(b.group(0)))
        if (pair[0] in stems or pair[1] in stems) and text[a.end():b.start()] == " " and (
                wordnet.senses(f"{fold(a.group(0))} {fold(b.group(0))}")):
            out.update(pair)
    return frozenset(out) & stems


def _compound(text: str, hit: Hit) -> str:
    """The word before ``hit`` when the two are a compound the dictionary lists as a thing of its own (“retinal
    detachment”: a visual impairment), else "". Such a compound is no evidence either way: its own sense decides,
    not the words the glossary's sense shares with the sentence."""
    before = WORD_RE.findall(mask(text[max(0, hit.start - 30):hit.start]))
    if not before or not text[:hit.start].endswith((" ", "-")):
        return ""
    word = fold(before[-1])
    return word if wordnet.senses(f"{word} {fold(hit.form)}") or wordnet.senses(f"{word} {fold(hit.term)}") else ""


def promote_by_balance(glossary: Glossary, src: str, sense: SourceSense, weak: dict[str, list],
                       occurrences: dict[str, list], src_hits: list) -> dict[str, str]:
    """Count a prison-only concept that found no prison context where the sentence's words fit its glossary
    sense better than any other dictionary sense (“to hand in a parcel, and it was turned back” shares a mother
    and handing in with the glossary's parcel): glossary/balance.py — unless a hit's own phrase names another
    thing (“a long visit *to the museum*”: the phrase rule reads a prison-only term's phrase only here, as a
    prison context would overrule it). Every hit of the concept then needs a rendering. Returns concept id -> why."""
    fits: dict[str, str] = {}
    for cid, hs in weak.items():
        # (only for want of a prison context: not a parcel *of land*, which is weak for another reason)
        if (cid not in occurrences and all(sense.why_not(h)[0] == NO_PRISON for h in hs)
                and not any(another_kind(glossary, src, h, src_hits, True) for h in hs)):
            fit = glossary_fit(glossary, src, hs, src_hits)
            if fit:
                occurrences[cid], fits[cid] = hs, fit
    return fits


def inside_a_name(glossary: Glossary, text: str, hit: Hit, every: list[Hit]) -> str:
    """Why a case-sensitive name that is also an English word (Memorial) is part of a longer name made of English
    words — “the *War* Memorial”, a monument — and not the glossary's ("" when it is not): inside a sentence,
    after a capitalised word the lexicon knows as a noun, in a sentence that says nothing of prison and whose words
    fit one of the English word's WordNet senses (“… cleaned before *Remembrance* Day”)."""
    c = hit.concept
    if c.pos != "proper noun" or not c.case_sensitive or " " in hit.term or not hit.form[:1].isupper():
        return ""
    senses = c.memos.get(f"english {hit.term}")
    if senses is None:  # (once per term: most names are no English word)
        senses = c.memos[f"english {hit.term}"] = wordnet.senses(fold(hit.term))
    if not senses:
        return ""
    before = mask(text[max(0, hit.start - 40):hit.start])
    words = WORD_RE.findall(before)
    if not words or not before.endswith(" ") or not words[-1][:1].isupper() or words[-1].isupper():
        return ""
    head = before[:before.rstrip().rfind(words[-1])].rstrip()
    if not head or head[-1] in SENTENCE_START:
        return ""  # (a sentence's first word is capitalised anyway: “In May Memorial recognised …”)
    if any(o is not hit and o.concept.pos != "proper noun" for o in every) or prison_elsewhere(
            glossary, text, [hit]):
        return ""
    masked = blanked(text, [hit])
    stems = content_stems(masked) - {stem(words[-1])}
    # (the lexicon last: most runs never need to read it)
    for offset in senses:
        shared = stems & signature(offset, "noun")[0]
        if shared and (len(shared) >= 2 or has_noun(masked, shared)) and "NOUN" in parts_of_speech(words[-1].lower()):
            gloss = wordnet.definition(offset)
            shown = ", ".join(f"“{w}”" for w in shown_words(masked, shared))
            return (f"“{words[-1]} {hit.form}” is a name made of English words, and the sentence's {shown} fit "
                    f"“{fold(hit.term)}” ({gloss})")
    return ""
