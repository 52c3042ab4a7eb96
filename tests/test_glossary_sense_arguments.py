"""The learnt sense decision reads a term's own arguments as classes (glossary/arguments.py): the noun it
modifies or is modified by, the head of the phrase after it, a verb term's object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import require
from glossary_findings import findings, severities
from pipeline.glossary import learnt_sense, load_glossary, wordnet
from pipeline.glossary.arguments import argument_classes
from pipeline.glossary.sense_features import NAMES
from pipeline.glossary.source_reading import read_source

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module", autouse=True)
def _wordnet():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


def _classes(glossary, text: str, concept: str) -> list[str]:
    source = read_source(glossary, text)
    [hit] = [h for h in source.hits if h.concept.id == concept]
    return argument_classes(glossary, text, hit, source.hits, hit.form.endswith("ed"))


@pytest.mark.parametrize("text, concept, expected", [
    # a noun the term modifies: a thing of another kind (WordNet's noun.artifact)
    ("Our goalkeeper hopes the transfer window stays open until Friday.", "etap", ["head:artifact"]),
    # the head of the phrase after it: another glossary term is the prison's
    ("Nobody told his wife about the transfer to the colony near Kirov.", "etap", ["pp:prison"]),
    # a verb term's object, past its determiner and adjective
    ("The weather service downgraded the tropical storm overnight.", "petukh", ["obj:phenomenon"]),
    # a verb form after the term is no noun it modifies: nothing read
    ("The parcel arrives on Thursday.", "peredacha", []),
])
def test_a_terms_arguments_are_read_as_classes(glossary, text, concept, expected):
    assert _classes(glossary, text, concept) == expected


def test_a_model_files_argument_leans_decide_and_are_shown(tmp_path, monkeypatch):
    """A model whose only weight is the argument lean: a transfer whose phrase names a thing of another kind is a
    question that says so; the same word going to a colony keeps its error."""
    path = tmp_path / "m.json"
    path.write_text(json.dumps({
        "threshold": 0.5, "bias": 0.0, "lexicon": {}, "arguments": {"head:artifact": -3.0, "pp:prison": 3.0},
        "features": {n: {"weight": -2.0 if n == "arguments" else 0.0, "mean": 0.0, "scale": 1.0} for n in NAMES},
    }), encoding="utf-8")
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(path))
    learnt_sense._loaded.clear()
    glossary = load_glossary(GLOSSARY)
    [(severity, message)] = findings(glossary, "de", "Our goalkeeper hopes the transfer window stays open until "
                                     "Friday.", "Unser Torwart hofft, dass das Wechselfenster bis Freitag offen bleibt.",
                                     "etap")
    assert severity == "warning" and "its own phrase names another kind of thing (“artifact”)" in message
    assert severities(glossary, "de", "Nobody told his wife about the transfer to the colony near Kirov.",
                      "Niemand sagte seiner Frau etwas von der Reise in die Kolonie bei Kirow.", "etap") == ["error"]


def test_an_arguments_lean_is_read_from_the_most_specific_key_the_table_knows(monkeypatch):
    # (sixteenth session, measured and left off: a concept's own lean of a class, and a WordNet hypernym below
    # the lexicographer file; the shipped table holds neither, so its pooled classes read as before)
    from pipeline.glossary import arguments
    from pipeline.glossary.sense_features import ARGUMENT, argument_lean

    table = {ARGUMENT + "head:artifact": 0.5, ARGUMENT + "etap|head:artifact": -1.5, ARGUMENT + "pp:location": 1.0}
    assert argument_lean(["head:artifact", "pp:location"], table) == 0.75
    assert argument_lean(["head:artifact", "pp:location"], table, "etap") == -0.25
    assert argument_lean(["head:artifact"], table, "obysk") == 0.5
    monkeypatch.setattr(arguments, "HYPERNYM_DEPTH", 3)
    glossary = load_glossary(GLOSSARY)
    keys = _classes(glossary, "The courier's parcel crate arrived broken at the depot.", "peredacha")
    assert keys[0] == "head:artifact" and keys[1].startswith("head:@")
    assert argument_lean(keys, {**table, ARGUMENT + keys[1]: -2.0}) == -2.0
    assert arguments.noun_hypernym("qwertyuiop", 3) == ""
