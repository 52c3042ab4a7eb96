"""Suggestions that need less typing: changed verbatim tokens carried into an old translation, and
markup-heavy new entries started from their source. Both stay fuzzy for a translator to review."""

from __future__ import annotations

import polib

from pipeline.catalog.carry import carry
from pipeline.catalog.merge import merge
from pipeline.catalog.source_copy import worth_copying


def test_years_added_to_a_copyright_line_are_carried():
    assert carry("Copyright &copy; 2014, 2015 Free Software Foundation, Inc.",
                 "Copyright &copy; 2014, 2015, 2016, 2017 Free Software Foundation, Inc.",
                 "Copyright &copy; 2014, 2015 Free Software Foundation, Inc.") == \
        "Copyright &copy; 2014, 2015, 2016, 2017 Free Software Foundation, Inc."


def test_a_new_link_target_and_number_are_carried_and_the_translated_words_kept():
    old = 'Azat was moved to <a href="http://zona.media/ik-17">colony No. 17</a>.'
    new = 'Azat was moved to <a href="https://zona.media/news/ik-6">colony No. 6</a>.'
    fr = 'Azat a été transféré à la <a href="http://zona.media/ik-17">colonie n° 17</a>.'
    assert carry(old, new, fr) == 'Azat a été transféré à la <a href="https://zona.media/news/ik-6">colonie n° 6</a>.'


def test_changed_words_are_never_put_into_a_translation():
    fr = "Écrivez à Azat à la colonie."
    assert carry("Write to Azat at the colony.", "Write to Azat at the prison.", fr) == fr
    # an English word that happens to be spelt like a French one is not a name the translator kept
    assert carry("Letters from prison", "Letters from prisons", "Lettres de prison") == "Lettres de prison"


def test_a_token_that_occurs_twice_is_carried_only_where_its_neighbours_tell_which():
    old, new = "Colony 17, held since March 17.", "Colony 6, held since March 17."
    assert carry(old, new, "Colonie n° 17, détenu depuis le 17 mars.") == "Colonie n° 6, détenu depuis le 17 mars."
    # which "17" is the colony's here? Nobody can tell, so nothing is changed.
    fr = "Détenu depuis le 17 mars dans la colonie 17."
    assert carry(old, new, fr) == fr


def test_a_name_the_translator_kept_is_carried():
    assert carry("Mikhail Kriger was sentenced.", "Azat Miftakhov was sentenced.",
                 "Mikhail Kriger a été condamné.") == "Azat Miftakhov a été condamné."


def _po(pairs):
    po = polib.POFile()
    for k, v in pairs.items():
        po.append(polib.POEntry(msgid=k, msgstr=v))
    return po


def _pot(*msgids):
    pot = polib.POFile()
    for m in msgids:
        pot.append(polib.POEntry(msgid=m, msgstr=""))
    return pot


def test_a_carried_change_never_leaves_the_translations_markup_broken():
    # gnu.org, 2015 -> 2017: a closing tag moved before the final full stop; the old "." + "</a>" is no
    # verbatim token a translation keeps, so a carry could only take the tag away, not put it back
    old = "<a href=\"http://www.cs.pdx.edu/~trent/gnu\">Trent's pages.</a>"
    new = "<a href=\"http://www.cs.pdx.edu/~trent/gnu\">Trent's pages</a>."
    fr = "<a href=\"http://www.cs.pdx.edu/~trent/gnu\">Les pages de Trent</a>"
    assert carry(old, new, fr) == fr
    # a name replaced together with the link around it, whose closing tag stays: nothing is carried
    old = '* <a href="http://wiki.gnome.org/Apps/Dia/Documentation">Dia</a>'
    new = '<a href="https://wiki.gnome.org/Apps/Evince/Downloads"> Evince</a>'
    assert carry(old, new, old) == old


def test_merge_carries_into_fuzzy_suggestions_and_names_the_old_source():
    old = _po({"Letter of 39 pages received on 20.05.2020": "Lettre de 39 pages reçue le 20.05.2020"})
    out = merge(old, _pot("Letter of 37 pages received on 22.08.2020"), lang="fr")
    (e,) = [x for x in out if not x.obsolete]
    assert e.msgstr == "Lettre de 37 pages reçue le 22.08.2020"
    assert "fuzzy" in e.flags and e.previous_msgid == "Letter of 39 pages received on 20.05.2020"
    # the translation as it was written is kept too, obsolete: no translation is ever lost
    assert [(x.msgid, x.msgstr) for x in out if x.obsolete] == [
        ("Letter of 39 pages received on 20.05.2020", "Lettre de 39 pages reçue le 20.05.2020")]


def test_markup_heavy_new_entry_starts_from_its_source_fuzzy():
    link = 'See <a href="https://www.theguardian.com/world/2021/jan/12/ik-17-letters">the letters</a>.'
    prose = "Nobody expected the court to hear the appeal so soon after the transfer."
    assert worth_copying(link) and not worth_copying(prose)
    out = merge(_po({"Old text": "Ancien texte"}), _pot(link, prose), lang="fr")
    by_id = {e.msgid: e for e in out if not e.obsolete}
    assert by_id[link].msgstr == link and "fuzzy" in by_id[link].flags
    assert by_id[prose].msgstr == "" and not by_id[prose].flags


def test_no_suggestions_without_fuzzy_matching_or_in_a_new_catalogue():
    link = '<a href="https://ovdinfo.org/">OVD-Info</a>'
    assert [e.msgstr for e in merge(None, _pot(link), lang="fr")] == [""]  # msginit suggests nothing
    out = merge(_po({"Old": "Ancien"}), _pot(link), lang="fr", fuzzy=False)
    assert [e.msgstr for e in out if not e.obsolete] == [""]


def test_an_entry_left_empty_is_not_started_from_the_source_on_a_later_update():
    link = '<a href="https://ovdinfo.org/">OVD-Info</a>'
    old = _po({link: "", "Old": "Ancien"})
    out = merge(old, _pot(link), lang="fr")
    assert [e.msgstr for e in out if not e.obsolete] == [""]  # an update with nothing new writes nothing new
