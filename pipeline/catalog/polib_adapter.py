"""The one place polib's objects meet ours.

Our catalogue model is :mod:`pipeline.catalog.model`; polib stays for what it serves: a tool or a
test that hands us ``polib.POFile``/``POEntry`` objects, and a caller that wants polib's API for
a catalogue we read (``to_polib(...).save_as_mofile(...)``). Objects are copied field by field
through polib's public constructor and attributes: nothing private is read or set on them.
"""

from __future__ import annotations

from typing import Any

from pipeline.catalog.model import Catalog, Message


def message_from_polib(e: Any) -> Message:
    """A :class:`Message` with a polib ``POEntry``'s public fields (or any object that has them)."""
    return Message(
        e.msgid,
        e.msgstr or "",
        msgid_plural=e.msgid_plural or "",
        msgstr_plural={int(k): v for k, v in (e.msgstr_plural or {}).items()},
        msgctxt=e.msgctxt,
        flags=list(e.flags),
        comment=e.comment or "",
        tcomment=e.tcomment or "",
        occurrences=[tuple(o) if isinstance(o, (list, tuple)) else (str(o), "") for o in e.occurrences],
        obsolete=bool(e.obsolete),
        previous_msgctxt=e.previous_msgctxt,
        previous_msgid=e.previous_msgid,
        previous_msgid_plural=e.previous_msgid_plural,
        linenum=getattr(e, "linenum", None),
    )


def from_polib(po: Any) -> Catalog:
    """A :class:`Catalog` with a ``polib.POFile``'s entries and header."""
    cat = Catalog(
        (e if type(e) is Message else message_from_polib(e) for e in po),
        fpath=getattr(po, "fpath", None),
        encoding=getattr(po, "encoding", None) or "utf-8",
        header=po.header or "",
        metadata=dict(po.metadata),
        metadata_is_fuzzy=list(po.metadata_is_fuzzy or []),
    )
    cat.original_header = getattr(po, "original_header", None)
    return cat


def as_catalog(po: Any) -> Catalog:
    """``po`` itself when it is all ours, else a converted copy (for writing and comparing)."""
    if isinstance(po, Catalog) and all(type(e) is Message for e in po):
        return po
    return from_polib(po)


def to_polib(cat: Catalog) -> Any:
    """A ``polib.POFile`` with the catalogue's entries and header, for callers that want polib's API."""
    import polib

    po = polib.POFile(wrapwidth=cat.wrapwidth, encoding=cat.encoding)
    po.fpath = cat.fpath
    po.header = cat.header
    po.metadata = dict(cat.metadata)
    po.metadata_is_fuzzy = list(cat.metadata_is_fuzzy)
    for e in cat:
        po.append(polib.POEntry(
            msgid=e.msgid, msgstr=e.msgstr, msgid_plural=e.msgid_plural, msgstr_plural=dict(e.msgstr_plural),
            msgctxt=e.msgctxt, flags=list(e.flags), comment=e.comment, tcomment=e.tcomment,
            occurrences=list(e.occurrences), obsolete=e.obsolete, previous_msgctxt=e.previous_msgctxt,
            previous_msgid=e.previous_msgid, previous_msgid_plural=e.previous_msgid_plural,
            linenum=e.linenum or 0,
        ))
    return po
