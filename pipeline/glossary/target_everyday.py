"""An approved word in a translation that says its everyday sense, not the glossary's concept.

Fixed phrase lists ("на этом этапе", "étape de l'affaire") miss the next sentence ("на втором этапе голодовки").
The cue here does not depend on the sentence:

- **Everyday words with an of-complement.** An approved word that also has an everyday sense is known from the
  glossary itself: it occurs in one of its language's ``exclude`` phrases (этап in «этап дела», Etappe in
  „Etappe des Prozesses“, étape in « étape de l'affaire », активист in «активист оппозиции»). Such a word
  heading an of-complement (a Russian genitive noun, German des/der/eines/einer + noun, French de/du/des + noun)
  whose noun is neither a person nor a word of the glossary's own vocabulary in that language is the everyday
  sense: a stage *of the hunger strike*, activists *of the opposition*. "этап заключённых" (of prisoners) and
  « étape de la colonie » stay renderings.

A French bare plural after « par » says a manner (« envoyé par étapes »), not the thing. (Kept apart from
glossary/target_sense.py, which reads which source words claim a rendering.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask, word_keys
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.textprep import words_of

# Words between an everyday word and its complement's noun (articles, contracted prepositions).
_DE_GENITIVE = {"des", "der", "eines", "einer"}
_DE_SKIP = {"des", "der", "eines", "einer", "dieses", "dieser", "jenes", "jener"}
_FR_OF = {"de", "du", "des", "d"}
_FR_SKIP = {"la", "l", "le", "les", "un", "une", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs"}

def _keys(text: str, lang: str) -> set:
    out: set = set()
    for m in WORD_RE.finditer(text):
        w = m.group(0)
        if len(w) >= 4:
            out |= word_keys(w, lang)
    return out


def vocabulary(glossary: Glossary, lang: str) -> frozenset:
    """The keys of the glossary's own words in ``lang``: every approved term's words and the reader notes'."""
    memo = glossary.target_vocabulary
    found = memo.get(lang)
    if found is None:
        keys: set = set()
        noted: dict = {}
        for c in glossary.concepts:
            tr = c.translations(lang)
            if tr is None:
                continue
            for t in tr.approved:
                keys |= _keys(t, lang)
            for k in _keys(tr.reader_note, lang):
                noted[k] = noted.get(k, 0) + 1
        # A reader note's word is the glossary's when two notes use it (Häftling, Lager); one note's word may be
        # the world around prison (the SIZO's note names the appeal trials wait for: „Etappe der Berufung“).
        keys |= {k for k, n in noted.items() if n >= 2}
        found = memo[lang] = frozenset(k for k in keys if k[0] != "w" or len(k[1]) >= 4)
    return found


def everyday_words(concept: Concept, lang: str) -> frozenset:
    """Keys of the concept's one-word approved terms that its ``exclude`` phrases show, by an of-complement,
    to have an everyday sense (этап in «этап дела», étape in « étape de l'affaire »; not обыск in «обыск у»,
    whose everyday sense is not marked that way)."""
    memo = concept.everyday_words
    found = memo.get(lang)
    if found is None:
        tr = concept.translations(lang)
        keys: set = set()
        b = base_lang(lang)
        excluded = tr.exclude if tr is not None else []
        for t in (tr.approved if tr is not None and excluded else ()):
            words = [m.group(0) for m in WORD_RE.finditer(t)]
            if len(words) != 1:
                continue
            k = word_keys(words[0], b, term=True)
            for x in excluded:
                xw = [m.group(0) for m in WORD_RE.finditer(x)]
                if any(word_keys(w, b) & k and _complement(b, xw[i + 1:]) for i, w in enumerate(xw)):
                    keys |= k
                    break
        found = memo[lang] = frozenset(keys)
    return found


# Negative pronominal adjectives: the genitive they open is the object of a negation («никаких новостей»), not a
# complement of the word before.
_RU_NEGATIVE = {"никакой", "ничей"}


def _ru_complement(words: list[str]) -> str | None:
    """The genitive noun an of-complement starts with (skipping a genitive adjective), or None."""
    for w in words[:3]:
        reading = _ru_reading(w)
        if reading is None:
            return None
        if reading:
            return w if reading == "genitive noun" else None
    return None


@lru_cache(maxsize=20_000)
def _ru_reading(word: str) -> str | None:
    """What ``word`` says in an of-complement: "genitive noun", "noun" (another case, or a person: этап
    заключённых, этап Навального), "" (a genitive adjective, numeral or participle, skipped) or None
    (anything else, or no analyser). Remembered per word: a word recurs after many everyday words."""
    from pipeline.glossary.wordkeys import parses as read

    parses = read(word, "ru")  # (empty without an analyser)
    if not parses:
        return None
    if parses[0].tag.POS == "NOUN":
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        if any(p.tag.animacy == "anim" or "Name" in p.tag.grammemes or "Surn" in p.tag.grammemes for p in nouns):
            return "noun"
        return "genitive noun" if any(p.tag.case == "gent" for p in nouns) else "noun"
    if not any(p.tag.POS in ("ADJF", "NUMR", "PRTF") and p.tag.case == "gent" for p in parses):
        return None
    if parses[0].normal_form in _RU_NEGATIVE:
        return None  # a genitive of negation (с начала этапа никаких новостей: no news), not an of-complement
    return ""


