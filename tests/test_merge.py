"""Merging a catalogue with its new template keeps every translation a volunteer made."""

from __future__ import annotations

import polib
import pytest

from pipeline.catalog.merge import merge, new_po


def _pot(*msgids: str, ctxt: str | None = None) -> polib.POFile:
    pot = polib.POFile()
    pot.metadata = {"POT-Creation-Date": "2026-01-02 03:04+0000", "Content-Type": "text/plain; charset=UTF-8"}
    for i, m in enumerate(msgids):
        pot.append(polib.POEntry(msgid=m, msgstr="", occurrences=[("a.html", str(i + 1))], msgctxt=ctxt))
    return pot


def _po(pairs: dict[str, str], obsolete: dict[str, str] | None = None) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Language-Team": "French", "Plural-Forms": "nplurals=2; plural=(n > 1);"}
    for k, v in pairs.items():
        po.append(polib.POEntry(msgid=k, msgstr=v))
    for k, v in (obsolete or {}).items():
        po.append(polib.POEntry(msgid=k, msgstr=v, obsolete=True))
    return po


def _by_id(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po}


def test_exact_fuzzy_new_and_obsolete():
    old = _po({
        "The court sentenced him to six years in a strict-regime colony.": "Le tribunal l'a condamné à six ans.",
        "He was moved to a punishment cell.": "Il a été placé en cellule disciplinaire.",
        "Letters can be sent through the prison mail service.": "On peut écrire par la poste.",
    })
    old[0].tcomment = "checked with Anna"
    pot = _pot(
        "The court sentenced him to seven years in a strict-regime colony.",
        "He was moved to a punishment cell.",
        "A completely new paragraph about support.",
    )
    out = merge(old, pot, lang="fr")
    got = _by_id(out)
    assert [e.msgid for e in out if not e.obsolete] == [e.msgid for e in pot]  # the template's order
    same = got["He was moved to a punishment cell."]
    assert same.msgstr == "Il a été placé en cellule disciplinaire." and "fuzzy" not in same.flags
    changed = got["The court sentenced him to seven years in a strict-regime colony."]
    assert "fuzzy" in changed.flags
    assert changed.previous_msgid == "The court sentenced him to six years in a strict-regime colony."
    assert changed.msgstr == "Le tribunal l'a condamné à six ans."
    assert changed.tcomment == "checked with Anna"
    assert got["A completely new paragraph about support."].msgstr == ""
    gone = got["Letters can be sent through the prison mail service."]
    assert gone.obsolete and gone.msgstr == "On peut écrire par la poste."
    assert out.metadata["POT-Creation-Date"] == "2026-01-02 03:04+0000"
    assert out.metadata["Language"] == "fr"
    assert out.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"  # the translator's choice is kept


def test_obsolete_entry_comes_back_to_life():
    old = _po({}, obsolete={"Free Azat Miftakhov!": "Libérez Azat Miftakhov !"})
    out = merge(old, _pot("Free Azat Miftakhov!"), lang="fr")
    (e,) = list(out)
    assert not e.obsolete and e.msgstr == "Libérez Azat Miftakhov !" and "fuzzy" not in e.flags


def test_short_strings_do_not_match_long_ones():
    old = _po({"News": "Actualités", "Read": "Lire"})
    out = merge(old, _pot("Read the news", "Read the latest news from the colony"), lang="fr")
    for e in out:
        if not e.obsolete:
            assert e.msgstr == "" and "fuzzy" not in e.flags


def test_untranslated_gone_entries_are_dropped_translated_kept():
    old = _po({"gone but translated": "parti", "gone untranslated": ""})
    out = merge(old, _pot("brand new text"), lang="fr")
    assert [(e.msgid, e.obsolete) for e in out] == [("brand new text", False), ("gone but translated", True)]


def test_new_po_has_msginit_header():
    po = new_po(_pot("Hello"), "ru")
    meta = po.metadata
    assert meta["Language"] == "ru"
    assert meta["Plural-Forms"].startswith("nplurals=3;")
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["Language-Team"] == "Russian"
    assert meta["X-Generator"] == "tamizdat"
    assert [e.msgid for e in po] == ["Hello"] and po[0].msgstr == ""


def test_merge_without_old_is_msginit():
    out = merge(None, _pot("Hello", "World"), lang="de")
    assert [e.msgid for e in out] == ["Hello", "World"]
    assert out.metadata["Language"] == "de"
