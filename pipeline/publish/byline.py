"""What a reader of a news site expects under an article's title, and what search engines need.

The byline gives the date (formatted for the page's language by Babel, in a
``<time datetime>`` element), the author and a visible link to the original
source. ``rel=canonical`` names the page itself: a translation is not a
duplicate of its original, and pointing canonical at the source would tell
search engines to drop every translation.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
import lxml.html

from pipeline.core import languages
from pipeline.segment.htmltext import remove_keep_tail
from pipeline.model import Article
from pipeline.publish.messages import message


def _el(tag: str, attrib: dict | None = None, text: str | None = None) -> etree._Element:
    el = lxml.html.Element(tag, attrib or {})
    if text:
        el.text = text
    return el


def source_name(info: Article) -> str | None:
    """Who published the original: the article's publisher, else the source URL's host."""
    if info.publisher:
        return info.publisher
    if not info.source_url:
        return None
    host = urlsplit(info.source_url).hostname or ""
    return host.removeprefix("www.") or None


def _words(p: etree._Element, lang: str, key: str, **values) -> None:
    """Append the site's own words to ``p``; English standing in for a language is marked."""
    text, used = message(lang, key, **values)
    if used == lang:
        _append_text(p, text)
    else:
        p.append(_el("span", {"lang": languages.html_lang(used), "dir": "ltr"}, text))


def _append_text(p: etree._Element, text: str) -> None:
    if len(p):
        p[-1].tail = (p[-1].tail or "") + text
    else:
        p.text = (p.text or "") + text


def byline(info: Article, lang: str, day: str) -> etree._Element | None:
    """``<p class="byline">``: date · author · Original: <a>source</a>; None when the article says none."""
    p = _el("p", {"class": "byline"})
    parts = 0
    if info.date:
        p.append(_el("time", {"datetime": info.date[:10]}, day or info.date[:10]))
        parts += 1
    if info.author:
        if parts:
            _append_text(p, " · ")
        span = _el("span", {"class": "author"})
        _words(span, lang, "by", author=info.author)
        p.append(span)
        parts += 1
    name = source_name(info)
    if info.source_url and name:
        if parts:
            _append_text(p, " · ")
        span = _el("span", {"class": "source"})
        _words(span, lang, "source")
        _append_text(span, " ")
        span.append(_el("a", {"href": info.source_url, "class": "original"}, name))
        p.append(span)
        parts += 1
    return p if parts else None


def add_byline(root: etree._Element, info: Article, lang: str, day: str) -> None:
    """Put the byline right under the article's ``<h1>`` (or first in the article)."""
    line = byline(info, lang, day)
    if line is None:
        return
    article = root.find(".//article")
    if article is None:
        article = root.find(".//body")
    if article is None:
        return
    h1 = article.find(".//h1")
    line.tail = "\n"
    if h1 is not None:
        line.tail = h1.tail
        h1.tail = "\n"
        h1.addnext(line)
    else:
        article.insert(0, line)


def set_canonical(head: etree._Element, url: str) -> None:
    """The page's own URL is its canonical one; the source article's canonical link goes."""
    for link in head.findall("link"):
        if (link.get("rel") or "").lower() == "canonical":
            remove_keep_tail(link)
    head.append(_el("link", {"rel": "canonical", "href": url}))
