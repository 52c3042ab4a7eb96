"""The keys under which a word can meet a glossary term: folded form, dictionary lemmas, stems, roots.

Every word (of a term or of a text) is reduced to a small set of keys: its lower-cased form (ё → е), its
dictionary lemmas (pymorphy3 for Russian and Ukrainian) and derivational root, its Snowball stem when no
dictionary knows the word (English: inflections stripped only) and, for Russian surnames in -ов/-ев/-ин/-ский,
the bare base (Мифтахова, Мифтахову → мифтахов). Keys are namespaced (stem vs lemma vs root) so a stem never
meets an unrelated lemma. ``pipeline.glossary.match`` builds its index on them.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import lru_cache

from pipeline.glossary.derive import ru_imperfectives, ru_roots
from pipeline.glossary.textprep import MIXED_RE, unmix_word

# A word may carry a gender-inclusive ending (prisonnier·es, Aktivist*innen, Gefangene:r, Häftling_innen).
INCLUSIVE_RE = re.compile(r"[·*:_]")

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
# Languages whose words may meet a term by a derivational root key ("d"): a hit is then marked derived
DERIVING = (*MORPH_LANGS, "fr")
# A phrase's determiner stands for its class: demonstrative or indefinite, the glossary's «на этом этапе», „in
# dieser Etappe“, « à cette étape » (at this stage) are also «на том этапе», «на некотором этапе», „in einer
# Etappe“, « à une étape ». Russian by pymorphy3's lemma (a pronominal adjective, Apro: какой-то is какой to the
# matcher, its particle read apart), German and French by the word (their articles and demonstratives are a
# closed list); not the definite article (der, la), which names the thing again.
DEMONSTRATIVES = frozenset(("этот", "тот", "этакий", "цей", "той", "некий", "некоторый", "какой"))
DETERMINERS = {
    "de": frozenset(("dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "jenem", "jenen",
                     "ein", "eine", "einer", "eines", "einem", "einen")),
    "fr": frozenset(("ce", "cet", "cette", "ces", "un", "une")),
}
# Inflectional endings after a Snowball stem. A forbidden word must appear inflected, not derived: French
# "parrainé" (sponsored) shares the stem of the forbidden "parrain" (godfather) but is another word.
FORBIDDEN_ENDINGS = {
    "fr": frozenset(("", "s", "x", "e", "es", "ne", "nes", "le", "les", "aux", "ux")),
    "de": frozenset(("", "e", "en", "n", "s", "es", "er", "ern", "em", "ens", "ns", "in", "innen")),
}
# Russian/Ukrainian surname and adjective endings: Мифтахов-а/-у/-ым, Горбунов-ой.
SURNAME_RE = re.compile(r"^(.{2,}?(?:ов|ев|ин|ын|ёв|ский|цкий))(?:а|у|ым|ом|е|ой|ою|ы|их|ых|ыми|ими|ого|ому)?$")


# German participles and past forms of -ieren verbs.
GERMAN_IEREN_RE = re.compile(r"^(.{3,}ier)(?:t|te|ten|ter|tes|tem|st|test)$")

# German feminine person nouns: the masculine with -in, plural -innen (Aktivistin, Häftlinginnen). Only a noun
# (capitalised) whose rest is a glossary word's stem ever meets anything by it, so Termin or Benzin meet nothing.
GERMAN_FEMININE_RE = re.compile(r"^(.{5,}?)(?:in|innen)$")

# A German noun of action in -ung and the forms of its verb (verlegt, verlegte, verlegen; gefilzt): their root.
GERMAN_UNG_RE = re.compile(r"^(.{4,}?)ung(?:en)?$")
GERMAN_VERB_RE = re.compile(r"^(?:ge)?(.{4,}?)(?:t|te|ten|tes|ter|en|et|st)$")

# The zu-infinitive of a German separable verb has zu between its particle and its verb: zusammenzuarbeiten is
# zusammenarbeiten, abzugeben abgeben.
GERMAN_ZU_RE = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|weiter|wieder|zurück"
                          r"|zusammen|zu)zu(.{3,}en)$")

# Letters inflection may change at the start of a word (Hahn/Hähne, ё/е).
_PREFIX_FOLD = str.maketrans("äöüёß", "aoues")


def _prefix(word: str) -> str:
    return word[:2].lower().translate(_PREFIX_FOLD)


@lru_cache(maxsize=64)  # (asked of a language code thousands of times a check: per hit, per reading)
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
def morph_analyzer(lang: str):
    """pymorphy3's analyser for ``lang``, one per process (None when the language has none or it cannot load):
    matching, target senses and repeats all ask the same one."""
    if lang not in MORPH_LANGS:
        return None
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(path=_dictionary_path(pymorphy3, lang), lang=lang)
    except (ImportError, OSError, ValueError, KeyError) as exc:
        # Matching still works on stems, but misses inflected terms: the editor must know.
        print(f"tamizdat: warning: pymorphy3 cannot analyse {lang!r} ({exc}); {lang} terms are matched "
              "by stems only", file=sys.stderr)
        return None


def _dictionary_path(pymorphy3, lang: str) -> str | None:
    """The path of ``lang``'s dictionary package, as pymorphy3 finds it by its entry point (``pymorphy3_dicts_ru``
    registers ``ru``), or None to let pymorphy3 look (its environment variable set, another package installed):
    pymorphy3 finds it by reading every installed distribution's entry points, 84 M instructions (about 25 ms) of
    every check's start-up."""
    if pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE in os.environ:
        return None
    try:
        return importlib.import_module(f"pymorphy3_dicts_{lang}").get_path()
    except (ImportError, AttributeError):
        return None


