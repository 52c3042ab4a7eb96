"""`tamizdat glossary lint`: which source variants are everyday English and yet count as the prison word
everywhere, decided by WordNet's senses rather than by the last false alarm (pipeline/glossary/lint.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require, run_cli
from pipeline.glossary import wordnet
from pipeline.glossary.lint import everyday_sense, stale_reviews, unconditioned_everyday
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
    assert f"{path}:6: warning: concept “ik”: variant “colony” is everyday English" in lines[0]
    assert len(lines) == 2
    path.write_text(GLOSSARY.replace('"colony"', '{ term = "colony", prison_only = true }')
                    .replace('"strict regime"', '{ term = "strict regime", everyday = true }'), encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""


SPREAD = '''source_language = "en"

[[concept]]
id = "petukh"
definition = "The lowest caste: terms = [\\"rooster\\"] is how the hierarchy words it"
terms = [
  "petukh", { term = "offended", quoted = true, not_near = ["roosters"] },
  "roosters",
  { term = "rooster", reviewed = "2026-12-01: every condition loses a labelled violation" },
]

[[concept]]
id = "ik"
terms = ["penal colony",
  { term = "colony", reviewed = "2026-12-01: every condition loses a labelled violation" }]
prison_only = true
'''


def test_a_finding_about_one_variant_names_the_variants_own_line(tmp_path):
    # an editor with a long concept jumps to the variant to condition, not to the concept's id; a word quoted
    # earlier (in the definition, in another term's not_near) is not taken for it
    path = tmp_path / "g.toml"
    path.write_text(SPREAD, encoding="utf-8")
    proc = run_cli("glossary", "lint", "--all", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert [line.split(" is ")[0] for line in proc.stdout.splitlines()] == [
        f"{path}:8: warning: concept “petukh”: variant “roosters”",
        f"{path}:9: note: concept “petukh”: variant “rooster”",
        f"{path}:15: warning: concept “ik”: variant “colony”"]  # (a stale marker: its own line too)


def test_a_tbx_glossarys_finding_names_the_line_of_the_variants_term(tmp_path):
    from pipeline.glossary.tbx import dumps

    path = tmp_path / "g.tbx"
    path.write_text(dumps(parse_glossary(SPREAD)), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    proc = run_cli("glossary", "lint", "--all", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    found = [(int(line.split(":")[1]), line.split("variant “")[1].split("”")[0]) for line in proc.stdout.splitlines()]
    assert [term for _, term in found] == ["roosters", "rooster", "colony"]
    assert all(lines[no - 1].strip() == f"<term>{term}</term>" for no, term in found)


def test_cli_without_wordnet_fails_rather_than_passing_the_glossary(tmp_path, monkeypatch):
    # an editor's script must not read "no findings" where nothing could be judged
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setenv("TAMIZDAT_WORDNET", str(tmp_path / "no-wordnet"))
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and str(path) in proc.stderr and "WordNet is not installed" in proc.stderr


def test_the_bundled_glossary_conditions_the_variants_the_lint_names():
    # measured per variant with bench/sense_conditions.py; what is left unconditioned is where no condition
    # removes more false alarms than twice the labelled violations it loses (docs/glossary.md), is marked
    # reviewed with that measurement, and is listed here so that a new one is noticed
    from pipeline.glossary import load_glossary

    glossary = load_glossary(ROOT / "glossary" / "glossary.toml")
    found = unconditioned_everyday(glossary)
    assert {f.term for f in found if not f.reviewed} == set()
    assert {f.term for f in found if f.reviewed} == LEFT
    assert all("no condition removes more false alarms than twice" in f.reviewed for f in found)
    assert stale_reviews(glossary) == []
    proc = run_cli("glossary", "lint", "--glossary", ROOT / "glossary" / "glossary.toml")
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout


def test_the_bundled_glossarys_reviews_still_hold_on_the_labelled_pairs():
    """A review is a measurement: where a definition, the check or the labelled data change so that some
    condition now pays for itself (fewer false alarms + 2 x missed violations than none), the reason is false
    and the variant should get that condition."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import sense_conditions as sc
    from pipeline.glossary import load_glossary

    path = ROOT / "glossary" / "glossary.toml"
    glossary = load_glossary(path)
    parts = {part: sc.gq.read_pairs(p) for part, p in sc.gq.PARTS.items()}
    groups: dict[tuple, list[str]] = {}
    for c in glossary.concepts:
        for t in c.terms:
            if t.reviewed:
                groups.setdefault(sc.group_key(c.id, t.text), []).append(t.text)
    assert groups
    for key, terms in groups.items():
        result = sc.measure(path, key[0], terms, parts)
        assert sc.choose(result) == "none", (
            f"{key[0]} {terms}: the reviewed marker no longer holds ({sc.choose(result)} costs less now): run "
            f"bench/sense_conditions.py, give the variants {sc.choose(result)} and remove their markers")


