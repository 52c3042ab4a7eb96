"""HTML → skeleton + segments.

A document is walked once. Every *container* (any element that is not
inline) contributes the maximal runs of inline content it holds: each run
with text is one segment. Inline elements inside a run become placeholders
that look like tags with no attributes (``<a1>…</a1>``, ``<em>…</em>``,
``<br/>``); the tree itself is the skeleton and keeps every attribute, so a
translation can move a placeholder but never change what it stands for.

In a msgid a literal ``<`` is written ``&lt;`` and ``&`` is ``&amp;``;
every other character is itself (entities are decoded, a no-break space
stays U+00A0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from pipeline.model import Segment
from pipeline.core.sentences import split as split_sentences

INLINE = frozenset(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd mark nobr q "
    "s samp small span strike strong sub sup time tt u var wbr".split()
)
VOID = frozenset({"br", "img", "wbr"})
NEVER = frozenset({"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas", "textarea"})
PRE = frozenset({"pre", "textarea", "listing", "plaintext", "xmp"})
ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
# Attributes that are text only on some elements: a table's summary, a header cell's short form, the label
# of a form button (elsewhere ``value`` is data sent to a server, and ``abbr`` on ``td`` is obsolete).
ELEMENT_ATTRIBUTES = {"table": ("summary",), "th": ("abbr",), "td": ("abbr",)}
BUTTON_TYPES = frozenset({"submit", "reset", "button"})
META_NAMES = frozenset({"description", "keywords", "twitter:title", "twitter:description", "twitter:image:alt"})
META_PROPERTIES = frozenset({"og:title", "og:description", "og:site_name", "og:image:alt"})
# Attributes worth telling translators about in the placeholder legend.
LEGEND_ATTRS = {"a": "href", "img": "src", "abbr": "title", "time": "datetime", "data": "value", "q": "cite"}

_WS = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace only: U+00A0 is text, not space
# Spaces just inside a start or end tag move outside it ("<em> x </em>" → " <em>x</em> "), where a browser
# would render them anyway; self-closed placeholders (<br/>, <img1/>) render something and stay put.
_SPACE_BEFORE_END = re.compile(r" ((?:</[a-z][a-z0-9]*>)+)")
_SPACE_AFTER_START = re.compile(r"((?:<[a-z][a-z0-9]*>)+) ")
_DOUBLE_SPACE = re.compile(r"  +")


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def is_element(node) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def is_untranslatable(el: etree._Element) -> bool:
    if el.get("translate", "").lower() == "no":
        return True
    return "notranslate" in (el.get("class") or "").split()


def content(el: etree._Element) -> list:
    """An element's children as a flat list of strings and nodes (lxml keeps text in .text/.tail)."""
    items: list = []
    if el.text:
        items.append(el.text)
    for child in el:
        items.append(child)
        if child.tail:
            items.append(child.tail)
    return items