def analyse(morph, word: str) -> list:
    """``morph.parse(word)``, or no parse where pymorphy3 cannot read the word: it asks each letter's Unicode name
    to tell Latin from other letters, and a letter without one in this Python's tables (a Tangut ideograph in
    3.11's) raises ValueError. A translation may hold any text, and a word no one can read has no analysis."""
    try:
        return morph.parse(word)
    except ValueError:
        return []


@lru_cache(maxsize=50_000)
def parses(word: str, lang: str) -> tuple:
    """pymorphy3's parses of ``word`` in ``lang`` (empty without an analyser), remembered: the rules on a translation
    ask of the same words in message after message, and a word the dictionary does not know (a name, a foreign
    word) is guessed by analogy, which costs more than checking a whole entry."""
    morph = morph_analyzer(lang)
    return tuple(analyse(morph, word)) if morph is not None else ()


def first_reading(word: str, lang: str):
    """pymorphy3's first (likeliest) parse of ``word``, or None without an analyser or where it cannot read the
    word: the rules that take a word's first reading ask this, so that each need not guard ``parses()[0]``."""
    read = parses(word, lang)
    return read[0] if read else None


def first_pos(word: str, lang: str) -> str | None:
    """The part of speech of ``word``'s first reading (None without one)."""
    p = first_reading(word, lang)
    return p.tag.POS if p is not None else None


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
    if MIXED_RE.search(word):  # look-alike letters of another script: read the word in its own
        word = unmix_word(word)
    w = fold(word)
    keys = {("w", w)}
    if w.isdigit():
        return frozenset(keys)
    if INCLUSIVE_RE.search(w):
        return frozenset(keys | word_keys(INCLUSIVE_RE.split(word)[0], lang, term))
    if lang == "en":
        # -ed/-ing forms are verbs (or participles) first: keyed apart, so that a noun term (a search, a squad)
        # does not meet "searched"; a term's words carry both keys, and the index drops the verb key of a
        # one-word noun term (``Index.add``).
        b = english_base(w)
        verb = b != w and w.endswith(("ed", "ing"))
        keys.add(("v" if verb else "s", b))
        if term:
            keys.add(("s", b))
            keys.add(("v", b))
        return frozenset(keys)
    known = False
    if lang in MORPH_LANGS:
        for p in parses(w, lang):  # (shared with the rules' own reading: a term word is read at start-up)
            known = known or p.is_known
            if p.tag.POS in ("PRTF", "PRTS"):
                full = p.inflect({"masc", "sing", "nomn"}) if p.tag.POS == "PRTF" else None
                keys.add(("p", (full.word if full else w).replace("ё", "е")))
                if not term:
                    keys.add(("l", p.normal_form.replace("ё", "е")))
            else:
                keys.add(("l", p.normal_form.replace("ё", "е")))
                if p.normal_form in DEMONSTRATIVES and "Apro" in p.tag.grammemes:
                    # (a phrase's demonstrative is any determiner of its class: DEMONSTRATIVES)
                    keys.add(("a", "demonstrative"))
                if p.tag.POS in ("NOUN", "ADJF", "ADJS") or not p.is_known:
                    # Derived words (политзаключённая, петушиный, передачка) share a root key.
                    keys.update(("d", root) for root in ru_roots(p.normal_form, term))
                elif p.tag.POS in ("VERB", "INFN") and p.normal_form.endswith("ировать"):
                    # The verb of an -ирование noun (этапировали: этапирование) shares its root.
                    keys.add(("d", p.normal_form[:-2].replace("ё", "е")))
    if w in DETERMINERS.get(lang, ()):
        keys.add(("a", "demonstrative"))
    stemmer = _stemmer(lang)
    # Where the dictionary knows the word, its lemmas are better than a stem
    # (Snowball gives колония and колонна the same stem).
    if stemmer is not None and (not known or (lang in MORPH_LANGS and not term and word[:1].isupper())):
        # (A capitalised word the dictionary knows may also be the inflection of a name it does not: Бутырки,
        # a district's name to pymorphy3, is the genitive of Бутырка, which it does not know.)
        keys.add(("s", stemmer.stemWord(w)))
        if len(w) > 3 and ((lang == "de" and w.endswith("s")) or (lang == "fr" and w[-1] in "sx")):
            # Snowball keeps German genitive -s after most consonants
            # (Miftachows) and French plural -s after -u (détenus).
            keys.add(("s", stemmer.stemWord(w[:-1])))
    if lang == "de" and stemmer is not None:
        m = GERMAN_FEMININE_RE.match(w) if word[:1].isupper() else None
        if m:  # Aktivistin, Aktivistinnen meet Aktivist (a person noun's feminine, the same word to a glossary)
            keys.add(("s", stemmer.stemWord(m.group(1))))
        m = GERMAN_UNG_RE.match(w) or (GERMAN_VERB_RE.match(w) if word[:1].islower() and not term else None)
        if m:  # Verlegung and verlegt, Durchsuchung and durchsucht: a verb and its noun share a root
            keys.add(("d", m.group(1)))
        m = GERMAN_ZU_RE.match(w) if word[:1].islower() else None
        if m:
            keys.add(("s", stemmer.stemWord(m.group(1) + m.group(2))))
        m = GERMAN_IEREN_RE.match(w)
        if m:  # kooperiert, kooperierte meet kooperieren (Snowball keeps the -t)
            keys.add(("s", stemmer.stemWord(m.group(1) + "en")))
    if lang == "fr" and stemmer is not None:
        if not term and len(w) >= 7 and w.endswith("ent"):
            # A first-group verb's third person plural (coopèrent, collaborent, transfèrent): Snowball keeps
            # -ent, so it is read by its infinitive too, the è of the stressed stem back to é.
            base = w[:-3]
            i = base.rfind("è")
            if i >= len(base) - 3:
                base = base[:i] + "é" + base[i + 1:]
            keys.add(("s", stemmer.stemWord(base + "er")))
        s = stemmer.stemWord(w)
        if len(s) > 5 and s.endswith(("ert", "er")):
            # A noun in -ert and its verb in -érer share a root: transfert, transféré (Snowball: transfert, transfer)
            keys.add(("d", s[:-1] if s.endswith("t") else s))
    if lang in MORPH_LANGS:
        m = SURNAME_RE.match(w)
        if m:
            keys.add(("b", m.group(1)))
    return frozenset(keys)



