"""A bilingual dictionary's translations of a source word: FreeDict's English–French, –German, –Russian files.

A forbidden (or approved) word of the glossary is often also the plain translation of another word of the same
source sentence: French « gardiens » of the guards, German „Bauern“ of the farmers, „Arbeitslager“ of a Nazi
labour camp. The glossary's ``homonyms`` list such words one by one; a dictionary knows them all. FreeDict's
dictionaries are installed by the Debian packages ``dict-freedict-eng-fra``, ``-deu``, ``-rus`` in
/usr/share/dictd as a dictd pair: ``NAME.index`` (headword, offset, length; headwords lower-cased without
punctuation, sorted by code point) and ``NAME.dict.dz``, a dictzip file — gzip whose header lists independently
compressed chunks, so an entry is read by inflating one or two chunks, not the whole file (the German one is 15 MB
compressed). A run asks about a few words, only where a glossary word needs explaining: a binary search over the
memory-mapped index (``pipeline.core.sortedlines``) and one seek.

Where no dictionary is installed every word has no translations and the check works as before.
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.sortedlines import first_line_from

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.match import Hit

PLACES = ("/usr/share/dictd", "/usr/local/share/dictd")
# ISO 639-1 -> FreeDict's three-letter codes (the source is English: eng-XXX)
CODES = {"fr": "fra", "de": "deu", "ru": "rus", "it": "ita", "es": "spa", "nl": "nld", "pt": "por", "sv": "swe"}
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
# Parts of an entry's text that are no translation: grammar tags <masc>, labels [mil.], notes (…), and the lines of
# examples, notes and cross-references that follow the translations.
_NOISE = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}")
_NOT_TRANSLATION = re.compile(r"^\s*(?:\"|see:|note:|synonyms?:|\d+\.\s*$)", re.I)


def _b64(text: bytes) -> int:
    n = 0
    for c in text.decode("ascii"):
        n = n * 64 + _B64[c]
    return n


class _DictZip:
    """Random access to a dictzip file: the gzip header's 'RA' field gives the chunk length and each chunk's
    compressed size; every chunk inflates on its own."""

    def __init__(self, path: Path):
        self.file = path.open("rb")
        head = self.file.read(12)
        if head[:2] != b"\x1f\x8b" or not head[3] & 4:
            raise ValueError("not a dictzip file")
        xlen = struct.unpack("<H", head[10:12])[0]
        extra = self.file.read(xlen)
        pos, sizes, self.chunk = 0, [], 0
        while pos + 4 <= len(extra):
            sub, n = extra[pos:pos + 2], struct.unpack("<H", extra[pos + 2:pos + 4])[0]
            if sub == b"RA":
                _ver, self.chunk, count = struct.unpack("<HHH", extra[pos + 4:pos + 10])
                sizes = list(struct.unpack(f"<{count}H", extra[pos + 10:pos + 10 + 2 * count]))
            pos += 4 + n
        if not self.chunk:
            raise ValueError("dictzip file without a chunk table")
        skip = head[3]
        for flag in (8, 16):  # a file name, a comment: zero-terminated
            if skip & flag:
                while self.file.read(1) not in (b"\x00", b""):
                    pass
        if skip & 2:
            self.file.read(2)
        start = self.file.tell()
        self.offsets = [start]
        for s in sizes:
            self.offsets.append(self.offsets[-1] + s)

    def read(self, offset: int, size: int) -> bytes:
        first, last = offset // self.chunk, (offset + size - 1) // self.chunk
        out = b""
        for i in range(first, min(last, len(self.offsets) - 2) + 1):
            self.file.seek(self.offsets[i])
            out += zlib.decompressobj(-15).decompress(self.file.read(self.offsets[i + 1] - self.offsets[i]))
        begin = offset - first * self.chunk
        return out[begin:begin + size]


class _Dictionary:
    def __init__(self, index: Path, data: Path):
        with index.open("rb") as f:
            self.index = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self.data = _DictZip(data)

    def entries(self, headword: str) -> list[str]:
        key = re.sub(r"[^\w ]", "", headword.lower()).encode("utf-8")
        pos = first_line_from(self.index, key, b"\t")
        out = []
        while pos < len(self.index):
            end = self.index.find(b"\n", pos)
            line = self.index[pos:end if end >= 0 else len(self.index)]
            head, _, rest = line.partition(b"\t")
            if head != key:
                break
            offset, _, size = rest.partition(b"\t")
            out.append(self.data.read(_b64(offset), _b64(size.strip())).decode("utf-8", "replace"))
            pos = end + 1 if end >= 0 else len(self.index)
        return out


@lru_cache(maxsize=None)
def _dictionary(lang: str) -> _Dictionary | None:
    code = CODES.get(lang)
    if code is None:
        return None
    places = [os.environ["TAMIZDAT_FREEDICT"]] if os.environ.get("TAMIZDAT_FREEDICT") else list(PLACES)
    for p in places:
        base = Path(p).expanduser() / f"freedict-eng-{code}"
        index, data = base.with_suffix(".index"), base.with_suffix(".dict.dz")
        if index.is_file() and data.is_file():
            try:
                return _Dictionary(index, data)
            except (OSError, ValueError, struct.error):
                return None
    return None


@lru_cache(maxsize=4096)
def translations(headword: str, lang: str) -> tuple[str, ...]:
    """The translations into ``lang`` the dictionary gives for the English ``headword`` (a word or a phrase),
    in lower case; () where it has none or no dictionary is installed."""
    d = _dictionary(lang)
    if d is None:
        return ()
    out: list[str] = []
    for entry in d.entries(headword):
        for line in entry.splitlines()[1:]:  # (the first line repeats the headword and its pronunciation)
            if _NOT_TRANSLATION.match(line) or not line.strip():
                if out and line.strip():
                    break  # past the translations: examples, notes, cross-references
                continue
            for part in re.split(r"[,;]", _NOISE.sub(" ", re.sub(r"^\s*\d+\.\s*", "", line))):
                part = " ".join(part.split()).lower()
                if part and part not in out:
                    out.append(part)
    return tuple(out)


def installed(lang: str) -> bool:
    """Whether a dictionary from English into ``lang`` is installed."""
    return _dictionary(lang) is not None


_EN_PLURAL = re.compile(r"(?<=[sxz])es$|(?<=[cs]h)es$|(?<=[^s])s$")


def _singulars(word: str) -> list[str]:
    """The headwords an English word may be listed under: itself, its singular (guards, farmers, parties)."""
    w = word.lower()
    out = [w]
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    elif len(w) > 3 and _EN_PLURAL.search(w):
        out.append(_EN_PLURAL.sub("", w))
    return out


def source_words_for(src: str, spans: list[tuple[int, int]], forms: list[str], lang: str) -> list[str]:
    """Per form of ``forms`` (words of a translation in ``lang``), the word or two-word phrase of the English
    ``src`` outside ``spans`` (the concept's own occurrences) that the dictionary translates so ("" for none):
    « gardiens » for “the guards”, „Arbeitslager“ for “a Nazi labour camp”. Each source word answers one
    form."""
    from pipeline.glossary.match import WORD_RE, mask, word_keys

    out = [""] * len(forms)
    if not installed(lang):
        return out
    words = [(m.group(0), m.start()) for m in WORD_RE.finditer(mask(src))
             if len(m.group(0)) > 2 and not any(a <= m.start() < b for a, b in spans)]
    wanted = [word_keys(f, lang) for f in forms]
    candidates = [(f"{a} {b}", a) for (a, pa), (b, pb) in zip(words, words[1:])
                  if src[pa + len(a):pb].strip() == ""] + [(w, w) for w, _ in words]
    used: set[str] = set()
    for phrase, first in candidates:  # (two-word phrases first: a labour camp, not a camp)
        if first in used:
            continue
        for head in _singulars(phrase):
            said = {t for t in translations(head, lang) if " " not in t}
            for i, keys in enumerate(wanted):
                if not out[i] and any(keys & word_keys(t, lang) for t in said):
                    out[i] = phrase
                    used.add(first)
                    break
            else:
                continue
            break
    return out


def compounds_of_other_words(src: str, lang: str, own: list, found: list) -> tuple[list, str]:
    """The renderings ``found`` (a concept's approved hits in a translation into ``lang``) less the derived words
    that the dictionary gives for another word of the English ``src`` than the concept's own occurrences ``own``,
    and why ("" when none). German: the compounds whose head is the approved word („Gesetzespaket“ where the
    source has a *package* of laws: the package's word, not the parcel's; a „Carepaket“ for the source's own
    *care package* stays). Russian: any derivation (``derive.ru_roots``): «Одну из них» for “One of them” is
    the numeral's word, not a derivation of «одиночка» rendering the solitary confinement."""
    from pipeline.glossary.match import _stemmer, fold

    if lang == "de":
        stem = _stemmer("de").stemWord
        # (the compound's head, not its modifier: „Etappentransport“ is a transport, whatever “leg” translates)
        derived = [h for h in found if h.derived and (fold(h.form).endswith(fold(h.term))
                                                      or stem(fold(h.form)).endswith(stem(fold(h.term))))]
        words = [h.term for h in derived]
    else:
        derived = [h for h in found if h.derived]
        words = [h.form for h in derived]
    if not derived:
        return found, ""
    said = source_words_for(src, [(o.start, o.end) for o in own], words, lang)
    other = {id(h): w for h, w in zip(derived, said) if w}
    if not other:
        return found, ""
    kind = "a compound" if lang == "de" else "the word"
    why = "; ".join(f"“{h.form}” is {kind} of the source's “{other[id(h)]}”" for h in found if id(h) in other)
    return [h for h in found if id(h) not in other], why


def cognate_nouns(src: str, src_lang: str, src_hits: list[Hit], h: Hit, lang: str, folded: str) -> int:
    """How many nouns of the source outside its glossary hits, and none a word of ``h``'s concept's own terms,
    share the Snowball stem of the one-word rendering ``h``: the same word in both languages (“The isolation: …
    in a single cell” → « L'isolement : … dans une cellule simple »: « isolement » renders the isolation)."""
    from pipeline.glossary.match import WORD_RE, base_lang, fold, mask
    from pipeline.glossary.english_pos import parts_of_speech

    mine = _stem(base_lang(lang), fold(h.form))
    if len(mine) < 4 or mine not in folded:
        return 0  # (the common case: no word of the source starts so)
    own = {_stem(src_lang, fold(w)) for t in h.concept.terms for w in WORD_RE.findall(t.text)}
    return sum(1 for m in WORD_RE.finditer(mask(src))
               if _stem(src_lang, fold(m.group(0))) == mine and mine not in own
               and not any(o.start <= m.start() < o.end for o in src_hits)
               and parts_of_speech(m.group(0).lower()) == {"NOUN"})  # (a verb or adjective may be the term's)


@lru_cache(maxsize=8192)
def _stem(lang: str, word: str) -> str:
    from pipeline.glossary.match import fold
    from pipeline.glossary.wordkeys import _stemmer

    stemmer = _stemmer(lang)
    return fold(stemmer.stemWord(word)) if stemmer is not None else word


# French adjectives of relation: a noun's stem (a final e dropped, a final qu written c before the suffix) and a
# suffix that makes an adjective of it (banque → bancaire, poste → postal, police → policier, électron →
# électronique). A closed class of suffixes, as French grammars list them.
_FR_RELATIONAL = re.compile(r"(?:aire|al|ale|aux|ales|el|elle|els|elles|ier|ière|iers|ières|ique|iques)")


def fr_relational(noun: str, word: str) -> bool:
    """Whether the French ``word`` is an adjective of relation made from ``noun`` (bancaire from banque)."""
    stem = noun[:-1] if noun.endswith("e") else noun
    if stem.endswith("qu"):
        stem = stem[:-2] + "c"
    w = word.casefold()
    return len(stem) >= 3 and w.startswith(stem) and _FR_RELATIONAL.fullmatch(w, len(stem)) is not None


def relational_to(words: str, near: list[str], lang: str) -> bool:
    """Whether one of ``near`` (French words) is an adjective of relation made from a noun the dictionary gives
    for one of the English ``words`` (« transfert bancaire » beside “bank”)."""
    if lang != "fr":
        return False
    return any(fr_relational(t, w) for o in words.split() for t in translations(o.casefold(), lang) if " " not in t
               for w in near)

