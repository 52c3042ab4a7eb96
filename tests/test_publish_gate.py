"""The publishing gate: a translation the glossary forbids never reaches readers nor the published record."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_sample, run_cli

SLUG = "azat-miftakhov-caste"
GOOD = '"Азат Мифтахов рассказал, что в 2019 году ФСБ добилась его перевода в касту "\n"«опущенных»"'
# A homophobic slur for the caste word, and the surname misspelled.
BAD = '"Азат Мифтахоф рассказал, что в 2019 году ФСБ добилась его перевода в касту "\n"«пидоров»"'


def plant(root: Path) -> int:
    """Put the slur and the misspelling into the Russian title; return the line of its msgid."""
    po = root / "locales" / "ru" / f"{SLUG}.po"
    text = po.read_text(encoding="utf-8")
    assert text.count(GOOD) == 1
    po.write_text(text.replace(GOOD, BAD), encoding="utf-8")
    lines = po.read_text(encoding="utf-8").split("\n")
    end = lines.index(BAD.split("\n")[0]) + 1  # the msgstr's first line, 1-based
    return next(n for n in range(end, 0, -1) if lines[n - 1].startswith("msgid "))


def published(root: Path) -> list[Path]:
    return sorted((root / ".tamizdat" / "published").rglob("*.html"))


def test_forbidden_term_in_the_title_is_not_published_and_build_fails(tmp_path):
    root = copy_sample(tmp_path / "p")
    line = plant(root)
    r = run_cli("build", "-C", root)
    assert r.returncode == 1, r.stderr
    where = f"locales/ru/{SLUG}.po:{line}: error: not published: "
    assert where + "glossary-forbidden [rooster]: forbidden translation “пидоров”" in r.stderr
    assert where + "proper-name [Miftakhov]" in r.stderr and "Мифтахоф" in r.stderr
    page = (root / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "пидор" not in page and "Мифтахоф" not in page
    # The entry is shown as if untranslated: the English title, marked as English.
    assert '<h1 lang="en">Azat Miftakhov revealed that in 2019' in page
    assert '<title lang="en">Azat Miftakhov revealed' in page
    # The rest of the Russian translation is published.
    assert "Политзаключённый анархист и математик Азат Мифтахов" in page
    # Nothing with an error is stored as the last complete translation.
    assert not (root / ".tamizdat" / "published" / "ru" / f"{SLUG}.html").exists()
    for snap in published(root):
        assert "пидор" not in snap.read_text(encoding="utf-8")
    for f in (root / "site").rglob("*"):
        if f.is_file():
            assert "пидор" not in f.read_text(encoding="utf-8"), f

    # The next (cached) build says it again and fails again.
    r = run_cli("build", "-C", root)
    assert r.returncode == 1 and where + "glossary-forbidden" in r.stderr


def test_allow_errors_exits_0_and_still_does_not_publish(tmp_path):
    root = copy_sample(tmp_path / "p")
    plant(root)
    r = run_cli("build", "-C", root, "--allow-errors")
    assert r.returncode == 0, r.stderr
    assert "not published: glossary-forbidden" in r.stderr
    page = (root / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "пидор" not in page and '<h1 lang="en">' in page
    assert not (root / ".tamizdat" / "published" / "ru" / f"{SLUG}.html").exists()


def test_a_clean_build_stores_the_snapshot_and_the_error_does_not_replace_it(tmp_path):
    root = copy_sample(tmp_path / "p")
    assert run_cli("build", "-C", root).returncode == 0
    snap = root / ".tamizdat" / "published" / "ru" / f"{SLUG}.html"
    before = snap.read_bytes()
    plant(root)
    assert run_cli("build", "-C", root).returncode == 1
    assert snap.read_bytes() == before


def _sample_settings() -> str:
    """The sample's settings without its own publishing tables, which the tests here write themselves."""
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    return text.split("\n[tool.tamizdat.publish", 1)[0] + "\n"


def test_settings_choose_which_checks_block_and_hide_the_page(tmp_path):
    base = _sample_settings()
    settings = base + '\n[tool.tamizdat.publish]\nblock = ["glossary-forbidden"]\n\n' \
                      '[tool.tamizdat.publish.languages.de]\non_error = "hide"\n'
    root = copy_sample(tmp_path / "p", settings)
    plant(root)
    r = run_cli("build", "-C", root)
    assert r.returncode == 1
    assert "not published: glossary-forbidden" in r.stderr
    assert "not published: proper-name" not in r.stderr  # not among the blocking checks any more

    bad = copy_sample(tmp_path / "q", base + '\n[tool.tamizdat.publish]\nblock = ["spelling"]\n')
    r = run_cli("build", "-C", bad)
    assert r.returncode != 0 and "pyproject.toml" in r.stderr and "block must be a list of checks" in r.stderr
    assert not (bad / "site").exists()


def test_on_error_hide_keeps_the_language_page_back(tmp_path):
    base = _sample_settings()
    root = copy_sample(tmp_path / "p", base + '\n[tool.tamizdat.publish.languages.ru]\non_error = "hide"\n')
    plant(root)
    r = run_cli("build", "-C", root)
    assert r.returncode == 1
    assert not (root / "site" / "ru" / f"{SLUG}.html").exists()
    assert (root / "site" / "de" / f"{SLUG}.html").exists()


def test_the_gate_runs_the_checks_as_the_project_set_them(tmp_path):
    """[tool.tamizdat.checks] holds for the gate as for `check`: a check switched off blocks nothing, and
    one made a warning lets its entry through."""
    base = _sample_settings()
    off = copy_sample(tmp_path / "p", base + '\n[tool.tamizdat.checks]\nglossary-forbidden = false\n')
    plant(off)
    r = run_cli("build", "-C", off)
    assert r.returncode == 1, r.stderr  # the misspelt name still blocks the title
    assert "not published: proper-name [Miftakhov]" in r.stderr
    assert "glossary-forbidden" not in r.stderr

    warn = copy_sample(tmp_path / "q", base + '\n[tool.tamizdat.checks]\nglossary-forbidden = false\n'
                                              'glossary-missing = false\nproper-name = "warning"\n')
    plant(warn)
    r = run_cli("build", "-C", warn)
    assert r.returncode == 0, r.stderr
    assert "error: not published" not in r.stderr
    page = (warn / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "Азат Мифтахоф рассказал" in page and '<h1 lang="en">' not in page  # the editor's choice, published
    assert (warn / ".tamizdat" / "published" / "ru" / f"{SLUG}.html").is_file()
