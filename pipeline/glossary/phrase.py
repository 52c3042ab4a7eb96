"""A source term's own noun phrase: the noun that modifies it and the noun of its “of” phrase.

A glossary word that is also an everyday English noun (transfer, squad, parcel, search, mast) says which thing
it names by the nouns in its own phrase, not by the sentence around it: “a transfer *of the case* to another
court”, “the guards' *rapid-response* squad”, “a *radio* mast”, “a *land* parcel” are other things even in a
sentence full of prison words, while “a transfer *of prisoners*”, “a *food* parcel”, “a *cell* search”, “the
*night* search” are the glossary's. A noun of that phrase that is foreign both to the concept (its definition,
notes and terms) and to the glossary's prison vocabulary marks another kind of the thing.

Which terms are prone to this is read from data, not from a hand list: a one-word term of a common-noun concept
that an English lexicon (lemminflect's, which also tells nouns from adjectives: a *long* transfer is a transfer,
a *bank* transfer is not) knows as a noun. Transliterations (etap, otryad, zek) are not English words and never
are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import Hit, english_base, fold, mask
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.sense import FUNCTION_WORDS, GENERAL_WORDS, of_phrase, own_vocabulary, prison_vocabulary

# Words that may stand before a common noun but not before a name ("the Stolypin", not "on Stolypin").
DETERMINERS = {
    "en": frozenset("a an the this that these those his her its their our my your each every any another no "
                    "one two three first second last same whose".split()),
}
# Words that say when or how often, not what kind: a night search, a weekly parcel, a routine transfer.
WHEN_WORDS = frozenset("""night morning evening dawn midnight afternoon weekend daily weekly monthly annual
routine regular spring summer autumn winter""".split())
# The word directly before the term, separated from it only by spaces or a hyphen (a compound modifier).
MODIFIER_RE = re.compile(r"([^\W\d_]+)[ \u00a0\-\u2010\u2011]+$")
SENTENCE_START = ".!?:;“\"«„‘(—–"


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset:
    """The parts of speech an English lexicon gives a (lower-case) word: {"NOUN", "VERB", "ADJ", …}, empty for a
    word it does not know (a transliteration, a name)."""
    from lemminflect import getAllLemmas  # (loads its lexicon on first use: only when a prone term is met)

    return frozenset(getAllLemmas(word))


def _neutral() -> frozenset:
    return frozenset(english_base(fold(w)) for w in FUNCTION_WORDS | GENERAL_WORDS | WHEN_WORDS | DETERMINERS["en"])


NEUTRAL = _neutral()


def vocabulary(glossary: Glossary, concept: Concept) -> frozenset:
    """The words that, next to one of ``concept``'s terms, speak for its sense: the glossary's prison words and
    the words its definitions share, and the concept's own definition and notes (remembered per concept)."""
    memo = concept.neighbourhood
    found = memo.get("prison")
    if found is None:
        strong, weak = prison_vocabulary(glossary)
        own = own_vocabulary(concept) - {english_base(fold(w)) for t in concept.terms for w in t.text.split()}
        found = memo["prison"] = strong | weak | own
    return found


def prone(hit: Hit) -> bool:
    """Whether ``hit``'s term may be an everyday noun whose own phrase tells which thing it names: one lower-case
    word of a common-noun concept (worked out per concept; whether English knows it as a noun is asked only when
    a phrase would tell: :func:`another_kind`)."""
    memo = hit.concept.neighbourhood
    found = memo.get("prone")
    if found is None:
        c = hit.concept
        found = memo["prone"] = frozenset(
            t.text for t in c.terms
            if c.pos == "noun" and not c.case_sensitive and not t.quoted and t.text.isalpha() and t.text.islower())
    return hit.term in found


def _foreign(word: str, known: frozenset) -> bool:
    base = english_base(fold(word))
    return len(base) >= 3 and base not in NEUTRAL and base not in known and fold(word) not in known


def _noun(word: str) -> bool:
    """A noun that is not also an adjective (a *bank* transfer, not a *long* one) by the English lexicon."""
    pos = parts_of_speech(word.lower())
    return "NOUN" in pos and "ADJ" not in pos


def modifier(text: str, hit: Hit, others: list[Hit], known: frozenset) -> str:
    """The foreign noun directly before ``hit`` that modifies it (“radio” mast, rapid-“response” squad), "" when
    the word before is no such noun: a determiner, an adjective (a *long* transfer), a possessive (the guards'
    squad), a name (the Kazan transfer), another glossary term (a *colony* squad) or a word of the concept's or
    the prison's vocabulary (a *food* parcel)."""
    before = mask(text[max(0, hit.start - 60):hit.start])
    m = MODIFIER_RE.search(before)
    if not m:
        return ""
    word = m.group(1)
    if word[:1].isupper():
        rest = before[:m.start(1)].rstrip()
        if rest and rest[-1] not in SENTENCE_START or word.isupper():
            return ""  # a name or an acronym inside a sentence
        word = word.lower()
    if not _foreign(word, known):
        return ""
    lo = hit.start - len(before) + m.start(1)
    if any(o.start <= lo < o.end for o in others if o is not hit) or not _noun(word):
        return ""
    return word


def another_kind(glossary: Glossary, text: str, hit: Hit, others: list[Hit], conditional: bool) -> str:
    """Why the nouns of ``hit``'s own phrase make it another thing than the glossary's ("" when they do not)."""
    if not prone(hit):
        return ""
    known = vocabulary(glossary, hit.concept)
    word = modifier(text, hit, others, known)
    if word and "NOUN" in parts_of_speech(hit.term):
        return f"“{word} {hit.form}” is another kind of {hit.form}"
    if not conditional:  # (a conditional term's “of” phrase is judged with the message's context: sense.py)
        content = [w for w in of_phrase(text, hit.end) if english_base(fold(w)) not in NEUTRAL]
        terms = {fold(w) for o in others if o is not hit for w in o.form.split()}
        if (content and not any(w[:1].isupper() or fold(w) in terms for w in content)
                and all(_foreign(w, known) for w in content) and "NOUN" in parts_of_speech(hit.term)):
            return f"“{hit.form} of … {content[0]}” is another sense"
    return ""
