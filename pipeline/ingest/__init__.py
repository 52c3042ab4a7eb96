"""Import: a page saved from a CMS → a clean source article.

The steps, one module each: fetch (bytes → text), locate (our CMS rules find the article),
libraries (trafilatura checked against readability-lxml find it too), boilerplate + clean (drop the
rest, rebuild from a whitelist of elements, so nothing of the CMS's markup reaches the article),
dates, metadata, language, slug, write (the source document).

Our rules' article is kept where the libraries confirm it, less the blocks they both leave out; where
our rules took too little of the page, the libraries' article is used instead. Measured with
bench/import_bench.py against each library alone; the figures are in docs/publishing.md."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.ingest.boilerplate import DROP_TAGS, boilerplate_reason, drop_boilerplate
from pipeline.ingest.clean import NOTE_RE, Builder, drop_metadata_lines, shorten
from pipeline.ingest.dates import find_date, parse_date
from pipeline.ingest.dom import attr, count_words, meta_content, node_text, norm, scan_page, tags_of
from pipeline.ingest.fetch import decode_html
from pipeline.ingest.libraries import LIBRARIES, MIN_COVERAGE, agree, coverage, library_root, pictured
from pipeline.ingest.language import detect_language, find_lang
from pipeline.ingest.locate import AMONG_TEASERS, MIN_ARTICLE_WORDS, choose_root
from pipeline.ingest.metadata import find_author, find_title, find_url
from pipeline.ingest.slug import slugify
from pipeline.ingest.write import render_document, summary
from pipeline.model import Article
from pipeline.project import check_slug

__all__ = ["Imported", "decode_html", "import_page", "parse_date", "render_document", "slugify", "summary"]


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
        """The article's text as a reader sees it: a line break separates words too ("FL<br>June" is two)."""
        # One parse of all blocks, each in a wrapper of its own (a parse per block was most of its time).
        doc = BeautifulSoup("".join(f"<div>{b}</div>" for b in self.blocks), "lxml")
        for br in tags_of(doc, ("br",)):
            br.replace_with("\n")
        return " ".join(norm(div.get_text()) for div in doc.body.find_all("div", recursive=False)) \
            if doc.body else ""


# Pages larger than this (in characters) are not given to the libraries: see import_page.
LIBRARY_LIMIT = 5_000_000
# Below this share of our article in the libraries' one, they took something else (teasers beside it).
MIN_SHARED = 0.2


