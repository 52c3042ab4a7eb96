"""A glossary name in an article that names nothing else of prison is a question (pipeline/checks/name_sense.py):
“MSU” in a campus newsletter may be Michigan State, while the same sentence in a prison report, a name of several
words, or a message read alone stays an error."""

from __future__ import annotations

from pathlib import Path

from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import load_glossary
from pipeline.glossary.document import document

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml")
# (a translation that names no other university: „der Michigan State“ would say which it is, test below)
CHOIR = ("The MSU choir sings in our cathedral on Friday.", "Der Universitätschor singt am Freitag in unserem Dom.")
CAMPUS = ["Our rowing club welcomes twelve exchange students this spring.",
          "They will train on the river every morning before lectures."]
PRISON = ["Letters to the SIZO still take three weeks to arrive.",
          "His lawyer says the colony refuses to pass on his books."]


def _errors(src: str, dst: str, lang: str, others: list[str] | None = None) -> list[tuple[str, str]]:
    """The proper-name findings (severity, message) of a translation, read alone or in an article of ``others``."""
    doc = document([*others, src]) if others else None
    return [(p.severity, p.message) for p in glossary_checks.check(Checked(src, dst), Context(lang, GLOSSARY, doc))
            if p.check == "proper-name"]


def _severities(src: str, dst: str, lang: str, others: list[str] | None = None) -> list[str]:
    return [severity for severity, _message in _errors(src, dst, lang, others)]


def test_one_word_name_in_an_article_without_prison_is_a_question():
    [(severity, message)] = _errors(*CHOIR, "de", CAMPUS)
    assert severity == "warning"
    assert "names nothing of prison but names" in message


def test_the_same_name_in_a_prison_article_or_alone_is_an_error():
    assert _severities(*CHOIR, "de", PRISON) == ["error"]
    assert _severities(*CHOIR, "de") == ["error"]


def test_a_name_of_several_words_stays_an_error():
    src, dst = "Two of the rowers studied at Moscow State University.", "Zwei der Ruderer studierten an der Uni Moskau."
    assert _severities(src, dst, "de", CAMPUS) == ["error"]


def test_a_glossary_name_inside_a_longer_name_of_another_thing_is_a_question():
    # (a message read alone: no article to read; the capitals of “Memorial Regatta” say it is a name of its own)
    src = "Thousands lined the river for the Memorial Regatta, rowed every June since 1946."
    dst = "Тысячи людей стояли вдоль реки на регате памяти, которую проводят каждый июнь с 1946 года."
    [(severity, message)] = _errors(src, dst, "ru")
    assert severity == "warning"
    assert "“Memorial Regatta”" in message
    # … and before it: a statue's name
    src = "Pigeons have made the Kaminsky Memorial their home."
    assert _severities(src, "Голуби облюбовали памятник Каминскому.", "ru") == ["warning"]


def test_the_rights_group_wrongly_rendered_stays_an_error():
    # a plain “Memorial”, in a prison article and alone, rendered by the common noun
    src = "Memorial added the two teachers to its list of political prisoners."
    dst = "Памятник внёс двух учителей в свой список политзаключённых."
    assert _severities(src, dst, "ru", PRISON) == ["error"]
    assert _severities(src, dst, "ru") == ["error"]
    # its own longer name: every word of the run is in the glossary's definition of Memorial
    src = "On Monday the Memorial Human Rights Centre added the two teachers to its list."
    dst = "В понедельник правозащитный центр Memorial внёс двух учителей в свой список."
    assert _severities(src, dst, "ru") == ["error"]


def test_a_first_name_the_glossary_gives_keeps_the_surname_an_error():
    # “Sergey” is in the definition of Smirnov (Mediazona's editor): the same man, misspelt in German
    src = "At the book fair, Sergey Smirnov read from his court diaries."
    dst = "Auf der Buchmesse las Sergej Smirnov aus seinen Gerichtstagebüchern."
    assert _severities(src, dst, "de") == ["error"]
    # another man of the same surname is a question
    src = "At the book fair, Pavel Smirnov read from his fishing diaries."
    dst = "Auf der Buchmesse las Pawel Smirnov aus seinen Angeltagebüchern."
    assert _severities(src, dst, "de") == ["warning"]
    # the definition's first name in another transliteration (one letter off, five or more) is the same man;
    # a name two letters off is another
    src = "Speaking at the festival, Sergei Smirnov defended the reporters."
    assert _severities(src, "Auf dem Festival verteidigte Sergei Smirnov die Reporter.", "de") == ["error"]
    src = "Speaking at the festival, Sergio Smirnov defended the reporters."
    assert _severities(src, "Auf dem Festival verteidigte Sergio Smirnov die Reporter.", "de") == ["warning"]


