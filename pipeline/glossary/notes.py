"""Glossary notes in front of translators: ``#.`` comments on entries that use a term.

Each concept found in an entry's msgid gets one line with the term and the
translator note, then one line per language with the approved and forbidden
translations::

    #. glossary: rooster (“downgraded”) — Caste slur imposed on the prisoner: …
    #. glossary ru: опущенный; also: обиженный, петух; never: пидор, …

Lines starting with ``glossary:`` / ``glossary <lang>:`` belong to us and are
rewritten on every run; all other ``#.`` lines are kept as they are.

A catalogue carries exactly its template's lines, every language's: ``#.``
comments belong to the template, and ``msgmerge --previous`` (what Weblate's
"update PO files" add-on runs) copies them from it. Were a catalogue to keep
only its own language's lines, msgmerge would add the others and the next
``tamizdat update`` remove them again, forever.
"""

from __future__ import annotations

import re


from pipeline.catalog.model import Catalog
from pipeline.glossary.match import fold
from pipeline.glossary.model import Concept, Glossary

OURS_RE = re.compile(r"^glossary(?: [A-Za-z0-9_@-]+)?: ")


def is_glossary_line(line: str) -> bool:
    return bool(OURS_RE.match(line))


def concept_lines(concept: Concept, matched_terms: list[str], lang: str | None, glossary: Glossary) -> list[str]:
    head = concept.term
    others = [t for t in matched_terms if fold(t) != fold(head)]
    if others:
        head += " (" + ", ".join(f"“{t}”" for t in dict.fromkeys(others)) + ")"
    note = " ".join(concept.translator_note.split())
    lines = [f"glossary: {head} — {note}" if note else f"glossary: {head}"]
    langs = [lang] if lang else glossary.languages
    for code in langs:
        line = language_line(concept, code)
        if line:
            lines.append(f"glossary {code}: {line}")
    return lines


def language_line(concept: Concept, lang: str) -> str:
    if concept.is_dnt(lang):
        return "keep " + ", ".join(f"“{t.text}”" for t in concept.terms[:1]) + " untranslated"
    tr = concept.translations(lang)
    if tr is None:
        return ""
    parts = []
    if tr.preferred:
        parts.append(", ".join(tr.preferred))
    if tr.admitted:
        parts.append("also: " + ", ".join(tr.admitted))
    if tr.forbidden:
        parts.append("never: " + ", ".join(f.term for f in tr.forbidden))
    return "; ".join(parts)


def entry_lines(msgid: str, glossary: Glossary, lang: str | None) -> list[str]:
    """The glossary comment lines for one msgid (empty when it uses no term)."""
    found: dict[str, tuple[Concept, list[str]]] = {}
    # Not remembered: each catalogue is annotated once per language, and each language in its own process.
    for hit in glossary.find(msgid, glossary.source_language, remember=False):
        found.setdefault(hit.concept.id, (hit.concept, []))[1].append(hit.term)
    lines: list[str] = []
    for concept, terms in found.values():
        lines += concept_lines(concept, terms, lang, glossary)
    return lines


def annotate(po: Catalog, glossary: Glossary, lang: str | None) -> None:
    """Add or refresh the glossary ``#.`` lines of every entry (``lang`` None: a POT). Idempotent."""
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        # " | " keeps a multi-word term from spanning singular and plural.
        text = entry.msgid if not entry.msgid_plural else entry.msgid + " | " + entry.msgid_plural
        new = entry_lines(text, glossary, lang)
        old = entry.comment.split("\n") if entry.comment else []
        kept = [line for line in old if not is_glossary_line(line)]
        lines = kept + new
        comment = "\n".join(lines)
        if comment != (entry.comment or ""):
            entry.comment = comment
