"""Whether a catalogue says something new: content compared without its layout."""

from __future__ import annotations

from pipeline.catalog.model import Catalog
from pipeline.catalog.po.read import parse
from pipeline.core.errors import TamizdatError


def content(po: Catalog) -> tuple:
    """What a catalogue says, without how it is laid out: the same key/value
    header, comments, references, flags (in any order) and strings."""
    items = []
    for e in po:
        items.append((
            e.msgctxt, e.msgid, e.msgid_plural or "", e.msgstr,
            tuple(sorted((int(k), v) for k, v in e.msgstr_plural.items())),
            e.tcomment, e.comment,
            tuple((str(o[0]), str(o[1]) if len(o) > 1 else "") if isinstance(o, (list, tuple)) else (str(o), "")
                  for o in e.occurrences),
            frozenset(e.flags), e.previous_msgctxt, e.previous_msgid,
            e.previous_msgid_plural, bool(e.obsolete),
            e.blank_comments))
    domains = tuple((name, content(d)) for name, d in po.domains.items())
    return (po.header, dict(po.metadata), bool(po.metadata_is_fuzzy), tuple(items), *((domains,) if domains else ()))


def unchanged(old: bytes | tuple, po: Catalog) -> bool:
    """True when ``po`` says the same as the file bytes ``old`` (layout aside),
    so the file must be left as it is. ``old`` may also be the :func:`content` of
    the old catalogue, taken before a merge changed it (sparing a second parse)."""
    if isinstance(old, tuple):
        return old == content(po)
    try:
        before = parse(old)
    except TamizdatError:
        return False
    return content(before) == content(po)
