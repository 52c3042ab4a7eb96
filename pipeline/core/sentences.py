"""Sentence boundaries in a msgid-form text (placeholders or plain HTML tags), never inside an element.

Used where a block is too coarse: adoption cuts a paragraph the translator merged, and the merge's
translation memory reuses the sentences of old paragraphs. A sentence ends at ``.``, ``!``, ``?``
or ``…`` (and the closing quotes or brackets after them) before a space and what can begin a
sentence: a capital letter or a digit, perhaps after an opening quote, bracket, dash or element —
but not after an initial ("А. С. Пушкин", "Л.Н. Толстой", "George W. Bush"), a common abbreviation
("Mr.", "z. B.", "т. е.", "г.", "вул."), an ordinal ("am 18. Januar", "dem 3. Jahrhundert") or a list
number ("1. Punkt"). Measured against Universal Dependencies text and pySBD's golden rules in
``bench/sentence_quality.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_END = re.compile(r"[.!?…][\"'»”’“)\]]*(\s+)(?=(?:<[A-Za-z][\w-]*>)?[\"«„“‘(\[—–•◦▪⁃-]?\s?(?:[^\W\d_]|\d))")
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^<>]*?(/?)>")
_VOID = frozenset({"br", "img", "wbr", "hr", "input", "meta", "link", "area", "col", "embed", "source"})
# Words after which a full stop does not end a sentence (lower-cased, without the stop). Words that as
# often end one ("etc.", "Co.", "Ltd.") are not here: the next word's case decides for them.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st no nos vol pp p ed eds e.g i.e vs cf fig approx jan feb mar apr jun jul aug sep sept oct
nov dec art para ch sect gen col lt sgt jr sr mt
г гг ул д т е др пр им см стр тыс млн млрд трлн руб коп долл чел ст ч п с н э проф акад доц ср рис табл гл кв
пгт обл пос просп пер наб корп мин сек тов
вул м р тис грн див напр пров пл
z.b bzw usw vgl nr hr fr s u.a med kath evang str ggf inkl ca evtl sog mio mrd tel abs
mme mlle p.ex env av
""".split())


_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
# German writes dates and ordinals with a full stop: "am 18. Januar", "die 3. Kammer", "dem 3. Jahrhundert".
_AFTER_ORDINAL = re.compile(
    r"\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|[a-zäöüß])")
_ARTICLE_ORDINAL = re.compile(r"(?:^|\s)(?:der|die|das|dem|den|des|am|im|vom|zum|zur|beim|bis|ab|-)\s*\d{1,2}$",
                              re.IGNORECASE)
# A list number alone ("1.", "• 3.") is no sentence.
_LIST_NUMBER = re.compile(r"^[•◦▪⁃*–—-]?\s*\d{1,3}$")
_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]+(?:\.[^\W\d_]+)*)$")
_OPENING = "\"«„“‘([—–•◦▪⁃- \u00a0"


_NEXT_CHAR = re.compile(r"(?:<[A-Za-z][\w-]*>)?[" + re.escape(_OPENING) + r"]*(.)")
# A character no word before a stop (_WORD_BEFORE: letters, dots between them) can contain.
_NOT_IN_WORD = re.compile(r"[^\w.]|[\d_]")
_REACH = 80  # how far back the tests of the text before a stop read first


def _ends_sentence(text: str, stop: int, start: int) -> bool:
    """Whether the punctuation at ``stop`` ends the sentence begun at ``start`` (not an initial, an
    abbreviation, an ordinal or a list number)."""
    if text[stop] != ".":
        return True
    # The tests end at the stop (``endpos``) and read only its last characters, as they would text[:stop]: a
    # search of the whole text before every stop made a long paragraph's sentences cost its length squared.
    if _ORDINAL_BEFORE.search(text, max(0, stop - 5), stop) and (
            _AFTER_ORDINAL.match(text, stop + 1) or _ARTICLE_ORDINAL.search(text[:stop])):
        return False
    if _LIST_NUMBER.match(text[start:stop].strip()):
        return False
    # The word before the stop lies after the last character no word holds (a trailing newline aside): only when
    # the _REACH characters before the stop hold none is the whole text searched.
    lo = max(0, stop - _REACH)
    if lo and not _NOT_IN_WORD.search(text, lo, stop - 1):
        lo = 0
    word = _WORD_BEFORE.search(text, lo, stop)
    if word is None:
        return True
    w = word.group(1)
    if len(w) == 1:
        return False  # an initial, or a one-letter abbreviation ("z. B.", "u. Ä.", "в.", "м.")
    if "." in w and all(len(part) == 1 and part.isupper() for part in w.split(".")):
        return False  # initials written together: "Л.Н."
    return w.lower() not in _ABBREVIATIONS


def _next_starts_lower(text: str, at: int) -> bool:
    """Whether what follows ``at`` (past opening quotes, dashes and an element's start) begins in lower case:
    then the stop before it ended an abbreviation or an interjection ("Yahoo! in", "XIX в. её"), no sentence."""
    m = _NEXT_CHAR.match(text, at, at + 40)
    return bool(m and m.group(1).islower())


def split(text: str) -> list[str]:
    """The sentences of ``text``, each stripped; the whole text when it has one."""
    return split_with_gaps(text)[0]


def _ends(text: str):
    """The matches of ``_END`` that end a sentence, in order."""
    depth_at: Callable[[int], int] | None = None
    start = 0
    for m in _END.finditer(text):
        if depth_at is None:
            depth_at = _depths(text)  # (worked out only for a text with a candidate end: most have none)
        if (depth_at(m.start()) > 0 or _next_starts_lower(text, m.end(1))
                or not _ends_sentence(text, m.start(), start)):
            continue
        yield m
        start = m.end(1)


def starts(text: str) -> list[int]:
    """Where each sentence of ``text`` after the first begins (the glossary check pairs a source's sentences with
    a translation's: ``glossary/placement.py``)."""
    return [m.end(1) for m in _ends(text)]


def split_with_gaps(text: str) -> tuple[list[str], list[str]]:
    """The sentences of ``text`` and the white space between them (one gap fewer than sentences), so that
    ``join(sentences, gaps)`` gives the text back, less white space at its ends."""
    sentences: list[str] = []
    gaps: list[str] = []
    start = 0
    for m in _ends(text):
        piece = text[start:m.start(1)].strip()
        if piece:
            sentences.append(piece)
            gaps.append(m.group(1))
        start = m.end(1)
    last = text[start:].strip()
    if last:
        sentences.append(last)
    elif gaps:
        gaps.pop()
    return sentences, gaps[: max(len(sentences) - 1, 0)]


def join(sentences: list[str], gaps: list[str]) -> str:
    """Sentences put back together with the source's white space between them."""
    out = sentences[0] if sentences else ""
    for gap, sentence in zip(gaps, sentences[1:]):
        out += gap + sentence
    return out


def _depths(text: str):
    """A function telling how many elements are open at a position (a sentence never ends inside one)."""
    marks: list[tuple[int, int]] = []
    depth = 0
    for m in _TAG.finditer(text):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth += -1 if m.group(1) else 1
        marks.append((m.end(), max(depth, 0)))

    def at(pos: int) -> int:
        current = 0
        for end, d in marks:
            if end > pos:
                break
            current = d
        return current

    return at
