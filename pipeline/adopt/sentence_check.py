"""Sentences inside a block pair: is the translated paragraph a translation of *this* version of its source?

A translation published years ago can be of an older version of the source paragraph: a sentence added
or dropped since, with the same numbers and links around it, still pairs 1–1 with its block, and its
length alone often fits. So the pair's sentences are aligned too, with the blocks' Gale–Church costs
and anchors (:mod:`pipeline.adopt.align`). A sentence the translator split, or two or three merged into
one, is ordinary translation; a sentence with no counterpart means the paragraph changed since, and the
entry is left for review. (Numbers and links are compared for the whole block already; sentence by
sentence they only tell where the translator moved a clause. Sentence lengths that fit badly flagged
sound translations three times as often as outdated ones on the development pairs: not used.)
"""

from __future__ import annotations

import re

from pipeline.adopt.align import PRIOR, align
from pipeline.adopt.blocks import Block, make_block
from pipeline.core.sentences import split

_NAME = re.compile(r"<([a-z][a-z0-9]*)/?>")
# Translators merge or split sentences more freely than paragraphs: three into one too.
SHAPES = {**PRIOR, (3, 1): PRIOR[(2, 1)] / 4, (1, 3): PRIOR[(1, 2)] / 4}


def _sentence_blocks(block: Block) -> list[Block]:
    out = []
    for sentence in split(block.text):
        names = set(_NAME.findall(sentence))
        held = {k: v for k, v in block.placeholders.items() if k in names}
        out.append(make_block(sentence, block.tag, held))
    return out


def _excerpt(block: Block) -> str:
    """The sentence's first words, for the note (its own quotes stripped: the note quotes it)."""
    words = block.plain.strip("\"'«»„“”‘’").split()
    return " ".join(words[:6]) + (" …" if len(words) > 6 else "")


def disagreements(src: Block, dst: Block, ratio: float) -> list[str]:
    """Why ``dst`` may translate another version of ``src`` (empty: their sentences agree)."""
    a, b = _sentence_blocks(src), _sentence_blocks(dst)
    if len(a) < 2 and len(b) < 2:
        return []
    why: list[str] = []
    for bead in align(a, b, ratio, SHAPES):
        if bead.src and not bead.dst:
            why.append(f"the translation has nothing for the source's sentence “{_excerpt(a[bead.src[0]])}”")
        elif bead.dst and not bead.src:
            why.append(f"the translation has a sentence the source lacks: “{_excerpt(b[bead.dst[0]])}”")
    if why:
        why.insert(0, f"the source has {len(a)} sentences, the translation {len(b)}")
    return why


def pair_sentences(src: str, dst: str, ratio: float) -> list[tuple[list[str], list[str]]]:
    """The sentences of two msgid-form texts, paired as :func:`disagreements` pairs them (either side empty
    where a sentence has no counterpart). Without the pages' elements, links are no anchors here."""
    a = [make_block(sentence, "p") for sentence in split(src)]
    b = [make_block(sentence, "p") for sentence in split(dst)]
    return [([a[i].text for i in bead.src], [b[j].text for j in bead.dst]) for bead in align(a, b, ratio, SHAPES)]
