"""Where a glossary thing goes: a place on the map after its term, and whether the concept's definition says its
thing goes to or is at places at all.

“A short visit *to Berlin*” is a trip: the glossary's short visit is “a visit of up to four hours from relatives,
through glass and by telephone”, at no place its definition names. “A transfer *to Kirov*” is an etap, which goes
“between SIZO and colony”; a parcel is handed in “at the *prison*”. The phrase reading (glossary/phrase.py) asks
this of a term's to/into phrase that begins with a name.
"""

from __future__ import annotations

import re

from pipeline.glossary import wordnet
from pipeline.glossary.english_pos import word_classes
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.sense import FUNCTION_WORDS, base_word

WORDS_RE = re.compile(r"[^\W\d_]+")

PLACE_NAME_RE = re.compile(r"(?:the\s+)?([A-Z][^\W\d_]+)\b")


# What may follow a place that ends its phrase: punctuation, the text's end, or a function word (“to Berlin in May”,
# “to Moscow for the hearing”); not a possessive or a noun (“to Moscow's Butyrka”, “to the Moscow SIZO”).
AFTER_PLACE_RE = re.compile(r"\s*(?:$|[,;:.!?)…—–]|([^\W\d_]+)\b(?!['’]))")


def place_name(text: str, start: int) -> str:
    """The capitalised word at ``start`` (past “the”) when WordNet's first sense of it is a place on the map
    (noun.location: Berlin, Moscow, Iraq) and it ends its phrase, else "": in “to Moscow's Butyrka” or “to the
    Moscow SIZO” the place says where the thing after it is."""
    m = PLACE_NAME_RE.match(text, start, start + 40)
    if not m or text[m.end():m.end() + 1] in ("'", "’"):
        return ""
    after = AFTER_PLACE_RE.match(text, m.end())
    if not after or (after.group(1) and after.group(1).lower() not in FUNCTION_WORDS):
        return ""
    return m.group(1) if wordnet.names_a_place(m.group(1).lower()) else ""


# WordNet's lexicographer files of a place: a building or a thing made (noun.artifact: a prison, a cell, a room) or
# a place on the map (noun.location: a zone).
PLACE_FILES = (wordnet.ARTIFACT, wordnet.LOCATION)


def has_places(glossary: Glossary, concept: Concept) -> bool:
    """Whether ``concept``'s definition says where its thing goes or is: it names another of the glossary's
    concepts (an etap's SIZO and colony, a long visit's colony) or a place among the glossary's ``prison_words``
    (WordNet's first sense a building or a place: a parcel handed in at the *prison*, the search of a *cell*). A
    concept whose definition names none (a short visit: from relatives, through glass and by telephone) goes to
    no city: “a short visit to Berlin” is a trip. Worked out once per concept."""
    def make() -> bool:
        if any(h.concept is not concept for h in glossary.find(concept.definition, glossary.source_language, remember=False)):
            return True
        places = {base_word(w) for p in glossary.prison_words for w in p.split()
                  if any(wordnet.lexfile(o) in PLACE_FILES for o in wordnet.senses(w.lower())[:1])}
        return bool(places & {base_word(w) for w in WORDS_RE.findall(concept.definition)})
    return concept.remembered("has places", make)


def place_head(text: str, prep: re.Match, noun: str, glossary: Glossary, hit) -> bool:
    """Whether ``noun``, found in the to/into/from phrase after ``prep``, is a place by WordNet (noun.location: a
    region, a city, a district) that heads its phrase — no noun follows it (“from the *district* hospital” goes from
    a hospital) — and ``hit``'s concept goes to places (:func:`has_places`): a transfer to another region is the
    etap's."""
    if prep.group(1).lower() not in ("to", "into", "from") or not wordnet.names_a_place(base_word(noun)):
        return False
    m = re.compile(r"\b%s\b\s*([^\W\d_]*)" % re.escape(noun)).search(text, prep.end(), prep.end() + 80)
    return not (m and m.group(1) and "NOUN" in word_classes(m.group(1).lower())) and has_places(glossary, hit.concept)
