"""Sentence boundaries in a msgid-form text (placeholders or plain HTML tags), never inside an element.

Used where a block is too coarse: adoption cuts a paragraph the translator merged, and the merge's
translation memory reuses the sentences of old paragraphs. A sentence ends at ``.``, ``!``, ``?``
or ``…`` (and the closing quotes or brackets after them) before a space and a capital letter, a
digit or an opening quote — but not after an initial ("А. С. Пушкин", "George W. Bush") or a
common abbreviation ("Mr.", "e.g.", "т. е.", "г.").
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…][\"'»”’)\]]*(\s+)(?=[\"«„“‘(\[]?(?:[^\W\d_]|\d))")
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^<>]*?(/?)>")
_VOID = frozenset({"br", "img", "wbr", "hr", "input", "meta", "link", "area", "col", "embed", "source"})
# Words after which a full stop does not end a sentence (lower-cased, without the stop).
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st no nos vol pp p ed eds e.g i.e etc vs cf fig approx jan feb mar apr jun jul aug sep sept oct
nov dec art para ch sect gen col lt sgt jr sr inc ltd co corp mt
г гг ул д т е др пр им см стр тыс млн млрд руб коп чел ст ч п с н э
z.b bzw usw vgl nr dr hr fr s u.a
m mme mlle p.ex cf env av apr
""".split())


_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
# German writes dates and ordinals with a full stop: "am 18. Januar", "die 3. Kammer".
_AFTER_ORDINAL = re.compile(
    r"\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|[a-zäöüß])")


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the punctuation at ``stop`` ends a sentence (not an initial, an abbreviation or an ordinal)."""
    if text[stop] != ".":
        return True
    if _ORDINAL_BEFORE.search(text[:stop]) and _AFTER_ORDINAL.match(text, stop + 1):
        return False
    word = re.search(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$", text[:stop])
    if word is None:
        return True
    w = word.group(1)
    if len(w) == 1 and w.isupper():
        return False  # an initial
    return w.lower() not in _ABBREVIATIONS


def split(text: str) -> list[str]:
    """The sentences of ``text``, each stripped; the whole text when it has one."""
    return split_with_gaps(text)[0]


def split_with_gaps(text: str) -> tuple[list[str], list[str]]:
    """The sentences of ``text`` and the white space between them (one gap fewer than sentences), so that
    ``join(sentences, gaps)`` gives the text back, less white space at its ends."""
    depth_at = _depths(text)
    sentences: list[str] = []
    gaps: list[str] = []
    start = 0
    for m in _END.finditer(text):
        if depth_at(m.start()) > 0 or not _ends_sentence(text, m.start()):
            continue
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
