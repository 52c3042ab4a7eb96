"""What an occurrence of an everyday-ambiguous glossary word is told by: interpretable features of its sentence.

A source variant with an everyday English sense (the lint's criterion, glossary/lint.py: *colony*, *parole*,
*transfer*, *rooster*, *care package*) is read by the check's hand rules (its phrase, its neighbourhood, the
sentence's topic and field); what they leave, a learnt decision reads (glossary/learnt_sense.py) from general
features of the sentence, each named so that a finding can say which evidence weighed:

- the glossary's own cues: other concepts used in the glossary's sense, ``prison_words``, the words the
  glossary's definitions share, a prison cue next to the term, the balance rule's verdict;
- how many of the sentence's nouns belong to the glossary's field (the words it writes, and nouns WordNet defines
  by penal words);
- Lesk's overlap of the sentence with the glossary's sense and with the word's best other sense;
- the term's grammar: plural, capitalised inside a sentence, quoted, after a possessive or an indefinite article,
  a verb;
- a lexicon learnt from the labelled sentences: how strongly the sentence's words belong to prison prose rather
  than to the everyday sentences, on average (the model file carries it);
- the message's article (glossary/document.py): the share of its messages that say prison, the concepts without
  an everyday sense it uses, the lexicon's lean over all its words — a sentence alone is its own article.
- the term's own arguments as WordNet classes (glossary/arguments.py: the noun it modifies or is modified by, a
  verb term's object, the head of the phrase after it), by a lean per class the model file keeps beside the
  lexicon (fifteenth session).

WordNet's lexicographer classes of the sentence's nouns and of the nouns next to the term (the share of animals,
foods, possessions …) were tried as features too and left out: measured leave-one-set-out they made the model fit
its training sets (AUC 0.88 → 0.82, and prison sentences with a violation scored as everyday at 0.98).

The features are source-side only and computed once per (message, concept, article).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.glossary import wordnet
from pipeline.glossary.arguments import argument_classes
from pipeline.glossary.domain import word_senses, domain_words
from pipeline.glossary.lint import NAME_POS, everyday_sense
from pipeline.glossary.match import WORD_RE, Hit, blanked, fold
from pipeline.glossary.model import Glossary
from pipeline.glossary.neighbourhood import words_near, prison_near
from pipeline.glossary.sense import base_word, prison_vocabulary, speaks_of_prison, without_compounds
from pipeline.glossary.topic import (
    STOP, glossary_side, content_stems, message_words, other_senses, own_stems, shown_words, signature, stem,
)

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.document import Summary

POSSESSIVES = frozenset("my his her their our your its".split())
NAMES = ["other concepts", "prison words", "definition words", "prison next to it", "balance", "field nouns",
         "penal nouns", "nouns", "lesk glossary", "lesk other", "plural", "capitalised", "quoted", "possessive",
         "indefinite", "verb", "lexicon", "article prison", "article concepts", "article lexicon",
         "no prison context", "arguments"]
INDEX = {n: i for i, n in enumerate(NAMES)}


def ambiguous(glossary: Glossary, hit: Hit) -> bool:
    """Whether ``hit``'s variant has an everyday English sense (the lint's criterion; names and abbreviations are
    the name rules'), worked out once per variant."""
    if hit.concept.pos in NAME_POS:
        return False
    # (one dict per concept keyed by the variant: asked of every hit of every message and translation, a key
    # string built per call cost more than the answer)
    memo = hit.concept.memos.get("ambiguous")
    if memo is None:
        memo = hit.concept.memos["ambiguous"] = {}
    found = memo.get(hit.term)
    if found is None:
        found = memo[hit.term] = bool(everyday_sense(hit.term))
    return found


def variant_key(hit: Hit) -> str:
    """A variant as a model file's learnt ambiguity names it: its concept and its words' bases (“police vans” of
    avtozak: ``avtozak|police van``), worked out once per variant."""
    memo = hit.concept.memos.get("variant key")
    if memo is None:
        memo = hit.concept.memos["variant key"] = {}
    found = memo.get(hit.term)
    if found is None:
        found = memo[hit.term] = hit.concept.id + "|" + " ".join(base_word(w) for w in hit.term.split())
    return found


