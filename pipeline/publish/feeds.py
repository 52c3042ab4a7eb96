"""Atom feed per language and the sitemap with hreflang alternates.

Dates come from the articles, never from the clock, so an unchanged site
produces byte-identical files and an incremental build writes nothing.
"""

from __future__ import annotations

from lxml import etree

from pipeline.core import languages

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _base(settings) -> str:
    return settings.base_url.rstrip("/") + "/"


def _stamp(date: str | None) -> str:
    if not date:
        return "1970-01-01T00:00:00Z"
    if len(date) == 10:
        return f"{date}T00:00:00Z"
    return date.replace(" ", "T")


def atom(lang: str, pages: list, settings) -> str:
    """``site/<lang>/feed.xml``: the language's published articles, newest first."""
    base = _base(settings)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", languages.html_lang(lang))
    etree.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}{lang}/"
    etree.SubElement(feed, f"{{{ATOM}}}title").text = f"{settings.title_for(lang)} ({languages.native_name(lang)})"
    ordered = sorted(pages, key=lambda p: (p.date or "", p.slug), reverse=True)
    etree.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(ordered[0].date if ordered else None)
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}{lang}/{FEED}")
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{base}{lang}/index.html")
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    etree.SubElement(author, f"{{{ATOM}}}name").text = settings.title_for(lang)
    for p in ordered:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        etree.SubElement(entry, f"{{{ATOM}}}id").text = f"{base}{lang}/{p.slug}.html"
        etree.SubElement(entry, f"{{{ATOM}}}title").text = p.title
        etree.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(p.date)
        etree.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(p.date)
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                         href=f"{base}{lang}/{p.slug}.html")
        if p.author:
            a = etree.SubElement(entry, f"{{{ATOM}}}author")
            etree.SubElement(a, f"{{{ATOM}}}name").text = p.author
        if p.description:
            etree.SubElement(entry, f"{{{ATOM}}}summary").text = p.description
    return etree.tostring(feed, encoding="unicode", pretty_print=True).join(
        ['<?xml version="1.0" encoding="utf-8"?>\n', ""])


def sitemap(by_slug: dict[str, list[str]], langs: list[str], settings) -> str:
    """``site/sitemap.xml``: every published page with its language alternates (and x-default)."""
    base = _base(settings)
    urlset = etree.Element(f"{{{SM}}}urlset", nsmap={None: SM, "xhtml": XHTML})
    default = settings.source_language

    def add(url_path: str, alternates: list[tuple[str, str]]) -> None:
        url = etree.SubElement(urlset, f"{{{SM}}}url")
        etree.SubElement(url, f"{{{SM}}}loc").text = base + url_path
        for hreflang, path in alternates:
            etree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang, href=base + path)

    index_alts = [(languages.html_lang(l), f"{l}/index.html") for l in langs] + [("x-default", "index.html")]
    add("index.html", index_alts)
    for lang in langs:
        add(f"{lang}/index.html", index_alts)
    for slug in sorted(by_slug):
        published = by_slug[slug]
        alts = [(languages.html_lang(l), f"{l}/{slug}.html") for l in published]
        if default in published:
            alts.append(("x-default", f"{default}/{slug}.html"))
        for lang in published:
            add(f"{lang}/{slug}.html", alts)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(urlset, encoding="unicode", pretty_print=True)
