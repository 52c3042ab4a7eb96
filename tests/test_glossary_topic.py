"""An everyday glossary word read by its sentence's topic (Lesk over WordNet) and by where a verb term lowers
someone to: the findings an editor sees for sentences that use the glossary's words in other senses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import require, without_conditions
from glossary_findings import by_concept, findings, severities
from pipeline.glossary import load_glossary, wordnet

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")
    return without_conditions(load_glossary(GLOSSARY))  # (conftest: why)


def test_wordnet_is_read_from_its_own_files(g):
    assert len(wordnet.senses("mast")) == 4
    glosses = [wordnet.synset(o, "noun").gloss for o in wordnet.senses("mast")]
    assert any("beechnuts" in s for s in glosses)
    assert wordnet.senses("no such word at all") == ()
    assert wordnet.senses("prison cell")  # (multi-word lemmas are WordNet's underscores)


@pytest.mark.parametrize("src, lang, dst, cid, words", [
    ("Passengers for Vladivostok make a transfer at Irkutsk, where the express waits forty minutes.", "de",
     "Reisende nach Wladiwostok steigen in Irkutsk um, wo der Express vierzig Minuten hält.", "etap",
     "“Passengers”"),
    ("In a good mast year the beeches drop so many nuts that the village pigs grow fat in the forest.", "fr",
     "Les bonnes années de glandée, les hêtres laissent tomber tant de faînes que les cochons du village "
     "engraissent en forêt.", "caste", "“nuts”, “forest”"),
    ("In my grandfather's regiment the sentries changed the parole every evening, and anyone who forgot it "
     "spent the night in the guardhouse.", "ru",
     "В полку моего деда часовые каждый вечер меняли пароль, и тот, кто его забывал, ночевал на гауптвахте.",
     "udo", "“forgot”"),
    # (a yeast that “is a single cell” is a question by the term's own neighbourhood since single cell is
    # everyday: tests/test_glossary_lint.py)
])
def test_a_sentence_about_another_topic_makes_the_finding_a_question_that_names_its_words(g, src, lang, dst, cid,
                                                                                          words):
    (severity, message), = findings(g, lang, src, dst, cid)
    assert severity == "warning"
    assert "a question only: nothing else in it says prison" in message and words in message


def test_the_same_word_in_a_prison_sentence_or_one_that_says_nothing_else_stays_an_error(g):
    # a prison word elsewhere in the sentence: the topic is prison whatever the other words
    src = "Passengers on the prison train saw nothing: the transfer to the colony took three weeks."
    assert severities(g, "de", src, "Die Reisenden im Zug sahen nichts: es dauerte drei Wochen.",
                      "etap") == ["error"]
    # no prison cue, but no word of another sense either: most prison sentences say nothing else of prison
    assert severities(g, "de", "The transfer took three weeks.", "Die Reise dauerte drei Wochen.",
                      "etap") == ["error"]
    # a verb of a sense's definition alone ("a skill learned …") is not another topic
    src = "At this stage of the case, his lawyer learned that the transfer had already begun."
    assert severities(g, "ru", src, "На этом этапе дела адвокат узнал, что перевозка уже началась.",
                      "etap") == ["error"]


def test_a_translation_with_the_approved_word_reads_the_prison_sense(g):
    src = "Passengers for Vladivostok make a transfer at Irkutsk, where the express waits forty minutes."
    assert findings(g, "ru", src, "Пассажиры до Владивостока едут этапом через Иркутск, где экспресс стоит сорок "
                                  "минут.", "etap") == []


def test_a_verb_term_that_lowers_someone_to_another_thing_is_a_question(g):
    src = ("The airline downgraded her to economy, so the lawyer flew to Kirov squeezed between two passengers to "
           "reach the colony before the hearing.")
    dst = ("Die Fluggesellschaft stufte sie in die Economy-Klasse herab, also flog die Anwältin eingezwängt "
           "zwischen zwei Passagieren nach Kirow, um vor der Anhörung die Kolonie zu erreichen.")
    (severity, message), = findings(g, "de", src, dst, "petukh")
    assert severity == "warning" and "“downgraded … to … economy” is another thing" in message
    # ... the same with a noun for the one lowered: a person downgraded to another thing
    src = "The rental firm downgraded his sister to a smaller car when she came to visit him in the colony."
    dst = "Die Mietwagenfirma gab seiner Schwester ein kleineres Auto, als sie ihn in der Kolonie besuchen kam."
    (severity, message), = findings(g, "de", src, dst, "petukh")
    assert severity == "warning" and "“downgraded … to … car” is another thing" in message
    # lowered to the caste is the glossary's sense
    src = "In the colony he was downgraded to the lowest caste within a month."
    dst = "In der Kolonie wurde er innerhalb eines Monats in die unterste Kaste verstoßen."
    assert severities(g, "de", src, dst, "petukh") == ["error"]
    src = "In the colony the thieves downgraded the newcomer to the lowest caste."
    dst = "In der Kolonie verstießen die Diebe den Neuen in die unterste Kaste."
    assert severities(g, "de", src, dst, "petukh") == ["error"]


def test_without_wordnet_the_check_works_and_says_what_it_cannot_do(tmp_path):
    src = "Passengers for Vladivostok make a transfer at Irkutsk, where the express waits forty minutes."
    code = (
        "from pipeline.glossary import load_glossary, wordnet\n"
        "from pipeline.checks import glossary_checks\n"
        "from pipeline.checks.registry import Checked, Context\n"
        f"g = load_glossary({str(GLOSSARY)!r})\n"
        f"print([p[1] for p in glossary_checks.check(Checked({src!r}, 'Reisende steigen in Irkutsk um.'), "
        "Context('de', g))])\n"
        "print(wordnet.missing_note())\n"
    )
    env = {**os.environ, "TAMIZDAT_WORDNET": str(tmp_path), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    severities, note = out.splitlines()
    assert severities == "['error']"
    assert "WordNet is not installed" in note and "wordnet-base" in note


def test_a_transliteration_capitalised_inside_a_sentence_is_a_name(g):
    src = "On the day of his release he ordered a Kozel at the station bar and could not finish half of it."
    dst = "Am Tag seiner Entlassung bestellte er in der Bahnhofskneipe ein Kozel und schaffte nicht einmal die Hälfte."
    (severity, message), = findings(g, "de", src, dst, "aktivist")
    assert severity == "warning" and "“Kozel” is written as a name" in message
    # the prisoners' word, in lower case or opening the sentence, is the glossary's
    src = "In the colony the kozly carry the administration's orders to every barracks."
    dst = "In der Kolonie tragen die Ziegen die Befehle der Verwaltung in jede Baracke."
    assert "error" in severities(g, "de", src, dst, "aktivist")
    src = "Kozly carry the administration's orders to every barracks."
    dst = "Ziegen tragen die Befehle der Verwaltung in jede Baracke."
    assert "error" in severities(g, "de", src, dst, "aktivist")


def test_a_name_that_is_an_english_word_opening_a_sentence_may_be_the_word(g):
    src = "Memorial services for the prisoner who died in the SIZO were held in three cities on Sunday."
    dst = "Am Sonntag fanden in drei Städten Trauerfeiern für den im Untersuchungsgefängnis gestorbenen Häftling statt."
    (check, severity, message), = by_concept(g, "de", src, dst)["memorial"]
    assert check == "proper-name" and severity == "warning"
    assert "“Memorial services” reads as the word “memorial”" in message
    # the society, opening a sentence, is the name
    src = "Memorial lawyers said the prisoner had died in the SIZO after weeks without treatment."
    dst = "Die Anwälte von Memorial erklärten, der Häftling sei nach Wochen ohne Behandlung im Untersuchungsgefängnis gestorben."
    assert findings(g, "de", src, dst, "memorial") == []
    dst = "Die Anwälte von Memoriál erklärten, der Häftling sei nach Wochen ohne Behandlung im Untersuchungsgefängnis gestorben."
    assert severities(g, "de", src, dst, "memorial") == ["error"]


def test_what_an_everyday_noun_is_for_can_make_it_another_thing(g, monkeypatch):
    # (the phrase rule's readings: the learnt decision, which also reads the thieves' fund below as everyday prose
    # at its threshold 0.35, is measured on the labelled sets)
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    # (“common fund” is prison_only since the glossary lint: no finding at all; “common pot” is unconditioned)
    src = "The dairy cooperative keeps a common pot for repairing its tractors and milking machines."
    dst = "Die Molkereigenossenschaft unterhält einen gemeinsamen Fonds für die Reparatur ihrer Traktoren und Melkmaschinen."
    (severity, message), = findings(g, "de", src, dst, "obshchak")
    assert severity == "warning" and "“common pot for repairing … tractors” is another thing" in message
    assert findings(g, "de", src.replace("common pot", "common fund"), dst, "obshchak") == []
    # what the thieves' fund is for, by its definition (cigarettes, bribes), is the glossary's
    src = "The thieves keep a common fund for buying cigarettes, and the newcomers pay into it."
    dst = "Die Diebe unterhalten einen gemeinsamen Fonds für Zigaretten, und die Neuankömmlinge zahlen ein."
    assert severities(g, "de", src, dst, "obshchak") == ["error"]


def test_a_neighbour_defined_by_the_other_sense_names_it_as_lesk_read_it(g):
    # to crow is “the cry of a cock”, and a cock is WordNet's rooster: a farmyard, not the caste
    src = "On my uncle's farm the roosters start crowing at four, long before anyone milks the cows."
    dst = "Auf dem Hof meines Onkels fangen die Gockel um vier an zu krähen, lange bevor jemand die Kühe melkt."
    found = findings(g, "de", src, dst, "petukh")
    assert found and all(s == "warning" for s, _m in found)
    assert "the sentence's “crowing” fits another sense of “roosters”" in found[0][1]
    # the caste's table says nothing of a farm
    src = "The roosters eat at a separate table."
    assert "error" in severities(g, "de", src, "Die Gockel essen an einem separaten Tisch.", "petukh")


def test_names_and_word_stems_in_definitions_do_not_make_a_topic(g, monkeypatch):
    # (the topic rule's readings: the learnt decision, which reads the first as everyday prose at p 0.32 since its
    # retraining on 29 sets — *found*, *retinal*, *unit* — and the next two as below, is measured on the
    # labelled sets, not here)
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    # a colony's WordNet senses speak of the “United States” and a “dependency”: neither a medical unit nor
    # “depending” is another sense
    src = "Doctors found a retinal detachment, but the colony's medical unit has refused to send him to a hospital."
    dst = "Врачи обнаружили отслоение сетчатки, но медчасть лагеря отказалась отправить его в больницу."
    assert severities(g, "ru", src, dst, "ik") == ["error"]
    # one common noun of a definition (“settle far from *home*”) is no topic; nor an example's (“a pot of *money*”)
    # (the topic rule's readings: the learnt decision, which reads the first as everyday prose at its threshold,
    # p 0.35 since the tenth session's retraining, and the second at p 0.5–0.6 — *tea*, *hole* — is measured on
    # the labelled sets, heldout10's rows, not here)
    src = "He has spent four winters in the colony and says the worst thing is the silence from home."
    dst = "Il a passé quatre hivers en prison et dit que le pire, c'est le silence de la maison."
    assert severities(g, "fr", src, dst, "ik") == ["error"]
    src = "Money from the common pot paid for tea for those in the hole."
    dst = "На деньги из общего котла покупали чай тем, кто сидел в карцере."
    assert severities(g, "ru", src, dst, "obshchak") == ["error"]
    monkeypatch.delenv("TAMIZDAT_SENSE_MODEL")
    # nor a neighbour whose definition names a common synonym of another sense: man is “the generic use of the
    # *word* …”, and *word* is also parole's promise
    src = "In the documentary, an old man waiting for parole writes to his daughter every week."
    dst = "Dans le documentaire, un vieil homme qui attend sa sortie écrit chaque semaine à sa fille."
    assert severities(g, "fr", src, dst, "udo") == ["error"]


def test_a_finding_is_a_question_even_where_the_source_was_read_before_for_a_translation_without_findings(g):
    # (the topic and learnt readings are deferred until a translation has findings: source_reading.py)
    src = "Passengers for Vladivostok make a transfer at Irkutsk, where the express waits forty minutes."
    glossary = without_conditions(load_glossary(GLOSSARY))
    assert findings(glossary, "de", src, "Reisende nach Wladiwostok haben eine Überstellung in Irkutsk.", "etap") == []
    (severity, message), = findings(glossary, "ru", src, "Пассажиры до Владивостока пересаживаются в Иркутске.",
                                    "etap")
    assert severity == "warning" and "“Passengers”" in message
    fresh = without_conditions(load_glossary(GLOSSARY))
    assert findings(fresh, "ru", src, "Пассажиры до Владивостока пересаживаются в Иркутске.", "etap") == [
        (severity, message)]


@pytest.mark.parametrize("src, dst", [
    ("Put the address on the parcel in block letters, and the postcode under it.",
     "Écris l'adresse sur le paquet en majuscules, et le code postal en dessous."),
    ("The parcel got through on Friday: pears, gloves, coffee and two candles.",
     "Le paquet est passé vendredi : des poires, des gants, du café et deux bougies."),
])
def test_a_sense_named_by_the_concepts_other_term_is_no_other_topic(g, src, dst):
    # “care package” is a term of the parcel's concept, and WordNet's “a wrapped container” is a package: that
    # sense is the glossary's own parcel, so an address or a pair of gloves says nothing against it.
    from pipeline.glossary.topic import other_senses, topic_senses

    hit = next(h for h in g.find(src, "en") if h.concept.id == "peredacha")
    wrapped = [o for o in other_senses(g, hit) if wordnet.definition(o) == "a wrapped container"]
    assert wrapped and not set(wrapped) & set(topic_senses(g, hit))
    assert not any("a wrapped container" in message for _s, message in findings(g, "fr", src, dst, "peredacha"))