def asked(glossary: Glossary, hit: Hit, learnt: frozenset[str] | None) -> bool:
    """Whether the learnt decision reads ``hit``: its variant has an everyday English sense (:func:`ambiguous`), or
    the labelled sentences show it in an everyday sense that WordNet does not know or glosses with prison words
    (police vans at a stadium, settlers' Stolypin cars, muzhiki as peasants): ``learnt``, the model file's
    ``ambiguous`` (bench/sense_fit.py learns it from the training sets). ``learnt`` None: every variant but names'
    (what the trainer reads, to learn it)."""
    # (one answer per variant and learnt set, kept on the concept: asked of every hit of every message)
    memo = hit.concept.memos.get("asked")
    if memo is None or memo[0] is not learnt:
        memo = hit.concept.memos["asked"] = (learnt, {})
    answers: dict[str, bool] = memo[1]
    found = answers.get(hit.term)
    if found is None:
        found = answers[hit.term] = ambiguous(glossary, hit) or (
            hit.concept.pos not in NAME_POS if learnt is None else bool(learnt) and variant_key(hit) in learnt)
    return found


@lru_cache(maxsize=16384)
def is_noun(word: str) -> bool:
    """Whether WordNet knows a lower-case word as a noun."""
    return bool(word_senses(word))


@lru_cache(maxsize=16384)
def penal(word: str) -> bool:
    """Whether one of a word's first two senses (noun or verb) is glossed with penal words (an inmate, to jail)."""
    for pos in ("noun", "verb"):
        for o in word_senses(word, pos)[:2]:
            s = wordnet.synset(o, pos)
            if s and speaks_of_prison(None, s.gloss.split('"')[0]):
                return True
    return False


def nouns_of(text: str) -> list[str]:
    """The common nouns of ``text`` (lower-case words WordNet knows as nouns, less function and gloss words)."""
    return [w for w in WORD_RE.findall(text) if w[:1].islower() and len(w) >= 3 and fold(w) not in STOP
            and is_noun(fold(w))]


def prison_words(glossary: Glossary, masked: str, found: set[str]) -> list[str]:
    """The ``prison_words`` a message says (``found``: its words that are in them), as topic.prison_elsewhere reads
    them: not inside a compound noun of another thing (a *point guard*, a *summer camp*), and a phrase only with all
    its words (*visiting room*; a *room* alone is no prison)."""
    if not found:
        return []
    words = {base_word(w) for w in WORD_RE.findall(without_compounds(glossary, masked, found))}
    return [p for p in glossary.prison_words if all(base_word(w) in words for w in p.split())]


def as_written(text: str, every: list[Hit], stems: list[str]) -> list[str]:
    """The words of ``text`` (outside its glossary terms ``every``) that the lexicon's ``stems`` key."""
    return shown_words(blanked(text, every), frozenset(stems))


def lexicon_words(glossary: Glossary, text: str, every: list[Hit]) -> list[str]:
    """The stems the learnt lexicon is keyed by: the content words of the message outside its glossary terms."""
    return sorted(content_stems(blanked(text, every)))


# What range each feature's value keeps (as :func:`features` computes it), so that a model can bound what the
# features not yet computed may still add (learnt_sense.Model.reachable).
RANGES = {"other concepts": (0, 3), "prison words": (0, 3), "definition words": (0, 2), "field nouns": (0, 1),
          "penal nouns": (0, 2), "nouns": (0, 2), "lesk glossary": (0, 2), "lesk other": (0, 2), "lexicon": (-3, 3),
          "arguments": (-3, 3),
          "article prison": (0, 1), "article concepts": (0, 3), "article lexicon": (-3, 3)}
# The order features are computed in, cheapest first; after each stage the caller may stop. (The article's are
# read once per article: in the first.)
STAGES = (("other concepts", "no prison context", "balance", "plural", "capitalised", "quoted", "possessive",
           "indefinite", "verb", "article prison", "article concepts", "article lexicon"),
          ("lexicon",), ("arguments",), ("lesk glossary", "lesk other", "prison words", "definition words"),
          ("field nouns", "penal nouns", "nouns"), ("prison next to it",))


def features(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], others: int, fit: bool,
             lexicon: dict[str, float], reachable=None, weak: bool = False, article: Summary | None = None,
             state: dict | None = None) -> tuple[list[float], dict[str, list[str]]] | None:
    """The feature vector (in :data:`NAMES` order) of a concept's occurrences ``hits`` in ``text``, and per
    feature the words that gave it (for a finding's evidence). ``every``: all the message's hits; ``others``: how
    many other concepts it uses in the glossary's sense; ``fit``: whether the balance rule found the sentence fits
    the glossary's sense; ``weak``: the hits are a prison-only word that the sentence gives no prison context
    (kept out for that alone); ``article``: the summary of the message's document (glossary/document.py; the
    message alone when None). ``reachable(x, stage)``: asked after each of :data:`STAGES` with the stages done so
    far; where it says no, None (the rest is not worth reading). ``state``: what an earlier call for the same
    message, concept and lexicon read, resumed here (a message's stages are read once, its article's values per
    article: boilerplate recurs in every article)."""
    if state is None:
        state = {}
    if not state:
        state["x"], state["words"], state["done"] = _grammar(hits, text, others, fit, weak), {}, 1
    doc = article if article is not None else _alone(glossary, text)
    x = with_article(state["x"], doc, lexicon)
    for k in range(1, len(STAGES)):
        if reachable and not reachable(x, k):
            return None
        if state["done"] == k:
            _READERS[k - 1](glossary, text, hits, every, lexicon, state["x"], state["words"])
            state["done"] = k + 1
            x = with_article(state["x"], doc, lexicon)
    return x, dict(state["words"])


