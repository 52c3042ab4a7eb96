"""The glossary's data model: concepts, their source terms and per-language translations.

Equality ignores where a concept or a term was read from (``line``), so a glossary
exported to TBX and imported again compares equal to the original.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.match import Excluded, Hit, Index

_T = TypeVar("_T")

POS_VALUES = ("noun", "adjective", "verb", "adverb", "phrase", "proper noun", "abbreviation", "other")


@dataclass
class Term:
    """A source-language term; ``quoted`` terms match only inside quotation marks
    (for everyday words like “offended” that are caste words only when quoted)."""

    text: str
    quoted: bool = False
    # Sense conditions of this variant alone (see Concept): "parcel" is a prisoner's parcel only in a
    # prison context, "Stolypin" alone is usually the statesman.
    prison_only: bool = False
    context: list[str] = field(default_factory=list)
    # Its own neighbourhood (glossary/neighbourhood.py): words that, next to it in its clause, mark another
    # sense ("downgraded the charge"), and whether it has a common everyday sense (a parcel, a search), so that
    # a finding is only a question where nothing next to it says prison.
    not_near: list[str] = field(default_factory=list)
    everyday: bool = False
    # An editor's reason for leaving an everyday variant without a condition (every condition measured loses a
    # labelled violation): `tamizdat glossary lint` stops reporting it, and shows it with --all (glossary/lint.py).
    reviewed: str = ""
    # Where the reader found it (the TOML list item's line, the TBX <term>'s), 0 when unknown: a finding about
    # this variant alone names its line, not its concept's. Not compared, like Concept.line.
    line: int = field(default=0, compare=False)


@dataclass
class Forbidden:
    term: str
    reason: str = ""


@dataclass
class Homonym:
    """An approved word of a language that also translates other source words in an everyday sense: German
    Hahn is also a tap, French fouille also an excavation, Russian перевод also a translation."""

    term: str
    source: list[str] = field(default_factory=list)


@dataclass
class Translations:
    """What one language may and may not write for a concept."""

    preferred: list[str] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    forbidden: list[Forbidden] = field(default_factory=list)
    dnt: bool | None = None  # None: inherit the concept's flag
    case_sensitive: bool | None = None
    reader_note: str = ""
    # Phrases in which an approved or forbidden word of this concept means something else
    # (Russian "на этом этапе дела": a stage of the case, not the prisoner transport).
    exclude: list[str] = field(default_factory=list)
    # Words of this language whose everyday sense translates the listed source words: where the source has one,
    # it claims one unquoted occurrence of the word first (glossary/target_sense.py).
    homonyms: list[Homonym] = field(default_factory=list)

    @property
    def approved(self) -> list[str]:
        return [*self.preferred, *self.admitted]


@dataclass
class Concept:
    id: str
    terms: list[Term]
    pos: str = ""
    definition: str = ""
    translator_note: str = ""
    source_reader_note: str = ""
    case_sensitive: bool = False
    dnt: bool = False
    exclude: list[str] = field(default_factory=list)
    # Sense conditions on the source message: the concept counts only where one of ``context`` occurs,
    # never where one of ``not_context`` occurs, and (``prison_only``) only in a prison context: a word of
    # the glossary's ``prison_words`` or another concept without conditions (muzhiki in a novel are peasants).
    context: list[str] = field(default_factory=list)
    not_context: list[str] = field(default_factory=list)
    prison_only: bool = False
    # The same as a term's, for every term of the concept.
    not_near: list[str] = field(default_factory=list)
    everyday: bool = False
    langs: dict[str, Translations] = field(default_factory=dict)
    line: int = field(default=0, compare=False)
    # Worked out once from the fields above when first needed, never compared: the source variants that count
    # only under a sense condition, the words of its own definition, notes and terms (glossary/sense.py), and
    # per language the approved one-word terms its exclude phrases show to have an everyday sense
    # (glossary/target_everyday.py).
    conditional_terms: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    own_vocabulary: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    everyday_words: dict[str, frozenset] = field(default_factory=dict, init=False, repr=False, compare=False)
    # ... and every other fact a reading works out from the concept alone, by a key that names the reading (the
    # variants glossary/neighbourhood.py reads next to, the words that say prison next to it, the check's facts per
    # language, whether a variant is ambiguous …): :meth:`remembered`.
    memos: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def remembered(self, key: str, make: Callable[[], _T]) -> _T:
        """A fact worked out from the concept's fields by ``make`` on first asking, then kept under ``key`` with its
        other memos (``memos``); ``make`` must not return None."""
        found = self.memos.get(key)
        if found is None:
            found = self.memos[key] = make()
        return found

    @property
    def term(self) -> str:
        """The concept's headword: its first source term as written in the glossary."""
        return self.terms[0].text if self.terms else self.id

    def translations(self, lang: str) -> Translations | None:
        return self.langs.get(lang) or self.langs.get(lang.replace("-", "_").split("_")[0])

    def approved(self, lang: str) -> list[str]:
        tr = self.translations(lang)
        return tr.approved if tr else []

    def is_dnt(self, lang: str) -> bool:
        tr = self.translations(lang)
        if tr is not None and tr.dnt is not None:
            return tr.dnt
        return self.dnt

    def is_case_sensitive(self, lang: str | None = None) -> bool:
        tr = self.translations(lang) if lang else None
        if tr is not None and tr.case_sensitive is not None:
            return tr.case_sensitive
        return self.case_sensitive

    def reader_note(self, lang: str | None = None) -> str:
        """The short note for published pages, in ``lang`` when written, else in the source language."""
        tr = self.translations(lang) if lang else None
        if tr is not None and tr.reader_note:
            return tr.reader_note
        return self.source_reader_note


