"""Inflection-aware term matching over one precompiled index per language.

Two words match when their key sets meet (``pipeline.glossary.wordkeys``); a multi-word term matches
consecutive words separated only by spaces, hyphens or apostrophes; a German compound with an approved term
inside matches it (``pipeline.glossary.derive``). Placeholders (``<a1>``, ``</em>``, ``<br/>``), entities and
URLs are blanked before tokenising, soft hyphens and zero-width characters removed, keeping offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter
from typing import TYPE_CHECKING

from pipeline.glossary.derive import compound_parts, suspended
from pipeline.glossary.hyphenated import closed_spelling, hyphen_pair, joined
from pipeline.glossary.hits import Excluded, Hit, blanked  # noqa: F401  (re-exported: callers import them from here)
from pipeline.glossary.textprep import (  # noqa: F401  (mask and WORD_RE too: callers import them from here)
    MIXED_RE, WORD_RE, mask, plain_words, strip_invisible, unmix_word,
)
from pipeline.glossary.wordkeys import (  # noqa: F401  (re-exported: callers import them from here)
    MODIFIED, inserted, modifier,
    DERIVING, FORBIDDEN_ENDINGS, INCLUSIVE_RE, MORPH_LANGS, _inflects, _prefix, _same_case, _stemmer, base_lang,
    english_base, fold, participle_verbs, word_keys,
)

if TYPE_CHECKING:  # pragma: no cover  (the model imports this module, not the other way round)
    from pipeline.glossary.model import Concept, Glossary

# split() with this gives [gap, word, gap, word, …, gap] in one pass (WORD_RE's words).
SPLIT_RE = re.compile(r"([^\W_]+(?:[·*:_][^\W_]+)*)")
# ... the same for a text without "_" or a mark of inclusive writing between two letters (textprep.plain_words).
PLAIN_SPLIT_RE = re.compile(r"(\w+)")
# What may separate the words of one multi-word term, also quotation marks («красная» зона, la zone « noire »).
GAP_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'\u2019\u02bc\"“”„«»‚‘‹›]*")
OPEN_QUOTES = "\"'“„«‘‚‹"
CLOSE_QUOTES = "\"'”“»’‘›"


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(mask(text))]


@dataclass(frozen=True)
class Pattern:
    concept: Concept | None  # None: an exclusion phrase
    term: str  # as written in the glossary
    kind: str  # "source" | "preferred" | "admitted" | "forbidden" | "exclude"
    words: tuple[str, ...]
    keys: tuple[frozenset, ...]
    quoted: bool
    case_sensitive: bool
    reason: str = ""
    order: int = 0
    simple: bool = False  # one word, any case, anywhere: the first-word lookup is the whole match


FOUND_KEPT = 4096  # source texts whose hits are remembered (about three articles' worth)

KIND_RANK = {"exclude": 0, "source": 1, "preferred": 2, "admitted": 3, "forbidden": 4}


class Index:
    """All terms of one language, keyed by the keys of their first word."""

    def __init__(self, lang: str):
        self.lang = base_lang(lang)
        self.first: dict[tuple, list[Pattern]] = {}
        # Exclusion phrases per concept id, longest first (the first gives the reach around a hit): tried only
        # around that concept's hits, so a phrase starting with a common word ("на этом этапе") costs nothing else.
        self.excludes: dict[str, list[Pattern]] = {}
        # German compounds: single-word approved terms (lower case, and their stems) -> patterns.
        self.compound_terms: dict[str, list[Pattern]] = {}
        self._compound_set: frozenset = frozenset()
        # ... of four letters (Hahn): only in quotation marks („Hahnenecke“; Hahnenkampf is a cockfight).
        self.quoted_compound_terms: dict[str, list[Pattern]] = {}
        self._derived_memo: dict[tuple, bool] = {}
        self._n = 0
        self._by_word: dict[str, tuple[tuple[Pattern, bool | None], ...]] = {}
        # Hits of source texts by a digest of the text: the same msgid recurs across languages and
        # files (check, notes). Translations and pages rarely recur, and would only fill memory.
        self.remember = False
        self._found: OrderedDict[bytes, tuple[Hit, ...]] = OrderedDict()
        self._excluded_memo: dict[tuple, tuple[int, ...]] = {}  # (the exclusion phrase's words: _excluded)
        self._fits_memo: dict[tuple, bool] = {}
        self._prefix_set: frozenset | None = None
        self._seen: set[str] = set()  # words already looked up
        self._positive: set[str] = set()  # ... that may start a term

    def add(self, concept: Concept | None, term: str, kind: str, quoted=False, case_sensitive=False, reason="",
            noun_only=False, keys: tuple[frozenset, ...] | None = None) -> None:
        """Index one term; ``noun_only``: an everyday English noun under a sense condition (search, parcel), whose
        -ed/-ing forms are the everyday verb, never the term; ``keys``: its words' keys if not their own."""
        words = tuple(w for _, _, w in tokenize(term))
        if not words:
            return
        keys = keys or tuple(word_keys(w, self.lang, term=True) for w in words)
        if noun_only and len(words) == 1:
            keys = (frozenset(k for k in keys[0] if k[0] != "v"),)  # a search is not "searched"
        simple = len(words) == 1 and not quoted and not case_sensitive
        if kind == "forbidden" and self.lang in FORBIDDEN_ENDINGS:
            simple = False  # _match_at checks the ending
        pat = Pattern(concept, term, kind, words, keys, quoted, case_sensitive, reason, self._n, simple)
        self._n += 1
        if kind == "exclude":
            cid = concept.id if concept else ""
            self.excludes[cid] = sorted([*self.excludes.get(cid, ()), pat], key=lambda x: -len(x.words))
            return
        if self.lang == "de" and kind in ("preferred", "admitted") and simple and len(words[0]) >= 5:
            stemmer = _stemmer("de")
            for form in {fold(words[0]), stemmer.stemWord(fold(words[0]))}:
                self.compound_terms.setdefault(form, []).append(pat)
        elif self.lang == "de" and kind in ("preferred", "admitted") and simple and len(words[0]) == 4:
            twin = Pattern(concept, term, kind, words, keys, True, case_sensitive, reason, self._n, False)
            self._n += 1
            self.quoted_compound_terms.setdefault(fold(words[0]), []).append(twin)
        self._compound_set = frozenset(self.compound_terms) | frozenset(self.quoted_compound_terms)
        for key in keys[0]:
            self.first.setdefault(key, []).append(pat)
        self._by_word.clear()
        self._seen.clear()
        self._positive.clear()
        self._prefix_set = None

    def candidates(self, word: str) -> tuple[tuple[Pattern, bool | None], ...]:
        """``_candidates`` for a word made up outside a text (glossary/truncated.py)."""
        return self._candidates(word)

    def _candidates(self, word: str) -> tuple[tuple[Pattern, bool | None], ...]:
        """What may start at ``word``: (pattern, derived) for each pattern whose first word ``word`` is, checks
        of the first word (case, forbidden endings) passed. ``derived`` is the hit's derived flag when the
        word alone is the whole match (one word, not quoted), None when the rest must be matched in the text.
        Most words have none."""
        found = self._by_word.get(word)
        if found is None:
            pats: dict[int, Pattern] = {}
            for key in word_keys(word, self.lang):
                for pat in self.first.get(key, ()):
                    pats[pat.order] = pat
            if not pats and self._compound_set and len(word) >= 8:
                for part in compound_parts(word, self._compound_set, _stemmer("de").stemWord, 4):
                    for pat in self.compound_terms.get(part) or self.quoted_compound_terms.get(part) or ():
                        pats[pat.order] = pat
            flags = self.lang in DERIVING or bool(self._compound_set)
            found = self._by_word[word] = tuple(
                (pat, (self._derived_word(pat, 0, word) if flags else False)
                 if len(pat.words) == 1 and not pat.quoted else None)
                for pat in pats.values() if self._word_fits(pat, 0, word))
        return found

    def find(self, text: str, overlapping: bool = False, remember: bool = True) -> list[Hit]:
        if overlapping or not (remember and self.remember):
            return self._find_prepared(text, overlapping)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        cached = self._found.get(key)
        if cached is not None:
            self._found.move_to_end(key)  # least recently used goes first
            return list(cached)
        hits = self._find_prepared(text, overlapping)
        # The least recently used goes: callers bring an article's catalogues together.
        if len(self._found) >= FOUND_KEPT:
            self._found.popitem(last=False)  # O(1); deleting a dict's first key again and again is not
        self._found[key] = tuple(hits)
        return hits

    def _prefixes(self) -> frozenset:
        """Folded first letters of every term's first word: a word whose
        letters are not among them is never looked up in the dictionary."""
        if self._prefix_set is None:
            self._prefix_set = frozenset(
                _prefix(pat.words[0]) for pats in self.first.values() for pat in pats
            )
        return self._prefix_set

    def find_excluding(self, text: str) -> tuple[list[Hit], list[Excluded]]:
        """``find(text, remember=False)``, and the exclusion phrases the match left out, each with the one-word
        term of its concept it was met around (a message read once: glossary/source_reading.py)."""
        met: list[Excluded] = []
        return self._find_prepared(text, False, met), met

    def _find_prepared(self, text: str, overlapping: bool, met: list[Excluded] | None = None) -> list[Hit]:
        """Hits in ``text`` read as a reader sees it: without soft hyphens or zero-width characters, and
        with look-alike letters of another script read as the word's own (offsets stay the original's)."""
        clean, offsets = strip_invisible(text)
        hits = self._find(clean, overlapping, met)
        if self.lang == "de" and "- " in clean and suspended(clean):  # (Lebensmittel- und Bücherpakete)
            from pipeline.glossary.truncated import completed  # (most German texts have none: read on need)

            hits = completed(self, clean, hits)
        if self.lang == "de" and "-" in clean and hyphen_pair(clean):  # (Gefangenen-Transporter: hyphenated.py)
            hits = joined(self, clean, hits, overlapping)
        if offsets is not None:
            for h in hits:
                h.start, h.end = offsets[h.start], offsets[h.end - 1] + 1
                h.form = text[h.start:h.end]
            for x in met or ():
                x.start, x.end = offsets[x.start], offsets[x.end - 1] + 1
                x.word_start, x.word_end = offsets[x.word_start], offsets[x.word_end - 1] + 1
        return hits

    def _find(self, text: str, overlapping: bool, met: list[Excluded] | None = None) -> list[Hit]:
        masked = mask(text)
        parts = (PLAIN_SPLIT_RE if plain_words(masked) else SPLIT_RE).split(masked)
        words = parts[1::2]
        # Set operations run in C, on the word list itself: only words never seen before cost a dictionary
        # lookup, and a text without candidates stops here.
        seen, positive = self._seen, self._positive
        if not seen.issuperset(words):
            new = set(words) - seen
            prefixes = self._prefixes()
            compounds = bool(self._compound_set)
            for w in new:
                # (a word of look-alike letters is the word in its own script, whose keys it has, and is tested as
                # that: the generated benchmark's Russian translations hold English words with Cyrillic letters)
                pats = (self._candidates(w)
                        if _prefix(unmix_word(w) if MIXED_RE.search(w) else w) in prefixes
                        or (compounds and len(w) >= 8) else ())
                if pats:
                    positive.add(w)
            seen |= new
        places = list(compress(range(len(words)), map(positive.__contains__, words)))  # (in C: most words are none)
        if not places:
            return []
        by_word = self._by_word
        # (first word, end word, pattern, derived flag or None: not known yet)
        pending: list[tuple[int, int, Pattern, bool | None]] = []
        for i in places:
            for pat, derived in by_word[words[i]]:
                if derived is not None:  # one word, checked when the word was first met: the whole match
                    pending.append((i, i + 1, pat, derived))
                    continue
                j = self._match_at(pat, words, parts, i, 1)
                if j is not None:
                    pending.append((i, j, pat, None))
        if not pending:
            return []
        if self.excludes:
            ex = self.excludes
            spans: list | None = [] if met is not None else None
            pending = [t for t in pending
                       if not (t[2].concept and t[2].concept.id in ex and self._excluded(t, words, parts, spans))]
            if spans and met is not None:
                offs = [0, *accumulate(map(len, parts[:2 * max(j for _t, (_i, j) in spans)]))]
                # (once per phrase and word: two variants of a term may meet the same word)
                for cid, i, j, a, b in dict.fromkeys((t[2].concept.id, i, j, t[0], t[1]) for t, (i, j) in spans):
                    met.append(Excluded(cid, offs[2 * i + 1], offs[2 * j], offs[2 * a + 1], offs[2 * b]))
            if not pending:
                return []
        # Word i spans offs[2i] .. offs[2i+1] (parts alternate gap, word); no further than the last hit needs.
        offs = [0, *accumulate(map(len, parts[:2 * max(map(itemgetter(1), pending))]))]
        if overlapping or len(pending) == 1:  # (one hit, the commonest case, is its own choice)
            chosen = [(offs[2 * a + 1], offs[2 * b], p, a, d) for a, b, p, d in pending]
        else:
            # Leftmost, then longest, then by kind and glossary order (the first four are never all equal).
            ranked = sorted((offs[2 * a + 1], offs[2 * a + 1] - offs[2 * b], KIND_RANK[p.kind], p.order, offs[2 * b],
                             p, a, d) for a, b, p, d in pending)
            chosen = []
            end = -1
            for start, _len, _kind, _order, stop, p, a, d in ranked:
                if start >= end:
                    chosen.append((start, stop, p, a, d))
                    end = stop
        # Only exclusion patterns lack a concept, and they never get here.
        if self.lang in DERIVING or self._compound_set:  # (the derived flag made with the hit: one store less)
            return [Hit(p.concept, a, b, text[a:b], p.term, p.kind, p.reason,  # type: ignore[arg-type]
                        self._derived(p, words, i) if d is None else d) for a, b, p, i, d in chosen]
        return [Hit(p.concept, a, b, text[a:b], p.term, p.kind, p.reason)  # type: ignore[arg-type]
                for a, b, p, _i, _d in chosen]

    def _derived(self, pat: Pattern, words: list[str], i: int) -> bool:
        """Whether some word of the hit meets the pattern only by its derivational root or as a compound."""
        key = (pat.order, *words[i:i + len(pat.words)])
        found = self._derived_memo.get(key)
        if found is None:
            found = any(self._derived_word(pat, k, words[i + k]) for k in range(len(pat.words)))
            if len(self._derived_memo) > 100_000:
                self._derived_memo.clear()
            self._derived_memo[key] = found
        return found

    def _derived_word(self, pat: Pattern, k: int, word: str) -> bool:
        """Whether ``word`` meets the pattern's ``k``-th word only by its derivational root or as a compound."""
        return not any(key[0] != "d" for key in pat.keys[k] & word_keys(word, self.lang))

    def _excluded(self, hit: tuple, words: list[str], parts: list[str], spans: list | None = None) -> bool:
        """Whether an exclusion phrase of the hit's concept overlaps it ("bank transfer", "на этом этапе"); if so,
        and the hit is of a one-word term, ``(hit, (first word, end word) of the phrase)`` goes into ``spans``."""
        a, b, pat = hit[:3]
        excludes = self.excludes.get(pat.concept.id, ()) if pat.concept else ()
        if not excludes:
            return False
        reach = len(excludes[0].words) + (self.lang in MODIFIED)  # (a word inside: ``_modified_at``)
        lo, hi = max(0, a - reach + 1), min(len(words), b + reach - 1)
        key = (pat.concept.id if pat.concept else "", a - lo, b - lo, *parts[2 * lo:2 * hi + 1])  # the same words around the same hit
        found = self._excluded_memo.get(key)  # (the phrase's words, from lo; () for none)
        if found is None:
            found = ()
            for x in excludes:
                for i in range(max(0, a - len(x.words) + 1 - (self.lang in MODIFIED)), b):
                    if x.keys[0] & word_keys(words[i], self.lang):
                        j = self._match_at(x, words, parts, i)
                        j = self._modified_at(x, words, parts, i) if j is None and self.lang in MODIFIED else j
                        if j is not None and a < j:
                            found = (i - lo, j - lo)
                            break
                if found:
                    break
            if len(self._excluded_memo) > 100_000:
                self._excluded_memo.clear()
            self._excluded_memo[key] = found
        if found and spans is not None and len(pat.words) == 1:
            spans.append((hit, (lo + found[0], lo + found[1])))
        return bool(found)

    def _modified_at(self, pat: Pattern, words: list[str], parts: list[str], i: int) -> int | None:
        """``_match_at`` with a modifier inside the phrase («обыск в квартире» as «обыск в нашей квартире»)."""
        ends = (self._match_at(pat, words[:m] + words[m + 1:], parts[:2 * m] + parts[2 * m + 2:], i)
                for m in range(i + 1, min(i + len(pat.words), len(words))) if inserted(words[m], parts[2 * m], self.lang))
        return next((j + 1 for j in ends if j is not None), None)

    def _match_at(self, pat: Pattern, words: list[str], parts: list[str], i: int, first: int = 0) -> int | None:
        """The end (in words) of ``pat`` matched from word ``i``, or None; words before ``first`` were
        checked already."""
        n = len(pat.words)
        if i + n > len(words):
            return None
        for k in range(first, n):
            w = words[i + k]
            if k:
                if pat.keys[k].isdisjoint(word_keys(w, self.lang)):
                    return None
                gap = parts[2 * (i + k)]
                if gap != " " and not GAP_RE.fullmatch(gap):
                    return None
            if (pat.case_sensitive or pat.kind == "forbidden") and not self._word_fits(pat, k, w):
                return None
        if pat.quoted:
            before = parts[2 * i][-1:]
            after = parts[2 * (i + n)][:1]
            if after in ("'", "\u2019") and not any(q in "".join(parts[: 2 * i + 1]) for q in ("'", "\u2018")):
                after = ""  # an apostrophe, not a closing quote: the activists' homes
            if not ((before and before in OPEN_QUOTES) or (after and after in CLOSE_QUOTES)):
                return None
        return i + n

    def _word_fits(self, pat: Pattern, k: int, word: str) -> bool:
        """The checks on the ``k``-th word of ``pat`` beyond its keys: its case, for a case-sensitive term; its
        ending, for a forbidden term in a language with ``FORBIDDEN_ENDINGS`` (remembered per word)."""
        cs = pat.case_sensitive
        ending = pat.kind == "forbidden" and self.lang in FORBIDDEN_ENDINGS
        if not (cs or ending):
            return True
        key = (pat.order, k, word)
        ok = self._fits_memo.get(key)
        if ok is None:
            ok = ((not cs or _same_case(unmix_word(word) if MIXED_RE.search(word) else word, pat.words[k]))
                  and (not ending or _inflects(word, pat.words[k], self.lang)))
            if len(self._fits_memo) > 100_000:
                self._fits_memo.clear()
            self._fits_memo[key] = ok
        return ok


