"""Site chrome around rendered articles, and the index pages.

Everything here builds lxml elements, never HTML strings, so titles and names
from catalogues are always escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from babel.dates import format_date
from lxml import etree
import lxml.html

from pipeline.core import languages
from pipeline.segment.htmltext import remove_keep_tail, serialize_html
from pipeline.publish.messages import message
from pipeline.publish.safety import add_policy

STYLESHEET = "style.css"
__all__ = ["PageInfo", "serialize_html", "decorate_article", "add_notice", "language_index", "top_index"]


@dataclass
class PageInfo:
    """One published article in one language, as the indexes and feeds list it."""

    slug: str
    lang: str
    title: str
    date: str | None
    status: str  # "source" | "complete" | "partial" | "outdated"
    percent: int
    description: str | None = None
    author: str | None = None
    translations: list[str] = field(default_factory=list)  # other languages it is published in


def _el(tag: str, attrib: dict | None = None, text: str | None = None, *children) -> etree._Element:
    el = lxml.html.Element(tag, attrib or {})
    if text:
        el.text = text
    for c in children:
        el.append(c)
    return el


def switcher(current: str, slug: str | None, langs: list[str], prefix: str) -> etree._Element:
    """The language switcher: each language in its own name, linking the same article (or index)."""
    ul = _el("ul")
    for lang in langs:
        href = f"{prefix}{lang}/{slug or 'index'}.html"
        attrs = {"href": href, "hreflang": languages.html_lang(lang), "lang": languages.html_lang(lang)}
        if languages.is_rtl(lang):
            attrs["dir"] = "rtl"
        if lang == current:
            attrs["aria-current"] = "page"
        ul.append(_el("li", {}, None, _el("a", attrs, languages.native_name(lang))))
    label, _ = message(current, "languages")
    return _el("nav", {"class": "language-switcher", "aria-label": label}, None, ul)


def add_alternates(head: etree._Element, slug: str | None, langs: list[str], default: str, prefix: str) -> None:
    for lang in langs:
        head.append(_el("link", {"rel": "alternate", "hreflang": languages.html_lang(lang),
                                 "href": f"{prefix}{lang}/{slug or 'index'}.html"}))
    head.append(_el("link", {"rel": "alternate", "hreflang": "x-default",
                             "href": f"{prefix}{default}/{slug or 'index'}.html"}))


def _ensure_head(root: etree._Element) -> etree._Element:
    head = root.find("head")
    if head is None:
        head = _el("head")
        root.insert(0, head)
    if head.find("meta[@name='viewport']") is None:
        head.append(_el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}))
    return head


def decorate_article(root: etree._Element, *, lang: str, slug: str, langs: list[str], default: str,
                     site_title: str) -> None:
    """Add alternates, stylesheet, site header and switcher to a rendered article page.

    HTML comments go: in a source article they are notes for translators and editors, not for readers.
    """
    for comment in list(root.iter(etree.Comment)):
        remove_keep_tail(comment)
    head = _ensure_head(root)
    add_alternates(head, slug, langs, default, "../")
    head.append(_el("link", {"rel": "stylesheet", "href": f"../{STYLESHEET}"}))
    body = root.find("body")
    if body is None:
        body = _el("body")
        root.append(body)
    header = _el("header", {"class": "site-header"}, None,
                 _el("a", {"class": "site-title", "href": "index.html"}, site_title),
                 switcher(lang, slug, langs, "../"))
    header.tail = body.text
    body.text = "\n"
    body.insert(0, header)


def mark_title_language(root: etree._Element, lang: str, settings) -> None:
    """A language without its own site title shows the source language's, marked as such."""
    if lang in settings.titles or lang == settings.source_language:
        return
    for el in root.iter("a"):
        if "site-title" in (el.get("class") or "").split():
            el.set("lang", languages.html_lang(settings.source_language))
            if languages.is_rtl(lang) and not languages.is_rtl(settings.source_language):
                el.set("dir", "ltr")


def _page(lang: str, title: str) -> tuple[etree._Element, etree._Element, etree._Element]:
    attrs = {"lang": languages.html_lang(lang)}
    if languages.is_rtl(lang):
        attrs["dir"] = "rtl"
    root = _el("html", attrs)
    head = _el("head", {}, None, _el("meta", {"charset": "utf-8"}), _el("title", {}, title))
    body = _el("body")
    root.append(head)
    root.append(body)
    _ensure_head(root)
    add_policy(root)  # indexes load nothing from other hosts either (issue 19)
    return root, head, body


