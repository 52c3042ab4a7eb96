"""Small helpers over the parsed page shared by the import steps: text, words, metadata tags."""

from __future__ import annotations

import json
import re
import unicodedata

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

INLINE_KEEP = {"a", "em", "strong", "i", "b", "q", "cite", "sup", "sub", "code", "abbr", "small", "s", "u",
               "mark", "dfn", "kbd", "var", "bdi", "ins", "del"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKISH = {"p", "div", "section", "article", "main", "ul", "ol", "dl", "li", "dd", "dt", "blockquote", "figure",
            "figcaption", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "pre", "hr", "center",
            "h1", "h2", "h3", "h4", "h5", "h6", "address", "details", "summary", "body", "html", "header",
            "footer", "nav", "aside", "form", "fieldset"}
KEEP_ATTRS = {"lang", "title"}
SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


# Chinese and Japanese are written without spaces: their characters are counted instead,
# two to a word (the usual length of a Chinese word), so a page in them is not "too short".
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# Unicode's whitespace, what str.split() splits at: each made a space, then runs of spaces made one, is
# " ".join(text.split()) without the list of every word (200 MB on a 20 MB page; so would re.sub's pieces be).
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + \
    "\u2028\u2029\u202f\u205f\u3000"
_TO_SPACE = str.maketrans(_WHITESPACE, " " * len(_WHITESPACE))
_SPACES = re.compile(" {2,}")
_WORD_RUN = re.compile(r"\S+")


def count_words(text: str) -> int:
    # Counted without splitting: a list of every word of a 20 MB page costs 200 MB.
    cjk = len(_CJK.findall(text))
    if not cjk:
        return sum(1 for _ in _WORD_RUN.finditer(text))
    return sum(1 for _ in _WORD_RUN.finditer(_CJK.sub(" ", text))) + cjk // 2


def node_text(node: Tag) -> str:
    """The node's text, its whitespace runs made one space (as " ".join(text.split()), without the list)."""
    return _SPACES.sub(" ", node.get_text(" ").translate(_TO_SPACE)).strip(" ")


def comparable(text: str) -> str:
    """``text`` in Unicode's composed form (NFC), for comparing what the page and the libraries say: a page
    written decomposed ("e" + U+0301) reads so in readability's text and ours, composed in trafilatura's, and
    ``\\w+`` splits a word at a combining accent. (The article keeps the page's own form.)"""
    return unicodedata.normalize("NFC", text)


def has_tag(node: Tag, names: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """``node.find(names) is not None``, by a plain walk: bs4 4.13+ builds a matcher for every find() call,
    which made these checks, asked of every block and element, a quarter of the import's time."""
    return any(isinstance(d, Tag) and d.name in names for d in node.descendants)


def tags_of(node: Tag, names: frozenset[str] | set[str] | tuple[str, ...]) -> list[Tag]:
    """``node.find_all(names)`` (document order), by a plain walk: see :func:`has_tag`."""
    return [d for d in node.descendants if isinstance(d, Tag) and d.name in names]


# Classes the social networks' embedding code gives a post the article quotes (the script that would
# turn it into a widget is gone from a saved page; the post's text and author remain, in a blockquote).
EMBEDDED_POSTS = {"twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "mastodon-embed"}


def embedded_post(tag: Tag) -> bool:
    """Whether ``tag`` is a social network post the article quotes (``<blockquote class="twitter-tweet">``)."""
    return tag.name == "blockquote" and any(c in EMBEDDED_POSTS for c in attr(tag, "class").split())


# Words of text right beside an inline element that make it part of a sentence.
SENTENCE_WORDS = 3


def in_running_text(node: Tag) -> bool:
    """Whether an inline element is a phrase of a sentence: text with words touches it on one side
    ("<span class=dateline>CAIRO —</span> Gunmen opened fire …"), not only separators or line breaks
    ("<br><a>Print version</a> | <a>All news</a>")."""
    if node.name in BLOCKISH:
        return False
    for side in (node.previous_sibling, node.next_sibling):
        if isinstance(side, NavigableString) and not isinstance(side, SKIP_STRINGS) \
                and count_words(re.sub(r"[^\w\s]", " ", str(side))) >= SENTENCE_WORDS:
            return True
    return False


def attr(tag: Tag, name: str) -> str:
    """An attribute as one string ("" when absent): bs4 gives multi-valued ones (class, rel) as lists."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def class_words(tag: Tag) -> list[str]:
    values = attr(tag, "class").split()
    ident = tag.get("id")
    if isinstance(ident, str):
        values.append(ident)
    return values


def norm(s: str) -> str:
    return " ".join(s.replace("\xa0", " ").split()).strip()


def meta_content(soup: BeautifulSoup, *keys: str) -> str | None:
    wanted = {k.lower() for k in keys}
    for meta in soup.find_all("meta"):
        key = attr(meta, "property") or attr(meta, "name") or attr(meta, "itemprop")
        for k in key.lower().split():
            if k in wanted and norm(attr(meta, "content")):
                return norm(attr(meta, "content"))
    return None


def json_ld(soup: BeautifulSoup) -> list[dict]:
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


MAX_DEPTH = 400  # real CMS pages nest a few dozen levels; the import's steps walk the tree recursively


class _Scan:
    """An lxml parser target that follows how deep the elements nest and keeps the page's link, meta and
    base elements (the page's own address is among them); it builds no tree."""

    KEEP = ("link", "meta", "base")

    def __init__(self) -> None:
        self.depth = 0
        self.kept: list[tuple[str, dict]] = []

    def start(self, tag, attrib) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        if tag in self.KEEP:
            self.kept.append((tag, dict(attrib)))

    def end(self, tag) -> None:
        self.depth -= 1

    def data(self, data) -> None:
        pass

    def close(self) -> None:
        pass


class _TooDeep(Exception):
    pass


def scan_page(text: str, path: str) -> BeautifulSoup:
    """The page's link, meta and base elements (a small soup, for :func:`metadata.find_url`), read as the
    page is parsed, without building its tree: so that the extraction libraries can run before we parse it.

    A page nested deeper than any article is refused here, at once and in one line (a hostile page 10,000
    levels deep would otherwise exhaust Python's stack, after a long time)."""
    from lxml import etree

    from pipeline.core.errors import TamizdatError

    # The same parser, fed the same way, as BeautifulSoup(text, "lxml"): the nesting it sees is the soup's.
    scan = _Scan()
    parser = etree.HTMLParser(target=scan)
    try:
        parser.feed(text)
        parser.close()
    except _TooDeep:
        raise TamizdatError(f"the page is nested more than {MAX_DEPTH} elements deep; no article is, "
                            "so it is not imported", path) from None
    except etree.LxmlError:
        pass  # nothing parsable: the soup is empty too, and the import says there is no article
    found = BeautifulSoup("", "lxml")
    for name, attrs in scan.kept:
        found.append(found.new_tag(name, attrs=attrs))
    return found


_COMPOUND = re.compile(r'([a-z][\w-]*)?((?:\.[\w-]+|\[[\w:-]+(?:~?="[^"]*")?\])*)$', re.I)
_PART = re.compile(r'\.([\w-]+)|\[([\w:-]+)(?:(~?)="([^"]*)")?\]')


def _compound(css: str):
    m = _COMPOUND.fullmatch(css)
    if not m:
        raise ValueError(f"not a simple selector: {css!r}")
    name = m[1].lower() if m[1] else None
    tests = [(cls, key, op, value) for cls, key, op, value in _PART.findall(m[2])]

    def match(tag: Tag) -> bool:
        if name and tag.name != name:
            return False
        for cls, key, op, value in tests:
            if cls:
                classes = tag.get("class")  # a list (bs4 splits class), a string from other builders
                if not classes or cls not in (classes.split() if isinstance(classes, str) else classes):
                    return False
            elif not tag.has_attr(key):
                return False
            elif op == "~" and value not in attr(tag, key).split() or op == "" and value and attr(tag, key) != value:
                return False
        return True

    return match


def simple_select(tags: list[Tag], css: str) -> list[Tag]:
    """``css`` matched against ``tags`` (a page's ``find_all(True)``, in document order): type, ``.class``,
    ``[attr]``, ``[attr="v"]``, ``[attr~="v"]`` and descendant combinations only -- the forms our CMS rules
    use. soupsieve walks the whole page once for every selector, ~25 ms a selector on a news page; one list
    of the page's elements filtered by a plain function is ~1 ms."""
    *ancestors, last = [_compound(part) for part in css.split()]
    found = [t for t in tags if last(t)]
    if not ancestors:
        return found
    out = []
    for tag in found:
        pending = list(ancestors)
        for parent in tag.parents:
            if pending and isinstance(parent, Tag) and pending[-1](parent):
                pending.pop()
            if not pending:
                out.append(tag)
                break
    return out
