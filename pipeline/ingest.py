"""Import: a page saved from a CMS → a clean source article.

Known CMS structures (Drupal's body field, WordPress's ``.entry-content``,
``<article>``, ``<main>``) are tried first; a readability-style text-density
score is the fallback. Inside the chosen part, boilerplate (menus, share
buttons, comment forms and their CAPTCHA text, sidebars, scripts) is removed,
and what remains is rebuilt from a small whitelist of elements, so nothing of
the CMS's markup (classes, inline styles, scripts) reaches the article.

Measured on tests/fixtures/cms against trafilatura and readability-lxml
(bench/ingest_quality.py); the figures are in docs/publishing.md.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from pipeline.core import languages
from pipeline import media
from pipeline.core.errors import TamizdatError
from pipeline.segment.htmltext import declared_charset
from pipeline.model import Article
from pipeline.project import check_slug

# Tried in order; the first selector with a usable match wins. Most specific first.
KNOWN_STRUCTURES = (
    '[property="content:encoded"]',  # Drupal 7 RDFa body
    ".field-name-body",  # Drupal 7
    ".field--name-body",  # Drupal 8+
    '[itemprop="articleBody"]',
    '[property="schema:articleBody"]',
    ".entry-content",  # WordPress
    ".post-content",
    ".article-body",
    "article",
    "main",
    '[role="main"]',
)

# Whole elements that are never article text.
DROP_TAGS = {
    "script": "scripts", "style": "scripts", "noscript": "scripts", "template": "scripts",
    "link": "scripts", "meta": "scripts",
    "form": "forms", "button": "forms", "input": "forms", "select": "forms", "textarea": "forms",
    "fieldset": "forms", "label": "forms",
    "nav": "menus", "aside": "sidebars", "footer": "footers", "header": "headers",
    "iframe": "embeds", "object": "embeds", "embed": "embeds", "svg": "embeds", "canvas": "embeds",
    "video": "embeds", "audio": "embeds",
}
ROLE_DROP = {"navigation": "menus", "complementary": "sidebars", "search": "forms", "banner": "headers",
             "contentinfo": "footers", "form": "forms"}

# Words of class/id values (split at '-', '_' and spaces) that mark boilerplate.
CLASS_WORDS = {
    "menu": "menus", "menus": "menus", "nav": "menus", "navigation": "menus", "navbar": "menus",
    "breadcrumb": "menus", "breadcrumbs": "menus", "pager": "menus", "pagination": "menus",
    "skip": "skip links", "invisible": "skip links", "focusable": "skip links",
    "switcher": "language switchers", "langues": "language switchers", "languages": "language switchers",
    "sidebar": "sidebars", "widget": "sidebars", "widgets": "sidebars", "xoxo": "sidebars",
    "related": "sidebars", "relatedposts": "sidebars", "popular": "sidebars",
    "share": "share buttons", "sharing": "share buttons", "sharedaddy": "share buttons",
    "social": "share buttons", "addtoany": "share buttons", "a2a": "share buttons", "partage": "share buttons",
    "likes": "share buttons", "print": "share buttons",
    "comment": "comments", "comments": "comments", "respond": "comments", "reagir": "comments",
    "captcha": "comments", "disqus": "comments",
    "footer": "footers", "pied": "footers", "colophon": "footers", "copyright": "footers",
    "header": "headers", "masthead": "headers", "branding": "headers",
    "tags": "tags", "taxonomy": "tags", "taxonomies": "tags", "categories": "tags",
    "utility": "tags",
    "meta": "metadata", "submitted": "metadata", "byline": "metadata", "author": "metadata",
    "posted": "metadata", "dateline": "metadata",
    "newsletter": "ads", "subscribe": "ads", "advert": "ads", "advertisement": "ads", "banner": "ads",
    "promo": "ads", "donate": "ads", "rating": "ads", "counter": "ads",
    "offscreen": "hidden",
}
# Ambiguous words, boilerplate only as a whole class value ("path" but not "path-node").
CLASS_TOKENS = {"screen-reader-text": "skip links", "sr-only": "skip links", "visually-hidden": "skip links",
                "element-hidden": "hidden", "rdf-meta": "hidden", "hidden": "hidden", "is-hidden": "hidden",
                "path": "menus", "fil": "menus", "links": "tags", "nav-links": "menus"}
# Classes CMSs derive from the post's own taxonomy or type ("tag-social", "category-share"):
# they describe the article, not the box it sits in.
CLASS_PREFIXES_IGNORED = ("tag-", "category-", "format-", "status-", "type-", "postid-", "page-", "node-",
                          "path-", "i18n-", "section-", "field-label-", "field--label-")

INLINE_KEEP = {"a", "em", "strong", "i", "b", "q", "cite", "sup", "sub", "code", "abbr", "small", "s", "u",
               "mark", "dfn", "kbd", "var", "bdi", "ins", "del"}
BLOCKISH = {"p", "div", "section", "article", "main", "ul", "ol", "dl", "li", "dd", "dt", "blockquote", "figure",
            "figcaption", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "pre", "hr", "center",
            "h1", "h2", "h3", "h4", "h5", "h6", "address", "details", "summary", "body", "html", "header",
            "footer", "nav", "aside", "form", "fieldset"}
KEEP_ATTRS = {"lang", "title"}
SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
NOTE_RE = re.compile(
    r"^\s*(translator[’'`]?s?\s+note|note\s+du\s+traducteur|note\s+de\s+la\s+traduction|"
    r"примечание\s+переводчика|прим\.\s*пер|anmerkung\s+de[rs]\s+übersetzer)",
    re.I,
)
MIN_ARTICLE_WORDS = 40


@dataclass
class Imported:
    """The result of importing one page: metadata, clean body blocks and what happened."""

    article: Article
    blocks: list[str]
    encoding: str
    method: str  # which structure matched, or "fallback"
    kept: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    dropped_words: int = 0
    warnings: list[str] = field(default_factory=list)
    media_refs: dict[str, str] = field(default_factory=dict)  # img src -> what the page said (pipeline.media)

    @property
    def text(self) -> str:
        return " ".join(_norm(BeautifulSoup(b, "lxml").get_text()) for b in self.blocks)


# ---------------------------------------------------------------- encoding
_CYR_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґў")


def decode_html(data: bytes, path: str = "<page>") -> tuple[str, str]:
    """Text of a saved page and the encoding used.

    Valid UTF-8 wins even over a contrary declaration (browsers re-encode pages
    they save); otherwise the declared charset; otherwise windows-1251 or
    KOI8-R, whichever yields mostly lower-case Cyrillic (the other one reads
    as case-flipped gibberish).
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data[:8192])
    if declared:
        if declared not in ("utf-8", "utf8"):
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    best = max(("windows-1251", "koi8-r"), key=lambda enc: _cyrillic_lower_share(data.decode(enc, "replace")))
    text = data.decode(best, "replace")
    if _cyrillic_lower_share(text) < 0.5:
        # Not Cyrillic either: latin-1 maps every byte, so at least nothing is lost.
        return data.decode("windows-1252", "replace"), "windows-1252"
    return text, best


