"""The parsed entry (a dict) the PO reader fills, its comment lines, and a fast path for plain catalogues.

Most catalogues are plain: entries of ``#`` comments, ``msgctxt``/``msgid``/``msgstr`` each followed by one or
more quoted strings on lines of their own, one blank line between entries. :func:`plain_entries` reads such a
text with one regex match per entry instead of the line-by-line reader (:mod:`.read`), about twice as fast
(``tamizdat check`` reads every catalogue it checks). Anything else — obsolete or previous-msgid comments,
plural forms, CR line ends, continued lines, a keyword without its string, extra spaces, a syntax error — makes
it answer None, and the line reader reads the file, with GNU's grammar and errors. On what it accepts, both
give the same entries.
"""

from __future__ import annotations

import re
from typing import Callable

from pipeline.catalog.po.base import split_flags
from pipeline.catalog.po.lex import Syntax, unescape_string

# One string on its own line: no raw quote inside, every backslash with the character it escapes.
_STRING = r'"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"'
_STRINGS = rf"{_STRING}(?:\n{_STRING})*"
# An entry: comment lines (not #~ or #|), then its keywords, then a blank line or the end of the text.
_ENTRY_RE = re.compile(
    rf"((?:#(?![~|])[^\n]*\n)*)(?:msgctxt ({_STRINGS})\n)?msgid ({_STRINGS})\nmsgstr ({_STRINGS})\n(?:\n|\Z)")


def new_entry() -> dict:
    return {
        "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": None,
        "plural": None, "prev_msgctxt": None, "prev_msgid": None,
        "prev_msgid_plural": None, "tcomment": [], "comment": [],
        "occurrences": [], "flags": [], "obsolete": None, "linenum": None,
        "first_line": None,
    }


def split_references(text: str, share: Callable[[str, str], str]) -> list[tuple[str, str]]:
    """``#:`` tokens as polib-style (file, line) pairs; line is '' if absent."""
    out = []
    for tok in text.split():
        name, sep, num = tok.rpartition(":")
        if sep and num.isdigit() and name:
            out.append((share(name, name), share(num, num)))
        else:
            out.append((share(tok, tok), ""))
    return out


def add_comment(entry: dict, line: str, share: Callable[[str, str], str]) -> None:
    """An ordinary comment line (``#.``, ``#:``, ``#,``, ``#!`` or a translator's ``#``) into ``entry``."""
    c1 = line[1:2]
    body = line[2:]
    if c1 == ".":
        entry["comment"].append(body[1:] if body[:1] == " " else body)
    elif c1 == ":":
        entry["occurrences"].extend(split_references(body, share))
    elif c1 == "," or c1 == "!":
        # gettext 0.21 keeps the flags of the last "#," line only
        entry["flags"] = split_flags(body)
    else:
        body = line[1:]
        entry["tcomment"].append(body[1:] if body[:1] == " " else body)


def _value(strings: str, codec: str) -> str:
    """The value of a keyword's strings, ``"a"\\n"b"`` (quotes and newlines only between them: :data:`_STRING`)."""
    if "\\" not in strings:
        return strings[1:-1].replace('"\n"', "")
    return "".join(unescape_string(s, codec) for s in strings[1:-1].split('"\n"'))


def plain_entries(text: str, add: Callable[[str, str | None, str, str, int], None], codec: str) -> bool:
    """Give ``add`` every entry of a plain catalogue's ``text`` (as the line reader would) as its comment lines
    (each ending in a newline), msgctxt, msgid, msgstr and the msgid's line number: no entry dict (the reader makes
    the message at once: read._Builder.add_plain); False, having given it nothing, when the text is not plain."""
    if "\r" in text or "\\\n" in text:
        return False
    entries = []
    pos, n, lineno = 0, len(text), 1  # (lineno: the line at pos)
    match = _ENTRY_RE.match
    while pos < n:
        m = match(text, pos)
        if m is None:
            return False
        comments, ctxt, msgid, msgstr = m.groups()
        try:
            entries.append((comments, None if ctxt is None else _value(ctxt, codec), _value(msgid, codec),
                            _value(msgstr, codec),
                            lineno + comments.count("\n") + (0 if ctxt is None else ctxt.count("\n") + 1)))
        except Syntax:  # (a bad escape: the line reader names it)
            return False
        lineno += text.count("\n", pos, m.end())
        pos = m.end()
    for entry in entries:
        add(*entry)
    return True