def build_index(glossary: Glossary, lang: str) -> Index:
    idx = Index(lang)
    b = base_lang(lang)
    if b == base_lang(glossary.source_language):
        for c in glossary.concepts:
            conditional = c.prison_only or bool(c.context) or bool(c.not_context)
            for t in c.terms:
                idx.add(c, t.text, "source", quoted=t.quoted, case_sensitive=c.case_sensitive,
                        noun_only=b == "en" and c.pos == "noun" and (conditional or t.prison_only or bool(t.context)))
            for x in c.exclude:
                idx.add(c, x, "exclude")
    for c in glossary.concepts:
        tr = c.translations(lang)
        if tr is None:
            continue
        cs = c.is_case_sensitive(lang)
        for kind, terms in (("preferred", tr.preferred), ("admitted", tr.admitted)):
            for text in terms:
                idx.add(c, text, kind, case_sensitive=cs)
                if (closed := closed_spelling(text, b)) is not None:  # (Stolypinwaggon: glossary/hyphenated.py)
                    idx.add(c, closed, kind, case_sensitive=cs)
                for verb in participle_verbs(text, b):  # quoted, its verbs are the caste word: «опустили», «опускают»
                    idx.add(c, text, kind, quoted=True, case_sensitive=cs, keys=(frozenset({("l", verb)}),))
        for f in tr.forbidden:
            idx.add(c, f.term, "forbidden", case_sensitive=cs, reason=f.reason)
            if (closed := closed_spelling(f.term, b)) is not None:
                idx.add(c, closed, "forbidden", case_sensitive=cs, reason=f.reason)
        for x in tr.exclude:
            idx.add(c, x, "exclude")
    return idx
