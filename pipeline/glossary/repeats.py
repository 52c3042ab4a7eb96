"""What in a translation may say a repeated noun without the noun: a pronoun, an adverb, an adjective left alone.

The source names a thing twice (“the punishment cell … came out of the punishment cell”); a translation may say
the second by a pronoun or an adverb («туда», „dorthin“, « il y a été renvoyé », « qui les a ramenées »), or by
an adjective whose noun is left out («а следующее перенесли», „und auch das nächste.“, « et la suivante »), or
leave it out after a word of repetition (« puis de nouveau en 2024 », „und 2023 erneut“). Then a shortfall of
renderings is a warning that names what may stand for the repeat; a wrong noun («вторая поездка», „nach der
Reise“) stays an error.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask

# Third-person pronouns (personal and possessive) and "there" per language; ``extra_pronouns`` compares the counts.
PRONOUNS = {
    "en": {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "there"},
    "ru": {"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "ею", "ими", "него", "неё",
           "нее", "них", "нему", "ней", "ним", "нею", "ними", "нём", "нем", "там", "туда", "оттуда", "свой", "своя", "своё", "свое",
           "свои", "своего", "своей", "своему", "своим", "своих", "своими", "своем", "своём", "свою"},
    "uk": {"він", "вона", "воно", "вони", "його", "її", "їх", "йому", "їй", "їм", "ним", "нею", "ними", "ньому",
           "ній", "них", "нього", "неї"},
    "de": {"er", "ihn", "ihm", "sie", "ihr", "ihnen", "es", "sein", "seine", "seinen", "seinem", "seiner",
           "seines", "ihre", "ihren", "ihrem", "ihrer", "ihres", "dort", "dorthin", "dahin", "dorther"},
    # Not le/la/les/l', en, y: far more often articles and prepositions than pronouns.
    "fr": {"il", "elle", "ils", "elles", "lui", "leur", "leurs", "son", "sa", "ses", "celui", "celle", "ceux",
           "celles"},
}


@lru_cache(maxsize=8192)
def _pronouns(text: str, lang: str) -> int:
    words = PRONOUNS.get(lang)
    if not words:
        return 0
    return sum(1 for m in WORD_RE.finditer(mask(text)) if fold(m.group(0)) in words)


def extra_pronouns(src: str, src_lang: str, dst: str, lang: str) -> int:
    """How many more third-person pronouns the translation has than the source (a repeat may be one of them)."""
    return _pronouns(dst, base_lang(lang)) - _pronouns(src, base_lang(src_lang))


_DE_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
_FR_ARTICLES = {"le", "la", "les", "l", "un", "une"}
_FR_ANAPHORIC = re.compile(r"(?:suivante?|prochaine?|autre|seconde?|derni[eè]re?|premi[eè]re?|précédente?|même"
                           r"|nouvelle|\w+ième)s?")
# Words that follow an adjective whose noun is left out (« le second en mai », « la suivante a été annulée »).
_FR_FOLLOWERS = {"en", "à", "au", "aux", "de", "du", "des", "dans", "pour", "par", "sur", "a", "est", "fut",
                 "et", "ou", "puis", "qui", "que", "aussi", "non", "ne", "n", "était", "avait", "sera", "ont"}
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)»”“\"—–]|$)")


def _ellipsis(text: str, lang: str, found: list[Hit]) -> str:
    """An adjective left without its noun ("" when none): «следующее», „das nächste“, « la suivante »."""
    tokens = [(m.group(0), m.end()) for m in WORD_RE.finditer(mask(text))]
    if lang == "ru":
        from pipeline.glossary.wordkeys import _morph

        morph = _morph("ru")
        if morph is None:
            return ""
        genders = set()
        for h in found:
            for w in WORD_RE.findall(mask(h.form)):
                p = morph.parse(w)[0]
                if p.tag.POS == "NOUN":
                    genders.add(p.tag.gender)
        for i, (w, _end) in enumerate(tokens):
            if not any(p.tag.POS == "ADJF" and p.tag.gender in genders and "Apro" not in p.tag.grammemes
                       for p in morph.parse(w)[:4]):  # not его, этот, который: pronouns, not a noun left out
                continue
            nxt = morph.parse(tokens[i + 1][0])[0].tag.POS if i + 1 < len(tokens) else None
            if nxt not in ("NOUN", "ADJF", "PRTF", "NPRO"):
                return w
        return ""
    arts = _DE_ARTICLES if lang == "de" else _FR_ARTICLES if lang == "fr" else None
    if not arts:
        return ""
    for i in range(len(tokens) - 1):
        art, (adj, end) = fold(tokens[i][0]), tokens[i + 1]
        # German nouns are capitalised: a lower-case word after an article is an adjective. French is told
        # by the adjectives that point back to a noun (la suivante, le deuxième, l'autre).
        if lang == "fr" and not _FR_ANAPHORIC.fullmatch(fold(adj)):
            continue
        if not (art in arts and adj[:1].islower() and len(adj) > 3):
            continue
        nxt = fold(tokens[i + 2][0]) if i + 2 < len(tokens) else ""
        if (_CLAUSE_END.match(text, end) or (lang == "de" and nxt[:1] and tokens[i + 2][0][:1].islower())
                or (lang == "fr" and nxt in _FR_FOLLOWERS)):
            return f"{tokens[i][0]} {adj}"
    return ""


def stand_in(src: str, src_lang: str, dst: str, lang: str, found: list[Hit]) -> str:
    """What in the translation may stand for a repeated noun ("" when nothing does)."""
    b = base_lang(lang)
    if extra_pronouns(src, src_lang, dst, lang) > 0:
        return "a pronoun the source has not"
    adj = _ellipsis(dst, b, found)
    return f"“{adj}” without a noun" if adj else ""
