"""Glossary as OmegaT reads it: one row per source term, ``source<TAB>target<TAB>comment``.

OmegaT takes ``.txt``/``.tab`` (tab-separated, UTF-8) and ``.csv`` files with
these three columns; it has no notion of forbidden terms, so they go into the
comment with the translator note.
"""

from __future__ import annotations

import csv
import io

from pipeline.glossary.model import Glossary


def rows(glossary: Glossary, lang: str) -> list[tuple[str, str, str]]:
    out = []
    for c in glossary.concepts:
        if c.is_dnt(lang):
            target, comment = c.term, "do not translate"
        else:
            tr = c.translations(lang)
            if tr is None or not tr.approved:
                continue
            target = tr.approved[0]
            parts = []
            if tr.approved[1:]:
                parts.append("also: " + ", ".join(tr.approved[1:]))
            if tr.forbidden:
                parts.append("never: " + ", ".join(f.term for f in tr.forbidden))
            comment = "; ".join(parts)
        if c.translator_note:
            comment = f"{comment}. {c.translator_note}" if comment else c.translator_note
        for t in c.terms:
            out.append((t.text, target, comment))
    return out


def _flat(s: str) -> str:
    return " ".join(s.split())


def dumps_tsv(glossary: Glossary, lang: str) -> str:
    return "".join("\t".join(_flat(x) for x in row) + "\n" for row in rows(glossary, lang))


def dumps_csv(glossary: Glossary, lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in rows(glossary, lang):
        w.writerow([_flat(x) for x in row])
    return buf.getvalue()
