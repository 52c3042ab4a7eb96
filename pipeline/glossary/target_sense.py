"""Which approved words in a translation render the glossary's concept, and which say something else.

Fixed phrase lists ("на этом этапе", "étape de l'affaire") miss the next sentence ("на втором этапе голодовки").
Cues that do not depend on the sentence (an approved word heading an everyday of-complement is
glossary/target_everyday.py's):

- **The source's other occurrences of the same word.** A concept whose term counts only in quotation marks
  (“activists”) may sit beside the same word unquoted (opposition activists). An unquoted approved one-word
  rendering in the translation is claimed first by those unquoted source words, so «Оппозиционные активисты …
  избили заключённые» has no rendering of the “activists” at all.
- **The source's words of the everyday sense.** A language's ``homonyms`` say which approved words also
  translate other source words (German Hahn is also a *tap*, French fouille an *excavation*, Russian перевод a
  *translation*): each such source word claims one unquoted occurrence first, so „am letzten Hahn … diesen
  Hahn“ for two taps leaves no rendering of the “roosters”.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.glossary.bilingual import cognate_nouns
from pipeline.glossary.english_pos import word_classes
from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask, word_keys
from pipeline.glossary.model import Concept
from pipeline.glossary.sense import in_quotes
from pipeline.glossary.target_everyday import everyday_words
from pipeline.glossary.textprep import first_script, words_of
from pipeline.glossary.wordkeys import first_pos


def unquoted_repeats(text: str, hits: list[Hit], quoted_terms: set[str], lang: str) -> dict[str, int]:
    """Per concept: how often the source has one of its quoted-only words without quotes (another sense)."""
    out: dict[str, int] = {}
    for h in hits:
        if h.term not in quoted_terms or h.concept.id in out:
            continue
        keys = word_keys(h.term, base_lang(lang), term=True)
        spans = [(o.start, o.end) for o in hits if o.concept.id == h.concept.id]
        n = sum(1 for m in WORD_RE.finditer(mask(text))
                if word_keys(m.group(0), base_lang(lang)) & keys
                and not any(a <= m.start() < b for a, b in spans))
        out[h.concept.id] = n
    return out


def claim_unquoted(text: str, found: list[Hit], others: int) -> list[Hit]:
    """``found`` without the unquoted one-word renderings that ``others`` unquoted source words claim first."""
    if not others:
        return found
    kept = []
    for h in found:
        if others and " " not in h.form.strip() and not in_quotes(text, h.start, h.end):
            others -= 1
            continue
        kept.append(h)
    return kept


@lru_cache(maxsize=4096)
def _source_count(src: str, words: tuple[str, ...], lang: str) -> int:
    """How often ``src`` has one of ``words`` (in any inflection); an entry of several words counts where its
    words stand in a row (“money transfer”, “bank transfers”)."""
    folded = fold(src)
    if not any(map(folded.__contains__, _openings(words))):
        return 0  # (the common case: none of them anywhere)
    said = words_of(mask(src))
    found = [word_keys(w, lang) for w in said]
    wanted: set = set()
    spelt: set[str] = set()
    n = 0
    for w in words:
        parts = words_of(w)
        if len(parts) == 1:
            wanted |= word_keys(w, lang, term=True)
            if lang == "en":  # (inflected as written: the key “tap” and “tape” share would count “taped”)
                spelt |= english_forms(fold(w))
            continue
        keys = [word_keys(p, lang, term=True) for p in parts]
        n += sum(1 for i in range(len(found) - len(keys) + 1)
                 if all(found[i + j] & k for j, k in enumerate(keys)))
    return n + sum(1 for w, k in zip(said, found) if k & wanted and (not spelt or fold(w) in spelt))


@lru_cache(maxsize=1024)
def _openings(words: tuple[str, ...]) -> tuple[str, ...]:
    """The first four letters of each of ``words``, folded (a glossary's homonyms: asked of every translation)."""
    return tuple(fold(w)[:4] for w in words)


_VOWELS = "aeiouy"


@lru_cache(maxsize=1024)
def english_forms(word: str) -> frozenset[str]:
    """The regular inflections of an English ``word`` (lower case) as they are spelt: a noun's plural (-es after a
    sibilant or -o) and possessive,
    a verb's -s, -ed and -ing forms, with a final -e dropped, -y after a consonant made -ie-, and the consonant
    of a one-syllable word ending consonant-vowel-consonant doubled (tap: tapped, tapping — never “taped”, which
    is tape's)."""
    forms = {word, word + "es" if word.endswith(("s", "x", "z", "ch", "sh", "o")) else word + "s",
             word + "'s", word + "’s", word + "s'"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    stem = word[:-1] if word.endswith("e") and len(word) > 2 else word
    one_syllable = sum(1 for a, b in zip(" " + word, word) if b in _VOWELS and a not in _VOWELS) == 1
    if (one_syllable and len(word) >= 3 and word[-1] not in _VOWELS + "wx" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    else:
        forms |= {stem + "ed", stem + "ing"}
    return frozenset(forms)


def homonyms(concept: Concept, lang: str) -> tuple:
    """The concept's ``homonyms`` in ``lang`` as (keys of the word, its source words), worked out once."""
    key = f"homonyms {lang}"
    found = concept.memos.get(key)
    if found is None:
        tr = concept.translations(lang)
        found = concept.memos[key] = tuple(
            (word_keys(h.term, base_lang(lang), term=True), tuple(h.source)) for h in (tr.homonyms if tr else ()))
    return found


_PLAIN_KEYS: dict[str, str] = {}


def plain_renderings(concept: Concept, lang: str) -> bool:
    """Whether every approved word of the concept in ``lang`` renders it wherever it occurs: none has an
    everyday sense its ``exclude`` phrases or ``homonyms`` show (the common case, worked out once)."""
    key = _PLAIN_KEYS.get(lang) or _PLAIN_KEYS.setdefault(lang, f"plain {lang}")  # (asked of every rendering)
    found = concept.memos.get(key)
    if found is None:
        # (only a homonym that is an approved word claims renderings: a forbidden one's — Ziege, homosexuel — is
        # read by ``glossed``)
        b = base_lang(lang)
        approved = frozenset().union(*(word_keys(t, b, term=True) for t in concept.approved(lang) if " " not in t.strip()))
        found = concept.memos[key] = not everyday_words(concept, lang) and not any(
            keys & approved for keys, _source in homonyms(concept, lang))
    return found


def claim_homonyms(src: str, src_lang: str, dst: str, lang: str, found: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """``found`` less the unquoted one-word renderings that source words of the word's everyday sense claim
    (the glossary's ``homonyms``: two “taps” in the source claim two unquoted Hahn), and those claimed."""
    pairs = homonyms(found[0].concept, lang) if found else ()
    if not pairs:
        return found, []
    kept, claimed = list(found), []
    sb, b = base_lang(src_lang), base_lang(lang)
    for keys, source in pairs:
        words = [h for h in kept if " " not in h.form.strip() and word_keys(h.form, b) & keys]
        if not words:
            continue  # (the common case: the word is not in the translation)
        # A source word already rendered by another word of the family (“translated” → «перевела», beside the
        # transfer's «Перевод») claims nothing more.
        n = _source_count(src, source, sb)
        if n:
            verbs = _source_count(src, _verbs(source), sb) if b == "ru" else -1
            n = max(0, n - _kin(dst, words, b, n - verbs if verbs >= 0 else n, verbs))
        for h in words:
            if n and not in_quotes(dst, h.start, h.end):
                kept.remove(h)
                claimed.append(h)
                n -= 1
    return kept, claimed


def _kin(dst: str, words: list[Hit], lang: str, nouns: int, verbs: int) -> int:
    """How many words of ``dst`` other than ``words`` share their stem's first five letters, all but the last
    two of the word (перевела, переводчик beside перевод): the same family, another part of speech; or hold it
    after a first part (телепередачу beside передачу: a compound whose head is the word). In Russian (``verbs``
    not -1) a kin verb renders one of the source's ``verbs`` (“translated” → «перевела»), any other word one of its
    ``nouns``: «перевозить» says the transfer the source's “bank transfer” is not."""
    stems = {fold(h.form)[:max(5, len(fold(h.form)) - 2)] for h in words}
    spans = [(h.start, h.end) for h in words]
    kin = [m.group(0) for m in WORD_RE.finditer(mask(dst))
           if any(_kin_at(fold(m.group(0)).find(st)) for st in stems)
           and not any(a <= m.start() < b for a, b in spans)]
    if verbs < 0 or not kin:
        return len(kin)
    said = sum(1 for w in kin if first_pos(w, lang) in _RU_VERBAL)
    return min(said, verbs) + min(len(kin) - said, nouns)


# pymorphy3's parts of speech of a verb: finite, infinitive, participles, gerund
_RU_VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _verbs(source: tuple[str, ...]) -> tuple[str, ...]:
    """The one-word entries of a homonym's source words that English knows only as verbs (“translated”)."""
    return tuple(w for w in source if " " not in w.strip() and word_classes(fold(w)) == {"VERB"})


def _kin_at(i: int) -> bool:
    """Whether a stem found at ``i`` in a word makes it kin: at its start, or after a first part of three to eight
    letters (теле-, радио-; not a stem met by chance deep inside a long word)."""
    return i == 0 or 3 <= i <= 8


def glossed(src: str, src_lang: str, dst: str, lang: str, forbidden: list[Hit]) -> dict[int, str]:
    """Which forbidden hits translate a word of the source's own (a slur the source glosses: “kozly”, goats →
    „Kosly“, Ziegen), as the language's ``homonyms`` say of the forbidden word: index in ``forbidden`` -> the
    source's words. Each unquoted source word claims one occurrence."""
    out: dict[int, str] = {}
    sb, b = base_lang(src_lang), base_lang(lang)
    for concept in {id(h.concept): h.concept for h in forbidden}.values():
        for keys, source in homonyms(concept, lang):
            n = _source_count(src, source, sb)
            for i, h in enumerate(forbidden):
                if n and h.concept is concept and i not in out and word_keys(h.form, b) & keys:
                    out[i] = "/".join(f"“{w}”" for w in source[:2])
                    n -= 1
    return out


def spelt_as_source(concept: Concept, lang: str) -> tuple[str, ...]:
    """The concept's approved one-word terms in ``lang`` (in lower case and capitalised, of four letters or more) written in the
    script of its source terms (colonie, camp: Latin as colony; not колония, nor the abbreviation IK), which may
    be spelt as a word of the source; worked out once."""
    key = f"spelt as source {lang}"
    found = concept.memos.get(key)
    if found is None:
        scripts = {first_script(t.text) for t in concept.terms}
        words = [t.strip().casefold() for t in concept.approved(lang)
                 if " " not in t.strip() and len(t) >= 4 and first_script(t) in scripts]
        found = concept.memos[key] = tuple(f for w in words for f in (w, w.capitalize()))
    return found


def claimed_by_same_word(src: str, src_lang: str, src_hits: list[Hit], dst: str, lang: str, found: list[Hit]) -> list[Hit]:
    """The one-word renderings in ``found`` that translate the source's own word, spelt the same (or a noun of
    the same stem: ``bilingual.cognate_nouns``) and not a term of the concept there (“The pro-Kremlin camp …,
    inside the colony” → « Le camp pro-Kremlin …, dans l'établissement »: « camp » renders the political camp,
    and the colony is left untranslated)."""
    out: list[Hit] = []
    folded = None
    sb = base_lang(src_lang)
    for h in found:
        form = fold(h.form)
        if " " in form.strip() or len(form) < 3 or h.concept.pos == "proper noun":
            continue
        folded = folded if folded is not None else fold(src)
        if (form[:-1] if form.endswith("s") else form) not in folded:
            # (or the same word in its own language's spelling)
            if cognate_nouns(src, sb, src_hits, h, lang, folded) > sum(1 for o in out if fold(o.form) == form):
                out.append(h)
            continue  # (the common case: the source has no such word)
        keys = word_keys(h.form, sb)
        if any(bool(keys & word_keys(t.text, sb, term=True)) for t in h.concept.terms):
            continue  # the concept's own word (“activists” → « activistes »)
        spans = [(o.start, o.end) for o in src_hits if o.concept is h.concept]
        n = sum(1 for m in WORD_RE.finditer(mask(src))
                if word_keys(m.group(0), sb) & keys and not any(a <= m.start() < b for a, b in spans))
        if n > sum(1 for o in out if fold(o.form) == form):
            out.append(h)
    return out


# French « avec » + a noun without a determiner is a manner, not a thing (« a écrit avec détachement »); not
# « sans », which often is the thing's absence (« resté sans colis »).
_FR_MANNER = {"avec"}


def manner(dst: str, hit: Hit, lang: str) -> str:
    """Why an approved noun in a translation says a manner rather than the thing ("" when it does not)."""
    if base_lang(lang) != "fr" or " " in hit.form.strip():
        return ""
    before = WORD_RE.findall(mask(dst[max(0, hit.start - 12):hit.start]))
    if before and fold(before[-1]) in _FR_MANNER and dst[hit.start - 1:hit.start] == " ":
        return f"“{before[-1]} {hit.form}” says a manner, not the thing"
    return ""
