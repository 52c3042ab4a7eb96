"""An everyday noun of the glossary names another thing when the nouns of its own phrase say so — a rule, not a
line of the glossary: “a transfer of the hearing”, “the fire squad”, “a cable mast” are questions (warnings that
say why), while “a transfer of prisoners”, “a food parcel”, “the night search” stay errors. None of the words
that decide here is on any ``not_near`` list of the glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import by_concept, errors, findings, severities
from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import load_glossary
from pipeline.glossary.english_pos import parts_of_speech
from pipeline.glossary.phrase import another_kind

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    return load_glossary(ROOT / "glossary" / "glossary.toml")


@pytest.mark.parametrize("cid, src, lang, dst, words", [
    ("etap", "The lawyer asked for a transfer of the hearing to Moscow, while he stayed in the SIZO.", "de",
     "Der Anwalt beantragte, die Verhandlung an ein Moskauer Gericht abzugeben, während er im Untersuchungsgefängnis blieb.",
     "transfer of … hearing"),
    ("otryad", "The colony's fire squad put out the blaze in the sewing workshop.", "fr",
     "L'équipe de pompiers de la colonie a éteint l'incendie dans l'atelier de couture.", "fire squad"),
    ("caste", "A cable mast stands beside the colony fence; the mast hums at night.", "ru",
     "У забора колонии стоит кабельная мачта; по ночам мачта гудит.", "cable mast"),
    # where it goes: a transfer to a university is no etap, even for a former prisoner
    ("etap", "After his release from the colony he applied for a transfer to a university in Kazan.", "fr",
     "Après sa sortie de la colonie, il a demandé à être admis dans une université de Kazan.", "transfer to … university"),
    # a verb term's object or passive subject: a storm is downgraded, not a prisoner
    ("petukh", "In the camp radio news, the storm was downgraded to a tropical depression.", "de",
     "In den Radionachrichten des Lagers wurde der Sturm zu einem tropischen Tief herabgestuft.", "what is “downgraded” here is “storm”"),
    ("petukh", "The guards downgraded the heating in the barracks to two hours a day.", "ru",
     "Охрана сократила отопление в бараке до двух часов в день.", "what is “downgraded” here is “heating”"),
    # what the thing holds: a parcel containing leaflets
    ("peredacha", "Investigators say he mailed a parcel containing leaflets, and he is now in a colony.", "de",
     "Laut den Ermittlern verschickte er eine Sendung mit Flugblättern, und nun sitzt er in einer Kolonie.",
     "parcel containing … leaflets"),
])
def test_a_noun_of_the_terms_own_phrase_that_names_another_thing_makes_a_question(g, cid, src, lang, dst, words):
    found = findings(g, lang, src, dst, cid)
    assert [s for s, _m in found] == ["warning"]
    assert "a question only: " in found[0][1] and words in found[0][1]


@pytest.mark.parametrize("cid, src, lang, dst", [
    ("etap", "A transfer of prisoners from Kazan reached the colony after three weeks.", "fr",
     "Un déplacement de prisonniers depuis Kazan est arrivé à la colonie au bout de trois semaines."),
    ("etap", "The long transfer to Perm took three weeks.", "de", "Die lange Reise nach Perm dauerte drei Wochen."),
    ("peredacha", "His mother brought a food parcel to the colony.", "de",
     "Seine Mutter brachte eine Tüte Essen in die Kolonie."),
    ("obysk", "The night search of the barracks turned up a phone.", "ru",
     "Ночная проверка барака обнаружила телефон."),
    # the word before is a name, an adjective or another glossary term, not a noun of another thing
    ("etap", "The Kazan transfer of the prisoners lasted nineteen days.", "fr",
     "Le voyage de Kazan des prisonniers a duré dix-neuf jours."),
    ("etap", "The transfer of Azat to Kirov took a month.", "de", "Die Reise von Asat nach Kirow dauerte einen Monat."),
    # the words of the concept's own terms: a parcel of food is a food parcel
    ("peredacha", "His mother handed in a parcel of food at the colony gate.", "ru",
     "Мать сдала пакет с едой у ворот колонии."),
    # words of time say when, not what kind
    ("obysk", "The 12-hour search of the barracks turned up nothing.", "fr",
     "La vérification de douze heures de la baraque n'a rien donné."),
    ("petukh", "In the colony he was downgraded by the other prisoners after a rumour.", "de",
     "In der Kolonie wurde er nach einem Gerücht von den anderen Gefangenen herabgesetzt."),
    # after a determiner the participle is a noun, the caste, with no object or destination of its own: “used
    # to” is not where the downgraded go
    ("petukh", "In our barracks the downgraded had to sleep by the door.", "de",
     "In unserer Baracke mussten die Homosexuellen neben der Tür schlafen."),
    ("petukh", "On transfer the downgraded used to travel in a separate cage.", "ru",
     "На этапе гомосексуалисты обычно ехали в отдельной клетке."),
])
def test_the_prison_thing_is_still_an_error(g, cid, src, lang, dst):
    assert ("error" in severities(g, lang, src, dst, cid))


def test_another_thing_in_one_phrase_says_nothing_of_the_same_word_beside_prison(g):
    # “a transfer of the case” is a question, but the second transfer, next to the colony, is the etap.
    src = "The court refused a transfer of the case to Moscow, so his transfer to the colony in Perm went ahead."
    dst = "Le tribunal a refusé de renvoyer l'affaire à Moscou ; son déplacement vers la colonie de Perm a donc eu lieu."
    assert severities(g, "fr", src, dst, "etap") == ["error"]


def test_the_lexicon_tells_nouns_from_adjectives_and_knows_no_transliterations():
    assert "NOUN" in parts_of_speech("bank") and "ADJ" not in parts_of_speech("bank")
    assert "ADJ" in parts_of_speech("long")  # a long transfer is a transfer
    assert parts_of_speech("etap") == frozenset()  # a transliteration is no English word: never prone


def test_our_reading_of_the_lexicon_file_agrees_with_the_librarys_own_lookup():
    from lemminflect import getAllLemmas

    words = ["bank", "long", "rescue", "night", "response", "transfer", "squad", "women", "downgraded", "storm",
             "university", "took", "containing", "leaflets", "a", "zzzz", "etap", "aardvark", "zygote"]
    assert {w: parts_of_speech(w) for w in words} == {w: frozenset(getAllLemmas(w)) for w in words}


@pytest.mark.parametrize("cid, src, lang, dst", [
    # the noun of a person's sex says who, as the possessive does, not another kind
    ("political-prisoner", "The list names 12 women political prisoners held in Mordovia.", "fr",
     "La liste nomme 12 femmes détenues pour raisons politiques en Mordovie."),
    # the term's own phrase goes on to the SIZO: “the gates” are the prison's, the parcel is
    ("peredacha", "Every Friday his aunt takes a food parcel to the gates of the SIZO.", "fr",
     "Chaque vendredi, sa tante apporte un sac de courses devant les portes du centre de détention provisoire."),
    # ... and the colony at its end says prison next to the everyday “long visit”, six words away
    ("long-visit", "She said that her long visit to her son in the colony was cut short.", "fr",
     "Elle a dit que sa visite à son fils dans la colonie avait été écourtée."),
])
def test_the_phrase_of_a_term_reaches_as_far_as_it_goes(g, cid, src, lang, dst):
    [(severity, _message)] = findings(g, lang, src, dst, cid)
    assert severity == "error"


@pytest.mark.parametrize("cid, src, lang, dst, words", [
    # the subject of a passive past its own prepositional phrase: the accusation, not the man it is against
    ("petukh", "After a year in the colony, the case against the two brothers was downgraded to fraud.", "de",
     "Nach einem Jahr in der Kolonie wurde das Verfahren gegen die beiden Brüder auf Betrug herabgestuft.",
     "what is “downgraded” here is “case”"),
    # the object of an active verb term that WordNet's tagged corpus never met as a person: a count of an
    # indictment, not the nobleman of the count's third sense
    ("petukh", "Before his transfer to the colony, the appeal judges downgraded the second count to hooliganism.",
     "fr", "Avant son transfert vers la colonie, les juges d'appel ont requalifié le deuxième chef en hooliganisme.",
     "what is “downgraded” here is “count”"),
    # the owner of an event or a place that is no person: an organisation's transfer, a stadium's zone
    ("etap", "The league's biggest transfer was announced on the day he left the SIZO.", "fr",
     "La plus grosse vente de joueur de la ligue a été annoncée le jour où il a quitté le centre de détention provisoire.",
     "“transfer” of “league”"),
])
def test_the_terms_arguments_that_name_another_thing_make_a_question(g, cid, src, lang, dst, words):
    found = findings(g, lang, src, dst, cid)
    assert [s for s, _m in found] == ["warning"]
    assert words in found[0][1]


@pytest.mark.parametrize("cid, src, lang, dst", [
    # a person is downgraded into the caste, whatever phrase follows the noun
    ("petukh", "In the colony the newcomer from the sixth detachment was downgraded after a rumour.", "fr",
     "Dans la colonie, le nouveau venu du sixième détachement a été humilié après une rumeur."),
    # ... and is what the caste downgrade acts on, as is a person's standing: the object and the passive's subject
    ("petukh", "In the colony the guards downgraded the newcomer after a rumour.", "de",
     "In der Kolonie haben die Wärter den Neuen nach einem Gerücht herabgesetzt."),
    ("petukh", "His status in the colony was downgraded after the rumour.", "fr",
     "Après la rumeur, son statut dans la colonie a été abaissé."),
    # a person or a name owns the glossary's thing: his mother's parcel, Azat's transfer
    ("peredacha", "In the colony, his grandmother's parcel was opened by the guards.", "de",
     "In der Kolonie öffneten die Wärter die Sendung seiner Großmutter."),
    # ... and so does a word the glossary itself writes: the relatives' family
    ("peredacha", "In the colony, his family's parcel was opened by the guards.", "fr",
     "Dans la colonie, le paquet de sa famille a été ouvert par les gardiens."),
    ("etap", "The lawyer's client heard nothing for weeks; Azat's transfer to Kirov took a month.", "ru",
     "Подзащитный адвоката неделями ничего не знал; перевозка Азата в Киров заняла месяц."),
    # ... and so does a place on the map (WordNet's noun.location), as the hospital (a building) does not
    ("sizo", "His lawyers waited for four hours at the district's detention center before they were let in.", "de",
     "Seine Anwälte warteten vier Stunden vor dem Gefängnis des Bezirks, bevor man sie hineinließ."),
])
def test_a_person_as_the_argument_keeps_the_prison_sense(g, cid, src, lang, dst):
    assert "error" in severities(g, lang, src, dst, cid)


@pytest.mark.parametrize("cid, src, lang, dst, words", [
    # where a prison-only term goes, even in a sentence about prison: a short visit to a place of another kind
    ("short-visit", "Released from the colony in May, he paid a short visit to the city library.", "de",
     "Im Mai aus der Kolonie entlassen, stattete er der Stadtbibliothek einen kurzen Abstecher ab.",
     "short visit to … city"),
    # a name before the noun says whose or where, and the FSB, a security service, is no prison thing
    ("long-visit", "After a long visit to the Kazan FSB museum, the students read the letters of camp prisoners.",
     "fr", "Après une longue excursion au musée du FSB à Kazan, les étudiants ont lu les lettres des prisonniers du camp.",
     "long visit to … museum"),
])
def test_where_a_prison_only_term_goes_can_make_it_another_thing(g, cid, src, lang, dst, words):
    found = findings(g, lang, src, dst, cid)
    assert [s for s, _m in found] == ["warning"]
    assert words in found[0][1]


@pytest.mark.parametrize("cid, src, lang, dst", [
    # a visit to someone is the relatives' visit
    ("short-visit", "His mother got a short visit to her son in March, after half a year of refusals.", "de",
     "Seine Mutter durfte ihren Sohn im März kurz sehen, nach einem halben Jahr der Absagen."),
    # a prison service's office is prison's
    ("long-visit", "Her long visit to the FSIN office in Kirov ended in a refusal.", "fr",
     "Sa longue démarche au bureau du FSIN à Kirov s'est soldée par un refus."),
])
def test_a_prison_only_term_going_to_someone_or_to_prison_stays_the_glossarys(prison_only_visits, cid, src, lang,
                                                                             dst):
    assert "error" in severities(prison_only_visits, lang, src, dst, cid)


@pytest.fixture(scope="module")
def prison_only_visits():
    """The bundled glossary with both visits prison-only, as an editor may set them: the measured conditions
    (bench/sense_conditions.py) move with the labelled data, the reading of where such a term goes does not."""
    glossary = load_glossary(ROOT / "glossary" / "glossary.toml")  # (a fresh one: conditions are read on first use)
    for cid in ("short-visit", "long-visit"):
        glossary.get(cid).prison_only = True
    return glossary


@pytest.fixture(scope="module")
def conditioned_squad():
    """The bundled glossary with *squad* ``everyday`` and ``prison_only``, as it was until the eleventh session's
    leave-one-set-out re-audit (unconditioned and reviewed since), as an editor may still set it: then what stands
    next to it decides."""
    glossary = load_glossary(ROOT / "glossary" / "glossary.toml")  # (a fresh one: conditions are read on first use)
    for t in glossary.get("otryad").terms:
        if t.text == "squad":
            t.everyday, t.prison_only, t.reviewed = True, True, ""
    return glossary


def test_a_compound_noun_of_another_thing_is_neither_the_term_nor_a_prison_cue(g, conditioned_squad):
    # the term inside a compound WordNet lists (a mast cell is a cell of the body), even beside a colony
    src = "The colony doctor says his mast cells overreact to the dust of the sewing workshop."
    found = findings(g, "de", src, "Der Arzt der Kolonie sagt, seine Mastzellen reagieren über auf den Staub der "
                                   "Nähwerkstatt.", "caste")
    assert [s for s, _m in found] == ["warning"] and "“mast cell” is a thing of its own" in found[0][1]
    # a prison word inside one (a boot camp trains recruits) says nothing of prison: the squad is the army's
    src = "After boot camp the squad was sent to the border."
    assert "error" not in severities(conditioned_squad, "ru", src, "После учебки отделение отправили на границу.",
                                     "otryad")
    # ... while a prison cell is prison's
    src = "After a week in a prison cell the squad was sent to the border."
    assert "error" in severities(conditioned_squad, "ru", src, "После недели в тюремной камере отделение отправили "
                                 "на границу.", "otryad")


@pytest.mark.parametrize("lang, dst, wrong", [
    ("de", "In der Kolonie entscheidet die Gefängnishierarchie, wer an welchem Tisch sitzen darf.", True),
    ("fr", "Dans la colonie, la hiérarchie carcérale décide qui peut s'asseoir à quelle table.", True),
    ("ru", "В колонии тюремная иерархия решает, кто за каким столом может сидеть.", True),
    ("ru", "В колонии тюремная кастовая система решает, кто за каким столом может сидеть.", False),
])
def test_a_compound_the_glossary_names_as_the_concepts_own_term_is_no_other_thing(g, lang, dst, wrong):
    # WordNet lists “caste system” (of a society by heredity), but the glossary names it a term of the prison caste:
    # the prison caste system left out is an error, not a question
    src = "In the colony the prison caste system decides who may sit at which table."
    assert ("error" in severities(g, lang, src, dst, "caste")) is wrong


def test_a_word_after_a_subject_pronoun_is_a_verb_not_a_noun_that_modifies_the_term(g):
    # “collects parcels”: she collects them, they are no kind of parcel
    src = "Now she collects parcels for prisoners in Mordovia."
    assert "error" in severities(g, "fr", src, "Aujourd'hui, elle rassemble des dons pour les détenus "
                                 "de Mordovie.", "peredacha")
    # a noun before it still names another kind of parcel (a question, not an error)
    found = findings(g, "fr", "The office sends the tax parcels to the colony in Mordovia.",
                     "Le bureau envoie les dons fiscaux à la colonie de Mordovie.", "peredacha")
    assert "error" not in [s for s, _m in found]


def test_a_phrase_reading_left_for_later_gives_the_findings_a_full_reading_gives():
    # (source_reading defers the phrase readings of a message until a translation has findings)
    from pipeline.glossary.source_reading import read_source

    src = "The lawyer asked for a transfer of the hearing to Moscow, while he stayed in the SIZO."
    bad = "Адвокат просил перенести слушание в Москву, пока он оставался в тюрьме."
    later = load_glossary(ROOT / "glossary" / "glossary.toml")
    assert glossary_checks.check(Checked(src, "Der Anwalt beantragte eine Überstellung der Verhandlung nach Moskau, "
                                              "während er im Untersuchungsgefängnis blieb."), Context("de", later)) == []
    full = load_glossary(ROOT / "glossary" / "glossary.toml")
    read_source(full, src)  # (read whole at once)
    expected = glossary_checks.check(Checked(src, bad), Context("ru", full))
    assert [(p.severity, full.concept_for_term(p.term).id) for p in expected] == [("error", "sizo"), ("warning", "etap")]
    assert glossary_checks.check(Checked(src, bad), Context("ru", later)) == expected


@pytest.mark.parametrize("src, lang, dst", [
    ("After the hunger strike he was put in the colony's fifth detachment, with the sick and the old.", "de",
     "Nach dem Hungerstreik kam er in der Kolonie in die fünfte Gruppe, zu den Kranken und Alten."),
    ("In the colony the fourth detachment sews uniforms for the police.", "fr",
     "Dans la colonie, la quatrième équipe coud des uniformes pour la police."),
])
def test_an_ordinal_numbers_the_thing_it_does_not_name_another_kind(g, src, lang, dst, monkeypatch):
    # (WordNet knows “fourth” and “fifth” as nouns too — a quarter, a bottle —; before the term an ordinal says
    # which detachment, not what kind.) This tests the phrase rule's reading, so the learnt decision is off: on its
    # own, outside any article, the hunger strike's sentence leans to everyday prose by its words (“strike”,
    # “sick”, “old”) with no concept that is only prison's, and the model reads it as such (p 0.39 everyday on 31
    # sets, 0.55 on 33: a question). That reading of a lone sentence is the model's to make, changes with every
    # retrain and is measured on the labelled sets' articles, not pinned by a test of the phrase rule.
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    found = findings(g, lang, src, dst, "otryad")
    assert [s for s, _m in found] == ["error"], found


def test_a_noun_that_is_also_an_adjective_heads_its_phrase_before_a_preposition(g):
    # “flat” may be an adjective, but no adjective stands before “in”: the searches of her flat are a police raid
    # on a home, and only the searches here need « fouille »
    src = "A zek described the searches of her flat in May and the searches here, which are rougher."
    assert findings(g, "fr", src, "Un zek a décrit les perquisitions de son appartement en mai et les "
                    "fouilles d'ici, plus brutales.", "obysk") == []
    # the searches here still need their own
    assert findings(g, "fr", src, "Un zek a décrit les perquisitions de son appartement en mai et les "
                    "perquisitions d'ici, plus brutales.", "obysk") != []


@pytest.mark.parametrize("src, lang, dst, words", [
    ("In the colony he was transferred from the dyeing shop to the boiler house.", "de",
     "In der Kolonie wurde er von der Färberei ins Kesselhaus versetzt.", "transferred from … shop"),
    ("Back from the punishment cell, she asked the warden for a transfer to the printing shop.", "ru",
     "Вернувшись из ШИЗО, она попросила начальника перевести её в типографию.", "transfer to … shop"),
])
def test_a_verbs_ing_form_before_a_noun_modifies_it_and_the_noun_heads_the_phrase(g, src, lang, dst, words):
    """An -ing form the lexicon knows only as a verb, right before a noun, modifies that noun (the dyeing shop,
    the printing shop) as an adjective does: the noun it modifies says where the transfer goes."""
    found = findings(g, lang, src, dst, "etap")
    assert [s for s, _m in found] == ["warning"] and words in found[0][1]


def test_an_ing_verb_that_ends_the_phrase_keeps_the_prison_sense(g):
    # (the -ing verb is the clause's own, not a modifier: the transfer to Perm is the glossary's)
    src = "His transfer to Perm, starting on Monday, will take two weeks."
    assert severities(g, "de", src, "Seine Verlegung nach Perm beginnt am Montag.", "etap") == []
    found = findings(g, "fr", src, "Son voyage à Perm, qui commence lundi, durera deux semaines.", "etap")
    assert [s for s, _m in found] == ["error"]


def test_a_noun_the_lexicon_lacks_but_wordnet_knows_heads_the_phrase(g):
    """A compound the English lexicon lacks (a pawnshop, a boathouse) is still a noun, by WordNet: it names what the
    search is of and where the transfer goes. A number WordNet knows (twenty) still says how much, not what of."""
    src = "Officers made a search of the pawnshop on Lenin Street, the colony's press office said."
    assert by_concept(g, "ru", src, "Полицейские осмотрели ломбард на улице Ленина, сообщила пресс-служба колонии.") == {}
    src = "In the colony he asked for a transfer to the boathouse by the river."
    found = findings(g, "de", src, "In der Kolonie bat er, ins Bootshaus am Fluss versetzt zu werden.", "etap")
    assert [s for s, _m in found] == ["warning"] and "transfer to … boathouse" in found[0][1]
    src = "In the colony we may receive a parcel of twenty kilograms every two months."
    hits = g.find(src, "en")
    parcel = next(h for h in hits if h.concept.id == "peredacha")
    assert another_kind(g, src, parcel, hits, False) == ""


@pytest.mark.parametrize("src, lang, dst, words", [
    ("After the hunger strike he was taken for a short visit to the prison laundry to collect his bedding.", "de",
     "Nach dem Hungerstreik brachte man ihn kurz in die Gefängniswäscherei, um seine Bettwäsche abzuholen.",
     "short visit to … prison"),
    # a glossary term that owns the place (the colony's boiler house) is no visit to the colony
    ("The commission made a short visit to the colony's boiler house and left before noon.", "ru",
     "Комиссия ненадолго заглянула в котельную колонии и уехала до полудня.", "short visit to … colony"),
])
def test_a_visit_to_a_building_is_a_trip_where_the_concept_names_no_place(g, src, lang, dst, words):
    """Whatever the building, prison's or not: the short visit, “from relatives …, through glass”, is received, not
    made."""
    found = findings(g, lang, src, dst, "short-visit")
    assert [s for s, _m in found] == ["warning"] and words in found[0][1]


@pytest.mark.parametrize("src, lang, dst", [
    # to the glossary's own place, or to a person: the relatives' visit
    ("His wife came for a short visit to the colony, and they spoke by telephone through the glass.", "fr",
     "Sa femme est venue le voir à la colonie, et ils se sont parlé au téléphone à travers la vitre."),
    ("Her short visit to her son in the colony was cut to one hour.", "de",
     "Ihr Besuch bei ihrem Sohn in der Kolonie wurde auf eine Stunde gekürzt."),
])
def test_a_visit_to_the_glossarys_place_or_to_someone_stays_the_glossarys(g, src, lang, dst):
    assert severities(g, lang, src, dst, "short-visit") == ["error"]


def test_a_visit_to_a_place_on_the_map_is_a_trip_where_the_concept_names_no_place(g):
    """A short visit's definition names no place (from relatives, through glass and by telephone): going to a city
    WordNet knows as a place on the map, it is a trip, a question only. An etap goes between the SIZO and the
    colony its definition names, so a transfer to a city is still one."""
    src = "During a short visit to Paris the lawyer met two MEPs before flying back to the colony."
    [(severity, message)] = findings(g, "de", src, "Während eines kurzen Aufenthalts in Paris traf der Anwalt zwei "
                                     "Abgeordnete.", "short-visit")
    assert severity == "warning" and "“short visit to Paris” goes to a place on the map" in message
    src = "After the verdict his transfer to Paris took three weeks."
    assert severities(g, "fr", src, "Après le verdict, son voyage à Paris a duré trois semaines.", "etap") == ["error"]
    src = "His mother came for a short visit to the SIZO, and they talked through the glass."
    assert severities(g, "fr", src, "Sa mère est venue pour une courte rencontre au SIZO, et ils ont parlé à travers "
                      "la vitre.", "short-visit") == ["error"]


@pytest.mark.parametrize("src", [
    "His mother's short visit to Moscow's Butyrka lasted four hours, all of it through glass.",
    "His mother came for a short visit to the Moscow SIZO last week.",
])
def test_a_place_that_says_where_the_next_thing_is_is_not_where_the_visit_goes(g, src):
    # (the place owns or names what follows it: the visit goes to the prison)
    assert severities(g, "de", src, "Seine Mutter kam zu einem Besuch.", "short-visit") == ["error"]


def test_an_ing_modifier_does_not_silence_a_prison_only_terms_of_phrase(g):
    """A prison-only term's of-phrase that names another thing is silence, not a question (a parcel of land): the
    -ing reading is not used there, so a guards' search of the sleeping quarters still needs its rendering."""
    src = "The guards made a search of the sleeping quarters that lasted all night."
    assert severities(g, "ru", src, "Охранники всю ночь проверяли спальные помещения.", "obysk") == ["error"]