@lru_cache(maxsize=4096)  # an index lists many articles of the same few days
def format_day(date: str | None, lang: str) -> str:
    if not date:
        return ""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    locale = languages.PSEUDO.get(lang, lang).replace("-", "_")
    return format_date(day, format="long", locale=locale)


def _said(lang: str, key: str, **values) -> etree._Element:
    """A span with the site's own words, marked with their language when English stands in."""
    text, used = message(lang, key, **values)
    attrs = {} if used == lang else {"lang": languages.html_lang(used), "dir": "ltr"}
    return _el("span", attrs, text)


def add_notice(root: etree._Element, lang: str, status: str, percent: int, original_href: str) -> None:
    """A visible note under the title: a partial translation, or the last complete one of a changed original."""
    article = root.find(".//article")
    if article is None:
        article = root.find(".//body")
    key = "partial" if status == "partial" else "outdated"
    note = _el("p", {"class": f"translation-notice {key}", "role": "note"}, None, _said(lang, key, percent=percent))
    link_text, used = message(lang, "original")
    link = _el("a", {"href": original_href}, link_text)
    if used != lang:
        link.set("lang", languages.html_lang(used))
    link.tail = ""
    space = _el("span", {}, " ")
    note.append(space)
    note.append(link)
    h1 = article.find(".//h1")
    note.tail = "\n"
    if h1 is not None and h1.getparent() is article:
        h1.addnext(note)
    else:
        article.insert(0, note)


def _language_link(lang: str, href: str) -> etree._Element:
    """A link to a page in ``lang``, named in that language."""
    attrs = {"href": href, "hreflang": languages.html_lang(lang), "lang": languages.html_lang(lang)}
    if languages.is_rtl(lang):
        attrs["dir"] = "rtl"
    return _el("a", attrs, languages.native_name(lang))


def _article_item(p: PageInfo, lang: str, prefix: str, status: bool = True) -> etree._Element:
    """One article in a list: date, title, translation status, the other languages it is published in.
    ``prefix`` leads from the listing page to the language folders."""
    li = _el("li")
    if p.date:
        li.append(_el("time", {"datetime": p.date[:10]}, format_day(p.date, lang)))
    li.append(_el("a", {"href": f"{prefix}{p.lang}/{p.slug}.html"}, p.title))
    if status and p.status == "partial":
        li.append(_el("span", {"class": "status partial"}, None, _said(lang, "status_partial", percent=p.percent)))
    elif status and p.status == "outdated":
        li.append(_el("span", {"class": "status outdated"}, None, _said(lang, "status_outdated")))
    elif status and p.status == "complete":
        li.append(_el("span", {"class": "status complete"}, None, _said(lang, "status_complete")))
    if p.translations:
        # Where else the article can be read: each language in its own name.
        others = _el("span", {"class": "translations"})
        for other in p.translations:
            others.append(_language_link(other, f"{prefix}{other}/{p.slug}.html"))
        li.append(others)
    return li


def _finish(root: etree._Element, lang: str) -> str:
    from pipeline.publish.typography import typeset

    typeset(root, lang)
    return serialize_html(root)


def language_index(lang: str, pages: list[PageInfo], langs: list[str], default: str, site_title: str,
                   available: list[str] | None = None) -> str:
    """``site/<lang>/index.html``: the language's published articles, newest first, with translation status.
    With nothing published yet, it says so and links to the ``available`` languages' indexes."""
    root, head, body = _page(lang, site_title)
    add_alternates(head, None, langs, default, "../")
    head.append(_el("link", {"rel": "stylesheet", "href": f"../{STYLESHEET}"}))
    feed_title, _ = message(lang, "feed")
    head.append(_el("link", {"rel": "alternate", "type": "application/atom+xml", "href": "feed.xml",
                             "title": feed_title}))
    body.append(_el("header", {"class": "site-header"}, None,
                    _el("a", {"class": "site-title", "href": "../index.html"}, site_title),
                    switcher(lang, None, langs, "../")))
    main = _el("main")
    main.append(_el("h1", {}, None, _said(lang, "articles")))
    if pages:
        ul = _el("ul", {"class": "articles"})
        for p in sorted(pages, key=lambda p: (p.date or "", p.slug), reverse=True):
            ul.append(_article_item(p, lang, "../"))
        main.append(ul)
    else:
        main.append(_el("p", {"class": "empty"}, None, _said(lang, "empty", language=languages.name_in(lang, lang))))
        others = [other for other in (available or []) if other != lang]
        if others:
            p = _el("p", {"class": "elsewhere"}, None, _said(lang, "elsewhere"))
            for other in others:
                p.append(_language_link(other, f"../{other}/index.html"))
            main.append(p)
    main.append(_el("p", {"class": "feed"}, None, _el("a", {"href": "feed.xml", "type": "application/atom+xml"},
                                                       feed_title)))
    body.append(main)
    return _finish(root, lang)


