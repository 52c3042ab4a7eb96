"""The PO lexer: a file's lines (decoded a piece at a time, continuations joined) and its C strings."""

from __future__ import annotations

import re
from itertools import chain
from typing import Iterable, Iterator

from pipeline.core.errors import TamizdatError

_UNESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
    "v": "\v", "\\": "\\", '"': '"',
}
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.)|$)", re.S)
_STRING_RE = re.compile(r'[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*', re.S)

class Syntax(Exception):
    """Internal: a syntax error at the current line (or at ``line``)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def unescape_string(body: str, codec: str) -> str:
    """The text of one PO string's body (between its quotes) with its C escapes resolved, as msgcat reads them."""
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
            raise Syntax("backslash at end of string")
        raise Syntax(f"invalid escape sequence '\\{char}' in string")

    out = _ESCAPE_RE.sub(repl, body)
    if raw_bytes:
        try:
            out = out.encode(codec, "surrogateescape").decode(codec)
        except UnicodeError:
            raise Syntax(f"escaped bytes are not valid {codec}") from None
    return out


def parse_strings(rest: str, codec: str = "utf-8") -> str:
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
                raise Syntax("unterminated string")
            raise Syntax("expected a quoted string")
        parts.append(unescape_string(m.group(1), codec))
        pos = m.end()
        if pos >= n or rest[pos:].isspace():
            return "".join(parts)
        if rest[pos] != '"':
            raise Syntax(f"unexpected text after string: {rest[pos:].strip()[:30]!r}")


class Lines:
    """A file's lines (``text.split("\n")``), one at a time, counted. A big catalogue's lines, all
    held at once, take several times the file's size; so does its whole text decoded at once, so
    bytes are decoded a piece (about a megabyte, cut after a newline) at a time."""

    PIECE = 1 << 20

    def __init__(self) -> None:
        self.count = 0

    def split(self, text: str) -> Iterator[str]:
        start = 0
        find = text.find
        while (end := find("\n", start)) >= 0:
            self.count += 1
            yield text[start:end]
            start = end + 1
        self.count += 1
        yield text[start:]

    def texts(self, data: bytes, start: int, codec: str, path: str) -> Iterator[str]:
        """``data[start:]`` decoded a piece at a time, each piece whole lines (without its last newline)."""
        # A newline byte is never part of a multi-byte character in the charsets PO files use.
        n = len(data)
        while True:
            end = data.find(b"\n", start + self.PIECE)
            end = n if end < 0 else end + 1
            try:
                text = data[start:end].decode(codec)
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, start + exc.start) + 1
                bad = data[start + exc.start:start + exc.end]
                raise TamizdatError(f"bytes not valid in {codec}: {bad!r}", path, line) from None
            if end < n:  # the piece ends with its newline: the empty rest is the next piece's start
                text = text[:-1]
            yield text
            if end >= n:
                return
            start = end

    def split_all(self, texts: Iterable[str]) -> Iterator[str]:
        """The texts' lines, as :meth:`split` gives them, but each text split by ``str.split`` and the lines
        passed on by C iterators, not a generator. A text is at most about a megabyte (:meth:`texts`), so
        its lines are never all of a big catalogue's."""
        return chain.from_iterable(map(self._counted, texts))

    def _counted(self, text: str) -> list[str]:
        lines = text.split("\n")
        self.count += len(lines)
        return lines


def join_continued(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) with backslash-newline continuations joined, as
    GNU's lexer does everywhere (even in comments)."""
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
        yield start, pending
        pending = None
    if pending is not None:
        yield start, pending


# A line GNU's lexer and ours read alike: at most one keyword, then strings. Anything else (two keywords on a
# line, a comment after a string, "msgstr[ 0 ]") is cut into such pieces by pieces first.
_SIMPLE_LINE = re.compile(r'(?:#~?\|?)?[ \t]*(?:[a-z_]+(?:\[\d+\])?)?[ \t]*(?:"(?:[^"\\]|\\.)*"[ \t]*)*\r?')
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|#.*|[A-Za-z_]+[ \t]*(?:\[[ \t]*\d+[ \t]*\])?|[^\s"#A-Za-z_]+|[ \t\r]+')


# The lines most catalogues are made of: a keyword (or none) and one string with no quote or backslash inside.
_PLAIN_HEADS = frozenset(("", "msgid ", "msgstr ", "msgctxt ", "msgid_plural "))


def pieces(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The lines of a PO file cut where GNU's lexer sees tokens, not lines: ``msgid "a" msgstr "b"`` on one
    line, ``domain "x" msgid …``, and a ``#`` comment after a string (it belongs to what follows)."""
    heads = _PLAIN_HEADS
    simple = _SIMPLE_LINE.fullmatch
    for lineno, line in numbered:
        c0 = line[:1]
        if c0 == "#":
            if line[1:2] not in ("~", "|"):
                yield lineno, line
                continue
        elif c0 == "m" or c0 == '"':
            # A plain line (a keyword or none, and one string without quote or backslash) is one that
            # _SIMPLE_LINE matches, told by string methods (in C) rather than by the regex, which steps
            # through a long string a character at a time.
            q = line.find('"')
            if (q >= 0 and line[-1] == '"' and len(line) - q >= 2 and line[:q] in heads
                    and line.count('"') == 2 and "\\" not in line):
                yield lineno, line
                continue
        elif not c0:  # the blank line between entries
            yield lineno, line
            continue
        if simple(line):
            yield lineno, line
        else:
            yield from _cut(lineno, line)


def _cut(lineno: int, line: str) -> Iterator[tuple[int, str]]:
    """The pieces of a line ``_SIMPLE_LINE`` does not match."""
    prefix = ""
    for mark in ("#~|", "#~", "#|"):
        if line.startswith(mark):
            prefix, line = mark + " ", line[len(mark):]
            break
    piece = ""
    for tok in _TOKEN.findall(line):
        if tok[0] == "#":  # a comment runs to the end of the line
            if piece.strip():
                yield lineno, prefix + piece
            yield lineno, tok
            piece = ""
            break
        if tok[0].isalpha() or tok[0] == "_":
            if piece.strip():
                yield lineno, prefix + piece
            piece = re.sub(r"[ \t]+(?=[\[\]\d])|(?<=[\[\d])[ \t]+", "", tok.rstrip()) + " "
        else:
            piece += tok
    if piece.strip():
        yield lineno, prefix + piece
