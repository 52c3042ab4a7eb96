"""The parts of speech of an English word, by lemminflect's lexicon (“bank”: a noun; “long”: an adjective, a verb
…; “etap”: none, no English word): what tells the phrase, topic and balance readings a noun from a modifier.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

from pipeline.core.sortedlines import first_line_from
from pipeline.glossary import wordnet

# English prepositions (a closed class): the capitalised words after one are its object, not a name's first part
# (checks/name_sense.py); the “that” after one is a determiner, not a relative pronoun (repeats.py).
PREPOSITIONS = frozenset("""
about above across after against along amid among around as at before behind below beneath beside besides between
beyond by despite down during except for from in inside into near of off on onto outside over past per since
through throughout till to toward towards under until unlike upon via with within without""".split())


@lru_cache(maxsize=1)
def _lexicon() -> bytes | None:
    """lemminflect's lexicon as UTF-8 bytes, one “word,category,lemmas” line a form, or None where it is not found.

    Read directly because the library's own loading builds a dictionary of all 80,000 forms (about 1,300 M
    instructions, as much as checking 40 catalogues); the check needs a few dozen words a run, which one
    decompression and a C-speed search per word give for about 2 % of that. Kept as bytes (UTF-8 orders as the
    code points do, so the lines sort alike) and inflated raw, without gzip's separate CRC pass over the 1.8 MB:
    decoding it and checking it were a third of the cost, for text a run reads a dozen lines of."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("lemminflect")  # (finds the package without importing it, numpy and all)
    if spec is None or not spec.origin:
        return None
    try:
        data = (Path(spec.origin).parent / "resources" / "lemma_lu.csv.gz").read_bytes()
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(data[_gzip_header_end(data):])
    except (OSError, ValueError, zlib.error):
        return None


def _gzip_header_end(data: bytes) -> int:
    """Where the deflate stream of a one-member gzip file starts (RFC 1952: the fixed ten bytes, then the optional
    extra field, name, comment and header CRC its flags name); ValueError for no gzip file."""
    if data[:3] != b"\x1f\x8b\x08" or len(data) < 10:
        raise ValueError("not a gzip file")
    flags, at = data[3], 10
    if flags & 4:  # FEXTRA: two bytes of length, then the field
        at += 2 + int.from_bytes(data[at:at + 2], "little")
    for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            at = data.index(b"\0", at) + 1
    return at + 2 if flags & 2 else at  # FHCRC


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset:
    """The parts of speech an English lexicon gives a (lower-case) word: {"NOUN", "VERB", "ADJ", …}, empty for a
    word it does not know (a transliteration, a name). Asked only when a prone term has a foreign word in its
    phrase, so the lexicon is read only then."""
    data = _lexicon()
    if data is None:  # another layout of the package: its own lookup; not installed: no word is known
        try:
            from lemminflect import getAllLemmas
        except ImportError:
            return frozenset()
        return frozenset(getAllLemmas(word))
    key = word.encode("utf-8", "surrogatepass") + b","
    lo = first_line_from(data, key[:-1], b",")  # (the lines are sorted by their word)
    found = set()
    while data.startswith(key, lo):
        found.add(data[lo + len(key):data.find(b",", lo + len(key))].decode("utf-8", "replace").upper())
        nxt = data.find(b"\n", lo)
        lo = len(data) if nxt < 0 else nxt + 1
    return frozenset(found)


WORDNET_CLASSES = (("noun", "NOUN"), ("verb", "VERB"), ("adj", "ADJ"))


@lru_cache(maxsize=4096)
def word_classes(word: str) -> frozenset:
    """The parts of speech of a (lower-case) word in a term's phrase: the English lexicon's (lemminflect), or,
    for a word it does not know, WordNet's (a *newsroom*, a *gatehouse*: compounds the lexicon lacks), the word
    read as it is or, for a plural, without its -s or -es. Empty for a word neither knows (a transliteration)."""
    found = parts_of_speech(word)
    if found or not word.isalpha():
        return found
    forms = [word] + ([word[:-1]] if word.endswith("s") else []) + ([word[:-2]] if word.endswith("es") else [])
    if any(wordnet.lexfile(o) == wordnet.QUANTITY for f in forms for o in wordnet.senses(f)[:1]):
        return frozenset()  # (a number or a unit says how much, not what of: a parcel of twenty kilograms)
    return frozenset(tag for pos, tag in WORDNET_CLASSES if any(wordnet.senses(f, pos) for f in forms))


# The determiners after which an English participle is a noun (“the downgraded had to stand apart”, “the
# accused”, “the wounded”): not “her” (an object too: “saw her downgraded to …”), “that” (a relative pronoun) or
# a numeral.
NOMINALISING = frozenset("the these those his its their our my your each every another no".split())


def nominal(text: str, start: int) -> bool:
    """Whether the word ending before ``start`` is a determiner, so that a verb's participle there is used as a
    noun, with no object or destination of its own."""
    before = text[max(0, start - 12):start]
    if not before.endswith((" ", "\u00a0")):
        return False
    words = before.split()
    return bool(words) and words[-1].lower() in NOMINALISING
