"""The catalogue commands as a user runs them: update, merge, add-language, stats, pseudo, memory."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, have, needs, run_cli

from pipeline.catalog import pofile

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title><meta name="date" content="2024-01-01"></head>
<body><h1>{title}</h1>
{body}
</body></html>
"""


def _article(root: Path, slug: str, title: str, paras: list[str]) -> None:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    (root / "articles" / f"{slug}.html").write_text(ARTICLE.format(title=title, body=body), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "articles").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.tamizdat]\nsource_language = "en"\nlanguages = ["fr", "de"]\n', encoding="utf-8")
    _article(root, "letters", "Letters from IK-17", [
        "Azat Miftakhov wrote to us from the penal colony in Omutninsk.",
        "He thanks everyone who sent him books and postcards this winter.",
        "Write to him in Russian or English; the censor reads every letter.",
    ])
    _article(root, "court", "The appeal hearing", [
        "The appeal hearing took place in Moscow on Tuesday.",
        "Write to him in Russian or English; the censor reads every letter.",
    ])
    assert run_cli("extract", "articles", "-o", "locales", cwd=root).returncode == 0
    r = run_cli("update", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def _translate(path: Path, done: dict[str, str]) -> None:
    po = pofile.parse(path.read_bytes())
    for e in po:
        if e.msgid in done:
            e.msgstr = done[e.msgid]
    path.write_bytes(pofile.encode(po))


def _entry(path: Path, msgid: str):
    return next(e for e in pofile.parse(path.read_bytes()) if e.msgid == msgid and not e.obsolete)


def test_update_creates_catalogues_then_changes_nothing(project: Path):
    fr = project / "locales" / "fr" / "letters.po"
    meta = pofile.parse(fr.read_bytes()).metadata
    assert meta["Language"] == "fr" and meta["Plural-Forms"].startswith("nplurals=")
    stamp = fr.stat().st_mtime_ns
    r = run_cli("update", cwd=project)
    assert r.returncode == 0 and "0 written, 4 unchanged" in r.stderr
    assert fr.stat().st_mtime_ns == stamp


def test_update_after_an_edit_gives_fuzzy_previous_obsolete_and_memory(project: Path):
    fr = project / "locales" / "fr"
    _translate(fr / "letters.po", {
        "Azat Miftakhov wrote to us from the penal colony in Omutninsk.":
            "Azat Miftakhov nous a écrit de la colonie pénitentiaire d’Omutninsk.",
        "He thanks everyone who sent him books and postcards this winter.":
            "Il remercie tous ceux qui lui ont envoyé des livres et des cartes cet hiver.",
    })
    _translate(fr / "court.po", {"Write to him in Russian or English; the censor reads every letter.":
                                 "Écrivez-lui en russe ou en anglais ; le censeur lit chaque lettre."})
    _article(project, "letters", "Letters from IK-17", [
        "Azat Miftakhov wrote to us again from the penal colony in Omutninsk.",
        "Write to him in Russian or English; the censor reads every letter.",
    ])
    assert run_cli("extract", "articles", "-o", "locales", cwd=project).returncode == 0
    r = run_cli("update", "--lang", "fr", "letters", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "updated locales/fr/letters.po" in r.stderr
    e = _entry(fr / "letters.po", "Azat Miftakhov wrote to us again from the penal colony in Omutninsk.")
    assert "fuzzy" in e.flags and e.previous_msgid == "Azat Miftakhov wrote to us from the penal colony in Omutninsk."
    e = _entry(fr / "letters.po", "Write to him in Russian or English; the censor reads every letter.")
    assert e.msgstr.startswith("Écrivez-lui") and "fuzzy" in e.flags and e.tcomment == "memory: court"
    gone = [e for e in pofile.parse((fr / "letters.po").read_bytes()) if e.obsolete]
    assert [e.msgstr for e in gone] == ["Il remercie tous ceux qui lui ont envoyé des livres et des cartes cet hiver."]
    if have("msgcat"):  # GNU accepts it and would not change a byte of it
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(fr / "letters.po")], check=True)
        gnu = subprocess.run(["msgcat", str(fr / "letters.po")], check=True, capture_output=True).stdout
        assert gnu == (fr / "letters.po").read_bytes()


