"""What a forbidden word means, as the glossary's own reason says it, found among the source's words by WordNet.

A forbidden word is often the plain translation of another word of the same sentence: „Die Aufseher sagten …; der
Smotrjaschtschi …“ for “The guards said …; the overseer …”. A bilingual dictionary says so for the words it lists
(glossary/bilingual.py: « gardiens » for the guards), but FreeDict's English–German has no *guard* → *Aufseher*.
The glossary says what the word means in its reason for forbidding it — „Aufseher“: “means a prison officer; the
smotryashchy is a prisoner”. A source noun one of whose WordNet senses is that (every content word of the reason's
phrase among the sense's lemmas, gloss and broader senses' lemmas, or a narrower sense's, or those of the compound
the reason's own word makes with it: *prison guard*, a *law officer*, “someone who guards prisoners”) is the word
the forbidden one translates: *guard*, *warder*, *jailer*; not *prisoner* (no officer), nor *cell*.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary import wordnet
from pipeline.glossary.match import WORD_RE, english_base, mask

# “means a prison officer; …”: the phrase after “means”, up to the clause's end.
_MEANS = re.compile(r"\bmeans\s+(?:an?\s+|the\s+)?([a-z][a-z -]*?)\s*(?:[;,.(]|$)", re.I)
_TEXT_WORD = re.compile(r"[a-z]+")


def meaning(reason: str) -> tuple[str, ...]:
    """The content words of what a forbidden word ``reason`` says it means (() when it says none)."""
    m = _MEANS.search(reason or "")
    return tuple(w for w in m.group(1).lower().split() if len(w) > 2) if m else ()


def _words_of(offset: int) -> set[str]:
    """The words of a noun sense's lemmas and gloss, and of its broader senses' lemmas."""
    s = wordnet.synset(offset)
    if s is None:
        return set()
    text = " ".join(s.lemmas) + " " + s.gloss.lower()
    text += " " + " ".join(w for sym, o, pos in s.pointers if sym in ("@", "@i") and pos == "n"
                           for w in wordnet.lemmas(o))
    return set(_TEXT_WORD.findall(text))


@lru_cache(maxsize=4096)
def describes(word: str, content: tuple[str, ...]) -> bool:
    """Whether a noun sense of the English ``word``, a sense just narrower than it, or a sense of the compound a
    content word makes with it (*prison guard*) is what ``content`` says (each content word begins a word of the
    sense: *prison* of “prisoners”)."""
    base = english_base(word.lower())
    compounds = [o for c in content for o in wordnet.senses(f"{c} {base}")]
    for offset in (*wordnet.senses(base), *compounds):
        s = wordnet.synset(offset)
        narrower = [o for sym, o, pos in s.pointers if sym in ("~", "~i") and pos == "n"] if s else []
        for o in (offset, *narrower):
            words = _words_of(o)
            if all(any(w.startswith(c) for w in words) for c in content):
                return True
    return False


def source_words_meant(src: str, spans: list[tuple[int, int]], reasons: list[str]) -> list[str]:
    """Per forbidden word's reason, a word of the English ``src`` outside ``spans`` (the concept's own occurrences)
    that it describes, each source word answering one ("" for none)."""
    out, taken = [], set()
    for reason in reasons:
        content, found = meaning(reason), ""
        for m in WORD_RE.finditer(mask(src)) if content else ():
            w = m.group(0)
            if (m.start() not in taken and len(w) > 3 and w.isalpha() and not any(a <= m.start() < b for a, b in spans)
                    and describes(w, content)):
                found = w
                taken.add(m.start())
                break
        out.append(found)
    return out


def with_words_meant(src: str, spans: list[tuple[int, int]], words: list[str], reasons: list[str]) -> list[str]:
    """``words`` (per forbidden word, the source word a dictionary gives for it, "" for none) with the blanks
    filled by what each one's glossary reason describes (:func:`source_words_meant`), each source word answering
    one: „Aufseher“, “means a prison officer”, for the source's guards."""
    spans = spans + [m.span() for w in set(words) if w for m in re.finditer(r"\b%s\b" % re.escape(w), src)]
    meant = iter(source_words_meant(src, spans, [r for w, r in zip(words, reasons) if not w]))
    return [w or next(meant) for w in words]


def how_said(word: str, reason: str) -> str:
    """How a finding names the way the source's ``word`` was found for a forbidden word: by its glossary reason
    or by the bilingual dictionary."""
    content = meaning(reason)
    return ("what the glossary's reason says it means" if content and describes(word, content)
            else "a dictionary's translation")
