"""Which glossary hits mean the glossary's sense: conditions on the source, negation and quotation.

- Source conditions (``prison_only``, ``context``, ``not_context`` on a concept or one term): a parcel of
  documents, the statesman Stolypin, muzhiki in a novel are not the prison words and demand no translation.
- Overlaps in the translation: ``glossary/overlap.py``.
- Negation and quotation that mirror the source: a forbidden word the translation negates where the source
  negates too ("are not peasants"), or quotes where the source quotes a word that is not the concept's term
  (the source itself quotes a slur), is a warning, not an error.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.excluded_place import excluded_place
from pipeline.glossary.negation import negated_as_source
from pipeline.glossary.match import WORD_RE, Hit, english_base, fold, mask, word_keys
from pipeline.glossary.model import Concept, Glossary, Term

QUOTE_SPAN_RE = re.compile(r"“[^”“]*”|„[^“”„]*[“”]|«[^»«]*»|‹[^›‹]*›|\"[^\"]*\"|‘[^’‘]*’|‚[^‘’‚]*[‘’]")
# Straight single quotes as an English source writes them (“a 'godfather'”): not an apostrophe (prisoners',
# don't), so opened before a letter after no letter, closed after one before none.
_ASCII_SINGLE_QUOTED = re.compile(r"(?<!\w)'(?=\w)[^'\n]{1,60}(?<=\w)'(?!\w)")
OPENING = "\"“„«‹‘‚"
CLOSING = "\"”“»›’‘"
SPACES = " \u00a0\u202f\u2009"
NO_PRISON = "not about prison here"  # why_not's reason where only a prison context is wanting (glossary/balance.py)


def _term(concept: Concept, text: str) -> Term | None:
    return next((t for t in concept.terms if t.text == text), None)


def term_of(hit: Hit) -> Term | None:
    """The glossary term (with its own flags) a source hit matched."""
    return _term(hit.concept, hit.term)


def conditional(hit: Hit) -> bool:
    """Whether a source hit counts only under a sense condition."""
    c = hit.concept
    found = c.conditional_terms
    if found is None:  # the concept's conditional variants, worked out once
        whole = c.prison_only or bool(c.context) or bool(c.not_context)
        found = c.conditional_terms = frozenset(t.text for t in c.terms if whole or t.prison_only or t.context)
    return hit.term in found


@lru_cache(maxsize=4096)
def _phrase_keys(phrase: str, lang: str) -> tuple[frozenset, ...]:
    return tuple(word_keys(m.group(0), lang) for m in WORD_RE.finditer(phrase))


# An ordinal says which one (the *fourth* detachment), not what kind; WordNet knows some as nouns (a fourth).
ORDINAL_RE = re.compile(r"first|second|third|\d+(?:st|nd|rd|th)|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf"
                        r"|[a-z]+teen|[a-z]+tie|hundred)th", re.I)
# English closed-class words: never a sign of what a text is about.
FUNCTION_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
out over own same she should so some such than that the their them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your also
often one two three per s""".split())
# Words no adjective modifies, which end a noun phrase as punctuation does: prepositions, conjunctions, auxiliaries.
CLOSERS = frozenset("in into on at by for from with of to after before during under over through until against "
                    "between about and or but nor because if while is are was were has have had will would".split())
# Common words of news prose, about the state and the calendar rather than prison: left out of the weak prison
# cues although the glossary's definitions use them ("the court", "a year", "the police", "used").
GENERAL_WORDS = frozenset(_w for _w in """
time year day week month first last new old keep use used run name form order decide away especially common
person people world state law legal court police political security service federal russia russian moscow
official public general right human often inside outside place put call say known""".split())


@lru_cache(maxsize=65536)
def base_word(word: str) -> str:
    """A source word as the prison and concept vocabularies hold it: folded, its English inflection taken off."""
    return english_base(fold(word))


def _words(text: str) -> set[str]:
    return {base_word(m.group(0)) for m in WORD_RE.finditer(text)}


