"""German compounds written with a hyphen or closed (glossary/hyphenated.py): „Gefangenen-Transporter“ is
*Gefangenentransporter*, „Stolypinwaggon“ is *Stolypin-Waggon*."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import severities
from pipeline.glossary import load_glossary
from pipeline.glossary.hyphenated import closed_spelling

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize("src, dst, cid, found", [
    # an approved closed compound written with a hyphen
    ("The prison van arrived at dawn.", "Der Gefangenen-Transporter kam im Morgengrauen.", "avtozak", []),
    ("The long visit was cancelled.", "Der Langzeit-Besuch wurde abgesagt.", "long-visit", []),
    ("He spent a month in the punishment cell.", "Er verbrachte einen Monat in der Straf-Zelle.", "shizo", []),
    # ... the same word read where the matcher reads it: the prisoners' transport, not the van
    ("The prison transfer lasted a month.", "Der Gefangenen-Transport dauerte einen Monat.", "etap", []),
    # an approved hyphenated compound written closed
    ("The Stolypin car was hot.", "Der Stolypinwaggon war heiß.", "stolypin", []),
    ("They feared the press-khata.", "Sie fürchteten die Presschata.", "press-khata", []),
    # a hyphenated pair whose joined word is no term says nothing
    ("The prison van arrived at dawn.", "Der Gefangenen-Bus kam im Morgengrauen.", "avtozak", ["error"]),
])
def test_a_compound_is_the_term_with_or_without_its_hyphen(g, src, dst, cid, found):
    assert severities(g, "de", src, dst, cid) == found


def test_a_forbidden_compound_is_forbidden_with_a_hyphen_too(g):
    found = severities(g, "de", "He spent four years in the colony.", "Er verbrachte vier Jahre im Arbeits-Lager.", "ik")
    assert found == severities(g, "de", "He spent four years in the colony.", "Er verbrachte vier Jahre im Arbeitslager.",
                               "ik") == ["error", "error"]  # (the colony missing, the camp forbidden)


@pytest.mark.parametrize("term, lang, closed", [
    ("Stolypin-Waggon", "de", "Stolypinwaggon"),
    ("Kolonie-Siedlung", "de", "Koloniesiedlung"),
    ("FSIN-Pismo", "de", None),  # an acronym keeps its hyphen
    ("Strafzelle", "de", None),
    ("press-khata", "fr", None),  # French and Russian hyphens stay
])
def test_closed_spelling(term, lang, closed):
    assert closed_spelling(term, lang) == closed
