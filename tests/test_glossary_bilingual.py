"""A forbidden word that plainly translates another word of the source (a bilingual dictionary says so) renders
that word: a warning that names it, not an error. FreeDict's files are read by random access (dictzip)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require
from glossary_findings import findings
from pipeline.glossary import bilingual, load_glossary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    for lang in ("fr", "de", "ru"):
        require(bilingual.installed(lang), f"FreeDict eng-{bilingual.CODES[lang]} (Debian dict-freedict-eng-"
                                           f"{bilingual.CODES[lang]}) is not installed")
    return load_glossary(ROOT / "glossary" / "glossary.toml")


def test_the_dictionary_is_read_by_random_access(g):
    assert "gardien" in bilingual.translations("guard", "fr")
    assert "arbeitslager" in bilingual.translations("labour camp", "de")
    assert bilingual.translations("no such headword at all", "de") == ()


@pytest.mark.parametrize("lang, src, dst, cid, word", [
    ("fr", "The overseer kept order in the barrack while the guards slept.",
     "Le smotriachtchi maintenait l'ordre dans la baraque pendant que les gardiens dormaient.",
     "smotryashchy", "guards"),
    ("de", "Most muzhiki in his detachment were farmers before their arrest.",
     "Die meisten Muschiks in seinem Trupp waren vor ihrer Verhaftung Bauern.", "muzhik", "farmers"),
])
def test_a_forbidden_word_that_translates_the_sources_own_word_is_a_warning(g, lang, src, dst, cid, word):
    forbidden = [(s, m) for s, m in findings(g, lang, src, dst, cid) if m.startswith("forbidden translation")]
    assert forbidden and all(s == "warning" and f"translates the source's own “{word}”" in m for s, m in forbidden)


def test_the_same_word_for_the_term_itself_stays_an_error(g):
    # one « gardiens » is the guards'; the second renders the overseer, whom it insults
    src = "The overseer argued with the guards."
    dst = "Les gardiens se sont disputés avec les gardiens."
    assert sorted(s for s, m in findings(g, "fr", src, dst, "smotryashchy") if "forbidden" in m) == ["error", "warning"]
    # no word of the source means « paysans »: the muzhiks are mistranslated
    assert ("error" in [s for s, m in findings(g, "fr", "The muzhiki in his detachment work at the sawmill.",
                                            "Les paysans de son détachement travaillent à la scierie.", "muzhik")])
