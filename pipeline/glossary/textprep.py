"""What a text must lose before its words can be matched: invisible breaks and look-alike letters.

- Soft hyphens and zero-width characters (U+00AD, U+200B-U+200D, U+2060, U+FEFF) split a word in two for a
  regex but not for a reader (``Straf\\u00adzelle``). They are removed, and an offset map takes hit positions
  back to the original text.
- Placeholders (``<a1>``, ``</em>``, ``<br/>``), entities, URLs and e-mail addresses are never words: they are
  blanked out, keeping offsets.
- A word that mixes Latin and Cyrillic (or Greek) letters is, in practice, a word with look-alike letters
  (a Cyrillic ``с`` in ``colony``, a Latin ``a`` in ``пресс-хата``). Each letter of the minority script is
  replaced by its look-alike in the word's main script, from Unicode's confusables table
  (``confusable_homoglyphs`` ships it; glossary/lookalikes.py keeps the letters of the three scripts). The matcher
  does this per distinct word, when it first meets it.

Stripping costs one regex search for the common text that has no invisible character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.glossary.lookalikes import LOOKALIKES

# Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# Placeholder tags, entities, URLs and e-mail addresses: never words. Two
# regexes, each run only when its tell-tale characters occur.
LINK_MASK_RE = re.compile(
    r"(?:https?|ftp)://[^\s<>\"“”«»]+"
    r"|\bwww\.[^\s<>\"“”«»]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
TAG_MASK_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")

# A word may carry a gender-inclusive ending (prisonnier·es, Aktivist*innen,
# Gefangene:r, Häftling_innen): one word, matched by its part before the mark.
WORD_RE = re.compile(r"[^\W_]+(?:[·*:_][^\W_]+)*")
# ... the same words in a text without "_" or a mark of inclusive writing between two letters (most texts: a colon
# is mostly followed by a space), three times as fast
PLAIN_WORD_RE = re.compile(r"\w+")


def plain_words(text: str) -> bool:
    """Whether ``PLAIN_WORD_RE`` finds in ``text`` the words ``WORD_RE`` finds (no "_", no glued mark)."""
    return "_" not in text and not ((":" in text or "*" in text or "·" in text) and _glued_mark(text))


def _glued_mark(text: str) -> bool:
    """Whether a mark of inclusive writing stands between two letters or digits (``[^\\W_]``: ``str.isalnum``):
    looked for from each mark (texts without inclusive writing have colons, a few each), which costs a tenth of
    a regex search that tests every character."""
    for mark in (":", "*", "·"):
        i = text.find(mark, 1)
        while i > 0:
            if text[i - 1].isalnum() and text[i + 1:i + 2].isalnum():
                return True
            i = text.find(mark, i + 1)
    return False


def words_of(text: str) -> list[str]:
    """``WORD_RE.findall(text)``, found the fast way where that finds the same (:func:`plain_words`)."""
    return (PLAIN_WORD_RE if plain_words(text) else WORD_RE).findall(text)


# Common characters that are never part of a word (not ``\w``): :func:`distinct_words` turns them into spaces.
_PUNCTUATION = ".,;:!?\"'()[]{}«»“”„‘’—–-…/*<>&#%$+=·"


def distinct_words(text: str) -> set[str]:
    """``set(words_of(text))`` for a long text (an article), at two fifths less cost: a word never spans a
    character that is not a word's (white space, punctuation), so with the common ones made spaces, each distinct
    token of ``str.split`` is read once, and one of letters and digits only (``str.isalnum``: what ``\\w`` is,
    less "_") is a word as it is, without a regex search."""
    if not plain_words(text):
        return set(WORD_RE.findall(text))
    for mark in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    out: set[str] = set()
    find = PLAIN_WORD_RE.findall
    for token in set(text.split()):
        if token.isalnum():
            out.add(token)
        else:
            out.update(find(token))
    return out


# A Latin letter next to a Cyrillic or Greek one, in either order: the tell-tale of a look-alike letter.
_LAT = "A-Za-z\u00c0-\u024f"
_OTHER = "\u0370-\u03ff\u0400-\u04ff"
MIXED_RE = re.compile(f"[{_LAT}][{_OTHER}]|[{_OTHER}][{_LAT}]")


def _script(ch: str) -> str:
    """LATIN (any ASCII character too), CYRILLIC or GREEK by the character's Unicode block, else "": the scripts
    whose look-alike letters are read into each other (no lookup: asked of every letter of a mixed word)."""
    o = ord(ch)
    if 0x0400 <= o <= 0x04FF:
        return "CYRILLIC"
    if 0x0370 <= o <= 0x03FF:
        return "GREEK"
    if ch.isascii() or 0x00C0 <= o <= 0x024F:
        return "LATIN"
    return ""


def script(ch: str) -> str:
    """The script a character is written in: as ``_script`` for the Latin, Cyrillic and Greek blocks, else for a
    letter the first word of its Unicode name (ARABIC, HEBREW, CJK …), else ""."""
    return _script(ch) or (unicodedata.name(ch, "").split(" ")[0] if ch.isalpha() else "")


def first_script(text: str) -> str:
    """The script of a text's first letter ("" when it has none)."""
    letter = next((c for c in text if c.isalpha()), "")
    return script(letter) if letter else ""


