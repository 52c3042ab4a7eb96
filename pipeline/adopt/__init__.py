"""``tamizdat adopt``: a translation already published as a page → a catalogue of the source article.

The msgids are exactly what ``extract`` gives for the source; each msgstr is the translated page's
block that alignment (:mod:`pipeline.adopt.align`) pairs with it, its placeholders renamed to the
source's (:mod:`pipeline.adopt.mapping`). Whatever alignment is not sure of is fuzzy with a ``#.``
note that says why; a source block with no counterpart stays empty; translated blocks with no
source counterpart are reported (often a translator's note, worth a glossary reader note).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.adopt.align import Bead, align, length_ratio
from pipeline.adopt.blocks import Block, Page, article_region, page_blocks
from pipeline.adopt.mapping import map_placeholders
from pipeline.adopt.sentence_check import disagreements, pair_sentences
from pipeline.segment.htmltext import parse_html
from pipeline.core.sentences import split as split_sentences
from pipeline.segment import segment

NOTE = "adopt: "
# Beyond this many standard deviations of Gale–Church's length model a pair is only a guess.
SURE_DELTA = 2.0


@dataclass
class Adopted:
    msgstr: str
    fuzzy: bool = False
    why: list[str] = field(default_factory=list)


@dataclass
class Adoption:
    """What adoption found: msgid → its adopted translation, and what had no place."""

    entries: dict[str, Adopted] = field(default_factory=dict)
    unmatched_source: list[str] = field(default_factory=list)  # msgids left empty
    extra: list[str] = field(default_factory=list)  # translated blocks with no source counterpart
    ratio: float = 1.0  # characters of translation per character of source, over the pages


def pages(source: bytes, source_path: str, translation: bytes, translation_path: str) -> tuple[Page, Page]:
    src_root = parse_html(source, source_path)
    dst_root = parse_html(translation, translation_path)
    return page_blocks(segment(src_root), chrome=False), page_blocks(segment(dst_root), article_region(dst_root))


def adopt(source: bytes, source_path: str, translation: bytes, translation_path: str) -> Adoption:
    """Align a translated page with its source article (both HTML bytes)."""
    src, dst = pages(source, source_path, translation, translation_path)
    ratio = length_ratio(src.body, dst.body)
    result = Adoption(ratio=ratio)
    for bead in align(src.body, dst.body, ratio):
        _take(bead, src.body, dst.body, result, ratio)
    _take_title(src, dst, result)
    _take_meta(src, dst, result)
    _take_attrs(src, dst, result)
    return result


def _put(result: Adoption, msgid: str, adopted: Adopted) -> None:
    known = result.entries.get(msgid)
    # The same msgid twice (a repeated heading): keep the surer translation.
    if known is None or (known.fuzzy and not adopted.fuzzy):
        result.entries[msgid] = adopted


def _take(bead: Bead, src: list[Block], dst: list[Block], result: Adoption, ratio: float) -> None:
    if not bead.dst:
        result.unmatched_source.append(src[bead.src[0]].text)
        return
    if not bead.src:
        result.extra.append(dst[bead.dst[0]].plain)
        return
    why: list[str] = []
    if bead.moved:
        why.append("found out of order in the translated page")
    if abs(bead.delta) > SURE_DELTA:
        why.append(f"lengths do not fit ({bead.delta:+.1f} standard deviations)")
    if bead.conflict:
        why.append("numbers or links differ: " + ", ".join(bead.conflict[:4]))
    if len(bead.src) == 2:
        _take_merged(bead, src, dst, result, why)
        return
    s = src[bead.src[0]]
    blocks = [dst[j] for j in bead.dst]
    if len(blocks) == 1 and blocks[0].heading != s.heading:
        why.append("a heading paired with a paragraph")
    if len(blocks) == 1 and not bead.conflict:
        why += disagreements(s, blocks[0], ratio)
    if len(blocks) == 2:
        why_split = "the translator split this paragraph in two"
        if why:
            why.append(why_split)
    mapped = map_placeholders(blocks, s)
    why += mapped.problems
    _put(result, s.text, Adopted(mapped.msgstr, bool(why), why))


def _take_merged(bead: Bead, src: list[Block], dst: list[Block], result: Adoption, why: list[str]) -> None:
    """Two source blocks, one translated block: cut it at the sentence end that best fits their lengths."""
    first, second = src[bead.src[0]], src[bead.src[1]]
    target = dst[bead.dst[0]]
    sentences = split_sentences(target.text)
    why = why + ["the translator merged this paragraph with the next one; cut at a sentence end by length"]
    if len(sentences) < 2:
        mapped = map_placeholders([target], first)
        _put(result, first.text, Adopted(mapped.msgstr, True, why + mapped.problems))
        result.unmatched_source.append(second.text)
        return
    share = first.length / max(first.length + second.length, 1)
    total = sum(len(s) for s in sentences)
    best, best_gap, acc = 1, 2.0, 0
    for k in range(1, len(sentences)):
        acc += len(sentences[k - 1])
        gap = abs(acc / total - share)
        if gap < best_gap:
            best, best_gap = k, gap
    parts = [" ".join(sentences[:best]), " ".join(sentences[best:])]
    for block, part in zip((first, second), parts):
        piece = Block(part, target.tag, target.placeholders, target.opaque)
        mapped = map_placeholders([piece], block)
        _put(result, block.text, Adopted(mapped.msgstr, True, why + mapped.problems))


def _take_title(src: Page, dst: Page, result: Adoption) -> None:
    """The page title: the translated heading when the source title is its article's heading, else
    the translated ``<title>`` (fuzzy: a site's name is often part of it)."""
    if src.title is None:
        return
    h1s = [b for b in src.body if b.tag == "h1"]
    if h1s and h1s[0].plain == src.title.plain and h1s[0].text in result.entries:
        heading = result.entries[h1s[0].text]
        if "<" not in heading.msgstr:
            _put(result, src.title.text, Adopted(heading.msgstr, heading.fuzzy, list(heading.why)))
            return
    if dst.title is not None:
        _put(result, src.title.text,
             Adopted(dst.title.text, True, ["taken from the translated page's <title>; remove the site's name"]))


def _take_meta(src: Page, dst: Page, result: Adoption) -> None:
    for key, block in src.meta.items():
        theirs = dst.meta.get(key)
        if theirs is not None:
            _put(result, block.text, Adopted(theirs.text, True, [f"the translated page's meta {key.split(':', 1)[1]}"]))


def _take_attrs(src: Page, dst: Page, result: Adoption) -> None:
    """``alt``/``title`` texts: by the file their element shows, else by order among the same attribute."""
    theirs = list(dst.attrs)
    for key, name, block in src.attrs:
        match = next((t for t in theirs if t[0] == key and t[1] == name and ":" in key), None)
        why: list[str] = []
        if match is None:
            match = next((t for t in theirs if t[1] == name and t[0].split(":")[0] == key.split(":")[0]), None)
            why = ["paired by order with the translated page's attribute"]
        if match is None:
            continue
        theirs.remove(match)
        _put(result, block.text, Adopted(match[2].text, bool(why), why))


@dataclass
class Filled:
    adopted: int = 0  # entries given a sure translation
    fuzzy: int = 0  # entries given a translation to review
    kept: int = 0  # entries a translator had already translated, left alone
    empty: int = 0  # entries adoption found nothing for


def _by_sentence(adoption: Adoption) -> dict[str, Adopted]:
    """Adopted blocks cut into sentences, for a catalogue segmented by sentence: a block whose source and
    translation have as many sentences gives each its own (as sure as the block was); otherwise the
    sentences are paired as the blocks were (a sentence the translator merged with the next gets the
    merged translation), every pair fuzzy."""
    out: dict[str, Adopted] = {}
    for msgid, adopted in adoption.entries.items():
        src, dst = split_sentences(msgid), split_sentences(adopted.msgstr)
        if len(src) < 2:
            continue
        if len(src) == len(dst):
            for a, b in zip(src, dst):
                out.setdefault(a, Adopted(b, adopted.fuzzy, list(adopted.why)))
            continue
        note = f"sentences paired by length and anchors: the source has {len(src)}, the translation {len(dst)}"
        for ours, theirs in pair_sentences(msgid, adopted.msgstr, adoption.ratio):
            if ours and theirs:
                merged = ([] if len(ours) == 1 else ["the translator merged this sentence with the next"] if len(ours) == 2
                          else [f"the translator merged this sentence with the next {len(ours) - 1}"])
                out.setdefault(ours[0], Adopted(" ".join(theirs), True, [*adopted.why, note, *merged]))
    return out


def fill(po, adoption: Adoption, *, force: bool = False) -> Filled:
    """Put adopted translations into a catalogue's entries (ours or a template made into one).

    An entry a translator already translated is never touched; a fuzzy one only with ``force``.
    """
    counts = Filled()
    by_sentence = _by_sentence(adoption)
    for entry in po:
        if entry.obsolete or not entry.msgid or entry.msgid_plural:
            continue
        found = adoption.entries.get(entry.msgid) or by_sentence.get(entry.msgid)
        fuzzy_now = "fuzzy" in entry.flags
        if entry.msgstr and not (fuzzy_now and force):
            counts.kept += 1
            continue
        if found is None or not found.msgstr:
            counts.empty += 1
            continue
        entry.msgstr = found.msgstr
        notes = [line for line in (entry.comment or "").split("\n") if line and not line.startswith(NOTE)]
        if found.fuzzy:
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            notes.append(NOTE + "; ".join(found.why))
            counts.fuzzy += 1
        else:
            if fuzzy_now:
                entry.flags.remove("fuzzy")
            counts.adopted += 1
        entry.comment = "\n".join(notes)
    return counts
