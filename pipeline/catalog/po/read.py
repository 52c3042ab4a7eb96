"""The PO reader: GNU gettext's grammar and errors, one :class:`Message` per entry as soon as it ends.

Our own line parser, not polib's: polib's is slow, drops ``#~|`` lines and accepts broken files
silently. Every error is a :class:`TamizdatError` naming the file and line, as msgfmt would.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from pipeline.catalog.model import NO_BLANKS, NO_FORMS, Catalog, Message, OriginalHeader
from pipeline.catalog.po.base import parse_metadata, source_codec
from pipeline.catalog.po.lex import Lines, Syntax, join_continued, parse_strings, pieces as cut_pieces
from pipeline.catalog.po.plain import add_comment, new_entry as _new_entry, plain_entries
from pipeline.core.errors import TamizdatError

_KEYWORD_RE = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[ \t\"]|$)")
_PLAIN_KEYWORDS = frozenset({"msgid", "msgstr", "msgctxt", "msgid_plural"})


def parse(data: bytes | str, path: str = "<string>", strings: dict[str, str] | None = None) -> Catalog:
    """Parse PO text (bytes are decoded by BOM / header charset).

    Equal strings (file names and line numbers of references, msgids, comments) become one string
    object; ``strings``, given to the parse of two files, shares them across both (an old catalogue
    and its template say most things twice: a merge holds both).
    """
    codec = "utf-8"
    lines = Lines()
    strings = {} if strings is None else strings
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        codec, start = source_codec(data, path)
        if len(data) - start <= Lines.PIECE:  # (a bigger file is decoded a piece at a time, by the line reader)
            try:
                plain = _plain(data[start:].decode(codec), path, codec, strings)
            except UnicodeDecodeError:
                plain = None  # (the line reader names the line)
            if plain is not None:
                return plain
        first = data.find(b"\n", start)
        crlf = first > start and data[first - 1:first] == b"\r"
        continued = b"\\\n" in data or (crlf and b"\\\r\n" in data)
        pieces = lines.split_all(lines.texts(data, start, codec, path))
    else:
        text = data[1:] if data.startswith("\ufeff") else data
        plain = _plain(text, path, codec, strings) if len(text) <= Lines.PIECE else None
        if plain is not None:
            return plain
        pieces = lines.split(text)
        first = data.find("\n")
        crlf = first > 0 and data[first - 1] == "\r"
        continued = "\\\n" in data or (crlf and "\\\r\n" in data)
    if crlf:
        # A file saved with CRLF: its line breaks are CRLF, and a CR is never part of a comment. (GNU's
        # lexer keeps the CR in comments, so msgcat writes such a file back with mixed line endings; we
        # write msgcat's text for what the file says: LF throughout, like every catalogue we write.)
        pieces = (line[:-1] if line.endswith("\r") else line for line in pieces)
    po = Catalog(fpath=None if path == "<string>" else path, encoding=codec)
    _parse_lines(pieces, lines, continued, po, path, codec, strings)
    return po


def _plain(text: str, path: str, codec: str, strings: dict[str, str]) -> Catalog | None:
    """The catalogue of ``text`` read by the fast path for plain catalogues (:mod:`.plain`), None when it is not
    plain."""
    po = Catalog(fpath=None if path == "<string>" else path, encoding=codec)
    share = strings.setdefault
    return po if text and plain_entries(text, _Builder(po, path, share).add_plain, codec) else None


def _parse_lines(pieces: Iterator[str], lines: Lines, continued: bool, po: Catalog, path: str, codec: str,
                 strings: dict[str, str]) -> None:
    numbered = cut_pieces(join_continued(pieces) if continued else enumerate(pieces, 1))
    # Each entry becomes a POEntry as soon as it ends: a big catalogue's intermediate dicts, all
    # kept until the end, would take as much memory again as its entries.
    share = strings.setdefault
    builder = _Builder(po, path, share)
    add = builder.add
    cur = _new_entry()
    # Which string field continuation lines ("...") extend.
    field: str | None = None
    plural_index = 0
    lineno = 0
    # Line of a keyword whose string has not come yet (GNU reads tokens: "msgstr" may end its line).
    need: int | None = None

    def finish() -> None:
        nonlocal cur, field
        if cur["msgid"] is None:
            if cur["msgstr"] is not None or cur["plural"] is not None:
                raise Syntax("msgstr without msgid")
            if cur["prev_msgid"] is not None or cur["prev_msgctxt"] is not None:
                # Previous-msgid comment with no entry after it.
                raise Syntax("'#|' comment not followed by an entry")
            # Comments with no entry: GNU drops them at the end of a file.
            cur = _new_entry()
            field = None
            return
        if cur["msgstr"] is None and cur["plural"] is None:
            raise Syntax("missing msgstr after msgid", cur["linenum"])
        if cur["prev_msgid"] is None and (cur["prev_msgctxt"] is not None or cur["prev_msgid_plural"] is not None):
            raise Syntax("'#|' comment without '#| msgid'", cur["first_line"])
        add(cur)
        cur = _new_entry()
        field = None

    def has_string() -> bool:
        return cur["msgstr"] is not None or cur["plural"] is not None

    try:
        for lineno, line in numbered:
            if not line:
                continue
            if line[-1] == "\r" and line[0] != "#":
                # A CR is white space for GNU's lexer, but part of a comment.
                line = line[:-1]
                if not line:
                    continue
            c0 = line[0]
            if c0.isspace() and line.isspace():  # (a line that starts otherwise is not blank)
                continue
            obsolete = False
            previous = False
            if c0 == "#":
                c1 = line[1:2]
                if c1 == "~":
                    obsolete = True
                    line = line[2:]
                    if line[:1] == "|":
                        previous = True
                        line = line[1:]
                elif c1 == "|":
                    previous = True
                    line = line[2:]
                else:
                    # An ordinary comment: starts a new entry if one is complete.
                    if need is not None:
                        raise Syntax("expected a quoted string", need)
                    if cur["msgstr"] is not None or cur["plural"] is not None:  # (has_string(), inline: every comment)
                        finish()
                    elif cur["msgid"] is not None or cur["msgctxt"] is not None:
                        raise Syntax("comment inside an entry, before its msgstr")
                    elif cur["prev_msgid"] is not None or cur["prev_msgctxt"] is not None:
                        raise Syntax("comment between a '#|' comment and its entry")
                    if cur["first_line"] is None:
                        cur["first_line"] = lineno
                    add_comment(cur, line, share)
                    field = None
                    continue
                stripped = line.lstrip(" \t")
                if not stripped:
                    continue
                if previous:
                    if has_string():
                        finish()
                    elif cur["msgid"] is not None or cur["msgctxt"] is not None:
                        raise Syntax("'#|' comment inside an entry, before its msgstr")
                    if cur["first_line"] is None:
                        cur["first_line"] = lineno
                    if stripped[0] == '"':
                        if field is None or not field.startswith("prev_"):
                            raise Syntax("string continuation without a keyword")
                        cur[field] += parse_strings(stripped, codec)
                        need = None
                        continue
                    if need is not None:
                        raise Syntax("expected a quoted string", need)
                    m = _KEYWORD_RE.match(stripped)
                    if not m or m.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
                        raise Syntax(f"unknown keyword in '#|' comment: {stripped.split()[0]!r}")
                    field = "prev_" + m.group(1)
                    if field == "prev_msgctxt" and cur["prev_msgid"] is not None:
                        raise Syntax("'#| msgctxt' after '#| msgid'")
                    if cur[field] is not None:
                        raise Syntax(f"duplicate '#| {m.group(1)}'")
                    rest = stripped[m.end():]
                    cur[field] = parse_strings(rest, codec) if rest.strip() else ""
                    need = None if rest.strip() else lineno
                    continue
                line = stripped
            else:
                line = line.lstrip(" \t") if c0 in " \t" else line
                if not line:
                    continue
            # A keyword or a string continuation, possibly obsolete.
            if line[0] == '"':
                if field is None or field.startswith("prev_"):
                    raise Syntax("string continuation without a keyword")
                if (cur["obsolete"] is True) != obsolete:
                    raise Syntax("string continuation mixes obsolete and live lines")
                inner = line[1:-1]  # (parse_strings' own first test, inline: most lines are one plain string)
                if line[-1] == '"' and len(line) >= 2 and '"' not in inner and "\\" not in inner:
                    value = inner
                else:
                    value = parse_strings(line, codec)
                need = None
                if field == "plural":
                    cur["plural"][plural_index] += value
                else:
                    cur[field] += value
                continue
            if need is not None:
                raise Syntax("expected a quoted string", need)
            sp = line.find(" ")
            kw = line[:sp] if sp > 0 else line
            if kw == "domain":  # "#~ domain" is one too, for GNU
                if has_string():
                    finish()
                elif cur["msgid"] is not None or cur["msgctxt"] is not None:
                    raise Syntax("missing msgstr before domain", cur["linenum"])
                name = parse_strings(line[sp + 1:], codec)
                cur = _new_entry()  # comments before a domain line belong to nothing (GNU drops them)
                field = None
                builder.domain(name)
                continue
            if kw in _PLAIN_KEYWORDS:
                index = 0
                rest = line[sp + 1:] if sp > 0 else ""
            else:
                m = _KEYWORD_RE.match(line)
                if m is None:
                    word = line.split()[0] if line.split() else line
                    raise Syntax(f"unknown keyword {word!r}")
                kw = m.group(1)
                index = int(m.group(2)) if m.group(2) is not None else 0
                if kw.startswith("msgstr["):
                    kw = "msgstr[]"
                rest = line[m.end():]
            if rest[:1] == '"' and rest[-1] == '"' and len(rest) >= 2 and '"' not in rest[1:-1] and "\\" not in rest:
                value = rest[1:-1]  # (as above)
            elif rest.strip():
                value = parse_strings(rest, codec)
            else:  # the string follows on the next line
                value, need = "", lineno
            if kw == "msgctxt" or kw == "msgid":
                if cur["msgstr"] is not None or cur["plural"] is not None:  # (has_string(), inline)
                    finish()
                if kw == "msgctxt":
                    if cur["msgctxt"] is not None or cur["msgid"] is not None:
                        raise Syntax("msgctxt out of place")
                else:
                    if cur["msgid"] is not None:
                        raise Syntax("missing msgstr after msgid", cur["linenum"])
                    cur["linenum"] = lineno
                if cur["obsolete"] is None:
                    cur["obsolete"] = obsolete
                elif cur["obsolete"] != obsolete:
                    raise Syntax("entry mixes obsolete (#~) and live lines")
                if cur["first_line"] is None:
                    cur["first_line"] = lineno
                cur[kw] = value
                field = kw
                continue
            if cur["msgid"] is None:
                raise Syntax(f"{kw} before msgid")
            if cur["obsolete"] != obsolete:
                raise Syntax("entry mixes obsolete (#~) and live lines")
            if kw == "msgid_plural":
                if cur["msgid_plural"] is not None or has_string():
                    raise Syntax("msgid_plural out of place")
                cur["msgid_plural"] = value
                field = kw
            elif kw == "msgstr":
                if has_string():
                    raise Syntax("duplicate msgstr")
                if cur["msgid_plural"] is not None:
                    raise Syntax("msgstr without [index] after msgid_plural")
                cur["msgstr"] = value
                field = kw
            else:
                if cur["msgid_plural"] is None:
                    raise Syntax("msgstr[] without msgid_plural")
                if cur["msgstr"] is not None:
                    raise Syntax("msgstr[] after msgstr")
                if cur["plural"] is None:
                    cur["plural"] = {}
                if index != len(cur["plural"]):
                    raise Syntax("plural form has wrong index")
                cur["plural"][index] = value
                plural_index = index
                field = "plural"
        lineno = lines.count
        if need is not None:
            raise Syntax("expected a quoted string", need)
        finish()
    except Syntax as exc:
        raise TamizdatError(str(exc), path, exc.line or lineno) from None


class _Builder:
    """Parsed entries (dicts) into ``po``'s :class:`Message` objects, one at a time."""

    def __init__(self, po: Catalog, path: str, share: Callable[[str, str], str]) -> None:
        self.main = self.po = po
        self.path, self.share = path, share
        self.seen: dict[tuple, int] = {}
        self.header_done = False
        self._state: dict[str, tuple] = {}

    def domain(self, name: str) -> None:
        """Entries from here on belong to domain ``name`` ("messages" is the default one)."""
        current = "messages" if self.po is self.main else next(k for k, v in self.main.domains.items()
                                                                 if v is self.po)
        self._state[current] = (self.seen, self.header_done)
        if name == "messages":
            self.po = self.main
        else:
            self.po = self.main.domains.setdefault(
                name, Catalog(fpath=self.main.fpath, encoding=self.main.encoding))
        self.seen, self.header_done = self._state.get(name, ({}, False))

    def _first(self, key: tuple, linenum: int) -> None:
        """Note where the message ``key`` (msgctxt, msgid) is defined; a second definition is an error."""
        if key in self.seen:
            raise TamizdatError(f"duplicate message definition (first defined on line {self.seen[key]})", self.path,
                                linenum)
        self.seen[key] = linenum

    def add_plain(self, comments: str, msgctxt: str | None, msgid: str, msgstr: str, linenum: int) -> None:
        """An entry of a plain catalogue (plain.plain_entries), made a message at once: as :meth:`add` makes it of
        the line reader's entry dict, which only the header still takes (a dict of fifteen fields per entry was a
        fifth of reading a catalogue)."""
        if msgid == "" and msgctxt is None and not self.header_done:
            e = _new_entry()
            for line in comments[:-1].split("\n") if comments else ():
                add_comment(e, line, self.share)
            e.update(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr, linenum=linenum, obsolete=False)
            self.add(e)
            return
        self._first((msgctxt, msgid), linenum)
        share = self.share
        said: dict = {"tcomment": [], "comment": [], "occurrences": [], "flags": []}
        for line in comments[:-1].split("\n") if comments else ():
            add_comment(said, line, share)
        tcomment, comment = said["tcomment"], said["comment"]
        blank = (tcomment == [""], comment == [""])
        joined = "\n".join(comment)
        self.po.append(Message(share(msgid, msgid), msgstr, msgstr_plural=NO_FORMS, msgctxt=msgctxt,
                               flags=said["flags"], comment=share(joined, joined) if joined else "",
                               tcomment="\n".join(tcomment), occurrences=said["occurrences"], linenum=linenum,
                               blank_comments=blank if blank != NO_BLANKS else NO_BLANKS))

    def add(self, e: dict) -> None:
        po = self.po
        self._first((e["msgctxt"], e["msgid"]), e["linenum"])
        if not self.header_done and e["msgid"] == "" and e["msgctxt"] is None and not e["obsolete"]:
            self.header_done = True
            _set_header(po, e)
            return
        blank = (e["tcomment"] == [""], e["comment"] == [""])
        share = self.share
        comment = "\n".join(e["comment"])
        po.append(Message(
            share(e["msgid"], e["msgid"]),
            e["msgstr"] if e["msgstr"] is not None else "",
            msgid_plural=e["msgid_plural"] if e["msgid_plural"] is not None else "",
            msgstr_plural=NO_FORMS if e["plural"] is None else e["plural"],
            msgctxt=e["msgctxt"],
            flags=e["flags"],
            comment=share(comment, comment) if comment else "",
            tcomment="\n".join(e["tcomment"]),
            occurrences=e["occurrences"],
            obsolete=bool(e["obsolete"]),
            previous_msgctxt=e["prev_msgctxt"],
            previous_msgid=e["prev_msgid"],
            previous_msgid_plural=e["prev_msgid_plural"],
            linenum=e["linenum"],
            blank_comments=blank if blank != NO_BLANKS else NO_BLANKS,
        ))


def _set_header(po: Catalog, e: dict) -> None:
    po.header = "\n".join(e["tcomment"])
    msgstr = e["msgstr"] if e["msgstr"] is not None else ""
    po.metadata = parse_metadata(msgstr)
    po.metadata_is_fuzzy = list(e["flags"]) if "fuzzy" in e["flags"] else []
    # msgcat keeps a header that is not the first entry in its place.
    live_before = [x for x in po if not x.obsolete]
    po.original_header = OriginalHeader(
        msgstr=msgstr,
        metadata=dict(po.metadata),
        flags=list(e["flags"]),
        comment="\n".join(e["comment"]),
        occurrences=list(e["occurrences"]),
        previous=(e["prev_msgctxt"], e["prev_msgid"], e["prev_msgid_plural"]),
        msgid_plural=e["msgid_plural"],
        plural=e["plural"],
        blank_comments=(e["tcomment"] == [""], e["comment"] == [""]),
        linenum=e["linenum"],
        after=live_before[-1] if live_before else None,
    )
