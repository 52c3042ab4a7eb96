"""A term's occurrence at a place the glossary's own exclusion phrases name: another event.

glossary.toml's note for *obysk*: “not a police raid on a home (that is обыск too, but another event)”, and its
Russian exclusions name the places — «обыск в квартире», «обыск в доме», «обыск в офисе» —, its English ones
“house search”, “home search”. “The searches at your friends' flats”, “the search in his sister's flat” are that
raid: a word of the few after “at” or “in” whose base is a word of the concept's English exclusions, or whose
FreeDict translation into a language meets (by Snowball stem) a word of that language's exclusions (flat →
квартира, office → офис). A place the exclusions do not name says nothing (“a search at the gate”, “in the
barracks”): where the search is held is no sense of its own (measured: every place after “at” lost three found
violations on the development sets).
"""

from __future__ import annotations

import re

from pipeline.glossary.bilingual import _stem, translations
from pipeline.glossary.match import WORD_RE, Hit, english_base, fold, mask
from pipeline.glossary.model import Concept

_PLACE_RE = re.compile(r" (at|in) ", re.I)
_PHRASE_END = re.compile(r"[,;:.!?()]")


def excluded_place(text: str, hit: Hit) -> str:
    """“at … flats” where the phrase after ``hit`` in ``text`` names a place of the concept's exclusions, else
    "" (read for prison-only terms, by glossary/sense.py)."""
    m = _PLACE_RE.match(text, hit.end)
    if not m:
        return ""
    words = exclusion_words(hit.concept)
    if not words:
        return ""
    for w in WORD_RE.findall(_PHRASE_END.split(mask(text[m.end():m.end() + 50]))[0])[:4]:
        if english_base(fold(w)) in words.get("en", ()) or len(w) > 3 and any(
                _stem(lang, x) in stems for lang, stems in words.items() if lang != "en"
                for x in translations(english_base(fold(w)), lang) if " " not in x):
            return f"{m.group(1).lower()} … {w}"
    return ""


def exclusion_words(concept: Concept) -> dict[str, frozenset[str]]:
    """The words (of four letters or more) of the concept's exclusion phrases less its own terms' words, by
    language: English ones by their base, the translations' by their Snowball stems (квартире and квартира
    meet); remembered with the concept."""
    def make() -> dict[str, frozenset[str]]:
        out = {}
        own = {english_base(fold(w)) for t in concept.terms for w in WORD_RE.findall(t.text)}
        en = frozenset(english_base(fold(w)) for e in concept.exclude for w in WORD_RE.findall(e) if len(w) > 3) - own
        if en:
            out["en"] = en
        for lang, tr in concept.langs.items():
            mine = {_stem(lang, fold(w)) for x in (*tr.preferred, *tr.admitted) for w in WORD_RE.findall(x)}
            stems = frozenset(_stem(lang, fold(w)) for e in tr.exclude for w in WORD_RE.findall(e)
                              if len(w) > 3) - mine
            if stems:
                out[lang] = stems
        return out
    return concept.remembered("exclusion words", make)
