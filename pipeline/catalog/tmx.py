"""Translation memory as TMX 1.4b, the exchange format of OmegaT, Weblate, Trados and friends.

Segments are written as plain text (``datatype="plaintext"``): our placeholder
tags (``<a1>…</a1>``) are part of the text, so other tools carry them through
untouched. Each unit records the catalogue it came from in a ``x-tamizdat-slug``
property, which comes back as the ``# memory: <slug>`` note on import.
"""

from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import escape, quoteattr


from pipeline.catalog.model import Message
from pipeline.catalog.memory import Memory
from pipeline.core.errors import TamizdatError

SLUG_PROP = "x-tamizdat-slug"
_CODES = {"bpt", "ept", "it", "ph", "ut"}  # inline native codes: markup of the other tool, not text


def dumps(memory: Memory, *, source_lang: str, target_lang: str, tool_version: str = "") -> str:
    """The memory as a TMX 1.4b document."""
    src, tgt = source_lang.replace("_", "-"), target_lang.replace("_", "-")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="tamizdat" creationtoolversion={quoteattr(tool_version or "0")} '
        f'datatype="plaintext" segtype="paragraph" adminlang="en" srclang={quoteattr(src)} o-tmf="PO"/>',
        "  <body>",
    ]
    for slug, e in memory.units():
        if e.msgid_plural:  # TMX has no plural forms; the singular is still worth sharing
            target = e.msgstr_plural.get(0, "")
        else:
            target = e.msgstr
        if not target:
            continue
        out.append("    <tu>")
        out.append(f'      <prop type="{SLUG_PROP}">{escape(slug)}</prop>')
        out.append(f"      <tuv xml:lang={quoteattr(src)}><seg>{_seg(e.msgid)}</seg></tuv>")
        out.append(f"      <tuv xml:lang={quoteattr(tgt)}><seg>{_seg(target)}</seg></tuv>")
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


def _seg(text: str) -> str:
    # XML 1.0 cannot carry most control characters; a PO can. Drop them rather than write invalid XML.
    clean = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
    return escape(clean)


def _lang_matches(tag: str, want: str) -> bool:
    tag, want = tag.lower().replace("_", "-"), want.lower().replace("_", "-")
    return tag == want or tag.split("-")[0] == want.split("-")[0]


def _text(seg) -> str:
    parts = [seg.text or ""]
    for child in seg:
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if name not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def parse(data: bytes, *, target_lang: str, source_lang: str | None = None, path: str = "<tmx>") -> list[tuple[str, Message]]:
    """(slug, entry) pairs for every unit with both a source and a ``target_lang`` segment."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TamizdatError(f"not a TMX file: {exc.msg}", path, exc.lineno) from None
    if root.tag != "tmx":
        raise TamizdatError(f"not a TMX file: the root element is <{root.tag}>, expected <tmx>", path, root.sourceline)
    header = root.find("header")
    src = source_lang or (header.get("srclang") if header is not None else None) or "en"
    default_slug = path.rsplit("/", 1)[-1]
    units: list[tuple[str, Message]] = []
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in root.iter("tu"):
        source = target = None
        slug = default_slug
        for prop in tu.findall("prop"):
            if prop.get("type") == SLUG_PROP and prop.text:
                slug = prop.text
        for tuv in tu.findall("tuv"):
            lang = tuv.get(xml_lang) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is None:
                continue
            if source is None and (src == "*all*" or _lang_matches(lang, src)):
                source = _text(seg)
            elif target is None and _lang_matches(lang, target_lang):
                target = _text(seg)
        if source and target:
            units.append((slug, Message(source, target)))
    return units


def add_to_memory(memory: Memory, units: Iterable[tuple[str, Message]]) -> int:
    n = 0
    for slug, e in units:
        memory.add_unit(slug, e)
        n += 1
    return n
