"""A repeat said by what stands for a preposition and its noun: a German pronominal adverb („danach“: after that
search), a French preposition used alone as an adverb (« après, la cellule … »), a distributive pronoun with its
partitive („jeder davon“, « chacune d'elles », «каждое из них»). Each is read where the source has that preposition
before a demonstrative or before the term's occurrence with the definite article (or *each*, *every*), and
counted by glossary/repeats.py's ``stand_in``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.glossary.lazy_pattern import Lazy
from pipeline.glossary.match import WORD_RE, Hit, fold, mask

# German pronominal adverbs (da(r)- and a preposition) say the preposition and “it”: „danach“ is “after that
# transfer” said without the noun. Each is read as a stand-in only where the English source has its preposition
# before a demonstrative (“after that …”, “before the same …”), so that „dabei sein“ (to take part) says nothing.
# (glossary/left_out.py reads the same words as the source's preposition and “it”: „davon“ for “of it”)
DE_PRONOMINAL = {"danach": ("after",), "davor": ("before",), "dabei": ("during",), "währenddessen": ("during",),
                 "damit": ("with",), "dafür": ("for",), "dagegen": ("against",), "dadurch": ("through",),
                 "darunter": ("under",), "dazwischen": ("between",), "davon": ("of", "from"),
                 "darüber": ("about", "over"), "darin": ("in",), "darauf": ("on",), "daran": ("at", "on")}
# (every preposition a German pronominal adverb says: „zwei Wochen davon“ for “two weeks of that transfer”)
_EN_PREPS = r"\b(after|before|during|with|for|against|through|under|between|of|from|about|over|in|on|at)\s+"
_EN_PREP_DEMONSTRATIVE = re.compile(_EN_PREPS + r"(?:that|this|these|those|the\s+same)\b", re.I)


# ... or before the term's own occurrence with the definite article, which says the thing named before (“after a
# search of the barracks …, and during the search …”: „und dabei …“).
# ... or with the indefinite article, a phrase said again (“searched after a long visit? Yes, every prisoner is
# searched after a long visit” → „wird danach durchsucht“): the adverb is counted only where a repeat lacks its
# noun, so the article says no more than that the source names no particular one.
_EN_PREP_ARTICLE = re.compile(_EN_PREPS + r"(?:the|an?)\s+$", re.I)
# A distributive pronoun with a partitive and no noun (“each long visit” → „jeder davon“, « chacune d'elles »,
# «каждое из них»): the repeat said without its noun, where the source says it after *each* or *every*.
# („jedes über 20 Kilogramm“: the determiner alone before a preposition or a clause's end says its noun too)
_DISTRIBUTIVE = {"de": re.compile(r"\bjede[rsnm]?\s+(?:davon|von\s+(?:ihnen|diesen))\b|\bjede[rsnm]?\b(?=\s*[,.;:!?]"
                                  r"|\s+(?:über|unter|mit|ohne|aus|in|im|an|am|bis|für|nach|vor|bei|beim)\b)", re.I),
                 "fr": re.compile(r"\bchacune?\s+d(?:['’]\s*(?:eux|elles|entre\s+(?:eux|elles))|e\s+ces)\b", re.I),
                 "ru": re.compile(r"\bкажд\w+\s+из\s+(?:них|этих)\b", re.I)}
_EN_EACH = re.compile(r"\b(?:each|every)\s+$", re.I)


def distributive(src: str, dst: str, lang: str, src_hits: Sequence[Hit]) -> str:
    """A distributive pronoun of ``dst`` for an occurrence ``src`` says after *each* or *every* ("" for none)."""
    rx = _DISTRIBUTIVE.get(lang)
    if rx is None or not any(_EN_EACH.search(src, max(0, h.start - 10), h.start) for h in src_hits):
        return ""
    m = rx.search(mask(dst))
    return m.group(0) if m else ""


# French uses the preposition itself as the adverb (« après, la cellule ressemblait … »: after it), before a
# clause's punctuation.
FR_ADVERBIAL = Lazy(r"\b(après|avant)(?=\s*[,;.:!?)]|\s*$)", re.I)
FR_PREPOSITIONS = {"après": "after", "apres": "after", "avant": "before"}


def pronominal_adverb(src: str, dst: str, src_hits: Sequence[Hit] = (), lang: str = "de") -> str:
    """A pronominal adverb of ``dst`` (German; in French the bare preposition) whose preposition ``src`` has
    before a demonstrative, or before an occurrence ``src_hits`` with the definite article ("" for none)."""
    preps = {m.group(1).lower() for m in _EN_PREP_DEMONSTRATIVE.finditer(src)}
    preps |= {m.group(1).lower() for h in src_hits
              if (m := _EN_PREP_ARTICLE.search(src, max(0, h.start - 20), h.start))}
    if not preps:
        return ""  # (the common case)
    if lang == "fr":  # (« après, la cellule … », « juste avant »: the preposition alone, as an adverb)
        return next((m.group(0) for m in FR_ADVERBIAL.finditer(mask(dst)) if FR_PREPOSITIONS[fold(m.group(1))]
                     in preps), "")
    return next((w for w in WORD_RE.findall(mask(dst)) if any(p in preps for p in DE_PRONOMINAL.get(fold(w), ()))),
                "")
