"""Merging a catalogue with its new template keeps every translation a volunteer made."""

from __future__ import annotations

import polib

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


def test_plural_entry_keeps_all_forms_and_changed_plural_goes_fuzzy():
    old = polib.POFile()
    old.metadata = {"Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);"}
    e = polib.POEntry(msgid="%d letter", msgid_plural="%d letters", msgstr_plural={0: "%d письмо", 1: "%d письма", 2: "%d писем"})
    old.append(e)
    pot = polib.POFile()
    pot.append(polib.POEntry(msgid="%d letter", msgid_plural="%d letters sent", msgstr_plural={0: "", 1: ""}))
    out = merge(old, pot, lang="ru")
    (m,) = [x for x in out if not x.obsolete]
    assert m.msgstr_plural == {0: "%d письмо", 1: "%d письма", 2: "%d писем"}
    assert "fuzzy" in m.flags and m.previous_msgid_plural == "%d letters"


def test_fuzzy_entry_keeps_its_previous_msgid_on_exact_match():
    old = polib.POFile()
    e = polib.POEntry(msgid="New text here", msgstr="Ancien", flags=["fuzzy"], previous_msgid="Old text here")
    old.append(e)
    (m,) = list(merge(old, _pot("New text here"), lang="fr"))
    assert "fuzzy" in m.flags and m.previous_msgid == "Old text here" and m.msgstr == "Ancien"


# -- real catalogues -----------------------------------------------------------

from conftest import CORPUS, needs  # noqa: E402

from pipeline.catalog import pofile  # noqa: E402

NEW = CORPUS / "gnu-www-fr"
OLD = CORPUS / "gnu-www-fr-2015"


def _template_of(po: polib.POFile) -> polib.POFile:
    """What msgattrib --no-obsolete --clear-fuzzy --clear-previous | msgfilter sed d makes of a PO."""
    pot = pofile.parse(pofile.dumps(po))
    kept = [e for e in pot if not e.obsolete]
    del pot[:]
    for e in kept:
        e.msgstr = ""
        e.msgstr_plural = {k: "" for k in e.msgstr_plural}
        e.flags = [f for f in e.flags if f != "fuzzy"]
        e.previous_msgid = e.previous_msgid_plural = e.previous_msgctxt = None
        pot.append(e)
    return pot


def _sample(folder, n: int):
    files = sorted(folder.rglob("*.po"))
    return files[:: max(1, len(files) // n)][:n]


@needs(NEW.is_dir(), "corpus not available")
def test_merging_a_real_catalogue_with_its_own_template_changes_nothing():
    # The update must not rewrite files translators saved with Poedit/Gtranslator/Emacs.
    for path in _sample(NEW, 40):
        data = path.read_bytes()
        po = pofile.parse(data, str(path))
        assert pofile.unchanged(data, merge(po, _template_of(po), lang="fr")), path


@needs(OLD.is_dir(), "corpus not available")
def test_real_2015_catalogues_updated_to_2017_lose_no_translation():
    for old_path in _sample(OLD, 30):
        old = pofile.parse(old_path.read_bytes(), str(old_path))
        new = pofile.parse((NEW / old_path.relative_to(OLD)).read_bytes())
        out = merge(old, _template_of(new), lang="fr")
        before = {e.msgstr for e in old if e.msgstr}
        after = {e.msgstr for e in out if e.msgstr}
        assert before <= after, old_path


def _parse(text: str):
    from pipeline.catalog import pofile

    return pofile.parse(text.encode("utf-8") if "KOI8" not in text else text.encode("koi8-r"), "t.po")


def test_a_new_format_flag_makes_a_translation_that_no_longer_fits_fuzzy():
    # msgfmt -c would refuse "%d" for "%s" once the template calls the string c-format (GNU's msgmerge-13).
    old = _parse('msgid "result %s"\nmsgstr "Ergebnis %s"\n\nmsgid "step %s"\nmsgstr "Schritt %d"\n\n'
                 '#, c-format, range: 1..6\nmsgid "%d days"\nmsgstr "%d Tage"\n')
    pot = _parse('#, c-format\nmsgid "result %s"\nmsgstr ""\n\n#, c-format\nmsgid "step %s"\nmsgstr ""\n\n'
                 '#, c-format, range: 0..7\nmsgid "%d days"\nmsgstr ""\n')
    out = {e.msgid: e for e in merge(old, pot, lang="")}
    assert out["result %s"].flags == ["c-format"]
    assert out["step %s"].flags == ["fuzzy", "c-format"]
    assert out["%d days"].flags == ["fuzzy", "c-format", "range: 0..7"]  # the old range no longer covers it


def test_a_koi8r_catalogue_becomes_utf8_when_the_template_brings_other_letters():
    from pipeline.catalog import pofile

    old = _parse('msgid ""\nmsgstr "Content-Type: text/plain; charset=KOI8-R\\n"\n\nmsgid "Overflow"\nmsgstr "Переполнение"\n')
    pot = _parse('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                 'msgid "Overflow"\nmsgstr ""\n\nmsgid "Überlauf"\nmsgstr ""\n')
    data = pofile.encode(merge(old, pot, lang=""))
    assert b"charset=UTF-8" in data and "Переполнение".encode() in data and "Überlauf".encode() in data


def test_merge_invents_no_language_but_guesses_it_from_the_team_as_msgmerge_does():
    pot = _parse('msgid ""\nmsgstr "Report-Msgid-Bugs-To: bugs@example.org\\n"\n\nmsgid "a"\nmsgstr ""\n')
    team = _parse('msgid ""\nmsgstr "Language-Team: German <de@li.org>\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    assert list(merge(team, pot, lang="").metadata.items()) == [
        ("Report-Msgid-Bugs-To", "bugs@example.org"), ("Language-Team", "German <de@li.org>"), ("Language", "de")]
    bare = _parse('msgid "a"\nmsgstr "b"\n')
    assert merge(bare, pot, lang="").metadata == {}  # no header in, no header out


def test_half_of_a_split_paragraph_gets_no_suggestion_that_costs_more_than_typing():
    # gnu.org's GPL 2 FAQ, 2015 -> 2017: the answer was split and reworded. msgmerge offers the whole old
    # answer (ratio 61) for its second half; the translator would delete more than they would type.
    old_source = ("It depends on how the program invokes its plug-ins.  If the program uses fork and exec to "
                  "invoke plug-ins, then the plug-ins are separate programs, so the license of the plug-in "
                  "makes no requirements about the main program.")
    half = "However, if they are separate works then the license of the plug-in makes no requirements about the main program."
    reworded = old_source.replace("It depends on how", "It all depends on how")
    old = _po({old_source: "Cela dépend de la façon dont le programme invoque ses greffons. Si le programme utilise "
                           "fork et exec, les greffons sont des programmes séparés, et la licence du greffon n'a pas "
                           "d'exigence concernant le programme principal."})
    merged = _by_id(merge(old, _pot(half, reworded), lang="fr"))
    assert merged[half].msgstr == "" and "fuzzy" not in merged[half].flags
    # the same old entry still serves a new source it is a promising start for
    assert merged[reworded].msgstr.startswith("Cela dépend") and "fuzzy" in merged[reworded].flags
