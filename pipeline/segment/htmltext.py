"""Decoding and parsing source HTML: the bytes → tree step every HTML stage shares."""

from __future__ import annotations

import codecs
import html
import re
import uuid
import weakref

import lxml.html
from lxml import etree

from pipeline.core.errors import TamizdatError

# A start tag and its attributes, quoted values kept whole (a ">" inside quotes does not end the tag);
# comments and the text of script/style are skipped, as a browser does not read tags there.
_START_TAG = re.compile(
    r"""<!--.*?(?:-->|\Z)|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>.*?(?:</\1|\Z)"""
    r"""|<([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"""([^\s/>][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_CONTENT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# Labels the WHATWG encoding standard maps to windows-1252: browsers never use real Latin-1.
_WHATWG_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819", "iso_8859-1"}


def sniff_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of an HTML document, and the length of its BOM: BOM, then ``<meta charset>`` or
    ``http-equiv`` Content-Type in the first 4 KiB, else UTF-8."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return name, len(bom)
    label = declared_charset(data[:4096])
    if label:
        if label in _WHATWG_1252:
            return "windows-1252", 0
        try:
            return codecs.lookup(label).name, 0
        except LookupError:
            pass
    return "utf-8", 0


def start_tags(text: str):
    """Every start tag of ``text``: (lower-case name, [(attribute name, raw value with its quotes or None)])."""
    for m in _START_TAG.finditer(text):
        name, attrs = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if name:  # not a comment
            yield name.lower(), [(a.group(1), a.group(2)) for a in _ATTRIBUTE.finditer(attrs)]


def _unquote(raw: str | None) -> str:
    if raw is None:
        return ""
    if raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) > 1:
        raw = raw[1:-1]
    return html.unescape(raw)


def declared_charset(head: bytes) -> str | None:
    """The charset a ``<meta>`` really declares (a ``charset`` attribute, or ``http-equiv="Content-Type"``
    with ``charset=`` in its content), lower-cased; ``data-charset`` and other look-alikes are not one."""
    text = head.decode("latin-1")
    for tag, attrs in start_tags(text):
        if tag != "meta":
            continue
        values = {name.lower(): _unquote(raw) for name, raw in reversed(attrs)}  # the first of a name wins
        if values.get("charset", "").strip():
            return values["charset"].strip().lower()
        if values.get("http-equiv", "").strip().lower() == "content-type":
            m = _CONTENT_CHARSET.search(values.get("content", ""))
            if m:
                return m.group(1).lower()
    return None


def decode_document(data: bytes, path: str = "<string>") -> str:
    """Decode HTML bytes strictly; an undecodable byte is a one-line error naming file and line."""
    encoding, bom = sniff_encoding(data)
    try:
        return data[bom:].decode(encoding)
    except UnicodeDecodeError as exc:
        pos = bom + exc.start
        line = data[:pos].count(b"\n") + 1
        raise TamizdatError(
            f"cannot decode as {encoding}: byte 0x{data[pos]:02x} is invalid (declare the page's charset)",
            path,
            line,
        ) from None


_PARSER = lxml.html.HTMLParser(remove_comments=False, remove_pis=False, recover=True, default_doctype=False)


def parse_html(data: bytes | str, path: str = "<string>") -> etree._Element:
    """Parse a whole HTML document into an lxml tree (``<html>`` root)."""
    text = decode_document(data, path) if isinstance(data, bytes) else data
    if not text.strip():
        raise TamizdatError("empty HTML document", path)
    # libxml2 refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise TamizdatError(f"cannot parse HTML: {exc}", path) from None
    _SOURCES[root] = text
    return root


# The source text of every parsed document, so that serialization can write each attribute exactly as the
# source wrote it (see :func:`serialize_html`).
_SOURCES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# libxml2 writes these with no value; we keep that for attributes the source does not spell out.
_BOOLEAN = frozenset("checked compact declare defer disabled ismap multiple nohref noresize noshade nowrap "
                     "readonly selected".split())


def _source_attributes(text: str | None) -> dict[tuple[str, str], list[str]]:
    """(lower-case name, decoded value) → each spelling of that attribute in the source, in order (name,
    quotes, character references exactly as written). Every spelling decodes to the same value."""
    spelled: dict[tuple[str, str], list[str]] = {}
    if not text:
        return spelled
    for _tag, attrs in start_tags(text):
        for name, raw in attrs:
            # libxml2 gives a bare attribute its own name as value when it is one of HTML 4's booleans
            value = _unquote(raw) if raw is not None else name.lower() if name.lower() in _BOOLEAN else ""
            spelled.setdefault((name.lower(), value), []).append(name if raw is None else f"{name}={raw}")
    return spelled


def _write_attribute(name: str, value: str) -> str:
    """An attribute the source did not write (a translation, or one we added), escaped as libxml2 does."""
    if name in _BOOLEAN and value in ("", name):
        return name
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if '"' in value and "'" not in value:
        return f"{name}='{value}'"
    return f'{name}="{value.replace(chr(34), "&quot;")}"'


def serialize_html(root: etree._Element) -> str:
    """An HTML5 document with a doctype, as UTF-8 text.

    Attributes are written exactly as the source wrote them when their value is unchanged: libxml2's
    serializer would percent-encode link targets (``a b`` → ``a%20b``, non-ASCII paths as UTF-8 bytes) and
    respell character references, and a published page must point where its source points, byte for byte.
    libxml2 writes the elements; every attribute list is swapped for a marker that we then replace.
    """
    spelled = _source_attributes(_SOURCES.get(root))
    marker = "tz" + uuid.uuid4().hex[:12]
    saved: list[tuple[etree._Element, list]] = []
    try:
        for el in root.iter():
            if not isinstance(el.tag, str) or not len(el.attrib):
                continue
            saved.append((el, list(el.attrib.items())))
            el.attrib.clear()
            el.set(marker, str(len(saved) - 1))
        out = lxml.html.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>") + "\n"
    finally:
        for el, items in saved:
            del el.attrib[marker]
            for name, value in items:
                el.set(name, value)

    used: dict[tuple[str, str], int] = {}

    def spelling(name: str, value: str) -> str:
        # Elements come out in source order, so the n-th use of a value takes its n-th source spelling.
        options = spelled.get((name, value))
        if not options:
            return _write_attribute(name, value)
        n = used[(name, value)] = used.get((name, value), -1) + 1
        return options[min(n, len(options) - 1)]

    def attributes(m: re.Match) -> str:
        return " ".join(spelling(name, value) for name, value in saved[int(m.group(1))][1])

    return re.sub(f'{marker}="([0-9]+)"', attributes, out)


def set_utf8_charset(root: etree._Element) -> None:
    """We always write UTF-8, so the document must say so (a windows-1251 source would lie otherwise)."""
    head = root.find("head")
    if head is None:
        return
    found = False
    for meta in list(head.iter("meta")):
        is_charset = meta.get("charset") is not None
        is_http_equiv = (meta.get("http-equiv") or "").lower() == "content-type"
        if not (is_charset or is_http_equiv):
            continue
        if found:
            remove_keep_tail(meta)
        else:
            meta.attrib.clear()
            meta.set("charset", "utf-8")
            found = True
    if not found:
        meta = head.makeelement("meta", {"charset": "utf-8"})
        meta.tail = head.text
        head.insert(0, meta)


def remove_keep_tail(el: etree._Element) -> None:
    """Remove a node but not the text that follows it (lxml stores that text on the node)."""
    parent = el.getparent()
    prev = el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
