"""Check the article with the field's libraries: trafilatura, checked against readability-lxml.

Measured on the development part of ../shared/import-bench (text output, the benchmark's own
scorer): trafilatura alone (precision setting) F1 0.960, readability-lxml alone 0.952, our CMS
rules alone 0.822 with 26 of 127 pages refused. The two libraries err in different places:
trafilatura keeps a trailing "related" box or a caption now and then that readability leaves
out, and readability sometimes keeps a whole sidebar. So trafilatura's blocks are kept only where
readability's text also has them, and when what is left of trafilatura's is much less than
readability's article (trafilatura found a part of it, or another part of the page), readability's
choice is taken: 0.966 on the same pages. Which of these rules earn their place: the ablation in
docs/publishing.md.

trafilatura is asked for its article without images: asked for them it takes a wider part of the page
on 130 of 227 pages (the photo's box with its caption, credit and "less/more" links), which then passes
the vote; without them import-bench F1 0.9666 -> 0.9712, own sets 0.9624 -> 0.9639 (:func:`pictured`
gives the images back where its article is the one taken).

The import then keeps our rules' article (its structure, figures, warnings) less the blocks this
article does not have (:func:`agree`), or this article itself where ours holds too little of it.
Figures per set: docs/publishing.md (bench/import_bench.py)."""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections import Counter

from bs4 import BeautifulSoup, Tag

from pipeline.ingest.dom import comparable, has_tag, tags_of

# A block of trafilatura's with at least this many words needs one 4-word run in common with
# readability's text to stay; a shorter one needs all its words there (short lines are where
# bylines, "Read more" and photo credits hide).
SHORT_BLOCK = 8
# A long block of ours stays when at least this share of its 4-word runs is in the libraries' text.
AGREE_SHARE = 0.3
# This many figures make a gallery, whose captions are not taken on trust.
GALLERY = 3
# Below this share of trafilatura's length, readability's text is too partial to vote.
VOTE_MIN_SHARE = 0.7
# When trafilatura finds less than this share of what readability finds, and readability's
# text contains a good part of trafilatura's, readability's is taken instead.
RESCUE_SHARE = 0.5
RESCUE_OVERLAP = 0.3
LIBRARIES = "trafilatura and readability-lxml"
# A paragraph trafilatura left out is taken on readability's word (agree's second vote) from this many words.
SECOND_VOTE_WORDS = 16
# Our rules' article is kept (less what the libraries leave out) when it holds at least this share of
# the libraries' article; below, our rules took the wrong part of the page or only a part of the article
# (0.5 before: import-bench 0.9712 -> 0.9724, own sets 0.9640 -> 0.9649 at 0.75, the same from 0.7 to 0.75).
MIN_COVERAGE = 0.75
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "tr", "figcaption", "blockquote", "dt", "dd")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    # Interned, one object per distinct word: the words of a 20 MB page as separate strings cost 200 MB.
    intern = sys.intern
    return [intern(m.group()) for m in _WORD.finditer(comparable(text))]


def _shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))} if tokens else set()


def _fragment(html: str | None) -> Tag | None:
    if not html or not html.strip():
        return None
    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    root.name = "div"
    return root if root.get_text(strip=True) else None


def _trafilatura(text: str, url: str | None, images: bool = False) -> Tag | None:
    import trafilatura

    return _fragment(trafilatura.extract(
        text, url=url, output_format="html", favor_precision=True, include_comments=False, include_tables=True,
        include_images=images, include_links=True, include_formatting=True))


def pictured(text: str, url: str | None) -> Tag | None:
    """trafilatura's article with its images. Asked for images, trafilatura often takes a wider part of the
    page, the photo's box with its caption, credit and "more" links, where without them it takes the text's
    own element: the vote uses the article without images, this one gives the pictures back (see import_page)."""
    found = _trafilatura(text, url, images=True)
    _give_back_freed_memory()
    return found


def _readability(text: str) -> Tag | None:
    from readability import Document

    # readability logs a traceback for every page it gives up on; its giving up is an answer here.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        return _fragment(Document(text).summary(html_partial=True))
    except Exception:  # noqa: BLE001 - readability gives up on some pages ("document is empty"): no vote
        return None


