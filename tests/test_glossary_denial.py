"""What the source denies: “X, which has nothing to do with Y” and “X is not a N” say that one thing is not
another, so the everyday variant denied is no occurrence of the concept, and the translation's word for the noun
denied renders that noun where the source names it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import severities

from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    return load_glossary(ROOT / "glossary" / "glossary.toml")


@pytest.mark.parametrize("lang, dst, found", [
    # the everyday “common fund” the sentence denies is the obshchak is another thing: one occurrence to render
    ("de", "Die Stiftung führt einen „gemeinsamen Fonds“ für entlassene Häftlinge, der nichts mit dem Obschtschak "
           "der Diebe zu tun hat.", []),
    ("fr", "La fondation gère un « fonds commun » pour les détenus libérés, qui n'a rien à voir avec l'obchtchak "
           "des voleurs.", []),
    # ... and the obshchak itself still needs its rendering
    ("de", "Die Stiftung führt einen „gemeinsamen Fonds“ für entlassene Häftlinge, der nichts mit der Kasse der "
           "Diebe zu tun hat.", ["error"]),
])
def test_an_everyday_variant_the_source_denies_is_the_concept_is_another_thing(g, lang, dst, found):
    src = ("The charity runs a “common fund” for released prisoners, which has nothing to do with the obshchak of "
           "the thieves.")
    assert severities(g, lang, src, dst, "obshchak") == found


@pytest.mark.parametrize("dst, found", [
    # the negated „Aufseher“ mirrors “not a guard”: the translator's word for the guard, so the second renders
    # the guards the source names again (two warnings, no error)
    ("Der Smotrjaschtschi ist kein Aufseher: Die Aufseher beobachten ihn nur aus der Ferne.", ["warning", "warning"]),
    # ... not where nothing in the source names guards again
    ("Der Smotrjaschtschi ist kein Aufseher: Die Aufseher beobachten ihn nur aus der Ferne.", ["warning", "error"]),
])
def test_the_translations_word_for_a_noun_the_source_denies_renders_that_noun_again(g, dst, found):
    src = ("The smotryashchy is not a guard: the guards only watch him from afar." if found[-1] == "warning" else
           "The smotryashchy is not a guard: the officers only watch him from afar.")
    assert severities(g, "de", src, dst, "smotryashchy") == found