def _grammar(hits: list[Hit], text: str, others: int, fit: bool, weak: bool) -> list[float]:
    """The first stage's own features (the article's are added per article): the term's grammar, the message's
    other concepts, the balance rule's verdict."""
    x = [0.0] * len(NAMES)
    h = hits[0]
    form = h.form
    before = words_near(text, h.start, h.end)[0]
    x[INDEX["other concepts"]] = min(others, 3)
    x[INDEX["balance"]] = float(fit)
    x[INDEX["no prison context"]] = float(weak)
    x[INDEX["plural"]] = float(fold(form) != fold(h.term) and fold(form).endswith("s"))
    x[INDEX["capitalised"]] = float(form[:1].isupper() and h.start > 0 and text[:h.start].rstrip()[-1:] not in ".!?\"“«")
    x[INDEX["quoted"]] = float(text[max(0, h.start - 1):h.start] in ("\"", "“", "'", "‘", "«")
                               or text[h.end:h.end + 1] in ("\"", "”", "'", "’", "»"))
    x[INDEX["possessive"]] = float(bool(before) and fold(before[-1]) in POSSESSIVES)
    x[INDEX["indefinite"]] = float(bool(before) and fold(before[-1]) in ("a", "an"))
    x[INDEX["verb"]] = float(h.concept.pos == "verb" or fold(form).endswith("ed"))
    return x


def _words_of(text: str, every: list[Hit], h: Hit) -> tuple[str, frozenset]:
    masked, stems = message_words(text, every)  # (each word's stem remembered: topic.content_stem)
    return masked, stems - own_stems(h)


def _lexicon(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], lexicon: dict[str, float],
             x: list[float], words: dict[str, list[str]]) -> None:
    if lexicon:
        found = [(lexicon[s], s) for s in _words_of(text, every, hits[0])[1] if s in lexicon]
        x[INDEX["lexicon"]] = sum(v for v, _s in found) / len(found) if found else 0.0
        # (the words that lean most to everyday prose, as the sentence writes them: shown only with a question)
        words["lexicon"] = [s for v, s in sorted(found) if v < 0][:3]


def _lesk(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], lexicon: dict[str, float],
          x: list[float], words: dict[str, list[str]]) -> None:
    h = hits[0]
    masked, stems = _words_of(text, every, h)
    ours_side = stems & glossary_side(glossary, h.concept)
    x[INDEX["lesk glossary"]] = min(len(ours_side), 4) / 2
    words["lesk glossary"] = sorted(ours_side)
    best: frozenset = frozenset()
    for o in other_senses(glossary, h):
        shared_other = stems & signature(o, "noun")[0]
        if len(shared_other) > len(best):
            best = shared_other
    x[INDEX["lesk other"]] = min(len(best), 4) / 2
    words["lesk other"] = sorted(best)
    tokens = WORD_RE.findall(masked)
    strong, defining = prison_vocabulary(glossary)
    bases = [base_word(w) for w in tokens]
    said = prison_words(glossary, masked, set(bases) & strong)
    x[INDEX["prison words"]] = min(len(said), 3)
    words["prison words"] = said
    shared = [w for w, b in zip(tokens, bases) if b in defining]
    x[INDEX["definition words"]] = min(len(shared), 4) / 2
    words["definition words"] = shared


def _nouns(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], lexicon: dict[str, float],
           x: list[float], words: dict[str, list[str]]) -> None:
    nouns = nouns_of(message_words(text, every)[0])
    if nouns:
        ours = domain_words(glossary)
        field = [w for w in nouns if stem(w) in ours]
        x[INDEX["field nouns"]] = len(field) / len(nouns)
        words["field nouns"] = field
        pen = [w for w in nouns if penal(fold(w))]
        x[INDEX["penal nouns"]] = min(len(pen), 2)
        words["penal nouns"] = pen
        x[INDEX["nouns"]] = min(len(nouns), 8) / 4


