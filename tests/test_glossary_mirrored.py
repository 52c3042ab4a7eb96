"""A translation that mirrors the source's negation by its own construction, and a forbidden word the glossary's
own reason says is another word of the source: warnings, not errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import findings, severities
from pipeline.glossary import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize("lang, src, dst", [
    # German and Russian front the predicate and negate it later: the subject pronoun follows the term
    ("de", "He insists he was never a \"kozel\".", "Eine „Ziege“ sei er nie gewesen, beteuert er."),
    ("ru", "He insists he was never a \"rooster\".", "«Пидором» он никогда не был, настаивает он."),
    # ni … ni, « aucun », „ohne“, „weder … noch“
    ("fr", "She was neither a \"kozel\" nor a \"rooster\", she says.", "Elle n'était ni « chèvre » ni « coq », dit-elle."),
    ("fr", "The overseer is in no way a guard.", "Le smotriachtchi n'est aucun gardien."),
    ("de", "He got through his term without a \"kozel\" label.", "Er kam durch seine Haft ohne „Ziege“-Etikett."),
])
def test_a_negation_the_translation_says_its_own_way_mirrors_the_source(g, lang, src, dst):
    assert "error" not in {s for cid in ("aktivist", "petukh", "smotryashchy") for s in severities(g, lang, src, dst, cid)}


def test_a_term_that_is_its_clauses_subject_is_not_what_the_negation_denies(g, monkeypatch):
    # the sentence denies what a “rooster” is, not that the slur is the word: „Gockel“ stays an error. The hand
    # rules' reading is what is tested: the learnt decision, retrained on 58 sets, reads this one-sentence article
    # ("farmyard", "bird", "orientation") as everyday prose at p = 0.39 and makes both findings a question — a
    # verdict of the model, measured on the labelled sets, not of the negation reading
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    src = "In the colony a \"rooster\" is neither a farmyard bird nor a sexual orientation, but the lowest caste."
    dst = "Ein „Gockel“ ist in der Kolonie weder ein Vogel vom Hof noch eine sexuelle Orientierung, sondern die unterste Kaste."
    assert "error" in severities(g, "de", src, dst, "petukh")
    assert "negated" not in " ".join(m for _s, m in findings(g, "de", src, dst, "petukh"))


@pytest.mark.parametrize("src", [
    "The warders said nothing; the overseer of the cell gave the orders.",
    "The guards said nothing; the overseer of the cell gave the orders.",
])
def test_a_forbidden_word_for_what_its_reason_says_it_means(g, src):
    # „Aufseher“ “means a prison officer”: the warders, the (prison) guards — not the overseer's rendering
    dst = "Die Aufseher schwiegen; der Smotrjaschtschi der Zelle gab die Befehle."
    (severity, message), = findings(g, "de", src, dst, "smotryashchy")
    assert severity == "warning" and "what the glossary's reason says it means" in message


def test_a_prisoner_is_no_prison_officer(g):
    src = "The prisoners said nothing; the overseer of the cell gave the orders."
    dst = "Die Häftlinge schwiegen; der Aufseher der Zelle gab die Befehle."
    assert "error" in severities(g, "de", src, dst, "smotryashchy")