def prison_vocabulary(glossary: Glossary) -> tuple[frozenset, frozenset]:
    """(strong, weak) prison cues of the source language, derived once per glossary.

    Strong: the editor's ``prison_words``. Weak: the content words the definitions of at least two of the
    glossary's common-noun concepts use (colony, section, barracks, hierarchy, punishment, work …), less common
    news words (court, police, year): one of them proves nothing, two in one message make it about prison.
    """
    found = glossary.prison_vocabulary
    if found is None:
        seen: dict[str, int] = {}
        general = {base_word(w) for w in FUNCTION_WORDS | GENERAL_WORDS}
        for c in glossary.concepts:
            if c.pos == "proper noun":
                continue  # an organisation's or a person's entry describes them, not the prison world
            for w in _words(c.definition):
                seen[w] = seen.get(w, 0) + 1
        strong = frozenset(base_word(w) for p in glossary.prison_words for w in p.split())
        weak = frozenset(w for w, n in seen.items()
                         if n >= 2 and w not in general and len(w) >= 4 and not w.isdigit()) - strong
        found = glossary.prison_vocabulary = (strong, weak)
    return found


# Stems of the words dictionary definitions use for the penal sense, whatever a glossary's own prison_words
# (imprisonment, detained, convicts, correctional, punished …).
PENAL_RE = re.compile(r"prison|jail|gaol|penal(?!t)|penitentiar|convict(?!ion)|detain|detention|custod|"
                      r"correctional|inmate|criminal|punish|incarcerat", re.I)


def speaks_of_prison(glossary: Glossary | None, definition: str, own: frozenset | set = frozenset(),
                     extra: frozenset = frozenset()) -> bool:
    """Whether a dictionary ``definition`` speaks of prison: one of its words other than ``own`` (the defined
    phrase's own words: a *prison cell*'s “prisoner”, not its “cell”) is penal (``PENAL_RE``), one of the
    glossary's ``prison_words``, or one of ``extra`` (words as :func:`base_word` keys them: the law's, for a
    sentence's field). The lint, compound nouns and the sentence's field all ask this one question."""
    words, penal = _definition_words(definition)
    if penal - own:
        return True
    strong = (_defining_words(glossary) | extra) if glossary is not None else extra
    return bool(strong and (words - own) & strong)


@lru_cache(maxsize=16384)
def _definition_words(definition: str) -> tuple[frozenset, frozenset]:
    """A definition's words as :func:`base_word` keys them, and those of them that are penal (``PENAL_RE``)."""
    words = {m.group(0): base_word(m.group(0)) for m in WORD_RE.finditer(definition)}
    return frozenset(words.values()), frozenset(b for w, b in words.items() if PENAL_RE.search(w))


def _defining_words(glossary: Glossary) -> frozenset:
    """The glossary's one-word ``prison_words`` (a phrase's parts — *visiting room*'s room — say nothing alone)."""
    return frozenset(base_word(w) for w in glossary.prison_words if " " not in w.strip())


def says_prison(glossary: Glossary, concept: Concept) -> bool:
    """Whether a hit of ``concept`` next to a word says prison there: a common noun of the glossary does, a name
    never (Elena Gorban pays visits to prisons and offices alike), and an organisation's abbreviation only where
    its definition names prison (FSIN, “the federal prison service”; not the FSB, “the security service”, whose
    archive is an archive)."""
    if concept.pos == "proper noun":
        return False
    if concept.pos != "abbreviation":
        return True
    strong, _weak = prison_vocabulary(glossary)
    return bool(_words(concept.definition) & strong)


_PAIR_RE = re.compile(r"([^\W\d_]+)[ -]([^\W\d_]+)")


def compound_noun(glossary: Glossary, first: str, second: str) -> str:
    """“first second” when WordNet lists it as a compound noun none of whose senses speaks of prison (a *mast
    cell*, a *summer camp*, a *boot camp*: things of their own), else "" (a *prison cell*, a *penal colony* are
    prison's: “a room where a prisoner is kept”)."""
    lemma, definitions = _listed(first, second)
    if not lemma:
        return ""
    own = {base_word(w) for w in lemma.split()}
    return "" if any(speaks_of_prison(glossary, d, own) for d in definitions) else lemma


