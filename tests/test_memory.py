"""Translation memory: other catalogues of the language fill new entries; TMX carries it to other tools."""

from __future__ import annotations

import polib
import pytest

from pipeline.catalog import tmx
from pipeline.catalog.memory import Memory
from pipeline.catalog.merge import merge
from pipeline.core.errors import TamizdatError


def _po(pairs: dict[str, str], fuzzy: tuple[str, ...] = ()) -> polib.POFile:
    po = polib.POFile()
    for k, v in pairs.items():
        po.append(polib.POEntry(msgid=k, msgstr=v, flags=["fuzzy"] if k in fuzzy else []))
    return po


def _pot(*msgids: str) -> polib.POFile:
    pot = polib.POFile()
    for m in msgids:
        pot.append(polib.POEntry(msgid=m, msgstr=""))
    return pot


MEMORY = Memory.from_catalogs([
    ("letters-from-ik17", _po({
        "Write to Azat Miftakhov at the penal colony.": "Écrivez à Azat Miftakhov à la colonie pénitentiaire.",
        "Support political prisoners.": "Soutenez les prisonniers politiques.",
        "A guess nobody checked.": "Une supposition.",
    }, fuzzy=("A guess nobody checked.",))),
])


def test_exact_memory_hit_is_filled_fuzzy_with_its_source_named():
    out = merge(None, _pot("Support political prisoners."), lang="fr", memory=MEMORY, slug="new-article")
    (e,) = list(out)
    assert e.msgstr == "Soutenez les prisonniers politiques."
    assert "fuzzy" in e.flags
    assert e.tcomment == "memory: letters-from-ik17"


def test_memory_exact_translated_setting_fills_finished_translations():
    out = merge(None, _pot("Support political prisoners."), lang="fr", memory=MEMORY, slug="x",
                memory_exact="translated")
    (e,) = list(out)
    assert e.msgstr and "fuzzy" not in e.flags


def test_close_memory_match_is_fuzzy_with_previous_msgid():
    out = merge(None, _pot("Write to Azat Miftakhov at the penal colony IK-17."), lang="fr", memory=MEMORY, slug="x")
    (e,) = list(out)
    assert "fuzzy" in e.flags
    assert e.previous_msgid == "Write to Azat Miftakhov at the penal colony."
    assert e.msgstr.startswith("Écrivez")


def test_fuzzy_translations_and_far_texts_are_not_memory():
    out = merge(None, _pot("A guess nobody checked.", "Support"), lang="fr", memory=MEMORY, slug="x")
    assert all(e.msgstr == "" for e in out)


def test_a_catalogue_is_no_memory_for_itself():
    out = merge(None, _pot("Support political prisoners."), lang="fr", memory=MEMORY, slug="letters-from-ik17")
    assert list(out)[0].msgstr == ""


def test_exact_memory_hit_wins_over_the_same_articles_similar_entry():
    # msgmerge too looks a msgid up in the compendium before any fuzzy search; the very source translated
    # elsewhere is closer to the answer than a similar one of this article (bench/merge_quality.py).
    old = _po({"Support political prisoners!": "Soutenez-les !"})
    out = merge(old, _pot("Support political prisoners."), lang="fr", memory=MEMORY, slug="x")
    e = [x for x in out if not x.obsolete][0]
    assert e.msgstr == "Soutenez les prisonniers politiques." and e.tcomment == "memory: letters-from-ik17"
    # the old entry nobody took stays, obsolete
    assert [x.msgstr for x in out if x.obsolete] == ["Soutenez-les !"]


def test_same_article_similar_entry_wins_over_a_similar_memory_entry():
    old = _po({"Write to Azat Miftakhov at the penal colony!": "Écris-lui !"})
    out = merge(old, _pot("Write to Azat Miftakhov at the penal colony IK-17."), lang="fr", memory=MEMORY, slug="x")
    e = [x for x in out if not x.obsolete][0]
    assert e.msgstr == "Écris-lui !" and e.previous_msgid == "Write to Azat Miftakhov at the penal colony!"


def test_tmx_round_trip_keeps_text_markup_and_slug():
    mem = Memory.from_catalogs([("a&b", _po({'Read <a1>the "letter"</a1> & write': "Lisez <a1>la « lettre »</a1> & écrivez"}))])
    data = tmx.dumps(mem, source_lang="en", target_lang="fr").encode()
    units = tmx.parse(data, target_lang="fr")
    assert [(s, e.msgid, e.msgstr) for s, e in units] == [
        ("a&b", 'Read <a1>the "letter"</a1> & write', "Lisez <a1>la « lettre »</a1> & écrivez")]
    # other languages in the same file are not taken
    assert tmx.parse(data, target_lang="de") == []


def test_tmx_from_another_tool_with_inline_codes_and_regional_tags():
    data = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en-US" datatype="html" segtype="sentence" adminlang="en" o-tmf="x" creationtool="OmegaT" creationtoolversion="6"/>
<body><tu><tuv xml:lang="en-US"><seg>Free <bpt i="1">&lt;b&gt;</bpt>Azat<ept i="1">&lt;/b&gt;</ept></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Libérez <bpt i="1">&lt;b&gt;</bpt>Azat<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu></body></tmx>""".encode()
    units = tmx.parse(data, target_lang="fr", path="omegat.tmx")
    assert [(s, e.msgid, e.msgstr) for s, e in units] == [("omegat.tmx", "Free Azat", "Libérez Azat")]


def test_broken_tmx_is_a_located_error():
    with pytest.raises(TamizdatError) as err:
        tmx.parse(b"<tmx>\n<body><tu>\n</body>", target_lang="fr", path="m.tmx")
    assert err.value.path == "m.tmx" and err.value.line
