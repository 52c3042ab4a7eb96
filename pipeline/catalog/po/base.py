"""What the PO reader and writer share: the page width, charsets, the header text, flags.

Kept apart so that :mod:`.read` and :mod:`.write` both import it and neither imports the other.
"""

from __future__ import annotations

import codecs
import re

from pipeline.catalog.model import Catalog
from pipeline.core.errors import TamizdatError

PAGE_WIDTH = 79

_CHARSET_RE = re.compile(rb"charset=([^\s\\\"]+)")

_HEADER_RE = re.compile(rb'(?m)^msgid[ \t]+""[ \t]*\r?\nmsgstr[ \t]*"[^\n]*\n(?:[ \t]*"[^\n]*\n)*')


def charset_from_header(data: bytes) -> str | None:
    """The charset named in the header entry's Content-Type, if any."""
    header = _header(data)
    m = _CHARSET_RE.search(header.group()) if header else None
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    return None if name.upper() == "CHARSET" else name


def _header(data: bytes) -> re.Match | None:
    """``_HEADER_RE.search(data)``, tried only where a line starts with "msgid": the pattern opens with an
    assertion, so a search tries a match at every byte before the header (comments first, in every catalogue)."""
    at = data.find(b"msgid")
    while at >= 0:
        if at == 0 or data[at - 1] == 0x0A:  # (``^`` of a multi-line pattern: the start, or after a line break)
            found = _HEADER_RE.match(data, at)
            if found:
                return found
        at = data.find(b"msgid", at + 1)
    return None


def python_codec(charset: str, path: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        raise TamizdatError(f"unknown charset {charset!r} in Content-Type header", path, None) from None


def source_codec(data: bytes, path: str) -> tuple[str, int]:
    """The Python codec to decode the file with (BOM, else the header's charset, else UTF-8), and
    where its text starts (after a BOM)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    codec = python_codec(charset_from_header(data) or "utf-8", path)
    # GNU tools read "ASCII" files containing UTF-8 without complaint.
    return ("utf-8" if codec == "ascii" else codec), 0


def split_flags(text: str) -> list[str]:
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


def parse_metadata(msgstr: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in msgstr.split("\n"):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return meta


def charset_of(po: Catalog) -> str:
    """The catalogue's charset as GNU reads it from the header (default ASCII)."""
    ct = header_msgstr(po)
    i = ct.find("charset=")
    if i < 0:
        return "ASCII"
    name = re.split(r"[ \t\n]", ct[i + 8:], maxsplit=1)[0]
    return "ASCII" if name == "CHARSET" or not name else name


# Charsets for which libunistring's is_cjk_encoding() is true.
CJK_CHARSETS = frozenset({"EUC-JP", "GB2312", "GBK", "EUC-TW", "BIG5", "EUC-KR", "CP949", "JOHAB"})


def header_msgstr(po: Catalog) -> str:
    """The header msgstr: the lines as read, with only the fields the
    program changed rewritten (removed ones dropped, new ones appended)."""
    saved = po.original_header
    if saved is None:
        return "".join(f"{k}: {v}\n" for k, v in po.metadata.items())
    if saved.metadata == po.metadata:
        return saved.msgstr
    out = []
    done = set()
    for line in saved.msgstr.split("\n")[:-1] if saved.msgstr.endswith("\n") else saved.msgstr.split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key:
            out.append(line + "\n")
            continue
        if key not in po.metadata or key in done:
            continue
        done.add(key)
        if saved.metadata.get(key) == po.metadata[key] and value.strip() == po.metadata[key]:
            out.append(line + "\n")
        else:
            out.append(f"{key}: {po.metadata[key]}\n")
    out.extend(f"{k}: {v}\n" for k, v in po.metadata.items() if k not in done)
    return "".join(out)


# Format languages in gettext 0.21's order (format_language[] in message.c).
FORMATS = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp",
    "javascript", "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk",
    "lua", "object-pascal", "smalltalk", "qt", "qt-plural", "kde", "kde-kuit",
    "boost", "tcl", "perl", "perl-brace", "php", "gcc-internal",
    "gfc-internal", "ycp",
)
_FORMAT_SET = frozenset(FORMATS)
_RANGE_RE = re.compile(r"range:\s*(\d+)\.\.(\d+)\Z")


def flag_state(flags: list[str]) -> tuple[bool, dict[str, bool], tuple[int, int] | None, bool | None]:
    """GNU's reading of a flags list: fuzzy, format flags, range, wrap."""
    fuzzy = False
    fmt: dict[str, bool] = {}
    rng = None
    wrap: bool | None = None
    for raw in flags:
        for flag in split_flags(raw) if ("," in raw or " " in raw.strip()) and not raw.startswith("range:") else [raw.strip()]:
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
