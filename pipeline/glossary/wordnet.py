"""Princeton WordNet 3.0's own files, read where they are installed: the senses an English word has.

The sentence-topic reading of everyday glossary words (glossary/topic.py) compares a sentence's words with each
dictionary sense of the word. WordNet is the field's resource for that; its database is a folder of plain text
files (``index.noun`` sorted by lemma, ``data.noun`` addressed by byte offset), installed by the Debian package
``wordnet-base`` in /usr/share/wordnet and by nltk's downloader in ``nltk_data/corpora/wordnet``. We read them
directly: a lemma is found by a binary search over the memory-mapped index and a sense by one seek, so a run
that asks about a dozen words reads a few kilobytes — nltk's reader maps every lemma of every part of speech when
it is opened (building that map in Python, as it does, takes 0.36 s of CPU here for 147,306 lemmas: as much as
checking 40 catalogues), and nltk would be a dependency for one lookup.

Where no WordNet is installed every word has no senses: the topic reading is off and the check says so once
(:func:`missing_note`), nothing else changes.
"""

from __future__ import annotations

import mmap
import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.core.sortedlines import first_line_from

PLACES = ("/usr/share/wordnet", "/usr/local/share/wordnet", "/usr/share/nltk_data/corpora/wordnet",
          "/usr/local/share/nltk_data/corpora/wordnet", "~/nltk_data/corpora/wordnet")
POS = {"noun": "noun", "verb": "verb", "adj": "adj"}
# A data file by a pointer's part-of-speech letter (a satellite adjective "s" lives with the adjectives).
FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


class Sense(NamedTuple):
    """One synset: its lemmas, its gloss (definition and examples), and its pointers as (symbol, offset, pos)."""

    offset: int
    lemmas: tuple[str, ...]
    gloss: str
    pointers: tuple[tuple[str, int, str], ...]


@lru_cache(maxsize=1)
def folder() -> Path | None:
    """Where WordNet's database is: ``$TAMIZDAT_WORDNET``, else the usual places; None when it is nowhere."""
    places = [os.environ["TAMIZDAT_WORDNET"]] if os.environ.get("TAMIZDAT_WORDNET") else list(PLACES)
    for p in places:
        path = Path(p).expanduser()
        if (path / "index.noun").is_file() and (path / "data.noun").is_file():
            return path
    return None


def missing_note() -> str:
    """One line for an editor when the database is missing ("" when it is installed)."""
    if folder() is not None:
        return ""
    return ("note: WordNet is not installed (Debian: apt install wordnet-base; or nltk's 'wordnet' data): "
            "everyday glossary words are not read by their sentence's topic")


@lru_cache(maxsize=8)
def _mapped(name: str) -> mmap.mmap | None:
    base = folder()
    if base is None:
        return None
    try:
        with open(base / name, "rb") as fh:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


def _index_line(data: mmap.mmap, key: bytes) -> bytes:
    """The index line whose first field is ``key`` (the lines are sorted by it; the licence lines start with
    spaces, so sort first); b"" when there is none."""
    start = first_line_from(data, key, b" ")
    end = data.find(b"\n", start)
    line = data[start:end if end >= 0 else len(data)]
    return line if line.split(b" ", 1)[0] == key else b""


@lru_cache(maxsize=4096)
def senses(lemma: str, pos: str = "noun") -> tuple[int, ...]:
    """The synset offsets of ``lemma`` (lower case; spaces as WordNet's underscores) as a ``pos``, most frequent
    first; () when WordNet does not know it or is not installed."""
    data = _mapped(f"index.{POS[pos]}")
    if data is None:
        return ()
    line = _index_line(data, lemma.lower().replace(" ", "_").encode("utf-8"))
    if not line:
        return ()
    fields = line.split()
    count = int(fields[2])
    return tuple(int(f) for f in fields[-count:])


