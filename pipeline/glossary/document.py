"""The article a message belongs to, as the learnt sense decision reads it: what the whole document says.

A sentence cannot always tell a glossary word's senses apart: “The search lasted three hours.” is a cell search
in a prison letter and a database's in a software release's notes; the article can. ``tamizdat check`` reads one
catalogue per article, so a catalogue's source messages are the document (:func:`document`), and a summary of it
is worked out once per article (the catalogues of its languages share their msgids), on first demand, from what
the check reads of every message anyway (its glossary reading, glossary/source_reading.py):

- the share of its messages that use a concept whose variants have no everyday English sense (the lint's
  criterion: a SIZO, the FSIN, a zek, a political prisoner's name) in the glossary's sense;
- how many distinct such concepts it uses;
- its words' stems, for the learnt lexicon's lean over the whole article.

A message with no document (a catalogue of one entry, a sentence of the labelled sets that no article groups) is
its own document, so that the features always mean the same thing: the document's, the message included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from pipeline.glossary.model import Glossary
from pipeline.glossary.sense_features import asked as learnt_asks
from pipeline.glossary.textprep import distinct_words
from pipeline.glossary.topic import content_stem

SUMMARIES_KEPT = 64  # articles whose summary is remembered (one article's catalogues are checked together)
FACTS_KEPT = 65_536  # messages whose facts (message_facts) are remembered beside their readings
NO_FACTS: tuple[bool, frozenset[str]] = (False, frozenset())  # (most messages': one tuple for all)


@dataclass(frozen=True, eq=False)
class Document:
    """The distinct source messages of one article, in order; ``key`` names it in memos (a hash of them)."""

    messages: tuple[str, ...]
    key: int


def document(messages: Iterable[str]) -> Document | None:
    """The document of a catalogue's source ``messages`` (None when it has fewer than two distinct ones: a
    message alone is its own document, as without one)."""
    distinct = tuple(dict.fromkeys(m for m in messages if m))
    if len(distinct) < 2:
        return None
    return Document(distinct, hash(distinct))


@dataclass
class Summary:
    """What a document says of prison, as the sense decision's features read it."""

    messages: int
    prison: int  # messages that say prison
    concepts: frozenset[str]  # concepts without an everyday sense used in the glossary's sense
    stems: frozenset[str]  # the content words' stems outside glossary terms (the lexicon's keys)
    leans: dict[int, tuple[float, list[str]]] = field(default_factory=dict)  # per lexicon: its mean lean, words

    @property
    def prison_share(self) -> float:
        return self.prison / self.messages if self.messages else 0.0

    def lean(self, lexicon: dict[str, float]) -> tuple[float, list[str]]:
        """The lexicon's mean lean over the document's words (0 for none), and the stems that lean most to
        everyday prose (worked out once per lexicon)."""
        found = self.leans.get(id(lexicon))
        if found is None:
            known = sorted((lexicon[s], s) for s in self.stems if s in lexicon)
            mean = sum(v for v, _s in known) / len(known) if known else 0.0
            found = self.leans[id(lexicon)] = (mean, [s for v, s in known if v < 0][:3])
        return found


def summary(glossary: Glossary, doc: Document | None, src: str) -> Summary:
    """The summary of ``doc`` (the message ``src`` alone when None), remembered per article."""
    if doc is None:
        return _summarise(glossary, (src,))
    memo = glossary.document_summaries
    found = memo.get(doc.key)
    if found is None:
        if len(memo) >= SUMMARIES_KEPT:
            memo.popitem(last=False)
        found = memo[doc.key] = _summarise(glossary, doc.messages)
    return found


def message_facts(glossary: Glossary, src: str) -> tuple[bool, frozenset[str]]:
    """Of one message: whether it says prison, and its concepts without an everyday sense (in the glossary's
    sense). (A word of ``prison_words`` as a cue too was measured and left out: leave-one-set-out, the same false
    alarms and misses at the chosen thresholds.)"""
    kept = glossary.message_facts
    found = kept.get(src)
    if found is not None:
        return found
    source = glossary.source_analyses.get(src)
    if source is None:  # (the import here, not above: most messages' readings are there, and it is asked of each)
        from pipeline.glossary.source_reading import read_source  # (the reading builds on the sense decision)

        source = read_source(glossary, src, questions=False)  # (the check's too)
    if source.memo.facts is None:  # (remembered with the reading: boilerplate recurs in every article)
        # (the occurrences, not what is left after the questions: those are read later, and only for some)
        # (a variant the labelled prose shows in an everyday sense is no prison cue either: the model's learnt
        # ambiguity, sense_features.asked; else a stadium's police vans make their own article a prison one)
        concepts = frozenset(cid for cid, hs in source.occurrences.items()
                             if not all(learnt_asks(glossary, h, source.memo.variants) for h in hs))
        source.memo.facts = (bool(concepts), concepts) if concepts else NO_FACTS
        if source.memo.pending is not None or not source.occurrences:
            # What a reading of the message says before its everyday readings change its occurrences in place: what
            # the summary would read of it again once the reading is evicted (on 2,000 generated catalogues the
            # summaries read 3,800 messages again, 8 % of all readings, where they need only this).
            if len(kept) >= FACTS_KEPT:
                kept.clear()
            kept[src] = source.memo.facts
    return source.memo.facts


def _summarise(glossary: Glossary, messages: tuple[str, ...]) -> Summary:
    prison = 0
    concepts: set[str] = set()
    for m in messages:
        said, cs = message_facts(glossary, m)
        prison += said
        concepts |= cs
    # Its words, glossary terms included (blanking them, as a sentence's own lexicon feature does, cost a fifth of
    # the summary, and the lexicon holds few of their stems), found in all its messages at once (no word runs
    # across a line break: a third of the summary's cost was finding and gathering them message by message),
    # each distinct word stemmed once.
    stems = set(map(content_stem, distinct_words("\n".join(messages))))
    stems.discard(None)
    return Summary(len(messages), prison, frozenset(concepts), frozenset(stems))  # type: ignore[arg-type]
