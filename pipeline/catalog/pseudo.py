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
from collections.abc import Sequence


PSEUDO_LANGS = ("qps", "ar-pseudo")
_KEEP = re.compile(r"<[^>]*>|&[#\w]+;|%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}\s]*\}")
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒğĥíĵķĺɱñöþǫŕšŧüṽŵẋýžÅßÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ",
)
_PAD = "·~"
RLO, PDF = "\u202e", "\u202c"


# Final punctuation (and what closes after it) stays last, so `check` finds the sentence ending it expects.
_END = re.compile(r"[.!?:;…]+(?:</?[^>]*>|[\"'”’»)\]\s])*$")


def _text_parts(text: str, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[bool, str]]:
    """(is_text, piece) pieces: True for translatable text, False for markup and ``keep`` spans to keep."""
    spans = sorted([(m.start(), m.end()) for m in _KEEP.finditer(text)] + list(keep))
    parts: list[tuple[bool, str]] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        if start > pos:
            parts.append((True, text[pos:start]))
        parts.append((False, text[start:end]))
        pos = end
    if pos < len(text):
        parts.append((True, text[pos:]))
    return parts


def _rtl(piece: str) -> str:
    """Letters forced right to left; spaces and trailing punctuation stay outside the override."""
    core = piece.strip()
    if not core:
        return piece
    lead = piece[: len(piece) - len(piece.lstrip())]
    rest = piece[len(lead):]
    trail = rest[len(rest.rstrip(".!?:;…,\"'”’»)] \t\n\u00a0")):]
    core = rest[: len(rest) - len(trail)]
    return lead + (RLO + core + PDF if core else "") + trail


def pseudo_text(text: str, lang: str = "qps", keep: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` pseudo-translated; placeholders, entities, format directives and the ``keep`` spans
    (do-not-translate terms) stay exactly as they are."""
    if not text.strip():
        return text
    parts = _text_parts(text, keep)
    letters = sum(len(p) for is_text, p in parts if is_text)
    pad = math.ceil(letters * 0.3)
    out = []
    for is_text, piece in parts:
        if not is_text:
            out.append(piece)
        else:
            piece = piece.translate(_ACCENTS)
            out.append(_rtl(piece) if lang == "ar-pseudo" else piece)
    body = "".join(out)
    padding = (_PAD * pad)[:pad]
    if padding:
        if lang == "ar-pseudo":
            padding = RLO + padding + PDF
        end = _END.search(body)
        cut = end.start() if end else len(body)
        body = f"{body[:cut]} {padding}{body[cut:]}"
    return body if lang == "ar-pseudo" else f"[{body}]"


def _do_not_translate(glossary, text: str, lang: str) -> list[tuple[int, int]]:
    if glossary is None:
        return []
    return [(h.start, h.end) for h in glossary.find(text, glossary.source_language, remember=False)
            if h.kind == "source" and h.concept.is_dnt(lang)]


def pseudo_catalog(pot: Catalog, lang: str, glossary=None) -> Catalog:
    """A complete (nothing fuzzy) catalogue for ``lang`` with every entry pseudo-translated;
    the glossary's do-not-translate terms are kept as they are."""
    from pipeline.catalog.header import nplurals
    from pipeline.catalog.merge import new_po

    po = new_po(pot, lang)
    po.metadata["Last-Translator"] = "tamizdat pseudo"
    n = nplurals(po)
    for e in po:
        if e.msgid_plural:
            e.msgstr_plural = {i: pseudo_text(text, lang, _do_not_translate(glossary, text, lang))
                               for i, text in ((i, e.msgid if i == 0 else e.msgid_plural) for i in range(n))}
        else:
            e.msgstr = pseudo_text(e.msgid, lang, _do_not_translate(glossary, e.msgid, lang))
    return po
