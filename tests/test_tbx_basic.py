"""TBX-Basic 2019: what we write is valid against the official schemas; what others write, we read."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, run_cli
from glossary_tools import need
from pipeline.glossary import load_glossary
from pipeline.glossary.tbx import parse_tbx

sys.path.insert(0, str(ROOT / "tests" / "tools"))
import tbx_validate  # noqa: E402

GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def validator():
    need("TBX-Basic RNG + Schematron (lxml, Saxon-HE)", tbx_validate.missing())
    return tbx_validate.problems


def test_export_is_valid_tbx_basic_2019_and_lossless(validator, tmp_path):
    out = tmp_path / "glossary.tbx"
    r = run_cli("glossary", "export", "--glossary", GLOSSARY, "-o", out)  # the format from the extension
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">' in text
    assert validator(out) == []
    # The flags TBX-Basic has no data category for travel as notes, and come back.
    for flag in ("tamizdat: do not translate", "tamizdat: case-sensitive", "tamizdat: quoted only",
                 "tamizdat: proper noun", "tamizdat: exclude “bank transfer”"):
        assert f"<note>{flag}</note>" in text, flag
    assert load_glossary(out) == load_glossary(GLOSSARY)


def test_the_validator_rejects_what_the_dialect_forbids(validator, tmp_path):
    """Today's martif file, and a 2019 file with a data category outside TBX-Basic, both fail."""
    martif = tmp_path / "v2.tbx"
    martif.write_text(V2, encoding="utf-8")
    assert any("Expecting element tbx, got martif" in p for p in validator(martif))
    out = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", "--glossary", GLOSSARY, "-o", out).returncode == 0
    bad = tmp_path / "bad.tbx"
    bad.write_text(out.read_text(encoding="utf-8").replace(
        '<termNote type="partOfSpeech">noun</termNote>', '<termNote type="partOfSpeech">proper noun</termNote>', 1),
        encoding="utf-8")
    assert any("/partOfSpeech/ type may be" in p for p in validator(bad))


# Our earlier export (TBX v2, martif) with its own data categories: still read, nothing lost.
V2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>
</martifHeader><text><body>
<termEntry id="fsin">
  <descrip type="definition">The prison service.</descrip>
  <descrip type="x-exclude">Fsinka</descrip>
  <note>Keep the acronym.</note>
  <langSet xml:lang="en"><descrip type="x-caseSensitive">Yes</descrip>
    <tig><term>FSIN</term><termNote type="partOfSpeech">abbreviation</termNote></tig>
    <tig><term>offended</term><termNote type="partOfSpeech">abbreviation</termNote>
      <termNote type="x-quotedOnly">yes</termNote></tig></langSet>
  <langSet xml:lang="ru"><descrip type="Translation needed">Yes</descrip><note>ФСИН</note>
    <tig><term>ФСИН</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>фсинка</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
      <note>slang</note></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_v2_martif_import_and_2019_round_trip(tmp_path):
    g = parse_tbx(V2, "v2.tbx")
    c = g.concepts[0]
    assert (c.id, c.pos, c.case_sensitive, c.exclude, c.translator_note) == (
        "fsin", "abbreviation", True, ["Fsinka"], "Keep the acronym.")
    assert [(t.text, t.quoted) for t in c.terms] == [("FSIN", False), ("offended", True)]
    ru = c.langs["ru"]
    assert (ru.preferred, ru.dnt, ru.reader_note) == (["ФСИН"], False, "ФСИН")
    assert [(f.term, f.reason) for f in ru.forbidden] == [("фсинка", "slang")]
    from pipeline.glossary.tbx import dumps

    assert parse_tbx(dumps(g), "again.tbx") == g


