"""Word formation on the translation side, by general mechanisms rather than a word list: a Russian participle
term's verb in its other aspect, German compounds that end in an approved word, French verbs of an approved noun,
and a translation's word that two concepts claim (each test: a pair that is an error and its near-twin that is
not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require
from glossary_findings import errors, findings
from pipeline.glossary import bilingual, load_glossary
from pipeline.glossary.derive import ru_imperfectives
from pipeline.glossary.wordkeys import morph_analyzer

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def test_the_imperfective_partner_of_a_perfective_verb_is_found_by_rule_and_checked_in_the_dictionary():
    morph = morph_analyzer("ru")
    assert ru_imperfectives("опустить", morph) == ("опускать",)
    assert ru_imperfectives("обидеть", morph) == ("обижать",)
    assert ru_imperfectives("осудить", morph) == ("осуждать",)
    assert ru_imperfectives("простить", morph) == ("прощать",)  # not простывать, another verb's partner
    assert ru_imperfectives("опускать", morph) == ()  # already imperfective


@pytest.mark.parametrize("lang, cid, src, right, wrong", [
    # a participle term's verb in its other aspect, in quotation marks (unquoted: the everyday verb, to lower)
    ("ru", "petukh", "In a Russian prison the lowest caste is “downgraded” for life.",
     "В российской тюрьме низшую касту «опускают» на всю жизнь.",
     "В российской тюрьме низшую касту опускают на всю жизнь."),
    # a compound read to its tail as written: Snowball's stem of the whole (carepak) cuts into Paket
    ("de", "peredacha", "Every month his wife puts together a care package for the colony.",
     "Jeden Monat packt seine Frau ein Carepaket für die Kolonie.",
     "Jeden Monat packt seine Frau ein Geschenk für die Kolonie."),
    # ... and inflected, as a compound's last part is (Gefängnispakete: the stem gefangnispak cuts into it too)
    ("de", "peredacha", "Both prison parcels that his sister sent in March came back unopened.",
     "Beide Gefängnispakete, die seine Schwester im März schickte, kamen ungeöffnet zurück.",
     "Beide Sendungen, die seine Schwester im März schickte, kamen ungeöffnet zurück."),
    # a French noun in -ert and its verb in -érer share a root
    ("fr", "etap", "Azat Miftakhov was transferred from the colony in Omutninsk to a SIZO in 2023.",
     "Azat Miftakhov a été transféré en 2023 de la colonie d'Omoutninsk vers un SIZO.",
     "Azat Miftakhov a été emmené en 2023 de la colonie d'Omoutninsk vers un SIZO."),
    # a Russian pronoun of distribution left without its noun may stand for a repeat (not before a wrong noun)
    ("ru", "ik", "He was moved between colonies three times in a year, and each colony welcomed him with a beating.",
     "За год его трижды перебрасывали между колониями, и каждая встречала его избиением.",
     "За год его трижды перебрасывали между колониями, и каждая тюрьма встречала его избиением."),
    # the zu-infinitive of a German separable verb is the verb
    ("de", "aktivist", "The prisoners called them “goats”: men who had agreed to cooperate with the administration.",
     "Die Häftlinge nannten sie „Ziegen“: Männer, die sich bereit erklärt hatten, mit der Verwaltung "
     "zusammenzuarbeiten.",
     "Die Häftlinge nannten sie „Ziegen“: Männer, die sich bereit erklärt hatten, der Verwaltung zuzuarbeiten."),
    # a diminutive and a feminine of a term that ends in its own consonant (мужик, политзэк): derived forms
    ("ru", "muzhik", "The muzhiks of the detachment work in silence in the colony.",
     "Мужички отряда в колонии работают молча.",
     "Крестьяне отряда в колонии работают молча."),
    ("ru", "political-prisoner", "The politzeks of the colony wrote a letter to the court.",
     "Политзэчки колонии написали письмо в суд.",
     "Заключённые колонии написали письмо в суд."),
    # a French verb's third person plural in -ent (Snowball keeps it), the stem's è back to é
    ("fr", "aktivist", "Former prisoners describe IK-6 as a red zone run through prisoners who cooperate with the "
     "administration.",
     "D'anciens détenus décrivent l'IK-6 comme une « zone rouge », tenue par des détenus qui coopèrent avec "
     "l'administration.",
     "D'anciens détenus décrivent l'IK-6 comme une « zone rouge », tenue par des détenus qui obéissent à "
     "l'administration."),
    # a verb phrase of the glossary's with the zu of an infinitive inside („vorzeitig zu entlassen“); a prisoner
    # named, as "parole" is prison_only since the thirteenth session's audit
    ("de", "udo", "Her lawyers asked the judge to grant the prisoner parole before the winter.",
     "Ihre Anwälte baten den Richter, die Gefangene noch vor dem Winter vorzeitig zu entlassen.",
     "Ihre Anwälte baten den Richter, die Gefangene noch vor dem Winter frei zu lassen."),
    # a Russian noun phrase said as its verb phrase: the deverbal noun's verb, the adjective's adverb, any order
    ("ru", "udo", "The commission recommended parole for two of the women.",
     "Комиссия рекомендовала условно-досрочно освободить двух женщин.",
     "Комиссия рекомендовала досрочно выпустить двух женщин."),
], ids=["other-aspect", "compound-tail", "compound-tail-inflected", "french-ert-erer", "ru-distributive", "zu-infinitive", "ru-diminutive",
        "ru-feminine-of-k", "french-ent", "zu-inside-a-phrase", "ru-verb-phrase"])
def test_a_form_the_dictionaries_do_not_link_renders_the_term(g, lang, cid, src, right, wrong):
    assert cid not in errors(g, lang, src, right)
    assert cid in errors(g, lang, src, wrong)


def test_a_compound_whose_approved_part_translates_another_source_word_renders_that_word(g):
    require(bilingual.installed("de"), "FreeDict eng-deu (Debian dict-freedict-eng-deu) is not installed")
    # „Gesetzespaket“ is the source's package of laws (FreeDict: package → Paket), not the prisoner's parcel
    src = "Under the new package of laws, relatives may hand in only one parcel per month at the SIZO."
    assert "peredacha" in errors(g, "de", src, "Nach dem neuen Gesetzespaket dürfen Angehörige im Untersuchungsgefängnis "
                                               "nur eine Sendung pro Monat abgeben.")
    assert "peredacha" not in errors(g, "de", src, "Nach dem neuen Gesetzespaket dürfen Angehörige im "
                                                   "Untersuchungsgefängnis nur ein Paket pro Monat abgeben.")


def test_a_russian_derivation_that_translates_another_source_word_renders_that_word(g):
    require(bilingual.installed("ru"), "FreeDict eng-rus (Debian dict-freedict-eng-rus) is not installed")
    # «Одного» is the source's “One” (FreeDict: one → один), not a derivation of «одиночка»
    src = "One of the journalists was kept in solitary confinement for a week."
    assert "solitary-cell" in errors(g, "ru", src, "Одного из журналистов неделю держали в карцере.")
    assert "solitary-cell" not in errors(g, "ru", src, "Одного из журналистов неделю держали в одиночке.")


@pytest.mark.parametrize("lang, src, dst", [
    ("de", "The team faced a long bus transfer before Sunday's mountain stage.",
     "Vor der Bergetappe am Sonntag stand dem Team ein langer Bustransfer bevor."),
    ("ru", "The clinic grew the culture from a single cell in one day.",
     "Клиника вырастила культуру из одной клетки за сутки."),
], ids=["compound", "derivation"])
def test_another_source_words_compound_or_derivation_answers_no_question(g, lang, src, dst):
    # The source's word is read as a question (a bus transfer; a single cell with nothing of prison next to it).
    # „Bergetappe“ is the mountain stage's word, «одной» the numeral's: the translator used no approved word, so
    # nothing says the prison sense was meant, and the question stays a question.
    require(bilingual.installed(lang), f"FreeDict eng-{bilingual.CODES[lang]} is not installed")
    cid = "etap" if lang == "de" else "solitary-cell"
    said = findings(g, lang, src, dst, cid)
    assert [s for s, _m in said] == ["warning"] and "a question only" in said[0][1]


def test_a_word_two_concepts_of_the_source_claim_renders_the_one_whose_term_it_is(g):
    # „Gefangenentransporter“ is the prison van's word; the etap's „Gefangenentransport“ only shares its stem
    src = "The prison van drove off at night. If anyone was on the same transfer, please write to me."
    assert "etap" in errors(g, "de", src, "Der Gefangenentransporter ist nachts losgefahren. Falls jemand beim selben "
                                          "Transport dabei war, schreibt mir bitte.")
    assert "etap" not in errors(g, "de", src, "Der Gefangenentransporter ist nachts losgefahren. Falls jemand bei "
                                              "derselben Überstellung dabei war, schreibt mir bitte.")
    # the plural of Gefangenentransport is as close to either term and still renders the transfer
    assert "etap" not in errors(g, "de", "The budget pays for prisoner transport and 300 prison vans.",
                                "Der Haushalt bezahlt Gefangenentransporte und 300 Gefangenentransporter.")


def test_a_forbidden_word_that_translates_the_sources_own_word_is_no_error(g):
    # FreeDict's English–French gives gay only as « gai »: the glossary's homonyms say « homosexuel » is gay too
    src = "People outside think “rooster” means gay. It doesn't: it is a caste the others push you into."
    assert "petukh" not in errors(g, "fr", src, "Dehors, les gens croient que « coq » veut dire homosexuel. Ce n'est "
                                                "pas le cas : c'est une caste dans laquelle les autres vous poussent.")
    assert "petukh" in errors(g, "fr", "The “downgraded” eat at a separate table.",
                              "Les « homosexuels » mangent à une table à part.")


def test_a_quoted_offended_is_the_caste_word_only_in_a_prison_context(g):
    assert "petukh" not in errors(g, "fr", "The coach said he was “offended” by the referee's remarks.",
                                  "L'entraîneur s'est dit « offensé » par les propos de l'arbitre.")
    assert "petukh" in errors(g, "fr", "In the colony he was “offended” after a rumour and moved to another table.",
                              "Dans la colonie, il a été « offensé » après une rumeur et changé de table.")