@lru_cache(maxsize=16384)
def _listed(first: str, second: str) -> tuple[str, tuple[str, ...]]:
    """The compound noun WordNet lists for two words (the second also as its singular) and its senses'
    definitions; ("", ()) when there is none (remembered: most neighbours of a term make none)."""
    from pipeline.glossary import wordnet  # (read only where a prison word or a term has a neighbour)

    a, b = fold(first), fold(second)
    for lemma in dict.fromkeys((f"{a} {b}", f"{a} {english_base(b)}")):
        found = wordnet.senses(lemma)
        if found:
            return lemma, tuple(wordnet.definition(o) for o in found)
    return "", ()


def without_compounds(glossary: Glossary, text: str, words: set[str]) -> str:
    """``text`` with every one of ``words`` (prison words, as :func:`base_word` keys them) that is part of a
    compound noun of another thing (:func:`compound_noun`: “summer camp”, “boot camp”) blanked: no prison cue."""
    out = text
    for m in _PAIR_RE.finditer(text):
        for pair in (m, _PAIR_RE.match(text, m.start(2))):
            if pair and ((base_word(pair.group(1)) in words or base_word(pair.group(2)) in words)
                         and compound_noun(glossary, pair.group(1), pair.group(2))):
                out = out[:pair.start()] + " " * (pair.end() - pair.start()) + out[pair.end():]
    return out


def own_vocabulary(concept: Concept) -> frozenset:
    """The words a concept's own definition, notes and terms use (food, clothes, relatives for a parcel)."""
    found = concept.own_vocabulary
    if found is None:
        text = " ".join([concept.definition, concept.translator_note, concept.source_reader_note,
                         *(t.text for t in concept.terms)])
        found = concept.own_vocabulary = frozenset(_words(text) - FUNCTION_WORDS)
    return found


