"""Which source variants of the glossary are everyday English and yet count without a sense condition.

A variant with no condition is read as the prison word wherever it occurs, so any everyday use of it (“a single
cell” in biology, “maximum security” for a password, “parole” in Saussure) demands the prison rendering and is a
false alarm. Which variants need a condition is decided by one repeatable rule, not by the last false alarm:

- a variant WordNet 3.0 knows (as itself or by its dictionary form: *roosters* → *rooster*) is everyday when one
  of its senses is glossed without penal vocabulary (*colony*: “a body of people who settle far from home …”);
  *police van* (“van used by police to transport prisoners”) and *penal colony* are not;
- a phrase WordNet does not list is everyday when it is built only of English words and none of them is penal in
  every sense (*strict regime*, *common pot*, *red zone*): its words can mean what they mean anywhere;
  *prison carriage* is not (*prison*'s every sense is a prison's);
- transliterations and acronyms WordNet does not know (*petukh*, *otryad*, *SIZO*) have no other sense here;
  proper nouns and abbreviations are names and are left to the name rules of the check.

A variant counts as conditioned when it or its concept has ``prison_only``, ``context``, ``everyday`` or
``quoted`` (``not_near`` excludes only the senses its keeper listed, so it does not), or the concept a
``not_context``. The rule needs WordNet; without it nothing is reported and :func:`wordnet.missing_note` says why.

An editor who has measured that no condition pays for itself (bench/sense_conditions.py: none removes more false
alarms than twice the real violations it loses) marks the
variant ``reviewed`` with the reason: it is still found, with the reason, but not counted against the glossary.
A marker whose variant now has a condition, or is no longer everyday English, describes nothing: it is
reported (:func:`stale_reviews`) so that it is removed rather than kept as a stale claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.glossary import wordnet
from pipeline.glossary.model import Concept, Glossary, Term
from pipeline.glossary.sense import FUNCTION_WORDS, speaks_of_prison  # (function words: no sense of their own in a phrase)

NAME_POS = frozenset({"proper noun", "abbreviation"})


@dataclass(frozen=True)
class Finding:
    """One variant an editor should give a sense condition, with the dictionary sense that shows why."""

    concept: str
    term: str
    line: int  # the variant's own line (Term.line), the concept's where the reader does not know it
    sense: str
    reviewed: str = ""  # the editor's reason for leaving it so (Term.reviewed)

    def __str__(self) -> str:
        found = f"concept “{self.concept}”: variant “{self.term}” is everyday English without a sense condition"
        if self.reviewed:
            return f"{found} (also: “{self.sense}”); reviewed: {self.reviewed}"
        return f"{found} (also: “{self.sense}”); give it prison_only, context or everyday, or mark it reviewed"


@dataclass(frozen=True)
class StaleReview:
    """A reviewed marker on a variant the lint would not report: its reason no longer describes the glossary."""

    concept: str
    term: str
    line: int
    why: str

    def __str__(self) -> str:
        return (f"concept “{self.concept}”: variant “{self.term}” is marked reviewed but {self.why}: "
                f"remove the marker")


def _forms(word: str) -> list[str]:
    """The word and the dictionary forms an English inflection may hide (WordNet indexes lemmas only)."""
    w = word.lower()
    out = [w]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.append(w[: len(w) - len(suffix)] + repl)
    return out


def _glosses(lemma: str) -> list[str]:
    """Every sense's gloss of ``lemma`` (any part of speech, any inflected form); [] when WordNet lacks it."""
    head, _, last = lemma.lower().rpartition(" ")
    # a phrase is indexed by its dictionary form too (“police vans” → police van); a word's every form counts
    # (“thieves” is a plural of *thief* and the verb *thieve*)
    forms = [f"{head} {f}".strip() for f in _forms(last)] if head else _forms(last)
    for tried in (forms[:1], forms[1:]):  # as written first; its dictionary forms only where WordNet lacks that
        found = [wordnet.synset(o, pos) for form in tried for pos in ("noun", "verb", "adj")
                 for o in wordnet.senses(form, pos)]
        if found:
            break
    return [s.gloss for s in found if s is not None]


def everyday_sense(variant: str) -> str:
    """A dictionary sense of ``variant`` that does not speak of prison (``sense.speaks_of_prison`` by its penal
    words alone: the glossary's ``prison_words`` — cell, camp, zone — are among the very words judged here), ""
    when it has none: a prison-only word or not English."""
    def penal(gloss: str) -> bool:
        return speaks_of_prison(None, gloss)

    glosses = _glosses(variant.replace("-", " ")) or _glosses(variant)
    if glosses:
        return next((g.split(";")[0].strip() for g in glosses if not penal(g)), "")
    words = [w for w in re.split(r"[\s\-]+", variant.lower()) if w and w not in FUNCTION_WORDS]
    if len(words) < 2:
        return ""
    per_word = [_glosses(w) for w in words]
    if not all(per_word) or any(all(penal(g) for g in gs) for gs in per_word):
        return ""
    return "; ".join(f"{w}: {next(g.split(';')[0].strip() for g in gs if not penal(g))}"
                     for w, gs in zip(words, per_word))


def conditioned(concept: Concept, term: Term) -> bool:
    """Whether a sense condition limits where ``term`` counts (``not_near`` alone does not: see the module)."""
    return bool(concept.prison_only or concept.context or concept.not_context or concept.everyday
                or term.prison_only or term.context or term.everyday or term.quoted)


def _conditions(concept: Concept, term: Term) -> str:
    """The conditions that limit ``term``, as the glossary writes them."""
    names = [n for n, on in (("prison_only", concept.prison_only or term.prison_only),
                             ("context", concept.context or term.context), ("not_context", concept.not_context),
                             ("everyday", concept.everyday or term.everyday), ("quoted", term.quoted)) if on]
    return ", ".join(names)


def unconditioned_everyday(glossary: Glossary) -> list[Finding]:
    """Every English variant read as a prison word everywhere although it has an everyday sense, reviewed ones
    with their reason (``Finding.reviewed``)."""
    if wordnet.folder() is None:
        return []
    out: list[Finding] = []
    for concept in glossary.concepts:
        if concept.pos in NAME_POS:
            continue
        for term in concept.terms:
            if conditioned(concept, term):
                continue
            sense = everyday_sense(term.text)
            if sense:
                out.append(Finding(concept.id, term.text, term.line or concept.line, sense, term.reviewed))
    return out


def stale_reviews(glossary: Glossary) -> list[StaleReview]:
    """Every reviewed marker on a variant the lint does not report: one with a sense condition now (its reason,
    that no condition pays for itself, is contradicted), a name, or one that is not everyday English."""
    if wordnet.folder() is None:
        return []
    out: list[StaleReview] = []
    for concept in glossary.concepts:
        for term in concept.terms:
            if not term.reviewed:
                continue
            why = (f"has a sense condition ({_conditions(concept, term)})" if conditioned(concept, term)
                   else f"its concept is a {concept.pos}, left to the name rules" if concept.pos in NAME_POS
                   else "WordNet knows no everyday sense of it" if not everyday_sense(term.text) else "")
            if why:
                out.append(StaleReview(concept.id, term.text, term.line or concept.line, why))
    return out
