"""Decoding and parsing source HTML: the bytes → tree step every HTML stage shares."""

from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from pipeline.errors import TamizdatError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# Labels the WHATWG encoding standard maps to windows-1252: browsers never use real Latin-1.
_WHATWG_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819", "iso_8859-1"}


def sniff_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of an HTML document, and the length of its BOM: BOM, then ``<meta charset>`` or
    ``http-equiv`` Content-Type in the first 4 KiB, else UTF-8."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return name, len(bom)
    m = _META_CHARSET.search(data[:4096])
    if m:
        label = m.group(1).decode("ascii", "replace").lower()
        if label in _WHATWG_1252:
            return "windows-1252", 0
        try:
            return codecs.lookup(label).name, 0
        except LookupError:
            pass
    return "utf-8", 0


def decode_html(data: bytes, path: str = "<string>") -> str:
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
    text = decode_html(data, path) if isinstance(data, bytes) else data
    if not text.strip():
        raise TamizdatError("empty HTML document", path)
    # libxml2 refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise TamizdatError(f"cannot parse HTML: {exc}", path) from None
    return root


def serialize_html(root: etree._Element) -> str:
    """An HTML5 document with a doctype, as UTF-8 text."""
    return lxml.html.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>") + "\n"


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