def test_the_bundled_glossarys_concept_level_conditions_still_pay_on_the_labelled_pairs():
    """A condition on a concept (muzhik, short visit) is a measurement too: measured with all its variants as one,
    it must still cost less (false alarms + 2 x missed violations) than every other option."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import sense_conditions as sc
    from pipeline.glossary import load_glossary

    path = ROOT / "glossary" / "glossary.toml"
    glossary = load_glossary(path)
    parts = {part: sc.gq.read_pairs(p) for part, p in sc.gq.PARTS.items()}
    units = sc.concept_level(glossary)
    # (muzhik's prison_only went when the sense decision read the article: none cost 7 against its 9; the short
    # visit's when each set was scored leave-one-set-out, eleventh session: none 22/1 against both 19/3 on 25 sets)
    assert {concept for concept, _ in units} == set()
    for concept, terms in units:
        now = sc.current_option(glossary, concept, terms, "concept")
        result = sc.measure(path, concept, terms, parts, "concept")
        assert sc.choose(result, now) == now, (
            f"{concept}: {sc.choose(result, now)} costs less than its {now} now: run bench/sense_conditions.py "
            "--conditioned and move the concept's condition")


REVIEWED = GLOSSARY.replace(
    '"penal colony", "colony", "IK"',
    '"penal colony", { term = "colony", reviewed = "2026-12-01: any condition loses the violation in heldout9" }, '
    '"IK"')


def test_a_reviewed_variant_is_not_reported_and_all_shows_it_with_its_reason(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text(REVIEWED, encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    # strict regime is still reported: the review of one variant says nothing of another
    assert proc.returncode == 1
    assert [line.split(": warning: ")[1].split(" is ")[0] for line in proc.stdout.splitlines()] == [
        "concept “strict-regime”: variant “strict regime”"]
    assert "1 reviewed (--all lists them)" in proc.stderr
    proc = run_cli("glossary", "lint", "--all", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{path}:6: note: concept “ik”: variant “colony” is everyday English without a sense condition " \
           "(also: “a body of people who settle far from home but maintain ties with their homeland”); reviewed: " \
           "2026-12-01: any condition loses the violation in heldout9" in proc.stdout.splitlines()
    # only reviewed variants left: a clean exit an editor's script can rely on, with or without --all
    path.write_text(REVIEWED.replace('"strict regime"', '{ term = "strict regime", prison_only = true }'),
                    encoding="utf-8")
    for extra in ([], ["--all"]):
        proc = run_cli("glossary", "lint", *extra, "--glossary", str(path), cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout
        assert proc.stdout.count("\n") == len(extra)


def test_a_reviewed_marker_on_a_variant_with_a_condition_is_reported_as_stale(tmp_path):
    # the reason (every condition loses a violation) no longer describes the variant once it has one
    path = tmp_path / "g.toml"
    path.write_text(REVIEWED.replace('"strict regime"', '{ term = "strict regime", prison_only = true }')
                    .replace('"IK"]', '"IK"]\nprison_only = true'), encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == (f"{path}:6: warning: concept “ik”: variant “colony” is marked reviewed but has a sense "
                           "condition (prison_only): remove the marker\n")
    assert "1 stale reviewed marker(s)" in proc.stderr


@pytest.mark.parametrize("marker", ["reviewed = true", 'reviewed = ""', "reviewed = 2026-12-01", 'reviewed = [" x"]'])
def test_a_malformed_marker_is_one_line_naming_file_and_line(tmp_path, marker):
    path = tmp_path / "g.toml"
    path.write_text(REVIEWED.replace('"penal colony", { term = "colony", reviewed = "2026-12-01: any condition '
                                     'loses the violation in heldout9" }',
                                     f'"penal colony",\n  {{ term = "colony", {marker} }}'), encoding="utf-8")
    proc = run_cli("glossary", "lint", "--glossary", str(path), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"tamizdat: error: {path}:7: concept 'ik': term 'colony': reviewed must say why "
                                  "no sense condition fits")


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
# their neighbourhood and topic instead; the long visit, whose concept-level conditions lost four violations and
# removed no false alarm)
LEFT = {"care package", "caste", "castes", "colonies", "colony", "common pot", "conjugal visit", "food parcel",
        "foreign agent", "foreign agents", "general regime colony", "long visit", "long visits", "long-term visit",
        "long-term visits", "mast", "red colony", "red zone",
        "rooster", "roosters", "short visit", "short visits", "short-term visit", "short-term visits", "squad",
        "strict regime", "strict regime colony", "strict-regime", "transfer", "transfers"}
