"""Merging across a change of segmentation (blocks ↔ sentences): the old translations, sentence by sentence.

An old catalogue made by blocks holds the translations a catalogue made by sentences needs (and the other
way round); :class:`~pipeline.catalog.sentence_memory.SentenceMemory` finds them, and a translation taken
from it is fuzzy when the memory is not sure, with a note saying where it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.catalog.model import Message, set_fuzzy

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.catalog.sentence_memory import SentenceMemory, Suggestion


def sentence_memory(old_entries: list) -> SentenceMemory:
    """The old entries' translations by sentence: what switching segmentation must not lose."""
    from pipeline.catalog.sentence_memory import SentenceMemory  # the sentence splitter, loaded when needed

    return SentenceMemory((o.msgid, o.msgstr, "fuzzy" in o.flags) for o in old_entries
                          if o.msgid and o.msgstr and not o.msgid_plural)


def take_sentences(q: Message, hit: Suggestion) -> None:
    """Take a translation the sentence memory found; fuzzy (with a note saying where from) when unsure."""
    q.msgstr = hit.msgstr
    set_fuzzy(q, hit.fuzzy)
    if hit.fuzzy:
        note = f"memory: {hit.note}"
        q.tcomment = note if not q.tcomment else f"{q.tcomment}\n{note}"
