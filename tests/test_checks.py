"""``tamizdat check``: glossary findings, standard checks, output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from conftest import run_cli
from pipeline.checks import check_catalog
from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def run(g, lang, msgid, msgstr, flags=()):
    po = polib.POFile()
    e = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags))
    po.append(e)
    return [(f.check, f.severity, f.term) for f in check_catalog(po, "x.po", g, lang)]


# -- glossary checks ---------------------------------------------------------------

def test_approved_translation_in_any_inflected_form_passes(g):
    src = "Security forces made sure that prisoners downgrade him to the lowest caste of “roosters”."
    assert run(g, "ru", src, "Силовики добились, чтобы заключённые перевели его в низшую касту «опущенных».") == []
    assert run(g, "de", src, "Die Sicherheitskräfte sorgten dafür, dass er in die unterste Kaste der „Hähne“ kam.") == []
    assert run(g, "fr", src, "Les forces de sécurité l'ont fait reléguer dans la caste la plus basse des « coqs ».") == []


def test_missing_and_forbidden_terms(g):
    src = "He was placed among the “roosters”."
    assert run(g, "ru", src, "Его определили к «пидорам».") == [
        ("glossary-missing", "error", "rooster"), ("glossary-forbidden", "error", "rooster")]
    assert run(g, "de", src, "Er kam zu den „Ausgestoßenen“.") == [("glossary-missing", "error", "rooster")]
    # A forbidden word where the source does not use the concept: a warning, not an error.
    assert run(g, "fr", "He is not gay.", "Il n'est pas homosexuel.") == [("glossary-forbidden", "warning", "rooster")]


def test_do_not_translate_and_proper_names(g):
    assert run(g, "ru", "Gorban told DOXA.", "Горбань рассказала DOXA.") == []
    assert run(g, "ru", "Gorban told DOXA.", "Горбань рассказала «Доксе».") == [("glossary-dnt", "error", "DOXA")]
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Azat Miftakhov is free.", msgstr="Asat Miftakhow ist frei."))
    [f] = check_catalog(po, "x.po", g, "de")
    assert (f.check, f.term) == ("proper-name", "Miftakhov")
    assert "Miftachow" in f.message and "Miftakhow" in f.message
    assert run(g, "ru", "Miftahov and Miftakhov", "Мифтахов и Мифтахова") == []


def test_untranslated_skipped_fuzzy_checked_and_flagged(g):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="A “rooster”.", msgstr=""))
    po.append(polib.POEntry(msgid="The “roosters”.", msgstr="Die Leute.", flags=["fuzzy"]))
    findings = check_catalog(po, "x.po", g, "de")
    assert [(f.check, f.fuzzy) for f in findings] == [("glossary-missing", True)]
    assert findings[0].as_dict()["fuzzy"] is True


# -- standard checks --------------------------------------------------------------------

@pytest.mark.parametrize("msgid,msgstr,lang,expected", [
    ("Read <a1>this</a1> now.", "Lies das jetzt.", "de", [("placeholders", "error")]),
    ("Read <a1>this</a1> now.", "Lies <a1>das</a1> <em>jetzt</em>.", "de", [("placeholders", "error")]),
    ("Read <a1>this</a1> <a2>now</a2>.", "Lies <a1>das</a1> <a3>jetzt</a3>.", "de", [("placeholders", "error")]),
    ("<em><a1>x</a1></em> y.", "<em><a1>x</em></a1> y.", "de", [("placeholders", "error")]),
    ("Line<br/>break.", "Zeilen<br/>umbruch.", "de", []),
    ("He got 6 years in 2021.", "Er bekam 6 Jahre im Jahr 2022.", "de", [("numbers", "warning")]),
    ("Write to https://example.org/a or x@example.org.", "Schreib an https://evil.example/a oder x@example.org.",
     "de", [("urls", "error"), ("urls", "error")]),
    ("He said (quietly) no.", "Er sagte (leise nein.", "de", [("brackets", "warning")]),
    ("He said “no”.", "Он сказал «нет.", "ru", [("quotes", "warning")]),
    ("He said “no”.", "Он сказал “нет”.", "ru", [("quote-style", "warning")]),
    ("He said “no”.", "Er sagte „nein“.", "de", []),
    ("He said “it is ‘bad’”.", "Он сказал «это „плохо“».", "ru", []),
    ("He said “no”.", "Il a dit « non ».", "fr", []),
    ("It is over.", "C'est fini", "fr", [("punctuation", "warning")]),
    ("Is it over?", "Ist es vorbei.", "de", [("punctuation", "warning")]),
    ("It is over.", "Es ist  vorbei.", "de", [("spaces", "warning")]),
    ("It is over.", " Es ist vorbei.", "de", [("spaces", "warning")]),
    ("The support group writes to him every week.", "The support group writes to him every week.", "de",
     [("untranslated", "warning")]),
    ("Navalny", "Navalny", "de", []),
    ("%(n)s letters", "%(n)d Briefe", "de", [("placeholders", "error")]),
])
def test_standard_checks(g, msgid, msgstr, lang, expected):
    flags = ["python-format"] if "%(" in msgid else []
    got = [(c, s) for c, s, _ in run(None, lang, msgid, msgstr, flags)]
    assert got == expected


# -- command line --------------------------------------------------------------------------

PO = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. a1 = https://example.org/
msgid "Azat Miftakhov was downgraded to the caste of “roosters”."
msgstr "Азата Мифтахова перевели в касту «пидоров»."

#, fuzzy
msgid "Elena Gorban told <a1>DOXA</a1>."
msgstr "Елена Горбань рассказала <a1>Доксе</a1>."

msgid "He is a political prisoner."
msgstr "Он политзаключённый."
"""


