"""What a source message asks of every translation, read once per msgid: its glossary hits, which concepts it
uses in the glossary's sense, which in another sense and why, and which findings are only questions.

The check (checks/glossary_checks.py) asks this of every language's translation of the same msgid; the reading
is the glossary stage's work (the term's own neighbourhood and phrase, the sentence's prison context, its topic
and balance), so it lives here and the check only compares translations with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.glossary.balance import glossary_fit, promote_by_balance
from pipeline.glossary.document import Document, Summary, summary
from pipeline.glossary.hits import Excluded
from pipeline.glossary.learnt_sense import Model as LearntModel, everyday_question, model, prison_reading
from pipeline.glossary.local_reading import Local, deferred_phrases, local_senses, phrase_questions
from pipeline.glossary.sense_features import ambiguous, asked as learnt_asks
from pipeline.glossary.model import Glossary
from pipeline.glossary.neighbourhood import everyday, excluded_elsewhere, prison_near
from pipeline.glossary.placement import MAY_END, numbered_ends
from pipeline.glossary.sense import SourceSense, conditional
from pipeline.glossary.target_sense import unquoted_repeats
from pipeline.glossary.textprep import shown
from pipeline.glossary.topic import topic_questions

SOURCES_KEPT = 8192  # source messages analysed (and their learnt readings, per article: learnt_source)


@dataclass
class Source:
    """What a source message asks of every translation (worked out once per msgid)."""

    hits: list
    occurrences: dict[str, list]  # concept id -> its occurrences in the glossary's sense
    other_sense: dict[str, str]  # concept id -> why it is used only in another sense here
    weak: dict[str, list]  # ... of those, the ones kept out only for want of a prison context
    unquoted: dict[str, int]  # concept id -> its quoted-only words met unquoted (another sense)
    questions: dict[str, str]  # concept id -> why its findings are questions (warnings), not errors
    sentences: bool  # whether it may have more than one sentence (glossary/placement.py: MAY_END)
    numbered: frozenset[int]  # where a hit that a number follows ends (detachment 8: glossary/placement.py)
    fits: dict[str, str]  # concept id -> why the sentence reads its everyday word in the glossary's sense (balance.py)
    memo: Memo = field(repr=False, compare=False)  # not part of the reading: what is kept beside it


@dataclass(slots=True)
class Memo:
    """What is kept beside a message's reading (:class:`Source`): the readings still to do, and what its readers
    work out of it, asked again by every translation and article of the msgid (a learnt reading shares it)."""

    pending: Local | None  # what the everyday readings still need (None once in questions and fits)
    # whether the learnt decision may read a word of it (an everyday-ambiguous occurrence, or one kept out only for
    # want of a prison context), so that its reading may depend on the message's article (learnt_source)
    learnt: bool
    counts: dict[str, int]  # the check's: hits per concept among all the hits
    facts: tuple | None = None  # what the article's summary reads of it (document.py)
    # per (model, concept, kept out): what the learnt decision read of the message, resumed for the next article
    states: dict = field(default_factory=dict)
    groups: dict[str, list] = field(default_factory=dict)  # the things each concept's occurrences name (placement)
    bare: set[str] = field(default_factory=set)  # questions only for want of a prison word next to the word
    excluded: tuple[Excluded, ...] = ()  # the exclusion phrases of the source the match left a word out of
    variants: frozenset[str] = frozenset()  # the learnt ambiguity of the model it was read with (learnt_candidates)


def read_source(glossary: Glossary, src: str, questions: bool = True, document: Document | None = None) -> Source:
    """The source's hits, its occurrences per concept in the glossary's sense (conditions on the message)
    and, per concept used only in another sense, why; remembered, as every language checks the same msgid.

    In four steps: what each hit's own neighbourhood and phrase say (:func:`local_senses`); what the message's
    prison context says of the conditional hits left (:func:`_message_senses`); which concepts are questions
    because their own phrase names another kind of thing (:func:`phrase_questions`); and which because an
    everyday word has nothing next to it that says prison (:func:`_everyday_questions`); then what the learnt
    sense decision reads in what they leave, with the message's ``document`` (its article: glossary/document.py)
    where it has one (:func:`learnt_source`).

    The last two only make findings questions (or count a word kept out for want of a prison context) and say
    why: with ``questions=False`` they are left for :func:`complete_source` and :func:`learnt_source`, which a
    caller asks only where there are findings (most translations of most messages have none, and these readings
    are the costliest)."""
    memo = glossary.source_analyses
    found = memo.get(src)
    if found is not None:
        memo.move_to_end(src)  # least recently used goes first: boilerplate every article repeats stays
    else:
        found = _read(glossary, src)
        if len(memo) >= SOURCES_KEPT:
            memo.popitem(last=False)
        memo[src] = found
    if questions:
        complete_source(glossary, src, found)
        return learnt_source(glossary, src, found, document)
    return found


def complete_source(glossary: Glossary, src: str, source: Source) -> bool:
    """Add the everyday readings to ``source`` (of ``src``) if they are not in it yet; whether they changed what
    its findings say (a question, or why the sentence fits the glossary's sense). The learnt one, which depends on
    the article, is :func:`learnt_source`'s."""
    local = source.memo.pending
    if local is None:
        return False
    source.memo.pending = None
    questions, fits = source.questions, source.fits
    asked, said = len(questions), {cid for cid, why in fits.items() if why}
    if local.deferred:
        deferred_phrases(glossary, src, local, source.occurrences, questions)
    _everyday_questions(glossary, src, source.occurrences, questions, fits, local, source.memo.bare)
    moved = excluded_elsewhere(glossary, src, source.occurrences, source.other_sense, local.hits,
                               local.excluded)  # (a bank transfer)
    return moved or len(questions) > asked or any(why and cid not in said for cid, why in fits.items())


def _read(glossary: Glossary, src: str) -> Source:
    """:func:`read_source`'s reading of ``src`` before the everyday and learnt readings."""
    # (not remembered by the index too: the source memo is the one that answers again)
    src_hits, excluded = glossary.find_excluding(src, glossary.source_language)
    local = local_senses(glossary, src, src_hits, phrases=False)
    local.excluded = excluded  # (for complete_source: a word of an exclusion phrase met elsewhere)
    other_sense: dict[str, str] = {}
    for (cid, _v), why in local.other.items():
        other_sense.setdefault(cid, why)
    occurrences, asked, weak, sense = _message_senses(glossary, src, local, other_sense)
    fits = promote_by_balance(glossary, src, sense, weak, occurrences, src_hits) if sense and weak else {}
    questions = phrase_questions(asked, occurrences, local.phrased)
    other_sense = {k: v for k, v in other_sense.items() if k not in occurrences}
    # (the model read now, as before the readings were deferred: a model file that cannot be read is told; its
    # learnt ambiguity kept with the reading, which the learnt readings and the article's summary ask again)
    variants = _learnt_variants(model()) if occurrences or weak else frozenset()
    weak = {cid: hs for cid, hs in weak.items() if cid not in occurrences}
    learnt = any(all(learnt_asks(glossary, h, variants) for h in hs) for group in (occurrences, weak)
                 for hs in group.values())
    quoted = {t for h in src_hits for t in _quoted_terms(h.concept)}
    unquoted = unquoted_repeats(src, [h for h in src_hits if h.concept.id in occurrences], quoted,
                                glossary.source_language) if quoted else {}
    counts: dict[str, int] = {}
    for h in src_hits:
        counts[h.concept.id] = counts.get(h.concept.id, 0) + 1
    return Source(src_hits, occurrences, other_sense, weak, unquoted, questions, bool(MAY_END.search(src)),
                  numbered_ends(src, src_hits), fits, Memo(local if occurrences else None, learnt, counts,
                                                           excluded=tuple(excluded), variants=variants))


def _message_senses(glossary: Glossary, src: str, local: Local, other_sense: dict[str, str]
                    ) -> tuple[dict[str, list], dict[str, list], dict[str, list], SourceSense | None]:
    """The kept hits by what the message's prison context says of them: (occurrences in the glossary's sense,
    hits asked about for their phrase, hits kept out only for want of a prison context, the reading of the
    message's context where one was needed); why a concept is another sense goes into ``other_sense``."""
    sense = None
    occurrences: dict[str, list] = {}
    asked: dict[str, list] = {}
    weak: dict[str, list] = {}
    for h in local.kept:
        if conditional(h):
            sense = sense or SourceSense(glossary, src, local.plain)
            why, only_context = sense.why_not(h)
            if why:
                other_sense.setdefault(h.concept.id, f"the source's “{shown(h.form)}” is another sense: {why}")
                if only_context:
                    weak.setdefault(h.concept.id, []).append(h)
                continue
        (asked if id(h) in local.asked_ids else occurrences).setdefault(h.concept.id, []).append(h)
    return occurrences, asked, weak, sense


def _everyday_questions(glossary: Glossary, src: str, occurrences: dict[str, list], questions: dict[str, str],
                        fits: dict[str, str], local: Local, bare: set[str]) -> None:
    """Add to ``questions`` the concepts whose word has a common everyday sense with nothing next to it that
    says prison (and to ``bare``: :func:`prison_article` reads them again), unless the sentence's balance reads
    the glossary's sense (then why goes into ``fits``)."""
    for cid, hs in occurrences.items():
        if cid not in questions and cid not in fits and everyday(hs[0]) and all(everyday(h) for h in hs) and not any(
                prison_near(glossary, src, h, local.plain) for h in hs):
            if not fits.setdefault(cid, glossary_fit(glossary, src, hs, local.hits)):
                questions[cid] = (f"a question only: “{shown(hs[0].form)}” has an everyday sense and nothing next to "
                                  f"it says prison")
                bare.add(cid)
    # ... and an everyday word in a message that says nothing else of prison, whose other dictionary sense the
    # sentence's words fit (passengers who make a transfer at Irkutsk: glossary/topic.py). Only where one concept
    # is in the glossary's sense: two are each other's prison cue.
    if len(occurrences) == len(questions) + 1:
        topical = topic_questions(glossary, src, occurrences, questions, local.hits)
        questions.update(topical)
        bare.update(topical)  # (asked for want of a prison word too: prison_article reads them again)


def learnt_source(glossary: Glossary, src: str, source: Source, document: Document | None = None) -> Source:
    """``source`` (of ``src``, its everyday readings added) with what the learnt sense decision reads in what the
    hand rules leave, with the message's article ``document`` (glossary/document.py; the message alone when None):
    an everyday-ambiguous word whose sentence and article read as its everyday sense is a question, never silence;
    a prison-only word whose sentence says nothing of prison counts where its article reads as prison (the
    finding says why). Remembered per message and article; ``source`` itself where the decision changes nothing."""
    m = model()
    if m is None or not source.memo.learnt:
        return source
    complete_source(glossary, src, source)
    memo = glossary.source_analyses
    key = (src, document.key if document is not None else None)
    found = memo.get(key)
    if found is None:
        asked, promotable = learnt_candidates(glossary, source)
        found = _learnt_reading(glossary, src, source, m, asked, promotable if m.promote is not None else [],
                                summary(glossary, document, src)) if asked or promotable else source
        if len(memo) >= SOURCES_KEPT:
            memo.popitem(last=False)
        memo[key] = found
    else:
        memo.move_to_end(key)
    return found


# Most of an article's messages (document.Summary.prison_share) use a concept that has no everyday sense: a prison
# article. A majority, not a fitted value: over the 29 development sets the everyday articles' shares with such a
# question were at most 0.33, the prison articles' 0.44 to 0.71 (docs/glossary.md, twelfth session, helper q).
PRISON_ARTICLE = 0.5


def prison_article(glossary: Glossary, src: str, source: Source, document: Document | None) -> Source:
    """``source`` (of ``src``, completed) less the questions asked only because nothing next to an everyday word
    says prison (or because a sentence that says nothing else of prison fits another sense of it: glossary/topic.py),
    where the message's article is a prison article (most of its messages use a concept with no everyday sense):
    the want of a prison word is the sentence's, and the article says what the sentence left out (“he is in a
    single cell now, and he says it is quieter” in a mother's post about her son in a colony).
    ``source`` itself where no such question is asked, no article is given, or the article is not one."""
    bare = [cid for cid in source.memo.bare if cid in source.questions and not source.fits.get(cid)]
    if not bare or document is None:
        return source
    doc = summary(glossary, document, src)
    if doc.prison_share < PRISON_ARTICLE:
        return source
    why = f"read in the glossary's sense: {doc.prison} of the article's {doc.messages} messages say prison"
    return replace(source, questions={c: w for c, w in source.questions.items() if c not in bare},
                   fits={**source.fits, **{c: why for c in bare}})


def promotes() -> bool:
    """Whether the learnt decision in use may count a word kept out for want of a prison context."""
    return getattr(model(), "promote", None) is not None


def _learnt_variants(m: LearntModel | None) -> frozenset[str]:
    return m.ambiguous if m is not None else frozenset()


def learnt_candidates(glossary: Glossary, source: Source, every: bool = False) -> tuple[list[str], list[str]]:
    """The concepts of a completed ``source`` the learnt decision reads: the everyday-ambiguous ones the hand rules
    left in the glossary's sense (a question where they read as everyday), and those kept out only for want of a
    prison context (counted where the article says prison); everyday-ambiguous by WordNet or by the model's learnt
    ambiguity (the variants the labelled data show in an everyday sense: sense_features.asked). ``every``: every
    variant but names', as the trainer reads them to learn which."""
    variants = None if every else source.memo.variants
    counts = source.memo.counts
    # (a learnt variant where the hand rules read another of the concept's hits in the sentence as the other sense
    # is not asked: the sentence's everyday words are that hit's — “Chekhov's muzhiki plough the field … our own
    # muzhiki in their padded jackets”)
    asked = [cid for cid, hs in source.occurrences.items()
             if cid not in source.questions and all(learnt_asks(glossary, h, variants) for h in hs)
             and (len(hs) >= counts.get(cid, 0) or all(ambiguous(glossary, h) for h in hs))]
    promotable = [cid for cid, hs in source.weak.items() if all(learnt_asks(glossary, h, variants) for h in hs)]
    return asked, promotable


def _learnt_reading(glossary: Glossary, src: str, base: Source, m: LearntModel, asked: list[str],
                    promotable: list[str], doc: Summary) -> Source:
    questions = dict(base.questions)
    for cid in asked:
        why = everyday_question(glossary, m, src, base.occurrences[cid], base.hits, len(base.occurrences) - 1,
                                bool(base.fits.get(cid)), doc, base.memo.states.setdefault((id(m), cid, False), {}))
        if why:
            questions[cid] = why
    promoted = {}
    for cid in promotable:
        why = prison_reading(glossary, m, src, base.weak[cid], base.hits, len(base.occurrences), doc,
                             base.memo.states.setdefault((id(m), cid, True), {}))
        if why:
            promoted[cid] = why
    if not promoted:
        return replace(base, questions=questions) if questions != base.questions else base
    return replace(base, questions=questions, occurrences={**base.occurrences, **{c: base.weak[c] for c in promoted}},
                   weak={c: hs for c, hs in base.weak.items() if c not in promoted},
                   other_sense={c: w for c, w in base.other_sense.items() if c not in promoted},
                   fits={**base.fits, **promoted})


def _quoted_terms(concept) -> frozenset:
    """The concept's quoted-only variants (remembered per concept: asked of every hit of every message)."""
    found = concept.memos.get("quoted terms")
    if found is None:
        found = concept.memos["quoted terms"] = frozenset(t.text for t in concept.terms if t.quoted)
    return found
