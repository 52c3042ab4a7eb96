"""Carry what changed in a source into its old translation, where the translation holds it verbatim.

A fuzzy suggestion is the translation of an *old* source. When the new source differs from it in
tokens a translator copies as they are — years and other numbers, a link's target, an e-mail
address, a name, an entity — the old translation holds those same tokens, and putting the new
ones in their place saves the translator that typing ("Copyright © 2014, 2015" → "2014, 2015,
2016, 2017"; ``href="http://librewrt.org/"`` → ``href="http://dragora.org"``).

No translated word is ever put in: a change is carried only when every token it brings is one the
translation may hold verbatim (no letters, markup, an entity, or a capitalised word the old
translation already uses), and only where the old tokens occur exactly once on each side, so there
is no doubt which occurrence to replace. A change that would leave the translation's elements (its
opening and closing tags, by name) further from the new source's is not carried: it takes a tag away
and leaves its partner behind (on the tuning half of the gnu.org catalogues, 9 carries did so, among
them a misleading memory suggestion). Whatever else changed stays as it was, and the entry stays
fuzzy: a translator still reviews it against the ``#|`` previous source.

On the gnu.org catalogues 2015 → 2017 this takes about 9,000 characters (3 %) off the typing
needed to reach the translations published in 2017 (bench/merge_quality.py).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.catalog.model import Message

# What a translation holds as its source has it: a tag (with its attributes and link target), an entity.
TAG = r"<[^<>]*>"
ENTITY = r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);"
# Tags, entities, digit runs, letter runs, whitespace runs, and any other single character.
_TOKEN = re.compile(rf"{TAG}|{ENTITY}|\d+|[^\W\d_]+|\s+|.", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)")
_WIDEN = 4  # equal tokens taken in around an insertion or a short change to anchor it in the translation


def _verbatim(token: str, kept: set[str]) -> bool:
    """Whether a translation may hold ``token`` as the source has it."""
    if token[0] in "<&" and len(token) > 1:
        return True  # markup and entities are copied, not translated
    if not any(c.isalpha() for c in token):
        return True  # numbers, punctuation, spacing
    return token in kept and token[0].isupper()  # a name the translator kept as it is


def carry(old_source: str, new_source: str, translation: str) -> str:
    """``translation`` (of ``old_source``) with the verbatim tokens that changed in ``new_source``
    replaced; the translation unchanged when nothing could be carried."""
    if old_source == new_source or not translation:
        return translation
    a, b = _TOKEN.findall(old_source), _TOKEN.findall(new_source)
    kept = set(_TOKEN.findall(translation))
    shape = _shape(new_source)
    out = translation
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if not all(_verbatim(t, kept) for t in b[j1:j2]) and not _names(a[i1:i2], b[j1:j2], kept):
            continue
        span = _anchor(a, b, i1, i2, j1, j2, out, old_source, kept)
        if span is not None:
            old, new = span
            changed = out.replace(old, new, 1)
            if _mismatch(changed, shape) <= _mismatch(out, shape):
                out = changed
    return out


def _shape(text: str) -> Counter:
    return Counter((m.group(1), m.group(2).lower()) for m in _TAG.finditer(text))


def _mismatch(translation: str, shape: Counter) -> int:
    """How far the translation's elements (opening and closing tags by name) are from the new source's:
    a carried change that leaves them further apart (a tag carried away with a name beside it, its
    closing tag left behind) breaks the markup the translator would otherwise keep."""
    mine = _shape(translation)
    return sum(((mine - shape) + (shape - mine)).values())


def carry_into(entry: Message, old_source: str) -> bool:
    """Carry into a fuzzy suggestion's msgstr (a singular entry) what changed since ``old_source``;
    True when that changed the translation."""
    if entry.msgid_plural:
        return False
    before = entry.msgstr
    entry.msgstr = carry(old_source, entry.msgid, before)
    return entry.msgstr != before


def _names(old: list[str], new: list[str], kept: set[str]) -> bool:
    """A name replaced by a name: every word it replaces is capitalised and kept verbatim in the
    translation (so it is a name there), and every word it brings is capitalised too."""
    old_words = [t for t in old if any(c.isalpha() for c in t) and t[0] not in "<&"]
    new_words = [t for t in new if any(c.isalpha() for c in t) and t[0] not in "<&"]
    return bool(old_words) and all(_verbatim(t, kept) for t in old) and all(
        t[0].isupper() or _verbatim(t, kept) for t in new) and bool(new_words)


def _anchor(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int, translation: str,
            old_source: str, kept: set[str]) -> tuple[str, str] | None:
    """The old text around a change that occurs exactly once in both the old source and the
    translation, with what replaces it; widened over equal verbatim tokens (an insertion such as
    ", 2016" anchors on the "2015" before it). None when no such anchor exists."""
    for _ in range(_WIDEN + 1):
        old = "".join(a[i1:i2])
        if len(old.strip()) >= 2 and translation.count(old) == 1 and old_source.count(old) == 1:
            return old, "".join(b[j1:j2])
        if i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1] and _verbatim(a[i1 - 1], kept):
            i1, j1 = i1 - 1, j1 - 1
        elif i2 < len(a) and j2 < len(b) and a[i2] == b[j2] and _verbatim(a[i2], kept):
            i2, j2 = i2 + 1, j2 + 1
        else:
            return None
    return None