@lru_cache(maxsize=8192)
def synset(offset: int, pos: str = "noun") -> Sense | None:
    """The synset at ``offset`` of ``pos``'s data file ("n", "v", "a", "s", "r" or "noun", "verb")."""
    data = _mapped(f"data.{FILES.get(pos, pos)}")
    if data is None or offset >= len(data):
        return None
    end = data.find(b"\n", offset)
    head, _, gloss = data[offset:end if end > 0 else len(data)].decode("utf-8", "replace").partition(" | ")
    f = head.split()
    n = int(f[3], 16)
    lemmas = tuple(f[4 + 2 * i].split("(")[0].replace("_", " ").lower() for i in range(n))
    i = 4 + 2 * n
    count = int(f[i])
    pointers = tuple((f[i + 1 + 4 * k], int(f[i + 2 + 4 * k]), f[i + 3 + 4 * k]) for k in range(count))
    return Sense(offset, lemmas, gloss.strip(), pointers)


def definition(offset: int, pos: str = "noun") -> str:
    """The first clause of a sense's gloss, as a finding shows it (“a vertical spar for supporting sails”)."""
    s = synset(offset, pos)
    return s.gloss.split(";")[0].strip() if s else ""


@lru_cache(maxsize=16384)
def lemmas(offset: int, pos: str = "noun") -> tuple[str, ...]:
    """Only the lemmas of the synset at ``offset`` (a sense's neighbours are named by them: reading no more of
    their lines is most of what a signature costs)."""
    data = _mapped(f"data.{FILES.get(pos, pos)}")
    if data is None or offset >= len(data):
        return ()
    head = data[offset:offset + 400].split(b" ", 4)
    n = int(head[3], 16)
    words = head[4].split(b" ", 2 * n)[:2 * n:2]
    return tuple(w.decode("utf-8", "replace").split("(")[0].replace("_", " ").lower() for w in words)


# WordNet's lexicographer files of nouns, by number (lexnames): the semantic class a sense belongs to.
# noun.person, noun.group, noun.state, noun.location, noun.quantity, noun.artifact:
PERSON, GROUP, STATE, LOCATION, QUANTITY, ARTIFACT = 18, 14, 26, 15, 23, 6


@lru_cache(maxsize=8192)
def lexfile(offset: int, pos: str = "noun") -> int:
    """The lexicographer file (semantic class) of the synset at ``offset``: 18 noun.person, 4 noun.act …; -1
    where it cannot be read. Its second field, so only the line's first bytes are read."""
    data = _mapped(f"data.{FILES.get(pos, pos)}")
    if data is None or offset >= len(data):
        return -1
    head = data[offset:offset + 20].split(b" ", 2)
    return int(head[1]) if len(head) > 2 and head[1].isdigit() else -1


def names_a_person(lemma: str, senses_read: int = 3) -> bool:
    """Whether one of a noun's first senses is a person (noun.person): a mother, a man, a guard — who, not what
    kind of thing (a *club*, a *charge*, a *hospital* are not)."""
    return any(lexfile(o) == PERSON for o in senses(lemma, "noun")[:senses_read])


def names_people(word: str) -> bool:
    """Whether a noun's first WordNet sense is people (noun.person, noun.group: a *colleague*, a *parish*, a
    *congregation*, a *club*), read as it is or, for a plural, without its -s: a thing “from” them is sent or
    given by them (“parcels from my parish” are parcels), no other kind of thing for it."""
    w = word.lower()
    for form in dict.fromkeys((w, w[:-1] if w.endswith("s") else w)):
        found = senses(form, "noun")
        if found:
            return lexfile(found[0]) in (PERSON, GROUP)
    return False


def names_a_place(lemma: str) -> bool:
    """Whether a noun's first sense is a place on the map (noun.location): a city, a region, a district — not a
    building or an institution (a *hospital*, a *club* are not)."""
    found = senses(lemma, "noun")
    return bool(found) and lexfile(found[0]) == LOCATION


def noun_count(lemma: str) -> int:
    """How often ``lemma`` was tagged as a noun in WordNet's sense-tagged corpus (SemCor; ``cntlist.rev``):
    *thing* 336, *home* 119, *money* 92, *passenger* 4 — a word's commonness, to weigh one word of evidence.
    0 for a word it never met, or where the file is missing."""
    return sum(n for _, n in noun_tags(lemma))


