"""A volunteer's name, e-mail or phone in a catalogue never reaches what we publish (issue 19).

The catalogue is edited as Poedit and Lokalize leave it: the translator's name and e-mail in
``Last-Translator``, ``Language-Team`` and the header comment, and a translator comment with a phone.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import copy_sample, have, run_cli

SLUG = "azat-miftakhov-caste"
NAME, EMAIL, PHONE = "Ivan Petrovsky", "ivan.petrovsky@mail.example", "+7 916 123-45-67"
FOOTPRINTS = ("Petrovsky", "ivan.petrovsky", "916 123", "9161234567")


def settings(identity: str | None) -> str:
    line = f'translator_identity = "{identity}"\n' if identity else ""
    return ('[tool.tamizdat]\nsource_language = "en"\nlanguages = ["ru", "de", "fr"]\n'
            f'site_title = "Privacy test"\nbase_url = "https://example.org/p/"\n{line}')


def as_poedit_saves_it(po_path) -> None:
    text = po_path.read_text(encoding="utf-8")
    text = text.replace('"Last-Translator: Tamizdat volunteers\\n"', f'"Last-Translator: {NAME} <{EMAIL}>\\n"')
    text = text.replace('"Language-Team: Russian\\n"', f'"Language-Team: Russian <{EMAIL}>\\n"')
    text = text.replace("# This file is distributed", f"# {NAME} <{EMAIL}>, 2024.\n# This file is distributed", 1)
    first = text.index("\n#. ", text.index('msgid ""') + 10)  # the first entry's comments
    text = text[:first] + f"\n# asked {NAME}, call {PHONE} if unsure" + text[first:]
    assert NAME in text and PHONE in text
    po_path.write_text(text, encoding="utf-8")


def footprints(root) -> list[str]:
    hits = []
    for folder in ("site", "review", "exports"):
        for path in (root / folder).rglob("*"):
            if path.is_file():
                data = path.read_bytes().decode("utf-8", "replace")
                hits += [f"{path.relative_to(root)}: {f}" for f in FOOTPRINTS if f in data]
    return hits


@pytest.fixture
def named(tmp_path):
    """A project whose Russian catalogue names its translator, built with translator_identity = "keep"
    (so the catalogue keeps the name and the outputs alone are tested)."""
    root = copy_sample(tmp_path / "p", settings("keep"))
    as_poedit_saves_it(root / "locales" / "ru" / f"{SLUG}.po")
    return root


def test_a_named_translator_reaches_no_page_report_or_export(named):
    root = named
    assert run_cli("build", "-C", root).returncode == 0
    po = (root / "locales" / "ru" / f"{SLUG}.po").read_text(encoding="utf-8")
    assert NAME in po and PHONE in po  # "keep": the catalogue is left as the translator's tool wrote it
    assert (root / "site" / "ru" / f"{SLUG}.html").is_file()
    assert run_cli("review", "-C", root).returncode == 0
    (root / "exports").mkdir()
    for cmd in (("memory", "export", "--lang", "ru", "-o", root / "exports" / "ru.tmx"),
                ("glossary", "export", "--format", "tbx", "-o", root / "exports" / "g.tbx"),
                ("glossary", "export", "--format", "csv", "--lang", "ru", "-o", root / "exports" / "g.csv")):
        proc = run_cli(*cmd, cwd=root)
        assert proc.returncode == 0, proc.stderr
    assert footprints(root) == []


def test_check_warns_about_emails_and_phones_without_repeating_them(named):
    proc = run_cli("check", "--format", "json", f"locales/ru/{SLUG}.po", cwd=named)
    findings = [f for f in json.loads(proc.stdout) if f["check"] == "personal-data"]
    messages = [f["message"] for f in findings]
    assert any("Last-Translator holds an e-mail" in m for m in messages), messages
    assert any("header comment holds an e-mail" in m for m in messages), messages
    assert any("translator comment holds a phone number" in m for m in messages), messages
    assert all(f["severity"] == "warning" for f in findings)
    assert len(findings) == 4, messages  # Last-Translator, Language-Team, header comment, the comment; no dates
    assert not any(fp in proc.stdout for fp in FOOTPRINTS)


def test_update_replaces_the_translator_with_the_team_name_by_default(tmp_path):
    root = copy_sample(tmp_path / "p", settings(None))  # no setting: pseudonymous
    po_path = root / "locales" / "ru" / f"{SLUG}.po"
    as_poedit_saves_it(po_path)
    proc = run_cli("update", "-C", root)
    assert proc.returncode == 0, proc.stderr
    text = po_path.read_text(encoding="utf-8")
    assert '"Last-Translator: Tamizdat volunteers\\n"' in text
    assert '"Language-Team: Tamizdat volunteers\\n"' in text
    assert EMAIL not in text.split('msgid ""')[0]  # the header comment line with the e-mail is gone
    assert "This file is distributed" in text  # the rest of the header comment stays
    # A translator comment is the translator's own words: check warns about it, update keeps it.
    assert PHONE in text
    # The other catalogues, which name nobody, are not touched.
    assert '"Language-Team: German\\n"' in (root / "locales" / "de" / f"{SLUG}.po").read_text(encoding="utf-8")
    if have("msgcat"):  # still exactly what GNU gettext writes
        gnu = subprocess.run(["msgcat", str(po_path)], check=True, capture_output=True).stdout
        assert gnu == po_path.read_bytes()
    assert run_cli("update", "-C", root).returncode == 0
    assert po_path.read_text(encoding="utf-8") == text  # settled: a second update writes nothing new


def test_keep_leaves_headers_alone_and_bad_values_are_one_line(tmp_path):
    root = copy_sample(tmp_path / "p", settings("keep"))
    po_path = root / "locales" / "ru" / f"{SLUG}.po"
    as_poedit_saves_it(po_path)
    assert run_cli("update", "-C", root).returncode == 0
    assert f"Last-Translator: {NAME} <{EMAIL}>" in po_path.read_text(encoding="utf-8")
    (root / "pyproject.toml").write_text(settings("anonymous"), encoding="utf-8")
    proc = run_cli("update", "-C", root)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "translator_identity" in proc.stderr


def test_a_new_project_is_pseudonymous(tmp_path):
    proc = run_cli("init", tmp_path / "new", "--languages", "ru,de", "--base-url", "https://example.org/n/",
                   "--title", "New", input="")
    assert proc.returncode == 0, proc.stderr
    assert 'translator_identity = "pseudonymous"' in (tmp_path / "new" / "pyproject.toml").read_text(encoding="utf-8")
