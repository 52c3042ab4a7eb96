"""Pseudo-translations, so layout problems show before any translator starts.

``qps``: every letter accented, the text 30 % longer and bracketed, so clipped
or concatenated strings stand out. ``ar-pseudo``: the same text forced right to
left (U+202E … U+202C around each run), for checking mirrored layouts.
Placeholder tags (``<a1>``), entities (``&amp;``) and format directives stay intact,
so the pseudo page renders with its links and emphasis.
"""

from __future__ import annotations

from pipeline.catalog.model import Catalog
import math
import re


PSEUDO_LANGS = ("qps", "ar-pseudo")
_KEEP = re.compile(r"<[^>]*>|&[#\w]+;|%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}\s]*\}")
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒğĥíĵķĺɱñöþǫŕšŧüṽŵẋýžÅßÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ",
)
_PAD = "·~"
RLO, PDF = "\u202e", "\u202c"


def _text_parts(text: str) -> list[tuple[bool, str]]:
    """(is_text, piece) pieces: True for translatable text, False for markup to keep."""
    parts: list[tuple[bool, str]] = []
    pos = 0
    for m in _KEEP.finditer(text):
        if m.start() > pos:
            parts.append((True, text[pos:m.start()]))
        parts.append((False, m.group()))
        pos = m.end()
    if pos < len(text):
        parts.append((True, text[pos:]))
    return parts


def pseudo_text(text: str, lang: str = "qps") -> str:
    if not text.strip():
        return text
    parts = _text_parts(text)
    letters = sum(len(p) for is_text, p in parts if is_text)
    pad = math.ceil(letters * 0.3)
    out = []
    for is_text, piece in parts:
        if not is_text:
            out.append(piece)
        elif lang == "ar-pseudo":
            out.append(RLO + piece.translate(_ACCENTS) + PDF if piece.strip() else piece)
        else:
            out.append(piece.translate(_ACCENTS))
    padding = (_PAD * pad)[:pad]
    body = "".join(out)
    if lang == "ar-pseudo":
        return f"{body} {RLO}{padding}{PDF}" if padding else body
    return f"[{body} {padding}]" if padding else f"[{body}]"


def pseudo_catalog(pot: Catalog, lang: str) -> Catalog:
    """A complete (nothing fuzzy) catalogue for ``lang`` with every entry pseudo-translated."""
    from pipeline.catalog.merge import new_po, nplurals

    po = new_po(pot, lang)
    po.metadata["Last-Translator"] = "tamizdat pseudo"
    n = nplurals(po)
    for e in po:
        if e.msgid_plural:
            e.msgstr_plural = {i: pseudo_text(e.msgid if i == 0 else e.msgid_plural, lang) for i in range(n)}
        else:
            e.msgstr = pseudo_text(e.msgid, lang)
    return po
