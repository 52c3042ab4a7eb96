"""The glossary as rows of ``source``, ``target``, ``comment``: OmegaT's glossary, TSV and CSV.

OmegaT (``GlossaryReaderTSV`` for .txt/.tab/.utf8/.tsv, ``GlossaryReaderCSV``
for .csv) reads the first three columns and offers the target as a
translation to insert. It has no notion of a forbidden term, so forbidden
translations are never a target: they are named in the comment, with the
other approved terms and the translator note::

    rooster    опущенный    also: обиженный, петух; never: пидор (homophobic hate slur), …; note: Caste slur …
    rooster    обиженный    (same comment)

One row per source variant and approved translation (OmegaT merges the rows
of one source term into one entry with several translations); do-not-translate
terms are ``term, term, keep untranslated; …``. :func:`parse` reads these rows
back into concepts of one language (rows of one source term are consecutive;
consecutive terms with the same translations and comment are one concept), so
export → import → export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re

from pipeline.core.errors import TamizdatError
from pipeline.glossary.model import Concept, Forbidden, Glossary, Term, Translations

DNT = "keep untranslated"


def _flat(s: str) -> str:
    return " ".join(s.split())


def comment(concept: Concept, lang: str) -> str:
    parts = []
    tr = concept.translations(lang)
    if concept.is_dnt(lang):
        parts.append(DNT)
    elif tr is not None:
        if tr.admitted:
            parts.append("also: " + ", ".join(tr.admitted))
        if tr.forbidden:
            parts.append("never: " + ", ".join(f"{f.term} ({_flat(f.reason)})" if f.reason else f.term
                                               for f in tr.forbidden))
    if concept.translator_note:
        parts.append("note: " + _flat(concept.translator_note))
    return "; ".join(parts)


def rows(glossary: Glossary, lang: str) -> list[tuple[str, str, str]]:
    out = []
    for c in glossary.concepts:
        if c.is_dnt(lang):
            targets = None
        else:
            tr = c.translations(lang)
            if tr is None or not tr.approved:
                continue
            targets = tr.approved
        note = comment(c, lang)
        for t in c.terms:
            for target in targets or [t.text]:
                out.append((_flat(t.text), _flat(target), note))
    return out


def dumps_tsv(glossary: Glossary, lang: str) -> str:
    return "".join("\t".join(row) + "\n" for row in rows(glossary, lang))


def dumps_csv(glossary: Glossary, lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in rows(glossary, lang):
        w.writerow(row)
    return buf.getvalue()


# -- import ---------------------------------------------------------------------

def _split_top(text: str, sep: str = ", ") -> list[str]:
    """``a (x, y), b`` → ``["a (x, y)", "b"]``: separators inside parentheses belong to a reason."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            out.append(text[start:i].strip())
            i += len(sep)
            start = i
            continue
        i += 1
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _parse_comment(text: str) -> tuple[bool, list[str], list[Forbidden], str]:
    """(do not translate, admitted, forbidden, note) from a comment this module wrote (or free text: a note)."""
    dnt, admitted, forbidden, note = False, [], [], ""
    parts = _split_top(text.strip(), "; ")
    for i, head in enumerate(parts):
        if head.startswith("note: "):
            note = "; ".join(parts[i:])[6:]
            break
        if head == DNT:
            dnt = True
        elif head.startswith("also: "):
            admitted = _split_top(head[6:])
        elif head.startswith("never: "):
            for item in _split_top(head[7:]):
                m = re.fullmatch(r"(.*?) \((.*)\)", item)
                forbidden.append(Forbidden(m.group(1), m.group(2)) if m else Forbidden(item))
        else:  # a comment written by hand: all of it is the note
            note = "; ".join(parts[i:])
            break
    return dnt, admitted, forbidden, note


def parse(text: str, path: str, lang: str, source_language: str = "en", delimiter: str = "\t") -> Glossary:
    """Rows (TSV or CSV) → a glossary with ``lang`` translations; errors name the file and line."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter) if delimiter == "," else (
        line.split("\t") for line in text.splitlines())
    terms: list[tuple[str, list[str], str, int]] = []  # source, targets, comment, line
    for n, cells in enumerate(reader, 1):
        if not cells or not any(c.strip() for c in cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise TamizdatError("a glossary row needs a source term and a target term", path, n)
        source, target, note = cells[0].strip(), cells[1].strip(), (cells[2].strip() if len(cells) > 2 else "")
        if terms and terms[-1][0] == source and terms[-1][2] == note:
            terms[-1][1].append(target)
        else:
            terms.append((source, [target], note, n))
    g = Glossary(source_language=source_language, path=path)
    ids: dict[str, int] = {}
    last: tuple | None = None
    for source, targets, note, n in terms:
        key = (tuple(targets), note)
        if last is not None and last == key:
            g.concepts[-1].terms.append(Term(source))
            continue
        last = key
        dnt, admitted, forbidden, translator_note = _parse_comment(note)
        base = re.sub(r"[^a-z0-9]+", "-", source.casefold()).strip("-") or "concept"
        ids[base] = ids.get(base, 0) + 1
        cid = base if ids[base] == 1 else f"{base}-{ids[base]}"
        c = Concept(id=cid, terms=[Term(source)], translator_note=translator_note, line=n)
        if dnt:
            c.langs[lang] = Translations(dnt=True)
        else:
            preferred = [t for t in targets if t not in admitted]
            c.langs[lang] = Translations(preferred=preferred, admitted=[t for t in targets if t in admitted],
                                         forbidden=forbidden)
        g.concepts.append(c)
    return g