def set_content(el: etree._Element, items: list) -> None:
    """Inverse of :func:`content`: rebuild ``el``'s text, children and tails from a flat list."""
    for child in list(el):
        el.remove(child)
    el.text = None
    last = None
    for item in items:
        if isinstance(item, str):
            if last is None:
                el.text = (el.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            item.tail = None
            el.append(item)
            last = item


@dataclass
class Run:
    """A translatable run of inline content inside one container: items ``start``..``end-1``."""

    container: etree._Element
    start: int
    end: int
    msgid: str
    placeholders: dict[str, etree._Element]  # name → original inline element
    opaque: frozenset[str]  # placeholders whose content is never translated (translate="no")
    line: int
    comments: list[str] = field(default_factory=list)
    pre: bool = False  # whitespace is content: nothing around the msgid was trimmed

    def opaque_elements(self) -> set:
        """The elements copied whole into a translation (``translate="no"`` placeholders)."""
        return {self.placeholders[name] for name in self.opaque}


@dataclass
class Attr:
    """A translatable attribute value."""

    element: etree._Element
    name: str
    msgid: str
    line: int
    comments: list[str] = field(default_factory=list)


@dataclass
class Segmented:
    root: etree._Element
    units: list  # Run | Attr, in document order

    def segments(self, sentences: bool = False) -> list[Segment]:
        """One segment a unit; with ``sentences``, one a sentence of each text run (not of ``pre`` text)."""
        out = []
        for u in self.units:
            if isinstance(u, Run) and sentences and not u.pre:
                parts = split_sentences(u.msgid)
                if len(parts) > 1:
                    out += [Segment(text=p, line=u.line, comments=_comments_for(p, u.comments)) for p in parts]
                    continue
            kind = "text" if isinstance(u, Run) else f"attr:{u.name}"
            out.append(Segment(text=u.msgid, line=u.line, comments=list(u.comments), kind=kind))
        return out


_LEGEND = re.compile(r"^([a-z][a-z0-9]*) = ")


def _comments_for(sentence: str, comments: list[str]) -> list[str]:
    """A run's comments for one of its sentences: the legend lines of the placeholders it holds."""
    kept = []
    for c in comments:
        m = _LEGEND.match(c)
        if m and f"<{m.group(1)}>" not in sentence and f"<{m.group(1)}/>" not in sentence:
            continue
        kept.append(c)
    return kept


def segment(root: etree._Element) -> Segmented:
    """Find every translatable unit of a parsed document (see module docstring)."""
    walker = _Walker()
    walker.container(root, in_pre=False, notes=[])
    return Segmented(root, walker.units)


class _Walker:
    def __init__(self) -> None:
        self.units: list = []
        self._inline_cache: dict[etree._Element, bool] = {}

    # -- classification ----------------------------------------------------
    def pure_inline(self, el: etree._Element) -> bool:
        """Inline tag whose whole subtree is inline too (``<a><div>`` makes the ``a`` a container)."""
        cached = self._inline_cache.get(el)
        if cached is None:
            cached = el.tag in INLINE and all(
                (not is_element(c)) or (c.tag in INLINE and self.pure_inline(c)) for c in el
            )
            self._inline_cache[el] = cached
        return cached

    # -- walking -----------------------------------------------------------
    def container(self, el: etree._Element, in_pre: bool, notes: list[str]) -> None:
        if el.tag in NEVER or is_untranslatable(el):
            return
        in_pre = in_pre or el.tag in PRE
        notes = notes + _its_note(el)
        self.attributes(el, notes)
        items = content(el)
        pending: list[str] = []  # "translators:" comments waiting for the next element
        run_start = None
        for i, item in enumerate(items):
            inline = isinstance(item, str) or (is_element(item) and self.pure_inline(item))
            if inline or _is_comment(item) or not is_element(item):
                if run_start is None and (inline or not _is_comment(item)):
                    run_start = i
                note = _translator_comment(item) if _is_comment(item) else None
                if note:
                    pending.append(note)
                continue
            if run_start is not None:
                if self.run(el, items, run_start, i, in_pre, notes + pending):
                    pending = []
                run_start = None
            self.container(item, in_pre, notes + pending)
            pending = []
        if run_start is not None:
            self.run(el, items, run_start, len(items), in_pre, notes + pending)

    def attributes(self, el: etree._Element, notes: list[str]) -> None:
        line = el.sourceline or 0
        names = ATTRIBUTES + ELEMENT_ATTRIBUTES.get(el.tag, ())
        if el.tag == "input" and (el.get("type") or "").lower() in BUTTON_TYPES:
            names += ("value",)
        for name in names:
            value = el.get(name)
            if value is not None and value.strip():
                self.units.append(Attr(el, name, escape_text(_WS.sub(" ", value).strip()), line, list(notes)))
        if el.tag == "meta":
            key = (el.get("name") or "").lower()
            prop = (el.get("property") or "").lower()
            value = el.get("content")
            if value and value.strip() and {key, prop} & (META_NAMES | META_PROPERTIES):
                self.units.append(Attr(el, "content", escape_text(_WS.sub(" ", value).strip()), line, list(notes)))

    def run(self, container, items, start, end, in_pre, notes) -> bool:
        nodes = items[start:end]
        # Most runs are the whitespace between two block elements: nothing to name or serialize.
        if not any(is_element(n) or (isinstance(n, str) and n.strip()) for n in nodes):
            return False
        names = _placeholder_names(nodes)
        pieces: list[str] = []
        placeholders: dict[str, etree._Element] = {}
        opaque: set[str] = set()
        legend: list[str] = []
        has_text = self.serialize(nodes, names, pieces, placeholders, opaque, legend, notes, in_pre)
        if not has_text:
            return False
        msgid = "".join(pieces)
        if not in_pre:
            msgid = _tidy_spaces(msgid)
        if not msgid.strip():
            return False
        self.units.append(
            Run(container, start, end, msgid, placeholders, frozenset(opaque), _line_of(container, items, start),
                notes + legend, in_pre)
        )
        return True

    def serialize(self, nodes, names, out, placeholders, opaque, legend, notes, in_pre) -> bool:
        has_text = False
        for node in nodes:
            if isinstance(node, str):
                text = node if in_pre else _WS.sub(" ", node)
                out.append(escape_text(text))
                has_text = has_text or bool(text.strip())
            elif not is_element(node):
                continue  # comments and processing instructions are not text
            else:
                name = names[node]
                placeholders[name] = node
                attr = LEGEND_ATTRS.get(node.tag)
                if attr and node.get(attr):
                    legend.append(f"{name} = {node.get(attr)}")
                if is_untranslatable(node):
                    opaque.add(name)
                    legend.append(f"{name} = “{_WS.sub(' ', node.text_content()).strip()}” (kept as is)")
                    out.append(f"<{name}/>")
                elif node.tag in VOID:
                    self.attributes(node, notes)
                    out.append(f"<{name}/>")
                else:
                    self.attributes(node, notes)
                    out.append(f"<{name}>")
                    if node.text or len(node):
                        inner = content(node)
                        has_text = self.serialize(inner, names, out, placeholders, opaque, legend, notes,
                                                  in_pre or node.tag in PRE) or has_text
                    out.append(f"</{name}>")
        return has_text


def _placeholder_names(nodes: list) -> dict[etree._Element, str]:
    """Placeholder names for every inline element in a run: ``a1, a2`` always (links need a legend),
    other tags numbered only when their name repeats in the run."""
    elements = []

    def collect(items):
        for n in items:
            if is_element(n):
                elements.append(n)
                if not is_untranslatable(n):
                    collect(list(n))

    collect(nodes)
    if not elements:
        return {}
    counts: dict[str, int] = {}
    for e in elements:
        counts[e.tag] = counts.get(e.tag, 0) + 1
    seen: dict[str, int] = {}
    names = {}
    for e in elements:
        tag = e.tag
        seen[tag] = k = seen.get(tag, 0) + 1
        names[e] = f"{tag}{k}" if tag == "a" or counts[tag] > 1 else tag
    return names


def _tidy_spaces(msgid: str) -> str:
    if "<" in msgid:  # the substitutions below only ever touch tags or double spaces
        msgid = _SPACE_BEFORE_END.sub(r"\1 ", msgid)
        msgid = _SPACE_AFTER_START.sub(r" \1", msgid)
    if "  " in msgid:
        msgid = _DOUBLE_SPACE.sub(" ", msgid)
    return msgid.strip(" ")


def _is_comment(node) -> bool:
    return isinstance(node, etree._Comment)


def _translator_comment(node) -> str | None:
    text = _WS.sub(" ", node.text or "").strip()
    if text.lower().startswith(("translators:", "translator:")):
        return text
    return None


def _its_note(el: etree._Element) -> list[str]:
    note = el.get("its-loc-note")
    return [_WS.sub(" ", note).strip()] if note and note.strip() else []


def _line_of(container: etree._Element, items: list, start: int) -> int:
    first = items[start]
    if is_element(first):
        return first.sourceline or container.sourceline or 0
    if start == 0:
        return (container.sourceline or 0) + first[: len(first) - len(first.lstrip())].count("\n")
    prev = items[start - 1]
    base = prev.sourceline or container.sourceline or 0
    inside = "".join(prev.itertext()) if is_element(prev) else ""
    return base + inside.count("\n") + first[: len(first) - len(first.lstrip())].count("\n")