def _give_back_freed_memory() -> None:
    """Return to the system what a library's parse freed. libxml2's trees live in malloc's heap, which
    keeps freed memory for later mallocs, but Python's own objects come from separate arenas and never
    reuse it: without this, a 20 MB page keeps trafilatura's 360 MB of freed tree for the rest of the import."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # glibc only; elsewhere nothing to do
        ctypes.CDLL(None).malloc_trim(0)  # the C library already loaded (no search for it, no subprocess)


def library_root(text: str, url: str | None = None) -> tuple[Tag | None, str, str]:
    """(the article as a detached fragment, how it was found, readability's text where the article is
    trafilatura's), or (None, "", "") when both libraries find nothing."""
    traf = _trafilatura(text, url)
    _give_back_freed_memory()
    read = _readability(text)
    _give_back_freed_memory()
    if traf is None and read is None:
        return None, "", ""
    if traf is None:
        return read, "readability-lxml", ""
    if read is None:
        return traf, "trafilatura", ""
    t_tokens, r_tokens = _tokens(traf.get_text(" ")), _tokens(read.get_text(" "))
    t_sh, r_sh = _shingles(t_tokens), _shingles(r_tokens)
    if len(t_tokens) < RESCUE_SHARE * len(r_tokens) and len(t_sh & r_sh) >= RESCUE_OVERLAP * len(t_sh):
        return read, "readability-lxml (trafilatura found a part of it)", ""
    if len(r_tokens) < VOTE_MIN_SHARE * len(t_tokens):
        return traf, "trafilatura", ""
    r_words = set(r_tokens)
    dropped = 0
    for block in tags_of(traf, _BLOCKS):
        if block.decomposed or has_tag(block, _BLOCKS):
            continue  # judged by its own blocks
        tokens = _tokens(block.get_text(" "))
        if not tokens:
            continue
        agreed = (_shingles(tokens) & r_sh) if len(tokens) >= SHORT_BLOCK else all(t in r_words for t in tokens)
        if not agreed:
            block.decompose()
            dropped += 1
    if len(_tokens(traf.get_text(" "))) < RESCUE_SHARE * len(r_tokens):
        # Hardly anything of trafilatura's is in readability's text: it took another part of the page.
        return read, "readability-lxml (trafilatura took another part of the page)", ""
    how = "trafilatura, checked against readability-lxml" + (f" ({dropped} blocks left out)" if dropped else "")
    return traf, how, read.get_text(" ")


def _voter(tokens: list[str]) -> tuple[Counter, str]:
    """A text as :func:`_agrees` reads it: its 4-word runs (counted, to be used up) and its words joined."""
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)), f" {' '.join(tokens)} "


def _agrees(text: str, available: Counter, joined: str) -> bool:
    """Whether a block of ours is in the libraries' article. A long block needs a share of its 4-word runs
    there, and uses them up: a photo caption repeated three times in a gallery is in their text once. A
    short one must be there word for word ("Photo: AP" is not, even when both words are)."""
    tokens = _tokens(text)
    if not tokens:
        return True
    if len(tokens) < SHORT_BLOCK:
        return f" {' '.join(tokens)} " in joined
    runs = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    hits = [r for r in runs if available[r] > 0]
    if len(hits) < max(1, AGREE_SHARE * len(runs)):
        return False
    available.subtract(hits)
    return True


def _kept(leaf: Tag, available: Counter, joined: str, links: set[str]) -> bool:
    """A block that is one link (a teaser's headline) is the libraries' only as a link or a block of theirs:
    its words inside their text are the article quoting the headline, not the teaser; one around a thumbnail is
    a teaser always. Others: :func:`_agrees`."""
    text = " ".join(_tokens(leaf.get_text(" ")))
    link_text = " ".join(" ".join(_tokens(a.get_text(" "))) for a in leaf.find_all("a"))
    if text and link_text == text:
        # A link around a thumbnail and a headline is a teaser, whoever kept it.
        return not any(a.find("img") for a in leaf.find_all("a")) and text in links
    return _agrees(leaf.get_text(" "), available, joined)


def coverage(blocks: list[Tag], library: Tag, *, of_ours: bool = False) -> float:
    """Share of the libraries' article (4-word runs) that our blocks hold (``of_ours``: share of our
    blocks that the libraries' article holds)."""
    lib = _shingles(_tokens(library.get_text(" ")))
    ours = _shingles(_tokens(" ".join(b.get_text(" ") for b in blocks)))
    return len(lib & ours) / max(1, len(ours if of_ours else lib))


