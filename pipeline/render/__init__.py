"""Skeleton + translations → translated HTML.

A msgstr is untrusted volunteer input. It is read as text plus the
placeholders of its msgid and nothing else: it must use exactly the same
placeholders (in any order, properly nested), every other character becomes
text. Elements and attributes are copied from the source skeleton only, so a
translation cannot add markup, scripts or attributes, nor change a link.
A msgstr that breaks the rules is not used: the source text stays, and a
warning names the PO line.
"""

from __future__ import annotations

import copy
import html
import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from pipeline.core import languages
from pipeline.model import Finding
from pipeline.safetext import problem as unsafe_text
from pipeline.core.sentences import join, split_with_gaps
from pipeline.segment import VOID, Attr, Run, Segmented, content, is_element, set_content

# "<" followed by a letter, "/", "!" or "?" is markup; anything else ("1 < 2") is text.
_MARKUP = re.compile(r"<(?=[A-Za-z/!?])")
_PLACEHOLDER = re.compile(r"<(/?)([a-z][a-z0-9]*)(/?)>")
_HEAD_LIKE = frozenset({"html", "head", "body"})


class BadTranslation(ValueError):
    """A msgstr that cannot be used safely; the message says why, for the translator."""


@dataclass
class Translation:
    msgstr: str
    line: int = 0


@dataclass
class Rendered:
    root: etree._Element
    translated: int = 0
    fallback: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def html(self) -> str:
        from pipeline.segment.htmltext import serialize_html

        return serialize_html(self.root)


def parse_msgstr(msgstr: str, placeholders: dict[str, etree._Element], opaque: frozenset[str] = frozenset()) -> list:
    """Parse a translation into a nested token list: ``str`` for text, ``(name, children)`` for a paired
    placeholder and ``(name, None)`` for a self-closed one. Raises :class:`BadTranslation`."""
    void = {n for n, el in placeholders.items() if el.tag in VOID} | set(opaque)
    root: list = []
    stack: list[tuple[str, list]] = [("", root)]
    used: Counter = Counter()
    pos = 0
    for m in _MARKUP.finditer(msgstr):
        if m.start() < pos:
            continue
        stack[-1][1].append(msgstr[pos : m.start()])
        tag = _PLACEHOLDER.match(msgstr, m.start())
        if not tag:
            snippet = msgstr[m.start() : m.start() + 20].split(">")[0] + ">"
            raise BadTranslation(f"markup {snippet!r} is not a placeholder of the source (write &lt; for a literal '<')")
        closing, name, selfclosing = tag.group(1), tag.group(2), tag.group(3)
        if name not in placeholders:
            raise BadTranslation(f"unknown placeholder <{name}>: the source has {_names(placeholders)}")
        if closing and selfclosing:
            raise BadTranslation(f"malformed placeholder {tag.group(0)!r}")
        if name in void:
            if not selfclosing:
                raise BadTranslation(f"placeholder <{name}/> must be written self-closed, as in the source")
            used[name] += 1
            stack[-1][1].append((name, None))
        elif selfclosing:
            raise BadTranslation(f"placeholder <{name}> must enclose text, as in the source")
        elif closing:
            if stack[-1][0] != name:
                raise BadTranslation(f"</{name}> closes nothing open (placeholders must nest properly)")
            stack.pop()
        else:
            if placeholders[name].tag == "a" and any(placeholders[open_].tag == "a" for open_, _ in stack[1:]):
                raise BadTranslation("a link cannot be placed inside another link")
            used[name] += 1
            children: list = []
            stack[-1][1].append((name, children))
            stack.append((name, children))
        pos = tag.end()
    stack[-1][1].append(msgstr[pos:])
    if len(stack) > 1:
        raise BadTranslation(f"<{stack[-1][0]}> is never closed")
    missing = [n for n in placeholders if used[n] == 0]
    extra = [n for n, c in used.items() if c > 1]
    if missing:
        raise BadTranslation(f"missing placeholder(s) {', '.join('<%s>' % n for n in missing)}")
    if extra:
        raise BadTranslation(f"placeholder(s) used more than once: {', '.join('<%s>' % n for n in extra)}")
    return root


def _names(placeholders) -> str:
    return ", ".join(f"<{n}>" for n in placeholders) or "no placeholders"


def build_nodes(tokens: list, placeholders: dict[str, etree._Element]) -> list:
    """Turn parsed tokens into text and element copies from the skeleton."""
    out: list = []
    for tok in tokens:
        if isinstance(tok, str):
            if tok:
                out.append(html.unescape(tok))
            continue
        name, children = tok
        original = placeholders[name]
        if children is None:
            node = copy.deepcopy(original)
            node.tail = None
        else:
            node = original.makeelement(original.tag, dict(original.attrib))
            set_content(node, build_nodes(children, placeholders))
        out.append(node)
    return out


def translate_text(text: str) -> str:
    """Translation of an attribute value: plain text, no markup at all."""
    if _MARKUP.search(text):
        raise BadTranslation("an attribute translation cannot contain markup (write &lt; for a literal '<')")
    return html.unescape(text)


