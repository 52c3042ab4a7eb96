"""The glossary as each translator's tool reads it, with that tool's own reading code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from glossary_tools import Unit, measure, need, row
from pipeline.glossary import load_glossary

LANGS = ("ru", "de", "fr")
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def weblate_python() -> Path:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    from weblate_env import weblate_python as make

    try:
        return make()
    except RuntimeError as exc:
        need("Weblate 5.14.3 + Translate Toolkit 3.16.3", str(exc))


def read_as_weblate(python: Path, tbx: Path, lang: str) -> list[dict]:
    proc = subprocess.run([str(python), str(ROOT / "tests" / "tools" / "weblate_read_tbx.py"), str(tbx), lang],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)["units"]


@pytest.mark.parametrize("lang", LANGS)
def test_weblate_reads_every_concept_flags_every_forbidden_term_and_shows_the_note(weblate_python, tmp_path, lang):
    out = tmp_path / f"{lang}.tbx"
    r = run_cli("glossary", "export", "--glossary", GLOSSARY, "--format", "weblate", "--lang", lang, "-o", out)
    assert r.returncode == 0, r.stderr
    units = read_as_weblate(weblate_python, out, lang)
    glossary = load_glossary(GLOSSARY)
    m = measure([Unit(u["source"], u["target"], "forbidden" in u["flags"], u["explanation"] + "\n" + u["notes"])
                 for u in units], glossary, lang)
    print(row(f"weblate {lang}", m))
    assert m["concepts"] == m["concepts_total"] == len(glossary.concepts)
    assert m["forbidden_flagged"] == m["forbidden_total"] > 0 and m["forbidden_offered"] == 0
    assert m["notes"] == m["notes_total"] > 0
    # Every target is a term of this language (none of another language's), and do-not-translate terms
    # are read-only in Weblate.
    mine = set()
    for c in glossary.concepts:
        tr = c.translations(lang)
        mine |= {t.text for t in c.terms} if c.is_dnt(lang) else {*(tr.approved if tr else []),
                                                                  *(f.term for f in (tr.forbidden if tr else []))}
    assert {u["target"] for u in units} <= mine
    dnt = {t.text for c in glossary.concepts if c.is_dnt(lang) for t in c.terms}
    assert dnt and all(u["readonly"] for u in units if u["source"] in dnt and u["target"] == u["source"])
    # The definition is Weblate's source explanation.
    petukh = next(u for u in units if u["context"] == "petukh")
    assert petukh["source"] == "rooster" and "lowest, untouchable caste" in petukh["source_explanation"]


@pytest.mark.parametrize("lang", LANGS)
def test_reviewed_markers_never_reach_weblate(weblate_python, tmp_path, lang):
    """The bundled glossary marks many source variants reviewed (glossary lint; how many moves with each re-audit
    of the labelled data, 28 in the tenth session): Weblate reads the same terms, notes
    and flags from its export as from the same glossary without a marker."""
    from pipeline.glossary import toml_format

    glossary = load_glossary(GLOSSARY)
    assert sum(bool(t.reviewed) for c in glossary.concepts for t in c.terms) >= 20
    for c in glossary.concepts:
        for t in c.terms:
            t.reviewed = ""
    bare = tmp_path / "bare.toml"
    bare.write_text(toml_format.dumps(glossary), encoding="utf-8")
    read = {}
    for name, source in (("marked", GLOSSARY), ("bare", bare)):
        out = tmp_path / f"{name}.tbx"
        r = run_cli("glossary", "export", "--glossary", source, "--format", "weblate", "--lang", lang, "-o", out)
        assert r.returncode == 0, r.stderr
        read[name] = (out.read_bytes(), read_as_weblate(weblate_python, out, lang))
    assert read["marked"][0] == read["bare"][0]
    assert read["marked"][1] == read["bare"][1] and len(read["marked"][1]) > 100
    assert not any("reviewed" in json.dumps(u) for u in read["marked"][1])


OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


def read_as_omegat(path: Path, lang: str) -> list[Unit]:
    """OmegaT 3.6's own glossary readers (GlossaryReaderTSV/CSV/TBX, picked by extension), run from Java."""
    import shutil

    need("OmegaT (Debian package omegat) and java",
         None if OMEGAT_JAR.is_file() and shutil.which("java") else "not installed: apt-get install omegat")
    proc = subprocess.run(["java", "-cp", str(OMEGAT_JAR), str(ROOT / "tests" / "tools" / "OmegatGlossary.java"),
                           str(path), "en", lang], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    units = []
    for line in proc.stdout.splitlines():
        src, tgt, com = line.split("\t")
        units.append(Unit(src, tgt, False, com.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")))
    return units


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_never_offers_a_forbidden_term_and_shows_note_and_forbidden_forms(tmp_path, lang):
    out = tmp_path / f"glossary-{lang}.txt"
    r = run_cli("glossary", "export", "--glossary", GLOSSARY, "--format", "omegat", "--lang", lang, "-o", out)
    assert r.returncode == 0, r.stderr
    units = read_as_omegat(out, lang)
    glossary = load_glossary(GLOSSARY)
    m = measure(units, glossary, lang, flag_in_comment=True)
    print(row(f"omegat {lang}", m))
    assert m["concepts"] == m["concepts_total"] == len(glossary.concepts)
    assert m["forbidden_offered"] == 0
    # Never offered for any source term of the concept. A word forbidden for one concept may be approved for
    # another (автозак is the prison van, not the Stolypin carriage): it is offered for that one's terms only.
    offered = [(c, u) for c in glossary.concepts if c.translations(lang)
               for u in units if u.source in {t.text for t in c.terms}]
    assert offered and not [u for c, u in offered if u.target in {f.term for f in c.translations(lang).forbidden}]
    assert m["forbidden_flagged"] == m["forbidden_total"] and m["notes"] == m["notes_total"] > 0
    # The CSV export reads the same through OmegaT's CSV reader.
    csv_out = tmp_path / f"glossary-{lang}.csv"
    assert run_cli("glossary", "export", "--glossary", GLOSSARY, "--lang", lang, "-o", csv_out).returncode == 0
    assert [(u.source, u.target, u.shown) for u in read_as_omegat(csv_out, lang)] == \
        [(u.source, u.target, u.shown) for u in units]


@pytest.mark.parametrize("ext", ["csv", "tsv"])
def test_csv_and_tsv_import_reads_what_export_writes(tmp_path, ext):
    first, toml, again = tmp_path / f"ru.{ext}", tmp_path / "g.toml", tmp_path / f"again.{ext}"
    assert run_cli("glossary", "export", "--glossary", GLOSSARY, "--lang", "ru", "-o", first).returncode == 0
    r = run_cli("glossary", "import", first, "--lang", "ru", "-o", toml)
    assert r.returncode == 0, r.stderr
    assert run_cli("glossary", "export", "--glossary", toml, "--lang", "ru", "-o", again).returncode == 0
    assert again.read_bytes() == first.read_bytes()
    original, imported = load_glossary(GLOSSARY), load_glossary(toml)
    assert len(imported.concepts) == len(original.concepts)
    for a, b in zip(original.concepts, imported.concepts):
        assert [t.text for t in a.terms] == [t.text for t in b.terms]
        assert a.translator_note == b.translator_note
        if not a.is_dnt("ru"):
            assert a.translations("ru").approved == b.translations("ru").approved
            assert a.translations("ru").forbidden == b.translations("ru").forbidden
    # Without --lang a CSV is a one-line usage error, not a TOML parse of CSV.
    r = run_cli("glossary", "import", first, "-o", tmp_path / "x.toml")
    assert r.returncode == 2 and "--lang" in r.stderr