# Languages whose modifiers ``modifier`` tells (by pymorphy3's tags).
MODIFIED = ("ru",)


@lru_cache(maxsize=20_000)
def modifier(word: str, lang: str) -> bool:
    """Whether ``word`` can only modify a noun: an adjective, a participle, a possessive or demonstrative
    (нашей, этой, его), which may stand inside a phrase of the glossary's (обыск в нашей квартире)."""
    read = parses(fold(word), lang)
    # (его, её, их before a noun are possessives, whatever case pymorphy3 reads them in)
    return bool(read) and all(p.tag.POS in ("ADJF", "PRTF") or (p.tag.POS == "NPRO" and p.normal_form in ("он", "она", "оно", "они"))
               for p in read[:3])


# The particles a hyphen joins to the pronoun before them (какой-то, кто-нибудь): one word to a reader, two to the
# split, so a phrase of the glossary's reads «на каком-то этапе» as «на каком этапе».
_RU_PARTICLES = frozenset(("то", "нибудь", "либо"))


def inserted(word: str, gap: str, lang: str) -> bool:
    """Whether ``word`` (after ``gap``) may stand inside a phrase of the glossary's: a ``modifier``, or a
    particle the hyphen joins to the pronoun before it."""
    return (gap == "-" and fold(word) in _RU_PARTICLES) or modifier(word, lang)


