"""The catalogue model every stage shares: a :class:`Catalog` of :class:`Message` objects.

It is ours (as Babel keeps its own ``Catalog``/``Message``), so what we need to write a file back
exactly — an empty ``#`` line, the header as it was read — is a field of our own instead of a
private attribute on another library's object, and a new polib release cannot take a field away.
The attribute names are polib's where they mean the same (``msgid``, ``msgstr``, ``msgid_plural``,
``msgstr_plural``, ``msgctxt``, ``flags``, ``comment`` = ``#.``, ``tcomment`` = ``#``,
``occurrences``, ``obsolete``, ``previous_msgid`` …, ``fuzzy``, ``translated()``, ``metadata``,
``header``, ``metadata_is_fuzzy``, ``fpath``), so code written against polib's entries reads ours;
:mod:`pipeline.catalog.polib_adapter` converts polib objects, where another tool hands us some.

``__slots__``: a merge of a 52,000-entry catalogue holds two catalogues and a translation memory;
a per-entry ``__dict__`` is most of what polib's entries cost (bench/entry_memory.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["NO_FORMS", "Catalog", "Message", "OriginalHeader"]

NO_BLANKS = (False, False)


class _NoForms(dict):
    """``msgstr_plural`` of a read entry that has no plural forms: one shared, read-only empty dict
    (at 52,000 entries a dict each is 3 MB per catalogue). Assign a new dict to change it."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("msgstr_plural of an entry without plural forms is shared: assign a new dict")

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = __ior__ = _refuse  # type: ignore

    def __reduce__(self):  # copies and pickles are ordinary dicts
        return (dict, ())


NO_FORMS: dict[int, str] = _NoForms()


class Message:
    """One entry of a catalogue (``msgid ""`` — the header — is kept apart, in :class:`Catalog`)."""

    __slots__ = (
        "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "flags", "comment", "tcomment",
        "occurrences", "obsolete", "previous_msgctxt", "previous_msgid", "previous_msgid_plural",
        "linenum", "blank_comments",
    )

    def __init__(
        self,
        msgid: str = "",
        msgstr: str = "",
        *,
        msgid_plural: str = "",
        msgstr_plural: dict[int, str] | None = None,
        msgctxt: str | None = None,
        flags: list[str] | None = None,
        comment: str = "",
        tcomment: str = "",
        occurrences: list[tuple[str, str]] | None = None,
        obsolete: bool = False,
        previous_msgctxt: str | None = None,
        previous_msgid: str | None = None,
        previous_msgid_plural: str | None = None,
        linenum: int | None = None,
        blank_comments: tuple[bool, bool] = NO_BLANKS,
    ) -> None:
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgid_plural = msgid_plural
        self.msgstr_plural = {} if msgstr_plural is None else msgstr_plural
        self.msgctxt = msgctxt
        self.flags = [] if flags is None else flags
        self.comment = comment  # extracted comments (#.), lines joined with \n
        self.tcomment = tcomment  # translator comments (#)
        self.occurrences = [] if occurrences is None else occurrences  # (file, line or "")
        self.obsolete = obsolete
        self.previous_msgctxt = previous_msgctxt
        self.previous_msgid = previous_msgid
        self.previous_msgid_plural = previous_msgid_plural
        self.linenum = linenum  # line of the msgid keyword in the file read
        # A lone empty "#" / "#." line (translator, extracted): a string field cannot tell it from none.
        self.blank_comments = blank_comments

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def translated(self) -> bool:
        """polib's meaning: a finished translation (not fuzzy, not obsolete, every plural form filled)."""
        if self.obsolete or self.fuzzy:
            return False
        if self.msgstr != "":
            return True
        if self.msgstr_plural:
            return all(v != "" for v in self.msgstr_plural.values())
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return all(getattr(self, s) == getattr(other, s) for s in self.__slots__ if s != "linenum")

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        state = "obsolete " if self.obsolete else ""
        return f"<Message {state}{self.msgctxt!r}:{self.msgid[:40]!r}>"


@dataclass
class OriginalHeader:
    """The header entry as it was read, so it is written back line for line (GNU never rewrites
    header lines) as long as the program did not change the metadata it was parsed into."""

    msgstr: str
    metadata: dict[str, str]
    flags: list[str]
    comment: str = ""
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    previous: tuple[str | None, str | None, str | None] = (None, None, None)
    msgid_plural: str | None = None
    plural: dict[int, str] | None = None
    blank_comments: tuple[bool, bool] = NO_BLANKS
    linenum: int | None = None
    # The live entry the header came after, when it was not first (msgcat keeps it in place).
    after: Message | None = None


def set_fuzzy(e: Message, on: bool) -> None:
    """Mark ``e`` fuzzy (its first flag, where msgmerge puts it) or not."""
    if on and "fuzzy" not in e.flags:
        e.flags.insert(0, "fuzzy")
    elif not on and "fuzzy" in e.flags:
        e.flags.remove("fuzzy")


class Catalog(list):
    """The entries of one PO/POT file, in file order, and its header.

    ``str()`` is the text GNU msgcat writes for it (the model writes no file: a job writes ``encode(po)``).
    """

    __slots__ = ("fpath", "encoding", "wrapwidth", "header", "metadata", "metadata_is_fuzzy", "original_header",
                 "domains")

    def __init__(self, entries=(), *, fpath: str | None = None, encoding: str = "utf-8", wrapwidth: int = 79,
                 header: str = "", metadata: dict[str, str] | None = None,
                 metadata_is_fuzzy: list[str] | None = None) -> None:
        super().__init__(entries)
        self.fpath = fpath
        self.encoding = encoding
        self.wrapwidth = wrapwidth  # polib's name; msgcat's page width is 79 and so is ours
        self.header = header  # the header's translator comment, lines joined with \n
        self.metadata: dict[str, str] = {} if metadata is None else metadata
        self.metadata_is_fuzzy: list[str] = [] if metadata_is_fuzzy is None else metadata_is_fuzzy
        self.original_header: OriginalHeader | None = None
        # Other domains of the file (``domain "NAME"``), each a catalogue of its own with its own header;
        # this catalogue is the default domain, "messages".
        self.domains: dict[str, Catalog] = {}

    # polib's selections, with its meanings
    def translated_entries(self) -> list[Message]:
        return [e for e in self if e.translated()]

    def untranslated_entries(self) -> list[Message]:
        return [e for e in self if not e.translated() and not e.obsolete and not e.fuzzy]

    def fuzzy_entries(self) -> list[Message]:
        return [e for e in self if e.fuzzy and not e.obsolete]

    def obsolete_entries(self) -> list[Message]:
        return [e for e in self if e.obsolete]

    def percent_translated(self) -> int:
        live = [e for e in self if not e.obsolete]
        if not live:
            return 100
        return round(100 * sum(1 for e in live if e.translated()) / len(live))

    def find(self, msgid: str, msgctxt: str | None = None, include_obsolete: bool = False) -> Message | None:
        for e in self:
            if e.msgid == msgid and e.msgctxt == msgctxt and (include_obsolete or not e.obsolete):
                return e
        return None

    def __str__(self) -> str:
        from pipeline.catalog.pofile import dumps

        return dumps(self)

    def __repr__(self) -> str:
        return f"<Catalog {self.fpath or ''} {len(self)} entries>"
