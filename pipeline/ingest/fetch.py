"""Fetch/decode: the bytes of a saved page → its text, whatever the encoding it was saved in."""

from __future__ import annotations

from pipeline.segment.htmltext import declared_charset

_CYR_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґў")


def decode_html(data: bytes, path: str = "<page>") -> tuple[str, str]:
    """Text of a saved page and the encoding used.

    Valid UTF-8 wins even over a contrary declaration (browsers re-encode pages
    they save); otherwise the declared charset; otherwise windows-1251 or
    KOI8-R, whichever yields mostly lower-case Cyrillic (the other one reads
    as case-flipped gibberish).
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data[:8192])
    if declared:
        if declared not in ("utf-8", "utf8"):
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    best = max(("windows-1251", "koi8-r"), key=lambda enc: _cyrillic_lower_share(data.decode(enc, "replace")))
    text = data.decode(best, "replace")
    if _cyrillic_lower_share(text) < 0.5:
        # Not Cyrillic either: latin-1 maps every byte, so at least nothing is lost.
        return data.decode("windows-1252", "replace"), "windows-1252"
    return text, best


def _cyrillic_lower_share(text: str) -> float:
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not letters:
        return 0.0
    return sum(c in _CYR_LOWER for c in letters) / len(letters)
