"""A repeat the translation says without the approved word: what may stand for it (a pronoun, an adverb of the
place, an adjective left alone, a span of time) only where the source does not say it the same way; a wrong noun
stays an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import findings, severities
from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


CELL = "In May he spent ten days in the punishment cell; a week after he came out of the punishment cell he was sent back."


@pytest.mark.parametrize("lang, dst", [
    # “sent back” says the place as „dorthin“ and «туда» do: neither stands for the cell the wrong noun renders
    ("de", "Im Mai verbrachte er zehn Tage in der Strafzelle; eine Woche nachdem er aus dem Isolator gekommen "
           "war, wurde er wieder dorthin gebracht."),
    ("ru", "В мае он провёл в ШИЗО десять дней; через неделю после того как он вышел из изолятора, его снова "
           "отправили туда."),
    # « en » with a number is the partitive of the days (“another five”), not the cell's repeat
    ("fr", "En mai, il a passé dix jours en cellule disciplinaire ; une semaine après sa sortie du cachot, il en a "
           "reçu cinq de plus."),
])
def test_a_pronoun_the_source_has_too_does_not_hide_a_wrong_noun(g, lang, dst):
    src = CELL if lang != "fr" else CELL.replace("he was sent back", "he was given another five")
    assert severities(g, lang, src, dst, "shizo") == ["error"]


def test_back_before_a_place_names_it_and_stands_for_nothing(g):
    src = "She was taken to the punishment cell on Monday and back to the punishment cell on Friday."
    assert severities(g, "ru", src, "В понедельник её отвели в ШИЗО, а в пятницу снова туда.", "shizo") == ["warning"]


def test_german_es_before_a_dative_pronoun_is_the_object(g):
    src = "His sister brought a food parcel to the colony, but the guards returned the parcel to her unopened."
    dst = "Seine Schwester brachte ein Lebensmittelpaket in die Kolonie, doch die Wärter gaben es ihr ungeöffnet zurück."
    assert severities(g, "de", src, dst, "peredacha") == ["warning"]


VISITS = ("The colony has refused her every long visit this year: the first long visit was cancelled for "
          "“quarantine”, the second because he was in the punishment cell.")


def test_an_adjective_left_alone_as_in_the_source_stands_for_nothing(g):
    # the source's “the second” is mirrored by „der zweite“: the first visit's wrong noun is an error, and the
    # approved word elsewhere settles that the visits are the prison's, not a question
    dst = ("Die Kolonie verweigert ihr dieses Jahr jeden Langzeitbesuch: Der erste Besuchstermin wurde wegen "
           "„Quarantäne“ abgesagt, der zweite, weil er in der Strafzelle saß.")
    assert severities(g, "de", VISITS, dst, "long-visit") == ["error"]
    # « la première … la seconde »: one adjective more than the source's
    dst = ("La colonie lui refuse cette année toute visite longue : la première a été annulée pour « quarantaine », "
           "la seconde parce qu'il était au mitard.")
    assert severities(g, "fr", VISITS, dst, "long-visit") == ["warning"]


def test_a_span_of_time_may_stand_for_a_repeated_event(g):
    src = "The etap from Perm took two weeks, and during the etap his family did not know where he was."
    dst = ("Le transfert depuis Perm a duré deux semaines et, pendant tout ce temps, sa famille ignorait où il se "
           "trouvait.")
    assert severities(g, "fr", src, dst, "etap") == ["warning"]
    dst = "Le transfert depuis Perm a duré deux semaines et, pendant ce voyage, sa famille ignorait où il se trouvait."
    assert severities(g, "fr", src, dst, "etap") == ["error"]


def test_a_pronoun_before_the_first_rendering_refers_to_nothing_it_repeats(g):
    src = "The parcel from his mother arrived at the colony, but the guards did not hand over the parcel."
    # „Seine Mutter schickte ihm“: two pronouns, both before the parcel is named; the wrong noun stays an error
    dst = "Seine Mutter schickte ihm ein Paket in die Kolonie, aber die Wärter behielten die Sendung."
    assert severities(g, "de", src, dst, "peredacha") == ["error"]
    dst = "Seine Mutter schickte ihm ein Paket in die Kolonie, aber die Wärter gaben es ihm nicht."
    assert severities(g, "de", src, dst, "peredacha") == ["warning"]


def test_a_stand_in_stands_in_the_sentence_of_its_repeat(g):
    src = ("The first parcel his sister sent to the colony was held back for a month; the second parcel, with "
           "warm socks, never arrived.")
    # „das“ is the first parcel's own relative pronoun; the second sentence says „Sendung“, a wrong noun
    dst = ("Das erste Paket, das seine Schwester in die Kolonie schickte, wurde einen Monat lang zurückgehalten; "
           "die zweite Sendung mit warmen Socken kam nie an.")
    [(severity, message)] = findings(g, "de", src, dst, "peredacha")
    assert severity == "error"
    assert "nothing in “die zweite Sendung mit warmen Socken kam nie an.” stands for it" in message
    # the same sentence with the noun left out after „die zweite“: a stand-in where the repeat is
    dst = ("Das erste Paket, das seine Schwester in die Kolonie schickte, wurde einen Monat lang zurückgehalten; "
           "das zweite, mit warmen Socken, kam nie an.")
    assert severities(g, "de", src, dst, "peredacha") == ["warning"]


def test_coordinated_clauses_pair_when_both_texts_have_as_many(g):
    src = ("From the colony in Perm to the colony in Kirov the etap took two weeks, and the next etap, to the "
           "hospital, another five days.")
    # « celle de Kirov » stands for the second colony in its clause; « le trajet suivant » is a wrong noun in the
    # clause of the second etap, which no pronoun there excuses
    dst = ("Le transfert de la colonie de Perm à celle de Kirov a pris deux semaines, et le trajet suivant, vers "
           "l'hôpital, encore cinq jours.")
    assert severities(g, "fr", src, dst, "ik") == ["warning"]
    assert severities(g, "fr", src, dst, "etap") == ["error"]
    dst = ("Le transfert de la colonie de Perm à celle de Kirov a pris deux semaines, et le suivant, vers "
           "l'hôpital, encore cinq jours.")
    assert severities(g, "fr", src, dst, "etap") == ["warning"]


def test_the_glossary_word_for_another_thing_is_a_wrong_noun_whatever_pronoun_follows(g):
    src = ("She was put in the punishment cell for a torn button, and two days after her release from the "
           "punishment cell she was sent back.")
    dst = ("Elle a été placée en cellule disciplinaire pour un bouton arraché, et deux jours après sa sortie de la "
           "cellule d'isolement, elle y a été renvoyée.")
    [(severity, message)] = findings(g, "fr", src, dst, "shizo")
    assert severity == "error"
    assert "“cellule d'isolement”, the glossary's word for solitary-cell, stands for it" in message


@pytest.mark.parametrize("lang, dst", [
    # „dem in Perm“: the article alone before a short phrase is “the one in Perm”
    ("de", "Sie wartete erst vor dem Untersuchungsgefängnis in Kasan, dann vor dem in Perm, jedes Mal stundenlang."),
    # «один … другой»: the noun left out after the adjective of alternation
    ("ru", "Один вагонзак довёз её до Перми, другой — до Соликамска."),
])
def test_a_noun_the_language_leaves_out_is_a_repeat_said_without_it(g, lang, dst):
    if lang == "de":
        src = "She waited first outside the SIZO in Kazan, then outside the SIZO in Perm, for hours each time."
        assert severities(g, lang, src, dst, "sizo") == ["warning"]
    else:
        src = "One Stolypin carriage took her to Perm and another Stolypin carriage to Solikamsk."
        assert severities(g, lang, src, dst, "stolypin") == ["warning"]


@pytest.mark.parametrize("lang, dst, severity", [
    # „die in Perm“ before a verb is the one in Perm; before a participle and its noun it is an attribute
    ("de", "Er wurde in die Kolonie in Kirow gebracht, und die in Perm ist noch schlimmer.", "warning"),
    ("de", "Er wurde in die Kolonie in Kirow gebracht, und in der in Perm gelegenen Haftanstalt ist es noch "
           "schlimmer.", "error"),
    # «другая» agrees with the rendering in the first clause, though its own clause has none
    ("ru", "Его отправили в колонию в Кирове, а другая, в Перми, ещё хуже.", "warning"),
])
def test_a_noun_left_out_in_a_clause_of_its_own(g, lang, dst, severity):
    src = "He was taken to the colony in Kirov, and the colony in Perm is even worse."
    assert severities(g, lang, src, dst, "ik") == [severity]


@pytest.mark.parametrize("dst, severity", [
    # „noch eine am Tor“: the indefinite pronoun before a short phrase is another one at the gate
    ("Erst eine Durchsuchung in der Baracke, dann noch eine am Tor, und meine Briefe waren weg.", "warning"),
    # a wrong noun after it is no stand-in
    ("Erst eine Durchsuchung in der Baracke, dann noch eine Kontrolle am Tor, und meine Briefe waren weg.", "error"),
])
def test_a_german_indefinite_pronoun_may_say_the_repeat(g, dst, severity):
    src = "First a search in the barracks, then another search at the gate, and my letters were gone."
    assert severities(g, "de", src, dst, "obysk") == [severity]


@pytest.mark.parametrize("src, dst, cid, severity", [
    # an ordinal after an article contracted with à or de stands for the repeated noun …
    ("She was moved from the second detachment to the fifth detachment in March.",
     "En mars, elle est passée du deuxième détachement au cinquième.", "otryad", "warning"),
    # … an adjective of alternation before a bare adverbial of time too …
    ("The guards made a search of his cell on Monday and another search on Thursday.",
     "Les gardiens ont fait une fouille de sa cellule lundi, et une autre jeudi.", "obysk", "warning"),
    # … and an object clitic after « ne » or a subject pronoun, before any verb, as a pronoun does
    ("His lawyer asked for parole in June, but prisoners with his charge never get UDO.",
     "Son avocat a demandé la libération conditionnelle en juin, mais les détenus avec son chef d'accusation ne "
     "l'obtiennent jamais.", "udo", "warning"),
    # « eux » is a third-person pronoun like « ils »
    ("The kozly report to the administration, and nobody eats at a table with a kozel.",
     "Les activistes rendent compte à l'administration, et personne ne mange à la table de l'un d'eux.",
     "aktivist", "warning"),
    # a wrong noun after the ordinal is still a wrong noun
    ("She was moved from the second detachment to the fifth detachment in March.",
     "En mars, elle est passée du deuxième détachement au cinquième groupe.", "otryad", "error"),
    # two « celle » stand for two of three repeats: the third, said by a wrong noun, is unrendered …
    ("Three colonies refused him: the colony in Kirov, the colony in Perm and the colony in Ufa.",
     "Trois colonies l'ont refusé : celle de Kirov, celle de Perm et la prison d'Oufa.", "ik", "error"),
    # … and three stand for three
    ("Three colonies refused him: the colony in Kirov, the colony in Perm and the colony in Ufa.",
     "Trois colonies l'ont refusé : celle de Kirov, celle de Perm et celle d'Oufa.", "ik", "warning"),
    # an adjective that points back, then the next clause's subject clitic: the noun is left out
    ("During one search they took my notebooks, and during the next search they gave them back.",
     "Lors d'une fouille on m'a pris mes cahiers, lors de la suivante on me les a rendus.", "obysk", "warning"),
    # « là-bas » says the place named before, as „dort“ and «там» do
    ("He spent ten days in the punishment cell, then another ten days in the punishment cell.",
     "Il a passé dix jours en cellule disciplinaire, puis encore dix jours là-bas.", "shizo", "warning"),
])
def test_french_stand_ins_for_a_repeat(g, src, dst, cid, severity):
    assert severities(g, "fr", src, dst, cid) == [severity]


@pytest.mark.parametrize("dst, found", [
    # the translation's apposition names one thing, as the source's does: the second search is unrendered
    ("Der „Schmon“, eine Zellendurchsuchung, kam nachts; bei den Kontrollen verschwanden seine Briefe.", ["error"]),
    ("Der „Schmon“, eine Zellendurchsuchung, kam nachts; bei den Durchsuchungen verschwanden seine Briefe.", []),
])
def test_an_apposition_in_the_translation_renders_one_thing(g, dst, found):
    src = "Shmon — a cell search — came at night; during the searches his letters disappeared."
    assert severities(g, "de", src, dst, "obysk") == found


@pytest.mark.parametrize("lang, src, dst, found", [
    # the translation keeps the source's apposition, and its second member is no approved word
    ("ru", "After the arrest he spent two days in the IVS, the temporary detention facility, and then went to court.",
     "После ареста он провёл два дня в ИВС — то есть в камере отдела полиции, а потом поехал в суд.", ["error"]),
    ("ru", "After the arrest he spent two days in the IVS, the temporary detention facility, and then went to court.",
     "После ареста он провёл два дня в ИВС — изоляторе временного содержания, а потом поехал в суд.", []),
    # said once, the thing is rendered once
    ("ru", "After the arrest he spent two days in the IVS, the temporary detention facility, and then went to court.",
     "После ареста он провёл два дня в ИВС, а потом поехал в суд.", []),
    ("de", "He waited two years for his trial in a SIZO, a pre-trial detention centre.",
     "Er wartete zwei Jahre auf seinen Prozess in einem SIZO, einem alten Stadtgefängnis.", ["error"]),
    ("de", "He waited two years for his trial in a SIZO, a pre-trial detention centre.",
     "Er wartete zwei Jahre auf seinen Prozess in einem SIZO, einem Untersuchungsgefängnis.", []),
    # a Russian dash after the noun in the nominative is the copula, not an apposition
    ("ru", "The IVS, a temporary detention facility, is a cell at the police station.",
     "ИВС — камера при отделе полиции.", []),
])
def test_an_apposition_the_translation_keeps_names_two_things(g, lang, src, dst, found):
    assert severities(g, lang, src, dst, "ivs" if "IVS" in src else "sizo") == found


@pytest.mark.parametrize("lang, dst, severity", [
    # „noch eine“, «ещё один»: another one, its noun left out
    ("de", "Am Montag gab es eine Durchsuchung und am Donnerstag noch eine; beide Male nahmen sie meine Zeichnungen mit.",
     "warning"),
    ("ru", "В понедельник был обыск, в четверг ещё один; оба раза забрали мои рисунки.", "warning"),
    # ... but not before a wrong noun
    ("de", "Am Montag gab es eine Durchsuchung und am Donnerstag noch eine Kontrolle; beide Male nahmen sie meine "
           "Zeichnungen mit.", "error"),
    ("ru", "В понедельник был обыск, в четверг ещё одна проверка; оба раза забрали мои рисунки.", "error"),
])
def test_another_one_without_its_noun_may_say_the_repeat(g, lang, dst, severity):
    src = "There was a search on Monday and another search on Thursday; both times they took my drawings."
    assert severities(g, lang, src, dst, "obysk") == [severity]


def test_the_east_after_a_preposition_is_no_object_pronoun(g):
    # « à l'est » is the article and the noun (the east), not « l'est » (it is): no pronoun to stand for the repeat
    src = "The first transfer took him to Perm; the second transfer, in June, took her further east."
    assert severities(g, "fr", src, "Le premier transfert l'a conduit à Perm ; le deuxième voyage, en juin, l'a "
                                    "menée plus à l'est.", "etap") == ["error"]


@pytest.mark.parametrize("dst, found", [
    # « ces séjours »: the stays just named, the second ShIZO said by the demonstrative as by a pronoun
    ("Elle a passé une semaine en cellule disciplinaire en mars ; chacun de ces séjours suivait une grève de la "
     "faim.", ["warning"]),
    # without it the repeat is simply left out, and with « cachot » said by the wrong noun
    ("Elle a passé une semaine en cellule disciplinaire en mars ; chaque séjour suivait une grève de la faim.",
     ["error"]),
    ("Elle a passé une semaine en cellule disciplinaire en mars ; chaque séjour au cachot suivait une grève de la "
     "faim.", ["error"]),
])
def test_a_demonstrative_the_source_has_not_may_stand_for_a_repeat(g, dst, found):
    src = "She spent a week in the ShIZO in March; each stay in the ShIZO followed a hunger strike."
    assert severities(g, "fr", src, dst, "shizo") == found
    # a demonstrative before another noun for the term itself is a wrong noun, not a stand-in
    src = "He was sent to a colony in May; the colony was far from Moscow."
    assert severities(g, "fr", src, "Il a été envoyé dans une colonie en mai ; cette prison était loin de Moscou.",
                      "ik") == ["error"]


@pytest.mark.parametrize("cid, src, dst, found", [
    # « lui » is her (a dative stands for a person): nothing stands for the second long visit
    ("long-visit", "She asked for a long visit; the administration refused the long visit without a reason.",
     "Elle a demandé une visite longue ; l'administration lui a refusé cette rencontre sans raison.", ["error"]),
    # ... while for a person « lui » may be the repeat (a warning that says so)
    ("zek", "The zek wrote to the court, but the court did not answer the zek.",
     "Le zek a écrit au tribunal, mais le tribunal ne lui a pas répondu.", ["warning"]),
])
def test_a_french_dative_pronoun_stands_for_a_person_not_a_thing(g, cid, src, dst, found):
    assert severities(g, "fr", src, dst, cid) == found


@pytest.mark.parametrize("dst, found", [
    # „die nicht …“ opens a relative clause on „Sendung“, the wrong noun: „nicht“ is no adjective left without
    # its noun (a German adjective after an article is inflected: -e, -en, -em, -er, -es)
    ("Ein Paket ohne unterschriebene Liste ist eine Sendung, die nicht durchgelassen wird.", ["error"]),
    # „das zweite“ is one, and may say the repeat
    ("Das erste Paket kam im März an, das zweite nie.", ["warning"]),
])
def test_a_german_adjective_left_alone_is_inflected(g, dst, found):
    src = ("A parcel without a signed list is a parcel the guards send back." if "Liste" in dst
           else "The first parcel arrived in March, the second parcel never did.")
    assert severities(g, "de", src, dst, "peredacha") == found


@pytest.mark.parametrize("src, dst", [
    # the noun said once for two adjectives coordinated after a possessive determiner …
    ("His first parcel and his second parcel arrived in March.", "Sein erstes und zweites Paket kamen im März an."),
    # … or left out after the second's
    ("His first parcel arrived in March, his second parcel never did.",
     "Sein erstes Paket kam im März an, sein zweites nie."),
])
def test_a_german_adjective_left_alone_after_a_possessive(g, src, dst):
    assert severities(g, "de", src, dst, "peredacha") == ["warning"]


@pytest.mark.parametrize("lang, wrong, right", [
    ("fr", "Dans la colonie, les gardiens l'ont fouillé deux fois ce jour-là : une fouille avant le parloir et un "
           "contrôle après.",
     "Dans la colonie, les gardiens l'ont fouillé deux fois ce jour-là : une fouille avant le parloir et une "
     "fouille après."),
    ("de", "In der Kolonie durchsuchten ihn die Wärter an diesem Tag zweimal: eine Durchsuchung vor dem Besuch und "
           "eine Kontrolle danach.",
     "In der Kolonie durchsuchten ihn die Wärter an diesem Tag zweimal: eine Durchsuchung vor dem Besuch und eine "
     "Durchsuchung danach."),
    ("ru", "В колонии охранники в тот день обыскали его дважды: один обыск до свидания и одна проверка после.",
     "В колонии охранники в тот день обыскали его дважды: один обыск до свидания и ещё один обыск после."),
])
def test_the_translations_verb_renders_the_sources_verb_not_a_repeat_of_the_noun(g, lang, wrong, right):
    # “searched” is no occurrence of the noun term (a search is not “searched”): its verb in the translation
    # renders it, and each of the two searches needs its own noun
    src = "In the colony the guards searched him twice that day: one search before the visit and one search after it."
    assert severities(g, lang, src, wrong, "obysk") == ["error"]
    assert severities(g, lang, src, right, "obysk") == []


@pytest.mark.parametrize("src, dst, found", [
    # „danach“ says “after it”: the source's “after that transfer” without the noun
    ("The transfer lasted nine days, and after that transfer she was ill for a month.",
     "Die Überstellung dauerte neun Tage, und danach war sie einen Monat lang krank.", ["warning"]),
    # a wrong noun stays an error, and „danach“ stands for no “after the second transfer” (no demonstrative)
    ("The transfer lasted nine days, and after that transfer she was ill for a month.",
     "Die Überstellung dauerte neun Tage, und nach der Reise war sie einen Monat lang krank.", ["error"]),
    ("The transfer lasted nine days, and after the second transfer she was ill for a month.",
     "Die Überstellung dauerte neun Tage, und danach war sie einen Monat lang krank.", ["error"]),
])
def test_a_german_pronominal_adverb_stands_for_a_preposition_and_its_repeated_noun(g, src, dst, found):
    assert severities(g, "de", src, dst, "etap") == found


PISMO = "Letters reach him only through FSIN-Pismo; FSIN-Pismo is a paid service that reads every page."


@pytest.mark.parametrize("lang, dst, found", [
    # a name's repeat said by a description is the translator's word for the name, as a wrong noun is a common noun's
    ("de", "Briefe erreichen ihn nur über FSIN-Pismo; der Gefängnisdienst ist kostenpflichtig und liest jede Seite.",
     ["error"]),
    ("ru", "Письма доходят до него только через ФСИН-Письмо; тюремная почта платная и читает каждую страницу.",
     ["error"]),
    # ... a pronoun may say it (German es as the subject of a noun predicate; Russian оно)
    ("de", "Briefe erreichen ihn nur über FSIN-Pismo; es ist ein kostenpflichtiger Dienst, der jede Seite liest.", []),
    ("ru", "Письма доходят до него только через ФСИН-Письмо; оно платное и читает каждую страницу.", []),
    ("ru", "Письма доходят до него только через ФСИН-Письмо; ФСИН-Письмо платное и читает каждую страницу.", []),
])
def test_a_names_repeat_may_be_a_pronoun_not_a_description(g, lang, dst, found):
    assert severities(g, lang, PISMO, dst, "fsin-pismo") == found


@pytest.mark.parametrize("lang, dst, found", [
    ("de", "Miftachow schrieb uns im März; im April kam der Mathematiker wieder in die Strafzelle.", ["error"]),
    ("de", "Miftachow schrieb uns im März; im April kam er wieder in die Strafzelle.", []),
    # «снова» leaves no noun out where the clause names the cell (ШИЗО is a noun, not pymorphy3's short adjective)
    ("ru", "Мифтахов написал нам в марте; в апреле математика снова отправили в ШИЗО.", ["error"]),
    ("ru", "Мифтахов написал нам в марте; в апреле его снова отправили в ШИЗО.", []),
])
def test_a_persons_repeated_name_may_be_a_pronoun_not_a_description(g, lang, dst, found):
    src = "Miftakhov wrote to us in March; in April Miftakhov was sent to the punishment cell again."
    assert severities(g, lang, src, dst, "miftakhov") == found


@pytest.mark.parametrize("lang, dst, found", [
    # two occurrences, different inflections, the second by a wrong noun, dropped, or by a pronoun or adjective alone
    ("de", "Nach zwei Jahren in der Strafkolonie wurde er in ein anderes Lager bei Perm verlegt.", ["error"]),
    ("de", "Nach zwei Jahren in der Strafkolonie wurde er nach Perm verlegt.", ["error"]),
    ("de", "Nach zwei Jahren in der Strafkolonie wurde er in eine andere bei Perm verlegt.", ["warning"]),
    ("ru", "Через два года в колонии его перевели в другой лагерь под Пермью.", ["error"]),
    ("ru", "Через два года в колонии его перевели под Пермь.", ["error"]),
    ("ru", "Через два года в колонии его перевели в другую под Пермью.", ["warning"]),
])
def test_a_repeat_said_by_a_wrong_noun_or_dropped_is_an_error(g, lang, dst, found):
    src = "After two years in the colony he was moved to another colony near Perm."
    assert severities(g, lang, src, dst, "ik") == found


def test_a_name_inside_a_quotation_kept_as_the_source_has_it_is_cited(g):
    src = "Write “Letter to Miftakhov” on the envelope, or the censor will not pass letters for Miftakhov."
    kept = "Schreiben Sie „Letter to Miftakhov“ auf den Umschlag, sonst lässt der Zensor Briefe an Miftachow nicht durch."
    lost = "Schreiben Sie „Brief an ihn“ auf den Umschlag, sonst lässt der Zensor Briefe an Miftachow nicht durch."
    assert severities(g, "de", src, kept, "miftakhov") == []
    assert severities(g, "de", src, lost, "miftakhov") == ["error"]


def test_an_adjective_after_a_dash_may_be_the_repeat_though_it_agrees_with_the_noun_before(g):
    # «почта платная»: a predicate, its noun is there; «свидание — первое»: after a dash, the repeat said without it
    src = "His wife hopes to get a long visit this spring, the first long visit in a year."
    dst = "Жена надеется весной получить длительное свидание — первое за год."
    assert severities(g, "ru", src, dst, "long-visit") == ["warning"]


@pytest.mark.parametrize("dst, found", [
    # „den zweiten dreitägigen Aufenthalt“: the second adjective has the first's ending, so the two are
    # attributes of the noun after them, a wrong noun for the repeat
    ("Im Mai bekam sie einen Langzeitbesuch, im Oktober den zweiten dreitägigen Aufenthalt bei ihm.", ["error"]),
    ("Im Mai bekam sie einen Langzeitbesuch, im Oktober den zweiten.", ["warning"]),
    ("Im Mai bekam sie einen Langzeitbesuch, im Oktober den zweiten dreitägigen Langzeitbesuch bei ihm.", []),
])
def test_german_attributes_that_agree_have_their_noun(g, dst, found):
    src = "In May she got a long visit, in October the second long visit with him."
    assert severities(g, "de", src, dst, "long-visit") == found


@pytest.mark.parametrize("dst, found", [
    # „ein anderes, … strenges“: coordinated attributes after a comma, the noun after the second — a wrong noun
    ("Im März wurde sie von einer Strafkolonie in ein anderes, noch strengeres Gefängnis bei Perm verlegt.", ["error"]),
    ("Im März wurde sie von einer Strafkolonie in ein anderes, noch strengeres Straflager bei Perm verlegt.", []),
    # a relative clause after the comma: „ein anderes“ stands alone
    ("Im März wurde sie von einer Strafkolonie in ein anderes verlegt, das bei Perm liegt.", ["warning"]),
])
def test_german_attributes_coordinated_by_a_comma_have_their_noun(g, dst, found):
    src = "In March she was moved from one colony to another colony near Perm."
    assert severities(g, "de", src, dst, "ik") == found


def test_a_weak_verbs_past_tense_after_an_adjective_alone_is_no_attribute(g):
    # „brauchte“ ends as „mehrtägige“ does, but no adjective suffix makes it: „das zweite“ stands alone
    src = "The first parcel came in March, the second parcel took weeks."
    assert severities(g, "de", src, "Das erste Paket kam im März, das zweite brauchte Wochen.", "peredacha") == ["warning"]


@pytest.mark.parametrize("lang, dst, found", [
    # „die meisten“ says the source's own “most of them”; nothing stands for the second parcel
    ("de", "Der Fonds hat vierzig Pakete bezahlt, die meisten nach Mordwinien, wo jede Lieferung zweimal gewogen wird.",
     ["error"]),
    ("de", "Der Fonds hat vierzig Pakete bezahlt, die meisten nach Mordwinien, wo jedes Paket zweimal gewogen wird.", []),
    ("fr", "Le fonds a payé quarante colis, la plupart pour la Mordovie, où chaque envoi est pesé deux fois.",
     ["error"]),
])
def test_a_partitive_the_source_has_stands_for_no_repeat(g, lang, dst, found):
    src = "The fund paid for forty parcels, most of them to Mordovia, where every parcel is weighed twice."
    assert severities(g, lang, src, dst, "peredacha") == found


@pytest.mark.parametrize("dst, found", [
    # „schreiben zu können“ is read again with its zu blanked; that second reading must not give back the word
    # the first gave to the prison van („Gefangenentransportern“ is not the etap's „Gefangenentransport“)
    ("Die Überstellung dauerte einen Monat; die letzten Tage der Fahrt vergingen in Gefangenentransportern, "
     "ohne nach Hause schreiben zu können.", ["error"]),
    ("Die Überstellung dauerte einen Monat; die letzten Tage der Überstellung vergingen in "
     "Gefangenentransportern, ohne nach Hause schreiben zu können.", []),
])
def test_a_zu_infinitive_read_again_gives_back_no_word_of_another_concept(g, dst, found):
    src = "The etap took a month; the last days of the etap were spent in prison vans, with no way to write home."
    assert severities(g, "de", src, dst, "etap") == found


@pytest.mark.parametrize("lang, dst, van", [
    # the word approved for the van stands where the source names the Stolypin carriage: it is the carriage's
    # wrong word, and the van has none
    ("de", "Einen Tag verbrachten wir im Gefangenentransporter, danach eine Stunde in einem Lieferwagen.", ["error"]),
    ("fr", "Nous avons passé une journée dans le fourgon cellulaire, puis une heure dans une camionnette.", ["error"]),
    # where the van has a word of its own too, that word may be the van's rendering
    ("de", "Einen Tag verbrachten wir im Gefangenentransporter, danach eine Stunde im Polizeitransporter.", []),
])
def test_one_word_renders_one_thing(g, lang, dst, van):
    src = "We spent a day in the Stolypin carriage and then an hour in a prison van."
    assert "error" in severities(g, lang, src, dst, "stolypin")
    assert severities(g, lang, src, dst, "avtozak") == van


def test_the_approved_word_where_the_source_names_its_own_concept_renders_it(g):
    # the van first, the carriage second: „Gefangenentransporter“ first is the van's
    src = "First a prison van took us to the station, then we rode for two days in a Stolypin carriage."
    dst = "Erst brachte uns ein Gefangenentransporter zum Bahnhof, dann fuhren wir zwei Tage in einem Güterwagen."
    assert severities(g, "de", src, dst, "avtozak") == []
    assert severities(g, "de", src, dst, "stolypin") == ["error"]


@pytest.mark.parametrize("lang, dst", [
    # the translation's relative pronoun mirrors the source's own relative clause (English sets no comma before
    # “that”): it stands for no repeat of the colony
    ("de", "Das Lager liegt neben einer Reiherkolonie, die jeden Frühling zurückkehrt."),
    ("fr", "L'établissement se trouve à côté d'une colonie de hérons, qui revient chaque printemps."),
])
def test_a_relative_pronoun_mirroring_a_restrictive_clause_stands_for_nothing(g, lang, dst):
    src = "The colony stands next to a colony of herons that returns every spring."
    assert severities(g, lang, src, dst, "ik") == ["error"]


def test_that_after_a_preposition_is_a_determiner_not_a_relative():
    from pipeline.glossary.repeats import _restrictive

    g = load_glossary(GLOSSARY)
    hits = [h for h in g.find("He was moved to the colony near that river.", "en") if h.concept.id == "ik"]
    assert not _restrictive("He was moved to the colony near that river.", hits, "en")
    hits = [h for h in g.find("He was moved to the colony that the court named.", "en") if h.concept.id == "ik"]
    assert _restrictive("He was moved to the colony that the court named.", hits, "en")


def test_a_quantifier_without_its_noun_is_the_sources_own_pronoun(g):
    # “fewer in winter” leaves its noun out as «их меньше» does: the pronoun stands for no repeat of the parcels
    src = "Her mother sends a parcel to the colony every month, but the post takes fewer parcels in winter: fewer in January."
    dst = ("Мать каждый месяц отправляет в колонию передачу, но зимой почта принимает меньше отправлений: "
           "в январе их меньше.")
    assert severities(g, "ru", src, dst, "peredacha") == ["error"]


@pytest.mark.parametrize("src, dst, found", [
    # „dabei“ says “during it”: the source's definite repeat “during the search” without the noun
    ("After a search of the cell he lost his books, and during the search the guards broke his glasses.",
     "Nach einer Durchsuchung der Zelle verlor er seine Bücher, und dabei zerbrachen die Wärter seine Brille.",
     ["warning"]),
    # ... not another search, which needs its own noun
    ("After a search of the cell he lost his books, and during another search the guards broke his glasses.",
     "Nach einer Durchsuchung der Zelle verlor er seine Bücher, und dabei zerbrachen die Wärter seine Brille.",
     ["error"]),
])
def test_a_german_pronominal_adverb_stands_for_a_definite_repeat(g, src, dst, found):
    assert severities(g, "de", src, dst, "obysk") == found


@pytest.mark.parametrize("lang, dst, found", [
    # a distributive pronoun with its partitive says the repeat the source says after “each”
    ("de", "Letztes Jahr bekam sie drei Langzeitbesuche; jeder davon dauerte zwei Tage.", ["warning"]),
    ("fr", "L'an dernier, elle a eu trois parloirs longs ; chacun d'eux a duré deux jours.", ["warning"]),
    # ... a wrong noun after it does not
    ("de", "Letztes Jahr bekam sie drei Langzeitbesuche; jeder Ausflug dauerte zwei Tage.", ["error"]),
])
def test_each_of_them_may_say_a_repeat_the_source_says_after_each(g, lang, dst, found):
    src = "Last year she was granted three long visits; each long visit lasted two days."
    assert severities(g, lang, src, dst, "long-visit") == found


@pytest.mark.parametrize("lang, dst", [
    # the source names a word for the thing beside the thing: one occurrence, one rendering
    ("de", "„Mast“, das Wort der Sträflinge für ihre Kaste, schreibt er in seinen Briefen immer klein."),
    ("fr", "« Mast », le mot des détenus pour leur caste, il l'écrit toujours en minuscules dans ses lettres."),
])
def test_a_word_named_for_a_term_beside_it_is_one_occurrence(g, lang, dst):
    src = "Mast, the convicts' word for their caste, he always writes in lower case in his letters."
    assert severities(g, lang, src, dst, "caste") == []


@pytest.mark.parametrize("lang, src, dst, cid, severity", [
    # the word the prisoners name the activists by is the activists again, kept as the source keeps it
    ("de", "Some prisoners sign up as activists, and the others call them kozly behind their backs.",
     "Manche Häftlinge lassen sich als Aktivisten eintragen, und die anderen nennen sie hinter ihrem Rücken „Kozly“.",
     "aktivist", []),
    ("fr", "Some prisoners sign up as activists, and the others call them kozly behind their backs.",
     "Certains détenus s'inscrivent comme activistes, et les autres les appellent « kozly » dans leur dos.",
     "aktivist", []),
    # ... but its calque is still forbidden
    ("fr", "Some prisoners sign up as activists, and the others call them kozly behind their backs.",
     "Certains détenus s'inscrivent comme activistes, et les autres les appellent « chèvres » dans leur dos.",
     "aktivist", ["error"]),
    # a relative pronoun after a numbered name („SIZO-2, wo“) is the name's
    ("de", "They moved him from SIZO-1 to SIZO-2, and in SIZO-2 he fell ill.",
     "Man verlegte ihn von SIZO-1 nach SIZO-2, wo er erkrankte.", "sizo", ["warning"]),
    ("fr", "They moved him from SIZO-1 to SIZO-2, and in SIZO-2 he fell ill.",
     "On l'a transféré du SIZO-1 au SIZO-2, où il est tombé malade.", "sizo", ["warning"]),
    ("de", "They moved him from SIZO-1 to SIZO-2, and in SIZO-2 he fell ill.",
     "Man verlegte ihn von SIZO-1 nach SIZO-2; im Gefängnis erkrankte er.", "sizo", ["error"]),
    # an existential “there” names no place: „dort“ says the repeated cell
    ("de", "In the punishment cell it is cold, and in the punishment cell there is no bed.",
     "In der Strafzelle ist es kalt, und ein Bett gibt es dort auch nicht.", "shizo", ["warning"]),
    # French says “after it” by the bare preposition
    ("fr", "The search lasted an hour; after the search the cell looked like a battlefield.",
     "La fouille a duré une heure ; après, la cellule ressemblait à un champ de bataille.", "obysk", ["warning"]),
    ("fr", "The search lasted an hour; after the search the cell looked like a battlefield.",
     "La fouille a duré une heure ; après le contrôle, la cellule ressemblait à un champ de bataille.", "obysk",
     ["error"]),
    # another concept's word that translates another word of the source (prisoners: Häftlinge) is no wrong noun
    ("de", "The colony is in Kirov; the colony has 900 prisoners.",
     "Die Strafkolonie liegt in Kirow; sie hat 900 Häftlinge.", "ik", ["warning"]),
])
def test_a_repeat_said_by_the_translations_own_construction(g, lang, src, dst, cid, severity):
    assert severities(g, lang, src, dst, cid) == severity


@pytest.mark.parametrize("dst, severity", [
    # «своей» says the source's “my”: no pronoun the source has not, so the wrong noun «коробку» is the repeat's
    ("Если колония вернёт передачу, я оплачу эту коробку сама из своей пенсии.", ["error"]),
    # ... while «её» is one, and may say the repeat
    ("Если колония вернёт передачу, я оплачу её сама из своей пенсии.", ["warning"]),
])
def test_russian_svoj_says_a_first_person_possessive_of_the_source(g, dst, severity):
    src = "If the colony returns a parcel, I pay for the parcel myself out of my own pension."
    assert severities(g, "ru", src, dst, "peredacha") == severity


@pytest.mark.parametrize("lang, src, dst, cid, severity", [
    # a possessive the translation leaves out: its personal pronoun is one the source has not
    ("fr", "If the detachment misses the quota, the whole detachment loses its parcels for a month.",
     "Si le détachement n'atteint pas la norme, il est tout entier privé de colis pendant un mois.", "otryad",
     ["warning"]),
    ("fr", "If the detachment misses the quota, the whole detachment loses its parcels for a month.",
     "Si le détachement n'atteint pas la norme, toute la brigade est privée de colis pendant un mois.", "otryad",
     ["error"]),
    # Russian «у него» says a possessor: no stand-in, so the wrong noun «проверке» is the repeat's
    ("ru", "During the search of his cell guards took forty letters, and another search took away his notebooks.",
     "Во время обыска в камере надзиратели изъяли сорок писем, а при новой проверке у него забрали тетради.",
     "obysk", ["error"]),
    # „davon“ for “of that transfer”
    ("de", "The transfer took a month, and for two weeks of that transfer nobody knew where she was.",
     "Die Überstellung dauerte einen Monat, und zwei Wochen davon wusste niemand, wo sie war.", "etap", ["warning"]),
    # a Russian clause gapped by a dash says the repeat's modifier without its noun
    ("ru", "A parcel costs us 4,500 roubles, and a parcel to the Far East twice that.",
     "Одна посылка обходится нам в 4500 рублей, а на Дальний Восток — вдвое дороже.", "peredacha", ["warning"]),
])
def test_a_repeat_counted_by_the_languages_grammar(g, lang, src, dst, cid, severity):
    assert severities(g, lang, src, dst, cid) == severity


def test_or_between_commas_names_one_thing_twice(g):
    src = "Parole, or UDO, is release before the end of the term, and a court decides on it."
    dst = "La libération conditionnelle, ou UDO, est une sortie avant la fin de la peine, et un tribunal en décide."
    assert severities(g, "fr", src, dst, "udo") == []
