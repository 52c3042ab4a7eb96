"""Possessive determiners among a text's third-person pronouns, for glossary/repeats.py's ``extra_pronouns``.

A translation leaves a possessive out where its grammar does («видит отца» for “sees his father”, « privé de colis »
for “loses its parcels”), so its personal pronouns are also held against the source's personal ones alone: one
more «после него», « il », „sie“ than the source has may say a repeat, whatever possessives the source has more.
"""

from __future__ import annotations

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
# Russian «свой» is the possessive of its clause's subject, whatever its person: «за свой счёт» says “at our own
# cost” as well as “at his own cost”, so it is a third-person pronoun only beyond the source's first- and
# second-person possessives.
_RU_REFLEXIVE = frozenset("свой своя своё свое свои своего своей своему своим своих своими своем своём свою".split())
_EN_PERSONS = frozenset("my our your".split())


def possessives(masked: str, folded: list[str], lang: str) -> int:
    """The possessive determiners among the third-person pronouns of a ``masked`` text whose words are
    ``folded``."""
    owns = POSSESSIVES.get(lang, set())
    own = sum(1 for w in folded if w in owns)
    if lang == "ru" and "у н" in masked:
        own += sum(1 for a, w in zip(folded, folded[1:]) if a == "у" and w in _RU_POSSESSOR)
    return own


def reflexives_of_persons(src_folded: list[str], folded: list[str]) -> int:
    """How many Russian «свой» of a translation (its words ``folded``) say an English first- or second-person
    possessive of the source (its words ``src_folded``)."""
    return min(sum(1 for w in folded if w in _RU_REFLEXIVE), sum(1 for w in src_folded if w in _EN_PERSONS))