LATEST = 10  # articles on the top index


def top_index(langs: list[str], site_title: str, default: str, latest: list[PageInfo] | None = None) -> str:
    """``site/index.html``: the site's title, the languages (each in its own name) and the latest articles
    (``latest``: their source-language pages), each with the languages it can be read in."""
    root, head, body = _page(default, site_title)
    for lang in langs:
        head.append(_el("link", {"rel": "alternate", "hreflang": languages.html_lang(lang),
                                 "href": f"{lang}/index.html"}))
    head.append(_el("link", {"rel": "alternate", "hreflang": "x-default", "href": "index.html"}))
    head.append(_el("link", {"rel": "stylesheet", "href": STYLESHEET}))
    nav = switcher(default, None, langs, "")
    for a in nav.iter("a"):
        a.attrib.pop("aria-current", None)  # this page is none of the language indexes
    body.append(_el("header", {"class": "site-header"}, None, nav))
    main = _el("main")
    main.append(_el("h1", {}, site_title))
    newest = sorted(latest or [], key=lambda p: (p.date or "", p.slug), reverse=True)[:LATEST]
    if newest:
        main.append(_el("h2", {}, None, _said(default, "latest")))
        ul = _el("ul", {"class": "articles"})
        for p in newest:
            ul.append(_article_item(p, default, "", status=False))
        main.append(ul)
    body.append(main)
    return _finish(root, default)


CSS = """\
:root { --fg: #1d1d1f; --bg: #fdfdfb; --accent: #8a1c1c; --muted: #5c5c5c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 0 1rem 3rem; font: 1.05rem/1.6 Georgia, "Noto Serif", serif;
       color: var(--fg); background: var(--bg); overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
.site-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; justify-content: space-between;
               padding: 1rem 0; border-bottom: 1px solid #ddd; margin-bottom: 1.5rem; font-family: system-ui, sans-serif; }
.site-title { font-weight: 700; color: var(--accent); text-decoration: none; }
.language-switcher ul { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; margin: 0; padding: 0; }
.language-switcher a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--fg); }
.translators-note, aside[role="note"] { border-inline-start: 4px solid var(--accent); padding: .25rem 1rem;
               background: #f4efe9; margin: 1.5rem 0; }
blockquote { margin-inline: 0; padding-inline-start: 1rem; border-inline-start: 3px solid #ccc; color: #333; }
.articles { list-style: none; padding: 0; }
.articles li { margin: .75rem 0; }
.articles time { color: var(--muted); font-size: .9em; display: block; }
h1, h2, h3 { line-height: 1.25; }
.byline { color: var(--muted); font-family: system-ui, sans-serif; font-size: .92rem; margin-top: -.25rem; }
.empty, .elsewhere { font-family: system-ui, sans-serif; }
.elsewhere a { margin-inline: .25rem; }
.status, .translations { color: var(--muted); font-size: .85em; margin-inline-start: .5rem; }
.translations { display: inline-flex; flex-wrap: wrap; gap: .1rem .6rem; }
.translation-notice { border-inline-start: 4px solid var(--accent); background: #f4efe9; padding: .5rem 1rem;
               font-family: system-ui, sans-serif; font-size: .95rem; }
.note-ref { font-size: .75em; line-height: 0; }
.note-ref a { text-decoration: none; padding: 0 .1em; }
.reader-notes { border-top: 1px solid #ddd; margin-top: 2.5rem; font-size: .92rem; }
.reader-notes h2 { font-size: 1.05rem; }
[dir="rtl"] body, body[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, serif; }
pre, table { max-width: 100%; overflow-x: auto; }
[lang][dir="ltr"] { unicode-bidi: isolate; }
"""