def _cyrillic_lower_share(text: str) -> float:
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not letters:
        return 0.0
    return sum(c in _CYR_LOWER for c in letters) / len(letters)


# ---------------------------------------------------------------- slugs
# ICAO Doc 9303 (the Russian passport standard since 2013) plus the Ukrainian
# and Belarusian letters: ASCII only, reversible enough for humans, no deps.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
    "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
}
# Ukrainian titles follow the national standard (Cabinet resolution 55, 2010) instead: г→h, и→y.
_TRANSLIT_UK = {**_TRANSLIT, "г": "h", "и": "y", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ю": "iu", "я": "ia"}
SLUG_MAX = 96


def slugify(title: str, lang: str = "") -> str:
    """A file-name slug from a title: Cyrillic transliterated, accents stripped, words joined by '-'."""
    table = _TRANSLIT_UK if lang.split("-")[0] == "uk" else _TRANSLIT
    out = []
    for ch in title.lower():
        if ch in table:
            out.append(table[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii"))
    words = re.findall(r"[a-z0-9]+", "".join(out))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX:
            break
        slug = candidate
    return slug


# ---------------------------------------------------------------- helpers
def _words(text: str) -> int:
    return len(text.split())


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def _class_words(tag: Tag) -> list[str]:
    values = tag.get("class") or []
    if isinstance(values, str):
        values = values.split()
    values = list(values)
    ident = tag.get("id")
    if isinstance(ident, str):
        values.append(ident)
    return values


def _boilerplate_reason(tag: Tag) -> str | None:
    """Why ``tag`` is boilerplate, or None if it may hold article text."""
    if tag.name in DROP_TAGS:
        return DROP_TAGS[tag.name]
    role = (tag.get("role") or "").lower() if isinstance(tag.get("role"), str) else ""
    if role in ROLE_DROP:
        return ROLE_DROP[role]
    if tag.has_attr("hidden") or (tag.get("aria-hidden") == "true" and not tag.find("img")):
        return "hidden"
    style = tag.get("style")
    if isinstance(style, str) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style):
        return "hidden"
    for token in _class_words(tag):
        low = token.lower()
        if low in CLASS_TOKENS:
            return CLASS_TOKENS[low]
        if low.startswith(CLASS_PREFIXES_IGNORED):
            continue
        for word in re.split(r"[-_\s]+", low):
            if word in CLASS_WORDS:
                return CLASS_WORDS[word]
    return None


def _inside_boilerplate(tag: Tag) -> bool:
    return any(_boilerplate_reason(p) for p in tag.parents
               if isinstance(p, Tag) and p.name not in ("html", "body", "[document]"))


def _norm(s: str) -> str:
    return " ".join(s.replace("\xa0", " ").split()).strip()


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    wanted = {k.lower() for k in keys}
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
        if isinstance(key, list):
            key = " ".join(key)
        for k in key.lower().split():
            if k in wanted and _norm(meta.get("content") or ""):
                return _norm(meta["content"])
    return None


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, dict):
            found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for script in soup.find_all("script", type="application/ld+json"):
        try:
            walk(json.loads(script.string or ""))
        except ValueError:
            continue
    return found


# ---------------------------------------------------------------- dates
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
    text = _norm(text)
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


def _find_date(soup: BeautifulSoup, root: Tag, lang: str) -> tuple[str | None, str | None]:
    """(date, the visible text it was read from, if any)."""
    value = _meta(soup, "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
                  "dcterms.created", "datepublished", "pubdate", "og:published_time", "publish-date")
    if value and (d := parse_date(value, lang)):
        return d, None
    for prop in ("dc:date", "dc:created", "schema:datecreated", "schema:datepublished", "datepublished"):
        for tag in soup.find_all(attrs={"content": True}):
            keys = " ".join(filter(None, [str(tag.get("property") or ""), str(tag.get("itemprop") or "")])).lower()
            if prop in keys.split() and (d := parse_date(tag["content"], lang)):
                return d, None
    for node in _json_ld(soup):
        if isinstance(node.get("datePublished"), str) and (d := parse_date(node["datePublished"], lang)):
            return d, None
    times = root.find_all("time") + soup.find_all("time")
    times.sort(key=lambda t: "published" not in " ".join(_class_words(t)))
    for t in times:
        if (d := parse_date(str(t.get("datetime") or "") or _text(t), lang)):
            return d, None
    # Visible dates: in elements that look like a dateline, then short lines of the article itself.
    for tag in soup.find_all(True):
        words = " ".join(_class_words(tag)).lower()
        if re.search(r"date|time|submitted|posted|published|meta", words) and _words(_text(tag)) <= 20:
            if (d := parse_date(_text(tag), lang)):
                return d, _text(tag)
    for tag in root.find_all(True):
        text = _text(tag)
        if 0 < _words(text) <= 8 and (d := parse_date(text, lang)):
            return d, text
    return None, None


# ---------------------------------------------------------------- metadata
# " : " is not among them: French puts it inside titles.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|»|«|·)\s+")


def _title_without_site(soup: BeautifulSoup) -> str | None:
    raw = _norm(soup.title.get_text()) if soup.title else ""
    if not raw:
        return None
    site = _meta(soup, "og:site_name")
    if site and site in raw:
        raw = _TITLE_SEPARATORS.sub(" | ", raw)
        parts = [p for p in raw.split(" | ") if p.strip() and p.strip().lower() != site.lower()]
        return " ".join(parts) if parts else raw
    parts = _TITLE_SEPARATORS.split(raw)
    return max(parts, key=len) if parts else raw


def _find_title(soup: BeautifulSoup, root: Tag) -> tuple[str | None, Tag | None]:
    """(title, the <h1> it came from if that h1 sits inside the article root)."""
    inside = root.find("h1")
    if inside and _norm(inside.get_text(" ")):
        return _norm(inside.get_text(" ")), inside
    raw = _norm(soup.title.get_text()) if soup.title else ""
    candidates = [h for h in soup.find_all("h1") if _norm(h.get_text(" ")) and not _inside_boilerplate(h)]
    for h in candidates:
        if _norm(h.get_text(" ")) in raw:
            return _norm(h.get_text(" ")), None
    if len(candidates) == 1:
        return _norm(candidates[0].get_text(" ")), None
    og = _meta(soup, "og:title", "twitter:title")
    if og:
        return og, None
    return _title_without_site(soup), None


def _find_author(soup: BeautifulSoup) -> str | None:
    value = _meta(soup, "author", "dc.creator", "dcterms.creator", "article:author", "sailthru.author")
    if value and not value.startswith("http"):
        return value
    for node in _json_ld(soup):
        author = node.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return _norm(author["name"])
        if isinstance(author, str) and not author.startswith("http"):
            return _norm(author)
    for css in ('[rel="schema:author"] [property="schema:name"]', '[rel~="sioc:has_creator"] .username',
                ".username", '[rel="author"]', ".author .fn", ".byline .author", '[itemprop="author"]'):
        tag = soup.select_one(css)
        if tag and _norm(tag.get_text(" ")):
            return _norm(tag.get_text(" "))
    return None


def _find_url(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "canonical" in [r.lower() for r in rel] and urlsplit(link["href"]).scheme in ("http", "https"):
            return link["href"].strip()
    value = _meta(soup, "og:url")
    if value and urlsplit(value).scheme in ("http", "https"):
        return value
    # Joomla and some others name the page itself in <base href>.
    base = soup.find("base", href=True)
    if base and urlsplit(base["href"]).scheme in ("http", "https") and urlsplit(base["href"]).path.strip("/"):
        return base["href"].strip()
    return None


def _find_lang(soup: BeautifulSoup, root: Tag) -> str | None:
    html = soup.find("html")
    for value in (
        html.get("lang") if html else None,
        html.get("xml:lang") if html else None,
        _meta(soup, "content-language", "dc.language", "og:locale"),
        *[n.get("inLanguage") for n in _json_ld(soup) if isinstance(n.get("inLanguage"), str)],
    ):
        if isinstance(value, str) and value.strip():
            return _primary_lang(value.strip())
    # No declaration (typical of old Cyrillic pages served with an HTTP header): guess by script.
    text = _text(root)
    cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
    if cyr > len(text) / 3:
        return "uk" if len(re.findall(r"[іїєґ]", text.lower())) > cyr / 100 else "ru"
    return None


def _primary_lang(code: str) -> str:
    code = code.replace("_", "-")
    primary = code.split("-")[0].lower()
    # Keep regional variants only where the written language really differs.
    if primary in ("pt", "zh", "sr") and "-" in code:
        return code
    return primary


# ---------------------------------------------------------------- choosing the article
def _choose_root(soup: BeautifulSoup, selector: str | None, path: str) -> tuple[Tag, str]:
    body = soup.body or soup
    if selector:
        try:
            matches = soup.select(selector)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
            raise TamizdatError(f"invalid --selector {selector!r}: {str(exc).splitlines()[0]}", path) from None
        if not matches:
            raise TamizdatError(f"--selector {selector!r} matches nothing in the page", path)
        if len(matches) == 1:
            return matches[0], f"--selector {selector}"
        # Several parts: gather them in page order under one wrapper.
        wrapper = soup.new_tag("div")
        top = [m for m in matches if not any(p in matches for p in m.parents)]
        for m in top:
            wrapper.append(m.extract())
        return wrapper, f"--selector {selector} ({len(top)} parts)"
    for css in KNOWN_STRUCTURES:
        candidates = [c for c in body.select(css) if not _inside_boilerplate(c) and not _boilerplate_reason(c)]
        candidates = [c for c in candidates if _words(_text(c)) >= MIN_ARTICLE_WORDS // 2]
        if candidates:
            top = [c for c in candidates if not any(p in candidates for p in c.parents)]
            best = max(top, key=lambda c: len(_text(c)))
            if len(top) >= 3 and len(_text(best)) < sum(len(_text(c)) for c in top) / 2:
                # Several teasers of similar size: a front or category page, not one article.
                raise TamizdatError(f"the page lists {len(top)} articles ({css}), it is not one article: "
                                    "save the article's own page, or pick one with --selector", path)
            return best, css
    return _density_root(body), "main-content fallback"


def _density_root(body: Tag) -> Tag:
    """Readability-style: credit each text block's non-link text to its container; take the best container."""
    scores: Counter = Counter()
    for tag in body.find_all(True):
        if tag.name in DROP_TAGS or _boilerplate_reason(tag):
            continue
        own = 0
        for child in tag.children:
            if isinstance(child, NavigableString) and not isinstance(child, SKIP_STRINGS):
                own += len(_norm(str(child)))
            elif isinstance(child, Tag) and child.name not in BLOCKISH and child.name != "a":
                if not child.find(BLOCKISH):
                    own += len(_text(child)) - sum(len(_text(a)) for a in child.find_all("a"))
        if own < 25 or _inside_boilerplate(tag):
            continue
        commas = _norm(tag.get_text(" ")).count(",")
        score = own + 10 * commas
        if tag.name in ("p", "div", "li") and not tag.find(BLOCKISH):
            # A paragraph: its container is the article.
            parent = tag.parent
            scores[id(parent)] += score
            if parent.parent is not None:
                scores[id(parent.parent)] += score / 2
        else:
            scores[id(tag)] += score
    by_id = {id(t): t for t in body.find_all(True)}
    if not scores:
        return body
    best_id, _ = max(scores.items(), key=lambda kv: kv[1])
    return by_id.get(best_id, body)


# ---------------------------------------------------------------- cleaning
def _drop_boilerplate(root: Tag, dropped: Counter) -> int:
    """Remove boilerplate under ``root``; returns the number of words removed."""
    words = 0
    for tag in list(root.find_all(True)):
        if tag.decomposed or tag.parent is None:
            continue
        reason = _boilerplate_reason(tag)
        if reason:
            words += _words(_text(tag))
            dropped[reason] += 1
            tag.decompose()
    for c in list(root.find_all(string=lambda s: isinstance(s, SKIP_STRINGS))):
        c.extract()
    return words


class _Builder:
    """Rebuilds the article from whitelisted elements, one block per line."""

    def __init__(self, base_url: str | None, title: str):
        self.soup = BeautifulSoup("", "lxml")
        self.base = base_url
        self.title = _norm(title)
        self.blocks: list[Tag] = []
        self.kept: Counter = Counter()
        self.warnings: list[str] = []
        self.media_refs: dict[str, str] = {}

    # -- inline content
    def inline(self, node) -> list:
        if isinstance(node, NavigableString):
            if isinstance(node, SKIP_STRINGS):
                return []
            return [NavigableString(re.sub(r"\s+", " ", str(node)))]
        if not isinstance(node, Tag):
            return []
        name = node.name
        if name == "br":
            return [self.soup.new_tag("br")]
        if name == "img":
            img = self.image(node)
            return [img] if img is not None else []
        kids = [k for child in node.children for k in self.inline(child)]
        if name == "a":
            return self.link(node, kids)
        if name in INLINE_KEEP:
            tag = self.soup.new_tag({"b": "strong", "i": "em"}.get(name, name))
            self.copy_attrs(node, tag)
            for k in kids:
                tag.append(k)
            return [tag] if tag.get_text(strip=True) or tag.find("img") else kids
        if name == "span" and node.get("lang"):
            tag = self.soup.new_tag("span", attrs={"lang": node["lang"]})
            for k in kids:
                tag.append(k)
            return [tag]
        return kids

    def copy_attrs(self, src: Tag, dst: Tag) -> None:
        for attr in KEEP_ATTRS:
            value = src.get(attr)
            if isinstance(value, str) and value.strip():
                dst[attr] = value.strip()

    def resolve(self, url: str) -> str:
        url = url.strip()
        return urljoin(self.base, url) if self.base else url

    def link(self, node: Tag, kids: list) -> list:
        href = node.get("href")
        if isinstance(href, str) and href.strip().lower().startswith("javascript:"):
            return []  # a scripted control ("print version"), not a link a reader can follow
        if not isinstance(href, str) or not href.strip() or href.strip().startswith("#"):
            return kids
        tag = self.soup.new_tag("a", attrs={"href": self.resolve(href)})
        for k in kids:
            tag.append(k)
        self.kept["links"] += 1
        visible = tag.get_text(strip=True) or any(img.get("alt", "").strip() for img in tag.find_all("img"))
        if not visible:
            self.kept["empty links"] += 1
            before = _norm(" ".join(s for s in node.find_all_previous(string=True, limit=12)[::-1]
                                    if not isinstance(s, SKIP_STRINGS)))[-50:]
            self.warnings.append(f"link to {tag['href']} has empty text (after “…{before}”)")
        return [tag]

    def image(self, node: Tag) -> Tag | None:
        src = node.get("src") or node.get("data-src") or node.get("data-lazy-src")
        if not isinstance(src, str) or not src.strip() or src.startswith("data:"):
            return None
        # -- issue 19 hook (pipeline/media.py): an alt that is only an address or a file name is dropped, and
        # the page's own reference is kept so that import can take the file from NAME_files/.
        alt, alt_warning = media.describing_alt(_norm(node.get("alt") or ""))
        img = self.soup.new_tag("img", attrs={"src": self.resolve(src), "alt": alt})
        self.media_refs[img["src"]] = src.strip()
        # -- end of hook
        self.kept["images"] += 1
        if alt_warning:
            self.warnings.append(f"image {img['src']}: {alt_warning} — write one")
        elif not img["alt"] and not (node.parent and node.parent.name == "a"):
            self.warnings.append(f"image {img['src']} has no alt text")
        return img

    # -- blocks
    def new_block(self, name: str, kids: list) -> Tag | None:
        tag = self.soup.new_tag(name)
        for k in kids:
            tag.append(k)
        _trim(tag)
        if not tag.get_text(strip=True) and not tag.find("img"):
            return None
        return tag

    def flush(self, pending: list, out: list) -> None:
        if pending:
            block = self.new_block("p", pending)
            if block is not None:
                out.append(block)
                self.kept["paragraphs"] += 1
            pending.clear()

    def blocks_of(self, node: Tag, out: list) -> None:
        pending: list = []
        children = list(node.children)
        i = 0
        while i < len(children):
            child = children[i]
            i += 1
            if isinstance(child, NavigableString):
                if not isinstance(child, SKIP_STRINGS):
                    pending.extend(self.inline(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                # Two <br> in a row end a paragraph (old pages had no <p>).
                j = i
                while j < len(children) and isinstance(children[j], NavigableString) and not str(children[j]).strip():
                    j += 1
                if j < len(children) and isinstance(children[j], Tag) and children[j].name == "br":
                    self.flush(pending, out)
                    i = j + 1
                else:
                    pending.append(self.soup.new_tag("br"))
                continue
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.flush(pending, out)
                text = _norm(child.get_text(" "))
                if name == "h1" and text == self.title:
                    continue
                block = self.new_block("h2" if name == "h1" else name, self.inline(child))
                if block is not None:
                    out.append(block)
                    self.kept["headings"] += 1
                continue
            if name == "p" and not child.find(BLOCKISH - {"br"}):
                self.flush(pending, out)
                self.flush(self.inline(child), out)
                continue
            if name in ("ul", "ol"):
                self.flush(pending, out)
                lst = self.list_of(child)
                if lst is not None:
                    out.append(lst)
                continue
            if name == "blockquote":
                self.flush(pending, out)
                inner: list = []
                self.blocks_of(child, inner)
                if inner:
                    out.append(self.wrap("blockquote", inner))
                    self.kept["quotes"] += 1
                continue
            if name == "figure":
                self.flush(pending, out)
                fig = self.figure(child)
                if fig is not None:
                    out.append(fig)
                continue
            if name == "pre":
                self.flush(pending, out)
                pre = self.soup.new_tag("pre")
                pre.string = child.get_text()
                out.append(pre)
                continue
            if name == "hr":
                continue
            if name in BLOCKISH or child.find(BLOCKISH - {"br"}):
                self.flush(pending, out)
                self.blocks_of(child, out)
                continue
            pending.extend(self.inline(child))
        self.flush(pending, out)

    def wrap(self, name: str, kids: list) -> Tag:
        tag = self.soup.new_tag(name)
        tag.append("\n")
        for k in kids:
            tag.append(k)
            tag.append("\n")
        return tag

    def list_of(self, node: Tag) -> Tag | None:
        items = []
        for li in node.find_all("li", recursive=False):
            nested = [self.list_of(sub) for sub in li.find_all(["ul", "ol"], recursive=False)]
            for sub in li.find_all(["ul", "ol"], recursive=False):
                sub.extract()
            item = self.new_block("li", self.inline(li))
            if item is None and not any(nested):
                continue
            item = item or self.soup.new_tag("li")
            for sub in nested:
                if sub is not None:
                    item.append(sub)
            items.append(item)
            self.kept["list items"] += 1
        if not items:
            return None
        self.kept["lists"] += 1
        lst = self.wrap(node.name, items)
        if node.name == "ol" and str(node.get("start", "")).isdigit():
            lst["start"] = node["start"]
        return lst

    def figure(self, node: Tag) -> Tag | None:
        imgs = [i for img in node.find_all("img") if (i := self.image(img)) is not None]
        cap = node.find("figcaption")
        caption = self.new_block("figcaption", self.inline(cap)) if cap else None
        if not imgs and caption is None:
            return None
        return self.wrap("figure", [*imgs, *([caption] if caption is not None else [])])


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-") + "…"


def _trim(tag: Tag) -> None:
    """Strip leading/trailing whitespace and <br> inside a block."""
    for end in (0, -1):
        while tag.contents:
            node = tag.contents[end]
            if isinstance(node, Tag) and node.name == "br":
                node.extract()
            elif isinstance(node, NavigableString) and not str(node).strip():
                node.extract()
            elif isinstance(node, NavigableString):
                stripped = str(node).lstrip() if end == 0 else str(node).rstrip()
                node.replace_with(NavigableString(stripped))
                break
            else:
                break


def _drop_metadata_lines(blocks: list[Tag], date_text: str | None, author: str | None, kept: Counter,
                         dropped: Counter) -> list[Tag]:
    """Short lines restating the date or byline, and link-only lines ("Print version | All news")."""
    out = []
    for block in blocks:
        text = _norm(block.get_text(" "))
        if block.name == "p":
            if date_text and date_text in text and _words(text) <= _words(date_text) + 6:
                dropped["metadata"] += 1
                kept["paragraphs"] -= 1
                continue
            links = block.find_all("a")
            link_text = sum(len(_norm(a.get_text(" "))) for a in links)
            rest = re.sub(r"[|:·•/\s-]+", "", text)
            separated = len(rest) < len(text.replace(" ", ""))
            if links and (len(links) >= 2 or separated) and link_text >= len(rest) - 2 and _words(text) <= 12:
                dropped["menus"] += 1
                kept["paragraphs"] -= 1
                kept["links"] -= len(links)
                continue
        out.append(block)
    return out


# ---------------------------------------------------------------- the stage
def import_page(
    data: bytes,
    *,
    path: str = "<page>",
    selector: str | None = None,
    lang: str | None = None,
    slug: str | None = None,
    date: str | None = None,
) -> Imported:
    """Extract the article of a saved CMS page. Raises TamizdatError on pages without one."""
    text, encoding = decode_html(data, path)
    soup = BeautifulSoup(text, "lxml")
    page_words = _words(_text(soup.body)) if soup.body else 0
    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        if tag.get("type") != "application/ld+json":
            page_words -= _words(_text(tag))

    root, method = _choose_root(soup, selector, path)
    page_lang = lang or _find_lang(soup, root)

    title, title_h1 = _find_title(soup, root)
    date_text = None
    if date:
        found_date = parse_date(date)
        if not found_date:
            raise TamizdatError(f"--date {date!r} is not a date (use YYYY-MM-DD)", path)
    else:
        found_date, date_text = _find_date(soup, root, page_lang or "en")
    author = _find_author(soup)
    url = _find_url(soup)
    description = _meta(soup, "description", "og:description")

    dropped: Counter = Counter()
    if selector is None:
        _drop_boilerplate(root, dropped)
    else:
        # An explicit selector is the editor's word: only scripts and forms go.
        for tag in list(root.find_all(["script", "style", "noscript", "form", "button", "input", "iframe"])):
            if not tag.decomposed:
                dropped[DROP_TAGS.get(tag.name, "scripts")] += 1
                tag.decompose()
    # Count the boilerplate outside the article too, so the report covers the whole page.
    if soup.body is not None:
        outside = soup.body
        for tag in outside.find_all(True):
            if tag is root or root in tag.parents or tag in root.parents:
                continue
            reason = _boilerplate_reason(tag)
            if reason and not any(_boilerplate_reason(p) for p in tag.parents if p is not root and isinstance(p, Tag)
                                  and p.name not in ("html", "[document]", "body")):
                dropped[reason] += 1

    builder = _Builder(url, title or "")
    if title_h1 is not None:
        title_h1.decompose()
    blocks: list[Tag] = []
    builder.blocks_of(root, blocks)
    blocks = _drop_metadata_lines(blocks, date_text, author, builder.kept, dropped)
    kept_words = sum(_words(_norm(b.get_text(" "))) for b in blocks)
    if kept_words < MIN_ARTICLE_WORDS:
        raise TamizdatError(
            f"no recognisable article: the best candidate ({method}) holds {kept_words} words; use --selector CSS",
            path,
        )
    if not page_lang:
        raise TamizdatError("cannot tell the page's language (no <html lang>); pass --lang", path)
    languages.validate(page_lang, path)
    if not title:
        raise TamizdatError("no title found (no <h1>, og:title or <title>)", path)
    if not found_date:
        raise TamizdatError("no publication date in the page's metadata or text; pass --date YYYY-MM-DD", path)
    warnings = builder.warnings
    for b in blocks:
        for t in b.find_all(["a", "img"]):
            ref = t.get("href") or t.get("src")
            if not urlsplit(ref).scheme:
                # Without the page's own address a relative link would point into our site instead.
                warnings.append(f"relative address {ref} kept as is: the page names no canonical URL")
    for b in blocks:
        if NOTE_RE.match(_norm(b.get_text(" "))):
            warnings.append(
                f"a pasted translator's note: “{_norm(b.get_text(' '))[:60]}…” — "
                "move it to the glossary as a reader note and delete it from the article"
            )
    final_slug = check_slug(slug, path) if slug else slugify(title, page_lang)
    if not final_slug:
        raise TamizdatError(f"cannot make a slug from the title {title!r}; pass --slug", path)
    kept = builder.kept
    kept["words"] = kept_words
    if not description:
        first = next((b for b in blocks if b.name == "p"), None)
        description = _shorten(_norm(first.get_text()), 200) if first is not None else None
    article = Article(slug=final_slug, path="", lang=page_lang, title=title, date=found_date, author=author,
                      source_url=url, description=description)
    return Imported(
        article=article,
        blocks=[str(b) for b in blocks],
        encoding=encoding,
        method=method,
        kept=+kept,
        dropped=+dropped,
        dropped_words=max(0, page_words - kept_words - _words(title)),
        warnings=warnings,
        media_refs=builder.media_refs,
    )


def render_document(imp: Imported) -> str:
    """The article as the pipeline's source document (metadata in <head>, body in <article>)."""
    from html import escape

    a = imp.article
    head = [
        '<meta charset="utf-8">',
        f"<title>{escape(a.title, quote=False)}</title>",
    ]
    if a.description:
        head.append(f'<meta name="description" content="{escape(a.description)}">')
    if a.author:
        head.append(f'<meta name="author" content="{escape(a.author)}">')
    if a.date:
        head.append(f'<meta name="date" content="{escape(a.date)}">')
    if a.source_url:
        head.append(f'<link rel="canonical" href="{escape(a.source_url)}">')
    body = "\n".join(imp.blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(languages.html_lang(a.lang))}">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n<article>\n"
        + f"<h1>{escape(a.title, quote=False)}</h1>\n"
        + body
        + "\n</article>\n</body>\n</html>\n"
    )


def summary(imp: Imported) -> list[str]:
    """Human-readable lines: what was kept and what was dropped."""
    k = imp.kept
    def counted(n: int, name: str) -> str:
        return f"{n} {name[:-1] if n == 1 else name}"

    kept_parts = [counted(k[name], name) for name in ("paragraphs", "headings", "lists", "quotes", "links", "images")
                  if k.get(name)]
    dropped_parts = [f"{n} {reason}" for reason, n in sorted(imp.dropped.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [
        f"found the article by {imp.method} (page encoding {imp.encoding})",
        f"kept: {', '.join(kept_parts) or 'nothing'} — {k.get('words', 0)} words",
        f"dropped: {imp.dropped_words} words around it"
        + (f" ({', '.join(dropped_parts)})" if dropped_parts else ""),
    ]
