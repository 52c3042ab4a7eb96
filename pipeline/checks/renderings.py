"""Which of a translation's approved words render a source concept: not one in the word's everyday sense (« этап
переноса »), one an unquoted source word or the glossary's homonyms claim, one that says a manner (« avec
détachement ») or translates the source's own word spelt alike, the second word of an apposition („Die „Filzung“,
eine Zellendurchsuchung“); and whether a rendering stands far enough from its occurrence to be in another sentence.

The glossary check (checks/glossary_checks.py) counts what is left against the source's occurrences.
"""

from __future__ import annotations

import re

from pipeline.glossary.match import WORD_RE, base_lang, fold, mask, word_keys
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.target_everyday import (
    everyday_sense, everyday_words, in_sequence, like_excluded, renders_other_word,
)
from pipeline.glossary.target_sense import claim_homonyms, claim_unquoted, claimed_by_same_word, manner, plain_renderings
from pipeline.glossary.textprep import shown, words_of
from pipeline.glossary.wordkeys import first_pos


def renderings(glossary: Glossary, src: str, dst: str, lang: str, found: list, unquoted: int
                ) -> tuple[list, str, bool]:
    """The approved spans that render the concept, why others do not (" (…)" or ""), and whether the translation
    uses every one in the word's everyday sense (« этап переноса »)."""
    if not found or (not unquoted and plain_renderings(found[0].concept, lang)):
        return found, "", False  # the common case: nothing to tell apart
    kept, notes = [], []
    for h in found:
        everyday = (everyday_sense(glossary, dst, h, lang) or in_sequence(src, dst, h, lang, glossary)
                    or like_excluded(dst, h, lang) or renders_other_word(glossary, src, dst, h, lang)
                    ) if _everyday_word(h.concept, lang, h.form) else ""
        if everyday:
            notes.append(everyday)
        else:
            kept.append(h)
    claimed = claim_unquoted(dst, kept, unquoted)
    if len(claimed) < len(kept):
        notes.append(f"the unquoted {', '.join(f'“{shown(h.form)}”' for h in kept if h not in claimed)} "
                     f"renders the source's unquoted word, another sense")
    claimed, everyday_ones = claim_homonyms(src, glossary.source_language, dst, lang, claimed)
    if everyday_ones:
        notes.append(f"{', '.join(f'“{shown(h.form)}”' for h in everyday_ones)} renders a word of its everyday "
                     f"sense in the source, as the glossary's homonyms say")
    return claimed, (f" ({'; '.join(notes)})" if notes else ""), not kept


def _everyday_word(concept: Concept, lang: str, form: str) -> bool:
    """Whether ``form`` is one word and one of the concept's everyday words in ``lang``, as ``everyday_sense`` asks
    first (remembered per concept and form: that function's own memo is keyed by what follows the word too)."""
    memo = concept.memos.setdefault(f"everyday word {lang}", {})
    found = memo.get(form)
    if found is None:
        words = WORD_RE.findall(mask(form))
        everyday = everyday_words(concept, lang)
        found = memo[form] = bool(everyday) and len(words) == 1 and bool(word_keys(words[0], base_lang(lang)) & everyday)
    return found


def in_sense(src: str, dst: str, lang: str, src_lang: str, src_hits: list, found: list) -> tuple[list, str]:
    """The renderings less those that say a manner (« avec détachement ») or translate the source's own word
    spelt the same (« camp » for a political camp), and why (" (…)" or "")."""
    dropped = [(h, why) for h in found for why in [manner(dst, h, lang)] if why]
    dropped += [(h, f"“{shown(h.form)}” translates the source's own word")
                for h in claimed_by_same_word(src, src_lang, src_hits, dst, lang, found)]
    if not dropped:
        return found, ""
    return [h for h in found if all(h is not d for d, _ in dropped)], f" ({'; '.join(w for _, w in dropped)})"


def far(groups: list, found: list, src_len: int, dst_len: int) -> bool:
    """Whether some rendering stands far (a third of the text) from every occurrence, relative to the texts'
    lengths: only then may it be in another sentence (most translations keep the order of sentences)."""
    if len(groups) == 1 and len(found) == 1:  # (the common case)
        return abs(found[0].start / dst_len - groups[0][0].start / src_len) > FAR
    places = [g[0].start / src_len for g in groups]
    return any(all(abs(h.start / dst_len - p) > FAR for p in places) for h in found)


FAR = 0.3