def declined_feminine_surname(text: str, start: int, form: str, spelling: str) -> bool:
    """Whether ``form`` at ``start`` of a Russian ``text`` declines a surname that does not decline for a
    woman: one that ends in a consonant or -ь and is not of the Russian adjectival types (-ов, -ин, -ский:
    Мифтахова), after a woman's first name (с Еленой Горбанью for Горбань)."""
    if fold(unmix_word(form) if MIXED_RE.search(form) else form) == fold(spelling) or spelling[-1:].lower() not in "бвгджзйклмнпрстфхцчшщь" or SURNAME_RE.match(
            fold(spelling)):
        return False
    before = re.findall(r"\w+", text[max(0, start - 30):start])
    # (a first name is capitalised: «из Омутнинска» is no Иза's surname, though pymorphy3 reads из as one)
    return bool(before and before[-1][:1].isupper() and any("Name" in p.tag.grammemes and p.tag.gender == "femn"
                                                            for p in parses(before[-1], "ru")[:2]))


def participle_verbs(term: str, lang: str) -> tuple[str, ...]:
    """The verb of a one-word participle term and that verb's other aspect (опущенный → опустить, опускать), or
    () for any other term."""
    p = first_reading(fold(term.strip()), lang) if " " not in term.strip() else None  # (word_keys reads it too)
    if p is None or p.tag.POS not in ("PRTF", "PRTS"):
        return ()
    verb = p.normal_form.replace("ё", "е")
    return (verb, *ru_imperfectives(verb, morph_analyzer(lang))) if lang == "ru" else (verb,)


def _inflects(token: str, term_word: str, lang: str) -> bool:
    """Whether ``token`` is ``term_word`` with an inflectional ending (not a derivation) after its stem."""
    t, w = fold(token), fold(term_word)
    if t == w:
        return True
    endings = FORBIDDEN_ENDINGS[lang]
    if t.startswith(w) and t[len(w):] in endings:
        return True
    stem = _stemmer(lang).stemWord(w)
    if not t.startswith(stem):
        return True  # matched another way (Hahn/Hähne): no ending to judge
    rest, tail = t[len(stem):], w[len(stem):]
    return rest in endings or (rest.startswith(tail) and rest[len(tail):] in endings)


def _same_case(token: str, term_word: str) -> bool:
    """Case-sensitive comparison that lets endings inflect: the shared stem must match exactly. A word written all in
    capitals (a speaker's label “SMIRNOV:”, a headline) says nothing of its case: it is a capitalised term's word."""
    if term_word[:1].isupper() and len(token) > 1 and token.isupper():
        return True
    a, b = fold(token), fold(term_word)
    k = 0
    n = min(len(a), len(b))
    while k < n and a[k] == b[k]:
        k += 1
    k = max(k, 1)
    return token[:k] == term_word[:k]


def agrees_after(noun: str, adjective: str) -> bool:
    """Whether a Russian ``adjective`` agrees with the ``noun`` just before it (pymorphy3's first readings), as a
    predicate or an attribute after its noun does («тюремная почта платная»): its noun is there, not left out."""
    n, a = first_reading(noun, "ru"), first_reading(adjective, "ru")
    return (n is not None and a is not None and n.tag.POS == "NOUN" and a.tag.POS == "ADJF"
            and (n.tag.gender, n.tag.number, n.tag.case) == (a.tag.gender, a.tag.number, a.tag.case))