@pytest.mark.parametrize("lang, dst, wrong", [
    ("ru", "После суда полицейская машина отвезла его на вокзал.", True),
    ("de", "Nach dem Urteil brachte ihn ein Polizeiauto zum Bahnhof.", True),
    ("ru", "После суда автозак отвёз его на вокзал.", False),
])
def test_a_phrase_names_no_other_sense_of_a_term_wordnet_knows_only_in_the_glossarys(g, lang, dst, wrong):
    # WordNet's one sense of “police van” is a van “used by police to transport prisoners”: where it goes says
    # nothing against it
    src = "After the verdict a police van to the station took him away."
    assert ("avtozak" in errors(g, lang, src, dst)) is wrong


@pytest.mark.parametrize("lang, src, dst, severity", [
    # a region, a district, a city (WordNet's noun.location) is where the glossary's etap goes (its definition
    # names places): the transfer is the prison's, and a move that is no etap is an error
    ("de", "Her son wrote that his transfer to another region would start after the New Year.",
     "Ihr Sohn schrieb, sein Umzug in eine andere Region beginne nach Neujahr.", "error"),
    ("ru", "Her son wrote that his transfer to another district would start after the New Year.",
     "Её сын написал, что его переезд в другой район начнётся после Нового года.", "error"),
    # the place modifies the head of its phrase: from a hospital, another sense
    ("de", "Her mother's transfer from the city hospital took two hours.",
     "Die Fahrt ihrer Mutter aus dem Stadtkrankenhaus dauerte zwei Stunden.", "warning"),
])
def test_a_place_on_the_map_that_heads_its_phrase_is_where_a_things_definition_goes(g, lang, src, dst, severity):
    found = severities(g, lang, src, dst, "etap")
    assert (found[0] if found else None) == severity
    # the short visit's definition names no place: a short visit to a city stays a trip
    assert severities(g, "de", "After the trial she made a short visit to the region.",
                      "Nach dem Prozess machte sie einen Abstecher in die Region.", "short-visit")[:1] != ["error"]


