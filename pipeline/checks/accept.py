"""Deliberate glossary exceptions a translator or editor marks in the PO entry itself.

A finding on a concept is silenced by a translator comment (Poedit, Lokalize and Weblate write these)

    # tamizdat-accept: petukh 3f2a9c1e

or the same as a flag (``#, tamizdat-accept: petukh 3f2a9c1e``). The second word is the entry's text
fingerprint, which ``check`` prints next to every glossary finding: once the msgid or a msgstr changes, the
fingerprint no longer matches and the finding is reported again (with a note that the acceptance was for an
earlier text). Translator comments survive msgmerge and our ``update``; GNU gettext drops unknown flags.
"""

from __future__ import annotations

import hashlib
import re

from pipeline.catalog.model import Message

ACCEPT_RE = re.compile(r"^\s*tamizdat-accept:\s*([a-z0-9][a-z0-9-]*)(?:\s+([0-9a-f]{8}))?\s*$", re.I)
GLOSSARY_CHECKS = ("glossary-missing", "glossary-forbidden", "glossary-dnt", "proper-name")


def fingerprint(entry: Message) -> str:
    """Eight hex digits that change whenever the entry's msgid, context or any msgstr changes."""
    parts = [entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", entry.msgstr or ""]
    parts += [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def accepted(entry: Message) -> dict[str, str | None]:
    """Concept id -> the fingerprint written with its acceptance (None when written without one)."""
    out: dict[str, str | None] = {}
    lines = (entry.tcomment or "").splitlines() + list(entry.flags)
    for line in lines:
        m = ACCEPT_RE.match(line)
        if m:
            out[m.group(1).lower()] = (m.group(2) or "").lower() or None
    return out


def accept_line(concept_id: str, entry: Message, known: str | None = None) -> str:
    """The translator comment that accepts ``concept_id`` for the entry's current text (``known``: the entry's
    fingerprint, when the caller has it already)."""
    return f"tamizdat-accept: {concept_id} {known or fingerprint(entry)}"