@dataclass
class Glossary:
    concepts: list[Concept] = field(default_factory=list)
    source_language: str = "en"
    prison_words: list[str] = field(default_factory=list)  # source words that make a message about prison
    path: str = field(default="<string>", compare=False)
    # What reading it left out, one "FILE:LINE: message" each (a TBX concept with no source-language term).
    warnings: list[str] = field(default_factory=list, compare=False)

    # What is worked out from the concepts and kept with the glossary it depends on (never compared):
    # one matching index per language, built on first use (index());
    indexes: dict[str, Index] = field(default_factory=dict, init=False, repr=False, compare=False)
    # the concept of each source variant, id and headword (concept_for_term());
    by_term: dict[str, Concept] | None = field(default=None, init=False, repr=False, compare=False)
    # per source message (and, where the learnt sense decision reads it, per message and article), what the
    # glossary checks found in it (glossary/source_reading.py keeps it bounded), as every language checks the
    # same source messages;
    source_analyses: OrderedDict[str | tuple, Any] = field(default_factory=OrderedDict, init=False, repr=False,
                                                            compare=False)
    # per source message, what an article's summary reads of it (glossary/document.py: message_facts), kept apart
    # from the readings, which the summary need not keep from being evicted;
    message_facts: dict[str, tuple] = field(default_factory=dict, init=False, repr=False, compare=False)
    # per article (glossary/document.py: a hash of its messages), what the learnt sense decision reads of it
    document_summaries: OrderedDict[int, Any] = field(default_factory=OrderedDict, init=False, repr=False,
                                                      compare=False)
    # (language, checks run, text checked) -> the problems found, for texts met more than once, and the hashes of
    # those met once (checks/__init__.py keeps both bounded): boilerplate recurs with the same translation.
    checked_pairs: dict[tuple, tuple] = field(default_factory=dict, init=False, repr=False, compare=False)
    pair_sightings: set[int] = field(default_factory=set, init=False, repr=False, compare=False)
    # the source language's (strong, weak) prison cues (glossary/sense.py) and, per language, the keys of the
    # glossary's own words (glossary/target_everyday.py).
    prison_vocabulary: tuple[frozenset[str], frozenset[str]] | None = field(default=None, init=False, repr=False,
                                                                          compare=False)
    target_vocabulary: dict[str, frozenset] = field(default_factory=dict, init=False, repr=False, compare=False)
    # the stems of every source-language word the glossary writes (glossary/domain.py)
    domain_words: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    # (concept, language, word, what follows it) -> why that approved word is its everyday sense there
    # ("" when it renders the concept): glossary/target_everyday.py, which keeps it bounded.
    everyday_judgements: dict[tuple[str, str, str, str], str] = field(default_factory=dict, init=False,
                                                                      repr=False, compare=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Glossary):
            return NotImplemented
        return (self.source_language == other.source_language and self.concepts == other.concepts
                and self.prison_words == other.prison_words)

    @property
    def languages(self) -> list[str]:
        """Every language some concept has translations for, in first-seen order."""
        seen: dict[str, None] = {}
        for c in self.concepts:
            for lang in c.langs:
                seen.setdefault(lang, None)
        return list(seen)

    def concept_for_term(self, term: str | None) -> Concept | None:
        """The concept a finding's ``term`` names: one of its source variants, else its headword or id."""
        if term is None:
            return None
        if self.by_term is None:
            table: dict[str, Concept] = {}
            for c in reversed(self.concepts):  # the first concept wins
                table[c.id] = c
                for t in c.terms:
                    table[t.text] = c
            self.by_term = table
        return self.by_term.get(term)

    def get(self, concept_id: str) -> Concept | None:
        for c in self.concepts:
            if c.id == concept_id:
                return c
        return None

    def find(self, text: str, lang: str, overlapping: bool = False, remember: bool = True,
             derived: bool = False) -> list["Hit"]:
        """Glossary terms of ``lang`` in ``text``, inflection-aware.

        In the source language the hits are source terms; in other languages
        they are approved and forbidden translations (``hit.kind``). Without
        ``overlapping``, hits are leftmost-longest and never overlap. Source texts
        are remembered (they recur across languages); ``remember=False`` for
        texts that will not recur, such as a published page's. ``derived`` also returns words that meet
        a term only as a derivation or a compound (политзаключённая, Strafkolonieverwaltung): right for
        counting a translation's renderings, too loose to name a word's concept on its own (Петушиный бой).
        """
        hits = self.index(lang).find(text, overlapping, remember)
        return hits if derived else [h for h in hits if not h.derived]

    def find_excluding(self, text: str, lang: str) -> tuple[list["Hit"], list["Excluded"]]:
        """``find(text, lang, remember=False)``, and the exclusion phrases the match met around a one-word term of
        their concept and so left it out (“bank transfer”): a message read once, whose everyday readings ask where
        the same word stands elsewhere (glossary/neighbourhood.py: ``excluded_elsewhere``)."""
        hits, met = self.index(lang).find_excluding(text)
        return [h for h in hits if not h.derived], met

    def index(self, lang: str) -> Index:
        """The matching index of ``lang``'s terms (built on first use, then kept)."""
        idx = self.indexes.get(lang)
        if idx is None:
            from pipeline.glossary.match import build_index
            from pipeline.glossary.overlap import sibling_terms

            idx = self.indexes[lang] = build_index(self, lang)
            for c, term in sibling_terms(self, lang) if lang != self.source_language else ():
                idx.add(c, term, "exclude")  # (« parloir long » holds the short visit's « parloir »: no short visit)
            idx.remember = lang == self.source_language
        return idx