@lru_cache(maxsize=4096)
def noun_tags(lemma: str) -> tuple[tuple[int, int], ...]:
    """How often the tagged corpus met each of ``lemma``'s noun senses, as (lexicographer class, count) pairs
    (the class is in the sense key: *count*%1:23 a quantity 4, %1:04 an act 4, and the nobleman, %1:18, never);
    () for a word it never met, or where the file is missing."""
    data = _mapped("cntlist.rev")
    if data is None:
        return ()
    key = f"{lemma.lower().replace(' ', '_')}%1:".encode("utf-8")
    lo = first_line_from(data, key)  # (the file is sorted by sense key)
    found = []
    while data[lo:lo + len(key)] == key:
        end = data.find(b"\n", lo)
        end = len(data) if end < 0 else end
        fields = data[lo:end].split()
        found.append((int(fields[0][len(key):len(key) + 2]), int(fields[2])))
        lo = end + 1
    return tuple(found)


def met_as_person(*lemmas: str) -> bool | None:
    """Whether the tagged corpus met the first of ``lemmas`` it met at all mostly as a person (noun.person: a
    *guard* 17 times of 20) — None where it met none, so that a caller falls back on the senses' order: a *count*
    is met as a sum and an act, never as a nobleman; a *charge* once of 41 as a person in someone's care."""
    tags = next(filter(None, map(noun_tags, lemmas)), ())
    return 2 * sum(n for lex, n in tags if lex == PERSON) >= sum(n for _, n in tags) if tags else None


@lru_cache(maxsize=1)
def _word() -> int:
    found = senses("word")
    return found[0] if found else -1


@lru_cache(maxsize=4096)
def names_a_word(lemma: str) -> bool:
    """Whether a noun's first sense is a word (WordNet's first sense of *word*, or one below it by its hypernyms:
    a *term*; not a *name* or a *nickname*, which are said of people): what a text says when it names a word
    rather than a thing (“Mast, the prisoners' own word for their caste”)."""
    target = _word()
    todo, seen = list(senses(lemma, "noun")[:1]), set[int]()
    while todo and target >= 0:
        offset = todo.pop()
        if offset == target:
            return True
        s = synset(offset) if offset not in seen and len(seen) < 12 else None
        seen.add(offset)
        todo.extend(o for sym, o, pos in (s.pointers if s else ()) if sym in ("@", "@i") and pos == "n")
    return False


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """Whether WordNet knows ``word`` (or, inflected, its base: without -s, -es, -ed, -ing) as a common word — a
    verb, an adjective, or a noun with a sense that is not one named thing (*Bruno* is only the philosopher, an
    instance; *class*, *jumping*, *memorial* are common): a capital on such a word says a name or a title, on
    another it says nothing."""
    w = word.lower()
    bases = dict.fromkeys((w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith(("es", "ed")) else w,
                           w[:-3] if w.endswith("ing") else w))
    for base in bases:
        if senses(base, "verb") or senses(base, "adj"):
            return True
        for offset in senses(base, "noun"):
            s = synset(offset)
            if s is not None and not any(sym == "@i" for sym, _, _ in s.pointers):
                return True
    return False


# WordNet's verbs of naming: name.v.01 (“assign a specified (usually proper) proper name to”: *name*, *call*) and
# its hypernym label.v.01; *dub*, *nickname*, *term* are below them. Found by the first sense of *name*.
@lru_cache(maxsize=1)
def _naming() -> frozenset[int]:
    first = senses("name", "verb")[:1]
    s = synset(first[0], "verb") if first else None
    return frozenset((*first, *(o for sym, o, pos in (s.pointers if s else ()) if sym == "@" and pos == "v")))


@lru_cache(maxsize=1024)
def names_a_thing(verb: str) -> bool:
    """Whether one of the first two senses of the English verb ``verb`` (inflected: *calls*, *called*, *dubbed*,
    *termed*) is to give something a name, or a narrower sense of it (by WordNet's hypernyms): *call*, *name*,
    *dub*, *nickname*, *term*, *label* — not *describe*, *know*, *shout*."""
    targets = _naming()
    w = verb.lower()
    for base in dict.fromkeys((w, w[:-1], w[:-2], w[:-3])):
        found = senses(base, "verb")[:2] if len(base) > 2 else ()
        todo, seen = list(found), 0
        while todo and seen < 8:
            offset = todo.pop()
            seen += 1
            if offset in targets:
                return True
            s = synset(offset, "verb")
            todo.extend(o for sym, o, pos in (s.pointers if s else ()) if sym == "@" and pos == "v")
        if found:
            return False
    return False
