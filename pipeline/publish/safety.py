"""Pages that tell nobody who reads them, and work from any mirror.

Our readers often read from inside Russia; a page that loads an image, a font
or a script from another host reports every reader to that host (and breaks
the day the host is blocked or deletes the file). So every page we publish:

* carries a strict Content-Security-Policy in a ``<meta http-equiv>`` (the site
  may be served by hosts we do not configure, or opened from ``file://``, so
  a header cannot be relied on) and a no-referrer policy;
* loads nothing from another host: an external image becomes a link the
  reader may choose to follow, external scripts, frames, stylesheets and
  prefetch hints are dropped (the build warns about each);
* sends no referrer when a reader follows a link out (``rel="noreferrer"``).

Links between our own pages stay relative (see :mod:`pipeline.publish.pages`),
which is what lets the same ``site/`` work from a mirror, an onion service or
a zip opened offline.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from pipeline.core import languages
from pipeline.publish.messages import message

# 'self' covers the site's own files whatever host (or file://) serves them; nothing else is allowed.
POLICY = ("default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'self'; font-src 'self'; "
          "base-uri 'none'; form-action 'none'")
REFERRER = "no-referrer"

# Attributes through which a browser fetches something by itself, without the reader asking.
_FETCHED = {
    "img": ("src",), "source": ("src",), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",), "script": ("src",),
    "input": ("src",),
}
_FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "dns-prefetch", "preconnect", "modulepreload",
                      "prerender", "manifest", "apple-touch-icon", "shortcut"}
_MEDIA = {"img", "video", "audio", "source", "picture", "track"}


def is_external(url: str | None) -> bool:
    """True for an address on another host (any scheme or ``//host``); ``data:`` and fragments stay home."""
    if not url:
        return False
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in ("data", "mailto", "tel"):
        return False
    return bool(parts.scheme or parts.netloc or url.startswith("//"))


def head_meta_html() -> str:
    """The policy as HTML, for pages written as strings (the review report)."""
    return (f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            f'<meta name="referrer" content="{REFERRER}">')


def add_policy(root: etree._Element) -> None:
    """Put the CSP and referrer policy first in ``<head>`` (after the charset), before anything it governs."""
    head = root.find("head")
    if head is None:
        head = lxml.html.Element("head")
        root.insert(0, head)
    for meta in head.findall("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-security-policy" or meta.get("name") == "referrer":
            head.remove(meta)
    at = 0
    for i, child in enumerate(head):
        if child.tag == "meta" and child.get("charset") is not None:
            at = i + 1
    for meta in reversed([lxml.html.Element("meta", {"http-equiv": "Content-Security-Policy", "content": POLICY}),
                          lxml.html.Element("meta", {"name": "referrer", "content": REFERRER})]):
        meta.tail = "\n"
        head.insert(at, meta)


def _replace_with_link(el: etree._Element, url: str, lang: str) -> None:
    """An external image or frame becomes a link: the reader decides whether to contact that host."""
    text, used = message(lang, "external_image")
    alt = " ".join((el.get("alt") or el.get("title") or "").split())
    link = lxml.html.Element("a", {"href": url.strip(), "class": "external-media", "rel": "noreferrer noopener"})
    link.text = alt or text
    if not alt and used != lang:
        link.set("lang", languages.html_lang(used))
    link.tail = el.tail
    parent = el.getparent()
    if parent is not None and parent.tag == "a":
        # Already inside a link: keep that link, with the words instead of the picture.
        span = lxml.html.Element("span", {"class": "external-media"})
        span.text, span.tail = link.text, el.tail
        parent.replace(el, span)
    elif parent is not None:
        parent.replace(el, link)


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    from pipeline.segment.htmltext import remove_keep_tail

    remove_keep_tail(el)


def strip_external(root: etree._Element, lang: str) -> list[str]:
    """Make the page load nothing from another host; returns what was changed, one line each."""
    changed: list[str] = []
    for el in list(root.iter(etree.Element)):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag
        if tag == "link":
            rels = set((el.get("rel") or "").lower().split())
            if rels & _FETCHED_LINK_RELS and is_external(el.get("href")):
                changed.append(f"dropped <link rel=\"{el.get('rel')}\"> to {el.get('href')}")
                _drop(el)
            continue
        if tag == "style" and ("url(" in (el.text or "") or "@import" in (el.text or "")):
            changed.append("dropped a <style> that loads files")
            _drop(el)
            continue
        if "url(" in (el.get("style") or ""):
            del el.attrib["style"]
            changed.append(f"dropped a style attribute of <{tag}> that loads a file")
        for attr in ("srcset", "imagesrcset"):
            if el.get(attr) and any(is_external(c.split()[0]) for c in el.get(attr).split(",") if c.split()):
                del el.attrib[attr]
                changed.append(f"dropped the {attr} of <{tag}>: it names another host")
        for attr in _FETCHED.get(tag, ()):
            url = el.get(attr)
            if not is_external(url):
                continue
            if attr == "poster":
                del el.attrib[attr]
                changed.append(f"dropped the poster of <video>: {url}")
            elif tag in ("img", "iframe", "frame", "embed", "object", "video", "audio", "input"):
                changed.append(f"<{tag}> from another host shown as a link: {url}")
                _replace_with_link(el, url, lang)
            else:
                changed.append(f"dropped <{tag}> from another host: {url}")
                _drop(el)
            break
    return changed


def no_referrer_links(root: etree._Element) -> None:
    """Outgoing links tell the other site nothing about the page they were followed from."""
    for a in root.iter("a", "area"):
        if is_external(a.get("href")):
            rels = (a.get("rel") or "").split()
            for needed in ("noreferrer", "noopener"):
                if needed not in rels:
                    rels.append(needed)
            a.set("rel", " ".join(rels))


def harden(root: etree._Element, lang: str) -> list[str]:
    """Everything above, on one page about to be written: what was changed to keep readers unseen."""
    changed = strip_external(root, lang)
    no_referrer_links(root)
    add_policy(root)
    return changed