def test_json_output_and_exit_codes(tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO, encoding="utf-8")
    r = run_cli("check", po, "--glossary", GLOSSARY, "--format", "json", cwd=tmp_path)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [(d["line"], d["check"], d["severity"], d.get("term")) for d in data] == [
        (7, "glossary-missing", "error", "downgraded"),  # the glossary's variant the msgid used
        (7, "glossary-forbidden", "error", "downgraded"),
        (11, "glossary-dnt", "error", "DOXA"),
    ]
    assert data[0]["file"] == str(po) and data[0]["msgid"].startswith("Azat Miftakhov")
    assert data[2]["fuzzy"] is True
    good = tmp_path / "good.po"
    good.write_text(PO.split("#. a1")[0] + 'msgid "He is a political prisoner."\nmsgstr "Он политзаключённый."\n',
                    encoding="utf-8")
    assert run_cli("check", good, "--glossary", GLOSSARY, cwd=tmp_path).returncode == 0
    assert run_cli("check", good, "--format", "xml", cwd=tmp_path).returncode == 2
    assert run_cli("check", good, "--lang", "xx", cwd=tmp_path).returncode == 2


def test_text_output_groups_by_file_with_line_numbers(tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO, encoding="utf-8")
    tbx = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", "--glossary", GLOSSARY, "-o", tbx).returncode == 0
    r = run_cli("check", po, "--glossary", tbx, cwd=tmp_path)  # TBX directly
    lines = r.stdout.splitlines()
    assert lines[0] == str(po)
    assert lines[1].strip().startswith(f"{po}:7: error: glossary-missing [downgraded]: no approved translation of “downgraded”")
    assert lines[3].strip().endswith("(fuzzy)")


def test_check_without_arguments_checks_the_project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tamizdat]\nsource_language = "en"\nlanguages = ["ru", "de"]\n', encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "glossary.toml").write_bytes(GLOSSARY.read_bytes())
    (tmp_path / "locales" / "ru").mkdir(parents=True)
    (tmp_path / "locales" / "ru" / "a.po").write_text(PO, encoding="utf-8")
    r = run_cli("check", "--format", "json", cwd=tmp_path)
    assert r.returncode == 1
    assert {d["file"].replace("\\", "/").split("/")[-3:][0] for d in json.loads(r.stdout)} == {"locales"}