def _ru_subject(form: str, after: list[str], noun: str) -> bool:
    """Whether the Russian ``noun`` after an everyday word is the subject of the finite verb right after it, not
    the word's of-complement: it reads as a nominative that agrees with the verb in number, and the word itself
    cannot be that subject («о наших передачах пожертвования выросли»: the donations grew; «пожертвования» is also
    a genitive singular). Not «этапы голодовки продолжаются», where the word agrees with the verb itself."""
    from pipeline.glossary.wordkeys import parses as read

    i = after.index(noun)
    if i + 1 >= len(after):
        return False
    verbs = [p for p in read(after[i + 1], "ru") if p.tag.POS == "VERB" and p.tag.number]
    if not verbs:
        return False
    number = verbs[0].tag.number

    def agrees(word: str) -> bool:
        return any(p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == number for p in read(word, "ru"))

    return agrees(noun) and not agrees(form)


def _complement(lang: str, after: list[str]) -> str | None:
    """The noun of an of-complement that starts right after a word, or None."""
    if not after:
        return None
    if lang in ("ru", "uk"):
        return _ru_complement(after) if lang == "ru" else None
    low = [fold(w) for w in after[:4]]
    if lang == "de":
        if low[0] not in _DE_GENITIVE:
            return None
        rest = [w for w in after[1:4] if w[:1].isupper()]  # German nouns are capitalised
        return rest[0] if rest else None
    if lang == "fr":
        if low[0] not in _FR_OF:
            return None
        rest = [w for w, lw in zip(after[1:], low[1:]) if lw not in _FR_SKIP]
        return rest[0] if rest else None
    return None


# French « par » with an everyday word in the plural and no determiner says how a thing is done, in stages
# (« envoyé par étapes »), not the thing: a manner, as « avec » + noun below.
_FR_BY = "par"


def _by_stages(text: str, hit: Hit, lang: str) -> str:
    """Why ``hit`` (an everyday word) in a French translation says a manner ("" when it does not): « par » and
    its bare plural."""
    if lang != "fr" or text[hit.start - 1:hit.start] != " " or not fold(hit.form).endswith(("s", "x")):
        return ""
    before = words_of(mask(text[max(0, hit.start - 12):hit.start]))
    if before and fold(before[-1]) == _FR_BY:
        return f"“{before[-1]} {hit.form}” says a manner, not the thing"
    return ""


def everyday_sense(glossary: Glossary, text: str, hit: Hit, lang: str) -> str:
    """Why an approved ``hit`` in a translation is its word's everyday sense ("" when it renders the concept)."""
    everyday = everyday_words(hit.concept, lang)
    if not everyday:
        return ""
    return (_everyday(glossary, hit.concept, lang, text[hit.start:hit.end], text[hit.end:hit.end + 80])
            or _by_stages(text, hit, base_lang(lang)))


def _everyday(glossary: Glossary, concept: Concept, lang: str, form: str, following: str) -> str:
    """``everyday_sense`` for one word and what follows it, remembered per glossary."""
    memo = glossary.everyday_judgements
    key = (concept.id, lang, form, following)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _judge_everyday(glossary, concept, lang, form, following)
        if len(memo) > 50_000:
            memo.clear()
    return found


def _judge_everyday(glossary: Glossary, concept: Concept, lang: str, form: str, following: str) -> str:
    b = base_lang(lang)
    words = words_of(mask(form))
    if len(words) != 1 or not (word_keys(words[0], b) & everyday_words(concept, lang)):
        return ""
    after = words_of(mask(following))
    if after and following.lstrip()[:1] in ".,;:!?)»”“\"—–":
        return ""  # the complement would be in another clause
    noun = _complement(b, after)
    if noun is None or word_keys(noun, b) & vocabulary(glossary, lang):
        return ""
    if b == "ru" and _ru_subject(form, after, noun):
        return ""
    return f"“{form} … {noun}” is the everyday sense of the word"


