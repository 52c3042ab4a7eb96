"""An everyday glossary word read in its prison sense by the balance of its sentence's words (glossary/balance.py):
the sentence shares words with the glossary's sense and none with another dictionary sense, though no prison word
stands next to it. The severities an editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require, without_conditions
from glossary_findings import findings, severities
from pipeline.glossary import load_glossary, wordnet

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def prison_only_parcel(g):
    """The bundled glossary with *parcel(s)* ``prison_only`` (as before the variant re-audit on nineteen sets, and
    again since the sixteenth session's audit on 45 sets: docs/glossary.md), whatever the bundled file says: then
    the balance of its sentence decides, and says so."""
    mine = load_glossary(GLOSSARY)  # (a fresh one: the module's is shared)
    for t in mine.get("peredacha").terms:
        if t.text in ("parcel", "parcels"):
            t.prison_only, t.reviewed = True, ""
    return mine


def test_a_prison_only_word_whose_sentence_fits_the_glossary_sense_needs_its_rendering(prison_only_parcel):
    mine = prison_only_parcel
    src = "His mother queued from six in the morning to hand in a parcel, and it was turned back because of the honey."
    dst = "Seine Mutter stand ab sechs Uhr morgens Schlange, um ein Geschenk abzugeben, und es wurde zurückgewiesen."
    (severity, message), = findings(mine, "de", src, dst, "peredacha")
    assert severity == "error"
    assert "“mother”, “hand” fit the glossary's sense of “parcel”" in message  # says why
    # the approved word satisfies it
    assert findings(mine, "de", src, dst.replace("ein Geschenk", "ein Paket"), "peredacha") == []


def test_a_word_of_the_definition_counts_as_written_not_as_its_english_base(g):
    # the definition's “(a wife, parents, children)”: wife, not the base “wif”
    src = "After a year without visits, his wife finally got a long visit."
    assert severities(g, "de", src, "Nach einem Jahr ohne Besuche bekam seine Frau endlich ein Treffen.",
                      "long-visit") == ["error"]


def test_an_everyday_word_far_from_a_prison_word_is_an_error_when_the_sentence_fits_its_prison_sense(g):
    # (the bundled *detachment* is prison_only alone since the ninth session's re-audit; an editor may give it
    # ``everyday`` too, and then the balance of its sentence decides, and says so)
    mine = load_glossary(GLOSSARY)  # (a fresh one: the module's is shared)
    for t in mine.get("otryad").terms:
        if t.text == "detachment":
            t.everyday = True
    src = "She has not seen her son since his detachment was moved to the new barracks."
    (severity, message), = findings(mine, "ru", src, "Она не видела сына с тех пор, как его бригаду перевели в новый "
                                                 "барак.", "otryad")
    assert severity == "error" and "“barracks”" in message


@pytest.mark.parametrize("lang, src, dst, cid", [
    # the word's own phrase names another thing: a visit to a museum
    ("fr", "After a long visit to the museum, the children were too tired for the zoo.",
     "Après une longue visite au musée, les enfants étaient trop fatigués pour le zoo.", "long-visit"),
    # a compound the dictionary lists as a thing of its own, in a prison sentence
    ("de", "Doctors at the prison hospital diagnosed a retinal detachment, but the colony refused to send him to "
           "an eye clinic.", "Die Ärzte im Gefängniskrankenhaus stellten eine Netzhautablösung fest, doch die "
                             "Kolonie weigerte sich, ihn in eine Augenklinik zu bringen.", "otryad"),
    # a word of the definition (a parcel “posted” to the prison) inside a compound WordNet lists: a post office
    # is a place, not the post, and no evidence
    ("fr", "The queue at the post office was so long that he gave up and kept the parcel for his niece.",
     "La file à la poste était si longue qu'il a renoncé et a gardé le paquet pour sa nièce.", "peredacha"),
    # nothing in the sentence shares a word with the glossary's sense: still only a prison-only word
    ("de", "She posted a parcel to her sister in Canada.", "Sie schickte ein Geschenk an ihre Schwester in Kanada.",
     "peredacha"),
])
def test_a_sentence_whose_words_do_not_tip_the_balance_raises_no_error(g, prison_only_parcel, lang, src, dst, cid,
                                                                       monkeypatch):
    # (the balance rule's readings: the learnt decision, which since its retraining on 29 sets promotes the parcel
    # posted to Canada at its promote 0.4 (a prison-only word counts where the model reads the prison sense), is
    # measured on the labelled sets)
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    glossary = prison_only_parcel if cid == "peredacha" else g
    assert "error" not in severities(glossary, lang, src, dst, cid)


def test_a_sense_whose_gloss_names_the_kind_of_thing_the_sentence_speaks_of_makes_a_question(g):
    # WordNet's parole is also “a promise”: the gloss's first word is the kind of thing that sense is. The rule
    # decides for a variant without a sense condition, as an editor may write “parole”; the bundled one is
    # prison_only since the thirteenth session's audit on 31 sets (none 2/5, prison_only 2/2: a gain of 6, over
    # bench/criterion.py's margin), so there the war-history sentence gets no finding at all
    src = "Captured officers were given parole after promising not to fight again until they were exchanged."
    dst = "Gefangene Offiziere wurden auf Ehrenwort freigelassen, nachdem sie versprochen hatten, nicht mehr zu kämpfen."
    assert findings(g, "de", src, dst, "udo") == []
    unconditioned = without_conditions(load_glossary(GLOSSARY))  # (conftest: why)
    (severity, message), = findings(unconditioned, "de", src, dst, "udo")
    assert severity == "warning" and "“promising”" in message and "(a promise)" in message
    # a court that refuses parole is the glossary's: still an error, conditioned or not
    src = "The court refused him parole for the third time."
    for glossary in (g, unconditioned):
        assert severities(glossary, "de", src, "Das Gericht lehnte zum dritten Mal ab.", "udo") == [
            "error"]


def test_a_name_that_is_an_english_word_inside_a_longer_name_of_english_words_is_a_question(g):
    src = "The War Memorial on the square was cleaned before Remembrance Day."
    (severity, message), = findings(g, "ru", src, "Военный мемориал на площади почистили ко Дню памяти.", "memorial")
    assert severity == "warning" and "“War Memorial” is a name made of English words" in message
    # the organisation, after a month's name opening the sentence and in a sentence about prisoners: the name
    src = "In May Memorial recognised the student as a political prisoner."
    assert severities(g, "ru", src, "В мае мемориал признал студентку политзаключённой.",
                      "memorial") == ["error"]


def test_one_of_the_commonest_nouns_is_no_evidence_for_the_glossary_sense(g):
    # “time” is the definition's too (“for the first time”), but a word of nearly every topic: the museum's general
    # security stays a question, as the other side's one common noun (“home”, “money”) tells the topic rule nothing
    src = "The museum has tightened its general security, and the queue at the door takes time."
    (severity, message), = findings(g, "de", src, "Das Museum hat seine allgemeine Sicherheit verschärft, und die "
                                    "Schlange an der Tür braucht Zeit.", "general-regime")
    assert severity == "warning" and "a question only" in message and "“time”" not in message
