"""Find the article: the editor's selector, markup naming the body, the libraries, then our CMS rules."""

from __future__ import annotations

from collections import defaultdict

from bs4 import BeautifulSoup, NavigableString, Tag
from soupsieve import SelectorSyntaxError

from pipeline.core.errors import TamizdatError
from pipeline.ingest.boilerplate import DROP_TAGS, boilerplate_reason, inside_boilerplate
from pipeline.ingest.dom import (BLOCKISH, HEADINGS, SKIP_STRINGS, comparable, count_words, has_tag, node_text,
                                 norm, simple_select)
from pipeline.ingest.metadata import page_headlines

# Markup that names the article body itself: tried first, and on its own before the containers below.
EXPLICIT_STRUCTURES = (
    '[property="content:encoded"]',  # Drupal 7 RDFa body
    ".field-name-body",  # Drupal 7
    ".field--name-body",  # Drupal 8+
    '[itemprop="articleBody"]',
    '[property="schema:articleBody"]',
)
# Containers that usually hold the article among other things (what they hold beside it is dropped by
# the boilerplate rules and by the libraries' check, pipeline/ingest/libraries.py).
KNOWN_STRUCTURES = EXPLICIT_STRUCTURES + (
    ".entry-content",  # WordPress
    ".post-content",
    ".article-body",
    "article",
    "main",
    '[role="main"]',
)

MIN_ARTICLE_WORDS = 40
AMONG_TEASERS = "the one article among teasers"
# A listing: at least this many similar items, most of them in what the libraries took as the article.
LISTING_ITEMS = 3


def choose_root(soup: BeautifulSoup, selector: str | None, path: str, library_text: str = "") -> tuple[Tag, str]:
    """The part of the page our CMS rules take as the article, and how it was found.

    An editor's ``--selector`` wins; then markup that names the article body; then CMS containers; then a
    text-density score. A page whose candidates are several teasers of similar size is a front page and is
    refused -- unless what the libraries found (``library_text``) lies in one of them: then that one is the
    article and the rest are teasers beside it.
    """
    body = soup.body or soup
    if selector:
        return _selected(soup, selector, path)
    tags = body.find_all(True)
    for css in KNOWN_STRUCTURES:  # (the explicit ones first: they open it)
        if (found := _structure(tags, css)) is None:
            continue
        best, top = found
        if len(top) < LISTING_ITEMS or len(node_text(best)) >= sum(len(node_text(c)) for c in top) / 2:
            return best, css
        article = _one_of(top, library_text) or _headlined(top, page_headlines(soup))
        if article is not None:
            return article, f"{css}, {AMONG_TEASERS}"
        if not _article_outside(top, body, library_text):
            raise _listing_error(len(top), css, path)
        # The matches are teasers beside an article outside them: look for it with the next selectors.
    return density_root(body), "main-content fallback"


def _selected(soup: BeautifulSoup, selector: str, path: str) -> tuple[Tag, str]:
    try:
        matches = soup.select(selector)
    except (SelectorSyntaxError, ValueError, NotImplementedError) as exc:
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


def _structure(tags: list[Tag], css: str) -> tuple[Tag, list[Tag]] | None:
    """(the largest match, all outermost matches) of ``css``, or None when nothing large enough matches."""
    candidates = [c for c in simple_select(tags, css) if not inside_boilerplate(c) and not boilerplate_reason(c)]
    candidates = [c for c in candidates if count_words(node_text(c)) >= MIN_ARTICLE_WORDS // 2]
    if not candidates:
        return None
    top = [c for c in candidates if not any(p in candidates for p in c.parents)]
    return max(top, key=lambda c: len(node_text(c))), top


def _one_of(items: list[Tag], library_text: str) -> Tag | None:
    """The item holding most of what the libraries found, if it is clearly one item; else None."""
    if not library_text:
        return None
    found_words = set(_words(library_text))
    inside = [c for c in items if _share(node_text(c), found_words) >= 0.8]
    if not inside:
        return None
    sizes = sorted((len(node_text(c)) for c in inside), reverse=True)
    if len(sizes) > 1 and sizes[0] < 2 * sizes[1]:
        return None
    return max(inside, key=lambda c: len(node_text(c)))


def _headlined(items: list[Tag], headlines: list[str]) -> Tag | None:
    """The one item whose own heading is the page's headline (og:title, JSON-LD, <title>), if any."""
    found = []
    for item in items:
        heading = item.find(HEADINGS)
        text = norm(heading.get_text(" ")).casefold() if heading is not None else ""
        if count_words(text) >= 3 and any(text == h or text in h for h in headlines):
            found.append(item)
    return found[0] if len(found) == 1 else None


def _article_outside(items: list[Tag], body: Tag, library_text: str) -> bool:
    """Whether the page's article lies outside all the items, which are then teasers beside it: what the
    libraries found is mostly outside them (or, without the libraries, the densest text block is), and
    it is longer than the longest item."""
    longest = max(count_words(node_text(c)) for c in items)
    if library_text:
        inside = set(_words(" ".join(node_text(c) for c in items)))
        outside = len(_words(library_text)) * (1 - _share(library_text, inside))
        return outside >= max(MIN_ARTICLE_WORDS, 2 * longest)
    root = density_root(body)
    if any(root is c or c in root.parents or root in c.parents for c in items):
        return False  # (an ancestor of an item also holds teasers: not clearly an article of its own)
    return count_words(node_text(root)) >= max(MIN_ARTICLE_WORDS, 2 * longest)


def _share(text: str, words: set[str]) -> float:
    tokens = _words(text)
    return sum(t in words for t in tokens) / max(1, len(tokens))


def _words(text: str) -> list[str]:
    """The words of ``text`` as the libraries' text is compared (:func:`dom.comparable`)."""
    return comparable(text).split()


def _listing_error(n: int, css: str, path: str) -> TamizdatError:
    return TamizdatError(f"the page lists {n} articles ({css}), it is not one article: "
                         "save the article's own page, or pick one with --selector", path)


def density_root(body: Tag) -> Tag:
    """Readability-style: credit each text block's non-link text to its container; take the best container."""
    scores: defaultdict[int, float] = defaultdict(float)
    for tag in body.find_all(True):
        if tag.name in DROP_TAGS or boilerplate_reason(tag):
            continue
        own = 0
        for child in tag.children:
            if isinstance(child, NavigableString) and not isinstance(child, SKIP_STRINGS):
                own += len(norm(str(child)))
            elif isinstance(child, Tag) and child.name not in BLOCKISH and child.name != "a":
                if not has_tag(child, BLOCKISH):
                    own += len(node_text(child)) - sum(len(node_text(a)) for a in child.find_all("a"))
        if own < 25 or inside_boilerplate(tag):
            continue
        commas = norm(tag.get_text(" ")).count(",")
        score = own + 10 * commas
        if tag.name in ("p", "div", "li") and not has_tag(tag, BLOCKISH):
            # A paragraph: its container is the article.
            parent = tag.parent
            if parent is None:
                continue
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