# Words that place a thing in a sequence (next, last, first …), before or after it: with an everyday word the
# source does not place so (« l'étape suivante », „die nächste Etappe“ for “the transfer”), one stage of a
# sequence, as the glossary's own exclusions say it with a demonstrative (« à cette étape », „in dieser Etappe“).
# Not Russian: этап is first the prisoners' word there, and «следующий этап» is their next transfer.
# Written out, not read from data: no source at hand lists them. Babel's CLDR (a dependency) has only "next" and
# "last" (its relative date fields: « la semaine prochaine / dernière », „nächste / letzte Woche“) and no ordinal
# words; the WordNet read here is English's only; the glossary's exclusions say the everyday stage with a
# demonstrative, not a sequence word. They are a closed class of a few words each, as negations are.
_SEQUENCE = {
    "fr": re.compile(r"(?:suivant|prochain|derni[eè]r|premi[eè]r|précédent|ultime)e?s?", re.I),
    "de": re.compile(r"(?:nächst|letzt|erst|vorig|folgend|vorherig)(?:e|en|em|er|es)", re.I),
}
_EN_SEQUENCE = re.compile(r"\b(?:next|following|last|first|previous|final|subsequent|latest|later|earlier|second"
                          r"|third|another|stage|stages|step|phase)\b", re.I)


# Numbers that count a thing's stages („in drei Etappen“, « en trois étapes » for “the etap”): a closed class,
# as the sequence words are; and the English ones a source counts its own term with (“two etaps”).
_COUNT = {
    "fr": re.compile(r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs)", re.I),
    "de": re.compile(r"(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|mehreren|einigen)", re.I),
}
_EN_STAGES = re.compile(r"\b(?:stages?|steps?|phases?|legs?)\b", re.I)  # (the source's own stages, counted)
_EN_COUNT = re.compile(r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)", re.I)


def in_sequence(src: str, dst: str, hit: Hit, lang: str, glossary: Glossary | None = None) -> str:
    """Why ``hit`` (an everyday word of a translation of ``src``) says a stage of a sequence ("" when it does not):
    a word of sequence right before or after it that the source has none of, or a number right before it where
    the source counts none of its terms (“the etap took 26 days” → „in drei Etappen“: stages of one journey)."""
    rx = _SEQUENCE.get(base_lang(lang))
    if rx is None:
        return ""
    before, after = words_of(mask(dst[max(0, hit.start - 30):hit.start])), words_of(mask(dst[hit.end:hit.end + 30]))
    near = [w for w in (before[-1:] + after[:1]) if rx.fullmatch(w)]
    if near and not _EN_SEQUENCE.search(src):
        return f"“{near[0]}” places “{hit.form}” in a sequence the source does not: the everyday sense of the word"
    if (glossary is not None and before and _COUNT[base_lang(lang)].fullmatch(before[-1])
            and not _EN_STAGES.search(src) and not _counted(glossary, src, hit.concept)):
        return (f"“{before[-1]} {hit.form}” counts stages, and the source counts none of its “{hit.concept.term}”: "
                f"the everyday sense of the word")
    return ""


def _counted(glossary: Glossary, src: str, concept: Concept) -> bool:
    """Whether a number stands among the two words before one of ``concept``'s terms in the source."""
    return any(h.concept is concept and any(_EN_COUNT.fullmatch(w) for w in words_of(mask(src[max(0, h.start - 25):h.start]))[-2:])
               for h in glossary.find(src, glossary.source_language))


# The glossary's exclusion phrases say the everyday sense with one determiner («на этом этапе»: at this stage);
# the phrase with another word of that determiner's grammatical class says it as well («на каждом этапе», «на
# первом этапе», «на следующем этапе»: at each, the first, the next stage). pymorphy3 gives the class: a pronominal
# adjective (Apro: этот, тот, каждый, любой) or an ordinal (Anum: первый, второй), in the exclusion word's case.
# Not a possessive (мой, наш, свой: someone's own etap) nor a plain adjective («на долгом этапе»: on a long etap,
# the prisoners' word); the Russian sequence adjectives pymorphy3 tags as plain ones are a closed class, as
# ``_SEQUENCE``'s French and German words are.
_RU_POSSESSIVE = {"мой", "твой", "свой", "наш", "ваш"}
_RU_SEQUENCE = {"следующий", "последний", "предыдущий"}


@lru_cache(maxsize=4096)
def _ru_determiner_case(word: str) -> str | None:
    """The case in which ``word`` is a determiner of the class above (None for none)."""
    from pipeline.glossary.wordkeys import parses as read

    for p in read(word, "ru"):
        if p.tag.POS == "ADJF" and p.normal_form not in _RU_POSSESSIVE and (
                {"Apro", "Anum"} & p.tag.grammemes or p.normal_form in _RU_SEQUENCE):
            return str(p.tag.case)
    return None


def _ru_patterns(concept: Concept) -> tuple:
    """The concept's Russian exclusion phrases that end in an everyday word after a determiner of the class
    above, as (the phrase; the words before its last: a word, or the case of the determiner's slot; the last
    word's keys; its case), worked out once."""
    return concept.remembered("ru exclusion classes", lambda: tuple(_ru_pattern_of(concept)))