def test_capitals_of_a_sentence_start_or_a_title_make_no_longer_name():
    dst = "Памятник внёс двух учителей в свой список."
    assert _severities("Yesterday Memorial added two teachers to its list.", dst, "ru") == ["error"]
    title = "Memorial Adds Two Teachers To Its List Of Political Prisoners"
    assert _severities(title, dst, "ru") == ["error"]
    # a preposition's object before the name is no part of it
    src = "Lawyers say that in Kazan Memorial volunteers were questioned for hours."
    dst = "Юристы говорят, что в Казани волонтёров мемориала допрашивали часами."
    assert _severities(src, dst, "ru") == ["error"]


def test_a_sentence_of_names_is_no_title():
    # names are no common words: the tournament named after a rider is another thing, however many names surround it
    src = "Marta and Joost won the dressage final at the Van Acker Memorial in Mechelen."
    assert _severities(src, "Марта и Йост выиграли финал по выездке на мемориале Ван Акера в Мехелене.", "ru") == [
        "warning"]
    assert _severities(src, "Marta et Joost ont gagné la finale de dressage du trophée Van Acker à Malines.", "fr") == [
        "warning"]


def _missing(src: str, dst: str, lang: str) -> list[str]:
    return [p.severity for p in glossary_checks.check(Checked(src, dst), Context(lang, GLOSSARY, None))
            if p.check == "glossary-missing" and p.term == "stolypin"]


def test_the_man_a_thing_is_named_after_kept_as_a_name_is_a_question():
    # no determiner before “Stolypin” (a name stands so), and the translation keeps the name: the statesman
    src = "Stolypin hoped the muzhiks would stay on their new farms in Siberia."
    assert _missing(src, "Stolypin hoffte, dass die Bauern auf ihren neuen Höfen in Sibirien bleiben würden.",
                    "de") == ["warning"]
    assert _missing(src, "Stolypine espérait que les paysans resteraient sur leurs nouvelles fermes en Sibérie.",
                    "fr") == ["warning"]


def test_the_carriage_with_a_determiner_rendered_by_the_bare_name_stays_an_error():
    src = "The Stolypin was so crowded that twelve men shared one compartment."
    assert _missing(src, "Der Stolypin war so voll, dass sich zwölf Männer ein Abteil teilten.", "de") == ["error"]
    src = "For three days twelve men shared one compartment of the Stolypin."
    assert _missing(src, "Drei Tage lang teilten sich zwölf Männer ein Abteil des Stolypin.", "de") == ["error"]


def test_an_abbreviation_spelt_out_as_another_name_is_a_question():
    src = "On Friday MSU lost the hockey final in Ann Arbor."
    [(severity, message)] = _errors(src, "Am Freitag verlor die Michigan State University das Eishockeyfinale in Ann "
                                         "Arbor.", "de")
    assert severity == "warning" and "“Michigan State University”" in message
    assert _severities(src, "Vendredi, Michigan State a perdu la finale de hockey à Ann Arbor.",
                                   "fr") == ["warning"]


def test_the_glossary_s_university_misnamed_stays_an_error():
    src = "Before his arrest Azat taught seminars at MSU."
    # its English name left untranslated: the initials are MSU, but every word is the glossary's own
    assert _severities(src, "Vor seiner Festnahme gab Azat Seminare an der Moscow State University.",
                                   "de") == ["error"]
    assert _severities(src, "Vor seiner Festnahme gab Azat Seminare an der Staatsuniversität Moskau.",
                                   "de") == ["error"]


def test_a_name_written_in_capitals_is_the_name():
    # a transcript's speaker label: the capitals say nothing of case, so “SMIRNOV” is the glossary's Smirnov, in a
    # prison article spelt Smirnow in German (in capitals too), and „SMIRNOV“ left as it was is an error
    src = "SMIRNOV: Good evening; my guest spent four years in a colony near Vladimir."
    assert _severities(src, "SMIRNOV: Guten Abend; mein Gast war vier Jahre in einer Kolonie bei Wladimir.", "de",
                       PRISON) == ["error"]
    assert _severities(src, "SMIRNOW: Guten Abend; mein Gast war vier Jahre in einer Kolonie bei Wladimir.", "de",
                       PRISON) == []
    # a word in lower case is still no name (the term is case-sensitive)
    assert _severities("The memorial was unveiled on Sunday.", "Das Denkmal wurde am Sonntag enthüllt.", "de") == []


