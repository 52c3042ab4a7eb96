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
