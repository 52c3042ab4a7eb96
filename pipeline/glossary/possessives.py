"""Possessive determiners among a text's third-person pronouns, for glossary/repeats.py's ``extra_pronouns``.

A translation leaves a possessive out where its grammar does («видит отца» for “sees his father”, « privé de colis »
for “loses its parcels”), so its personal pronouns are also held against the source's personal ones alone: one
more «после него», « il », „sie“ than the source has may say a repeat, whatever possessives the source has more.
"""

from __future__ import annotations

import re

from pipeline.glossary.match import WORD_RE, fold, mask

# The possessive determiners of repeats.PRONOUNS. A word that is both (Russian его, её, их; German ihr; French
# leur) is a possessive in the translation and, English *her*, a personal pronoun in the source: the reading that
# finds fewer stand-ins. Russian says a possessor by «у» and the personal pronoun («у него забрали тетради»: took
# his notebooks), a possessive too.
POSSESSIVES = {
    "en": {"his", "its", "their"},
    "ru": {"его", "её", "ее", "их", "свой", "своя", "своё", "свое", "свои", "своего", "своей", "своему", "своим",
           "своих", "своими", "своем", "своём", "свою"},
    "de": {"sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"},
    "fr": {"leur", "leurs", "son", "sa", "ses"},
}
_RU_POSSESSOR = frozenset("него неё нее них".split())


def possessives(masked: str, folded: list[str], lang: str) -> int:
    """The possessive determiners among the third-person pronouns of a ``masked`` text whose words are
    ``folded``."""
    owns = POSSESSIVES.get(lang, set())
    own = sum(1 for w in folded if w in owns)
    if lang == "ru" and "у н" in masked:
        own += sum(1 for a, w in zip(folded, folded[1:]) if a == "у" and w in _RU_POSSESSOR)
    return own


# Russian свой is the possessive of the clause's subject in every person: “at our own cost” → «за свой счёт» says
# the source's “our”, which is no third-person pronoun and so not counted on its side.
_RU_OWN = frozenset(w for w in POSSESSIVES["ru"] if w.startswith("сво"))
_EN_FIRST_SECOND = re.compile(r"\b(?:my|our|your|mine|ours|yours)\b", re.I)


def own_possessives(src: str, dst: str) -> int:
    """How many of the translation's свой say a first- or second-person possessive of the source."""
    own = sum(1 for m in WORD_RE.finditer(mask(dst)) if fold(m.group(0)) in _RU_OWN)
    return min(own, len(_EN_FIRST_SECOND.findall(mask(src)))) if own else 0
