"""Which approved words in a translation render the glossary's concept, and which say something else.

Fixed phrase lists ("на этом этапе", "étape de l'affaire") miss the next sentence ("на втором этапе голодовки").
Two cues that do not depend on the sentence:

- **Everyday words with an of-complement.** An approved word that also has an everyday sense is known from the
  glossary itself: it occurs in one of its language's ``exclude`` phrases (этап in «этап дела», Etappe in
  „Etappe des Prozesses“, étape in « étape de l'affaire », активист in «активист оппозиции»). Such a word
  heading an of-complement (a Russian genitive noun, German des/der/eines/einer + noun, French de/du/des + noun)
  whose noun is neither a person nor a word of the glossary's own vocabulary in that language is the everyday
  sense: a stage *of the hunger strike*, activists *of the opposition*. "этап заключённых" (of prisoners) and
  « étape de la colonie » stay renderings.
- **The source's other occurrences of the same word.** A concept whose term counts only in quotation marks
  (“activists”) may sit beside the same word unquoted (opposition activists). An unquoted approved one-word
  rendering in the translation is claimed first by those unquoted source words, so «Оппозиционные активисты …
  избили заключённые» has no rendering of the “activists” at all.
- **Pronouns for a repeated noun.** ``extra_pronouns`` counts third-person pronouns the translation has beyond
  the source's: «охрана вернула её» may render the second “parcel”.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask, word_keys
from pipeline.glossary.model import Concept, Glossary

# Words between an everyday word and its complement's noun (articles, contracted prepositions).
_DE_GENITIVE = {"des", "der", "eines", "einer"}
_DE_SKIP = {"des", "der", "eines", "einer", "dieses", "dieser", "jenes", "jener"}
_FR_OF = {"de", "du", "des", "d"}
_FR_SKIP = {"la", "l", "le", "les", "un", "une", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs"}

# Third-person pronouns (personal and possessive) per language; ``extra_pronouns`` compares the counts.
PRONOUNS = {
    "en": {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs"},
    "ru": {"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "ею", "ими", "него", "неё",
           "нее", "них", "нему", "ней", "ним", "нею", "ними", "нём", "нем", "свой", "своя", "своё", "свое",
           "свои", "своего", "своей", "своему", "своим", "своих", "своими", "своем", "своём", "свою"},
    "uk": {"він", "вона", "воно", "вони", "його", "її", "їх", "йому", "їй", "їм", "ним", "нею", "ними", "ньому",
           "ній", "них", "нього", "неї"},
    "de": {"er", "ihn", "ihm", "sie", "ihr", "ihnen", "es", "sein", "seine", "seinen", "seinem", "seiner",
           "seines", "ihre", "ihren", "ihrem", "ihrer", "ihres"},
    # Not le/la/les/l', en, y: far more often articles and prepositions than pronouns.
    "fr": {"il", "elle", "ils", "elles", "lui", "leur", "leurs", "son", "sa", "ses", "celui", "celle", "ceux",
           "celles"},
}


def _keys(text: str, lang: str) -> set:
    out: set = set()
    for m in WORD_RE.finditer(text):
        w = m.group(0)
        if len(w) >= 4:
            out |= word_keys(w, lang)
    return out


def vocabulary(glossary: Glossary, lang: str) -> frozenset:
    """The keys of the glossary's own words in ``lang``: every approved term's words and the reader notes'."""
    memo = glossary.__dict__.setdefault("_target_vocab", {})
    found = memo.get(lang)
    if found is None:
        keys: set = set()
        for c in glossary.concepts:
            tr = c.translations(lang)
            if tr is None:
                continue
            for t in tr.approved:
                keys |= _keys(t, lang)
            keys |= _keys(tr.reader_note, lang)
        found = memo[lang] = frozenset(k for k in keys if k[0] != "w" or len(k[1]) >= 4)
    return found


def everyday_words(concept: Concept, lang: str) -> frozenset:
    """Keys of the concept's approved words that its ``exclude`` phrases show to have an everyday sense."""
    memo = concept.__dict__.setdefault("_everyday", {})
    found = memo.get(lang)
    if found is None:
        tr = concept.translations(lang)
        keys: set = set()
        if tr is not None and tr.exclude:
            b = base_lang(lang)
            phrase_keys = [word_keys(m.group(0), b) for x in tr.exclude for m in WORD_RE.finditer(x)]
            for t in tr.approved:
                words = [m.group(0) for m in WORD_RE.finditer(t)]
                if len(words) == 1:
                    k = word_keys(words[0], b, term=True)
                    if any(k & pk for pk in phrase_keys):
                        keys |= k
        found = memo[lang] = frozenset(keys)
    return found


