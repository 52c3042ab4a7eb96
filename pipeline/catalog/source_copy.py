"""Start a markup-heavy new entry from its source, so the translator types words, not markup.

An entry that nothing in the catalogue or the memory resembles is left empty — except when most of
its source is what a translation copies as it is: tags with their link targets, entities, URLs,
e-mail addresses, numbers. Then it gets its source as a fuzzy suggestion (what Poedit's and
Weblate's "copy source" does by hand): the translator overwrites the English words and keeps the
tags, instead of typing ``<a href="http://www.computerworld.com/article/2984889/...">`` again.
Fuzzy, so it is never published or counted as translated until a translator has been through it.

The share is tuned on half of the gnu.org catalogues 2015 → 2017 (bench/merge_quality.py): from
0.4 on, a source copy is closer to the translation published in 2017 than an empty entry in all but
a handful of cases, and saves about a tenth of the typing; below it, copies of mostly English prose
start to mislead.
"""

from __future__ import annotations

import re

from pipeline.catalog.carry import ENTITY, TAG

MIN_SHARE = 0.4  # of the source's characters that a translation holds verbatim

_VERBATIM = re.compile(
    rf"{TAG}|{ENTITY}"  # the tags and entities carry.py also copies as they are
    r"|(?:https?://|ftp://|mailto:|www\.)[^\s<>\"']+"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\d+"
)


def verbatim_share(source: str) -> float:
    """The share of ``source``'s characters that a translation copies unchanged."""
    return sum(len(m.group()) for m in _VERBATIM.finditer(source)) / len(source) if source else 0.0


def worth_copying(source: str) -> bool:
    """Whether an untranslated entry with this source is better started from the source than empty."""
    return verbatim_share(source) >= MIN_SHARE
