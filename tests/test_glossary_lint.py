"""`tamizdat glossary lint`: which source variants are everyday English and yet count as the prison word
everywhere, decided by WordNet's senses rather than by the last false alarm (pipeline/glossary/lint.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require, run_cli
from pipeline.glossary import wordnet
from pipeline.glossary.lint import everyday_sense, unconditioned_everyday
from pipeline.glossary.toml_format import parse_glossary

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = '''source_language = "en"
prison_words = ["prison", "cell"]

[[concept]]
id = "ik"
terms = ["penal colony", "colony", "IK"]

[[concept]]
id = "strict-regime"
terms = ["strict regime", { term = "maximum security", prison_only = true }]

[[concept]]
id = "petukh"
terms = ["petukh", { term = "offended", quoted = true }, { term = "rooster", everyday = true }]

[[concept]]
id = "avtozak"
terms = ["prison van", "police vans", "avtozak"]

[[concept]]
id = "memorial"
pos = "proper noun"
terms = ["Memorial"]
'''


@pytest.fixture(scope="module", autouse=True)
def _wordnet():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")


def test_everyday_words_and_phrases_without_a_condition_are_reported():
    found = {(f.concept, f.term) for f in unconditioned_everyday(parse_glossary(GLOSSARY))}
    # a colony of ants or of artists; a strict regime of diet: words that mean what they mean anywhere
    assert found == {("ik", "colony"), ("strict-regime", "strict regime")}


@pytest.mark.parametrize("variant", ["penal colony", "police vans", "prison van", "petukh", "IK", "otryad"])
def test_penal_words_transliterations_and_acronyms_have_no_everyday_sense(variant):
    # WordNet glosses a police van as carrying prisoners; a transliteration is not English at all
    assert everyday_sense(variant) == ""


def test_the_finding_shows_the_other_sense():
    (colony,) = [f for f in unconditioned_everyday(parse_glossary(GLOSSARY)) if f.term == "colony"]
    assert "settle far from home" in str(colony) and "prison_only" in str(colony)


def test_cli_reports_file_and_line_and_fails(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert f"{path}:5: warning: concept “ik”: variant “colony” is everyday English" in lines[0]
    assert len(lines) == 2
    path.write_text(GLOSSARY.replace('"colony"', '{ term = "colony", prison_only = true }')
                    .replace('"strict regime"', '{ term = "strict regime", everyday = true }'), encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""


def test_cli_without_wordnet_fails_rather_than_passing_the_glossary(tmp_path, monkeypatch):
    # an editor's script must not read "no findings" where nothing could be judged
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setenv("TAMIZDAT_WORDNET", str(tmp_path / "no-wordnet"))
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and str(path) in proc.stderr and "WordNet is not installed" in proc.stderr


def test_the_bundled_glossary_conditions_the_variants_the_lint_names():
    # measured per variant with bench/sense_conditions.py; what is left unconditioned costs a labelled
    # violation under every condition (docs/glossary.md) and is listed here so that a new one is noticed
    from pipeline.glossary import load_glossary

    left = {f.term for f in unconditioned_everyday(load_glossary(ROOT / "glossary" / "glossary.toml"))}
    assert left == LEFT


def test_single_cell_is_a_question_in_biology_and_an_error_for_a_prisoner_alone_in_it():
    # everyday and prison_only, and its definition says a person is held alone in it: the cue that keeps the
    # labelled violation (heldout10) while a yeast's single cell is only a question
    from pipeline.checks import glossary_checks
    from pipeline.checks.registry import Checked, Context
    from pipeline.glossary import load_glossary

    g = load_glossary(ROOT / "glossary" / "glossary.toml")

    def severities(src: str, dst: str) -> list[str]:
        return [r[1] for r in glossary_checks.check(Checked(src, dst), Context("de", g))
                if g.concept_for_term(r[3]).id == "solitary-cell"]

    assert severities("In biology class we learned that a yeast is a single cell that can divide every ninety "
                      "minutes.", "Im Biologieunterricht lernten wir, dass eine Hefe eine einzige Zelle ist.") \
        == ["warning"]
    assert severities("He has been alone in a single cell since June and gets one hour of walking a day.",
                      "Er ist seit Juni allein in einer Zelle und darf eine Stunde am Tag spazieren.") == ["error"]


# (the caste words, the colony, the transfer, parole: the glossary's own headwords, which the check reads by
# their neighbourhood and topic instead)
LEFT = {"care package", "caste", "castes", "colonies", "colony", "common pot", "downgrade", "downgraded",
        "early release", "mast", "parole", "red colony", "rooster", "roosters", "transfer", "transfers"}
