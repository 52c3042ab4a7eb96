"""A glossary term inside a longer term of another concept names its concept too: the longest match reads “a
strict-regime colony” as the regime's term, but the source names a colony, and a word forbidden for the colony in
its translation is an error, as it is where the source says “colony” alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def severities(g, lang: str, src: str, dst: str, cid: str) -> list[str]:
    return [severity for _check, severity, _message, term in glossary_checks.check(Checked(src, dst), Context(lang, g))
            if g.concept_for_term(term).id == cid]


@pytest.mark.parametrize("src, dst, found", [
    ("She was sentenced to four years in a strict-regime colony in Mordovia.",
     "Sie wurde zu vier Jahren Arbeitslager mit strengem Regime in Mordwinien verurteilt.", ["error"]),
    ("She was sentenced to four years in a strict-regime colony in Mordovia.",
     "Sie wurde zu vier Jahren in einer Kolonie mit strengem Regime in Mordwinien verurteilt.", []),
    # the source names the regime alone: the forbidden word says something it does not, a warning
    ("After the hearing he spent four years under the strict regime.",
     "Nach der Verhandlung verbrachte er vier Jahre im Arbeitslager mit strengem Regime.", ["warning"]),
])
def test_a_word_forbidden_for_a_term_inside_a_longer_term(g, src, dst, found):
    assert severities(g, "de", src, dst, "ik") == found
