"""Reader notes: the first use of a glossary concept in a page gets a numbered note.

This replaces the seed's "Translators note" pasted into the text: the note
lives once in the glossary, per language, and every page that uses the term
explains it where it first appears, in the page's language.
"""

from __future__ import annotations

import re

from lxml import etree
import lxml.html

from pipeline.core import languages
from pipeline.glossary.model import Concept
from pipeline.publish.messages import message

_CLOSING = re.compile(r"[\u00a0\u202f ]?»|[”\"’“›]")
# Text inside these is never annotated: headings and links already carry meaning, notes must not nest.
_SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "sup", "script", "style", "title", "nav",
         "header", "footer", "aside", "button", "figcaption", "head"}


def _text_slots(article: etree._Element):
    """(parent, previous sibling or None, text) for each annotatable text node, in document order."""

    def walk(el, skipped):
        skipped = skipped or el.tag in _SKIP or "reader-notes" in (el.get("class") or "")
        if not skipped and el.text:
            yield el, None, el.text
        for child in el:
            if isinstance(child.tag, str):
                yield from walk(child, skipped)
            if not skipped and child.tail:
                yield el, child, child.tail

    yield from walk(article, False)


def add_reader_notes(root: etree._Element, glossary, lang: str, source_lang: str) -> int:
    """Insert note references and a notes section into the page's <article>; returns how many notes."""
    if glossary is None:
        return 0
    article = root.find(".//article")
    if article is None:
        article = root.find(".//body")
    if article is None:
        return 0
    seen: set[str] = set()
    plan: list[tuple[etree._Element, etree._Element | None, str, list[tuple[int, Concept]]]] = []
    for parent, prev, text in list(_text_slots(article)):
        cuts = []
        for hit in glossary.find(text, lang, remember=False):
            concept = hit.concept
            if hit.kind == "forbidden" or concept.id in seen:
                continue
            note = concept.reader_note(lang)
            if not note:
                continue
            seen.add(concept.id)
            # The marker goes after the closing quote: “roosters”¹, «опущенных»¹, « coqs »¹.
            close = _CLOSING.match(text, hit.end)
            cuts.append((close.end() if close else hit.end, concept))
        if cuts:
            plan.append((parent, prev, text, cuts))
    if not plan:
        return 0
    number = 0
    notes: list[tuple[int, Concept]] = []
    # Numbering follows the plan (document order); markers go in right to left within each text node.
    numbered = []
    for parent, prev, text, cuts in plan:
        ids = []
        for end, concept in sorted(cuts, key=lambda c: c[0]):
            number += 1
            ids.append((end, number))
            notes.append((number, concept))
        numbered.append((parent, prev, text, ids))
    for parent, prev, text, ids in numbered:
        pieces = []
        last = 0
        for end, n in ids:
            pieces.append((text[last:end], n))
            last = end
        rest = text[last:]
        markers = []
        for _, n in pieces:
            sup = lxml.html.Element("sup", {"class": "note-ref"})
            a = etree.SubElement(sup, "a", {"href": f"#note-{n}", "id": f"note-ref-{n}", "role": "doc-noteref"})
            a.text = str(n)
            markers.append(sup)
        if prev is None:
            parent.text = pieces[0][0]
            index = 0
            for i, sup in enumerate(markers):
                sup.tail = pieces[i + 1][0] if i + 1 < len(pieces) else rest
                parent.insert(index + i, sup)
        else:
            prev.tail = pieces[0][0]
            anchor = prev
            for i, sup in enumerate(markers):
                sup.tail = pieces[i + 1][0] if i + 1 < len(pieces) else rest
                anchor.addnext(sup)
                anchor = sup
    title, title_lang = message(lang, "notes")
    back, _ = message(lang, "back")
    section = lxml.html.Element("section", {"class": "reader-notes", "role": "doc-endnotes",
                                            "aria-labelledby": "reader-notes-title"})
    h2 = etree.SubElement(section, "h2", {"id": "reader-notes-title"})
    h2.text = title
    if title_lang != lang:
        h2.set("lang", languages.html_lang(title_lang))
    ol = etree.SubElement(section, "ol")
    for n, concept in notes:
        li = etree.SubElement(ol, "li", {"id": f"note-{n}"})
        own = concept.translations(lang)
        if not (own is not None and own.reader_note) and lang != source_lang:
            li.set("lang", languages.html_lang(source_lang))  # the source-language note stands in
        li.text = concept.reader_note(lang) + " "
        back_link = etree.SubElement(li, "a", {"href": f"#note-ref-{n}", "role": "doc-backlink",
                                              "aria-label": back})
        back_link.text = "↩"
    section.tail = "\n"
    article.append(section)
    return len(notes)