@pytest.mark.parametrize("src, lang, dst, wrong", [
    # the definition names who searches (“by guards”): the owner of a search is its doer or the one searched, and a
    # sister is neither — her search is another thing, a question
    ("While he sat in the SIZO, his sister's search lasted two months.", "de",
     "Während er im Untersuchungsgefängnis saß, dauerte die Suche seiner Schwester zwei Monate.", False),
    ("While he sat in the SIZO, the guards' search of his cell lasted two hours.", "de",
     "Während er im Untersuchungsgefängnis saß, dauerte die Kontrolle seiner Zelle durch die Wärter zwei Stunden.", True),
    ("While he sat in the SIZO, the prisoner's search took an hour.", "fr",
     "Pendant qu'il était au SIZO, le contrôle du détenu a duré une heure.", True),
])
def test_a_possessor_the_definition_does_not_name_as_doer_makes_another_thing(g, src, lang, dst, wrong):
    assert ("error" in severities(g, lang, src, dst, "obysk")) == wrong


def test_a_participle_after_her_or_a_subject_is_still_the_verb(g):
    # “her” may be the object (“saw her downgraded to …”) and a subject before the word makes it a verb
    src = "After the merger the airline downgraded her to economy class."
    assert "petukh" not in errors(g, "de", src, "Nach der Fusion stufte die Fluglinie sie in die Economyklasse herab.")


@pytest.mark.parametrize("src, other", [
    # people a parcel comes from (a person, a group of people by WordNet's first sense) send it: still a parcel
    ("Every Easter he gets parcels from the congregation of his old church.", False),
    ("She still receives parcels from her former colleagues.", False),
    # a thing or a place it comes from may make it another thing
    ("The parcels from the auction were plots of farmland.", True),
])
def test_a_parcel_from_people_is_sent_by_them(g, src, other):
    hits = g.find(src, "en")
    parcel = next(h for h in hits if h.concept.id == "peredacha")
    assert bool(another_kind(g, src, parcel, hits, False)) == other
