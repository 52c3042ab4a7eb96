"""The glossary for one Weblate glossary component: a TBX file per target language.

Weblate reads TBX through the Translate Toolkit, and that reading decides the
shape (weblate.formats.ttkit.TBXFormat, translate.storage.tbx):

- one ``termEntry`` is one glossary term: the first ``term`` of the first
  ``langSet`` is its source, the first ``term`` of the *second* ``langSet``
  its target — so a file holds exactly one target language;
- an entry with any ``deprecatedTerm-admn-sts`` is read as obsolete and
  dropped whole, while ``administrativeStatus`` ``forbidden`` gives the term
  Weblate's ``forbidden`` flag — so every forbidden translation is its own
  entry, marked ``forbidden``;
- Weblate finds terms by exact, case-insensitive words, so every source
  variant (rooster, roosters, downgraded …) gets its entries;
- ``<note from="translator">`` is the explanation Weblate shows under a term,
  ``descrip type="definition"`` the source explanation, and
  ``descrip type="Translation needed"`` = ``No`` makes a term read-only
  (do not translate).

Entry ids (Weblate's context) are the concept id, then ``-2``, ``-3`` … for
the same concept's further entries.
"""

from __future__ import annotations

from lxml import etree

from pipeline.glossary.model import Concept, Glossary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entries(concept: Concept, lang: str) -> list[tuple[str, str, str, str]]:
    """(source, target, status, explanation) of every Weblate term for one concept in ``lang``.

    status is "preferred", "admitted", "forbidden" or "dnt".
    """
    note = " ".join(concept.translator_note.split())
    if concept.is_dnt(lang):
        return [(t.text, t.text, "dnt", note) for t in concept.terms]
    tr = concept.translations(lang)
    if tr is None:
        return []
    summary = []
    if tr.approved:
        summary.append("Use: " + ", ".join(tr.approved) + ".")
    if tr.forbidden:
        summary.append("Never: " + ", ".join(f.term for f in tr.forbidden) + ".")
    explanation = " ".join(x for x in (note, *summary) if x)
    out = []
    for t in concept.terms:
        out += [(t.text, p, "preferred", explanation) for p in tr.preferred]
        out += [(t.text, a, "admitted", explanation) for a in tr.admitted]
        for f in tr.forbidden:
            reason = f"Forbidden: {f.reason}." if f.reason else "Forbidden."
            use = f" Use: {', '.join(tr.approved)}." if tr.approved else ""
            out.append((t.text, f.term, "forbidden", " ".join(x for x in (reason + use, note) if x)))
    return out


STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "forbidden": "forbidden"}


def dumps(glossary: Glossary, lang: str) -> str:
    """A TBX (``martif``, as the Translate Toolkit reads it) holding ``lang``'s terms only."""
    E, SE = etree.Element, etree.SubElement
    src_lang = glossary.source_language
    root = E("martif", {"type": "TBX", XML_LANG: src_lang})
    fd = SE(SE(root, "martifHeader"), "fileDesc")
    SE(SE(fd, "sourceDesc"), "p").text = f"Tamizdat glossary for Weblate ({src_lang} → {lang})"
    body = SE(SE(root, "text"), "body")
    for c in glossary.concepts:
        for n, (source, target, status, explanation) in enumerate(entries(c, lang), 1):
            entry = SE(body, "termEntry", id=c.id if n == 1 else f"{c.id}-{n}")
            if c.definition:
                SE(entry, "descrip", type="definition").text = " ".join(c.definition.split())
            if status == "dnt":
                SE(entry, "descrip", type="Translation needed").text = "No"
            if explanation:
                SE(entry, "note", {"from": "translator"}).text = explanation
            tig = SE(SE(entry, "langSet", {XML_LANG: src_lang}), "tig")
            SE(tig, "term").text = source
            if c.pos:
                SE(tig, "termNote", type="partOfSpeech").text = c.pos
            tig = SE(SE(entry, "langSet", {XML_LANG: lang}), "tig")
            SE(tig, "term").text = target
            if status in STATUS:
                SE(tig, "termNote", type="administrativeStatus").text = STATUS[status]
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"
