"""The glossary check reads a term's own neighbourhood, not only its sentence: quotation marks inside a term,
the sense told by a term's complement, a title or a name, everyday words asked as questions, repeats said by a
pronoun, names quoted as the source quotes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def found(g, lang: str, src: str, dst: str) -> dict[str, list[tuple[str, str, str]]]:
    """Concept id -> its findings (check, severity, message)."""
    out: dict[str, list] = {}
    for check, severity, message, term in glossary_checks.check(Checked(src, dst), Context(lang, g)):
        out.setdefault(g.concept_for_term(term).id, []).append((check, severity, message))
    return out


def errors(g, lang: str, src: str, dst: str) -> set[str]:
    return {cid for cid, fs in found(g, lang, src, dst).items() if any(s == "error" for _c, s, _m in fs)}


@pytest.mark.parametrize("lang, dst", [
    ("ru", "В Карелии все знают, что Сегежа — «красная» зона."),
    ("de", "In Karelien weiß jeder, dass Segescha eine „rote“ Zone ist."),
    ("fr", "En Carélie, tout le monde sait que Segueja est une zone « rouge »."),
])
def test_a_quoted_word_inside_a_term_is_still_the_term(g, lang, dst):
    src = "Everyone in Karelia knows that Segezha is a red colony."
    assert "krasnaya-zona" not in errors(g, lang, src, dst)
    # ... and the term with a wrong word is still missing.
    assert "krasnaya-zona" in errors(g, "de", src, "In Karelien weiß jeder, dass Segescha eine kommunistische Kolonie ist.")
