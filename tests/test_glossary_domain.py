"""A sentence in another field than the glossary's: none of its nouns is a word the glossary writes or a word of the
law, and one is a thing of the kind of another dictionary sense of the term (glossary/domain.py). Its finding is
a question that names the nouns; a prison sentence says something of the glossary's field in one of its nouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require, without_conditions
from glossary_findings import findings, severities
from pipeline.glossary import load_glossary, wordnet
from pipeline.glossary.domain import domain_words, foreign_field
from pipeline.glossary.topic import stem

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")
    return without_conditions(load_glossary(ROOT / "glossary" / "glossary.toml"))  # (conftest: why)


@pytest.mark.parametrize("cid, src, lang, dst, noun", [
    # a kitchen: carrots and onions (plants), and a stove, an artifact as a cooking pot is
    ("obshchak", "The chef stirred the common pot on the stove while the apprentices peeled carrots and onions.",
     "de", "Der Küchenchef rührte im gemeinsamen Topf auf dem Herd, während die Lehrlinge Möhren und Zwiebeln schälten.",
     "stove"),
    # sailing: a gale and a squall (weather), and a dinghy, an artifact as the mast's spar is
    ("caste", "A gale and then a squall snapped the mast, and the crew rowed the dinghy into the bay.",
     "fr", "Un coup de vent puis un grain ont brisé le mât, et l'équipage a ramé avec le canot jusqu'à la baie.",
     "dinghy"),
])
def test_a_sentence_of_another_field_makes_the_finding_a_question_that_names_its_nouns(g, cid, src, lang, dst, noun):
    found = findings(g, lang, src, dst, cid)
    assert found and all(s == "warning" for s, _m in found)
    assert "are a field of their own, and “" + noun + "” is of the kind of another sense" in found[0][1]


@pytest.mark.parametrize("cid, src, lang, dst", [
    # the prison's own nouns: tea, cigarettes (the definition's) — the common pot of the thieves
    ("obshchak", "Every month the newcomers paid tea and cigarettes into the common pot.", "de",
     "Jeden Monat zahlten die Neuen Tee und Zigaretten in den gemeinsamen Topf ein."),
    # nouns of no field, but none of the kind of another sense: a farmyard rooster is an animal, a bucket is not
    ("petukh", "The roosters scrub the buckets, the floors and the sinks every morning.", "de",
     "Die Gockel schrubben jeden Morgen die Eimer, die Böden und die Waschbecken."),
    # nouns of no field of their own: a cell's things are artifacts, as any sentence's are
    ("solitary-cell", "He has been alone in a single cell since June with a bed, a sink and a bucket.", "de",
     "Seit Juni ist er allein in einer Zelle, mit einem Bett, einem Waschbecken und einem Eimer."),
    ("caste", "His mast decides where he sleeps, which cup he uses and which towel he may touch.", "fr",
     "Son rang décide où il dort, quelle tasse il utilise et quelle serviette il peut toucher."),
    # two nouns say too little of a field
    ("caste", "His mast changed after the storm and the quarrel.", "ru", "После бури и ссоры его мачта изменилась."),
])
def test_a_sentence_that_says_something_of_prison_or_too_little_stays_an_error(g, cid, src, lang, dst, monkeypatch):
    # (the field rule's reading: the learnt decision, retrained in the tenth session, reads the storm's mast as
    # everyday prose, p 0.35; it is measured on the labelled sets, not here)
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    assert "error" in severities(g, lang, src, dst, cid)


def test_the_field_is_the_glossarys_own_words(g):
    words = domain_words(g)
    assert stem("cigarettes") in words and stem("squall") not in words  # (its definitions' words, as stems)
    src = "At the picnic everyone threw something into the common pot on the grill: potatoes, onions, beans."
    hits = g.find(src, "en")
    assert "“potatoes”, “onions”, “beans” are a field of their own" in foreign_field(g, src, hits, hits)


def test_one_predicate_decides_whether_a_definition_speaks_of_prison(g):
    from pipeline.glossary import lint
    from pipeline.glossary.domain import _of_the_field
    from pipeline.glossary.sense import compound_noun, speaks_of_prison

    # a penal word of the definition, or one of the glossary's one-word prison words, less the phrase's own words
    assert speaks_of_prison(g, "a correctional institution used to detain persons")
    assert speaks_of_prison(g, "a room where a prisoner is kept", own={"prison", "cell"})
    assert not speaks_of_prison(g, "a room where a prisoner is kept", own={"prisoner"})
    # a multi-word prison word's parts (visiting *room*, behind *bars*) and a penalty or a belief are no prison
    assert not speaks_of_prison(g, "a car that has a long body and rear door with space behind rear seat")
    assert not speaks_of_prison(g, "an expression of agreement that is not supported by real conviction")
    assert not speaks_of_prison(g, "a line from which basketball players take penalty shots")
    # the three readings that ask it: compound nouns, the sentence's field, the lint
    assert compound_noun(g, "penal", "facility") == ""  # prison's: “a correctional institution …”
    assert compound_noun(g, "station", "wagon") == "station wagon"  # a thing of its own
    assert _of_the_field(g, "thrashing") and not _of_the_field(g, "floor")
    assert lint.everyday_sense("penalty box") and not lint.everyday_sense("penal colony")