def test_check_lang_selects_catalogues_of_that_language(sample_project):
    """--lang picks catalogues like update/stats/review do; it never re-labels a catalogue's language."""
    per_lang = {lang: len(list((sample_project / "locales" / lang).glob("*.po"))) for lang in ("ru", "de", "fr")}
    for args, count in ((["--lang", "ru"], per_lang["ru"]), (["--lang", "de"], per_lang["de"]),
                        ([], sum(per_lang.values())), (["locales", "--lang", "fr"], per_lang["fr"]),
                        (["locales/ru/azat-miftakhov-caste.po", "--lang", "de"], 0)):
        r = run_cli("check", "--format", "json", *args, cwd=sample_project)
        assert r.returncode == 0, (args, r.stdout[-500:])  # the sample has no errors in any language
        assert f"check: {count} catalogue(s), 0 error(s)" in r.stderr, (args, r.stderr)
    # A catalogue that says no language takes --lang as its language.
    po = sample_project / "locales" / "ru" / "azat-miftakhov-caste.po"
    loose = sample_project / "loose.po"
    loose.write_text(po.read_text(encoding="utf-8").replace('"Language: ru\\n"\n', ""), encoding="utf-8")
    r = run_cli("check", "loose.po", "--lang", "ru", cwd=sample_project)
    assert r.returncode == 0 and "1 catalogue(s), 0 error(s)" in r.stderr, r.stderr
    r = run_cli("check", "loose.po", cwd=sample_project)
    assert r.returncode != 0 and "pass --lang" in r.stderr


def _project_with(tmp_path: Path, checks_table: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tamizdat]\nsource_language = "en"\nlanguages = ["ru"]\n\n[tool.tamizdat.checks]\n' + checks_table,
        encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "glossary.toml").write_bytes(GLOSSARY.read_bytes())
    (tmp_path / "locales" / "ru").mkdir(parents=True)
    (tmp_path / "locales" / "ru" / "a.po").write_text(PO, encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.html").write_text(
        '<html lang="en"><head><title>A</title></head><body><article><h1>A</h1></article></body></html>',
        encoding="utf-8")
    return tmp_path


def test_a_project_switches_a_check_off_or_changes_its_severity(tmp_path):
    every = json.loads(run_cli("check", "--format", "json", cwd=_project_with(tmp_path / "a", "")).stdout)
    assert {"glossary-dnt", "glossary-forbidden"} <= {d["check"] for d in every}
    project = _project_with(tmp_path / "b", 'glossary-dnt = false\nglossary-forbidden = "warning"\n')
    r = run_cli("check", "--format", "json", cwd=project)
    found = [(d["check"], d["severity"]) for d in json.loads(r.stdout)]
    assert ("glossary-forbidden", "warning") in found and "glossary-dnt" not in {c for c, _ in found}
    assert len(found) == len(every) - sum(d["check"] == "glossary-dnt" for d in every)
    # The review applies the same settings.
    assert run_cli("review", cwd=project).returncode == 0
    page = (project / "review" / "ru.html").read_text(encoding="utf-8")
    assert "[glossary-dnt]" not in page and "warning [glossary-forbidden]" in page


def test_an_unknown_check_name_is_an_error_naming_the_settings(tmp_path):
    r = run_cli("check", cwd=_project_with(tmp_path, "quote-styles = false\n"))
    assert r.returncode != 0
    assert "pyproject.toml" in r.stderr and "unknown check 'quote-styles'" in r.stderr and "quote-style" in r.stderr


def test_every_check_has_the_one_shape_and_a_unique_name():
    from pipeline.checks.registry import REGISTRY, Checked, Context, Problem, checks

    assert {"placeholders", "urls", "numbers", "brackets", "quotes", "quote-style", "punctuation", "spaces",
            "untranslated", "empty-link", "characters", "glossary-missing", "glossary-forbidden", "glossary-dnt",
            "proper-name"} == set(REGISTRY)
    text = Checked("Write to <a1>Azat</a1> at https://x.org, 12 days.", "Пишите  Азату.", ())
    for check in checks():
        for problem in check(text, Context("ru", None)):
            assert isinstance(problem, Problem) and REGISTRY[problem.check] is check