def test_an_abbreviation_spelt_out_in_russian_word_order_is_a_question():
    # Russian capitalises a name's first word only and puts the genitive after: «Университет штата Мичиган» is
    # U, S, M romanised, Michigan State's initials in another order
    src = "Next week MSU hosts a chess tournament."
    [(severity, message)] = _errors(src, "На следующей неделе Университет штата Мичиган проводит шахматный турнир.",
                                    "ru")
    assert severity == "warning" and "“Университет штата Мичиган”" in message
    # a sentence's capitalised first word makes no name, and «Московского университета» has other initials
    assert _severities("MSU students are holding a chess tournament.",
                       "Студенты Московского университета проводят шахматный турнир.", "ru") == ["error"]


def test_a_name_beside_a_prison_term_of_its_own_message_stays_an_error():
    # the article names nothing of prison, but the message itself does (a red zone read in the glossary's sense)
    others = ["ORLOVA: Good evening and welcome to Tuesday's programme.", "ORLOVA: Tonight we talk about memory."]
    src = "SMIRNOV: Thank you for having me; I spent four years in a red zone in Mordovia."
    dst = "SMIRNOV: Danke für die Einladung; ich habe vier Jahre in einer roten Zone in Mordwinien verbracht."
    assert _severities(src, dst, "de", others) == ["error"]
    # with nothing of prison in it, the one-word name may be another's
    src = "SMIRNOV: Thank you for having me; I spent four years in a small town in Mordovia."
    dst = "SMIRNOV: Danke für die Einladung; ich habe vier Jahre in einer Kleinstadt in Mordwinien verbracht."
    assert _severities(src, dst, "de", others) == ["warning"]


def test_a_name_the_source_also_spells_out_is_the_glossarys():
    # the source's own “Moscow State University” names the glossary's university: the translation's spelt-out name
    # renders it (badly), it names no other university, and the article's want of prison does not ask
    src = "Both rowers graduated from MSU, Moscow State University, in 2019."
    dst = "Beide Ruderer machten 2019 ihren Abschluss an der MSU, der Moskauer Staatsuniversität."
    assert _severities(src, dst, "de", CAMPUS) == ["error"]


def test_a_name_that_is_an_english_noun_after_a_determiner_is_that_noun():
    # “the Memorial to …” is a monument (a common noun takes a determiner); the bare “Memorial” is the society
    src = "The Memorial to the drowned fishermen was restored last year with money from Memorial."
    assert _severities(src, "Das Denkmal für die ertrunkenen Fischer wurde letztes Jahr mit Geld einer "
                            "Gedenkinitiative restauriert.", "de", CAMPUS) == ["error"]
    assert _severities(src, "Das Denkmal für die ertrunkenen Fischer wurde letztes Jahr mit Geld von Memorial "
                            "restauriert.", "de", CAMPUS) == []
    # … and alone it is no error: the monument needs no glossary name
    src = "The Memorial to the drowned fishermen was restored last year."
    assert "error" not in _severities(src, "Das Denkmal für die ertrunkenen Fischer wurde letztes Jahr restauriert.",
                                      "de", CAMPUS)


def test_an_abbreviation_spelt_out_as_the_glossarys_own_name_stays_an_error():
    # the article names nothing of prison, but the translation spells “MSU” out as the glossary's university, in part
    # and inflected («Московского университета», „Moskauer Universität“): the translator read the name as the
    # glossary's, so the wrong spelling is an error, not a question of which university it is
    src = "The rowing coach, a former champion, now trains students at MSU."
    assert _severities(src, "Тренер по гребле, бывший чемпион, теперь тренирует студентов Московского "
                            "университета.", "ru", CAMPUS) == ["error"]
    assert _severities(src, "Der Rudertrainer, ein ehemaliger Meister, trainiert jetzt Studenten an der Moskauer "
                            "Universität.", "de", CAMPUS) == ["error"]
    # ... while a translation that names no university of its own keeps the question
    assert _severities(src, "Тренер по гребле, бывший чемпион, теперь тренирует студентов в университете.", "ru",
                       CAMPUS) == ["warning"]