def _near(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], lexicon: dict[str, float],
          x: list[float], words: dict[str, list[str]]) -> None:
    near = [prison_near(glossary, text, o, every) for o in hits]
    x[INDEX["prison next to it"]] = float(any(near))
    words["prison next to it"] = [w for w in near if w]


def _arguments(glossary: Glossary, text: str, hits: list[Hit], every: list[Hit], lexicon: dict[str, float],
               x: list[float], words: dict[str, list[str]]) -> None:
    h = hits[0]
    keys = argument_classes(glossary, text, h, every, h.concept.pos == "verb" or fold(h.form).endswith("ed"))
    words["argument classes"] = keys  # (all of them: what the trainer's table counts)
    words["arguments"] = [k for k in keys if lexicon.get(ARGUMENT + k, 0) < 0]  # (shown: those of everyday prose)
    x[INDEX["arguments"]] = argument_lean(keys, lexicon, h.concept.id)


def argument_lean(keys: list[str], lexicon: dict[str, float], concept: str = "") -> float:
    """The mean lean, over the relations, of a term's argument classes (glossary/arguments.py) in the model's
    table, which the model file keeps beside its lexicon (each class under ``ARGUMENT`` + its key: no stem has a
    space); 0 for none. Per relation the most specific key the table knows: the concept's own lean of the class
    (``concept|rel:class``), then the class pooled over concepts; a hypernym key (``rel:@…``) before its class."""
    best: dict[str, tuple[int, float]] = {}
    for k in keys:
        rel = k.split(":", 1)[0]
        specific = int(k.startswith(rel + ":@"))  # (a hypernym is more specific than its lexicographer file)
        for rank, key in ((specific + 2, f"{ARGUMENT}{concept}|{k}"), (specific, ARGUMENT + k)):
            v = lexicon.get(key) if concept or rank < 2 else None
            if v is not None and rank > best.get(rel, (-1, 0.0))[0]:
                best[rel] = (rank, v)
    return sum(v for _r, v in best.values()) / len(best) if best else 0.0


ARGUMENT = "argument "
_READERS = (_lexicon, _arguments, _lesk, _nouns, _near)  # STAGES[1:], in order


def _alone(glossary: Glossary, text: str) -> Summary:
    from pipeline.glossary.document import summary  # (the document is read with this module's helpers)

    return summary(glossary, None, text)


def with_article(x: list[float], doc: Summary, lexicon: dict[str, float]) -> list[float]:
    """``x`` with the article's features of the document summary ``doc`` (glossary/document.py)."""
    x = list(x)
    x[INDEX["article prison"]] = doc.prison_share
    x[INDEX["article concepts"]] = min(len(doc.concepts), 3)
    x[INDEX["article lexicon"]] = doc.lean(lexicon)[0] if lexicon else 0.0
    return x


def describe(name: str, words: list[str], above: bool, toward_prison: bool = False) -> str:
    """A feature as an editor reads it: ``above`` its usual value (with the words that gave it) or below it; ""
    for a feature that says nothing shown alone (the term's grammar). ``toward_prison``: as evidence for the
    glossary's sense (only the article's features and the sentence's prison cues say so)."""
    said = ", ".join(f"“{w}”" for w in dict.fromkeys(words[:3]))
    said = f" ({said})" if said else ""
    if toward_prison:
        return {"article prison": "many of the article's messages say prison", "article concepts": "the article "
                "uses concepts that are only prison's", "article lexicon": "the article's words lean to prison "
                "prose", "lexicon": "its words lean to prison prose"}.get(name, "") if above else ""
    if name == "lexicon":
        return "" if above else f"its words lean to everyday prose{said}"
    if name == "arguments":  # (its words are the classes: relation:class, or money)
        kinds = ", ".join(f"“{k.split(':')[-1]}”" for k in dict.fromkeys(words[:3]))
        return "" if above else f"its own phrase names another kind of thing ({kinds})" if kinds else ""
    if name == "lesk other":
        return f"it shares words with another dictionary sense{said}" if above else ""
    if name == "nouns":
        return "many nouns" if above else ""
    if above:
        return ""
    return {"other concepts": "no other glossary concept", "prison words": "no prison word",
            "definition words": "few words of the glossary's definitions", "prison next to it": "nothing next to it "
            "says prison", "field nouns": "few of its nouns are the glossary's", "penal nouns":
            "no noun defined by penal words", "lesk glossary": "it shares few words with the glossary's sense",
            "balance": "its words do not fit the glossary's sense better", "article prison": "few of the "
            "article's messages say prison", "article concepts": "the article uses no concept that is only "
            "prison's", "article lexicon": "the article's words lean to everyday prose"}.get(name, "")
