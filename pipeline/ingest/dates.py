"""Publication dates: metadata first, then visible datelines."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

from pipeline.ingest.dom import attr, class_words, count_words, json_ld, meta_content, node_text, norm

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY_DOT = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=32)
def _month_names(lang: str) -> dict[str, int]:
    from babel import Locale

    names: dict[str, int] = {}
    for code in dict.fromkeys([lang, "en", "ru", "fr", "de", "uk"]):
        try:
            loc = Locale.parse(code.replace("-", "_"))
        except Exception:  # noqa: BLE001 - unknown codes simply contribute no names
            continue
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in loc.months[ctx][width].items():
                    names.setdefault(name.lower().rstrip("."), num)
    return names


def parse_date(text: str, lang: str = "en") -> str | None:
    """The first date in ``text`` as YYYY-MM-DD: ISO, dd.mm.yyyy, or with month names in the page's language."""
    text = norm(text)
    m = _ISO.search(text)
    if m and (d := _valid(int(m[1]), int(m[2]), int(m[3]))):
        return d
    m = _DMY_DOT.search(text)
    if m and (d := _valid(int(m[3]), int(m[2]), int(m[1]))):
        return d
    months = _month_names(lang)
    alt = "|".join(sorted((re.escape(n) for n in months), key=len, reverse=True))
    m = re.search(rf"\b(\d{{1,2}})(?:er|\.)?\s+({alt})\.?,?\s+(\d{{4}})\b", text, re.I)
    if m and (d := _valid(int(m[3]), months[m[2].lower()], int(m[1]))):
        return d
    m = re.search(rf"\b({alt})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", text, re.I)
    if m and (d := _valid(int(m[3]), months[m[1].lower()], int(m[2]))):
        return d
    return None


def find_date(soup: BeautifulSoup, root: Tag, lang: str) -> tuple[str | None, str | None]:
    """(date, the visible text it was read from, if any)."""
    value = meta_content(soup, "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
                  "dcterms.created", "datepublished", "pubdate", "og:published_time", "publish-date")
    if value and (d := parse_date(value, lang)):
        return d, None
    # The page's elements with a content attribute, and their property/itemprop words: walked once, not
    # once for each property.
    tagged = [(tag, f"{attr(tag, 'property')} {attr(tag, 'itemprop')}".lower().split())
              for tag in soup.descendants if isinstance(tag, Tag) and tag.has_attr("content")]
    for prop in ("dc:date", "dc:created", "schema:datecreated", "schema:datepublished", "datepublished"):
        for tag, keys in tagged:
            if prop in keys and (d := parse_date(attr(tag, "content"), lang)):
                return d, None
    for node in json_ld(soup):
        if isinstance(node.get("datePublished"), str) and (d := parse_date(node["datePublished"], lang)):
            return d, None
    times = root.find_all("time") + soup.find_all("time")
    times.sort(key=lambda t: "published" not in " ".join(class_words(t)))
    for t in times:
        if (d := parse_date(str(t.get("datetime") or "") or node_text(t), lang)):
            return d, None
    # Visible dates: in elements that look like a dateline, then short lines of the article itself.
    for tag in soup.find_all(True):
        words = " ".join(class_words(tag)).lower()
        if re.search(r"date|time|submitted|posted|published|meta", words) and count_words(node_text(tag)) <= 20:
            if (d := parse_date(node_text(tag), lang)):
                return d, node_text(tag)
    for tag in root.find_all(True):
        text = node_text(tag)
        if 0 < count_words(text) <= 8 and (d := parse_date(text, lang)):
            return d, text
    return None, None
