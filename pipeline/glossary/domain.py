"""A sentence in another field than the glossary's: its nouns are none of the prison's and make a field of their own.

The topic rule (glossary/topic.py) looks for words a WordNet sense of the term shares with the sentence, and
finds them rarely: “We lost the mast in a squall off Brittany and limped into Roscoff under engine” shares no
word with “a vertical spar for supporting sails”, nor “Everyone threw something into the common pot — potatoes,
an onion, a tin of stew” with “a cooking vessel”. What tells these apart from prison sentences is the field the
whole sentence is in, as domain-driven disambiguation reads it (a word takes the sense of its text's domain):

- **not the glossary's field**: the glossary describes prison life, so the words it writes — every concept's
  definition, notes and terms, ``prison_words`` — and the words of news about the state and the courts
  (sense.GENERAL_WORDS), or a noun whose own first dictionary definitions use prison's or the law's words (a
  *lawyer*, a *reprimand*), belong to it. None of the sentence's common nouns (at least three besides the
  glossary's) may;
- **a field of its own**: two of those nouns are of one narrow WordNet lexicographer class — foods (potatoes,
  soup), weather (a squall, a gale), plants, animals, substances, body parts — not of the broad ones every
  sentence has (artifacts, persons, acts, groups, places, times): a cell's bed, sink and bucket, a caste's cup
  and towel make no field;
- **of another sense's kind**: one of them is of the same class as one of the term's other senses (the dinghy
  and the mast's spar are artifacts).

All three are asked only where the topic rule asks (one everyday noun concept, nothing else about prison), and
the result is a question (a warning that names the nouns), never silence.
"""

from __future__ import annotations

from pipeline.glossary import wordnet
from pipeline.glossary.match import WORD_RE, Hit, blanked, fold
from pipeline.glossary.model import Glossary
from pipeline.glossary.sense import GENERAL_WORDS, base_word, speaks_of_prison
from pipeline.glossary.topic import STOP, content_stems, stem, topic_senses

MIN_NOUNS = 3  # fewer nouns say too little of a field (“The roosters sleep by the toilets”)
# The law's words: a noun whose definition uses one is the field of courts and prisons (a reprimand, a lawyer).
LAW_WORDS = frozenset(base_word(w) for w in "law court crime criminal police judge trial prosecutor lawyer".split())


def domain_words(glossary: Glossary) -> frozenset:
    """The stems of every source-language word the glossary writes, and of news words about the state and the
    courts (worked out once per glossary)."""
    found = glossary.domain_words
    if found is None:
        texts = [*glossary.prison_words, *GENERAL_WORDS]
        for c in glossary.concepts:
            texts += [c.definition, c.translator_note, c.source_reader_note, *(t.text for t in c.terms)]
        found = glossary.domain_words = content_stems(" ".join(texts))
    return found


def _of_the_field(glossary: Glossary, word: str) -> bool:
    """Whether a noun belongs to the glossary's field: a word it writes, or one whose first dictionary senses
    are defined by prison's or the law's words."""
    if stem(word) in domain_words(glossary):
        return True
    for pos in ("noun", "verb"):
        for o in word_senses(word, pos)[:2]:
            s = wordnet.synset(o, pos)
            if s and speaks_of_prison(glossary, s.gloss.split('"')[0], extra=LAW_WORDS):
                return True
    return False


def word_senses(word: str, pos: str = "noun") -> tuple[int, ...]:
    """A word's senses as written, else as a plural's singular (codes: code, not cod), else its English base."""
    w = fold(word)
    return (wordnet.senses(w, pos) or (w.endswith("s") and wordnet.senses(w[:-1], pos))
            or wordnet.senses(base_word(w), pos))


def foreign_field(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit]) -> str:
    """Why the message's nouns place it in another field than the glossary's, the field of another sense of
    ``hits``' word ("" when they do not). ``every``: all the message's glossary hits, whose words are left out."""
    h = hits[0]
    masked = blanked(text, every)
    nouns: list[str] = []
    for w in WORD_RE.findall(masked):  # common nouns: a name says where or who, not which field
        if (w[:1].islower() and len(w) >= 3 and fold(w) not in STOP and w not in nouns
                and word_senses(w)):  # (a noun WordNet knows: its index is open already, lemminflect's may not be)
            nouns.append(w)
    if len(nouns) < MIN_NOUNS:
        return ""
    ours = domain_words(glossary)
    if any(stem(w) in ours for w in nouns):
        return ""  # (the glossary's own words first: a set test)
    # (a sense's class is a few bytes of its line; the definitions of the law's words are read only then)
    classes = {w: {wordnet.lexfile(o) for o in word_senses(w)[:2]} for w in nouns}
    own = _own_field(classes)
    if not own:
        return ""
    kinds: dict[int, int] = {}  # lexicographer class -> the first other sense of it
    for o in topic_senses(glossary, h):
        kinds.setdefault(wordnet.lexfile(o), o)
    kin = next(((w, kinds[k]) for w in nouns for k in sorted(classes[w]) if k in kinds), None)
    if kin is None or any(_of_the_field(glossary, w) for w in nouns):
        return ""
    shown = ", ".join(f"“{n}”" for n in own[:3])
    return (f"none of its nouns is the glossary's, {shown} are a field of their own, and “{kin[0]}” is of the kind of "
            f"another sense of “{h.form}” ({wordnet.definition(kin[1])})")


# Lexicographer classes too broad to make a field: any sentence has artifacts, persons, acts, groups, places, times.
BROAD = frozenset([3, 4, 6, 7, 9, 10, 14, 15, 18, 21, 23, 24, 26, 28])


def _own_field(classes: dict[str, set[int]]) -> list[str]:
    """Two or more nouns of one narrow lexicographer class (foods, plants, animals, weather, substances, body
    parts …): the sentence's own field; [] when there are none."""
    by_class: dict[int, list[str]] = {}
    for w, ks in classes.items():
        for k in ks - BROAD:
            by_class.setdefault(k, []).append(w)
    return max((ws for ws in by_class.values() if len(ws) >= 2), key=len, default=[])
