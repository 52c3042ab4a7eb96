"""A glossary word's own arguments, read as semantic classes: what the learnt sense decision
(glossary/learnt_sense.py) is told by the noun a term modifies or is modified by, the head of the phrase after it
and a verb term's object.

An everyday word says which thing it names by its own phrase: a transfer *window*, a *bank* transfer, a transfer
*for the room* (with a sum of money), a parcel *of wedding invitations*, downgraded *the first count*; the prison's
thing goes with other arguments: a transfer *to the colony*, a parcel *from his mother*, downgraded *the newcomer*.
The sentence's averaged lexicon dilutes such a word and the article's features outweigh it, so the arguments are
read apart — and as classes, not as words, so that a sentence of a field never seen is read by what kind of thing
its argument is: WordNet's lexicographer file of the noun's first sense (noun.artifact, noun.person,
noun.possession, noun.act …), a word of the glossary's own vocabulary or another glossary term (``prison``), a
name (``name``), a number (``number``). The model file keeps a lean per class learnt from the labelled sentences
(bench/sense_instances.py), as it keeps the lexicon's per stem.

Syntax by position, no parser: the word right before the term when it is a noun (``mod``: a *bank* transfer); right
after it, a noun (``head``: a transfer *window*, a squad *captain*) or, for a verb term, its object past
determiners and adjectives (``obj``: downgraded *the first count*); or a preposition and the first noun of its
phrase (``pp``: a transfer *from the station*). Nothing crosses a clause break (neighbourhood.words_near).
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.glossary import wordnet
from pipeline.glossary.english_pos import word_classes
from pipeline.glossary.match import Hit, fold
from pipeline.glossary.model import Glossary
from pipeline.glossary.neighbourhood import words_near
from pipeline.glossary.sense import FUNCTION_WORDS, base_word

# WordNet's noun lexicographer files by number (lexnames 3-28)
NOUN_FILES = ("Tops act animal artifact attribute body cognition communication event feeling food group location "
              "motive object person phenomenon plant possession process quantity relation shape state substance "
              "time").split()
PREPOSITIONS = frozenset("of for from to into with at in on about by".split())
DETERMINERS = frozenset("a an the this that these those his her its their our my your each every any another no "
                        "some all both".split())
REACH = 5  # words after the term a phrase's head is looked for in
# The depth (from WordNet's root, entity = 0) of the hypernym a WordNet-classed argument is also read as
# ("head:@4": a transfer *window* as an opening, not only an artifact); 0: the lexicographer file alone.
HYPERNYM_DEPTH = 0


@lru_cache(maxsize=16384)
def noun_class(word: str) -> str:
    """WordNet's lexicographer file of a lower-case noun's first sense ("artifact", "person" …), as written, as a
    plural's singular or as its base; "" for a word WordNet does not know as a noun."""
    found = wordnet.senses(word) or (word.endswith("s") and wordnet.senses(word[:-1])) \
        or wordnet.senses(base_word(word))
    if not found:
        return ""
    k = wordnet.lexfile(found[0]) - 3
    return NOUN_FILES[k] if 0 <= k < len(NOUN_FILES) else ""


@lru_cache(maxsize=16384)
def noun_hypernym(word: str, depth: int) -> str:
    """The hypernym at ``depth`` below WordNet's root of a lower-case noun's first sense (its offset, as text);
    "" where the word is no noun WordNet knows or its path is shorter."""
    found = wordnet.senses(word) or (word.endswith("s") and wordnet.senses(word[:-1])) \
        or wordnet.senses(base_word(word))
    if not found:
        return ""
    path = [found[0]]
    while len(path) < 40:
        s = wordnet.synset(path[-1])
        up = [o for sym, o, _p in (s.pointers if s else ()) if sym in ("@", "@i")]
        if not up:
            break
        path.append(up[0])
    path.reverse()
    return str(path[depth]) if len(path) > depth else ""


