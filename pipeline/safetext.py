"""What a translation may contain before it is published: the one validation step shared by
``check``, ``render`` and ``build``.

A msgstr is untrusted. Besides markup (see :mod:`pipeline.render`), some
characters must never reach a page: control characters (``msgfmt -c`` accepts
``\\v`` or NUL, but HTML calls them parse errors and XML refuses them — one stray
keystroke used to stop the whole site), lone surrogates and noncharacters, and
bidirectional embeddings, overrides or isolates left open, which would reverse
the text that follows the translation on the page. Such a msgstr is refused:
``check`` reports an error, ``render`` and ``build`` keep the source text with a
warning naming the PO line, like any other unusable translation.
"""

from __future__ import annotations

import html
import unicodedata

_OPENERS = {"\u202a": "embedding", "\u202b": "embedding", "\u202d": "override", "\u202e": "override",
            "\u2066": "isolate", "\u2067": "isolate", "\u2068": "isolate"}
_CLOSERS = {"\u202c": ("embedding", "override"), "\u2069": ("isolate",)}
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def _forbidden(ch: str) -> str | None:
    cp = ord(ch)
    if (cp < 0x20 and ch not in _ALLOWED_CONTROLS) or 0x7F <= cp <= 0x9F:
        return "a control character"
    if 0xD800 <= cp <= 0xDFFF:
        return "a lone surrogate"
    if 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE:
        return "a noncharacter"
    return None


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X}" + (f" {unicodedata.name(ch)}" if unicodedata.name(ch, "") else "")


def problem(text: str) -> str | None:
    """Why ``text`` (a msgstr, entities included) cannot be published, or None when it can."""
    if "&#" not in text and (text.isprintable() or text.replace("\xa0", " ").replace("\u202f", " ").isprintable()):
        # The common case, at C speed, in any script: every character refused below (controls, surrogates,
        # noncharacters, bidi formatting) is in a Unicode category str.isprintable() rejects; so are the
        # no-break spaces common in typeset text, which are never refused.
        return None
    text = html.unescape(text) if "&" in text else text  # a character written as &#x202E; counts too
    stack: list[str] = []
    for ch in text:
        if ch.isprintable() or ch in _ALLOWED_CONTROLS:  # (bidi formatting characters are not printable)
            continue
        why = _forbidden(ch)
        if why:
            return f"{_name(ch)} is {why}, which a web page cannot carry; remove it"
        if ch in _OPENERS:
            stack.append(_OPENERS[ch])
        elif ch in _CLOSERS:
            if not stack or stack[-1] not in _CLOSERS[ch]:
                return f"{_name(ch)} closes no bidirectional {' or '.join(_CLOSERS[ch])} opened in this translation"
            stack.pop()
    if stack:
        return (f"a bidirectional {stack[-1]} is left open (close it with "
                f"{'U+2069' if stack[-1] == 'isolate' else 'U+202C'}), so it would reverse the text after it")
    return None
