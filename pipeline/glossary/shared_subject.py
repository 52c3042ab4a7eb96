"""Two predicates that share one subject: where the source names its thing again as a later clause's subject
(“The transfer began in Perm; the transfer ended in Kirov”), the translation's conjunction before a verb with no
subject of its own („… und endete in Kirow“, « et s'est achevé à Kirov », «и закончился в Кирове») says it, less
the source's own *and* before a verb. Read by glossary/left_out.py where a repeat lacks its rendering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.glossary.lazy_pattern import Lazy
from pipeline.glossary.match import WORD_RE, Hit, fold, mask

# A later occurrence that opens a clause as its subject: after a clause break and a determiner.
_SUBJECT_BEFORE = Lazy(r"(?:^|[;.:!?]|,\s*(?:and|but|while|then)|\b(?:and|but)\s)\s*(?:the|this|that|his|her|their|its"
                       r"|my|our|your)\s+(?:[a-z]+\s+)?$", re.I)
_AND_VERB = {"de": frozenset({"und", "sowie"}), "fr": frozenset({"et"}), "ru": frozenset({"и", "а", "но"})}
_FR_AUXILIARIES = frozenset("""a ont est sont avait avaient était étaient fut furent sera seront serait seraient
aura auront aurait auraient va vont""".split())
# French closed-class words that open no predicate: determiners, pronouns, prepositions, conjunctions, adverbs,
# numbers.
_FR_CLOSED = frozenset("""le la les l un des du de d au aux à en dans par pour sur sans avec vers chez entre depuis
pendant après avant puis où qui que qu dont comme quand lorsque si plus moins ne n se s y lui leur et ou mais
seulement une ces cet cette mon mes ton tes son ses notre nos votre vos leurs tous toutes tout
toute même ensuite enfin aussi surtout très bien non pas jamais toujours encore déjà souvent parfois ici
deux trois quatre cinq six sept huit neuf dix cent mille quelques plusieurs chaque aucun aucune""".split())
_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")  # (a German attributive adjective's)
# German closed-class words that open no predicate: articles, pronouns, prepositions, adverbs, conjunctions.
_DE_CLOSED = frozenset("""der die das den dem des ein eine einen einem einer eines kein keine keinen ich du er sie
es wir ihr man mein meine sein seine ihre unser dies diese dieser dieses jene in im an am auf aus bei beim mit nach
von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um bis seit dann auch noch so doch
nicht nie ja schon wieder später heute gestern morgen dort hier da nur erst zwar also sogar sehr zwei drei vier
fünf zehn alle beide viele wenige wie wo als ob dass wenn weil""".split())


def _verb_only(word: str) -> bool:
    """Whether the English lexicon knows ``word`` only as a verb (ended, was, lasted; not parcels, will)."""
    from pipeline.glossary.english_pos import parts_of_speech

    classes = parts_of_speech(word.lower())
    return bool(classes) and classes <= {"VERB", "AUX"}


def _dst_verb(words: list[str], i: int, lang: str) -> bool:
    """Whether the translation's ``words[i]`` (after a conjunction) opens a predicate with no subject of its own:
    a Russian finite verb (pymorphy3); a French reflexive or negated verb, an auxiliary after an optional object
    clitic (« et s'est achevé », « et a duré », « et l'a renvoyé »), or a lower-case word that is no closed-class
    word (« et compte 900 détenus »: French sets an article before a noun); a German lower-case word that is no
    closed-class word and opens no noun phrase (German nouns are capitalised: „und endete drei Wochen später“)."""
    w = fold(words[i])
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if lang == "ru":
        from pipeline.glossary.wordkeys import first_pos

        return first_pos(w, "ru") == "VERB"
    if lang == "fr":
        if w in ("se", "s", "ne", "n"):
            return True
        if w in ("l", "le", "la", "les", "lui", "leur", "y", "en"):
            return fold(nxt) in _FR_AUXILIARIES
        # (French sets an article before a noun: a lower-case word that is no closed-class word is a verb)
        return w in _FR_AUXILIARIES or (not words[i][:1].isupper() and len(w) > 2 and w not in _FR_CLOSED)
    if lang == "de":
        return (not words[i][:1].isupper() and w not in _DE_CLOSED and len(w) > 2
                and not (w.endswith(_ADJECTIVE_ENDINGS) and nxt[:1].isupper()))
    return False


def shared_subject(src: str, src_hits: Sequence[Hit], dst: str, lang: str) -> list[str]:
    """The translation's conjunctions before a predicate without a subject („… begann in Perm und endete …“, « et
    s'est achevé », «и закончился»), as many as the source's later occurrences that are a clause's subject of
    their own (“; the transfer ended …”), less the source's own *and* before a verb: the two predicates share the
    subject the translation names once."""
    ands = _AND_VERB.get(lang)
    if ands is None:
        return []
    words = WORD_RE.findall(mask(dst))
    said = [w for i, w in enumerate(words[:-1]) if w.lower() in ands and _dst_verb(words, i + 1, lang)]
    if not said:
        return []  # (the common case: the English lexicon is not read)
    hits = sorted(src_hits, key=lambda h: h.start)[1:]
    subjects = 0
    for h in hits:
        after = WORD_RE.findall(mask(src[h.end:h.end + 20]))
        if _SUBJECT_BEFORE.search(mask(src[max(0, h.start - 40):h.start])) and after and _verb_only(after[0]):
            subjects += 1
    if not subjects:
        return []
    own = 0
    src_words = WORD_RE.findall(mask(src))
    for i, w in enumerate(src_words[:-1]):
        if w.lower() == "and" and _verb_only(src_words[i + 1]):
            own += 1
    return said[own:][:subjects]
