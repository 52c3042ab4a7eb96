"""A sentence's topic against an everyday glossary word's other senses (Lesk's method, over WordNet).

An English word the glossary uses for prison slang (a *transfer*, the *parole*, a *mast*, a *single cell*)
says which thing it names not only by its own phrase (glossary/phrase.py) but by what the whole sentence is
about: passengers who make a transfer at Irkutsk, sentries who change the parole and forget it, a mast year
when beeches drop nuts for the village pigs, a yeast that is a single cell in biology class. Following Lesk
(1986), the sentence's content words are compared with each dictionary sense of the word — its WordNet gloss,
examples, synonyms and the names of the senses it points to (broader, narrower, its field) — and with the
glossary's own sense (the concept's definition and notes, and the glossary's prison vocabulary). Where the
message says nothing of prison apart from the word itself and another sense shares more words with it than
the glossary's, the finding is a question that names those words; a WordNet sense that itself speaks of prison
(“a room where a prisoner is kept”, parole “from imprisonment”) counts as the glossary's.

Without a prison cue and without such words the word stays the glossary's: most prison sentences say nothing
else of prison (“The roosters eat at a separate table.”), and reading every such word as a question cost a
sixth of the recall on every labelled set.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import WORD_RE, Hit, blanked, english_base, fold, mask
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.neighbourhood import words_near
from pipeline.glossary.english_pos import parts_of_speech
from pipeline.glossary.phrase import SENTENCE_START, prone
from pipeline.glossary.sense import FUNCTION_WORDS, base_word, own_vocabulary, prison_vocabulary, without_compounds
from pipeline.glossary.wordkeys import _stemmer
from pipeline.glossary import wordnet

# Pointers whose synsets' names belong to a sense's signature: broader and narrower senses, wholes and parts,
# its field (";c": cell → biology) and the words derived from it.
RELATED = frozenset(["@", "@i", "~", "~i", "#m", "#s", "#p", "%m", "%s", "%p", ";c", "-c", "+"])
# Words of definitions that say nothing of a topic.
GLOSS_WORDS = frozenset("""something someone somebody thing things used use uses especially usually often
kind kinds sort type part act make makes made being having various certain particular general small large
another other others way ways form""".split())
STOP = FUNCTION_WORDS | GLOSS_WORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word as the topic comparison keys it: folded, its English inflection and derivation off (biologist and
    biology meet)."""
    return _stemmer("en").stemWord(fold(word))


def content_stems(text: str) -> frozenset:
    return frozenset(s for s in map(content_stem, WORD_RE.findall(text)) if s is not None)


def message_words(text: str, every: list[Hit]) -> tuple[str, frozenset]:
    """``text`` blanked around its glossary hits ``every`` (:func:`blanked`) and its :func:`content_stems`:
    the words of a message around its glossary terms, which the topic, balance and learnt readings each ask of
    every concept of the message (remembered for the last few messages)."""
    key = (text, tuple((h.start, h.end) for h in every))
    found = _MESSAGE_WORDS.get(key)
    if found is None:
        masked = blanked(text, every)
        found = _MESSAGE_WORDS[key] = (masked, content_stems(masked))
        if len(_MESSAGE_WORDS) > 64:
            del _MESSAGE_WORDS[next(iter(_MESSAGE_WORDS))]  # (the oldest: a message's readings come together)
    return found


_MESSAGE_WORDS: dict[tuple, tuple[str, frozenset]] = {}


@lru_cache(maxsize=65536)
def content_stem(word: str) -> str | None:
    """A word's :func:`stem`, None for a number, a function or gloss word, a word of two letters (remembered: asked
    of every word of every message by the topic, balance and learnt-sense readings)."""
    return stem(word) if not word.isdigit() and fold(word) not in STOP and len(word) >= 3 else None


@lru_cache(maxsize=4096)
def signature(offset: int, pos: str) -> tuple[frozenset, frozenset, frozenset]:
    """The stems a WordNet sense is told by — its lemmas, gloss and examples, and the lemmas of the senses it
    points to — and, of those, the stems of its names (its own lemmas and its neighbours': *biology* for a
    cell) and of its examples (the contexts the sense is used in: “he forgot the password”)."""
    s = wordnet.synset(offset, pos)
    if s is None:
        return frozenset(), frozenset(), frozenset()
    names = list(s.lemmas)
    for symbol, target, tpos in s.pointers:
        if symbol in RELATED:  # (one-word names: the “United States” a colony points to has no “unit”)
            names.extend(w for w in wordnet.lemmas(target, tpos) if " " not in w)
    # (a gloss's capitalised words are names too: the “United States” of a colony's gloss has no “unit”)
    gloss = " ".join(w for w in WORD_RE.findall(s.gloss) if not w[:1].isupper())
    named = content_stems(" ".join(names))
    return named | content_stems(gloss), named, content_stems(" ".join(EXAMPLE_RE.findall(s.gloss)))


