"""A one-word name of the glossary that is also an English noun (Memorial): the name where it stands bare, as a
name stands, and the noun where a determiner opens its phrase (“the Memorial to the Victims of the Famine” is a
monument; “the local branch of Memorial” the society). Read of each occurrence alone (glossary/local_reading.py)
and for the article's question about one-word names (checks/name_sense.py)."""

from __future__ import annotations

from pipeline.glossary import wordnet
from pipeline.glossary.match import WORD_RE, Hit, fold, mask
from pipeline.glossary.model import Concept
from pipeline.glossary.english_pos import PREPOSITIONS
from pipeline.glossary.phrase import DETERMINERS, SENTENCE_START
from pipeline.glossary.sense import FUNCTION_WORDS


def noun_name(concept: Concept, term: str) -> bool:
    """Whether ``term`` is a one-word name of the glossary (case-sensitive) that is also an English noun, by
    WordNet (Memorial; not MSU, Smirnov); once per term."""
    return concept.remembered(f"noun name {term}", lambda: (  # (most names are no English word)
        concept.pos == "proper noun" and concept.case_sensitive and " " not in term
        and bool(wordnet.senses(fold(term)))))


def determined_name(text: str, hit: Hit) -> str:
    """Why a one-word name that is also an English noun (Memorial) is that noun here ("" when it is not): after a
    determiner, heading its noun phrase (no lower-case noun after it: “the Memorial to the Victims of the
    Famine”, “a Memorial, unveiled …”). A singular common noun takes a determiner, an organisation's one-word
    name does not (“the local branch of Memorial”); “the Memorial society” is the name used as a modifier. Read
    of each occurrence alone: the same word bare in the same sentence is still the name."""
    if not noun_name(hit.concept, hit.term) or not hit.form[:1].isupper() or hit.form.isupper():
        return ""
    before = mask(text[max(0, hit.start - 40):hit.start]).rstrip()
    if not before or before[-1] in SENTENCE_START or not _determined(before, text, hit.end):
        return ""
    return (f"“{hit.form}” after “{before.split()[-1]}” is the word “{fold(hit.term)}”, not the name (a name takes no "
            f"determiner)")


def _determined(before: str, text: str, end: int) -> bool:
    """Whether the words ``before`` a name end in a determiner and no content word follows the name
    (ending at ``end`` of ``text``): the name heads a noun phrase that a determiner opens, as a common noun does."""
    last = before.split()[-1:] if before[-1:].isalpha() else []
    # (not “that”, a conjunction as often: “says that Memorial is …”; nor “her”, an object as often)
    if not last or last[0].lower() not in DETERMINERS["en"] or last[0].lower() in ("her", "one", "that"):
        return False
    if text[end:end + 1] in ("'", "’"):
        return False  # (a possessive: “the Memorial's list” may be the society's)
    nxt = WORD_RE.match(mask(text[end:end + 40]).lstrip()) if text[end:end + 1] == " " else None
    # (a capitalised word after it makes a longer name, “the Memorial Regatta”: read by name_sense)
    return nxt is None or nxt.group(0) in PREPOSITIONS or nxt.group(0) in FUNCTION_WORDS
