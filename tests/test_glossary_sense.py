"""The glossary check on real prose: occurrences, senses, negation and quotes, overlaps, word formation,
invisible and look-alike characters, accepted exceptions; and its figures on the labelled sentence pairs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


import pytest

from conftest import run_cli
from glossary_findings import severities
from pipeline.checks import check_catalog, glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.checks.accept import accept_line
from pipeline.jobs.files import load_po
from pipeline.glossary import load_glossary, parse_glossary
from pipeline.glossary.tbx import dumps as tbx_dumps
from pipeline.glossary.tbx import parse_tbx
from pipeline.glossary.toml_format import dumps as toml_dumps

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"
SHY = "\u00ad"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def errors(g, lang: str, src: str, dst: str) -> dict[str, list[str]]:
    """Concept id -> the error checks reported for it."""
    out: dict[str, list[str]] = {}
    for check, severity, _message, term in glossary_checks.check(Checked(src, dst), Context(lang, g)):
        if severity == "error":
            out.setdefault(g.concept_for_term(term).id, []).append(check)
    return out


def findings(g, lang, src, dst):
    return [(c, s, m) for c, s, m, _t in glossary_checks.check(Checked(src, dst), Context(lang, g))]


def test_each_occurrence_needs_its_own_rendering(g):
    src = "He was moved from one colony to another colony without notice."
    wrong = findings(g, "ru", src, "Его без предупреждения перевели из одной колонии в другой лагерь.")
    assert [(c, s) for c, s, _m in wrong] == [("glossary-missing", "error")]
    assert "occurs 2 times in the source" in wrong[0][2] and "“колонии”" in wrong[0][2]
    assert errors(g, "ru", src, "Его без предупреждения перевели из одной колонии в другую колонию.") == {}
    # A name may be replaced by a pronoun.
    assert errors(g, "de", "Miftakhov was sent to Omutninsk; Miftakhov's wife followed him.",
                  "Miftachow wurde nach Omutninsk gebracht; seine Frau folgte ihm.") == {}


def test_source_homonyms_demand_nothing(g):
    assert errors(g, "ru", "The court received a parcel of documents from the defence.",
                  "Суд получил от защиты пакет документов.") == {}
    assert errors(g, "ru", "His mother brought a parcel to the colony, but it was refused.",
                  "Мать привезла в колонию подарок, но его не приняли.") == {"peredacha": ["glossary-missing"]}
    assert errors(g, "de", "Stolypin's land reform is still debated by historians.",
                  "Stolypins Agrarreform wird von Historikern bis heute diskutiert.") == {}
    novel = findings(g, "fr", "In Tolstoy's novel the muzhiks mow the hay while the landowner watches.",
                     "Dans le roman de Tolstoï, les paysans fauchent le foin sous le regard du propriétaire.")
    assert [(c, s) for c, s, _m in novel] == [("glossary-forbidden", "warning")]
    assert "another sense" in novel[0][2]   # the want of a prison context, or "mow" next to it


def test_glossary_neighbours_of_everyday_senses(g):
    # Senses a glossary editor marks with not_near on the concept or the one term: the classics'
    # peasants, a hospital's Covid ward, a party's common fund, a ship's mast -- even in a prison sentence.
    assert errors(g, "de", "In the SIZO library he found a Turgenev story about muzhiks and their landowner.",
                  "In der Bibliothek des SIZO fand er eine Erzählung Turgenjews über Bauern und ihren Gutsherrn.") == {}
    assert errors(g, "fr", "After his arrest he was taken to the colony, then to the coronavirus red zone of the town hospital.",
                  "Après son arrestation, il a été conduit à la colonie, puis dans la zone covid de l'hôpital de la ville.") == {}
    assert errors(g, "ru", "The colony's censors read that the party's common fund had paid for his lawyer.",
                  "Цензоры колонии прочли, что адвоката оплатила общая касса партии.") == {}
    assert errors(g, "de", "From the colony yard one sees the mast of a ship on the river.",
                  "Vom Hof der Kolonie sieht man den Mast eines Schiffes auf dem Fluss.") == {}
    # the prison sense beside them is still demanded
    assert errors(g, "ru", "In the colony the muzhiks paid into the common fund every month.",
                  "В колонии мужики каждый месяц платили в общую кассу.") == {"obshchak": ["glossary-missing"]}


def test_approved_word_in_another_sense_does_not_count(g):
    src = "At this stage of the case, his lawyer learned that the transfer had already begun."
    assert errors(g, "ru", src, "На этом этапе дела адвокат узнал, что перевозка уже началась.") == {
        "etap": ["glossary-missing"]}
    assert errors(g, "ru", src, "На этом этапе дела адвокат узнал, что этап уже начался.") == {}
    assert errors(g, "ru", "After the police raids on activists' homes, he faced a cell search every night.",
                  "После обысков у активистов его каждую ночь проверяли в камере.") == {"obysk": ["glossary-missing"]}


def test_negation_and_quotation_mirroring_the_source_are_warnings(g):
    negated = findings(g, "fr", "The overseer is not a guard but a prisoner chosen by the thieves in law.",
                       "Le smotriachtchi n'est pas un gardien mais un détenu choisi par les voleurs dans la loi.")
    assert [(c, s) for c, s, _m in negated] == [("glossary-forbidden", "warning")]
    assert "negated, as in the source" in negated[0][2]
    assert errors(g, "fr", "The overseer guarded the common fund.", "Le gardien surveillait la caisse commune.") == {
        "smotryashchy": ["glossary-missing", "glossary-forbidden"]}
    quoted = findings(g, "ru", "He was downgraded, and the guards shouted “faggot” at him.",
                      "Его перевели в «опущенные», и охранники кричали ему «пидор».")
    assert [(c, s) for c, s, _m in quoted] == [("glossary-forbidden", "warning")]
    # The source quotes the caste word itself: a slur in those quotes is the translation of it.
    assert errors(g, "ru", "The “roosters” eat at a separate table.", "«Пидоры» едят за отдельным столом.") == {
        "petukh": ["glossary-missing", "glossary-forbidden"]}


def test_overlapping_concepts_resolved_by_source_and_longest_match(g):
    assert errors(g, "ru", "From the prison van he was pushed into the Stolypin carriage.",
                  "Из автозака его затолкали в столыпинский вагон.") == {}
    assert errors(g, "ru", "The Stolypin carriage waited at the station; the prison van was late.",
                  "Автозак ждал на станции; второй автозак опаздывал.") == {
        "stolypin": ["glossary-missing", "glossary-forbidden"]}
    assert errors(g, "fr", "He spent two days in the IVS before he was taken to the SIZO.",
                  "Il a passé deux jours en cellule de garde à vue avant d'être conduit au centre de détention "
                  "provisoire.") == {}
    assert errors(g, "fr", "He spent two days in the IVS.", "Il a passé deux jours en détention provisoire.") == {
        "ivs": ["glossary-missing", "glossary-forbidden"]}


@pytest.mark.parametrize("lang,src,dst", [
    ("ru", "The court sentenced the political prisoner Maria.", "Суд приговорил политзаключённую Марию."),
    ("ru", "The “rooster” table stands by the door.", "«Петушиный» стол стоит у двери."),
    ("ru", "His mother handed in a small parcel at the SIZO.", "Мать отдала в СИЗО маленькую передачку."),
    ("ru", "He still speaks the zek slang.", "Он до сих пор говорит на зэковском жаргоне."),
    ("de", "The penal colony administration refused.", "Die Strafkolonieverwaltung weigerte sich."),
    ("de", "The etap took three weeks.", "Der Etappentransport dauerte drei Wochen."),
    ("de", "Conditions in the women's penal colony are harsh.", "In der Frauenstrafkolonie ist es hart."),
    # a compound of two terms renders both: the special regime and the colony
    ("de", "He was moved to a special regime colony near Vorkuta.", "Er kam in eine Sonderregimekolonie bei Workuta."),
    # the term inside a compound of three (a compound modifier ending in it)
    ("de", "The women's colony administration refused.", "Die Frauenstrafkolonieleitung weigerte sich."),
    ("ru", "He was placed in the punishment cell.", f"Его поместили в штраф{SHY}ной изо{SHY}лятор."),
    ("de", "He was placed in the punishment cell.", f"Er kam in die Straf{SHY}zelle."),
    ("ru", "He was beaten in a press-khata.", "Его избили в пресс-хaте."),  # Latin a in the translation
])
def test_forms_compounds_soft_hyphens_and_lookalikes_are_recognised(g, lang, src, dst):
    assert errors(g, lang, src, dst) == {}


def test_lookalike_letters_in_the_source_do_not_hide_a_term(g):
    src = "He was sent to the penal \u0441olony in Omutninsk."  # Cyrillic с
    assert errors(g, "ru", src, "Его отправили в лагерь в Омутнинске.") == {"ik": ["glossary-missing"]}
    assert errors(g, "ru", "The F\u0405IN refused.", "Служба отказалась.") == {"fsin": ["glossary-missing"]}


def test_a_mixed_word_meets_what_the_word_in_its_own_script_meets(g):
    # (the matcher tests such a word's first letters as its own script's: match.Index._find)
    assert g.find("Он так и написал: «trаnsfer оf thе рrisоnеr».", "ru") == []  # Cyrillic а, о, е, р in English
    assert [h.concept.id for h in g.find("Через неделю его отправили на этaп.", "ru")] == ["etap"]  # a Latin a


def test_forbidden_words_inside_compounds_or_derived_words_are_not_reported(g):
    assert errors(g, "de", "The muzhiks kept a bird in the barracks.",
                  "Die Muschiks hielten in der Baracke einen Vogel im Vogelbauer.") == {}
    assert errors(g, "fr", "The thieves in law sponsored the prison school.",
                  "Les voleurs dans la loi ont parrainé l'école de la prison.") == {}
    # A derivation counts as a rendering but does not name a concept by itself.
    assert not [h for h in g.find("Петушиный бой запрещён.", "ru") if h.concept.id == "petukh"]


PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

{comment}#: a.html:1
msgid "The “roosters” sleep by the door."
msgstr "{msgstr}"
"""