def render(
    doc: Segmented,
    translations: dict[str, Translation],
    *,
    source_lang: str,
    target_lang: str,
    po_path: str = "<catalogue>",
    strict: bool = False,
) -> Rendered:
    """Apply ``translations`` (msgid → msgstr, only usable ones: translated, not fuzzy) to ``doc``'s tree.

    Mutates ``doc.root`` (the result's ``root``); ``.html`` serializes it.
    """
    from pipeline.segment.htmltext import set_utf8_charset

    result = Rendered(root=doc.root)
    mark_fallback = target_lang != source_lang
    by_container: dict[etree._Element, list[tuple[Run, list | None]]] = {}
    for unit in doc.units:
        tr = translations.get(unit.msgid)
        if tr is None and isinstance(unit, Run) and not unit.pre:
            tr = _by_sentences(unit.msgid, translations)
        new = None
        if tr is not None:
            try:
                why = unsafe_text(tr.msgstr)
                if why:
                    raise BadTranslation(why)
                if isinstance(unit, Attr):
                    unit.element.set(unit.name, translate_text(tr.msgstr))
                    result.translated += 1
                    continue
                new = build_nodes(parse_msgstr(tr.msgstr, unit.placeholders, unit.opaque), unit.placeholders)
            except BadTranslation as exc:
                result.findings.append(
                    Finding(po_path, tr.line, unit.msgid, "placeholders", "error" if strict else "warning",
                            f"translation not used: {exc}")
                )
                new = None
        if isinstance(unit, Attr):
            result.fallback += 1
            continue
        if new is None:
            result.fallback += 1
        else:
            result.translated += 1
        by_container.setdefault(unit.container, []).append((unit, new))

    for container, runs in by_container.items():
        items = content(container)
        whole = _only_run(items, runs)
        for run, new in sorted(runs, key=lambda r: r[0].start, reverse=True):
            if new is None:
                if not mark_fallback:
                    continue
                if whole and container.tag not in _HEAD_LIKE:
                    _mark(container, source_lang, target_lang)
                    continue
                span = container.makeelement("span", {})
                _mark(span, source_lang, target_lang)
                lead, body, trail = _strip_run(items[run.start : run.end], run.pre)
                set_content(span, body)
                items[run.start : run.end] = [x for x in (lead, span, trail) if x is not None and x != ""]
                continue
            lead, _, trail = _strip_run(items[run.start : run.end], run.pre)
            kept = _comments(items[run.start : run.end], run.opaque_elements())
            items[run.start : run.end] = [x for x in (lead, *kept, *new, trail) if x is not None and x != ""]
        set_content(container, items)

    root = doc.root
    root.set("lang", languages.html_lang(target_lang))
    if languages.is_rtl(target_lang):
        root.set("dir", "rtl")
    elif root.get("dir") == "rtl":
        root.set("dir", "ltr")
    set_utf8_charset(root)
    return result


def _by_sentences(msgid: str, translations: dict[str, Translation]) -> Translation | None:
    """A block whose catalogue holds it sentence by sentence (``segmentation = "sentence"``): the
    translations joined with the source's spacing, when every sentence has one; else None."""
    sentences, gaps = split_with_gaps(msgid)
    if len(sentences) < 2:
        return None
    found = [translations.get(s) for s in sentences]
    if any(t is None for t in found):
        return None
    parts = [t.msgstr for t in found if t is not None]
    return Translation(join(parts, gaps), found[0].line if found[0] is not None else 0)


def _mark(el: etree._Element, source_lang: str, target_lang: str) -> None:
    el.set("lang", languages.html_lang(source_lang))
    if languages.is_rtl(target_lang) != languages.is_rtl(source_lang):
        el.set("dir", "rtl" if languages.is_rtl(source_lang) else "ltr")


def _only_run(items: list, runs) -> bool:
    """True when the container holds one run and nothing else but whitespace."""
    if len(runs) != 1:
        return False
    run = runs[0][0]
    rest = items[: run.start] + items[run.end :]
    return all(isinstance(x, str) and not x.strip() for x in rest)


def _comments(nodes: list, opaque: set) -> list:
    """The comments and processing instructions of a run (inside its inline elements too, but not inside
    a placeholder copied whole): a translation has no place for them, so they move before its text
    instead of being lost."""
    found: list = []
    for node in nodes:
        if isinstance(node, str):
            continue
        if not is_element(node):
            found.append(node)
        elif node not in opaque:
            found.extend(_comments(content(node), opaque))
    for node in found:
        node.tail = None
    return found


def _strip_run(nodes: list, pre: bool) -> tuple[str, list, str]:
    """Split a run into its leading whitespace, its body and its trailing whitespace (all body in ``pre``)."""
    nodes = list(nodes)
    lead = trail = ""
    if pre:
        return lead, nodes, trail
    if nodes and isinstance(nodes[0], str):
        stripped = nodes[0].lstrip(" \t\n\r\f")
        lead = nodes[0][: len(nodes[0]) - len(stripped)]
        nodes[0] = stripped
    if nodes and isinstance(nodes[-1], str):
        stripped = nodes[-1].rstrip(" \t\n\r\f")
        trail = nodes[-1][len(stripped) :]
        nodes[-1] = stripped
    return lead, [n for n in nodes if not (isinstance(n, str) and n == "")], trail


def translations_from_catalog(entries) -> dict[str, Translation]:
    """Usable translations from catalogue entries: translated, not fuzzy, not obsolete, no context."""
    out: dict[str, Translation] = {}
    for e in entries:
        if e.obsolete or e.msgctxt or e.msgid_plural or not e.msgid:
            continue
        if "fuzzy" in e.flags or not e.msgstr:
            continue
        out[e.msgid] = Translation(e.msgstr, getattr(e, "linenum", 0) or 0)
    return out
