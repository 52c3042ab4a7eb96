"""Inflection-aware term matching over one precompiled index per language.

Every word (of a term or of a text) is reduced to a small set of keys: its
lower-cased form (ё → е), its dictionary lemmas (pymorphy3 for Russian and
Ukrainian), its Snowball stem when no dictionary knows the word (English:
inflections stripped only) and, for Russian surnames in -ов/-ев/-ин/-ский,
the bare base (Мифтахова, Мифтахову → мифтахов). Two words match when their
key sets meet; a multi-word term matches consecutive words separated only by
spaces, hyphens or apostrophes. Keys are namespaced (stem vs lemma) so a
stem never meets an unrelated lemma. Placeholders (``<a1>``, ``</em>``,
``<br/>``), entities and URLs are blanked before tokenising, keeping offsets.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover  (the model imports this module, not the other way round)
    from pipeline.glossary.model import Concept, Glossary

# Placeholder tags, entities, URLs and e-mail addresses: never words. Two
# regexes, each run only when its tell-tale characters occur.
LINK_MASK_RE = re.compile(
    r"(?:https?|ftp)://[^\s<>\"“”«»]+"
    r"|\bwww\.[^\s<>\"“”«»]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
TAG_MASK_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
# A word may carry a gender-inclusive ending (prisonnier·es, Aktivist*innen,
# Gefangene:r, Häftling_innen): one word, matched by its part before the mark.
WORD_RE = re.compile(r"[^\W_]+(?:[·*:_][^\W_]+)*")
INCLUSIVE_RE = re.compile(r"[·*:_]")
# split() with this gives [gap, word, gap, word, …, gap] in one pass.
SPLIT_RE = re.compile(r"([^\W_]+(?:[·*:_][^\W_]+)*)")
# What may separate the words of one multi-word term.
GAP_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'\u2019\u02bc]*")
OPEN_QUOTES = "\"'“„«‘‚‹"
CLOSE_QUOTES = "\"'”“»’‘›"

SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "eo": "esperanto", "es": "spanish", "et": "estonian", "eu": "basque",
    "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "nl": "dutch", "nb": "norwegian", "nn": "norwegian", "no": "norwegian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}
MORPH_LANGS = ("ru", "uk")
# Russian/Ukrainian surname and adjective endings: Мифтахов-а/-у/-ым, Горбунов-ой.
SURNAME_RE = re.compile(r"^(.{2,}?(?:ов|ев|ин|ын|ёв|ский|цкий))(?:а|у|ым|ом|е|ой|ою|ы|их|ых|ыми|ими|ого|ому)?$")


# Letters inflection may change at the start of a word (Hahn/Hähne, ё/е).
_PREFIX_FOLD = str.maketrans("äöüёß", "aoues")


def _prefix(word: str) -> str:
    return word[:2].lower().translate(_PREFIX_FOLD)


def base_lang(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    name = SNOWBALL.get(lang)
    if not name:
        return None
    import Stemmer

    return Stemmer.Stemmer(name)


@lru_cache(maxsize=None)
def _morph(lang: str):
    if lang not in MORPH_LANGS:
        return None
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ImportError, OSError, ValueError, KeyError) as exc:
        # Matching still works on stems, but misses inflected terms: the editor must know.
        print(f"tamizdat: warning: pymorphy3 cannot analyse {lang!r} ({exc}); {lang} terms are matched "
              "by stems only", file=sys.stderr)
        return None


def fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


def english_base(w: str) -> str:
    """Strip English inflections only (-s, -es, -ies, -ed, -ing, final -e).

    Snowball's English stemmer also removes derivational suffixes, which
    makes “colonial” meet “colony”; glossary terms only ever inflect.
    """
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and (w.endswith(("sses", "ches", "shes", "xes", "zes"))):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
            w = w[:-1]
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
            w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=200_000)
def word_keys(word: str, lang: str, term: bool = False) -> frozenset:
    """The keys under which ``word`` (in language ``lang``) can meet a term word.

    ``term`` is true for the words of glossary terms: a term that is a
    participle (опущенный) must not meet every form of its verb (опустил),
    while a participle in a text still meets a verb term (сотрудничающие →
    сотрудничать).
    """
    w = fold(word)
    keys = {("w", w)}
    if w.isdigit():
        return frozenset(keys)
    if INCLUSIVE_RE.search(w):
        return frozenset(keys | word_keys(INCLUSIVE_RE.split(word)[0], lang, term))
    if lang == "en":
        keys.add(("s", english_base(w)))
        return frozenset(keys)
    morph = _morph(lang)
    known = False
    if morph is not None:
        for p in morph.parse(w):
            known = known or p.is_known
            if p.tag.POS in ("PRTF", "PRTS"):
                full = p.inflect({"masc", "sing", "nomn"}) if p.tag.POS == "PRTF" else None
                keys.add(("p", (full.word if full else w).replace("ё", "е")))
                if not term:
                    keys.add(("l", p.normal_form.replace("ё", "е")))
            else:
                keys.add(("l", p.normal_form.replace("ё", "е")))
    stemmer = _stemmer(lang)
    # Where the dictionary knows the word, its lemmas are better than a stem
    # (Snowball gives колония and колонна the same stem).
    if stemmer is not None and not known:
        keys.add(("s", stemmer.stemWord(w)))
        if len(w) > 3 and ((lang == "de" and w.endswith("s")) or (lang == "fr" and w[-1] in "sx")):
            # Snowball keeps German genitive -s after most consonants
            # (Miftachows) and French plural -s after -u (détenus).
            keys.add(("s", stemmer.stemWord(w[:-1])))
    if lang in MORPH_LANGS:
        m = SURNAME_RE.match(w)
        if m:
            keys.add(("b", m.group(1)))
    return frozenset(keys)


def mask(text: str) -> str:
    """``text`` with placeholders, entities and URLs blanked out (same length, same offsets)."""
    if "://" in text or "www." in text or "@" in text:
        text = LINK_MASK_RE.sub(_blank, text)
    if "<" in text or "&" in text:
        text = TAG_MASK_RE.sub(_blank, text)
    return text


def _blank(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(mask(text))]


def _same_case(token: str, term_word: str) -> bool:
    """Case-sensitive comparison that lets endings inflect: the shared stem must match exactly."""
    a, b = fold(token), fold(term_word)
    k = 0
    n = min(len(a), len(b))
    while k < n and a[k] == b[k]:
        k += 1
    k = max(k, 1)
    return token[:k] == term_word[:k]


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


@dataclass
class Hit:
    """One occurrence of a glossary term in a text."""

    concept: Concept
    start: int
    end: int
    form: str  # the text as it appears
    term: str  # the glossary term it matched, as written in the glossary
    kind: str
    reason: str = ""  # for forbidden translations

    @property
    def forbidden(self) -> bool:
        return self.kind == "forbidden"


FOUND_KEPT = 4096  # source texts whose hits are remembered (about three articles' worth)

KIND_RANK = {"exclude": 0, "source": 1, "preferred": 2, "admitted": 3, "forbidden": 4}


class Index:
    """All terms of one language, keyed by the keys of their first word."""

    def __init__(self, lang: str):
        self.lang = base_lang(lang)
        self.first: dict[tuple, list[Pattern]] = {}
        self._n = 0
        self._by_word: dict[str, tuple[Pattern, ...]] = {}
        # Hits of source texts by a digest of the text: the same msgid recurs across languages and
        # files (check, notes). Translations and pages rarely recur, and would only fill memory.
        self.remember = False
        self._found: dict[bytes, tuple[Hit, ...]] = {}
        self._prefix_set: frozenset | None = None
        self._seen: set[str] = set()  # words already looked up
        self._positive: set[str] = set()  # ... that may start a term

    def add(self, concept: Concept | None, term: str, kind: str, quoted=False, case_sensitive=False, reason="") -> None:
        words = tuple(w for _, _, w in tokenize(term))
        if not words:
            return
        keys = tuple(word_keys(w, self.lang, term=True) for w in words)
        simple = len(words) == 1 and not quoted and not case_sensitive
        pat = Pattern(concept, term, kind, words, keys, quoted, case_sensitive, reason, self._n, simple)
        self._n += 1
        for key in keys[0]:
            self.first.setdefault(key, []).append(pat)
        self._by_word.clear()
        self._seen.clear()
        self._positive.clear()
        self._prefix_set = None

    def _candidates(self, word: str) -> tuple[Pattern, ...]:
        """Patterns whose first word may be ``word``; most words have none."""
        found = self._by_word.get(word)
        if found is None:
            pats: dict[int, Pattern] = {}
            for key in word_keys(word, self.lang):
                for pat in self.first.get(key, ()):
                    pats[pat.order] = pat
            found = self._by_word[word] = tuple(pats.values())
        return found

    def find(self, text: str, overlapping: bool = False, remember: bool = True) -> list[Hit]:
        if overlapping or not (remember and self.remember):
            return self._find(text, overlapping)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        cached = self._found.get(key)
        if cached is not None:
            return list(cached)
        hits = self._find(text, overlapping)
        if len(self._found) >= FOUND_KEPT:  # the oldest goes: callers bring an article's catalogues together
            del self._found[next(iter(self._found))]
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

    def _find(self, text: str, overlapping: bool) -> list[Hit]:
        parts = SPLIT_RE.split(mask(text))
        words = parts[1::2]
        distinct = set(words)
        # Set operations run in C: only words never seen before cost a
        # dictionary lookup, and a text without candidates stops here.
        new = distinct - self._seen
        if new:
            prefixes = self._prefixes()
            for w in new:
                pats = self._candidates(w) if _prefix(w) in prefixes else ()
                if pats:
                    self._positive.add(w)
            self._seen |= new
        starting = distinct & self._positive
        if not starting:
            return []
        by_word = self._by_word
        pending: list[tuple[int, int, Pattern]] = []  # (first word, end word, pattern)
        for i in [i for i, w in enumerate(words) if w in starting]:
            for pat in by_word[words[i]]:
                if pat.simple:
                    pending.append((i, i + 1, pat))
                    continue
                j = self._match_at(pat, words, parts, i)
                if j is not None:
                    pending.append((i, j, pat))
        if not pending:
            return []
        # Word i spans offs[2i] .. offs[2i+1] (parts alternate gap, word).
        offs = [0, *accumulate(map(len, parts))]
        spans = [(offs[2 * a + 1], offs[2 * b], p) for a, b, p in pending]
        # Exclusion phrases veto every hit they overlap.
        vetoes = [(a, b) for a, b, p in spans if p.kind == "exclude"]
        chosen = [(a, b, p) for a, b, p in spans
                  if p.kind != "exclude" and not (vetoes and any(a < ve and vs < b for vs, ve in vetoes))]
        if not overlapping:
            chosen.sort(key=lambda t: (t[0], -(t[1] - t[0]), KIND_RANK[t[2].kind], t[2].order))
            kept = []
            end = -1
            for a, b, p in chosen:
                if a >= end:
                    kept.append((a, b, p))
                    end = b
            chosen = kept
        # Only exclusion patterns lack a concept, and they never get here.
        return [Hit(p.concept, a, b, text[a:b], p.term, p.kind, p.reason)  # type: ignore[arg-type]
                for a, b, p in chosen]

    def _match_at(self, pat: Pattern, words: list[str], parts: list[str], i: int) -> int | None:
        n = len(pat.words)
        if i + n > len(words):
            return None
        for k in range(n):
            w = words[i + k]
            if k:
                if not (pat.keys[k] & word_keys(w, self.lang)):
                    return None
                if not GAP_RE.fullmatch(parts[2 * (i + k)]):
                    return None
            if pat.case_sensitive and not _same_case(w, pat.words[k]):
                return None
        if pat.quoted:
            before = parts[2 * i][-1:]
            after = parts[2 * (i + n)][:1]
            if not ((before and before in OPEN_QUOTES) or (after and after in CLOSE_QUOTES)):
                return None
        return i + n


def build_index(glossary: Glossary, lang: str) -> Index:
    idx = Index(lang)
    b = base_lang(lang)
    if b == base_lang(glossary.source_language):
        for c in glossary.concepts:
            for t in c.terms:
                idx.add(c, t.text, "source", quoted=t.quoted, case_sensitive=c.case_sensitive)
            for x in c.exclude:
                idx.add(None, x, "exclude")
    for c in glossary.concepts:
        tr = c.translations(lang)
        if tr is None:
            continue
        cs = c.is_case_sensitive(lang)
        for text in tr.preferred:
            idx.add(c, text, "preferred", case_sensitive=cs)
        for text in tr.admitted:
            idx.add(c, text, "admitted", case_sensitive=cs)
        for f in tr.forbidden:
            idx.add(c, f.term, "forbidden", case_sensitive=cs, reason=f.reason)
    return idx


def index_for(glossary: Glossary, lang: str) -> Index:
    """The glossary's index for ``lang`` (the glossary keeps it: :meth:`Glossary.index`)."""
    return glossary.index(lang)
