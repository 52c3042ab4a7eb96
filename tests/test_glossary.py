"""The glossary: its content, matching, formats (TOML, TBX, CSV), bad input and PO notes."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import SHARED, needs

from conftest import run_cli
from pipeline.core.errors import TamizdatError
from pipeline.glossary import load_glossary, parse_glossary
from pipeline.glossary import tabular, tbx, toml_format
from pipeline.glossary.notes import annotate

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"
SEED = SHARED / "seeds" / "000_343ab60d8110d3a0.txt"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def ids(hits):
    return [h.concept.id for h in hits]


# -- content -------------------------------------------------------------------

def test_content_has_forty_concepts_translated_into_every_sample_language(g):
    assert len(g.concepts) >= 40
    for c in g.concepts:
        assert c.translator_note, c.id
        assert c.definition, c.id
        for lang in ("ru", "de", "fr"):
            assert c.is_dnt(lang) or c.approved(lang), (c.id, lang)


def test_castes_are_one_concept_with_one_agreed_translation_per_language(g):
    caste = g.get("petukh")
    for word in ("rooster", "roosters", "downgraded", "petukh"):
        assert ids(g.find(f"He was one of the “{word}”.", "en")) == ["petukh"]
    for lang in ("ru", "de", "fr"):
        assert len(caste.translations(lang).preferred) == 1
        assert caste.translations(lang).forbidden  # the slurs we never write
    for cid in ("muzhik", "blatnoy", "vor-v-zakone", "aktivist", "smotryashchy", "obshchak", "sizo", "ivs", "fsin",
                "ik", "fku", "shizo", "pkt", "epkt", "general-regime", "strict-regime", "special-regime", "etap",
                "udo", "peredacha", "short-visit", "long-visit", "fsin-pismo", "otryad", "press-khata",
                "political-prisoner", "zek", "miftakhov", "gorban", "doxa", "mediazona", "butyrka"):
        assert g.get(cid) is not None, cid
    assert g.get("miftakhov").approved("ru") == ["Мифтахов"]
    assert g.get("miftakhov").approved("de") == ["Miftachow"]
    assert g.get("miftakhov").approved("fr") == ["Miftakhov"]


@needs(SEED.exists(), "seed article not available (shared/seeds)")
def test_every_term_of_the_sample_article_is_in_the_glossary(g):
    found = set(ids(g.find(SEED.read_text(encoding="utf-8"), "en")))
    for cid in ("petukh", "muzhik", "aktivist", "sizo", "butyrka", "fsin", "fku", "ik", "general-regime",
                "political-prisoner", "etap", "miftakhov", "azat", "gorban", "elena", "doxa", "mediazona", "fsb",
                "siloviki", "caste", "solitary-cell", "omutninsk", "msu"):
        assert cid in found, cid


# -- matching ------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,cid,form", [
    ("en", "Political prisoners wrote to him.", "political-prisoner", "Political prisoners"),
    ("ru", "в исправительной колонии", "ik", "исправительной колонии"),
    ("ru", "письмо Мифтахову", "miftakhov", "Мифтахову"),
    ("ru", "статус политзаключенного", "political-prisoner", "политзаключенного"),  # ё = е
    ("de", "die „Hähne“", "petukh", "Hähne"),
    ("fr", "les « coqs »", "petukh", "coqs"),
    ("fr", "les prisonnier·es politiques", "political-prisoner", "prisonnier·es politiques"),  # inclusive writing
    ("de", "politische*r Gefangene*r", "political-prisoner", "politische*r Gefangene*r"),
    ("de", "eine „Aktivistin“ der Kolonie", "aktivist", "Aktivistin"),  # a person noun's feminine
    ("de", "zwei „Aktivistinnen“", "aktivist", "Aktivistinnen"),
])
def test_inflected_forms_match_and_offsets_point_at_them(g, lang, text, cid, form):
    hits = [h for h in g.find(text, lang) if h.concept.id == cid]
    assert hits and hits[0].form == form and text[hits[0].start:hits[0].end] == form


def test_a_german_word_in_in_that_is_no_feminine_meets_nothing(g):
    assert ids(g.find("Der Termin im Magazin der Kolonie", "de")) == ["ik"]


def test_word_boundaries_placeholders_and_urls(g):
    assert ids(g.find("Roosterman wrote a book.", "en")) == []
    assert ids(g.find("See https://example.org/roosters and a@roosters.org", "en")) == []
    text = "He was a <em>political</em> prisoner in <a1>SIZO</a1>."
    assert ids(g.find(text, "en")) == ["political-prisoner", "sizo"]
    hits = g.find("&lt;rooster&gt;", "en")
    assert ids(hits) == ["petukh"] and hits[0].form == "rooster"


def test_quoted_only_terms_and_exclusions(g):
    assert ids(g.find("He was offended by the remark.", "en")) == []
    assert ids(g.find("They call them the “offended”.", "en")) == ["petukh"]
    assert ids(g.find("Make a bank transfer to the group.", "en")) == []
    assert ids(g.find("During his transfer to the colony", "en")) == ["etap", "ik"]
    assert ids(g.find("The anarchist activists protested.", "en")) == []


def test_the_match_tells_which_exclusion_phrases_it_left_out(g):
    # (the source reading asks whether the same word stands elsewhere in the message: “… and the transfer …”)
    text = "Friends paid for it by bank trans\u00adfer, and the transfer to the colony came a week later."
    hits, met = g.find_excluding(text, "en")
    assert ids(hits) == ["etap", "ik"]
    assert [(x.concept_id, text[x.start:x.end], text[x.word_start:x.word_end]) for x in met] == [
        ("etap", "bank trans\u00adfer", "trans\u00adfer")]
    assert g.find_excluding("During his transfer to the colony", "en")[1] == []


@pytest.mark.parametrize("lang, text, cid", [("ru", "Его отправили в ШИ{}ЗО.", "shizo"),
                                             ("de", "Er kam in die Straf{}zelle.", "shizo"),
                                             ("en", "He was sent to the punish{}ment cell.", "shizo")])
def test_every_invisible_character_splits_no_term(g, lang, text, cid):
    # (strip_invisible tests INVISIBLE's characters one by one, written out for speed: each must be stripped)
    from pipeline.glossary.textprep import INVISIBLE

    for ch in INVISIBLE:
        assert cid in ids(g.find(text.format(ch), lang)), repr(ch)


def test_longest_match_wins_unless_overlapping_asked(g):
    text = "six years of general regime colony"
    assert ids(g.find(text, "en")) == ["general-regime"]
    ru = "колонии общего режима"
    assert set(ids(g.find(ru, "ru", overlapping=True))) == {"general-regime", "ik"}


def test_case_sensitive_names(g):
    assert ids(g.find("fsin and miftakhov", "en")) == []
    assert ids(g.find("FSIN and Miftakhov", "en")) == ["fsin", "miftakhov"]



def _term_texts(g) -> list[tuple[str, str, str, str]]:
    """(language, text, concept id, term) for every term of the glossary in sentences: as written, capitalised,
    in capitals, lower-cased, inflected (every Russian form pymorphy3 knows of a one-word term; common
    endings elsewhere), quoted, split by a soft hyphen, and one word short of a multi-word term."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    out = []
    for c in g.concepts:
        by_lang = {g.source_language: [t.text for t in c.terms]}
        for lang, tr in c.langs.items():
            by_lang[lang] = tr.preferred + tr.admitted + [f.term for f in tr.forbidden]
        for lang, terms in by_lang.items():
            for term in terms:
                forms = {term, term[:1].upper() + term[1:], term.upper(), term.lower(), f"„{term}“", f"«{term}»",
                         term[: len(term) // 2] + "\u00ad" + term[len(term) // 2:]}
                words = term.split()
                if len(words) > 1:
                    forms.add(" ".join(words[:-1]))
                if lang == "ru" and len(words) == 1:
                    forms |= {f.word for p in morph.parse(term)[:1] for f in p.lexeme}
                elif lang != "ru":
                    forms |= {term + end for end in ("s", "e", "en", "es", "er", "x")}
                for form in forms:
                    out.append((lang, f"Then {form} and the rest.", c.id, term))
                    out.append((lang, f"{form}: {form}, ({form}).", c.id, term))
    return out


def test_what_a_text_finds_does_not_depend_on_what_was_read_before(g):
    """The matcher remembers, per word, whether it may start a term and which of a term's first-word checks
    (case, forbidden endings) it passes, and dismisses texts by set operations on those memos: every term in
    every form must be found exactly as by an index that meets the texts in the opposite order, and each term
    as written (quoted, where only quotes make it a term) is found."""
    import random

    texts = _term_texts(g)
    assert len(texts) > 5_000
    random.Random(17).shuffle(texts)
    fresh = load_glossary(GLOSSARY)
    def seen(glossary, lang, text):
        return [(h.concept.id, h.start, h.end, h.kind, h.term, h.derived)
                for h in glossary.find(text, lang, overlapping=True, remember=False, derived=True)]
    forward = [seen(g, lang, text) for lang, text, _, _ in texts]
    backward = [seen(fresh, lang, text) for lang, text, _, _ in reversed(texts)][::-1]
    assert forward == backward
    missed = [(lang, text) for (lang, text, cid, term), hits in zip(texts, forward)
              if text == f"Then «{term}» and the rest." and not any(h[0] == cid for h in hits)]
    assert not missed


# -- TOML: bad input ---------------------------------------------------------------

GOOD = """\
source_language = "en"

[[concept]]
id = "petukh"
terms = ["rooster"]
translator_note = "Slur; quote it."

[concept.ru]
preferred = "опущенный"
forbidden = [{ term = "пидор", reason = "slur" }]

[[concept]]
id = "zek"
terms = ["zek"]
"""


@pytest.mark.parametrize("text,line,words", [
    (GOOD.replace('terms = ["zek"]', 'terms = ["zek"'), 14, "syntax"),
    (GOOD.replace('id = "zek"', 'id = "petukh"'), 13, "duplicate concept id 'petukh' (first defined at line 4)"),
    (GOOD.replace("[concept.ru]", "[concept.xx]"), 8, "unknown language code 'xx'"),
    (GOOD.replace('preferred = "опущенный"', 'preferred = ["опущенный", "пидор"]'), 10, "both approved and forbidden"),
    (GOOD.replace('translator_note =', 'translater_note ='), 6, "unknown key 'translater_note'"),
])
def test_bad_glossary_is_one_error_with_file_and_line(text, line, words):
    with pytest.raises(TamizdatError) as info:
        parse_glossary(text, "g.toml")
    assert info.value.path == "g.toml" and info.value.line == line
    assert words in info.value.message and "\n" not in str(info.value)


def test_bad_glossary_on_the_command_line(tmp_path):
    bad = tmp_path / "g.toml"
    bad.write_text(GOOD.replace('id = "zek"', 'id = "petukh"'), encoding="utf-8")
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr "Language: ru\\n"\n', encoding="utf-8")
    r = run_cli("check", po, "--glossary", bad, cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [f"tamizdat: error: {bad}:13: duplicate concept id 'petukh' (first defined at line 4)"]


# -- formats -------------------------------------------------------------------------

def test_toml_writer_round_trips(g):
    assert parse_glossary(toml_format.dumps(g)) == g


def test_tbx_export_import_is_lossless(g, tmp_path):
    out = tmp_path / "g.tbx"
    r = run_cli("glossary", "export", "--format", "tbx", "--glossary", GLOSSARY, "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"' in text
    assert "preferredTerm-admn-sts" in text and "deprecatedTerm-admn-sts" in text
    assert "<note>tamizdat: do not translate</note>" in text  # DOXA
    assert load_glossary(out) == g
    back = tmp_path / "g.toml"
    r = run_cli("glossary", "import", out, "-o", back)
    assert r.returncode == 0, r.stderr
    assert load_glossary(back) == g
    # A hand-edited glossary is not replaced by accident.
    r = run_cli("glossary", "import", out, "-o", back)
    assert r.returncode == 1 and "--force" in r.stderr
    assert run_cli("glossary", "import", out, "-o", back, "--force").returncode == 0


WEBLATE_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">Lowest caste</descrip>
  <langSet xml:lang="en"><tig><term>rooster</term></tig></langSet>
  <langSet xml:lang="de">
    <tig><term>Hahn</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Gockel</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
    <tig><term>Schwuchtel</term><termNote type="administrativeStatus">forbidden</termNote></tig>
    <tig><term>Huhn</term><termNote type="administrativeStatus">obsolete</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="c2">
  <langSet xml:lang="en"><descrip type="Translation needed">No</descrip><tig><term>DOXA</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_tbx_from_other_tools_reads_superseded_and_weblate_statuses_as_forbidden():
    g = tbx.parse_tbx(WEBLATE_TBX, "w.tbx")
    c = g.get("c1")
    assert c.definition == "Lowest caste"
    assert c.approved("de") == ["Hahn"]
    assert [f.term for f in c.translations("de").forbidden] == ["Gockel", "Schwuchtel", "Huhn"]
    assert g.get("c2").is_dnt("ru")


def test_tbx_errors_have_lines_and_entities_are_not_resolved(tmp_path):
    with pytest.raises(TamizdatError) as info:
        tbx.parse_tbx(WEBLATE_TBX.replace("</tig></langSet>\n</termEntry>", "</langSet>\n</termEntry>", 1), "w.tbx")
    assert info.value.line == 14
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<martif xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en">'
           "<tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>")
    try:
        g = tbx.parse_tbx(xxe, "x.tbx")
    except TamizdatError:
        return
    assert "TOPSECRET" not in str(g.concepts)


def test_omegat_tsv_and_csv_exports(g):
    rows = tabular.dumps_tsv(g, "de").splitlines()
    assert ("rooster\tHahn\talso: Erniedrigter, Petuch; never: Schwuchtel (homophobic hate slur), Gockel (mocking; "
            "makes fun of the prisoner), Homosexueller (the caste is not a sexual orientation); note: Caste slur") \
        in "\n".join(rows)
    assert "rooster\tErniedrigter\t" in "\n".join(rows)  # every approved term is offered
    assert all(len(r.split("\t")) == 3 for r in rows)
    assert any(r.startswith("DOXA\tDOXA\tkeep untranslated") for r in rows)
    assert "Miftakhov,Miftachow," in tabular.dumps_csv(g, "de")


# -- notes in front of translators ------------------------------------------------------

def _po(*msgids, comment="a1 = https://example.org/x"):
    po = polib.POFile()
    for m in msgids:
        po.append(polib.POEntry(msgid=m, msgstr="", comment=comment))
    return po


def test_annotate_po_and_pot(g):
    po = _po("He was placed among the “roosters” in <a1>SIZO</a1>.")
    annotate(po, g, "ru")
    lines = po[0].comment.split("\n")
    assert lines[0] == "a1 = https://example.org/x"
    assert lines[1].startswith("glossary: rooster — Caste slur")
    assert lines[2] == "glossary ru: опущенный; also: обиженный, петух; never: пидор, пидорас, педераст, гомосексуалист"
    assert any(x.startswith("glossary: SIZO") for x in lines)
    assert not any(x.startswith("glossary de:") for x in lines)
    pot = _po("He was placed among the “roosters”.")
    annotate(pot, g, None)
    assert [x.split(":")[0] for x in pot[0].comment.split("\n")[1:]] == [
        "glossary", "glossary ru", "glossary de", "glossary fr"]


def test_annotate_is_idempotent_and_refreshes_when_the_glossary_changes(g):
    po = _po("Political prisoners", "No term here.", comment="translators: keep it short")
    annotate(po, g, "fr")
    first = [e.comment for e in po]
    annotate(po, g, "fr")
    assert [e.comment for e in po] == first
    assert po[1].comment == "translators: keep it short"
    changed = parse_glossary(GLOSSARY.read_text(encoding="utf-8").replace(
        'preferred = "prisonnier politique"', 'preferred = "prisonnier d\'opinion"'))
    annotate(po, changed, "fr")
    assert "glossary fr: prisonnier d'opinion; also: détenu politique, prisonnière politique" in po[0].comment
    assert "prisonnier politique;" not in po[0].comment
    empty = parse_glossary('source_language = "en"\n')
    annotate(po, empty, "fr")
    assert po[0].comment == "translators: keep it short"


def test_ukrainian_lemmas_and_multiword_terms():
    g = parse_glossary('[[concept]]\nid = "ik"\nterms = ["penal colony"]\n\n[concept.uk]\npreferred = "виправна колонія"\n')
    assert [h.form for h in g.find("у виправній колонії № 17", "uk")] == ["виправній колонії"]


@pytest.mark.parametrize("old,new,line,words", [
    ('<termEntry id="c2">', '<termEntry id="c1">', 13, "duplicate concept id 'c1'"),
    ('<langSet xml:lang="de">', '<langSet xml:lang="xx">', 6, "unknown language code 'xx'"),
    ("<term>Huhn</term>", "<term>Hahn</term>", 6, "'Hahn' is both approved and forbidden"),
])
def test_bad_tbx_is_one_error_with_file_and_line(old, new, line, words):
    with pytest.raises(TamizdatError) as info:
        tbx.parse_tbx(WEBLATE_TBX.replace(old, new), "w.tbx")
    assert (info.value.path, info.value.line) == ("w.tbx", line)
    assert words in info.value.message


@pytest.mark.parametrize("text", [
    "Les prisonnier·es politiques et les Aktivist*innen, Gefangene:r, Häftling_innen.",
    "Visits at 10:30, cell 4*2 and note: he wrote; the end.", "Cell_7 and __init__ and a_b", "word:", ":word",
    "Он сказал: «передача пришла». Arrived at 9:00:15.", "·begin end· a·b a · b", "", "   ", "x*", "ü·ö ß:Ł",
    "Передача для 5-го отряда, 2022-05-10 · <span>Азат Мифтахов</span>", "a·b·c:d*e_f", "1:2 x:y é*ë",
])
def test_the_words_of_a_text_are_the_word_regex_words(text):
    """The matcher and the readings find a text's words the fast way where a plain ``\\w+`` finds the same: the
    same words in every text, inclusive writing and underscores included."""
    from pipeline.glossary.textprep import WORD_RE, words_of

    assert words_of(text) == WORD_RE.findall(text)


@pytest.mark.parametrize("src, dst, cid, severity", [
    # « parloir », the short visit's, inside « parloir long », the long visit's: a sibling's term renders no short
    # visit (“long visit” holds no word of “short visit”)
    ("She asked when the first short visit would be allowed.",
     "Elle a demandé quand le premier parloir long serait autorisé.", "short-visit", ["error"]),
    ("She asked when the first short visit would be allowed.",
     "Elle a demandé quand le premier parloir serait autorisé.", "short-visit", []),
    ("She asked when the first long visit would be allowed.",
     "Elle a demandé quand le premier parloir long serait autorisé.", "long-visit", []),
])
def test_an_approved_word_inside_a_siblings_longer_term_renders_nothing(g, src, dst, cid, severity):
    from glossary_findings import severities

    assert severities(g, "fr", src, dst, cid) == severity