EXAMPLE_RE = re.compile(r'"([^"]*)"')


def glossary_side(glossary: Glossary, concept: Concept) -> frozenset:
    """The stems of the concept's own vocabulary and of the glossary's prison words: the side of a sentence that
    speaks as the glossary does (remembered with the concept's memos)."""
    memo = concept.memos
    found = memo.get("topic")
    if found is None:
        strong, weak = prison_vocabulary(glossary)
        found = memo["topic"] = frozenset(stem(w) for w in own_vocabulary(concept) | strong | weak)
    return found


def _prison_stems(glossary: Glossary, concept: Concept) -> frozenset:
    """The stems of ``prison_words`` (and imprisonment): a WordNet sense that uses one is the glossary's own
    (remembered with the concept's other memos)."""
    memo = concept.memos
    found = memo.get("topic-prison")
    if found is None:
        strong, _weak = prison_vocabulary(glossary)
        found = memo["topic-prison"] = (frozenset(stem(w) for w in strong)
                                        | {stem(w) for w in ("imprisonment", "imprison")})
    return found


def _lookup(term: str, pos: str) -> tuple[int, ...]:
    """The senses of a term, or of its head word (a single *cell*, a common *fund*) when WordNet has no entry for
    the whole."""
    found = wordnet.senses(term, pos)
    if not found and " " in term:
        found = wordnet.senses(term.rsplit(" ", 1)[-1], pos)
    return found


def own_stems(hit: Hit) -> frozenset:
    return _term_stems(hit.term)


@lru_cache(maxsize=4096)
def _term_stems(term: str) -> frozenset:
    return frozenset(stem(w) for w in WORD_RE.findall(fold(term)))


def other_senses(glossary: Glossary, hit: Hit) -> tuple[int, ...]:
    """The WordNet noun senses of ``hit``'s term (or its head) that are not the prison sense — a sense whose
    signature uses a prison word besides the term's own (“a room where a *prisoner* is kept”, parole's “release
    from *imprisonment*”) is the glossary's; worked out once per term (prone terms are nouns: a verb's senses say
    little of a topic)."""
    memo = hit.concept.memos
    key = f"senses {hit.term}"
    found = memo.get(key)
    if found is None:
        prison, own = _prison_stems(glossary, hit.concept), own_stems(hit)
        found = memo[key] = tuple(o for o in _lookup(fold(hit.term), "noun")
                                  if not (signature(o, "noun")[0] - own) & prison)
    return found


def topic_senses(glossary: Glossary, hit: Hit) -> tuple[int, ...]:
    """:func:`other_senses` less those the concept's other terms name: a sense one of whose names (its lemmas,
    its broader and narrower senses') is a word of another of the concept's glossary terms is the glossary's
    own thing (“care package” names WordNet's *package*, so a parcel that is “a wrapped container” is the
    prisoner's parcel, not another sense of it). The topic rule asks only about the rest; the learnt decision's
    features read :func:`other_senses` unchanged. Worked out once per term."""
    def make() -> tuple[int, ...]:
        kin = _term_words(hit.concept) - own_stems(hit)
        return tuple(o for o in other_senses(glossary, hit) if not signature(o, "noun")[1] & kin)

    return hit.concept.remembered(f"topic senses {hit.term}", make)


def _term_words(concept: Concept) -> frozenset:
    """The stems of the content words of all the concept's glossary terms (remembered with its memos)."""
    return concept.remembered("term words", lambda: frozenset(
        stem(w) for t in concept.terms for w in WORD_RE.findall(fold(t.text)) if w not in STOP))


def prison_elsewhere(glossary: Glossary, text: str, own: list[Hit]) -> str:
    """What in the message, apart from a concept's own words (``own``: its hits), says prison ("" when nothing
    does): a word of ``prison_words`` or two words the glossary's definitions share. (Another concept in the
    glossary's sense is one too: the caller sees it.)"""
    masked = blanked(text, own)
    words = {base_word(w) for w in WORD_RE.findall(masked)}
    strong, weak = prison_vocabulary(glossary)
    if words & strong:  # (not inside a compound noun of another thing: “summer camp”)
        words = {base_word(w) for w in WORD_RE.findall(without_compounds(glossary, masked, words & strong))}
    if words & strong:
        for phrase in glossary.prison_words:  # (a phrase of them needs all its words: “visiting room”)
            if all(base_word(w) in words for w in phrase.split()):
                return phrase
    found = words & weak
    return " ".join(sorted(found)) if len(found) >= 2 else ""


