"""What a reader of a news site expects: the title and the chrome in the page's language, a byline,
canonical URLs that keep translations in search engines, left-to-right passages on right-to-left pages,
a front page with the latest articles, a word for a language with nothing yet, one typography per
language, and no empty links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import copy_sample, run_cli
from test_site_build import SETTINGS, SLUG, arabic_pseudo, build, edit_po, soup

TITLES = SETTINGS.replace('[tool.tamizdat.publish]', '''[tool.tamizdat.titles]
ru = "Тамиздат: тест"
de = "Tamizdat-Test"

[tool.tamizdat.publish]''')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("reader-site"), TITLES, only=[SLUG])
    assert build(root) == 0
    edit_po(root / "locales/fr" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", "") if i == 4 else None)
    # Arabic: every entry but one translated, so the page is published partially with an English passage.
    edit_po(root / "locales/ar" / f"{SLUG}.po", lambda i, e: setattr(e, "msgstr", "" if i == 6 else arabic_pseudo(e.msgid)))
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    (root / "pyproject.toml").write_text(text + '\n[tool.tamizdat.publish.languages.ar]\nbelow_threshold = "partial"\n',
                                         encoding="utf-8")
    shutil.rmtree(root / "site")
    shutil.rmtree(root / ".tamizdat")  # no last complete French translation to fall back on
    assert build(root) == 0
    return root / "site"


def test_site_title_per_language_and_said_once(site):
    ru = soup(site / "ru" / "index.html")
    assert ru.title.get_text() == "Тамиздат: тест" and ru.select_one(".site-title").get_text() == "Тамиздат: тест"
    assert ru.h1.get_text() == "Статьи"  # the heading names the list, it does not repeat the title
    assert soup(site / "de" / f"{SLUG}.html").select_one(".site-title").get_text() == "Tamizdat-Test"
    assert soup(site / "en" / "index.html").select_one(".site-title").get_text() == "Tamizdat test"


def test_byline_with_babel_date_author_and_original(site):
    ru = soup(site / "ru" / f"{SLUG}.html")
    line = ru.select_one("article p.byline")
    assert line is not None and line.find_previous_sibling("h1") is not None
    time = line.find("time")
    assert time["datetime"] == "2023-03-01" and time.get_text() == "1 марта 2023\u202fг."
    assert "Tamizdat volunteers" in line.select_one(".author").get_text()
    original = line.select_one("a.original")
    assert original["href"] == "https://example.org/articles/azat-miftakhov-caste"
    assert "Оригинал" in line.get_text()
    assert soup(site / "de" / f"{SLUG}.html").select_one("p.byline time").get_text() == "1. März 2023"


def test_canonical_is_the_page_itself(site):
    for lang in ("en", "ru", "de"):
        page = soup(site / lang / f"{SLUG}.html")
        canonical = page.select('link[rel="canonical"]')
        assert [c["href"] for c in canonical] == [f"https://example.org/t/{lang}/{SLUG}.html"]


def test_left_to_right_passages_on_a_right_to_left_page(site):
    ar = soup(site / "ar" / f"{SLUG}.html")
    assert ar.html["dir"] == "rtl"
    english = ar.select('article [lang="en"]')
    assert english and all(el.get("dir") == "ltr" for el in english)
    address = ar.select_one('[translate="no"]')
    assert address is not None and address.get("dir") in ("ltr", "auto")
    # The same passages on a left-to-right page need nothing.
    assert not soup(site / "de" / f"{SLUG}.html").select('article p[dir]')


def test_top_index_lists_the_latest_articles_with_their_languages(site):
    top = soup(site / "index.html")
    items = top.select("main ul.articles li")
    assert len(items) == 1
    assert items[0].find("time")["datetime"] == "2023-03-01"
    assert items[0].find("a")["href"] == f"en/{SLUG}.html"
    assert [a.get_text() for a in items[0].select(".translations a")] == ["Русский", "Deutsch", "العربية"]
    assert not top.select("[aria-current]")
    assert len(top.select("nav.language-switcher a")) == 5


def test_a_language_with_nothing_published_says_so(site):
    fr = soup(site / "fr" / "index.html")
    assert fr.select_one("p.empty").get_text() == "Rien n’a encore été publié en français."
    assert [a["href"] for a in fr.select("p.elsewhere a")] == ["../en/index.html", "../ru/index.html",
                                                               "../de/index.html", "../ar/index.html"]


def test_reader_notes_get_the_body_typography(tmp_path):
    root = copy_sample(tmp_path / "p")
    assert build(root) == 0
    fr = soup(root / "site" / "fr" / f"{SLUG}.html")
    notes = fr.select_one("section.reader-notes").get_text()
    assert "« " not in notes and " »" not in notes and "«\u00a0" in notes  # no-break spaces inside guillemets
    assert "'" not in notes and " :" not in notes and " ;" not in notes
    body = " ".join(p.get_text() for p in fr.select("article > p"))
    assert "'" not in body


def test_an_empty_link_is_a_warning_and_never_published(tmp_path):
    root = copy_sample(tmp_path / "p")
    article = root / "articles" / f"{SLUG}.html"
    text = article.read_text(encoding="utf-8")
    text = text.replace("<p>Azat Miftakhov’s support group", '<p>You can learn more from <a href="https://e.org/x"></a>.</p>\n<p>Azat Miftakhov’s support group', 1)
    article.write_text(text, encoding="utf-8")
    r = run_cli("build", cwd=root)
    assert r.returncode == 0, r.stderr
    assert "link with no text is not published" in r.stderr
    page = (root / "site" / "en" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "You can learn more from ." in page and "https://e.org/x" not in page
    r = run_cli("check", "locales/ru", cwd=root)
    assert "empty-link" in r.stdout and "<a1> has no text in the source" in r.stdout