def _lookalike(ch: str, script: str) -> str:
    """``ch``'s single-letter look-alike in ``script`` (from Unicode's confusables: glossary/lookalikes.py), or
    ``ch``."""
    return LOOKALIKES[script].get(ch, ch)


@lru_cache(maxsize=4096)
def unmix_word(word: str) -> str:
    """``word`` written in one script: letters of the minority script become their look-alikes."""
    scripts = [_script(ch) for ch in word]  # (once per letter: the three passes below read them)
    counts: dict[str, int] = {}
    for s in scripts:
        if s:
            counts[s] = counts.get(s, 0) + 1
    if len(counts) < 2:
        return word
    main = max(counts, key=lambda s: (counts[s], s == "LATIN"))
    out = "".join(ch if s in ("", main) else _lookalike(ch, main) for ch, s in zip(word, scripts))
    own = [ch for ch, s in zip(word, scripts) if s == main and ch.isalpha()]
    if len(own) >= 2 and all(ch.isupper() for ch in own):
        out = out.upper()  # a look-alike in a word of capitals stands for a capital (DOXа is DOXA)
    return out


def unmix_text(text: str) -> str:
    """``text`` with every mixed-script word written in its own script."""
    if not MIXED_RE.search(text):
        return text
    return re.sub(r"[^\W\d_]+", lambda m: unmix_word(m.group(0)), text)


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without soft hyphens and zero-width characters, and the original offset of each
    remaining character plus one past the end (None when nothing was removed)."""
    # (isascii is a flag of the string: no scan. INVISIBLE's six characters tested one by one, as written out
    # here, take a quarter of the time of the regex search or of any(map(text.__contains__, INVISIBLE)): 0.19
    # against 0.76 and 0.79 µs a Russian sentence. A test strips each of INVISIBLE, so the two cannot part.)
    if text.isascii() or not ("\u00ad" in text or "\u200b" in text or "\u200c" in text or "\u200d" in text
                              or "\u2060" in text or "\ufeff" in text):
        return text, None
    keep = [i for i, ch in enumerate(text) if not INVISIBLE_RE.match(ch)]
    return "".join(text[i] for i in keep), keep + [len(text)]


def mask(text: str) -> str:
    """``text`` with placeholders, entities and URLs blanked out (same length, same offsets)."""
    if "://" in text or "www." in text or "@" in text:
        text = LINK_MASK_RE.sub(_blank, text)
    if "<" in text or "&" in text:
        text = TAG_MASK_RE.sub(_blank, text)
    return text


def _blank(m: re.Match) -> str:
    a, b = m.span()  # (one method call, not two: it runs once per tag of every text)
    return " " * (b - a)


def shown(form: str) -> str:
    """A matched form as the translator reads it, without placeholder tags."""
    return " ".join(mask(form).split()) if "<" in form or "&" in form else form