def _ru_pattern_of(concept: Concept):
    tr = concept.translations("ru")
    everyday = everyday_words(concept, "ru")
    for x in (tr.exclude if tr is not None and everyday else ()):
        xw = words_of(x)
        if len(xw) >= 2 and word_keys(xw[-1], "ru") & everyday and any(map(_ru_determiner_case, xw[:-1])):
            yield (x, tuple(_ru_determiner_case(w) or fold(w) for w in xw[:-1]), word_keys(xw[-1], "ru"),
                   _ru_case(xw[-1]))


@lru_cache(maxsize=4096)
def _ru_case(word: str) -> str:
    """The case of ``word`` where all its noun readings agree on one ("" otherwise)."""
    from pipeline.glossary.wordkeys import parses as read

    cases = {str(p.tag.case) for p in read(word, "ru") if p.tag.POS == "NOUN"}
    return cases.pop() if len(cases) == 1 else ""


def like_excluded(dst: str, hit: Hit, lang: str) -> str:
    """Why ``hit`` (an everyday word of a Russian translation) says what one of its concept's exclusion phrases
    says, with another determiner of the same class («на каждом этапе» beside «на этом этапе»); "" when not."""
    if base_lang(lang) != "ru":
        return ""
    for phrase, slots, keys, case in _ru_patterns(hit.concept):
        before = words_of(mask(dst[max(0, hit.start - 40):hit.start]))[-len(slots):]
        if (len(before) == len(slots) and all(fold(w) == s for w, s in zip(before, slots) if s not in _CASES)
                and all(_ru_determiner_case(w) == s for w, s in zip(before, slots) if s in _CASES)
                and word_keys(hit.form, "ru") & keys and (not case or _ru_case(hit.form) == case)):
            return (f"“{' '.join(before)} {hit.form}” says what the glossary's exclusion “{phrase}” says, with "
                    f"another word of its class: the everyday sense of the word")
    return ""


_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"}



# The words that may stand between a German or French noun and its attribute's place without being the attribute:
# articles, determiners, prepositions and their contractions (a closed class of each language).
_NOT_ATTRIBUTE = {
    "de": frozenset("der die das den dem des ein eine einen einem einer eines in im am an auf zur zum von vom mit "
                    "nach bei aus für über und oder".split()),
    "fr": frozenset("le la les l un une des du de d au aux à en et ou ce cet cette ces son sa ses leur leurs sur "
                    "dans pour par".split()),
}


def renders_other_word(glossary: Glossary, src: str, dst: str, hit: Hit, lang: str) -> str:
    """Why ``hit`` (an everyday word of a German or French translation) renders another word of the source than
    its concept's term ("" when not): its attribute (the word right before it, or in French right after it)
    translates a source word that stands next to a word the bilingual dictionary translates by ``hit`` (“its
    first stage” → „in der ersten Etappe“, “the least visible stage” → „die am wenigsten sichtbare Etappe“), not
    next to one of the concept's terms. Only the glossary's everyday words are asked: its exclusions say they
    have the sense such a source word names. Function words anchor nothing."""
    b = base_lang(lang)
    skip = _NOT_ATTRIBUTE.get(b)
    if skip is None:
        return ""  # (before the imports below: asked of every everyday word, most of them in Russian)
    from pipeline.glossary.bilingual import installed, translations
    from pipeline.glossary.sense import FUNCTION_WORDS

    before = words_of(mask(dst[max(0, hit.start - 30):hit.start]))[-1:]
    after = words_of(mask(dst[hit.end:hit.end + 30]))[:1] if b == "fr" else []
    attributes = [w for w in before + after if fold(w) not in skip and not w[:1].isupper() and len(w) > 2]
    if not attributes or not installed(b):
        return ""  # (the common case: the word stands without an attribute)
    own = {k for t in hit.concept.terms for w in WORD_RE.findall(t.text) for k in word_keys(w, "en")}
    wanted = [word_keys(a, b) for a in attributes]
    keys = word_keys(hit.form, b)
    claim = ""
    words = WORD_RE.findall(mask(src))
    for n, word in enumerate(words):
        if len(word) < 3 or fold(word) in FUNCTION_WORDS or not any(
                k & word_keys(t, b) for t in translations(fold(word), b) for k in wanted):
            continue
        for w in words[n + 1:n + 3]:
            if word_keys(w, "en") & own:
                return ""  # (the concept's own term has that attribute: the anchor tells nothing)
            if not claim and fold(w) not in FUNCTION_WORDS and any(keys & word_keys(t, b) for t in translations(fold(w), b)):
                claim = (f"“{hit.form}” renders the source's “{word} {w}”: its attribute translates “{word}”, and "
                         f"the dictionary gives it for “{w}”")
                break
    return claim