def one_per_apposition(dst: str, lang: str, found: list, merges: int) -> list:
    """The renderings less the second of each apposition in the translation, at most ``merges`` of them (the
    source's own): „Die „Filzung“, eine Zellendurchsuchung, …“ for “Shmon — a cell search — …” renders one
    thing, as the source names one. An apposition is two different approved words that only punctuation and
    an article separate („Filzung“, eine Zellendurchsuchung; СИЗО (следственный изолятор)); a relative clause
    („Aktivisten“, die mit der Verwaltung kooperieren) says something of the first, and counts."""
    kept = [found[0]]
    for h in found[1:]:
        last = kept[-1]
        gap = WORD_RE.findall(mask(dst[last.end:h.start]))
        article = not gap or fold(gap[0]) in _ARTICLES.get(base_lang(lang), ())
        if lang.startswith("de") and gap:  # der, die, das are also relative pronouns: a noun is capitalised
            article = article and h.form[:1].isupper()
        if merges and h.term != last.term and len(gap) <= 1 and article and dst[last.end:h.start].strip(" "):
            merges -= 1
            continue
        kept.append(h)
    return kept


# (English, German and French articles: Russian has none, and its appositions are told by punctuation alone)
_ARTICLES = {"en": {"a", "an", "the"}, "fr": {"le", "la", "les", "l", "un", "une"},
             "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}}


def split_mirrored(dst: str, lang: str, groups: list, found: list, src_len: int) -> tuple[list, str]:
    """The source's occurrences grouped as ``groups``, with each apposition (two variants of the concept said
    together: “a SIZO, a pre-trial detention centre”) split in two where the translation keeps the apposition
    and its second member holds no approved word: „in einem SIZO, einem gewöhnlichen Gefängnis“ renders the
    second variant by a word of its own, a wrong one. A translation that says the thing once („im
    Polizeigewahrsam“ for “the IVS, the temporary detention facility”) renders both, as before; and where the
    glossary approves one word only (EPKT), the second member can only describe it. Also why ("" for none)."""
    if len(found[0].concept.approved(lang)) < 2:
        return groups, ""  # (no word of the glossary's for a second variant: a description is all there is)
    out, notes = [], []
    for g in groups:
        if len(g) > 1:
            at = g[0].start / src_len
            r = min(found, key=lambda h: abs(h.start / len(dst) - at))
            member = _unrendered_member(dst, base_lang(lang), r, found)
            if member:
                out.extend([g[:1], g[1:]])
                notes.append(f"“{member}” renders the second word of the source's apposition")
                continue
        out.append(g)
    return out, "; ".join(notes)


# An apposition's second member in a translation: after a comma, a dash or a parenthesis, maybe a word for “that
# is”, a noun phrase — German and French open it with an article, Russian with a noun or adjective (after the
# preposition said again: «в ИВС — то есть в камере»). It runs to the next punctuation.
_OPEN = re.compile(r"\s*(?:,|\(|—|–|\s-)\s*")
_THAT_IS = re.compile(r"(?:то есть|т\. ?е\.|d\. ?h\.|das heißt|c'est-à-dire|c’est-à-dire|soit)\s+", re.I)
_MEMBER_END = re.compile(r"[,;:.!?)—–]")


def _unrendered_member(dst: str, lang: str, r, found: list) -> str:
    """The apposition's second member after the rendering ``r`` where it has no approved word in it ("" for
    none)."""
    m = _OPEN.match(dst, r.end)
    if not m or lang not in ("ru", "de", "fr"):
        return ""
    start = m.end()
    t = _THAT_IS.match(dst, start)
    start = t.end() if t else start
    end = _MEMBER_END.search(dst, start)
    stop = end.start() if end else len(dst)
    member = dst[start:stop].strip()
    if any(start <= h.start < stop for h in found):
        return ""
    words = words_of(mask(member))
    if len(words) < 2 and lang != "ru":
        return ""
    if lang == "ru":
        # (a dash after a noun in the nominative is the copula: «Смотрящий — заключённый», the overseer is a
        # prisoner; after a preposition the noun is in another case, and the dash opens its apposition)
        before = words_of(mask(dst[max(0, r.start - 12):r.start]))
        if not t and not (before and first_pos(before[-1], "ru") == "PREP"):
            return ""
        if words and first_pos(words[0], "ru") == "PREP":
            words = words[1:]
        return member if words and first_pos(words[0], "ru") in ("NOUN", "ADJF", "PRTF") else ""
    if fold(words[0]) not in _ARTICLES[lang]:
        return ""
    return member if lang == "fr" or any(w[:1].isupper() for w in words[1:4]) else ""