def test_import_of_the_tbx_basic_example_from_ltac(tmp_path):
    """A file we did not write: LTAC-Global's valid TBX-Basic example (en → es/zu/…, transactions,
    descripGrp definitions, concepts with no English term)."""
    example = ROOT.parent / "shared" / "tbx" / "Example_DCA_VALID.tbx"
    need("the TBX-Basic example", None if example.is_file() else f"{example} is missing")
    out = tmp_path / "g.toml"
    r = run_cli("glossary", "import", example, "-o", out)
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("skipped: no term in the source language 'en' (warning)") == 6
    g = load_glossary(out)
    assert len(g.concepts) == 39
    c1 = g.get("c1")
    assert [t.text for t in c1.terms] == ["open cluster", "galactic cluster"]
    assert c1.definition == "A group of stars formed together in the spiral arms of a galaxy."
    assert c1.langs["es"].preferred == ["cúmulo abierto"]


# A reviewed marker (docs/glossary.md, `glossary lint`): a note TBX-Basic allows on a termSec, with the reason as
# written, even one that ends in a quotation or holds markup characters.
REVIEWED = '''source_language = "en"

[[concept]]
id = "ik"
terms = ["penal colony", { term = "colony", reviewed = "2026-12-01: any condition loses <b>“alone in a colony”</b> & the \\"red\\" one" }, "IK"]
pos = "noun"

[concept.ru]
preferred = "колония"
'''


def _exported(tmp_path, toml: str):
    """(the TOML written, its TBX export, the export's text)."""
    src = tmp_path / "g.toml"
    src.write_text(toml, encoding="utf-8")
    out = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", "--glossary", src, "-o", out).returncode == 0
    return src, out, out.read_text(encoding="utf-8")


def test_a_reviewed_marker_is_a_valid_note_and_comes_back_exactly(validator, tmp_path):
    src, out, text = _exported(tmp_path, REVIEWED)
    assert ("<note>tamizdat: reviewed: 2026-12-01: any condition loses &lt;b&gt;“alone in a colony”&lt;/b&gt; "
            "&amp; the \"red\" one</note>") in text
    assert validator(out) == []
    back = tmp_path / "back.toml"
    assert run_cli("glossary", "import", out, "-o", back).returncode == 0
    assert load_glossary(back) == load_glossary(src)
    assert load_glossary(back).concepts[0].terms[1].reviewed == \
        '2026-12-01: any condition loses <b>“alone in a colony”</b> & the "red" one'


def test_the_bundled_glossary_round_trips_toml_tbx_toml_to_the_same_text(validator, tmp_path):
    from pipeline.glossary import toml_format

    out = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", "--glossary", GLOSSARY, "-o", out).returncode == 0
    assert validator(out) == []
    reviewed = sum(bool(t.reviewed) for c in load_glossary(GLOSSARY).concepts for t in c.terms)
    assert reviewed and out.read_text(encoding="utf-8").count("<note>tamizdat: reviewed: ") == reviewed
    back = tmp_path / "back.toml"
    assert run_cli("glossary", "import", out, "-o", back).returncode == 0
    original = load_glossary(GLOSSARY)
    assert back.read_text(encoding="utf-8") == toml_format.dumps(original)
    assert [t.reviewed for c in load_glossary(back).concepts for t in c.terms] == \
        [t.reviewed for c in original.concepts for t in c.terms]


@pytest.mark.parametrize("note", ["tamizdat: reviewed:", "tamizdat: reviewed", "tamizdat: reviewed:   "])
def test_a_reviewed_note_without_a_reason_is_one_line_naming_file_and_line(tmp_path, note):
    _src, out, text = _exported(tmp_path, REVIEWED)
    marker = next(line for line in text.splitlines() if "tamizdat: reviewed:" in line)
    line = text.splitlines().index(marker) + 1
    out.write_text(text.replace(marker, marker.split("<note>")[0] + f"<note>{note}</note>"), encoding="utf-8")
    r = run_cli("glossary", "import", out, "-o", tmp_path / "back.toml")
    assert r.returncode == 1 and not (tmp_path / "back.toml").exists()
    assert r.stderr.count("\n") == 1
    assert r.stderr.startswith(f"tamizdat: error: {out}:{line}: concept 'ik': term 'colony': a reviewed note needs "
                               "the reason")
