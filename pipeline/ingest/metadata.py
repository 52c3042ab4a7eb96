"""Title, author and source URL of the page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from pipeline.ingest.boilerplate import inside_boilerplate
from pipeline.ingest.dom import attr, json_ld, meta_content, norm, simple_select

# " : " is not among them: French puts it inside titles.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|»|«|·)\s+")


def _title_without_site(soup: BeautifulSoup) -> str | None:
    raw = norm(soup.title.get_text()) if soup.title else ""
    if not raw:
        return None
    site = meta_content(soup, "og:site_name")
    if site and site in raw:
        raw = _TITLE_SEPARATORS.sub(" | ", raw)
        parts = [p for p in raw.split(" | ") if p.strip() and p.strip().lower() != site.lower()]
        return " ".join(parts) if parts else raw
    parts = _TITLE_SEPARATORS.split(raw)
    return max(parts, key=len) if parts else raw


def find_title(soup: BeautifulSoup, root: Tag) -> tuple[str | None, Tag | None]:
    """(title, the <h1> it came from if that h1 sits inside the article root)."""
    inside = root.find("h1")
    if inside and norm(inside.get_text(" ")):
        return norm(inside.get_text(" ")), inside
    raw = norm(soup.title.get_text()) if soup.title else ""
    candidates = [h for h in soup.find_all("h1") if norm(h.get_text(" ")) and not inside_boilerplate(h)]
    for h in candidates:
        if norm(h.get_text(" ")) in raw:
            return norm(h.get_text(" ")), None
    if len(candidates) == 1:
        return norm(candidates[0].get_text(" ")), None
    og = meta_content(soup, "og:title", "twitter:title")
    if og:
        return og, None
    return _title_without_site(soup), None


def page_headlines(soup: BeautifulSoup) -> list[str]:
    """What the page's metadata names as its headline (og:title, twitter:title, JSON-LD headline and name,
    <title> less the site's name), casefolded: the article among teasers is the one headed by one of them."""
    found = [meta_content(soup, "og:title", "twitter:title"), _title_without_site(soup)]
    found += [node.get(key) for node in json_ld(soup) for key in ("headline", "name")]
    return [norm(h).casefold() for h in found if isinstance(h, str) and norm(h)]


def find_author(soup: BeautifulSoup) -> str | None:
    value = meta_content(soup, "author", "dc.creator", "dcterms.creator", "article:author", "sailthru.author")
    if value and not value.startswith("http"):
        return value
    for node in json_ld(soup):
        author = node.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return norm(author["name"])
        if isinstance(author, str) and not author.startswith("http"):
            return norm(author)
    tags = soup.find_all(True)
    for css in ('[rel="schema:author"] [property="schema:name"]', '[rel~="sioc:has_creator"] .username',
                ".username", '[rel="author"]', ".author .fn", ".byline .author", '[itemprop="author"]'):
        tag = next(iter(simple_select(tags, css)), None)
        if tag and norm(tag.get_text(" ")):
            return norm(tag.get_text(" "))
    return None


def find_url(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        href = attr(link, "href").strip()
        if "canonical" in attr(link, "rel").lower().split() and urlsplit(href).scheme in ("http", "https"):
            return href
    value = meta_content(soup, "og:url")
    if value and urlsplit(value).scheme in ("http", "https"):
        return value
    # Joomla and some others name the page itself in <base href>.
    base = soup.find("base", href=True)
    href = attr(base, "href").strip() if isinstance(base, Tag) else ""
    if urlsplit(href).scheme in ("http", "https") and urlsplit(href).path.strip("/"):
        return href
    return None
