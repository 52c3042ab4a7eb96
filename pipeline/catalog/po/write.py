"""The PO writer: the text GNU msgcat 0.21 writes for a catalogue (default options).

Comments, references, flags and strings in msgcat's order and layout, strings wrapped at
msgcat's page width by its Unicode line breaking (:mod:`.linebreak`) without breaking an escape
or a format directive (:mod:`.formats`). See docs/po-format.md.
"""

from __future__ import annotations

import codecs
import re
from typing import Iterator

from pipeline.catalog.model import Catalog, Message
from pipeline.catalog.po.base import (
    CJK_CHARSETS, FORMATS, PAGE_WIDTH, charset_of, flag_state, header_msgstr, python_codec,
)
from pipeline.catalog.po.formats import directive_interiors
from pipeline.catalog.po.linebreak import width_linebreaks


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
    interiors = (directive_interiors(value, fmt_lang, name.startswith("msgstr"))
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
            breaks = width_linebreaks(text, prohibited, width, startcol, cjk)
            if k < last or startcol > width or breaks:
                out.append(f'{prefix}{name} ""')
                first_line = False
                breaks = width_linebreaks(text, prohibited, width, 0, cjk)
        else:
            breaks = width_linebreaks(text, prohibited, width, 0, cjk)
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



def _flags_line(flags: list[str], translated: bool, obsolete: bool) -> tuple[str | None, bool, str | None]:
    """The ``#,`` line msgcat writes (or None), whether strings wrap, and the
    format language whose directives must not be broken."""
    if not flags:
        return None, True, None
    fuzzy, fmt, rng, wrap = flag_state(flags)
    out = []
    if fuzzy and translated:
        out.append("fuzzy")
    for name in FORMATS:
        if name in fmt:
            out.append(f"{name}-format" if fmt[name] else f"no-{name}-format")
    if rng is not None and not obsolete:
        out.append(f"range: {rng[0]}..{rng[1]}")
    if wrap is False:
        out.append("no-wrap")
    lang = next((name for name in FORMATS if fmt.get(name)), None)
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


def _write_message(out: list[str], e: Message, cjk: bool) -> None:
    _write_entry(
        out, msgctxt=e.msgctxt, msgid=e.msgid, msgid_plural=e.msgid_plural,
        msgstr=e.msgstr, plural=e.msgstr_plural, tcomment=e.tcomment,
        comment=e.comment, occurrences=e.occurrences, flags=e.flags,
        prev=(e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural),
        obsolete=e.obsolete, blank=e.blank_comments, cjk=cjk)


def dumps(po: Catalog) -> str:
    """The PO text GNU msgcat 0.21 writes for ``po`` (default options)."""
    return "".join(_dump_domains(po))


def _dump_domains(po: Catalog) -> Iterator[str]:
    """The default domain, then every other one after its ``domain "NAME"`` line, as msgcat writes them."""
    written = False
    for chunk in _dump_chunks(po):
        written = written or bool(chunk)
        yield chunk
    for name, domain in po.domains.items():
        if not len(domain) and not domain.metadata and not domain.header:
            continue  # msgcat writes no empty domain
        name_text = name.replace("\\", "\\\\").replace('"', '\\"')
        yield ("\n" if written else "") + f'domain "{name_text}"\n'
        written = True
        for chunk in _dump_chunks(domain):
            yield "\n" + chunk if chunk and not chunk.startswith("\n") else chunk


def _dump_chunks(po: Catalog, size: int = 2000) -> Iterator[str]:
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

    saved = po.original_header
    cjk = charset_of(po).upper() in CJK_CHARSETS
    live = [e for e in po if not e.obsolete]
    dead = [e for e in po if e.obsolete]
    after = saved.after if saved is not None else None
    if after is not None:
        cut = next((i for i, e in enumerate(live) if e is after), None)
        if cut is not None:
            first, live = live[:cut + 1], live[cut + 1:]
            for e in first:
                _write_message(out, e, cjk)
    if saved is not None:
        flags = [f for f in saved.flags if f != "fuzzy"]
        _write_entry(
            out, msgctxt=None, msgid="", msgid_plural=saved.msgid_plural, msgstr=header_msgstr(po),
            plural=saved.plural, tcomment=po.header, comment=saved.comment, occurrences=saved.occurrences,
            flags=["fuzzy", *flags] if po.metadata_is_fuzzy else flags, prev=saved.previous, obsolete=False,
            blank=saved.blank_comments, cjk=cjk)
    elif po.metadata or po.header:
        _write_entry(
            out, msgctxt=None, msgid="", msgid_plural=None, msgstr=header_msgstr(po), plural=None,
            tcomment=po.header, comment="", occurrences=[], flags=["fuzzy"] if po.metadata_is_fuzzy else [],
            prev=(None, None, None), obsolete=False, cjk=cjk)
    for i, e in enumerate(live + dead, 1):
        _write_message(out, e, cjk)
        if i % size == 0:
            yield from flush()
    yield from flush(final=True)


def encode(po: Catalog) -> bytes:
    """``dumps(po)`` encoded in the catalogue's charset."""
    return b"".join(encode_chunks(po))


def encode_chunks(po: Catalog) -> Iterator[bytes]:
    """:func:`encode` in pieces, for writing a big catalogue without holding all its bytes."""
    # A file of domains only: the first domain's header tells the charset.
    first = po if po.metadata or not po.domains else next(iter(po.domains.values()))
    charset = charset_of(first)
    codec = "utf-8" if charset.upper() in ("ASCII", "US-ASCII") else python_codec(charset, po.fpath or "<catalog>")
    encoder = codecs.getincrementalencoder(codec)()
    for chunk in _dump_domains(po):
        yield encoder.encode(chunk)
    yield encoder.encode("", final=True)