def agree(blocks: list[Tag], library: Tag, second: str = "", quoted: set[int] | frozenset[int] = frozenset()
          ) -> tuple[list[Tag], int]:
    """Our blocks less the text blocks the libraries left out (and the count of those). A figure's picture
    stays; its caption where either library has it (readability keeps captions that trafilatura drops; one
    neither has is an agency's credit line, import-bench 0.9662 -> 0.9666), or trafilatura alone where the
    saved page has no picture for it (0.9723 -> 0.9728, own sets unchanged). In a gallery of several
    figures, the captions must be in trafilatura's text like any block.

    ``second``: readability-lxml's text where ``library`` is trafilatura's article. A long paragraph of ours
    that trafilatura left out but readability has stays when it lies within the article or just before it (a
    lead paragraph, one after an inline box): two of the three readers have it there. Elsewhere two of three
    are not enough (readability keeps a sidebar now and then)."""
    lib_tokens = _tokens(library.get_text(" "))
    available, joined = _voter(lib_tokens)
    gallery = sum(b.name == "figure" for b in blocks) >= GALLERY
    # What the libraries have as a link or as a block of its own (trafilatura drops some links' markup).
    links = {" ".join(_tokens(t.get_text(" "))) for t in library.find_all(["a", *_BLOCKS])}
    kept: list[tuple[int, Tag]] = []
    left_out: list[tuple[int, Tag]] = []  # whole paragraphs only trafilatura left out
    dropped = 0
    second_tokens = _tokens(second)
    either_runs, either_joined = _voter(lib_tokens + second_tokens)
    for i, block in enumerate(blocks):
        if id(block) in quoted:
            kept.append((i, block))  # a quoted post: the libraries drop them all, the article cites it
            continue
        if block.name == "figure" and not gallery or (block.find("img") and not block.get_text(strip=True)):
            caption = block.find("figcaption")
            # A caption stays where either library has it; one whose picture the page loads by script (so the
            # saved page has none) explains nothing to a reader: only trafilatura's word keeps it.
            voters = (either_runs, either_joined) if block.find("img") else (available, joined)
            if caption is not None and not _agrees(caption.get_text(" "), *voters):
                caption.decompose()
                dropped += 1
            if block.find("img") or block.get_text(strip=True):
                kept.append((i, block))
            continue
        for leaf in tags_of(block, _BLOCKS):
            if not leaf.decomposed and not has_tag(leaf, _BLOCKS) and not _kept(leaf, available, joined, links):
                leaf.decompose()
                dropped += 1
        if block.name in _BLOCKS and not has_tag(block, _BLOCKS):
            if not _kept(block, available, joined, links):
                dropped += 1
                left_out.append((i, block))
                continue
        if block.get_text(strip=True) or block.find("img"):
            kept.append((i, block))
    if second and kept and left_out:
        restored = _second_vote(kept, left_out, second_tokens)
        dropped -= len(restored)
        kept = sorted(kept + restored, key=lambda item: item[0])
    return [block for _i, block in kept], dropped


def _second_vote(kept: list[tuple[int, Tag]], left_out: list[tuple[int, Tag]], tokens: list[str]
                 ) -> list[tuple[int, Tag]]:
    """The left-out paragraphs and headings (index, block) that readability's text has, inside the span of the
    kept blocks or in an unbroken run of them just before it (a lead). After the article, readability's
    word is not enough: what follows an article is where "more stories" blurbs are."""
    available, joined = _voter(tokens)
    seen = Counter(" ".join(block.get_text(" ").split()) for _i, block in kept + left_out)
    voted = set()
    for i, block in left_out:
        text = " ".join(block.get_text(" ").split())
        # A paragraph, not a teaser's blurb, a caption shown twice or a shouted promotion ("GET … HERE").
        if seen[text] != 1 or text.isupper():
            continue
        words = len(_tokens(text))
        if block.name == "p" and words >= SECOND_VOTE_WORDS and _agrees(text, available, ""):
            voted.add(i)
        elif block.name in _HEADINGS and words >= 2 and _agrees(text, available, joined) and not block.find("a"):
            # A subheading or a lead set as a heading (a dek) that readability has word for word. Short lines
            # of other kinds are not taken on its word: those are captions, credits and "Read more" links.
            voted.add(i)
    first, last = kept[0][0], kept[-1][0]
    inside = {i for i in voted if first < i < last}
    edge = first - 1
    while edge in voted:
        inside.add(edge)
        edge -= 1
    return [(i, block) for i, block in left_out if i in inside]
