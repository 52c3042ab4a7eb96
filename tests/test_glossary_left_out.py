"""A repeat the translation says by its language's own construction without the noun (glossary/left_out.py): a
German demonstrative or possessive pronoun, a French clitic pair, superlative or « y », a number whose noun the
source names after the same number. Each is a warning at most; a number before its own noun, or the source's own
bare number, stands for nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import severities
from pipeline.glossary import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize("lang, src, dst, cid", [
    ("de", "She was kept in the punishment cell for a week; the punishment cell had no window.",
     "Sie saß eine Woche in der Strafzelle; diese hatte kein Fenster.", "shizo"),
    ("de", "The long visit was moved to June, but the long visit never took place.",
     "Der Langzeitbesuch wurde auf Juni verschoben, doch dieser fand nie statt.", "long-visit"),
    ("fr", "He mailed a parcel to the colony, and the colony sent the parcel back to him.",
     "Il a posté un colis à la colonie, qui le lui a retourné.", "peredacha"),
    ("fr", "The SIZO of Perm, the largest SIZO in the Urals, is full.",
     "Le SIZO de Perm, le plus grand de l'Oural, est plein.", "sizo"),
    ("fr", "He describes the punishment cell: in the punishment cell the light never goes out.",
     "Il décrit la cellule disciplinaire : on n'y éteint jamais la lumière.", "shizo"),
    ("de", "My parcel came through, but her parcel did not.", "Mein Paket kam durch, ihres nicht.", "peredacha"),
    ("fr", "They took him to the SIZO; the SIZO stands by the river.",
     "On l'a conduit au SIZO ; ce dernier se dresse au bord de la rivière.", "sizo"),
    ("de", "The parcel from his wife and the parcel from his brother arrived together.",
     "Das Paket seiner Frau und das seines Bruders kamen zusammen an.", "peredacha"),
    # German es after a plural verb is its object; jedes before a preposition, where the source says “every”
    ("de", "The parcel came on Friday, and the guards searched the parcel at once.",
     "Das Paket kam am Freitag, und die Wärter durchsuchten es sofort.", "peredacha"),
    ("de", "Every parcel is opened, and every parcel with tins is kept back.",
     "Jedes Paket wird geöffnet, und jedes mit Konserven wird einbehalten.", "peredacha"),
    # Russian: a dash for the verb left out after an adjective whose noun is left out; an abbreviation's gender
    # from its noun reading (СИЗО: masc)
    ("ru", "The first search lasted an hour, the second search a whole night.",
     "Первый обыск длился час, второй — всю ночь.", "obysk"),
    ("ru", "The SIZO of Perm, the largest SIZO in the Urals, is full.",
     "СИЗО Перми, крупнейший на Урале, переполнен.", "sizo"),
    # French: an adjective whose noun is left out before the next noun phrase's article, the verb left out too
    ("fr", "The first search lasted an hour, the second search a whole night.",
     "La première fouille a duré une heure, la seconde une nuit entière.", "obysk"),
    # a plural rendering coordinating two modifiers for two singular occurrences “and” joins
    ("de", "The transfer to Kirov and the transfer to Perm took a month each.",
     "Die Überstellungen nach Kirow und nach Perm dauerten je einen Monat.", "etap"),
    ("fr", "The long visit in May and the long visit in June were cancelled.",
     "Les visites longues de mai et de juin ont été annulées.", "long-visit"),
    ("ru", "The transfer to Kirov and the transfer to Perm took a month each.",
     "Этапы в Киров и в Пермь заняли по месяцу.", "etap"),
    # an indefinite “other” without its noun, where the source writes “another” before the noun
    ("fr", "In March he was moved from one colony to another colony, and his mother learnt of it from a neighbour.",
     "En mars, on l'a transféré d'une colonie à une autre, et sa mère l'a appris par une voisine.", "ik"),
    ("de", "They moved us from one Stolypin car to another Stolypin car at night.",
     "Nachts brachte man uns von einem Stolypin-Waggon in einen anderen.", "stolypin"),
    # one subject for two predicates, where the source names the thing again as the later clause's subject
    ("de", "The transfer began in Perm; the transfer ended three weeks later in Kirov.",
     "Die Überstellung begann in Perm und endete drei Wochen später in Kirow.", "etap"),
    ("fr", "The transfer began in Perm; the transfer ended three weeks later in Kirov.",
     "Le transfert a commencé à Perm et s'est achevé trois semaines plus tard à Kirov.", "etap"),
    ("fr", "The colony is in Kirov; the colony has 900 prisoners.",
     "La colonie se trouve à Kirov et compte 900 détenus.", "ik"),
    ("ru", "The transfer began in Perm; the transfer ended three weeks later in Kirov.",
     "Этап начался в Перми и закончился через три недели в Кирове.", "etap"),
    # German es after a subject pronoun and its verb is its object
    ("de", "The parcel arrived in May; the parcel was opened in front of him.",
     "Das Paket kam im Mai an; man öffnete es vor seinen Augen.", "peredacha"),
    # one preposition coordinating two bare nouns; a French plural told by its article (« les colis »)
    ("de", "The parcel from his mother and the parcel from his sister arrived on the same day.",
     "Die Pakete von Mutter und Schwester kamen am selben Tag an.", "peredacha"),
    ("fr", "The parcel from his mother and the parcel from his sister arrived on the same day.",
     "Les colis de sa mère et de sa sœur sont arrivés le même jour.", "peredacha"),
    # a number without its noun, where the source names the noun after the same number
    ("de", "Three parcels came in March, five parcels in April.", "Im März kamen drei Pakete, im April fünf.",
     "peredacha"),
    ("fr", "Under general regime a prisoner may get six parcels a year, under strict regime four parcels.",
     "Au régime général, un détenu peut recevoir six colis par an, au régime strict quatre.", "peredacha"),
    ("ru", "Three parcels came in March, five parcels in April.", "В марте пришли три посылки, в апреле — пять.",
     "peredacha"),
    ("ru", "The parcels came in March, and all parcels were opened.", "Посылки пришли в марте, и все вскрыли.",
     "peredacha"),
])
def test_a_repeat_said_without_its_noun_is_a_warning(g, lang, src, dst, cid):
    assert severities(g, lang, src, dst, cid) == ["warning"]


@pytest.mark.parametrize("lang, src, dst", [
    # the number has its own noun, a wrong one: nothing stands for the second parcel
    ("de", "Three parcels came in March, five parcels in April.",
     "Im März kamen drei Pakete, im April fünf Briefe."),
    # « un des » is a partitive with its noun, and one is an article's word: no number is left alone
    ("fr", "One parcel came in March, and one parcel in April.",
     "Un colis est arrivé en mars, et une des lettres en avril."),
])
def test_a_number_before_a_noun_stands_for_nothing(g, lang, src, dst):
    assert severities(g, lang, src, dst, "peredacha") == ["error"]


@pytest.mark.parametrize("lang, cid, src, dst", [
    # “four” alone in the source is mirrored by « quatre »: the second parcels' noun is still wanting
    ("fr", "peredacha",
     "Six parcels a year under general regime, four under strict regime, and two parcels in the SHIZO.",
     "Six colis par an au régime général, quatre au régime strict, et deux lettres au ChIZO."),
    # a demonstrative before a noun is that noun's determiner, not the repeat said alone
    ("de", "shizo", "She was kept in the punishment cell for a week; the punishment cell had no window.",
     "Sie saß eine Woche in der Strafzelle; dieser Keller hatte kein Fenster."),
    # „anderes“ before a comma and another attribute of its own noun: „Gefängnis“, a wrong noun, is its repeat
    ("de", "ik", "Forty hunger strikers were moved from one colony to another colony 900 kilometres away.",
     "Vierzig Hungerstreikende wurden von einer Strafkolonie in ein anderes, 900 Kilometer entferntes Gefängnis "
     "verlegt."),
    # « un autre » before its noun is its determiner: « fourgon » is a wrong noun
    ("fr", "stolypin", "They moved us from one Stolypin car to another Stolypin car at night.",
     "La nuit, on nous a fait passer d'un wagon Stolypine à un autre fourgon."),
    # a subject named before the verb after the conjunction: „die Reise“ is a wrong noun for the second transfer
    ("de", "etap", "The transfer began in Perm; the transfer ended three weeks later in Kirov.",
     "Die Überstellung begann in Perm und die Reise endete drei Wochen später in Kirow."),
    ("fr", "ik", "The colony is in Kirov; the colony has 900 prisoners.",
     "La colonie se trouve à Kirov et la prison compte 900 détenus."),
    # an article after the conjunction opens another noun phrase, a wrong noun for the second parcel
    ("fr", "peredacha", "The parcel from his mother and the parcel from his sister arrived on the same day.",
     "Les colis de sa mère et les lettres de sa sœur sont arrivés le même jour."),
    ("de", "peredacha", "The parcel from his mother and the parcel from his sister arrived on the same day.",
     "Die Pakete von der Mutter und der Brief von der Schwester kamen am selben Tag an."),
    # „gibt es“ (there is) takes a singular verb: no object pronoun for the second parcel
    ("de", "peredacha", "The parcel came on Friday, and on Monday there was a second parcel.",
     "Das Paket kam am Freitag, und am Montag gibt es einen zweiten Brief."),
])
def test_a_word_that_only_looks_like_a_stand_in_leaves_the_repeat_wanting(g, lang, cid, src, dst):
    assert severities(g, lang, src, dst, cid) == ["error"]


def test_a_pronominal_adverb_says_the_sources_it(g):
    # „davon“ says “of it”, so „sein“ is the name's repeat; without „davon“ the source's “it” is the translation's
    # only pronoun's counterpart
    src = "Gorban was moved to Perm; Gorban's daughter heard of it a month later."
    assert severities(g, "de", src, "Gorban wurde nach Perm verlegt; seine Tochter hörte einen Monat später davon.",
                      "gorban") == []
    assert severities(g, "de", src, "Gorban wurde nach Perm verlegt; seine Tochter erfuhr es einen Monat später.",
                      "gorban") == ["error"]
    # ... as a Russian preposition's demonstrative without its noun does («об этом»)
    assert severities(g, "ru", src, "Горбань перевели в Пермь; её дочь узнала об этом через месяц.", "gorban") == []


def test_a_plural_before_an_article_that_may_open_another_noun_says_one_thing(g):
    src = "The transfer to Kirov and the transfer to Perm took a month each."
    dst = "Die Überstellungen nach Kirow und der Transport nach Perm dauerten je einen Monat."
    assert severities(g, "de", src, dst, "etap") == ["error"]