def topic_questions(glossary: Glossary, text: str, occurrences: dict[str, list[Hit]], questions: dict[str, str],
                    hits: list[Hit]) -> dict[str, str]:
    """Concept id -> why its findings are questions: every occurrence an everyday English noun (phrase.prone),
    nothing else in the message about prison, and another WordNet sense that the sentence's words fit better
    than the glossary's sense. ``occurrences``: the message's concepts in the glossary's sense; ``questions``:
    those already only asked about (they say nothing of prison); ``hits``: all its hits."""
    live = [cid for cid in occurrences if cid not in questions]
    if len(live) != 1:
        return {}  # (two concepts in the glossary's sense are each other's prison cue: most prison messages)
    cid = live[0]
    hs = occurrences[cid]
    if not all(prone(h) for h in hs) or not topic_senses(glossary, hs[0]) or prison_elsewhere(glossary, text, hs):
        return {}  # (a word no dictionary knows, or knows only in the prison sense, has no other sense to tell)
    why = other_topic(glossary, text, hs, hits)
    if not why:  # (the field of the whole sentence: glossary/domain.py, which builds on this module)
        from pipeline.glossary.domain import foreign_field

        why = foreign_field(glossary, text, hs, hits)
    return {cid: f"a question only: nothing else in it says prison, and {why}"} if why else {}


def other_topic(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit]) -> str:
    """Why the sentence's words point to another sense of ``hits``' word than the glossary's ("" when they
    do not): the words it shares with that sense and the sense's gloss. ``every``: all the message's glossary
    hits, whose words are left out."""
    h = hits[0]
    senses = topic_senses(glossary, h)
    if not senses:
        return ""
    masked, stems = message_words(text, every)
    words = stems - own_stems(h)
    if not words:
        return ""
    ours = len(words & glossary_side(glossary, h.concept))
    best, shared = None, frozenset[str]()
    # One word alone is evidence when the sense's examples use it, or it is a rare noun (one the sense-tagged
    # corpus met fewer than RARE times as a noun: *passenger*, *biology*) of its definition or its names: “a body
    # of people who settle far from *home*” says nothing of “the colony …, and the silence from home”.
    for offset in senses:
        sig, _names, examples = signature(offset, "noun")
        common = words & sig
        if len(common) <= len(shared):
            continue
        if len(common) < 2 and not (_telling(masked, common, examples) or common & _genus(offset)):
            continue
        best, shared = offset, common
    if best is None:  # Lesk's own test: a neighbour's definition names the sense (crowing: “the cry of a cock”)
        best, shared = _named_nearby(masked, h, senses)  # (the message's glossary words blanked)
    if best is None or len(shared) <= ours:
        return ""
    gloss = wordnet.definition(best)
    shown = ", ".join(f"“{w}”" for w in shown_words(masked, shared))
    return f"the sentence's {shown} fit{'s' if len(shared) == 1 else ''} another sense of “{h.form}” ({gloss})"


def shown_words(text: str, stems: frozenset) -> list[str]:
    seen: list[str] = []
    for w in WORD_RE.findall(text):
        if stem(w) in stems and w not in seen:
            seen.append(w)
    return seen[:3]


def has_noun(text: str, stems: frozenset) -> bool:
    """Whether a word of ``text`` keyed by one of ``stems`` is a noun (glossary/balance.py asks this of the
    glossary's side: a verb of a definition alone tells no topic)."""
    return any("NOUN" in parts_of_speech(w.lower()) for w in WORD_RE.findall(text) if stem(w) in stems)


RARE = 20


def _telling(text: str, stems: frozenset, examples: frozenset) -> bool:
    """Whether one word (a word of ``text`` keyed by one of ``stems``) is evidence of a sense alone: not a common
    noun (one the sense-tagged corpus met RARE times or more: *home*, *money*), and either a noun (*passenger*,
    *biology*) or a word of the sense's examples (“he *forgot* the password”) — a verb or adjective of a
    definition (“a skill *learned* in one situation”) tells little of a topic alone."""
    for w in WORD_RE.findall(text):
        if stem(w) not in stems:
            continue
        if max(wordnet.noun_count(fold(w)), wordnet.noun_count(base_word(w))) >= RARE:
            return False
        return stem(w) in examples or "NOUN" in parts_of_speech(w.lower())
    return False


