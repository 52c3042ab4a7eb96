"""Read and write gettext PO catalogues exactly as GNU gettext 0.21 does.

``parse`` builds real ``polib.POFile``/``POEntry`` objects (so the rest of the
code can use polib's API) but is our own line parser: polib's is slow, drops
``#~|`` lines and accepts broken files silently.  ``dumps`` writes the text
``msgcat`` would write for the catalogue, including its Unicode line breaking
(see docs/po-format.md).  ``unchanged`` tells a caller whether writing would
change the *content* of an existing file, so files in other editors' layouts
are only rewritten when something really changed.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
from typing import Iterable, Iterator

import polib

from pipeline.errors import TamizdatError
from pipeline.catalog import _unidata

__all__ = ["Catalog", "parse", "dumps", "encode", "unchanged", "new_catalog", "charset_of"]

PAGE_WIDTH = 79

# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

_UNESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
    "v": "\v", "\\": "\\", '"': '"',
}
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.)|$)", re.S)
_STRING_RE = re.compile(r'[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*', re.S)
_KEYWORD_RE = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[ \t\"]|$)")
_PLAIN_KEYWORDS = frozenset({"msgid", "msgstr", "msgctxt", "msgid_plural"})
_CHARSET_RE = re.compile(rb"charset=([^\s\\\"]+)")


class Catalog(polib.POFile):
    """A real ``polib.POFile`` whose ``str()`` and ``save()`` write what
    msgcat writes (polib's own layout differs), ``save()`` atomically."""

    def __unicode__(self) -> str:
        return dumps(self)

    def __str__(self) -> str:
        return dumps(self)

    def save(self, fpath=None, repr_method="__unicode__", newline=None) -> None:
        if repr_method != "__unicode__":
            return super().save(fpath, repr_method, newline)
        from pipeline.fileio import atomic_write

        path = fpath or self.fpath  # type: ignore[has-type]
        if path is None:
            raise TamizdatError("no file name to save the catalogue to")
        atomic_write(path, encode(self))
        if self.fpath is None:  # type: ignore[has-type]
            self.fpath = str(path)


class _Syntax(Exception):
    """Internal: a syntax error at the current line (or at ``line``)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _unescape(body: str, codec: str) -> str:
    if "\\" not in body:
        return body
    raw_bytes = False

    def repl(m: re.Match) -> str:
        nonlocal raw_bytes
        octal, hexa, char = m.group(1), m.group(2), m.group(3)
        if octal is not None or hexa is not None:
            # A numeric escape is a byte of the file's encoding, not a
            # code point: keep bytes >= 0x80 aside and decode them below.
            value = int(octal, 8) if octal is not None else int(hexa, 16)
            value &= 0xFF
            if value < 0x80:
                return chr(value)
            raw_bytes = True
            return chr(0xDC00 + value)
        if char is not None and char in _UNESCAPES:
            return _UNESCAPES[char]
        if char is None:
            raise _Syntax("backslash at end of string")
        raise _Syntax(f"invalid escape sequence '\\{char}' in string")

    out = _ESCAPE_RE.sub(repl, body)
    if raw_bytes:
        try:
            out = out.encode(codec, "surrogateescape").decode(codec)
        except UnicodeError:
            raise _Syntax(f"escaped bytes are not valid {codec}") from None
    return out


def _parse_strings(rest: str, codec: str = "utf-8") -> str:
    """Value of one or more adjacent C strings making up the rest of a line."""
    s = rest.strip()
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        inner = s[1:-1]
        if '"' not in inner and "\\" not in inner:
            return inner
    pos, n, parts = 0, len(rest), []
    while True:
        m = _STRING_RE.match(rest, pos)
        if m is None:
            if '"' in rest[pos:]:
                raise _Syntax("unterminated string")
            raise _Syntax("expected a quoted string")
        parts.append(_unescape(m.group(1), codec))
        pos = m.end()
        if pos >= n or rest[pos:].isspace():
            return "".join(parts)
        if rest[pos] != '"':
            raise _Syntax(f"unexpected text after string: {rest[pos:].strip()[:30]!r}")


_HEADER_RE = re.compile(rb'(?m)^msgid[ \t]+""[ \t]*\r?\nmsgstr[ \t]*"[^\n]*\n(?:[ \t]*"[^\n]*\n)*')


def _charset_from_header(data: bytes) -> str | None:
    """The charset named in the header entry's Content-Type, if any."""
    header = _HEADER_RE.search(data)
    m = _CHARSET_RE.search(header.group()) if header else None
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    return None if name.upper() == "CHARSET" else name


def _python_codec(charset: str, path: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        raise TamizdatError(f"unknown charset {charset!r} in Content-Type header", path, None) from None


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Text of the file and the Python codec it was decoded with."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_with(data[3:], "utf-8", path), "utf-8"
    charset = _charset_from_header(data) or "utf-8"
    codec = _python_codec(charset, path)
    if codec == "ascii":
        # GNU tools read "ASCII" files containing UTF-8 without complaint.
        codec = "utf-8"
    return _decode_with(data, codec, path), codec


def _decode_with(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TamizdatError(f"bytes not valid in {codec}: {data[exc.start:exc.end]!r}", path, line) from None


def _new_entry() -> dict:
    return {
        "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": None,
        "plural": None, "prev_msgctxt": None, "prev_msgid": None,
        "prev_msgid_plural": None, "tcomment": [], "comment": [],
        "occurrences": [], "flags": [], "obsolete": None, "linenum": None,
        "first_line": None,
    }


def _split_flags(text: str) -> list[str]:
    """Flags of one ``#,`` line.  GNU splits on commas and whitespace; "range:"
    takes the following token as its value."""
    tokens = [t for t in re.split(r"[,\s]+", text) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "range:" and i + 1 < len(tokens):
            out.append("range: " + tokens[i + 1])
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _split_references(text: str) -> list[tuple[str, str]]:
    """``#:`` tokens as polib-style (file, line) pairs; line is '' if absent."""
    out = []
    for tok in text.split():
        name, sep, num = tok.rpartition(":")
        if sep and num.isdigit() and name:
            out.append((name, num))
        else:
            out.append((tok, ""))
    return out


def parse(data: bytes | str, path: str = "<string>") -> Catalog:
    """Parse PO text (bytes are decoded by BOM / header charset)."""
    codec = "utf-8"
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, codec = _decode(bytes(data), path)
    else:
        text = data[1:] if data.startswith("\ufeff") else data
    po = Catalog(fpath=None if path == "<string>" else path)
    po.encoding = codec
    _parse_lines(text, po, path, codec)
    return po


def _split_lines(text: str) -> Iterator[str]:
    """``text.split("\n")`` one line at a time: a big catalogue's lines, all held at once, take
    several times the file's size."""
    start = 0
    find = text.find
    while (end := find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _join_continued(lines: Iterable[str]) -> list[tuple[int, str]]:
    """(line number, line) with backslash-newline continuations joined, as
    GNU's lexer does everywhere (even in comments)."""
    out: list[tuple[int, str]] = []
    pending: str | None = None
    start = 0
    for number, line in enumerate(lines, 1):
        if pending is None:
            start = number
            pending = line
        else:
            pending += line
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        out.append((start, pending))
        pending = None
    if pending is not None:
        out.append((start, pending))
    return out


def _parse_lines(text: str, po: polib.POFile, path: str, codec: str) -> None:
    lines = _split_lines(text)
    numbered = _join_continued(lines) if "\\\n" in text else enumerate(lines, 1)
    # Each entry becomes a POEntry as soon as it ends: a big catalogue's intermediate dicts, all
    # kept until the end, would take as much memory again as its entries.
    add = _Builder(po, path).add
    cur = _new_entry()
    # Which string field continuation lines ("...") extend.
    field: str | None = None
    plural_index = 0
    lineno = 0

    def finish() -> None:
        nonlocal cur, field
        if cur["msgid"] is None:
            if cur["msgstr"] is not None or cur["plural"] is not None:
                raise _Syntax("msgstr without msgid")
            if cur["prev_msgid"] is not None or cur["prev_msgctxt"] is not None:
                # Previous-msgid comment with no entry after it.
                raise _Syntax("'#|' comment not followed by an entry")
            # Comments with no entry: GNU drops them at the end of a file.
            cur = _new_entry()
            field = None
            return
        if cur["msgstr"] is None and cur["plural"] is None:
            raise _Syntax("missing msgstr after msgid", cur["linenum"])
        if cur["prev_msgid"] is None and (cur["prev_msgctxt"] is not None or cur["prev_msgid_plural"] is not None):
            raise _Syntax("'#|' comment without '#| msgid'", cur["first_line"])
        add(cur)
        cur = _new_entry()
        field = None

    def has_string() -> bool:
        return cur["msgstr"] is not None or cur["plural"] is not None

    try:
        for lineno, line in numbered:
            if line.endswith("\r") and line[:1] != "#":
                # A CR is white space for GNU's lexer, but part of a comment.
                line = line[:-1]
            if not line or line.isspace():
                continue
            c0 = line[0]
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
                    if has_string():
                        finish()
                    elif cur["msgid"] is not None or cur["msgctxt"] is not None:
                        raise _Syntax("comment inside an entry, before its msgstr")
                    if cur["first_line"] is None:
                        cur["first_line"] = lineno
                    body = line[2:]
                    if c1 == ".":
                        cur["comment"].append(body[1:] if body[:1] == " " else body)
                    elif c1 == ":":
                        cur["occurrences"].extend(_split_references(body))
                    elif c1 == "," or c1 == "!":
                        cur["flags"].extend(_split_flags(body))
                    else:
                        body = line[1:]
                        cur["tcomment"].append(body[1:] if body[:1] == " " else body)
                    field = None
                    continue
                stripped = line.lstrip(" \t")
                if not stripped:
                    continue
                if previous:
                    if has_string():
                        finish()
                    elif cur["msgid"] is not None or cur["msgctxt"] is not None:
                        raise _Syntax("'#|' comment inside an entry, before its msgstr")
                    if cur["first_line"] is None:
                        cur["first_line"] = lineno
                    if stripped[0] == '"':
                        if field is None or not field.startswith("prev_"):
                            raise _Syntax("string continuation without a keyword")
                        cur[field] += _parse_strings(stripped, codec)
                        continue
                    m = _KEYWORD_RE.match(stripped)
                    if not m or m.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
                        raise _Syntax(f"unknown keyword in '#|' comment: {stripped.split()[0]!r}")
                    field = "prev_" + m.group(1)
                    if cur[field] is not None:
                        raise _Syntax(f"duplicate '#| {m.group(1)}'")
                    cur[field] = _parse_strings(stripped[m.end():], codec)
                    continue
                line = stripped
            else:
                line = line.lstrip(" \t") if c0 in " \t" else line
                if not line:
                    continue
            # A keyword or a string continuation, possibly obsolete.
            if line[0] == '"':
                if field is None or field.startswith("prev_"):
                    raise _Syntax("string continuation without a keyword")
                if (cur["obsolete"] is True) != obsolete:
                    raise _Syntax("string continuation mixes obsolete and live lines")
                value = _parse_strings(line, codec)
                if field == "plural":
                    cur["plural"][plural_index] += value
                else:
                    cur[field] += value
                continue
            sp = line.find(" ")
            kw = line[:sp] if sp > 0 else line
            if kw in _PLAIN_KEYWORDS:
                index = 0
                value = _parse_strings(line[sp + 1:], codec)
            else:
                m = _KEYWORD_RE.match(line)
                if m is None:
                    word = line.split()[0] if line.split() else line
                    raise _Syntax(f"unknown keyword {word!r}")
                kw = m.group(1)
                index = int(m.group(2)) if m.group(2) is not None else 0
                if kw.startswith("msgstr["):
                    kw = "msgstr[]"
                value = _parse_strings(line[m.end():], codec)
            if kw == "msgctxt" or kw == "msgid":
                if has_string():
                    finish()
                if kw == "msgctxt":
                    if cur["msgctxt"] is not None or cur["msgid"] is not None:
                        raise _Syntax("msgctxt out of place")
                else:
                    if cur["msgid"] is not None:
                        raise _Syntax("missing msgstr after msgid", cur["linenum"])
                    cur["linenum"] = lineno
                if cur["obsolete"] is None:
                    cur["obsolete"] = obsolete
                elif cur["obsolete"] != obsolete:
                    raise _Syntax("entry mixes obsolete (#~) and live lines")
                if cur["first_line"] is None:
                    cur["first_line"] = lineno
                cur[kw] = value
                field = kw
                continue
            if cur["msgid"] is None:
                raise _Syntax(f"{kw} before msgid")
            if cur["obsolete"] != obsolete:
                raise _Syntax("entry mixes obsolete (#~) and live lines")
            if kw == "msgid_plural":
                if cur["msgid_plural"] is not None or has_string():
                    raise _Syntax("msgid_plural out of place")
                cur["msgid_plural"] = value
                field = kw
            elif kw == "msgstr":
                if has_string():
                    raise _Syntax("duplicate msgstr")
                if cur["msgid_plural"] is not None:
                    raise _Syntax("msgstr without [index] after msgid_plural")
                cur["msgstr"] = value
                field = kw
            else:
                if cur["msgid_plural"] is None:
                    raise _Syntax("msgstr[] without msgid_plural")
                if cur["msgstr"] is not None:
                    raise _Syntax("msgstr[] after msgstr")
                if cur["plural"] is None:
                    cur["plural"] = {}
                if index != len(cur["plural"]):
                    raise _Syntax("plural form has wrong index")
                cur["plural"][index] = value
                plural_index = index
                field = "plural"
        lineno = text.count("\n") + 1
        finish()
    except _Syntax as exc:
        raise TamizdatError(str(exc), path, exc.line or lineno) from None


class _Builder:
    """Parsed entries (dicts) into ``po``'s POEntry objects, one at a time."""

    def __init__(self, po: polib.POFile, path: str) -> None:
        self.po, self.path = po, path
        self.seen: dict[tuple, int] = {}
        self.header_done = False

    def add(self, e: dict) -> None:
        po = self.po
        key = (e["msgctxt"], e["msgid"])
        if key in self.seen:
            raise TamizdatError(
                f"duplicate message definition (first defined on line {self.seen[key]})", self.path, e["linenum"])
        self.seen[key] = e["linenum"]
        if not self.header_done and e["msgid"] == "" and e["msgctxt"] is None and not e["obsolete"]:
            self.header_done = True
            _set_header(po, e)
            # msgcat keeps a header that is not the first entry in its place.
            live_before = [x for x in po if not x.obsolete]
            po._tz_header["after"] = live_before[-1] if live_before else None
            return
        entry = polib.POEntry.__new__(polib.POEntry)
        d = entry.__dict__
        d["msgid"] = e["msgid"]
        d["msgstr"] = e["msgstr"] if e["msgstr"] is not None else ""
        d["msgid_plural"] = e["msgid_plural"] if e["msgid_plural"] is not None else ""
        d["msgstr_plural"] = e["plural"] if e["plural"] is not None else {}
        d["msgctxt"] = e["msgctxt"]
        d["obsolete"] = bool(e["obsolete"])
        d["encoding"] = "utf-8"
        d["comment"] = "\n".join(e["comment"])
        d["tcomment"] = "\n".join(e["tcomment"])
        d["occurrences"] = e["occurrences"]
        d["flags"] = e["flags"]
        d["previous_msgctxt"] = e["prev_msgctxt"]
        d["previous_msgid"] = e["prev_msgid"]
        d["previous_msgid_plural"] = e["prev_msgid_plural"]
        d["linenum"] = e["linenum"]
        if e["tcomment"] == [""] or e["comment"] == [""]:
            # A lone empty "#" or "#." line: polib's string fields cannot
            # tell it from no comment, so remember it for writing.
            d["_tz_blank"] = (e["tcomment"] == [""], e["comment"] == [""])
        po.append(entry)


def _parse_metadata(msgstr: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in msgstr.split("\n"):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return meta


def _set_header(po: polib.POFile, e: dict) -> None:
    po.header = "\n".join(e["tcomment"])
    msgstr = e["msgstr"] if e["msgstr"] is not None else ""
    po.metadata = _parse_metadata(msgstr)
    po.metadata_is_fuzzy = list(e["flags"]) if "fuzzy" in e["flags"] else []
    # Kept so the header msgstr is written back verbatim when the metadata
    # was not changed (GNU never rewrites header lines).
    po._tz_header = {
        "after": None,
        "blank": (e["tcomment"] == [""], e["comment"] == [""]),
        "msgstr": msgstr,
        "metadata": dict(po.metadata),
        "flags": list(e["flags"]),
        "comment": "\n".join(e["comment"]),
        "occurrences": list(e["occurrences"]),
        "previous": (e["prev_msgctxt"], e["prev_msgid"], e["prev_msgid_plural"]),
        "msgid_plural": e["msgid_plural"],
        "plural": e["plural"],
        "linenum": e["linenum"],
    }


def charset_of(po: polib.POFile) -> str:
    """The catalogue's charset as GNU reads it from the header (default ASCII)."""
    ct = _header_msgstr(po)
    i = ct.find("charset=")
    if i < 0:
        return "ASCII"
    name = re.split(r"[ \t\n]", ct[i + 8:], maxsplit=1)[0]
    return "ASCII" if name == "CHARSET" or not name else name


# ---------------------------------------------------------------------------
# Unicode line breaking, as libunistring 1.0 does it for GNU gettext
# ---------------------------------------------------------------------------

(WJ, GL, B2, BA, BB, HY, CL, CP1, CP2, EX, IN, NS, OP1, OP2, QU, IS, NU, PO,
 PR, SY, AL, H2, H3, ID1, ID2, JL, JV, JT, HL, RI, ZWJ, EB, EM,
 BK, CR, LF, CM, ZW, SP, CB, AI, SA, XX) = range(43)

_PAIRS = _unidata.PAIRS
_NCLS = 33
_DIRECT, _INDIRECT, _PROHIBITED_PAIR = 1, 2, 3
# Break-opportunity codes, as in libunistring.
_MANDATORY, _POSSIBLE, _PROHIB = 0, 1, 2


def _resolve(c: int) -> int:
    # libunistring resolves these at run time (for a non-CJK encoding).
    if c == AI or c == SA or c == XX:
        return AL
    if c == CB:
        return ID1
    return c


class _TransTable(dict):
    """str.translate table computing entries on first use."""

    def __init__(self, func):
        super().__init__()
        self.func = func

    def __missing__(self, code: int) -> str:
        value = self[code] = self.func(code)
        return value


def _class_of(code: int) -> str:
    return chr(_resolve(_unidata.LB_VALUES[bisect.bisect_right(_unidata.LB_STARTS, code) - 1]))


def _width_of(code: int) -> str:
    w = _unidata.W_VALUES[bisect.bisect_right(_unidata.W_STARTS, code) - 1]
    return chr(max(w, 0))  # control characters count 0, as in libunistring


_CLASSES = _TransTable(_class_of)
_WIDTHS = _TransTable(_width_of)


class _CharClasses(dict):
    """Character -> resolved line-break class (int), filled on first use."""

    def __missing__(self, ch: str) -> int:
        value = self[ch] = ord(_CLASSES[ord(ch)])
        return value


_CHAR_CLASS = _CharClasses()


_SPECIAL_CLASSES = frozenset(chr(c) for c in (BK, CR, LF, CM, ZWJ, ZW, RI, HL))
# Characters known to follow plain pair-table rules and to be 1 column wide.
_PLAIN_CHARS: set[str] = set(chr(c) for c in range(32, 127))


def _text_kind(text: str) -> tuple[bool, bool]:
    """Whether ``text`` has characters with special line-break rules, and
    whether it has characters not exactly one column wide."""
    if text.isascii() and text.isprintable():
        return False, False
    special = odd = False
    for ch in set(text).difference(_PLAIN_CHARS):
        is_special = _CLASSES[ord(ch)] in _SPECIAL_CLASSES
        is_odd = _WIDTHS[ord(ch)] != "\x01"
        if not (is_special or is_odd):
            _PLAIN_CHARS.add(ch)
        special = special or is_special
        odd = odd or is_odd
    return special, odd


_HL_BA = 99  # internal: a Hebrew letter followed by a hyphen or BA


def _possible_breaks_slow(cls: str) -> list[int]:
    """Per character: may a line break before it (libunistring's
    u8_possible_linebreaks, all rules)."""
    n = len(cls)
    p = [_PROHIB] * n
    prev = BK  # class of the previous character
    last = BK  # class of the last character that is not a space
    seen_space = False
    ri_count = 0
    for i in range(n):
        prop = ord(cls[i])
        if prop == BK or prop == LF or prop == CR:
            p[i] = _MANDATORY
            prev = prop
            last = BK
            seen_space = False
        else:
            if prop == SP:
                seen_space = True
            elif prop == ZW:
                last = ZW
                seen_space = False
            elif prop == CM or prop == ZWJ:
                if last == BK:
                    last = AL
                    seen_space = False
                elif last == ZW or seen_space:
                    p[i] = _POSSIBLE
                    last = AL
                    seen_space = False
                # else: X CM is treated as X.
            else:
                if last == BK:
                    pass
                elif last == ZW:
                    p[i] = _POSSIBLE
                elif prev == ZWJ:
                    pass
                elif last == RI and prop == RI:
                    if seen_space or ri_count % 2 == 0:
                        p[i] = _POSSIBLE
                elif prev == _HL_BA:
                    pass
                else:
                    kind = _PAIRS[last * _NCLS + prop]
                    if kind == _DIRECT or (kind == _INDIRECT and seen_space):
                        p[i] = _POSSIBLE
                last = prop
                seen_space = False
            prev = _HL_BA if prev == HL and (prop == HY or prop == BA) else prop
        ri_count = ri_count + 1 if prop == RI else 0
    return p


def _width_linebreaks(text: str, prohibited: set[int] | None, width: int, start_column: int,
                      cjk: bool = False) -> list[int]:
    """Indexes of ``text`` before which msgcat breaks the line so that lines
    fit ``width`` columns (libunistring's u8_width_linebreaks)."""
    cum: list[int] | None
    if cjk and not text.isascii():
        # Legacy CJK charsets: ambiguous characters are ideographs, 2 columns.
        cum = [0]
        cum.extend(itertools.accumulate(_cjk_width(ch) for ch in text))
        classes = "".join(chr(_cjk_class(ch)) for ch in text)
        return _breaks_slow(classes, cum, prohibited, width, start_column)
    special, odd = _text_kind(text)
    cum = None
    if odd:
        cum = [0]
        cum.extend(itertools.accumulate(map(ord, text.translate(_WIDTHS))))
    if special:
        return _breaks_slow(text.translate(_CLASSES), cum, prohibited, width, start_column)
    return _breaks_fast(text, cum, prohibited, width, start_column)


# Charsets for which libunistring's is_cjk_encoding() is true.
_CJK_CHARSETS = frozenset({"EUC-JP", "GB2312", "GBK", "EUC-TW", "BIG5", "EUC-KR", "CP949", "JOHAB"})


def _cjk_width(ch: str) -> int:
    w = ord(_WIDTHS[ord(ch)])
    cp = ord(ch)
    if w == 1 and 0xA1 <= cp < 0xFF61 and cp != 0x20A9:
        return 2
    return w


def _cjk_class(ch: str) -> int:
    raw = _unidata.LB_VALUES[bisect.bisect_right(_unidata.LB_STARTS, ord(ch)) - 1]
    return ID1 if raw == AI else _resolve(raw)


def _breaks_fast(text: str, cum: list[int] | None, prohibited: set[int] | None,
                 width: int, col: int) -> list[int]:
    """Line breaks when only pair-table rules apply.

    libunistring's greedy filling puts on each line the most whole pieces
    (text between break opportunities) that fit, and at least one.  Since
    with these classes whether a break is possible before a character only
    depends on the previous non-space character, we look for the last
    opportunity before each line's limit instead of computing all of them.
    """
    n = len(text)
    pairs = _PAIRS
    cc = _CHAR_CLASS

    def opportunity(i: int) -> bool:
        b = cc[text[i]]
        if b == SP or (prohibited is not None and i in prohibited):
            return False
        j = i - 1
        while j >= 0 and cc[text[j]] == SP:
            j -= 1
        if j < 0:
            return False
        kind = pairs[cc[text[j]] * _NCLS + b]
        return kind == _DIRECT or (kind == _INDIRECT and j < i - 1)

    out: list[int] = []
    line_start = 0
    while True:
        avail = width - col
        if cum is None:
            if n - line_start <= avail:
                return out
            limit = line_start + avail
        else:
            base = cum[line_start]
            if cum[n] - base <= avail:
                return out
            limit = bisect.bisect_right(cum, base + avail) - 1
        # The last opportunity at or before the limit (inlined: hot loop).
        found = -1
        i = min(limit, n - 1)
        b = cc[text[i]] if i > line_start else SP
        while i > line_start:
            j = i - 1
            a = cc[text[j]]
            if b != SP and (prohibited is None or i not in prohibited):
                if a == SP:
                    k = j - 1
                    while k >= 0 and cc[text[k]] == SP:
                        k -= 1
                    if k >= 0 and pairs[cc[text[k]] * _NCLS + b] != _PROHIBITED_PAIR:
                        found = i
                        break
                elif pairs[a * _NCLS + b] == _DIRECT:
                    found = i
                    break
            i = j
            b = a
        if found < 0:
            # Even the first piece is too wide: it fills the line alone.
            i = max(limit + 1, line_start + 1)
            while i < n:
                if opportunity(i):
                    found = i
                    break
                i += 1
            if found < 0:
                return out
        out.append(found)
        line_start = found
        col = 0


def _breaks_slow(cls: str, cum: list[int] | None, prohibited: set[int] | None,
                 width: int, start_column: int) -> list[int]:
    """Line breaks computed character by character (all UAX #14 rules)."""
    p = _possible_breaks_slow(cls)
    n = len(cls)
    out: list[int] = []
    last_p = -1
    last_column = start_column
    piece_start = 0
    for i in range(n):
        b = p[i]
        if b == _PROHIB or (prohibited is not None and i in prohibited):
            continue
        piece = (i - piece_start) if cum is None else cum[i] - cum[piece_start]
        if last_p >= 0 and last_column + piece > width:
            out.append(last_p)
            last_column = 0
        if b == _POSSIBLE:
            last_p = i
            last_column += piece
            piece_start = i
        else:  # mandatory break (a line separator character)
            last_p = -1
            last_column = 0
            piece_start = i + 1
    piece = (n - piece_start) if cum is None else cum[n] - cum[piece_start]
    if last_p >= 0 and last_column + piece > width:
        out.append(last_p)
    return out




# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

_ESCAPES = {
    "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
    "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"',
}
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')
_ESCAPED_PAIR = re.compile(r"\\.", re.S)
_SIMPLE = re.compile(r'[ !#-\[\]-~]*\Z')  # printable ASCII without " and \


def _escape_portion(portion: str) -> tuple[str, set[int] | None]:
    """Escaped text of one portion, and the positions where msgcat forbids a
    break (inside an escape sequence, and before a final \\n)."""
    if _NEEDS_ESCAPE.search(portion) is None:
        return portion, None
    text = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], portion)
    prohibited = {m.start() + 1 for m in _ESCAPED_PAIR.finditer(text)}
    if portion.endswith("\n"):
        prohibited.add(len(text) - 2)
    return text, prohibited


def _wrap(out: list[str], prefix: str, name: str, value: str, do_wrap: bool,
          fmt_lang: str | None = None, cjk: bool = False) -> None:
    """Append the lines GNU's wrap() prints for keyword ``name`` and ``value``."""
    plen = len(prefix)
    # Fast path: printable ASCII on a single line that fits.
    nl = value.find("\n")
    if nl < 0 or nl == len(value) - 1:
        core = value if nl < 0 else value[:-1]
        if _SIMPLE.match(core) is not None:
            text = core if nl < 0 else core + "\\n"
            if not do_wrap or plen + len(name) + len(text) + 3 <= PAGE_WIDTH:
                out.append(f'{prefix}{name} "{text}"')
                return
    if value == "":
        out.append(f'{prefix}{name} ""')
        return
    parts = value.split("\n")
    portions = [x + "\n" for x in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    width = (PAGE_WIDTH if do_wrap else 1 << 30) - 1 - (plen + 1)
    interiors = (_directive_interiors(value, fmt_lang, name.startswith("msgstr"))
                 if fmt_lang and "%" in value else None)
    first_line = True
    last = len(portions) - 1
    offset = 0
    for k, portion in enumerate(portions):
        text, prohibited = _escape_portion(portion)
        if interiors:
            prohibited = _add_interiors(portion, offset, interiors, prohibited)
        offset += len(portion)
        if first_line:
            startcol = len(name) + 1
            breaks = _width_linebreaks(text, prohibited, width, startcol, cjk)
            if k < last or startcol > width or breaks:
                out.append(f'{prefix}{name} ""')
                first_line = False
                breaks = _width_linebreaks(text, prohibited, width, 0, cjk)
        else:
            breaks = _width_linebreaks(text, prohibited, width, 0, cjk)
        lead = f'{prefix}{name} "' if first_line else f'{prefix}"'
        first_line = False
        start = 0
        for i in breaks:
            out.append(lead + text[start:i] + '"')
            lead = f'{prefix}"'
            start = i
        out.append(lead + text[start:] + '"')


def _add_interiors(portion: str, offset: int, interiors: set[int],
                   prohibited: set[int] | None) -> set[int] | None:
    """Add the format-directive positions of this portion, in escaped text
    coordinates, to the prohibited breaks."""
    extra = 0
    result = set(prohibited) if prohibited else set()
    for k, ch in enumerate(portion):
        if offset + k in interiors:
            result.add(k + extra)
        if ch in _ESCAPES:
            extra += 1
    return result or None


# Format directives, as gettext 0.21's format-c.c and format-python.c read
# them: msgcat does not break a line inside one (after its first character).
# Like gettext's parsers, marking stops at the first invalid directive.

def _digits(value: str, i: int) -> int:
    while i < len(value) and value[i].isdigit() and value[i].isascii():
        i += 1
    return i


_C_CONVERSIONS = "%mcCsSidouxXeEfFgGaApn"
_C99_MACRO = re.compile(r"<PRI[dioxXu](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


def _c_directives(value: str, translated: bool, objc: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each valid C directive; end is the conversion char."""
    out: list[tuple[int, int]] = []
    n = len(value)
    at = lambda i: value[i] if i < n else ""  # noqa: E731
    numbered = unnumbered = 0
    i = value.find("%")
    while i >= 0:
        start = i
        i += 1
        number = 0
        j = _digits(value, i)
        if j > i and at(j) == "$":
            if int(value[i:j]) == 0:
                return out
            number = int(value[i:j])
            i = j + 1
        while at(i) in (" ", "+", "-", "#", "0", "'") or (translated and at(i) == "I"):
            if at(i) == "":
                break
            i += 1
        for prefix in ("", "."):
            if prefix:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                i += 1
                j = _digits(value, i)
                if j > i and at(j) == "$":
                    if int(value[i:j]) == 0:
                        return out
                    if unnumbered:
                        return out
                    numbered += 1
                    i = j + 1
                else:
                    if numbered:
                        return out
                    unnumbered += 1
            elif not prefix and at(i).isdigit() and at(i).isascii():
                i = _digits(value, i)
            elif prefix:
                i = _digits(value, i)
        if at(i) == "<":
            # <inttypes.h> macro, e.g. %<PRId64>: the directive ends at '>'.
            m = _C99_MACRO.match(value, i)
            if m is None:
                return out
            i = m.end() - 1
            conv = "d"
        else:
            if value.startswith("hh", i) or value.startswith("ll", i):
                i += 2
            elif at(i) in ("h", "l", "j", "z", "Z", "t", "L", "q"):
                i += 1
            conv = at(i)
            if conv == "" or conv not in _C_CONVERSIONS + ("@" if objc else ""):
                return out
        if conv not in ("%", "m"):
            if number:
                if unnumbered:
                    return out
                numbered += 1
            else:
                if numbered:
                    return out
                unnumbered += 1
        out.append((start, i))
        i = value.find("%", i + 1)
    return out


def _python_directives(value: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(value)
    at = lambda i: value[i] if i < n else ""  # noqa: E731
    named = unnamed = 0
    i = value.find("%")
    while i >= 0:
        start = i
        i += 1
        name = False
        if at(i) == "(":
            depth = 0
            i += 1
            while i < n:
                if value[i] == "(":
                    depth += 1
                elif value[i] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            if i >= n:
                return out
            i += 1
            name = True
        while at(i) in (" ", "+", "-", "#", "0") and at(i):
            i += 1
        for prefix in ("", "."):
            if prefix:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                if named:
                    return out
                unnamed += 1
                i += 1
            elif at(i).isdigit() and at(i).isascii():
                i = _digits(value, i)
        if at(i) in ("h", "l", "L"):
            i += 1
        conv = at(i)
        if conv == "" or conv not in "%csridouxXeEfFgG":
            return out
        if name:
            if unnamed:
                return out
            named += 1
        elif conv != "%":
            if named:
                return out
            unnamed += 1
        out.append((start, i))
        i = value.find("%", i + 1)
    return out


def _directive_interiors(value: str, lang: str, translated: bool = False) -> set[int] | None:
    """Positions inside valid format directives (not their first character)."""
    if lang in ("c", "objc"):
        spans = _c_directives(value, translated, lang == "objc")
    elif lang == "python":
        spans = _python_directives(value)
    else:
        return None
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(start + 1, end + 1))
    return inside or None


# Format languages in gettext 0.21's order (format_language[] in message.c).
_FORMATS = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp",
    "javascript", "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk",
    "lua", "object-pascal", "smalltalk", "qt", "qt-plural", "kde", "kde-kuit",
    "boost", "tcl", "perl", "perl-brace", "php", "gcc-internal",
    "gfc-internal", "ycp",
)
_FORMAT_SET = frozenset(_FORMATS)
_RANGE_RE = re.compile(r"range:\s*(\d+)\.\.(\d+)\Z")


def _flag_state(flags: list[str]) -> tuple[bool, dict[str, bool], tuple[int, int] | None, bool | None]:
    """GNU's reading of a flags list: fuzzy, format flags, range, wrap."""
    fuzzy = False
    fmt: dict[str, bool] = {}
    rng = None
    wrap: bool | None = None
    for raw in flags:
        for flag in _split_flags(raw) if ("," in raw or " " in raw.strip()) and not raw.startswith("range:") else [raw.strip()]:
            if flag == "fuzzy":
                fuzzy = True
            elif flag == "no-wrap":
                wrap = False
            elif flag == "wrap":
                wrap = True
            elif flag.endswith("-format"):
                lang = flag[:-7]
                state: bool | None = True
                for pre, st in (("no-", False), ("possible-", True), ("impossible-", None), ("undecided-", None)):
                    if lang.startswith(pre) and lang[len(pre):] in _FORMAT_SET:
                        lang, state = lang[len(pre):], st
                        break
                if lang in _FORMAT_SET:
                    if state is None:
                        fmt.pop(lang, None)
                    else:
                        fmt[lang] = state
            elif flag.startswith("range:"):
                m = _RANGE_RE.match(flag)
                if m and int(m.group(1)) <= int(m.group(2)):
                    rng = (int(m.group(1)), int(m.group(2)))
    return fuzzy, fmt, rng, wrap


def _flags_line(flags: list[str], translated: bool, obsolete: bool) -> tuple[str | None, bool, str | None]:
    """The ``#,`` line msgcat writes (or None), whether strings wrap, and the
    format language whose directives must not be broken."""
    if not flags:
        return None, True, None
    fuzzy, fmt, rng, wrap = _flag_state(flags)
    out = []
    if fuzzy and translated:
        out.append("fuzzy")
    for name in _FORMATS:
        if name in fmt:
            out.append(f"{name}-format" if fmt[name] else f"no-{name}-format")
    if rng is not None and not obsolete:
        out.append(f"range: {rng[0]}..{rng[1]}")
    if wrap is False:
        out.append("no-wrap")
    lang = next((name for name in _FORMATS if fmt.get(name)), None)
    return ("#, " + ", ".join(out) if out else None), wrap is not False, lang


def _references(occurrences: list, out: list[str]) -> None:
    line = "#:"
    column = 2
    seen = set()
    for occ in occurrences:
        if isinstance(occ, (tuple, list)):
            fname, num = str(occ[0]), (occ[1] if len(occ) > 1 else "")
        else:
            fname, num = str(occ), ""
        # GNU stores line numbers as integers and drops repeated positions.
        num = str(int(num)) if str(num).strip().isdigit() else ""
        if (fname, num) in seen:
            continue
        seen.add((fname, num))
        while fname.startswith("./"):
            fname = fname[2:]
        ref = f"{fname}:{num}" if num else fname
        n = len(ref) + 1
        if column > 2 and column + n > PAGE_WIDTH:
            out.append(line)
            line = "#:"
            column = 2
        line += " " + ref
        column += n
    out.append(line)


def _comment_lines(text: str, mark: str, out: list[str]) -> None:
    for line in text.split("\n"):
        out.append(f"{mark} {line}" if line else mark)


def _header_msgstr(po: polib.POFile) -> str:
    """The header msgstr: the lines as read, with only the fields the
    program changed rewritten (removed ones dropped, new ones appended)."""
    saved = getattr(po, "_tz_header", None)
    if saved is None:
        return "".join(f"{k}: {v}\n" for k, v in po.metadata.items())
    if saved["metadata"] == po.metadata:
        return saved["msgstr"]
    out = []
    done = set()
    for line in saved["msgstr"].split("\n")[:-1] if saved["msgstr"].endswith("\n") else saved["msgstr"].split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key:
            out.append(line + "\n")
            continue
        if key not in po.metadata or key in done:
            continue
        done.add(key)
        if saved["metadata"].get(key) == po.metadata[key] and value.strip() == po.metadata[key]:
            out.append(line + "\n")
        else:
            out.append(f"{key}: {po.metadata[key]}\n")
    out.extend(f"{k}: {v}\n" for k, v in po.metadata.items() if k not in done)
    return "".join(out)


def _write_entry(out: list[str], *, msgctxt, msgid, msgid_plural, msgstr, plural,
                 tcomment, comment, occurrences, flags, prev, obsolete,
                 blank=(False, False), cjk=False) -> None:
    if msgid_plural:
        # GNU looks at the first plural form only.
        translated = bool(plural) and plural[min(plural, key=int)] != ""
    else:
        translated = msgstr != ""
    if obsolete and not translated:
        return  # msgcat drops untranslated obsolete entries
    if out:
        out.append("")
    if tcomment or blank[0]:
        _comment_lines(tcomment, "#", out)
    if comment or blank[1]:
        _comment_lines(comment, "#.", out)
    if occurrences:
        _references(occurrences, out)
    flag_line, do_wrap, lang = _flags_line(flags, translated, obsolete)
    if flag_line:
        out.append(flag_line)
    pprefix = "#~| " if obsolete else "#| "
    for name, value in zip(("msgctxt", "msgid", "msgid_plural"), prev):
        if value is not None:
            _wrap(out, pprefix, name, value, do_wrap, lang, cjk)
    prefix = "#~ " if obsolete else ""
    if msgctxt is not None:
        _wrap(out, prefix, "msgctxt", msgctxt, do_wrap, lang, cjk)
    _wrap(out, prefix, "msgid", msgid, do_wrap, lang, cjk)
    if msgid_plural:
        _wrap(out, prefix, "msgid_plural", msgid_plural, do_wrap, lang, cjk)
        forms = sorted(plural.items(), key=lambda kv: int(kv[0])) or [(0, ""), (1, "")]
        for i, form in forms:
            _wrap(out, prefix, f"msgstr[{int(i)}]", form, do_wrap, lang, cjk)
    else:
        _wrap(out, prefix, "msgstr", msgstr, do_wrap, lang, cjk)


def _write_plain(out: list[str], e: polib.POEntry, cjk: bool) -> None:
    _write_entry(
        out, msgctxt=e.msgctxt, msgid=e.msgid, msgid_plural=e.msgid_plural,
        msgstr=e.msgstr, plural=e.msgstr_plural, tcomment=e.tcomment,
        comment=e.comment, occurrences=e.occurrences, flags=e.flags,
        prev=(e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural),
        obsolete=e.obsolete, blank=getattr(e, "_tz_blank", (False, False)), cjk=cjk)


def dumps(po: polib.POFile) -> str:
    """The PO text GNU msgcat 0.21 writes for ``po`` (default options)."""
    return "".join(_dump_chunks(po))


def _dump_chunks(po: polib.POFile, size: int = 2000) -> Iterator[str]:
    """:func:`dumps` in pieces of about ``size`` entries: the lines of a big catalogue, all held at
    once, take several times the size of its text."""
    out: list[str] = []

    def flush(final: bool = False) -> Iterator[str]:
        # The last line stays behind (until the end): a non-empty ``out`` is how the next entry
        # knows to write the blank line that separates it from this one.
        keep = 0 if final else 1
        if len(out) > keep:
            yield "\n".join(out[: len(out) - keep]) + "\n"
            del out[: len(out) - keep]

    saved = getattr(po, "_tz_header", None)
    cjk = charset_of(po).upper() in _CJK_CHARSETS
    live = [e for e in po if not e.obsolete]
    dead = [e for e in po if e.obsolete]
    after = saved.get("after") if saved is not None else None
    if after is not None:
        cut = next((i for i, e in enumerate(live) if e is after), None)
        if cut is not None:
            first, live = live[:cut + 1], live[cut + 1:]
            for e in first:
                _write_plain(out, e, cjk)
    if po.metadata or po.header or saved is not None:
        fuzzy = po.metadata_is_fuzzy
        if saved is not None:
            flags = [f for f in saved["flags"] if f != "fuzzy"]
        else:
            flags = []
        if fuzzy:
            flags = ["fuzzy"] + flags
        _write_entry(
            out, msgctxt=None, msgid="", msgid_plural=saved["msgid_plural"] if saved else None,
            msgstr=_header_msgstr(po), plural=saved["plural"] if saved else None,
            tcomment=po.header, comment=saved["comment"] if saved else "",
            occurrences=saved["occurrences"] if saved else [], flags=flags,
            prev=saved["previous"] if saved else (None, None, None), obsolete=False,
            blank=saved["blank"] if saved else (False, False), cjk=cjk)
    for i, e in enumerate(live + dead, 1):
        _write_plain(out, e, cjk)
        if i % size == 0:
            yield from flush()
    yield from flush(final=True)


def encode(po: polib.POFile) -> bytes:
    """``dumps(po)`` encoded in the catalogue's charset."""
    return b"".join(encode_chunks(po))


def encode_chunks(po: polib.POFile) -> Iterator[bytes]:
    """:func:`encode` in pieces, for writing a big catalogue without holding all its bytes."""
    charset = charset_of(po)
    codec = "utf-8" if charset.upper() in ("ASCII", "US-ASCII") else _python_codec(charset, po.fpath or "<catalog>")
    encoder = codecs.getincrementalencoder(codec)()
    for chunk in _dump_chunks(po):
        yield encoder.encode(chunk)
    yield encoder.encode("", final=True)


# ---------------------------------------------------------------------------
# Content comparison
# ---------------------------------------------------------------------------

def content(po: polib.POFile) -> tuple:
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
            getattr(e, "_tz_blank", (False, False))))
    return (po.header, dict(po.metadata), bool(po.metadata_is_fuzzy), tuple(items))


def unchanged(old: bytes | tuple, po: polib.POFile) -> bool:
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


def new_catalog(metadata: dict[str, str], header: str = "") -> Catalog:
    """An empty catalogue with the given header fields (in order)."""
    po = Catalog()
    po.encoding = "utf-8"
    po.header = header
    po.metadata = dict(metadata)
    po.metadata_is_fuzzy = []
    return po