class SourceSense:
    """Sense conditions evaluated against one source message (its words are keyed once, on demand)."""

    def __init__(self, glossary: Glossary, text: str, hits: list[Hit]):
        self.glossary = glossary
        self.lang = glossary.source_language
        self.text = text
        self.hits = hits
        self._keys: set | None = None
        self._prison: bool | None = None

    def _has(self, phrase: str) -> bool:
        if self._keys is None:
            self._keys = set()
            for m in WORD_RE.finditer(mask(self.text)):
                self._keys |= word_keys(m.group(0), self.lang)
        keys = _phrase_keys(phrase, self.lang)
        return bool(keys) and all(k & self._keys for k in keys)

    def prison(self) -> bool:
        """A prison context: a strong cue (a hit of a concept without conditions, a word of ``prison_words``,
        hits of two different conditional concepts) or two weak ones (words the glossary's definitions use
        for several concepts: “the muzhiks in his section worked”)."""
        if self._prison is None:
            self._prison = self._prison_cues()
        return self._prison

    def _prison_cues(self) -> bool:
        if any(not conditional(h) for h in self.hits):
            return True
        if len({h.concept.id for h in self.hits}) >= 2:
            return True  # two prison senses at once (muzhiks in his detachment, a parcel and a long visit)
        strong, weak = prison_vocabulary(self.glossary)
        masked = mask(self.text)
        words = {base_word(m.group(0)) for m in WORD_RE.finditer(masked)}
        if words & strong:  # (not inside a compound noun of another thing: “summer camp”, “boot camp”)
            words = {base_word(m.group(0)) for m in WORD_RE.finditer(without_compounds(self.glossary, masked,
                                                                                        words & strong))}
        if words & strong and any(self._has(w) for w in self.glossary.prison_words):
            return True  # (a phrase of prison_words needs all its words, in any order)
        own = {base_word(w) for h in self.hits for w in h.term.split()}
        return len((words - own) & weak) >= 2

    def _of_complement(self, hit: Hit) -> str:
        """“of … ” and the head of an “of” phrase foreign to the concept and to prison (a parcel of land), else "";
        *across*, *through* too where the definition says what the thing is of and it is an act (a search across all
        projects: :func:`_an_act`). No
        -ing modifier is read: this verdict silences a finding, and a search of the *sleeping* quarters is the guards'."""
        m = _COMPLEMENT_RE.match(self.text, hit.end)
        if not m or m.group(1).lower() != "of" and not (_of_defined(hit.concept, hit.term) and _an_act(hit.term)):
            return ""
        from pipeline.glossary.phrase import known_words, phrase_noun  # (phrase.py builds on this module)
        noun = phrase_noun(self.text, m.end(), self.hits, known_words(self.glossary, hit.concept), gerunds=False)
        return noun and f"{m.group(1).lower()} … {noun}"

    def why_not(self, hit: Hit) -> tuple[str, bool]:
        """Why ``hit`` is not the glossary's sense here ("" when it is), and whether that is only for want
        of a prison context (weak: a translation that uses the concept's approved term settles it)."""
        c = hit.concept
        t = _term(c, hit.term)
        bad = next((w for w in c.not_context if self._has(w)), None)
        if bad:
            return f"“{bad}” in the text marks another sense", False
        context = [*c.context, *(t.context if t else [])]
        if context and not any(self._has(w) for w in context):
            return f"none of {', '.join(f'“{w}”' for w in context[:4])} in the text", False
        if c.prison_only or (t and t.prison_only):
            place = excluded_place(self.text, hit)
            if place:
                return f"“{hit.form} {place}” is another event, as the glossary's exclusions say", False
            noun = self._of_complement(hit)
            if noun:
                # Weak even in a prison context: a parcel of books handed in at the SIZO is still a parcel. Not where
                # the definition says what its thing is of: a search of a flat is another event, whatever the article.
                return f"“{hit.form} {noun}” is another sense", not _of_defined(c, hit.term)
            if not self.prison():
                return NO_PRISON, True
        return "", False


def _of_defined(concept: Concept, term: str) -> bool:
    """Whether the concept's definition puts an “of” phrase after the term's head word (“the *search of* a cell,
    barracks or a prisoner”, “the *common fund of* the criminal world”): it says what the thing is of."""
    def make() -> bool:
        head = base_word(term.split()[-1])
        return f" {head} of " in f" {' '.join(fold(concept.definition).split())} "
    return concept.remembered(f"of defined {term}", make)


def _an_act(term: str) -> bool:
    """Whether a term's head noun names an act (WordNet's first noun sense in noun.act, noun.event or
    noun.process), so that *across* or *through* after it may be its own complement: a search *across* all
    projects. After a thing's name they go with the verb: “send the next parcel *through* a friend” says how it
    is sent, not what parcel it is (a parcel is a wrapped container, noun.artifact). True where WordNet does not
    know the word or is not installed, as before."""
    from pipeline.glossary.arguments import noun_class  # (arguments.py builds on this module; WordNet is read
    # only where such a phrase follows a term)

    return noun_class(term.rsplit(" ", 1)[-1].lower()) in _ACT_CLASSES


_ACT_CLASSES = frozenset({"", "act", "event", "process"})  # "": WordNet does not know the word (or is not installed)
_COMPLEMENT_RE = re.compile(r" (of|across|through) ", re.I)
BY_RE = re.compile(r"\bby (?:the |a |an )?([a-z]+)")