def _ru_complement(words: list[str]) -> str | None:
    """The genitive noun an of-complement starts with (skipping a genitive adjective), or None."""
    from pipeline.glossary.wordkeys import _morph

    morph = _morph("ru")
    if morph is None:
        return None
    for w in words[:3]:
        p = morph.parse(w)[0]
        if p.tag.POS == "NOUN":
            if p.tag.case != "gent" or p.tag.animacy == "anim" or "Name" in p.tag or "Surn" in p.tag:
                return None
            return w
        if not (p.tag.POS in ("ADJF", "NUMR") and p.tag.case == "gent"):
            return None
    return None


def _complement(lang: str, after: list[str]) -> str | None:
    """The noun of an of-complement that starts right after a word, or None."""
    if not after:
        return None
    if lang in ("ru", "uk"):
        return _ru_complement(after) if lang == "ru" else None
    low = [fold(w) for w in after[:4]]
    if lang == "de":
        if low[0] not in _DE_GENITIVE:
            return None
        rest = [w for w, lw in zip(after, low) if lw not in _DE_SKIP]
        return rest[0] if rest else None
    if lang == "fr":
        if low[0] not in _FR_OF:
            return None
        rest = [w for w, lw in zip(after[1:], low[1:]) if lw not in _FR_SKIP]
        return rest[0] if rest else None
    return None


def everyday_sense(glossary: Glossary, text: str, hit: Hit, lang: str) -> str:
    """Why an approved ``hit`` in a translation is its word's everyday sense ("" when it renders the concept)."""
    b = base_lang(lang)
    everyday = everyday_words(hit.concept, lang)
    if not everyday:
        return ""
    words = [m.group(0) for m in WORD_RE.finditer(mask(text[hit.start:hit.end]))]
    if len(words) != 1 or not (word_keys(words[0], b) & everyday):
        return ""
    after = [m.group(0) for m in WORD_RE.finditer(mask(text[hit.end:hit.end + 80]))]
    if after and text[hit.end:].lstrip()[:1] in ".,;:!?)»”“\"—–":
        return ""  # the complement would be in another clause
    noun = _complement(b, after)
    if noun is None or word_keys(noun, b) & vocabulary(glossary, lang):
        return ""
    return f"“{hit.form} … {noun}” is the everyday sense of the word"


def unquoted_repeats(text: str, hits: list[Hit], quoted_terms: set[str], lang: str) -> dict[str, int]:
    """Per concept: how often the source has one of its quoted-only words without quotes (another sense)."""
    out: dict[str, int] = {}
    for h in hits:
        if h.term not in quoted_terms or h.concept.id in out:
            continue
        keys = word_keys(h.term, base_lang(lang), term=True)
        spans = [(o.start, o.end) for o in hits if o.concept.id == h.concept.id]
        n = sum(1 for m in WORD_RE.finditer(mask(text))
                if word_keys(m.group(0), base_lang(lang)) & keys
                and not any(a <= m.start() < b for a, b in spans))
        out[h.concept.id] = n
    return out


def claim_unquoted(text: str, found: list[Hit], others: int) -> list[Hit]:
    """``found`` without the unquoted one-word renderings that ``others`` unquoted source words claim first."""
    from pipeline.glossary.sense import _in_quotes

    if not others:
        return found
    kept = []
    for h in found:
        if others and " " not in h.form.strip() and not _in_quotes(text, h.start, h.end):
            others -= 1
            continue
        kept.append(h)
    return kept


@lru_cache(maxsize=8192)
def _pronouns(text: str, lang: str) -> int:
    words = PRONOUNS.get(lang)
    if not words:
        return 0
    return sum(1 for m in WORD_RE.finditer(mask(text)) if fold(m.group(0)) in words)


def extra_pronouns(src: str, src_lang: str, dst: str, lang: str) -> int:
    """How many more third-person pronouns the translation has than the source (a repeat may be one of them)."""
    return _pronouns(dst, base_lang(lang)) - _pronouns(src, base_lang(src_lang))
