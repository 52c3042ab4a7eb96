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


def test_neighbourhood_cues_in_toml_and_tbx():
    from pipeline.glossary import parse_glossary
    from pipeline.glossary.tbx import dumps as tbx_dumps, parse_tbx
    from pipeline.glossary.toml_format import dumps as toml_dumps

    text = """source_language = "en"

[[concept]]
id = "otryad"
terms = ["otryad", { term = "squad", prison_only = true, everyday = true, not_near = ["football"] }]
not_near = ["police", "special forces"]
everyday = true

[concept.ru]
preferred = "отряд"
"""
    g = parse_glossary(text, "g.toml")
    c = g.concepts[0]
    assert c.not_near == ["police", "special forces"] and c.everyday
    assert c.terms[1].everyday and c.terms[1].not_near == ["football"] and not c.terms[0].everyday
    assert parse_tbx(tbx_dumps(g), "g.tbx") == g
    assert parse_glossary(toml_dumps(g), "g.toml") == g
    with pytest.raises(Exception, match="everyday"):
        parse_glossary(text.replace("everyday = true\n", "everyday = \"yes\"\n"), "g.toml")


@pytest.mark.parametrize("src, cid, lang, dst", [
    # a word the glossary marks next to the term (not_near)
    ("The appeal court downgraded the charge to mere participation, yet he was kept in the SIZO for eight months.",
     "petukh", "de", "Das Berufungsgericht stufte den Vorwurf herab, dennoch blieb er acht Monate im Untersuchungsgefängnis."),
    ("A detachment of FSIN special forces met the convoy at the gates of the colony.",
     "otryad", "de", "Am Tor der Kolonie empfing eine Spezialeinheit des FSIN den Konvoi."),
    ("He posted a parcel containing explosives; the parcel was never found, yet he has spent four years in a colony.",
     "peredacha", "de", "Er schickte eine Sendung mit Sprengstoff; die Sendung wurde nie gefunden, dennoch sitzt er seit vier Jahren in einer Kolonie."),
    # a title in quotation marks, a name without a determiner
    ("In the colony library there is almost nothing to read except Chekhov's story “The Muzhiks”.",
     "muzhik", "fr", "À la bibliothèque de la colonie, il n'y a presque rien à lire, à part la nouvelle de Tchekhov « Les Paysans »."),
    ("In the colony he still gives the other prisoners talks on Stolypin and the field courts-martial of 1906.",
     "stolypin", "fr", "À la colonie, il fait encore aux autres détenus des exposés sur Stolypine et les cours martiales de 1906."),
])
def test_the_terms_own_neighbourhood_shows_another_sense_inside_a_prison_sentence(g, src, cid, lang, dst):
    assert cid not in errors(g, lang, src, dst)
    # The forbidden word of such a concept is at most a warning that says why.
    for _check, severity, message in found(g, lang, src, dst).get(cid, []):
        assert severity == "warning" and "another sense" in message


def test_the_prison_sense_next_to_the_same_words_is_still_checked(g):
    # The same words in the prison sense: the translation must render them.
    assert "peredacha" in errors(g, "de", "His mother's parcel was never handed to him in the colony.",
                                 "Die Sendung seiner Mutter wurde ihm in der Kolonie nie ausgehändigt.")
    assert "otryad" in errors(g, "fr", "In the colony his squad is marched to the sewing workshop at six every morning.",
                              "À la colonie, son équipe est conduite chaque matin à six heures à l'atelier de couture.")
    assert "petukh" in errors(g, "fr", "After he was downgraded, someone scratched a word on his bowl.",
                              "Après qu'on a fait de lui un pédé, quelqu'un a gravé un mot sur sa gamelle.")
    assert "stolypin" in errors(g, "fr", "He spent three days in the stolypin on the way to the colony.",
                                "Il a passé trois jours dans le fourgon cellulaire en route vers la colonie.")


def test_an_everyday_word_with_no_prison_near_it_is_a_question(g):
    src = ("In October Elena Gorban paid a short visit to the office of the regional ombudsman in Kirov, who promised "
           "to ask the FSIN about Azat's eyesight.")
    fs = found(g, "fr", src, "En octobre, Elena Gorban s'est brièvement rendue au bureau du médiateur régional à Kirov, "
                             "qui a promis d'interroger le FSIN sur la vue d'Azat.")
    assert [(c, s) for c, s, _m in fs["short-visit"]] == [("glossary-missing", "warning")]
    assert "everyday sense and nothing next to it says prison" in fs["short-visit"][0][2]
    # Next to a prison word it is the prison visit, and an error.
    assert "short-visit" in errors(g, "fr", "His parents got only a short visit behind glass in the colony.",
                                   "Ses parents n'ont eu qu'une brève rencontre derrière une vitre à la colonie.")