def another_doer(glossary: Glossary, concept: Concept, word: str) -> bool:
    """Whether a possessor ``word`` is someone other than the concept's definition says does or undergoes its thing:
    where the definition names who does it (“the search of a cell, barracks or a prisoner *by guards*”: a person or a
    group of WordNet's), the owner of the thing is the doer or the one it is done to, and a person or a group foreign
    to the concept's own words and to the prison's (“Mum's search”, “the family's search”) did something else."""
    from pipeline.glossary import wordnet

    def someone(lemma: str) -> bool:
        found = wordnet.senses(lemma)
        return wordnet.names_a_person(lemma) or bool(found) and wordnet.lexfile(found[0]) == wordnet.GROUP
    b = base_word(word)
    if b in own_vocabulary(concept) or b in prison_vocabulary(glossary)[0] or not concept.remembered(
            "doer defined", lambda: any(someone(base_word(w)) for w in BY_RE.findall(concept.definition))):
        return False
    return someone(b)


def in_quotes(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(SPACES)[-1:]
    after = text[end:].lstrip(SPACES)[:1]
    return bool(before and before in OPENING) or bool(after and after in CLOSING and after not in "’'")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTE_SPAN_RE.finditer(text)]


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < start and end < b for a, b in spans)


def cited(src: str, hit: Hit, dst: str) -> bool:
    """The source quotes ``hit``'s very words (a misspelling in a letter: “Miftahov”) and the translation quotes
    them unchanged, or spelt the way its language transliterates them (“kozly”, „Kosly“): a citation, not a
    translation."""
    if not within(quoted_spans(src), hit.start, hit.end):
        return False
    form = hit.form.strip()
    return any(_spelt_alike(dst[a + 1:b - 1].strip(SPACES), form) for a, b in quoted_spans(dst))


# How alike two spellings of one word must be (rapidfuzz's ratio, the project's measure of similar text as in
# catalog/fuzzy.py: 2 × letters in common, in order / both lengths): a transliteration changes a letter or two of
# a short word (kozly, Kosly: 80), a translation most of them (activists, militants: 44).
SPELT_ALIKE = 80


def _spelt_alike(quoted: str, form: str) -> bool:
    if quoted == form:
        return True
    a, b = fold(quoted), fold(form)
    if len(b) < 4 or " " in b or " " in a or a[:1] != b[:1]:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= SPELT_ALIKE


def mirrored(src: str, src_hits: list[Hit], dst: str, hit: Hit, lang: str) -> str:
    """Why a forbidden ``hit`` in ``dst`` only mirrors the source ("" when it does not)."""
    if in_quotes(dst, hit.start, hit.end) or within(quoted_spans(dst), hit.start, hit.end):
        own = [h for h in src_hits if h.concept.id == hit.concept.id]
        if any(fold(h.form) == fold(hit.form) and cited(src, h, dst) for h in own):
            return "quoted as the source quotes it"
        for rx in (QUOTE_SPAN_RE, _ASCII_SINGLE_QUOTED):
            for m in rx.finditer(src):
                if not any(m.start() <= h.start and h.end <= m.end() for h in own):
                    return "quoted, as the source quotes another word"
    if negated_as_source(src, src_hits, dst, hit, lang):
        return "negated, as in the source"
    if _ANSWERED_NO.search(src) and (no := ANSWER_NO.get(lang[:2])) and _answered_no(dst, hit.end, no):
        return "asked and answered “no”, as in the source"
    return ""


# A yes-no question answered “No” denies what it asks (“Is the overseer a guard? No: …”): each language's word for
# the answer, after the question mark that ends the hit's sentence.
ANSWER_NO = {"ru": "нет", "uk": "ні", "de": "nein", "fr": "non", "es": "no", "it": "no", "en": "no"}
_ANSWERED_NO = re.compile(r"\?[\s\"”»’)\]]*[-–—]?\s*No\b", re.I)
_SENTENCE_END = re.compile(r"[.!?;]")


def _answered_no(text: str, end: int, no: str) -> bool:
    """Whether the sentence of ``text`` that holds ``end`` is a question answered by the word ``no`` next."""
    m = _SENTENCE_END.search(text, end)
    if m is None or m.group(0) != "?":
        return False
    after = WORD_RE.search(text, m.end())
    return (after is not None and fold(after.group(0)) == no
            and not WORD_RE.search(mask(text[m.end():after.start()])))