def test_accepted_finding_is_silent_until_the_text_changes(tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO.format(comment="", msgstr="«Пидоры» спят у двери."), encoding="utf-8")
    first = run_cli("check", po, "--glossary", GLOSSARY, "--format", "json")
    import json

    data = json.loads(first.stdout)
    assert first.returncode == 1 and {d["check"] for d in data} == {"glossary-missing", "glossary-forbidden"}
    accept = data[0]["accept"]
    assert accept.startswith("tamizdat-accept: petukh ")
    po.write_text(PO.format(comment=f"# {accept}\n", msgstr="«Пидоры» спят у двери."), encoding="utf-8")
    # GNU gettext keeps the translator comment (msgmerge and msgcat read it as such).
    assert f"# {accept}" in subprocess.run(["msgcat", str(po)], capture_output=True, text=True, check=True).stdout
    r = run_cli("check", po, "--glossary", GLOSSARY, "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
    po.write_text(PO.format(comment=f"# {accept}\n", msgstr="«Пидоры» спят у самой двери."), encoding="utf-8")
    again = json.loads(run_cli("check", po, "--glossary", GLOSSARY, "--format", "json").stdout)
    assert again and all("accepted for an earlier text" in d["message"] for d in again)
    # An acceptance names one concept: another concept's finding in the entry is still reported.
    po.write_text(PO.format(comment="", msgstr="«Пидоры» спят у двери.").replace(
        "sleep by the door.", "sleep by the door in the SIZO."), encoding="utf-8")
    entry = load_po(po)[0]
    po.write_text(PO.format(comment=f"# {accept_line('petukh', entry)}\n", msgstr="«Пидоры» спят у двери.").replace(
        "sleep by the door.", "sleep by the door in the SIZO."), encoding="utf-8")
    found = check_catalog(load_po(po), str(po), load_glossary(GLOSSARY), "ru")
    assert [(f.check, f.term) for f in found] == [("glossary-missing", "SIZO")]


def test_sense_conditions_in_toml_and_tbx():
    text = """source_language = "en"
prison_words = ["prison", "cell"]

[[concept]]
id = "peredacha"
terms = ["food parcel", { term = "parcel", prison_only = true, context = ["mother"] }]
not_context = ["land"]
context = ["hand in"]
prison_only = true

[concept.ru]
preferred = "передача"
exclude = ["передача дела"]
"""
    g = parse_glossary(text, "g.toml")
    c = g.concepts[0]
    assert g.prison_words == ["prison", "cell"] and c.prison_only and c.not_context == ["land"]
    assert c.terms[1].prison_only and c.terms[1].context == ["mother"] and c.langs["ru"].exclude == ["передача дела"]
    assert parse_tbx(tbx_dumps(g), "g.tbx") == g
    assert parse_glossary(toml_dumps(g), "g.toml") == g
    with pytest.raises(Exception, match="unknown key 'context_words'"):
        parse_glossary(text.replace("context = [\"mother\"]", "context_words = [\"mother\"]"), "g.toml")


def test_labelled_pairs_figures():
    """Regression guard on the figures docs/glossary.md reports (bench/glossary_quality.py prints them)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import glossary_quality as q

    g = load_glossary(GLOSSARY)
    # (heldout2: 17 of its 18 violations since the model's retraining on 29 sets makes a sentence with no context,
    # “The caste rules are strict.”, a question, as its leave-one-set-out fold already did: recall 0.94)
    for part, floor in (("tune", 0.95), ("heldout", 0.95), ("heldout2", 0.94)):
        counts, _misses = q.score(g, q.read_pairs(q.PARTS[part]))
        p, r = q.pr(q.summarise(counts)["all"])
        assert p >= floor and r >= floor, (part, p, r)


def test_everyday_sense_of_an_approved_word_is_told_by_its_complement(g):
    """этап / Etappe / étape heading an of-complement (a stage *of the hunger strike*) is not the transfer;
    the glossary's own exclude phrases show which approved words have such a sense."""
    src = "In the second stage of the hunger strike he was put on an etap."
    assert errors(g, "ru", src, "На втором этапе голодовки его перевели в другую камеру.") == {"etap": ["glossary-missing"]}
    assert errors(g, "ru", src, "На втором этапе голодовки его отправили по этапу.") == {}
    assert errors(g, "fr", src, "À la deuxième étape de la grève de la faim, il a été déplacé.") == {"etap": ["glossary-missing"]}
    assert errors(g, "de", src, "In der zweiten Phase des Hungerstreiks wurde er auf Etappe geschickt.") == {}
    # A person after the word is the prisoners' transfer, not a stage.
    assert errors(g, "ru", "The etap of the prisoners took a week.", "Этап заключённых занял неделю.") == {}
    # обыск's everyday sense is not marked by a complement in the glossary: a search of bunks is a search.
    assert errors(g, "ru", "The guards' search of his bunk turned up a pen.", "При обыске его нар охранники нашли ручку.") == {}


def test_unquoted_source_word_claims_the_unquoted_rendering(g):
    src = "Opposition activists picketed the colony where the “activists” had beaten him."
    assert errors(g, "ru", src, "Оппозиционные активисты пикетировали колонию, где его избили заключённые.") == {"aktivist": ["glossary-missing"]}
    assert errors(g, "ru", src, "Оппозиционные активисты пикетировали колонию, где его избили «активисты».") == {}
    assert errors(g, "fr", src, "Des militants de l'opposition ont manifesté devant la colonie où les « activistes » l'avaient battu.") == {}


def test_a_pronoun_or_a_noun_left_out_may_stand_for_a_repeat(g):
    """The shortfall is then a warning that says so, not an error; a wrong noun stays an error."""
    src = "The parcel arrived at the SIZO, but the guards sent the parcel back."
    found = glossary_checks.check(Checked(src, "Передача пришла в СИЗО, но охрана вернула её."), Context("ru", g))
    assert [(p.check, p.severity) for p in found] == [("glossary-missing", "warning")]
    assert "pronoun" in found[0].message
    src = "The first transfer was in March, the second transfer in May."
    assert errors(g, "de", src, "Die erste Überstellung war im März, die zweite im Mai.") == {}
    assert errors(g, "fr", src, "Le premier transfert a eu lieu en mars, le second en mai.") == {}
    assert errors(g, "ru", src, "Первый этап был в марте, второй — в мае.") == {}
    assert errors(g, "ru", src, "Первый этап был в марте, вторая поездка — в мае.") == {"etap": ["glossary-missing"]}


def test_prison_context_from_the_glossary_and_the_translation(g):
    # "section" and "work" are words the glossary's definitions use: two of them make the context.
    src = "The muzhiks in his section worked at the sawmill."
    assert errors(g, "de", src, "Die Bauern in seiner Abteilung arbeiteten im Sägewerk.") == {"muzhik": ["glossary-missing", "glossary-forbidden"]}
    # A parcel *of land* is another sense even beside a colony; a verb is not a noun term.
    src = "The parcels of land around the colony belong to a farming company."
    assert errors(g, "fr", src, "Les parcelles autour de la colonie appartiennent à une entreprise agricole.") == {}
    assert errors(g, "de", "A police squad searched the journalist's flat at dawn.",
                  "Im Morgengrauen durchsuchte eine Polizeieinheit die Wohnung des Journalisten.") == {}
    # A neutral source whose translation uses the approved term must render every occurrence.
    src = "One long visit was cancelled, and the next long visit too."
    assert errors(g, "de", src, "Ein Langzeitbesuch wurde abgesagt und auch das nächste Treffen.") == {"long-visit": ["glossary-missing"]}


def test_two_variants_close_together_are_one_thing_unless_far_apart(g):
    """“downgraded” to the “roosters” is one idea; the penal colony in Kirov and a colony in Perm are two."""
    src = "He was moved from the penal colony in Kirov to a colony in Perm."
    assert errors(g, "ru", src, "Его перевели из исправительной колонии в Кирове в лагерь в Перми.") == {"ik": ["glossary-missing"]}
    assert errors(g, "ru", src, "Его перевели из исправительной колонии в Кирове в колонию в Перми.") == {}
    assert errors(g, "ru", "He was downgraded and put among the “roosters”.", "Его «опустили» и перевели к «опущенным».") == {}


def test_case_handed_to_court_is_not_a_parcel(g):
    # «передача дела» (a case handed to court) is another sense of the approved word, in any case form
    assert errors(g, "ru", "His mother said the SIZO refused her parcel a week before the case went to court.",
                  "Мать рассказала, что СИЗО не принял её подарок за неделю до передачи дела в суд.") == {
        "peredacha": ["glossary-missing"]}
    assert errors(g, "ru", "His mother said the SIZO refused her parcel a week before the case went to court.",
                  "Мать рассказала, что СИЗО не принял её передачу за неделю до передачи дела в суд.") == {}


def test_a_forbidden_word_approved_for_another_thing_in_a_sentence_without_its_concept(g):
    # the second sentence renders “on remand” (the SIZO's pre-trial detention), not the IVS of the first
    src = "After his arrest he spent three days in the IVS; since March he has been held on remand in Kazan."
    dst = ("Après son arrestation, il a passé trois jours à l'IVS ; depuis mars, il est en détention provisoire "
           "à Kazan.")
    [(check, severity, message)] = findings(g, "fr", src, dst)
    assert (check, severity) == ("glossary-forbidden", "warning")
    assert "approved for “SIZO”, in a sentence whose source sentence does not name “IVS”" in message
    # in the IVS's own sentence it is the wrong word for it
    dst = "Après son arrestation, il a passé trois jours en détention provisoire ; depuis mars, il est à Kazan."
    assert errors(g, "fr", src, dst) == {"ivs": ["glossary-missing", "glossary-forbidden"]}


def test_a_forbidden_word_approved_for_another_thing_where_its_concept_has_its_rendering(g):
    # the IVS has « cellule de garde à vue »: « détention provisoire » is the SIZO's (or the remand's) word
    src = "He has been behind bars for a year and a half, first in the IVS and then in the SIZO."
    dst = ("Il est derrière les barreaux depuis un an et demi, d'abord en cellule de garde à vue, puis en détention "
           "provisoire.")
    [(check, severity, message)] = findings(g, "fr", src, dst)
    assert (check, severity) == ("glossary-forbidden", "warning")
    assert "every “IVS” of the source has its own rendering" in message
    src = "He had been held for two days in the IVS before the court remanded him in custody."
    assert errors(g, "fr", src, "Il avait passé deux jours en cellule de garde à vue avant que le tribunal ne le "
                                "place en détention provisoire.") == {}
    # without the IVS's own rendering it is the wrong word for it
    assert errors(g, "fr", src, "Il avait passé deux jours en détention provisoire avant que le tribunal ne le "
                                "place en détention.") == {"ivs": ["glossary-missing", "glossary-forbidden"]}


@pytest.mark.parametrize("dst, found", [
    # the SIZO the source names has its own « le SIZO »: « la détention provisoire » renders no SIZO, and stands
    # for the IVS's police custody, the IVS's wrong word
    ("Les avocats confondent sans cesse l'IVS et le SIZO, mais l'IVS, c'est la détention provisoire des deux "
     "premiers jours.", ["error"]),
    # where it is the SIZO's only rendering, it renders the SIZO
    ("Les avocats confondent sans cesse l'IVS et la détention provisoire, mais l'IVS, c'est la garde à vue des "
     "deux premiers jours.", []),
])
def test_a_forbidden_word_approved_for_a_named_thing_rendered_apart_renders_nothing_of_it(g, dst, found):
    src = "Lawyers keep mixing up the IVS and the SIZO, but the IVS is police custody for the first two days."
    assert [s for c, s, _m in findings(g, "fr", src, dst) if c == "glossary-forbidden"] == found


@pytest.mark.parametrize("src, dst, why", [
    # a French negation frames the auxiliary: « n'a jamais été un » is negated as « n'est pas un »
    ("The overseer has never been a guard but a prisoner chosen by the thieves in law.",
     "Le smotriachtchi n'a jamais été un gardien mais un détenu choisi par les voleurs dans la loi.",
     "negated, as in the source"),
    # straight single quotes in the source are quotation marks (not the apostrophe of don't or prisoners')
    ("The prisoners' wives called him a 'godfather', but he was a thief in law.",
     "Les épouses des détenus l'appelaient un « parrain », mais c'était un voleur dans la loi.",
     "quoted, as the source quotes another word"),
])
def test_negation_and_quotes_the_source_writes_plainly(g, src, dst, why):
    [(check, severity, message)] = findings(g, "fr", src, dst)
    assert (check, severity) == ("glossary-forbidden", "warning") and why in message


def test_a_question_the_source_answers_no_is_a_negation(g):
    # the translation asks what the source asks, and both answer “no”: the forbidden word is denied, as negated
    src = "Is the overseer a guard? No, he is a prisoner chosen by the thieves."
    [(check, severity, message)] = findings(g, "de", src, "Ist der Smotrjaschtschi ein Aufseher? Nein, er ist ein "
                                                          "Gefangener, den die Diebe wählen.")
    assert (check, severity) == ("glossary-forbidden", "warning") and "answered “no”" in message
    # answered “yes” in the translation, or asked without an answer in the source, it is the wrong word (asked of a
    # thief: „Aufseher“ means a prison officer, so asked of a guard it translates the guard — reason_words.py)
    thief = "Is the overseer a thief? No, he is a prisoner chosen by the thieves."
    assert errors(g, "de", thief, "Ist der Smotrjaschtschi ein Aufseher? Ja, er ist ein Beamter.") == {
        "smotryashchy": ["glossary-forbidden"]}
    assert errors(g, "de", "Is the overseer a thief, as the prisoners say?", "Ist der Smotrjaschtschi ein Aufseher? "
                  "Nein, sagen die Häftlinge.") == {"smotryashchy": ["glossary-forbidden"]}


@pytest.mark.parametrize("dst, wrong", [
    # «автозак» is forbidden for the carriage because it is the prison van's word: a prison reading, the wrong one
    ("Автозак четыре дня полз на восток.", True),
    ("Столыпинский вагон четыре дня полз на восток.", False),
    # a plain train says nothing of which sense the translator read
    ("Поезд четыре дня полз на восток.", False),
])
def test_another_concepts_prison_word_reads_a_term_without_a_prison_cue_in_the_prison_sense(g, dst, wrong):
    src = "The Stolypin crawled east for four days."
    assert ("stolypin" in errors(g, "ru", src, dst)) == wrong


@pytest.mark.parametrize("lang, dst, found", [
    # the source's “no one” belongs to another clause: the translator's own “not peasants” gloss is no mirror
    ("de", "In der Baracke sind fast alle „Muschiks“ – keine Bauern, sondern Männer, die ihre Norm erfüllen; niemand "
           "fragt sie nach ihrer Meinung.", {"muzhik": ["glossary-forbidden"]}),
    ("fr", "Dans la baraque, presque tous sont des « moujiks », pas des paysans mais des hommes qui remplissent leur "
           "norme ; personne ne leur demande leur avis.", {"muzhik": ["glossary-forbidden"]}),
])
def test_a_negation_in_another_clause_of_the_source_mirrors_nothing(g, lang, dst, found):
    src = "In the barracks almost everyone is a muzhik, a man who meets his quota; no one asks their opinion."
    assert errors(g, lang, src, dst) == found


def test_a_negation_in_the_terms_clause_is_mirrored(g):
    src = "In the barracks almost everyone is a muzhik, not a thief; the guards leave them alone."
    dst = "In der Baracke ist fast jeder ein Muschik, kein Bauer; die Wärter lassen sie in Ruhe."
    assert errors(g, "de", src, dst) == {}


@pytest.mark.parametrize("dst, found", [
    # « gardien » stands where the overseer is named, not where the source's guards are: it renders the overseer,
    # wrongly, though a dictionary translates “guard” so
    ("Le gardien de notre baraque, lui-même détenu, règle chaque querelle avant que les surveillants l'apprennent.",
     {"smotryashchy": ["glossary-missing", "glossary-forbidden"]}),
    # where the guards are, it is the guards' word
    ("Le smotriachtchi de notre baraque, lui-même détenu, règle chaque querelle avant que les gardiens l'apprennent.",
     {}),
])
def test_a_forbidden_word_where_the_term_is_renders_the_term_not_a_dictionary_word(g, dst, found):
    src = "The overseer of our barracks, a prisoner himself, settles every quarrel before the guards hear of it."
    assert errors(g, "fr", src, dst) == found


@pytest.mark.parametrize("lang, dst, found", [
    # the glossary writes “Stolypin carriage” itself: a capital Stolypin is the eponym's, not a name's question
    ("de", "Nach dem Urteil brachte uns der Gefangenentransporter neun Tage lang nach Osten, und die Wachen zählten "
           "uns bei jedem Halt.", {"stolypin": ["glossary-missing", "glossary-forbidden"]}),
    ("ru", "После приговора автозак девять дней вёз нас на восток, и конвой пересчитывал нас на каждой остановке.",
     {"stolypin": ["glossary-missing", "glossary-forbidden"]}),
    ("de", "Nach dem Urteil brachte uns der Stolypin-Waggon neun Tage lang nach Osten, und die Wachen zählten uns bei "
           "jedem Halt.", {}),
])
def test_an_eponym_the_glossary_capitalises_is_no_name_when_capitalised(g, lang, dst, found):
    src = "After the verdict the Stolypin took us east for nine days, with the convoy guards counting us at every stop."
    assert errors(g, lang, src, dst) == found


@pytest.mark.parametrize("src, dst, found", [
    # the longest match reads “a strict-regime colony” as the regime's term, but the source names a colony too: a
    # word forbidden for the colony is an error there, as where the source says “colony” alone
    ("She was sentenced to four years in a strict-regime colony in Mordovia.",
     "Sie wurde zu vier Jahren Arbeitslager mit strengem Regime in Mordwinien verurteilt.", {"ik": ["glossary-forbidden"]}),
    ("She was sentenced to four years in a strict-regime colony in Mordovia.",
     "Sie wurde zu vier Jahren in einer Kolonie mit strengem Regime in Mordwinien verurteilt.", {}),
    # the source names the regime alone: the forbidden word says something it does not (a warning at most)
    ("After the hearing he spent four years under the strict regime.",
     "Nach der Verhandlung verbrachte er vier Jahre im Arbeitslager mit strengem Regime.", {}),
])
def test_a_word_forbidden_for_a_term_inside_a_longer_term(g, src, dst, found):
    assert errors(g, "de", src, dst) == found


def test_a_negation_in_a_clause_whose_subject_is_a_pronoun_for_the_term_is_mirrored(g):
    # “he” goes on speaking of the overseer: the translation's „kein Aufseher“ mirrors the source's “not a guard”
    src = "The overseer of our block is a prisoner; he is not a guard."
    assert errors(g, "de", src, "Der Smotrjaschtschi unseres Blocks ist ein Häftling; er ist kein Aufseher.") == {}


@pytest.mark.parametrize("lang, src, dst, wrong", [
    # the source quotes the slur to deny it, and the translation quotes and denies its calque: the forbidden word's
    # own warning says so, and the want of the approved word is that same fact, not a second error
    ("de", 'She was never a "kozel", whatever the officers claimed.', "Sie war nie eine „Ziege“, was auch immer die "
     "Beamten behaupteten.", False),
    ("fr", "He is not a “kozel”: he only sweeps the yard.", "Ce n'est pas une « chèvre » : il balaie seulement la cour.",
     False),
    # quoted without a denial, or denied without quotes, the calque stands for the slur: an error
    ("de", 'They called her a "kozel" behind her back.', "Hinter ihrem Rücken nannten sie sie eine „Ziege“.", True),
    ("de", "She was never a kozel, whatever the officers claimed.", "Sie war nie eine Ziege, was auch immer die "
     "Beamten behaupteten.", True),
])
def test_a_quoted_and_denied_calque_is_the_occurrences_rendering(g, lang, src, dst, wrong):
    assert ("glossary-missing" in errors(g, lang, src, dst).get("aktivist", [])) == wrong


@pytest.mark.parametrize("lang, dst, severity", [
    # the second search is at a flat, a place the glossary's own Russian exclusions name (обыск в квартире): a
    # police raid, another event, so the translator's « perquisition » leaves nothing wanting
    ("fr", "Au parloir, il a raconté la fouille de sa cellule, puis la perquisition dans l'appartement de sa sœur.",
     []),
    ("de", "Im Besuchsraum erzählte er von der Durchsuchung seiner Zelle und dann von der Razzia in der Wohnung seiner "
           "Schwester.", []),
])
def test_a_search_at_a_place_the_exclusions_name_is_another_event(g, lang, dst, severity):
    src = "In the visiting room he described the search of his cell, then the search in his sister's flat."
    assert severities(g, lang, src, dst, "obysk") == severity


def test_a_search_at_a_place_the_exclusions_do_not_name_is_the_guards(g):
    # a gate is no place the exclusions name: the second search wants its rendering
    src = "First they searched the barracks; the second search at the gate took all night."
    dst = "Zuerst durchsuchten sie die Baracke; die zweite Kontrolle am Tor dauerte die ganze Nacht."
    assert severities(g, "de", src, dst, "obysk") == ["error"]
