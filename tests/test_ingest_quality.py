"""Import keeps the article and drops the boilerplate on real-looking saved pages of several CMSs.

tests/fixtures/cms/expected.toml lists, per page, sentences that must be kept
and boilerplate that must go, plus the metadata the import must find.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.ingest import import_page, render_document

FIXTURES = Path(__file__).parent / "fixtures" / "cms"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported():
    return {page: import_page((FIXTURES / page).read_bytes(), path=page) for page in EXPECTED}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_keeps_article_text_and_drops_boilerplate(imported, page):
    exp, imp = EXPECTED[page], imported[page]
    text = imp.text
    assert [k for k in exp["keep"] if k not in text] == []
    assert [d for d in exp["drop"] if d in text] == []


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_finds_metadata(imported, page):
    exp, a = EXPECTED[page], imported[page].article
    assert (a.title, a.date, a.author, a.lang, a.slug) == (
        exp["title"], exp["date"], exp["author"], exp["lang"], exp["slug"])
    assert a.source_url == exp.get("url")


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_warns_about_every_empty_link(imported, page):
    warnings = [w for w in imported[page].warnings if "has empty text" in w]
    assert len(warnings) == EXPECTED[page]["empty_links"]


def test_overall_recall_and_drop_rate(imported):
    keep = sum(len(e["keep"]) for e in EXPECTED.values())
    kept = sum(k in imported[p].text for p, e in EXPECTED.items() for k in e["keep"])
    drop = sum(len(e["drop"]) for e in EXPECTED.values())
    gone = sum(d not in imported[p].text for p, e in EXPECTED.items() for d in e["drop"])
    assert kept / keep == 1.0 and gone / drop == 1.0


def test_output_is_a_clean_article_document(imported):
    """Only whitelisted markup survives: no classes, styles, scripts, forms; links and images absolute."""
    for page, imp in imported.items():
        doc = BeautifulSoup(render_document(imp), "lxml")
        assert doc.html["lang"] == EXPECTED[page]["lang"]
        assert doc.find("meta", attrs={"name": "date"})["content"] == EXPECTED[page]["date"]
        body = doc.article
        assert body.h1.get_text() == EXPECTED[page]["title"]
        assert not body.find(["script", "style", "form", "input", "div", "span", "nav", "aside", "footer"])
        assert not [t for t in body.find_all(True) if t.get("class") or t.get("style") or t.get("id")]
        relative = [t.get("href") or t.get("src") for t in body.find_all(["a", "img"])
                    if not (t.get("href") or t.get("src")).startswith(("http://", "https://", "mailto:"))]
        # Resolved against the canonical URL; only a page without one keeps them, with a warning each.
        assert len(relative) == sum("relative address" in w for w in imp.warnings)
        assert not relative or imp.article.source_url is None
        assert all("alt" in img.attrs for img in body.find_all("img"))


def test_seed_page_keeps_structure_and_flags_the_pasted_note(imported):
    imp = imported["avtonom_drupal7_en.html"]
    doc = BeautifulSoup(render_document(imp), "lxml")
    assert doc.find("a", string="told DOXA")["href"] == "https://doxa.media/news/miftakhov-status"
    assert doc.find("img", alt="Azat Miftakhov in court, 2019")["src"].startswith("https://avtonom.org/sites/")
    assert doc.blockquote and doc.ul and doc.find("em") and doc.find("strong")
    assert any("translator's note" in w for w in imp.warnings)
    assert imp.kept["paragraphs"] >= 15 and imp.dropped["comments"] >= 1 and imp.dropped["sidebars"] >= 1


def test_legacy_encodings_are_converted(imported):
    assert imported["wordpress_twentyten_ru_cp1251.html"].encoding == "windows-1251"
    # No charset declaration at all: told apart from windows-1251 by letter case.
    assert imported["memorial_table_ru_koi8r.html"].encoding == "koi8-r"
    assert "Тихонов виновным себя не признал." in imported["memorial_table_ru_koi8r.html"].text