def _noun(word: str) -> bool:
    """A noun that is no adjective, nor a verb's -s or -ed form (the parcel *comes*, the transfer *covered*)."""
    pos = word_classes(word)
    return "NOUN" in pos and "ADJ" not in pos and not ("VERB" in pos and word.endswith(("s", "ed")))


def _class(word: str, known: frozenset, glossary_words: frozenset) -> str:
    """A word of a term's phrase as a class: ``number``, ``name``, ``prison`` (the editor's ``prison_words`` or a
    word of another glossary term), else its WordNet noun class ("" when it is none)."""
    if word[:1].isdigit():
        return "number"
    if word[:1].isupper():
        return "name"
    w = fold(word)
    if w in glossary_words or w in known or base_word(w) in known:
        return "prison"
    return noun_class(w)


def _prison_words(glossary: Glossary, hit: Hit) -> frozenset:
    """The editor's one-word ``prison_words`` (as base words): a word of a phrase among them is no prison alone —
    a *room* is not the *visiting room* (sense_features.prison_words reads the phrases so too). Kept per concept."""
    return hit.concept.remembered("argument prison words", lambda: frozenset(
        base_word(fold(p)) for p in glossary.prison_words if " " not in p.strip()))


def _with_hypernym(out: list[str], rel: str, c: str, word: str) -> None:
    """Append ``rel:c`` and, for a WordNet class with HYPERNYM_DEPTH set, the word's hypernym key ``rel:@offset``
    (argument_lean reads the most specific key its table knows per relation)."""
    out.append(f"{rel}:{c}")
    if HYPERNYM_DEPTH and c not in ("prison", "name", "number"):
        h = noun_hypernym(fold(word).lower(), HYPERNYM_DEPTH)
        if h:
            out.append(f"{rel}:@{h}")


def argument_classes(glossary: Glossary, text: str, hit: Hit, every: list[Hit], verb: bool) -> list[str]:
    """The classes of ``hit``'s arguments in ``text`` as ``relation:class`` (mod, head, obj, pp; see the module's
    doc), at most one per relation. ``every``: the message's glossary hits (a word of another term is
    ``prison``); ``verb``: the term is a verb (its object is read, not a noun after it or a word before it)."""
    left, right = words_near(text, hit.start, hit.end, REACH)
    known = _prison_words(glossary, hit)
    glossary_words = frozenset(fold(w) for o in every if o is not hit for w in o.form.split())
    out = []
    if left and not verb:
        w = left[-1]
        # (a name inside the sentence, or a lower-case noun: not a determiner, an adjective or a verb)
        prefix = text[:text.rfind(w, 0, hit.start)].rstrip()
        if w[:1].isupper():
            if prefix and prefix[-1] not in ".!?:;“\"«„(—–":
                out.append("mod:name")
        elif w.islower() and w not in FUNCTION_WORDS and _noun(w):
            c = _class(w, known, glossary_words)
            if c:
                _with_hypernym(out, "mod", c, w)
    if not right:
        return out
    if len(right) > 1 and right[1].lower() in PREPOSITIONS and "ADV" in word_classes(right[0].lower()):
        right = right[1:]  # (an adverb before the phrase: a transfer *straight* from the station)
    first = right[0]
    low = first.lower()
    if low in PREPOSITIONS or verb:
        rel, rest = ("pp", right[1:]) if low in PREPOSITIONS else ("obj", right)
        for w in rest:
            lw = w.lower()
            if lw in DETERMINERS or (lw in FUNCTION_WORDS and not w[:1].isdigit()):
                continue
            if w[:1].isdigit() or w[:1].isupper() or _noun(lw):
                c = _class(w, known, glossary_words)
                if c:
                    _with_hypernym(out, rel, c, w)
                break
            if "ADJ" not in word_classes(lw) and not lw.endswith("ing"):
                break  # (a verb or an adverb: the phrase has ended)
    elif first.islower() and low not in FUNCTION_WORDS and _noun(low):
        c = _class(first, known, glossary_words)
        if c:
            _with_hypernym(out, "head", c, first)
    return out
