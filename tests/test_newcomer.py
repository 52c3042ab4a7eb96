"""What a new user meets first: ``init``, ``import`` then ``update``, one form of ``#:`` references
whichever command wrote the template, and a pseudo preview that never touches the public site."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from conftest import copy_sample, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "cms"


def _init(tmp_path: Path, *extra: str) -> Path:
    root = tmp_path / "newsroom"
    r = run_cli("init", root, "--languages", "ru,de", "--title", "Letters", "--base-url", "https://example.org/l",
                *extra, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    return root


def test_outside_a_project_the_error_tells_how_to_start_one(tmp_path):
    r = run_cli("update", cwd=tmp_path)
    assert r.returncode == 1 and "tamizdat init" in r.stderr


def test_init_makes_a_project_the_next_commands_accept(tmp_path):
    root = _init(tmp_path)
    settings = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["tamizdat"]
    assert settings["source_language"] == "en" and settings["languages"] == ["ru", "de"]
    assert settings["base_url"] == "https://example.org/l/"  # the slash a base URL needs
    assert (root / "articles").is_dir() and (root / "locales").is_dir()
    ignored = (root / ".gitignore").read_text(encoding="utf-8").split()
    for line in ("/site/", "/review/", "/preview/", ".tamizdat/cache/", ".tamizdat.lock", ".*.tmp"):
        assert line in ignored
    r = run_cli("build", cwd=root)  # an empty project builds: indexes that say nothing is published yet
    assert r.returncode == 0, r.stderr
    # init again: refused, nothing changed
    before = (root / "pyproject.toml").read_bytes()
    r = run_cli("init", root, "--languages", "fr", "--base-url", "https://x.org/", cwd=tmp_path)
    assert r.returncode == 1 and "already a Tamizdat project" in r.stderr
    assert (root / "pyproject.toml").read_bytes() == before


def test_init_with_the_bundled_glossary_and_bad_input(tmp_path):
    root = _init(tmp_path, "--bundled-glossary")
    assert "petukh" in (root / "glossary/glossary.toml").read_text(encoding="utf-8")
    r = run_cli("init", tmp_path / "b", "--languages", "xx-nope", "--base-url", "https://x.org/", cwd=tmp_path)
    assert r.returncode == 1 and "unknown language code" in r.stderr and not (tmp_path / "b").exists()
    r = run_cli("init", tmp_path / "c", "--languages", "ru", cwd=tmp_path, input="")  # no terminal: no prompt
    assert r.returncode == 1 and "--base-url" in r.stderr


def test_init_keeps_an_existing_pyproject_and_gitignore(tmp_path):
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (root / ".gitignore").write_text("*.pyc\n/site/\n", encoding="utf-8")
    r = run_cli("init", "--languages", "uk", "--base-url", "https://x.org/", "--title", "X", cwd=root)
    assert r.returncode == 0, r.stderr
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "x"\n') and "[tool.tamizdat]" in text
    ignore = (root / ".gitignore").read_text(encoding="utf-8")
    assert ignore.startswith("*.pyc\n/site/\n") and ignore.count("/site/") == 1 and "/review/" in ignore


def test_import_then_update_makes_the_catalogues(tmp_path):
    root = _init(tmp_path)
    page = tmp_path / "saved.html"
    shutil.copy(FIXTURES / "avtonom_drupal7_en.html", page)
    r = run_cli("import", page, "--slug", "news", cwd=root)
    assert r.returncode == 0, r.stderr
    r = run_cli("update", cwd=root)
    assert r.returncode == 0, r.stderr
    assert "locales/news.pot" in r.stderr
    for lang in ("ru", "de"):
        assert (root / "locales" / lang / "news.po").is_file()
    assert "#: articles/news.html:" in (root / "locales/news.pot").read_text(encoding="utf-8")
    r = run_cli("update", cwd=root)
    assert "0 written" in r.stderr


def test_extract_and_build_write_the_same_references(tmp_path):
    root = copy_sample(tmp_path / "p")
    assert run_cli("build", cwd=root).returncode == 0
    r = run_cli("extract", "articles", "-o", "locales", cwd=root)
    assert r.returncode == 0 and "0 written" in r.stderr, r.stderr
    # A template made by extract (references, glossary notes) is the one build makes: build keeps it.
    for pot in (root / "locales").glob("*.pot"):
        pot.unlink()
    assert run_cli("extract", "articles", "-o", "locales", cwd=root).returncode == 0
    pots = {p: p.read_bytes() for p in (root / "locales").glob("*.pot")}
    assert "#: articles/" in next(iter(pots.values())).decode()
    r = run_cli("build", cwd=root)
    assert r.returncode == 0, r.stderr
    assert {p: p.read_bytes() for p in (root / "locales").glob("*.pot")} == pots
    assert ".pot" not in r.stderr


def test_pseudo_preview_passes_check_is_stable_and_stays_out_of_the_site(tmp_path):
    root = copy_sample(tmp_path / "p")
    assert run_cli("build", cwd=root).returncode == 0
    site = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    records = {p: p.read_bytes() for p in (root / ".tamizdat").rglob("*") if p.is_file() and "cache" not in p.parts}
    r = run_cli("pseudo", cwd=root)
    assert r.returncode == 0, r.stderr
    assert (root / "preview/qps/index.html").is_file() and (root / "preview/ar-pseudo").is_dir()
    slug = "azat-miftakhov-caste"
    page = (root / "preview/ar-pseudo" / f"{slug}.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in page
    r = run_cli("check", "locales/qps", "locales/ar-pseudo", cwd=root)
    assert r.returncode == 0 and "0 error(s), 0 warning(s)" in r.stderr, r.stderr
    # DOXA is a do-not-translate term of the glossary: the pseudo text keeps it.
    assert "DOXA" in (root / "locales/qps" / f"{slug}.po").read_text(encoding="utf-8").split("msgstr", 3)[-1]
    again = run_cli("pseudo", cwd=root)
    assert "0 written" in again.stderr and "preview: 0 written" in again.stderr
    assert run_cli("build", cwd=root).returncode == 0
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == site
    assert {p: p.read_bytes() for p in (root / ".tamizdat").rglob("*")
            if p.is_file() and "cache" not in p.parts} == records
    assert "Pseudo" not in (root / "site/sitemap.xml").read_text(encoding="utf-8")


def test_small_words_of_the_commands(tmp_path):
    assert "30 %" in run_cli("pseudo", "--help").stdout
    for group in (("memory", "export"), ("glossary", "export"), ("glossary", "import")):
        out = run_cli(*group, "--help").stdout
        assert "-q, --quiet" in out and out.split("\n\n")[1].strip(), out
    root = copy_sample(tmp_path / "p")
    r = run_cli("add-language", "uk", cwd=root)
    articles = len(list((root / "articles").glob("*.html")))
    assert f"{articles} catalogue{'s' if articles > 1 else ''} created" in r.stderr
    r = run_cli("review", cwd=root)
    assert r.returncode == 0 and "wrote review/index.html" in r.stderr and str(root) not in r.stderr


def test_init_asks_on_a_terminal_for_what_is_missing(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import _env

    primary, secondary = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "init", "asked"], cwd=tmp_path, env=_env(),
                                stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # source language (Enter: en), languages, title (Enter: the folder's name), base URL
        os.write(primary, b"\nuk,de\n\nhttps://example.org/asked/\n")
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(primary)
        os.close(secondary)
    assert proc.returncode == 0, err
    assert "Languages to translate into" in out and "Base URL" in out
    settings = tomllib.loads((tmp_path / "asked" / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["tamizdat"]
    assert settings["languages"] == ["uk", "de"] and settings["site_title"] == "asked"
    assert settings["source_language"] == "en" and settings["base_url"] == "https://example.org/asked/"
