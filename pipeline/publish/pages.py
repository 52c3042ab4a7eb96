"""Site chrome around rendered articles, and the index pages.

Everything here builds lxml elements, never HTML strings, so titles and names
from catalogues are always escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date
from lxml import etree
import lxml.html

from pipeline import languages
from pipeline.htmltext import serialize_html

STYLESHEET = "style.css"


@dataclass
class PageInfo:
    """One article in one language, as the indexes list it."""

    slug: str
    lang: str
    title: str
    date: str | None
    translated: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else int(100 * self.translated / self.total)


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
    return _el("nav", {"class": "language-switcher", "aria-label": "Languages"}, None, ul)


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
    """Add alternates, stylesheet, site header and switcher to a rendered article page."""
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
    return root, head, body


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


def language_index(lang: str, pages: list[PageInfo], langs: list[str], default: str, site_title: str) -> str:
    """``site/<lang>/index.html``: the language's articles, newest first, with translation status."""
    root, head, body = _page(lang, site_title)
    add_alternates(head, None, langs, default, "../")
    head.append(_el("link", {"rel": "stylesheet", "href": f"../{STYLESHEET}"}))
    body.append(_el("header", {"class": "site-header"}, None,
                    _el("a", {"class": "site-title", "href": "../index.html"}, site_title),
                    switcher(lang, None, langs, "../")))
    main = _el("main")
    main.append(_el("h1", {}, site_title))
    ul = _el("ul", {"class": "articles"})
    for p in sorted(pages, key=lambda p: (p.date or "", p.slug), reverse=True):
        li = _el("li")
        li.append(_el("a", {"href": f"{p.slug}.html"}, p.title))
        if p.date:
            t = _el("time", {"datetime": p.date[:10]}, format_day(p.date, lang))
            t.tail = " "
            li.insert(0, t)
        status = _el("span", {"class": "status"}, f"{p.percent} %")
        li.append(status)
        ul.append(li)
    main.append(ul)
    body.append(main)
    return serialize_html(root)


def top_index(langs: list[str], site_title: str, default: str) -> str:
    """``site/index.html``: one link per language, each in its own name."""
    root, head, body = _page(default, site_title)
    head.append(_el("link", {"rel": "stylesheet", "href": STYLESHEET}))
    main = _el("main")
    main.append(_el("h1", {}, site_title))
    main.append(switcher(default, None, langs, ""))
    body.append(main)
    return serialize_html(root)


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
.status { color: var(--muted); font-size: .85em; margin-inline-start: .5rem; }
[lang][dir="ltr"] { unicode-bidi: isolate; }
"""