def written_otherwise(text: str, hit: Hit, others: list[Hit]) -> str:
    """Why the way ``hit`` is written says it is not the glossary's word ("" when it does not):

    - a transliteration the glossary writes in lower case (kozel), capitalised inside a sentence, is a name —
      a beer, a person, a place (“he ordered a Kozel at the station bar”), even after a determiner;
    - a name that is also an English word (Memorial), where its capital says nothing — a sentence's first
      word — and the next word belongs to one of the English word's senses (“Memorial services …”: a
      memorial is “a recognition of meritorious service”), is that word."""
    form, term, concept = hit.form, hit.term, hit.concept
    if not form[:1].isupper() or form.isupper():
        return ""
    kind = concept.memos.get(f"written {term}")
    if kind is None:  # (once per term: most capitalised hits are names no dictionary knows)
        if " " in term:
            kind = ""
        elif concept.pos == "proper noun" and concept.case_sensitive:
            kind = "name" if wordnet.senses(fold(term)) else ""
        else:  # ... and an English word capitalised is a title's or a heading's as often as a name's
            # (not where the glossary itself writes the word capitalised in another of the concept's terms: an
            # eponym, “Stolypin carriage”, is capitalised by its writers — “The Stolypin was so full …”)
            kind = "lower" if (term.islower() and concept.pos != "abbreviation" and not concept.case_sensitive
                               and not parts_of_speech(term)
                               and not any(t.text.split(" ")[0] == term.capitalize() for t in concept.terms)) else ""
        concept.memos[f"written {term}"] = kind
    if not kind:
        return ""
    name, lower = kind == "name", kind == "lower"
    before = mask(text[max(0, hit.start - 40):hit.start]).rstrip()
    start = not before or before[-1] in SENTENCE_START
    if lower and not start:
        return f"“{form}” is written as a name (the glossary's “{term}” is lower case)"
    if start and name:
        nxt = WORD_RE.match(mask(text[hit.end:hit.end + 40]).lstrip())
        if not nxt or not nxt.group(0).islower() or any(o.start >= hit.end and o.start < hit.end + 41
                                                         for o in others if o is not hit):
            return ""
        word = nxt.group(0)
        for offset in wordnet.senses(fold(term)):
            sig = signature(offset, "noun")[0]
            if stem(word) in sig:
                gloss = wordnet.definition(offset)
                return (f"at the start of a sentence “{form} {word}” reads as the word “{fold(term)}” ({gloss}), "
                        f"not the name")
    return ""


def _named_nearby(text: str, hit: Hit, senses: tuple[int, ...]) -> tuple[int | None, frozenset]:
    """The sense (and the neighbour's stem) whose own name a word next to ``hit`` is defined by: “the roosters
    start *crowing*” — to crow is “the cry of a cock”, and a cock is the rooster of “adult male chicken”."""
    before, after = words_near(text, hit.start, hit.end)
    # (one-word names only, compared as words, not stems: “police force” is not named by every definition that
    # says “force”, nor a dependency by “depending”)
    own = {base_word(w) for w in WORD_RE.findall(hit.term)}
    # (nor by a common name: “word”, parole's synonym, is what definitions say of words — man is “the generic use
    # of the word …” — as often as of a promise)
    names = {o: frozenset(base_word(lemma) for lemma in wordnet.lemmas(o, "noun")
                          if lemma.isalpha() and wordnet.noun_count(lemma) < RARE) - own
             for o in senses}
    for word in before + after:
        folded = fold(word)
        if folded in STOP or len(folded) < 3 or not folded.isalpha():
            continue
        defined = _defined_by(english_base(folded))
        for o, name in names.items():
            if name & defined:
                return o, frozenset([stem(word)])
    return None, frozenset()


@lru_cache(maxsize=4096)
def _defined_by(lemma: str) -> frozenset:
    """The words (as :func:`base_word` keys them) of every definition of ``lemma`` as a noun and as a verb (not
    its examples)."""
    glosses = [s.gloss.split('"')[0] for pos in ("noun", "verb") for o in wordnet.senses(lemma, pos)
               for s in [wordnet.synset(o, pos)] if s is not None]
    return frozenset(base_word(w) for w in WORD_RE.findall(" ".join(glosses)))


@lru_cache(maxsize=4096)
def _genus(offset: int) -> frozenset:
    """The stem of the first content word of a sense's gloss, the kind of thing it is (parole: “a promise”), past a
    field in parentheses (“(law) a conditional release”)."""
    s = wordnet.synset(offset, "noun")
    gloss = re.sub(r"^\([^)]*\)\s*", "", s.gloss) if s else ""
    first = next((stem(w) for w in WORD_RE.findall(gloss) if fold(w) not in STOP and len(w) >= 3), None)
    return frozenset([first]) if first else frozenset()
