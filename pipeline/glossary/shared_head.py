"""Renderings that say a two-word approved term without writing it whole: its modifier coordinated with another
before the shared head («три краткосрочных и три длительных свидания»), or left without its head where the head
was said before («— А свидания? — … от краткосрочных я отказывался»). The check asks for them only where a
concept's renderings fall short of its occurrences.
"""

from __future__ import annotations

from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask, word_keys
from pipeline.glossary.model import Concept


# Coordinating conjunctions that let two modifiers share one head (три краткосрочных и три длительных свидания).
_AND = {"ru": {"и", "или"}, "uk": {"і", "й", "або"}, "de": {"und", "oder"}, "fr": {"et", "ou"}, "en": {"and", "or"}}


_NOT_BETWEEN = ".;:!?()«»\"“”„"


def shared_head(dst: str, lang: str, concept: Concept, found: list[Hit]) -> list[Hit]:
    """Renderings of a two-word approved term whose words a coordination separates, each modifier sharing the
    other's head: «три краткосрочных и три длительных свидания» renders the short visits as «краткосрочное
    свидание», « les parloirs longs et courts » the short ones as « parloir court ». At most three words, one
    of them the conjunction, stand between the two; none of them is punctuation but a comma."""
    b = base_lang(lang)
    conj = _AND.get(b)
    if not conj:
        return []
    tokens = [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(mask(dst))]
    out: list[Hit] = []
    for term in concept.approved(lang):
        words = WORD_RE.findall(term)
        if len(words) != 2:
            continue
        first, second = (word_keys(w, b, term=True) for w in words)
        for i, (w, start, _end) in enumerate(tokens):
            if not word_keys(w, b) & first or any(h.start <= start < h.end for h in found + out):
                continue
            for j in range(i + 2, min(i + 5, len(tokens))):
                between = [fold(t[0]) for t in tokens[i + 1:j]]
                gap = dst[tokens[i][2]:tokens[j][1]]
                if (word_keys(tokens[j][0], b) & second and any(x in conj for x in between)
                        and not any(c in gap for c in _NOT_BETWEEN)):
                    end = tokens[j][2]
                    out.append(Hit(concept, start, end, dst[start:end], term, "admitted"))
                    break
            else:
                if b == "ru" and _head_left_out(tokens, i, second):
                    out.append(Hit(concept, start, tokens[i][2], w, term, "admitted"))
    return out


def _head_left_out(tokens: list[tuple[str, int, int]], i: int, head: frozenset) -> bool:
    """Whether the Russian adjective at ``i`` stands without its noun, the term's ``head`` said before it
    («— А свидания? — … от краткосрочных я отказывался»: the short visits)."""
    from pipeline.glossary.wordkeys import first_pos, parses

    # (no adjective without an analyser: parses() is empty)
    if not any(p.tag.POS in ("ADJF", "PRTF") for p in parses(tokens[i][0], "ru")):
        return False  # (a noun is no modifier left without its head: «письмо через ФСИН» is no ФСИН-Письмо)
    if not any(word_keys(t[0], "ru") & head for t in tokens[:i]):
        return False
    nxt = first_pos(tokens[i + 1][0], "ru") if i + 1 < len(tokens) else None
    return nxt not in ("NOUN", "ADJF", "PRTF")
