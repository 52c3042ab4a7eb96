"""What a translator's tool makes of an exported glossary, in three numbers per language.

Each tool's reader gives *units* (source, target, forbidden flag, the text it shows next to the term);
:func:`measure` compares them with our glossary:

- concepts read: concepts with a term for the language (approved, or do-not-translate) that the tool
  offers with an approved target for one of their source terms, not flagged forbidden;
- forbidden flagged: forbidden translations the tool marks as forbidden for one of the concept's source
  terms; ``forbidden offered`` counts the opposite, a forbidden term offered as a plain translation;
- notes shown: concepts whose translator note the tool shows with one of their terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.glossary.model import Glossary


@dataclass
class Unit:
    source: str
    target: str
    forbidden: bool = False
    shown: str = ""  # what the tool shows with the term (explanation, comment)


def _flat(s: str) -> str:
    return " ".join(s.split()).casefold()


def measure(units: list[Unit], glossary: Glossary, lang: str, flag_in_comment: bool = False) -> dict[str, int]:
    """The figures for one language. ``flag_in_comment``: the tool has no forbidden status (OmegaT), so a
    forbidden term counts as flagged when the comment shown with the concept's term names it as such
    ("never: …" or "forbidden")."""
    by_source: dict[str, list[Unit]] = {}
    for u in units:
        by_source.setdefault(_flat(u.source), []).append(u)
    out = dict(concepts=0, concepts_total=0, forbidden_flagged=0, forbidden_offered=0, forbidden_total=0,
               notes=0, notes_total=0)
    for c in glossary.concepts:
        tr = c.translations(lang)
        dnt = c.is_dnt(lang)
        if not dnt and (tr is None or not tr.approved):
            continue
        mine = [u for t in c.terms for u in by_source.get(_flat(t.text), [])]
        ok = {_flat(t.text) for t in c.terms} if dnt else {_flat(a) for a in tr.approved}
        out["concepts_total"] += 1
        if any(not u.forbidden and _flat(u.target) in ok for u in mine):
            out["concepts"] += 1
        if c.translator_note:
            out["notes_total"] += 1
            if any(_flat(c.translator_note) in _flat(u.shown) for u in mine):
                out["notes"] += 1
        for f in (tr.forbidden if tr and not dnt else []):
            out["forbidden_total"] += 1
            if any(u.forbidden and _flat(u.target) == _flat(f.term) for u in mine) or (
                    flag_in_comment and any(_named_forbidden(f.term, u.shown) for u in mine)):
                out["forbidden_flagged"] += 1
            if any(not u.forbidden and _flat(u.target) == _flat(f.term) for u in mine):
                out["forbidden_offered"] += 1
    return out


def _named_forbidden(term: str, shown: str) -> bool:
    import re

    for m in re.finditer(r"(?:never|forbidden)\b:?(.*?)(?:; also:|; note:|$)", shown, re.I | re.S):
        if re.search(rf"(?<!\w){re.escape(_flat(term))}(?!\w)", _flat(m.group(1))):
            return True
    return False


def row(name: str, m: dict[str, int]) -> str:
    return (f"{name}: concepts read {m['concepts']}/{m['concepts_total']}, forbidden flagged "
            f"{m['forbidden_flagged']}/{m['forbidden_total']} (offered as a translation: {m['forbidden_offered']}), "
            f"notes shown {m['notes']}/{m['notes_total']}")


def need(what: str, reason: str | None) -> None:
    """Skip (fail under CI=true) a test whose tool is missing: ``reason`` says why, None when present."""
    import os

    import pytest

    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI: {reason}")
    pytest.skip(f"{what}: {reason}")
