"""The two pages as sequences of blocks that alignment can compare.

A *block* is one translatable run of a page, as the segmenter sees it, with what alignment needs to
compare it across languages: its plain length, the kind of element holding it, and its *anchors* —
things a translator carries over unchanged (numbers, link targets, names written in Latin letters,
transliterated names), which tie a block to its translation far more firmly than its length does.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lxml import etree

from pipeline.segment import Attr, Run, Segmented, is_element

_TAG = re.compile(r"</?[a-z][a-z0-9]*/?>")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Page chrome a translated page wraps around its article; never part of the article itself.
CHROME = frozenset({"nav", "footer", "form", "script", "style", "noscript", "template", "button", "select"})
# Outside an article element, an aside is a sidebar; inside one, it can be a translator's note.
CHROME_OUTSIDE = CHROME | {"aside"}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# A simple Cyrillic → Latin table (the common romanisations agree on these); enough to see that
# "Мифтахов" and "Miftakhov" share their first letters.
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
})


@dataclass
class Block:
    """One run of a page: its msgid-form text and what alignment compares."""

    text: str  # msgid form: placeholders as <a1>…</a1>, "<" and "&" escaped
    tag: str  # the element that holds the run (p, h2, li, title …)
    placeholders: dict[str, etree._Element] = field(default_factory=dict)
    opaque: frozenset[str] = frozenset()
    plain: str = ""
    numbers: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    @property
    def length(self) -> int:
        return len(self.plain)

    @property
    def heading(self) -> bool:
        return self.tag in HEADINGS


def plain_text(text: str) -> str:
    """A msgid-form text without placeholders, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


_LANG_IN_URL = (
    re.compile(r"\.[a-z]{2}(?:[-_][a-z]{2})?(?=\.[a-z]+$)"),  # page.fr.html (GNU, Apache content negotiation)
    re.compile(r"(?<=/)[a-z]{2}(?:[-_][a-z]{2})?/"),  # /fr/page
    re.compile(r"[?&](?:lang|hl|locale)=[^&#]*"),  # ?lang=fr
)


def norm_url(url: str) -> str:
    """A link target as both pages would write it: a translated page links to the translated
    versions of the pages its source links (``free-sw.fr.html``, ``/fr/about``)."""
    url = re.sub(r"^[a-z]+://(www\.)?", "", url.strip(), flags=re.I).lower()
    for pattern in _LANG_IN_URL:
        url = pattern.sub("", url)
    return url.rstrip("/")


def name_key(word: str) -> str | None:
    """The first letters of a name-like word in Latin letters, or None for a word that is no name.

    Capitalised words only: they are the names, places and acronyms a translation keeps.
    """
    if len(word) < 3 or not word[0].isupper():
        return None
    low = word.lower()
    if _CYRILLIC.search(low):
        low = low.translate(_TRANSLIT)
    elif not _LATIN.search(low):
        return None
    # "kh"/"h" and "ks"/"x" are where romanisations differ most; fold them before cutting.
    low = low.replace("kh", "h").replace("x", "ks")
    return low[:4]


def make_block(text: str, tag: str, placeholders: dict | None = None, opaque: frozenset[str] = frozenset()) -> Block:
    placeholders = placeholders or {}
    plain = plain_text(text)
    words = _WORD.findall(plain)
    # The first word of a sentence is capitalised in every language; only names recur across them.
    names = {k for w in words[1:] if (k := name_key(w))}
    links = {norm_url(el.get("href", "")) for el in placeholders.values() if el.tag == "a" and el.get("href")}
    numbers = {n.replace(",", ".") for n in _NUMBER.findall(plain)}
    return Block(text, tag, placeholders, opaque, plain, frozenset(numbers), frozenset(links), frozenset(names))


def _inside(el: etree._Element, tags: frozenset[str] | set[str]) -> bool:
    while el is not None:
        if is_element(el) and el.tag in tags:
            return True
        el = el.getparent()
    return False


@dataclass
class Page:
    """A segmented page split the way adoption aligns it."""

    title: Block | None = None
    meta: dict[str, Block] = field(default_factory=dict)  # "name:description" → block
    body: list[Block] = field(default_factory=list)
    attrs: list[tuple[str, str, Block]] = field(default_factory=list)  # (key, attribute, block) in order


def _meta_key(el: etree._Element) -> str:
    if el.get("name"):
        return "name:" + el.get("name", "").lower()
    return "property:" + (el.get("property") or "").lower()


def attr_key(el: etree._Element) -> str:
    """What identifies an attribute's element on both pages: an image by its file name, else its tag."""
    src = el.get("src") or el.get("href") or ""
    base = src.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    return f"{el.tag}:{base}" if base else el.tag


def page_blocks(seg: Segmented, region: etree._Element | None = None, *, chrome: bool = True) -> Page:
    """Split a segmented page into its title, meta descriptions, body runs and attribute texts.

    ``region`` limits the body to one element (the translated page's article); the whole
    ``<body>`` otherwise. With ``chrome``, runs inside page chrome (navigation, footers, forms; sidebars
    outside the region) are left out: a translated page has them, our source articles do not.
    """
    page = Page()
    for unit in seg.units:
        if isinstance(unit, Attr):
            el = unit.element
            if el.tag == "meta":
                page.meta.setdefault(_meta_key(el), make_block(unit.msgid, "meta"))
            elif _in_region(el, region, chrome):
                page.attrs.append((attr_key(el), unit.name, make_block(unit.msgid, el.tag)))
            continue
        assert isinstance(unit, Run)
        tag = unit.container.tag
        if tag == "title" and _inside(unit.container, {"head"}):
            if page.title is None:
                page.title = make_block(unit.msgid, "title")
            continue
        if not _in_region(unit.container, region, chrome):
            continue
        page.body.append(make_block(unit.msgid, tag, dict(unit.placeholders), unit.opaque))
    return page


def _in_region(el: etree._Element, region: etree._Element | None, chrome: bool) -> bool:
    if chrome and _inside(el, CHROME if region is not None else CHROME_OUTSIDE):
        return False
    if region is None:
        return not _inside(el, {"head"})
    node = el
    while node is not None:
        if node is region:
            return True
        node = node.getparent()
    return False


def article_region(root: etree._Element) -> etree._Element | None:
    """The element holding a translated page's article: its largest ``<article>``, else ``<main>``."""
    for tag in ("article", "main"):
        found = [el for el in root.iter(tag)]
        if found:
            return max(found, key=lambda el: len("".join(el.itertext())))
    mains = root.xpath('//*[@role="main"]')
    return mains[0] if mains else None