def test_update_refuses_a_broken_catalogue_and_writes_nothing(project: Path):
    bad = project / "locales" / "de" / "court.po"
    bad.write_text(bad.read_text() + '\nmsgid "x"\nmsgstr "y\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}
    r = run_cli("update", cwd=project)
    assert r.returncode == 1
    assert r.stderr.startswith("tamizdat: error: ") and "court.po:" in r.stderr
    assert {p: p.read_bytes() for p in (project / "locales").rglob("*.po")} == before


def test_add_language_creates_catalogues_and_lists_it(project: Path):
    r = run_cli("add-language", "uk", cwd=project)
    assert r.returncode == 0, r.stderr
    for slug in ("letters", "court"):
        meta = pofile.parse((project / "locales" / "uk" / f"{slug}.po").read_bytes()).metadata
        assert meta["Language"] == "uk" and meta["Plural-Forms"].startswith("nplurals=3;")
        assert meta["Content-Type"] == "text/plain; charset=UTF-8" and meta["X-Generator"] == "tamizdat"
    assert '"uk"' in (project / "pyproject.toml").read_text()
    r = run_cli("add-language", "ru_RR", cwd=project)
    assert r.returncode == 1 and "unknown language code 'ru_RR'" in r.stderr and "ru_RU" in r.stderr
    assert not (project / "locales" / "ru_RR").exists()


def test_stats_json_and_table(project: Path):
    _translate(project / "locales" / "fr" / "court.po", {"The appeal hearing": "L’audience d’appel"})
    r = run_cli("stats", "--format", "json", cwd=project)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    row = next(c for c in data["catalogs"] if c["slug"] == "court" and c["lang"] == "fr")
    # title and heading are one entry; "IK-17" and "Write … letter." count as a reader counts words
    assert (row["translated"], row["fuzzy"], row["untranslated"], row["obsolete"]) == (1, 0, 2, 0)
    assert row["words_translated"] == 3 and row["words"] == 3 + 9 + 12 and row["percent"] == 12.5
    fr = next(t for t in data["languages"] if t["lang"] == "fr")
    assert fr["total"] == 3 + 4 and fr["translated"] == 1
    table = run_cli("stats", cwd=project).stdout.splitlines()
    assert table[0].split() == ["lang", "article", "translated", "fuzzy", "untranslated", "obsolete", "words", "done"]
    assert any(line.split()[:3] == ["fr", "court", "1"] for line in table)


def test_pseudo_catalogues_keep_markup_and_are_complete(project: Path):
    r = run_cli("pseudo", cwd=project)
    assert r.returncode == 0, r.stderr
    for lang in ("qps", "ar-pseudo"):
        po = pofile.parse((project / "locales" / lang / "letters.po").read_bytes())
        assert all(e.msgstr and "fuzzy" not in e.flags for e in po)
    e = _entry(project / "locales" / "qps" / "letters.po", "Letters from IK-17")
    assert e.msgstr.startswith("[Ĺéŧŧéŕš") and len(e.msgstr) >= 1.3 * len(e.msgid)
    assert "\u202e" in _entry(project / "locales" / "ar-pseudo" / "letters.po", "Letters from IK-17").msgstr
    assert "0 written" in run_cli("pseudo", cwd=project).stderr


def test_memory_export_import_fills_a_new_language_project(project: Path, tmp_path: Path):
    _translate(project / "locales" / "fr" / "court.po", {"The appeal hearing took place in Moscow on Tuesday.":
                                                         "L’audience d’appel a eu lieu à Moscou mardi."})
    tmx_file = tmp_path / "fr.tmx"
    assert run_cli("memory", "export", "--lang", "fr", "-o", tmx_file, cwd=project).returncode == 0
    shutil.rmtree(project / "locales" / "fr")
    r = run_cli("memory", "import", tmx_file, "--lang", "fr", cwd=project)
    assert r.returncode == 0, r.stderr
    assert run_cli("update", "--lang", "fr", cwd=project).returncode == 0
    e = _entry(project / "locales" / "fr" / "court.po", "The appeal hearing took place in Moscow on Tuesday.")
    assert e.msgstr == "L’audience d’appel a eu lieu à Moscou mardi." and e.tcomment == "memory: fr.tmx:court"


# -- tamizdat merge: a drop-in for msgmerge --previous --------------------------

# Catalogues where our suggestions are msgmerge's (no year, link or markup to carry, nothing to start from
# the source); on the others ours differ on purpose (test_merge_improves_on_msgmerge_only_in_suggestions).
SAME_CHOICES = ["distros/free-non-gnu-distros.fr.po", "server/select-language.fr.po", "licenses/lgpl-3.0.fr.po"]


def _template(src: Path, dest: Path) -> None:
    p1 = subprocess.run(["msgattrib", "--no-obsolete", "--clear-fuzzy", "--clear-previous", str(src)],
                        check=True, capture_output=True)
    subprocess.run(["msgfilter", "--keep-header", "-o", str(dest), "sed", "d"], input=p1.stdout, check=True,
                   capture_output=True)


@needs(have("msgmerge") and (CORPUS / "gnu-www-fr-2015").is_dir(), "needs gettext + corpus")
def test_merge_output_is_byte_identical_to_msgmerge(tmp_path: Path):
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    for rel in SAME_CHOICES:
        (old_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / "gnu-www-fr-2015" / rel, old_dir / rel)
        (new_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        _template(CORPUS / "gnu-www-fr" / rel, new_dir / rel.replace(".fr.po", ".pot"))
    rel = SAME_CHOICES[0]
    r = run_cli("merge", old_dir / rel, new_dir / rel.replace(".fr.po", ".pot"), "-o", tmp_path / "one.po")
    assert r.returncode == 0, r.stderr
    gnu = subprocess.run(["msgmerge", "--previous", "-q", "-o", "-", str(old_dir / rel),
                          str(new_dir / rel.replace(".fr.po", ".pot"))], check=True, capture_output=True).stdout
    assert (tmp_path / "one.po").read_bytes() == gnu
    # folder mode: every X.fr.po with its X.pot, in one process
    r = run_cli("merge", old_dir, new_dir, "-o", tmp_path / "out")
    assert r.returncode == 0 and "3 catalogues, 3 written" in r.stderr
    for rel in SAME_CHOICES:
        gnu = subprocess.run(["msgmerge", "--previous", "-q", "-o", "-", str(old_dir / rel),
                              str(new_dir / rel.replace(".fr.po", ".pot"))], check=True, capture_output=True).stdout
        assert (tmp_path / "out" / rel).read_bytes() == gnu, rel


@needs(have("msgmerge") and (CORPUS / "gnu-www-fr-2015").is_dir(), "needs gettext + corpus")
def test_merge_improves_on_msgmerge_only_in_suggestions(tmp_path: Path):
    from pipeline.catalog import pofile
    from pipeline.catalog.carry import carry

    rel = "proprietary/proprietary-jails.fr.po"
    old, pot = tmp_path / "old.po", tmp_path / "new.pot"
    shutil.copy(CORPUS / "gnu-www-fr-2015" / rel, old)
    _template(CORPUS / "gnu-www-fr" / rel, pot)
    assert run_cli("merge", old, pot, "-o", tmp_path / "ours.po").returncode == 0
    ours = (tmp_path / "ours.po").read_bytes()
    # laid out exactly as GNU's own writer lays it out
    assert subprocess.run(["msgcat", "-"], input=ours, check=True, capture_output=True).stdout == ours
    gnu = pofile.parse(subprocess.run(["msgmerge", "--previous", "-q", "-o", "-", str(old), str(pot)],
                                      check=True, capture_output=True).stdout)
    mine = pofile.parse(ours)
    was = {e.msgid: e.msgstr for e in pofile.parse(old.read_bytes())}
    live = [e for e in mine if not e.obsolete]
    assert [e.msgid for e in gnu if not e.obsolete] == [e.msgid for e in live]
    differ = [(g, o) for g, o in zip(gnu, live) if g.msgstr != o.msgstr]
    assert differ, "the 2017 template changed years and links this test expects to be carried"
    for g, o in differ:
        assert "fuzzy" in o.flags and o.previous_msgid == g.previous_msgid
        if g.msgstr:  # the same old entry, its years and link targets carried into the new source
            assert o.msgstr == carry(g.previous_msgid, o.msgid, was[g.previous_msgid])
        else:  # left empty by msgmerge: a markup-heavy entry starts from its source (source_copy.py)
            assert o.msgstr == o.msgid
    assert any("2016, 2017" in o.msgstr for _, o in differ) and any(not g.msgstr for g, _ in differ)
    # an old translation that was carried stays as the translator wrote it, obsolete (nothing is lost)
    kept = {(e.msgid, e.msgstr) for e in mine if e.obsolete}
    assert all((g.previous_msgid, was[g.previous_msgid]) in kept for g, _ in differ if g.msgstr)


def test_merge_with_memory_and_a_missing_file(tmp_path: Path):
    old = tmp_path / "old.po"
    old.write_text('msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "Gone"\nmsgstr "Parti"\n', encoding="utf-8")
    pot = tmp_path / "new.pot"
    pot.write_text('msgid "Free Azat Miftakhov"\nmsgstr ""\n', encoding="utf-8")
    mem = tmp_path / "mem"
    mem.mkdir()
    (mem / "other.po").write_text('msgid "Free Azat Miftakhov"\nmsgstr "Libérez Azat Miftakhov"\n', encoding="utf-8")
    r = run_cli("merge", old, pot, "-o", tmp_path / "out.po", "--memory", mem)
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "out.po").read_text(encoding="utf-8")
    assert '#, fuzzy\nmsgid "Free Azat Miftakhov"\nmsgstr "Libérez Azat Miftakhov"' in out
    assert '#~ msgid "Gone"\n#~ msgstr "Parti"' in out
    # msgmerge's spelling works too: update in place, compendium, --previous, -q
    r = run_cli("merge", "--previous", "-q", "-U", old, pot, "-C", mem / "other.po")
    assert r.returncode == 0 and r.stderr == ""
    assert old.read_bytes() == (tmp_path / "out.po").read_bytes()
    stamp = old.stat().st_mtime_ns
    assert run_cli("merge", "-U", old, pot, "-C", mem).returncode == 0
    assert old.stat().st_mtime_ns == stamp  # nothing changed, nothing written
    r = run_cli("merge", tmp_path / "nope.po", pot, "-o", tmp_path / "x.po")
    assert r.returncode == 1 and "nope.po: no such file" in r.stderr


def test_folder_merge_in_parallel_matches_sequential_and_reports_errors(tmp_path: Path):
    old, new = tmp_path / "old", tmp_path / "new"
    for i in range(45):
        (old / "d").mkdir(parents=True, exist_ok=True)
        (new / "d").mkdir(parents=True, exist_ok=True)
        (old / "d" / f"a{i}.po").write_text(
            f'msgid "Letter number {i} from the colony"\nmsgstr "Lettre numéro {i} de la colonie"\n', encoding="utf-8")
        (new / "d" / f"a{i}.pot").write_text(f'msgid "Letter number {i} from the penal colony"\nmsgstr ""\n',
                                             encoding="utf-8")
    assert run_cli("merge", "-j", "1", old, new, "-o", tmp_path / "seq").returncode == 0
    r = run_cli("merge", "-j", "2", old, new, "-o", tmp_path / "par")
    assert r.returncode == 0, r.stderr
    for i in range(45):
        seq = (tmp_path / "seq" / "d" / f"a{i}.po").read_bytes()
        assert seq == (tmp_path / "par" / "d" / f"a{i}.po").read_bytes()
        assert b"#| msgid" in seq
    (old / "d" / "a7.po").write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    r = run_cli("merge", "-j", "2", old, new, "-o", tmp_path / "bad")
    assert r.returncode == 1 and "a7.po:2:" in r.stderr
    assert not (tmp_path / "bad").exists()  # nothing written when one catalogue is broken


def test_update_gives_catalogues_the_templates_glossary_notes(sample_project: Path):
    assert (sample_project / "glossary" / "glossary.toml").is_file()
    assert run_cli("extract", "articles", "-o", "locales", cwd=sample_project).returncode == 0
    r = run_cli("update", "--lang", "fr", cwd=sample_project)
    assert r.returncode == 0, r.stderr
    po = next((sample_project / "locales" / "fr").glob("*.po"))
    notes = "\n".join(e.comment for e in pofile.parse(po.read_bytes()) if e.comment)
    pot = sample_project / "locales" / f"{po.stem}.pot"
    # Every language's line, as in the template: msgmerge --previous copies #. comments from it.
    assert notes == "\n".join(e.comment for e in pofile.parse(pot.read_bytes()) if e.comment)
    assert "glossary fr: " in notes and "glossary ru: " in notes
    assert "0 written" in run_cli("update", "--lang", "fr", cwd=sample_project).stderr
