"""A translated block's text as a msgstr of the source block: its placeholders renamed to the source's.

The translated page has its own inline elements (its links, its emphasis); the msgstr may only use
the source's placeholders. Links pair by target URL first (both pages link the same place), then
by order; other elements by tag (``b``/``strong`` and ``i``/``em`` count as one) and order. A
translated element with no source counterpart loses its tags and keeps its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from pipeline.adopt.blocks import Block, norm_url

_PLACEHOLDER = re.compile(r"<(/?)([a-z][a-z0-9]*)(/?)>")
_SAME = {"b": "strong", "i": "em"}
# Markup a translator adds that changes no word (a span marking an English term, emphasis): its tags
# go and its text stays, no review needed. A link, an image or a note mark added is worth a look.
_HARMLESS = frozenset("span abbr acronym cite em i b strong q small bdi bdo dfn kbd code samp var time tt mark".split())


def _kind(el: etree._Element) -> str:
    return _SAME.get(el.tag, el.tag)


def _norm_href(el: etree._Element) -> str:
    return norm_url(el.get("href") or "")


@dataclass
class Mapped:
    msgstr: str
    problems: list[str]


def map_placeholders(dst: list[Block], src: Block) -> Mapped:
    """Join translated blocks into one msgstr using ``src``'s placeholder names."""
    pieces: list[str] = []
    problems: list[str] = []
    free = dict(src.placeholders)  # source placeholders not yet given a translated element
    lost = 0
    for block in dst:
        rename = _pair(block, free, src.opaque)
        lost += sum(1 for n, el in block.placeholders.items() if n not in rename and el.tag not in _HARMLESS)
        pieces.append(_rename(block.text, rename))
    if free:
        problems.append("the translation lacks " + ", ".join(f"<{n}>" for n in free))
    if lost:
        problems.append(f"{lost} element(s) of the translated page have no counterpart in the source")
    return Mapped(" ".join(p.strip() for p in pieces if p.strip()), problems)


def _pair(block: Block, free: dict[str, etree._Element], src_opaque: frozenset[str]) -> dict[str, str]:
    """Translated placeholder name → source name, taking source names out of ``free``."""
    rename: dict[str, str] = {}
    own = list(block.placeholders.items())
    # Links by target first, then everything by kind and order.
    for name, el in own:
        href = _norm_href(el) if el.tag == "a" else ""
        if not href:
            continue
        for sname, sel in free.items():
            if sel.tag == "a" and _norm_href(sel) == href:
                rename[name] = sname
                del free[sname]
                break
    for name, el in own:
        if name in rename:
            continue
        for sname, sel in free.items():
            if _kind(sel) == _kind(el) and ((name in block.opaque) == (sname in src_opaque)):
                rename[name] = sname
                del free[sname]
                break
    return rename


def _rename(text: str, rename: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        new = rename.get(m.group(2))
        return f"<{m.group(1)}{new}{m.group(3)}>" if new else ""

    return re.sub(r"  +", " ", _PLACEHOLDER.sub(sub, text))
