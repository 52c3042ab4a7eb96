"""German compounds with a suspended hyphen (glossary/truncated.py): „Lebensmittel- und Bücherpaket“ says
*Lebensmittelpaket*, so its first part renders what that word renders."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import severities
from pipeline.glossary import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize("src, dst, cid, found", [
    ("His mother handed in a food parcel and a book parcel at the SIZO.",
     "Seine Mutter gab im Untersuchungsgefängnis ein Lebensmittel- und ein Bücherpaket ab.", "peredacha", []),
    ("The long visit and the short visit were both cancelled.", "Langzeit- und Kurzbesuch wurden beide abgesagt.",
     "long-visit", []),
    # „weder … noch“ coordinates as „und“ does
    ("He received neither the food parcel nor the book parcel.",
     "Er bekam weder das Lebensmittel- noch das Bücherpaket.", "peredacha", []),
    # the head completes no approved word: *Langbesuch* is none
    ("The long visit and the short visit were both cancelled.", "Lang- und Kurzbesuch wurden beide abgesagt.",
     "long-visit", ["error"]),
    # ... nor a word that is no compound of the term
    ("His mother handed in a food parcel and a book parcel at the SIZO.",
     "Seine Mutter gab im Untersuchungsgefängnis ein Lebensmittel- und ein Bücherkarton ab.", "peredacha", ["error"]),
])
def test_a_suspended_first_part_renders_its_completed_compound(g, src, dst, cid, found):
    assert severities(g, "de", src, dst, cid) == found


def test_a_suspended_forbidden_word_is_forbidden(g):
    # „Arbeits- und Straflager“: *Arbeitslager*, the word the glossary forbids for the colony
    src = "He spent four years in the colony."
    assert "error" in severities(g, "de", src, "Er verbrachte vier Jahre im Arbeits- und Straflager.", "ik")
