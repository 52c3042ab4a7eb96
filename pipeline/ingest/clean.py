"""Clean: rebuild the article from a whitelist of elements, one block per line."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString, Tag

from pipeline import media
from pipeline.ingest.dom import (BLOCKISH, HEADINGS, INLINE_KEEP, KEEP_ATTRS, SKIP_STRINGS, attr, class_words,
                                count_words, embedded_post, has_tag, in_running_text, norm)

NOTE_RE = re.compile(
    r"^\s*(translator[’'`]?s?\s+note|note\s+du\s+traducteur|note\s+de\s+la\s+traduction|"
    r"примечание\s+переводчика|прим\.\s*пер|anmerkung\s+de[rs]\s+übersetzer)",
    re.I,
)


class Builder:
    """Rebuilds the article from whitelisted elements, one block per line."""

    def __init__(self, base_url: str | None, title: str):
        self.soup = BeautifulSoup("", "lxml")
        self.base = base_url
        self.title = norm(title)
        self.blocks: list[Tag] = []
        self.kept: Counter = Counter()
        self.warnings: list[str] = []
        self.media_refs: dict[str, str] = {}
        self.quoted_posts: set[int] = set()  # ids of the blocks that are social posts the article quotes

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
            tag = self.soup.new_tag("span", attrs={"lang": attr(node, "lang")})
            for k in kids:
                tag.append(k)
            return [tag]
        return kids

    def copy_attrs(self, src: Tag, dst: Tag) -> None:
        for name in KEEP_ATTRS:
            value = attr(src, name).strip()
            if value:
                dst[name] = value

    def resolve(self, url: str) -> str:
        url = url.strip()
        return urljoin(self.base, url) if self.base else url

    def link(self, node: Tag, kids: list) -> list:
        href = node.get("href")
        if isinstance(href, str) and href.strip().lower().startswith("javascript:"):
            # A scripted control ("print version") goes; a word of a sentence that opens a pop-up note
            # stays, as the word.
            return kids if in_running_text(node) else []
        if not isinstance(href, str) or not href.strip() or href.strip().startswith("#"):
            return kids
        tag = self.soup.new_tag("a", attrs={"href": self.resolve(href)})
        for k in kids:
            tag.append(k)
        self.kept["links"] += 1
        visible = tag.get_text(strip=True) or any(attr(img, "alt").strip() for img in tag.find_all("img"))
        if not visible:
            self.kept["empty links"] += 1
            before = norm(" ".join(s for s in node.find_all_previous(string=True, limit=12)[::-1]
                                    if not isinstance(s, SKIP_STRINGS)))[-50:]
            self.warnings.append(f"link to {tag['href']} has empty text (after “…{before}”)")
        return [tag]

    def image(self, node: Tag) -> Tag | None:
        src = node.get("src") or node.get("data-src") or node.get("data-lazy-src")
        if not isinstance(src, str) or not src.strip() or src.startswith("data:"):
            return None
        # -- issue 19 hook (pipeline/media.py): an alt that is only an address or a file name is dropped, and
        # the page's own reference is kept so that import can take the file from NAME_files/.
        alt, alt_warning = media.describing_alt(norm(attr(node, "alt")))
        resolved = self.resolve(src)
        img = self.soup.new_tag("img", attrs={"src": resolved, "alt": alt})
        self.media_refs[resolved] = src.strip()
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
        trim(tag)
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
                following = children[j] if j < len(children) else None
                if isinstance(following, Tag) and following.name == "br":
                    self.flush(pending, out)
                    i = j + 1
                else:
                    pending.append(self.soup.new_tag("br"))
                continue
            # A subheading set as a styled paragraph is a heading too, so that it is judged as one.
            level = ("h2" if name == "h1" else name) if name in HEADINGS else \
                "h3" if name in ("p", "div") and _subheading(child) else None
            if level is not None:
                self.flush(pending, out)
                if name == "h1" and norm(child.get_text(" ")) == self.title:
                    continue
                block = self.new_block(level, self.inline(child))
                if block is not None:
                    out.append(block)
                    self.kept["headings"] += 1
                continue
            if name == "p" and not has_tag(child, BLOCKISH):
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
                    if embedded_post(child):
                        self.quoted_posts.add(id(out[-1]))
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
            if name in BLOCKISH or has_tag(child, BLOCKISH):
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
            li_tag = item if item is not None else self.soup.new_tag("li")
            for sub_list in nested:
                if sub_list is not None:
                    li_tag.append(sub_list)
            items.append(li_tag)
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


# Words of class values that CMSs give a subheading set as a paragraph or a div.
SUBHEADING_WORDS = {"subhead", "subheadline", "subheading", "intertitle", "crosshead", "zwischentitel",
                    "intertitre"}


def _subheading(tag: Tag) -> bool:
    if not any(word in SUBHEADING_WORDS for value in class_words(tag) for word in re.split(r"[-_\s]+", value.lower())):
        return False
    return not has_tag(tag, BLOCKISH) and count_words(norm(tag.get_text(" "))) <= 20


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-") + "…"


def trim(tag: Tag) -> None:
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


def drop_metadata_lines(blocks: list[Tag], date_text: str | None, author: str | None, kept: Counter,
                         dropped: Counter) -> list[Tag]:
    """Short lines restating the date or byline, and link-only lines ("Print version | All news")."""
    out = []
    for block in blocks:
        text = norm(block.get_text(" "))
        if block.name == "p":
            if date_text and date_text in text and count_words(text) <= count_words(date_text) + 6:
                dropped["metadata"] += 1
                kept["paragraphs"] -= 1
                continue
            links = block.find_all("a")
            link_text = sum(len(norm(a.get_text(" "))) for a in links)
            rest = re.sub(r"[|:·•/\s-]+", "", text)
            separated = len(rest) < len(text.replace(" ", ""))
            if links and (len(links) >= 2 or separated) and link_text >= len(rest) - 2 and count_words(text) <= 12:
                dropped["menus"] += 1
                kept["paragraphs"] -= 1
                kept["links"] -= len(links)
                continue
        out.append(block)
    return out
