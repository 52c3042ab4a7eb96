"""Article metadata from a parsed source document (title, date, language, author, source URL)."""

from __future__ import annotations

import re

from lxml import etree

from pipeline.model import Article

_WS = re.compile(r"[ \t\n\r\f]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip() if el is not None else ""


def _meta(root: etree._Element, *names: str) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in names and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    return None


def article_info(root: etree._Element, slug: str, path: str, default_lang: str = "en") -> Article:
    """Read an article's metadata. Missing pieces stay ``None``; callers that need them say so."""
    h1 = next(root.iter("h1"), None)
    title_el = next(root.iter("title"), None)
    title = _text(h1) or _text(title_el)
    date = _meta(root, "date", "dcterms.date", "dc.date", "article:published_time", "datepublished")
    if date is None:
        time_el = next((t for t in root.iter("time") if t.get("datetime")), None)
        date = time_el.get("datetime") if time_el is not None else None
    if date is not None and not _DATE.match(date.strip()):
        date = None
    canonical = next((l.get("href") for l in root.iter("link") if (l.get("rel") or "").lower() == "canonical"), None)
    return Article(
        slug=slug,
        path=path,
        lang=(root.get("lang") or default_lang).strip() or default_lang,
        title=title,
        date=date.strip() if date else None,
        author=_meta(root, "author", "dc.creator", "article:author"),
        source_url=canonical,
        description=_meta(root, "description", "og:description"),
        publisher=_meta(root, "publisher", "og:site_name", "dc.publisher"),
    )