def import_page(
    data: bytes,
    *,
    path: str = "<page>",
    selector: str | None = None,
    lang: str | None = None,
    slug: str | None = None,
    date: str | None = None,
    libraries: bool = True,
) -> Imported:
    """Extract the article of a saved CMS page. Raises TamizdatError on pages without one.

    ``libraries=False`` finds the article with our CMS rules alone (for measuring them)."""
    text, encoding = decode_html(data, path)
    # The libraries run first, on the page's text, and keep only the article they found: each parses the
    # page again, and their peak (trafilatura's above all) does not then stack on top of our own tree.
    url = find_url(scan_page(text, path))
    notes: list[str] = []
    if libraries and selector is None and len(text) > LIBRARY_LIMIT:
        # trafilatura alone peaks at about 30 times the page (658 MB for 20 MB); the largest of the 227 real
        # pages we measure on is 1.5 MB, so above the limit our rules decide alone, and say so.
        libraries = False
        notes.append(f"the page is {len(text) / 1e6:.0f} MB: its article was found by our CMS rules alone, "
                     f"without the libraries' cross-check (it is made for pages under {LIBRARY_LIMIT // 10**6} MB)")
    library, library_how, second = library_root(text, url) if libraries and selector is None else (None, "", "")
    soup = BeautifulSoup(text, "lxml")
    page_words = count_words(node_text(soup.body)) if soup.body else 0
    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        if tag.get("type") != "application/ld+json":
            page_words -= count_words(node_text(tag))

    root, method = choose_root(soup, selector, path, node_text(library) if library is not None else "")
    page_lang = lang or find_lang(soup)

    title, title_h1 = find_title(soup, root)
    date_text = None
    if date:
        found_date = parse_date(date)
        if not found_date:
            raise TamizdatError(f"--date {date!r} is not a date (use YYYY-MM-DD)", path)
    else:
        found_date, date_text = find_date(soup, root, page_lang or "en")
    author = find_author(soup)
    description = meta_content(soup, "description", "og:description")

    dropped: Counter = Counter()
    _count_outside(soup, root, dropped)
    if title_h1 is not None:
        title_h1.decompose()
    builder, blocks = _blocks(root, selector, url, title, dropped)
    if library is not None:
        # (The libraries read teasers beside an article as part of it; our choice among them stands.)
        if AMONG_TEASERS in method and coverage(blocks, library, of_ours=True) < MIN_SHARED:
            # The page's headline names our article and the libraries took the teasers beside it instead:
            # their vote says nothing about its paragraphs.
            method = f"{method}, not checked ({LIBRARIES} took the teasers)"
        elif AMONG_TEASERS in method or coverage(blocks, library) >= MIN_COVERAGE:
            # Our rules' article, less what both libraries leave out: keeps the CMS's structure.
            blocks = _agreed(blocks, library, second, builder, dropped)
            method = f"{method}, checked against {LIBRARIES}"
        else:
            # Our rules took the wrong part or too little of it: the libraries' article instead, from
            # trafilatura's with images where it is trafilatura's, less what the text-only one leaves out.
            source = pictured(text, url) if library_how.startswith("trafilatura") else None
            builder, blocks = _blocks(source if source is not None else library, None, url, title, dropped)
            if source is not None:
                blocks = _within_text(_agreed(blocks, library, second, builder, dropped))
            method = library_how
    blocks = drop_metadata_lines(blocks, date_text, author, builder.kept, dropped)
    kept_words = sum(count_words(norm(b.get_text(" "))) for b in blocks)
    if kept_words < MIN_ARTICLE_WORDS:
        raise TamizdatError(
            f"no recognisable article: the best candidate ({method}) holds {kept_words} words; use --selector CSS",
            path,
        )
    warnings = notes + builder.warnings
    if not page_lang:
        page_lang = detect_language(" ".join(norm(b.get_text(" ")) for b in blocks))
        if not page_lang:
            raise TamizdatError("cannot tell the page's language (it declares none and its text is not "
                                "clearly one language); pass --lang", path)
        warnings.append(f"the page declares no language; its text reads as {page_lang!r} (pass --lang if not)")
    languages.validate(page_lang, path)
    if not title:
        raise TamizdatError("no title found (no <h1>, og:title or <title>)", path)
    if not found_date:
        # A reader sees an article without a date; build lists it last and shows no date.
        warnings.append("no publication date in the page's metadata or text: the article has none "
                        "(pass --date YYYY-MM-DD to give it one)")
    for b in blocks:
        for t in b.find_all(["a", "img"]):
            ref = attr(t, "href") or attr(t, "src")
            if not urlsplit(ref).scheme:
                # Without the page's own address a relative link would point into our site instead.
                warnings.append(f"relative address {ref} kept as is: the page names no canonical URL")
    for b in blocks:
        if NOTE_RE.match(norm(b.get_text(" "))):
            warnings.append(
                f"a pasted translator's note: “{norm(b.get_text(' '))[:60]}…” — "
                "move it to the glossary as a reader note and delete it from the article"
            )
    final_slug = check_slug(slug, path) if slug else slugify(title, page_lang)
    if not final_slug:
        # A title in a script we do not transliterate (Korean, Arabic …): the address's last part, else a hash.
        final_slug = slugify(urlsplit(url or "").path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]) \
            or "article-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]
        warnings.append(f"no file name can be made from the title's letters: named {final_slug} "
                        "(pass --slug or -o to choose)")
    kept = builder.kept
    kept["words"] = kept_words
    if not description:
        first = next((b for b in blocks if b.name == "p"), None)
        description = shorten(norm(first.get_text()), 200) if first is not None else None
    article = Article(slug=final_slug, path="", lang=page_lang, title=title, date=found_date, author=author,
                      source_url=url, description=description)
    return Imported(
        article=article,
        blocks=[str(b) for b in blocks],
        encoding=encoding,
        method=method,
        kept=+kept,
        dropped=+dropped,
        dropped_words=max(0, page_words - kept_words - count_words(title)),
        warnings=warnings,
        media_refs=builder.media_refs,
    )


def _blocks(root: Tag, selector: str | None, url: str | None, title: str | None,
            dropped: Counter) -> tuple[Builder, list[Tag]]:
    """Clean ``root`` (boilerplate out, unless the editor chose it) and rebuild it from whitelisted blocks."""
    if selector is None:
        drop_boilerplate(root, dropped)
    else:
        # An explicit selector is the editor's word: only scripts and forms go.
        for tag in list(root.find_all(["script", "style", "noscript", "form", "button", "input", "iframe"])):
            if not tag.decomposed:
                dropped[DROP_TAGS.get(tag.name, "scripts")] += 1
                tag.decompose()
    builder = Builder(url, title or "")
    blocks: list[Tag] = []
    builder.blocks_of(root, blocks)
    return builder, blocks


def _agreed(blocks: list[Tag], library: Tag, second: str, builder: Builder, dropped: Counter) -> list[Tag]:
    """:func:`agree`'s blocks, with the left-out paragraphs moved from the kept count to the dropped one."""
    blocks, left_out = agree(blocks, library, second, builder.quoted_posts)
    builder.kept["paragraphs"] -= left_out
    dropped["blocks the libraries leave out"] += left_out
    return blocks


def _within_text(blocks: list[Tag]) -> list[Tag]:
    """The blocks from the first to the last that hold text: a picture before or after the article's text
    is the site's logo or a teaser's thumbnail."""
    texts = [i for i, b in enumerate(blocks) if b.get_text(strip=True)]
    return blocks[texts[0]:texts[-1] + 1] if texts else blocks


def _count_outside(soup: BeautifulSoup, root: Tag, dropped: Counter) -> None:
    """Count the boilerplate outside the article too, so the report covers the whole page: each outermost
    boilerplate element once (one walk down the page; what lies inside a counted element is not counted)."""
    if soup.body is None or root is soup.body:
        return
    around = {id(p) for p in root.parents}
    stack: list[tuple[Tag, bool]] = [(soup.body, False)]
    while stack:
        tag, inside = stack.pop()
        for child in tag.children:
            if not isinstance(child, Tag) or child is root:
                continue
            reason = boilerplate_reason(child)
            if reason and not inside and id(child) not in around:
                dropped[reason] += 1
            stack.append((child, inside or bool(reason)))
