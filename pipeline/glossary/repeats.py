"""What in a translation may say a repeated noun without the noun: a pronoun, an adverb, an adjective left alone.

The source names a thing twice (“the punishment cell … came out of the punishment cell”); a translation may say
the second by a pronoun or an adverb («туда», „dorthin“, « il y a été renvoyé », « qui les a ramenées »), or by
an adjective whose noun is left out («а следующее перенесли», „und auch das nächste.“, « et la suivante »), or
leave it out after a word of repetition (« puis de nouveau en 2024 », „und 2023 erneut“). Then a shortfall of
renderings is a warning that names what may stand for the repeat; a wrong noun («вторая поездка», „nach der
Reise“) stays an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline.glossary.ellipsis import ellipsis
from pipeline.glossary.english_pos import PREPOSITIONS
from pipeline.glossary.match import WORD_RE, Hit, base_lang, english_base, fold, mask
from pipeline.glossary.phrase import phrase_end
from pipeline.glossary.placement import paired_pieces
from pipeline.glossary.possessives import own_possessives, possessives
from pipeline.glossary.preposition_repeats import distributive, pronominal_adverb
from pipeline.glossary.sense import FUNCTION_WORDS

# Third-person pronouns (personal, possessive) per language; ``extra_pronouns`` compares the counts. Not German
# es, mostly an expletive (“es gibt”, “wohin es geht”, “es ist wichtig”), except as an object before a dative pronoun
# (“man gab es ihr zurück”) or a clause's subject whose predicate is a noun (“; es ist kein privater Messenger”).
PRONOUNS = {
    "en": {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs"},
    "ru": {"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "ею", "ими", "него", "неё",
           "нее", "них", "нему", "ней", "ним", "нею", "ними", "нём", "нем",
           "свой", "своя", "своё", "свое", "свои", "своего", "своей", "своему", "своим", "своих", "своими", "своем",
           "своём", "свою"},
    "uk": {"він", "вона", "воно", "вони", "його", "її", "їх", "йому", "їй", "їм", "ним", "нею", "ними", "ньому",
           "ній", "них", "нього", "неї"},
    "de": {"er", "ihn", "ihm", "sie", "ihr", "ihnen", "sein", "seine", "seinen", "seinem", "seiner",
           "seines", "ihre", "ihren", "ihrem", "ihrer", "ihres"},
    # le/la/les/l', en and y only as clitics before a verb (_FR_CLITIC_RE): otherwise articles and prepositions.
    "fr": {"il", "elle", "ils", "elles", "lui", "eux", "leur", "leurs", "son", "sa", "ses", "celui", "celle", "ceux",
           "celles"},
}
# Adverbs of a place named before: the translation's «туда», „dorthin“, « il y a été renvoyé » mirror the
# source's there/back/here (“he was sent back” → „wurde er wieder dorthin gebracht“), so they are counted apart
# from the pronouns. French y is a clitic (_FR_CLITIC_RE) and counts as a pronoun.
PLACES = {
    "en": {"there", "here"},  # and back, unless a place follows it (_EN_BACK)
    "ru": {"там", "туда", "оттуда", "сюда", "здесь"},
    "de": {"dort", "dorthin", "dahin", "dorther", "hierher"},
}
# ... French ones are hyphenated words (« puis encore dix jours là-bas »); a bare « là » is as often a
# demonstrative's (« ce jour-là », « celle-là »)
_FR_PLACES = re.compile(r"\blà-(?:bas|dedans|haut)\b|\bici\b", re.I)
# A quantifier without its noun says the noun left out, as a pronoun does: “fewer under strict regime” (fewer
# parcels) is mirrored by «их меньше».
# (not “more”, “less”, “most”: adverbs as often — “he feared the cell most in winter” —, nor “both”, a conjunction
# before a preposition: “both in the SIZO and …”)
_EN_QUANTIFIER = re.compile(r"\b(?:fewer|many|several|none|few)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:%s)\b)"
                            % "|".join("under in at on for from after before during".split()), re.I)
# The existential “there” (“there is no bed”, “there's”) names no place: a subject's stand-in before a form of *be*.
_BE = frozenset("""is are was were s will has have had seems seem seemed remains remain remained exists exist existed
appears appear appeared""".split())
# “sent back.” stands for the place; “back to the ShIZO” names it.
_EN_BACK = re.compile(r"\bback\b(?!\s+(?:to|into|in|inside|at|from|home)\b)", re.I)
_DE_ES = re.compile(r"(?<!\bwie )(?<!\bgeht )(?<!\bging )\bes\s+(?:ihm|ihr|ihnen|mir|dir|uns|euch)\b|(?:^|[;.:!?]\s*|,\s*"
                    r"(?:und|aber|doch|denn)\s+)es\s+(?:ist|war|wird|wurde|bleibt|blieb)\s+k?ein(?:e|en|er|em)?\b", re.I)
# A relative pronoun right after a rendering (« le même fourgon cellulaire, qui les a ramenées ») may say its
# repeat; anywhere else it says nothing about it.
RELATIVE_AFTER = {
    "en": re.compile(r"^\W{0,3}(?:which|who|where)\b", re.I),
    "ru": re.compile(r"^\W{0,3}(?:котор\w+|где|куда)\b", re.I),
    "de": re.compile(r"^\W{0,3}(?:der|die|das|dem|den|in dem|in der|wo|wohin)\b", re.I),
    "fr": re.compile(r"^\W{0,3}(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b", re.I),
}
# French clitics before a verb (« en être sorti », « il y a été renvoyé », « qui les a ramenées »), not the
# preposition (« en mai »), the article (« les avocats ») nor « il y a » (there is).
_FR_CLITIC_RE = re.compile(r"\b(?:(?:en|y|les|le|la)\s+|l['’]\s*)(?:a|ai|as|avait|avaient|ont|est|sont|était|étaient|être|avoir|fut|sera"
                           r"|serait|aura|aurait)\b(?<!\by a)|\by\s+a\s+été\b|\ben\s+y\b", re.I)
# ... but « en » before a verb whose clause counts something (« il en a reçu quinze de plus ») is the partitive
# of a number, which the source says by a number alone (“he was given another fifteen”), not a noun's repeat.
# After a subject pronoun or the negation « ne », le/la/les/l' are object clitics before any verb (« personne ne
# l'obtient », « on la lui a refusée »), never articles; the auxiliaries _FR_CLITIC_RE counts are left to it.
_FR_SUBJECT_CLITIC_RE = re.compile(r"\b(?:ne|n['’]|je|j['’]|tu|il|elle|on|nous|vous|ils|elles)\s+(?:(?:les|le|la)\s+|l['’]\s*)"
                                   r"(?!(?:a|ai|as|avait|avaient|ont|est|sont|était|étaient|être|avoir|fut|sera|serait"
                                   r"|aura|aurait)\b)(?=[^\W\d_])", re.I)
_FR_PARTITIVE_RE = re.compile(r"\ben\s+(?:a|ai|as|avait|avaient|ont|aura|aurait)\s+(?:\w+\s+){0,2}?(?:\d+|deux|trois"
                              r"|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt"
                              r"|trente|quarante|cinquante|cent|mille|plusieurs)\b", re.I)

# After a preposition « l' » is an article, and « est » the east (« plus à l'est », « de l'est »): a verb after a
# preposition is an infinitive, never the finite forms _FR_CLITIC_RE counts.
_FR_PREPOSITION_ARTICLE_RE = re.compile(r"\b(?:à|de|d['’]|vers|dans|par|pour|sur|sous|chez|depuis|en)\s*l['’]\s*"
                                        r"(?:a|ai|as|avait|avaient|ont|est|sont|était|étaient|fut|sera|serait|aura"
                                        r"|aurait)\b", re.I)


# French « lui » and « eux » (a dative clitic, a stressed pronoun) stand for persons: a thing's dative is « y »
# (« la colonie lui a refusé même ce rendez-vous »: her, not the visit).
_PERSONS_ONLY = {"fr": {"lui", "eux"}}


@lru_cache(maxsize=8192)
def _pronouns(text: str, lang: str, thing: bool = False) -> tuple[int, int, int]:
    """(third-person pronouns and clitics, adverbs of a place named before, possessive determiners among the
    pronouns) in ``text``; ``thing``: those that may stand for a thing."""
    words, places = PRONOUNS.get(lang), PLACES.get(lang, set())
    if not words:
        return 0, 0, 0
    if thing and lang in _PERSONS_ONLY:
        words = words - _PERSONS_ONLY[lang]
    masked = mask(text)
    folded = [fold(m.group(0)) for m in WORD_RE.finditer(masked)]
    n = sum(1 for w in folded if w in words)
    own = possessives(masked, folded, lang)
    if lang == "fr":
        n += (len(_FR_CLITIC_RE.findall(masked)) + len(_FR_SUBJECT_CLITIC_RE.findall(masked))
              - len(_FR_PARTITIVE_RE.findall(masked)) - len(_FR_PREPOSITION_ARTICLE_RE.findall(masked)))
    elif lang == "de":
        n += len(_DE_ES.findall(masked))
    places_n = sum(1 for w in folded if w in places)
    if lang == "fr" and ("là" in masked or "ici" in masked):
        places_n += len(_FR_PLACES.findall(masked))
    if lang == "en":
        n += len(_EN_QUANTIFIER.findall(masked))
        places_n -= sum(1 for w, after in zip(folded, folded[1:]) if w == "there" and after in _BE) if places_n else 0
        return n, places_n + len(_EN_BACK.findall(masked)), own
    return n, places_n, own


def extra_pronouns(src: str, src_lang: str, dst: str, lang: str, thing: bool = False) -> int:
    """How many more third-person pronouns (or adverbs of a place) the translation has than the source: a repeat
    (of a thing, with ``thing``) may be one of them."""
    (n, places, own), (src_n, src_places, src_own) = _pronouns(dst, base_lang(lang), thing), _pronouns(
        src, base_lang(src_lang))
    b = base_lang(lang)
    if b == "ru" and base_lang(src_lang) == "en" and "сво" in dst.lower():
        mine = own_possessives(src, dst)  # (a possessive, so neither a pronoun nor a personal one)
        n, own = n - mine, own - mine
    if n - src_n < 1 and base_lang(src_lang) == "en" and (b == "de" and " da" in dst.lower() or b == "ru"
                                                          and " эт" in dst.lower() or b == "fr"
                                                          and (" avant" in dst or " après" in dst)):
        from pipeline.glossary.left_out import pronominal_adverbs  # (see stand_in)

        n += pronominal_adverbs(src, dst, b)  # (the source's “of it” said by „davon“: a pronoun on both sides)
    return max(n - src_n, places - src_places, (n - own) - (src_n - src_own))


# A demonstrative and its noun (the noun captured): « ces séjours » says the stays the source names, the term's
# repeat with them; « cette prison » for a repeated colony is a wrong noun.
_DEMONSTRATIVE = {"en": re.compile(r"\b(?:this|that|these|those)\b", re.I),
                  "fr": re.compile(r"\b(?:ces|cette|cet)\s+([^\W\d_]+)", re.I),
                  "de": re.compile(r"\b(?:diese|dieser|diesen|diesem|dieses)\s+([^\W\d_]+)", re.I),
                  "ru": re.compile(r"\b(?:этот|эта|это|эти|этого|этой|этих|этому|этим|этими|эту|этом)\s+([^\W\d_]+)",
                                   re.I)}
# A span of time said instead of a repeated event (“during the etap” → « pendant tout ce temps »).
TIME_ANAPHOR = {
    "en": re.compile(r"\b(?:this|that)\s+(?:time|period)\b", re.I),
    "ru": re.compile(r"\b(?:это|того|этого)\s+(?:время|времени|период\w*)\b", re.I),
    "de": re.compile(r"\b(?:die(?:se)?\s+(?:ganze|gesamte)|diese[rn]?|jene[rn]?)\s+Zeit\b", re.I),
    "fr": re.compile(r"\b(?:ce|cette)\s+(?:temps|période|durée)\b", re.I),
}
# Words that repeat an action whose object may then be left out (« refusée en 2022, puis de nouveau en 2024 »).
REPEAT_RE = {
    "ru": re.compile(r"\b(?:снова|опять|вновь|повторно)\b", re.I),
    "de": re.compile(r"\b(?:erneut|wieder|nochmals|noch einmal)\b", re.I),
    "fr": re.compile(r"\b(?:de nouveau|à nouveau|encore une fois)\b", re.I),
}
_FR_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "de", "d", "son", "sa", "ses",
                   "leur", "leurs", "ce", "cette", "ces"}
_CLAUSE_STOP = re.compile(r"[.,;:!?)»”“\"—–]")


def _has_noun(words: list[str], lang: str) -> bool:
    """Whether a clause's words hold a noun (not a number): the wrong noun of a repeat («в помиловании»); a Russian
    abbreviation in capitals is one (pymorphy3 reads ШИЗО first as a short adjective)."""
    if lang == "ru":
        from pipeline.glossary.wordkeys import first_pos

        return any((w.isupper() and len(w) > 1) or first_pos(w, "ru") == "NOUN" for w in words if not w.isdigit())
    if lang == "de":
        return any(w[:1].isupper() for w in words)  # German nouns are capitalised
    if lang == "fr":
        return any(fold(a) in _FR_DETERMINERS and b.isalpha() for a, b in zip(words, words[1:]))
    return True


def _repeated_without_noun(text: str, lang: str) -> str:
    """A word of repetition whose clause goes on without a noun (« puis de nouveau en 2024 »), or ""."""
    rx = REPEAT_RE.get(lang)
    if rx is None:
        return ""
    masked = mask(text)
    for m in rx.finditer(masked):
        rest = masked[m.end():]
        stop = _CLAUSE_STOP.search(rest)
        words = WORD_RE.findall(rest[:stop.start()] if stop else rest)
        # An adverb of the place (wieder dorthin) says the repeat's object: it is judged as a pronoun.
        if not _has_noun(words, lang) and not any(fold(w) in PLACES.get(lang, ()) for w in words):
            return m.group(0)
    return ""


def _time_anaphor(text: str, lang: str) -> str:
    rx = TIME_ANAPHOR.get(lang)
    m = rx.search(mask(text)) if rx else None
    return m.group(0) if m else ""


def _past_number(after: str) -> str:
    """``after`` past a number that makes a numbered institution's name with the rendering before it (SIZO-2,
    IK 11): the relative pronoun after it is the rendering's (« au SIZO-2, où il est tombé malade »). By hand: a
    pattern compiled for this costs more than all its uses."""
    i = 1 if after[:1] in "-\u2010\u2011\u00a0 " else 0
    j = i
    while j < len(after) and after[j].isdigit():
        j += 1
    return after[j:] if j > i else after


def _relative_after(text: str, hits: list[Hit], lang: str) -> str:
    """A relative pronoun right after one of ``hits``, after a comma ("" when none)."""
    rx = RELATIVE_AFTER.get(lang)
    if rx is None:
        return ""
    for h in hits:
        after = _past_number(text[h.end:h.end + 30])
        m = rx.match(after) if after.lstrip()[:1] == "," else None
        if m:
            return m.group(0).strip(" ,")
    return ""


# An English relative clause that restricts its noun takes no comma, and may begin with “that” (“a colony of gulls
# that ornithologists have studied”); German and French set a comma before every relative clause, so a
# translation's „…, die …“ there mirrors the source's own relative clause and stands for no repeat.
_EN_RELATIVES = frozenset("that which who whom whose where".split())
_NEXT_WORD = re.compile(r"[\s,]*([^\W\d_]+)")


def _restrictive(src: str, hits: Sequence[Hit], src_lang: str) -> bool:
    """Whether an English relative clause follows one of ``hits``, or the prepositional phrase after it: a
    relative word right after the term or after a noun of its phrase (“that” after a preposition is a
    determiner: “near that town”)."""
    if base_lang(src_lang) != "en":
        return False
    for h in hits:
        end = phrase_end(src, h.end)
        nxt = _NEXT_WORD.match(src, end)  # (the word after the phrase, if only a comma or spaces come first)
        words = WORD_RE.findall(mask(src[h.end:end])) + ([nxt.group(1)] if nxt else [])
        for k, w in enumerate(words):
            before = words[k - 1].lower() if k else ""
            if w.lower() in _EN_RELATIVES and before not in FUNCTION_WORDS and before not in PREPOSITIONS:
                return True
    return False


def _demonstratives(src: str, src_lang: str, dst: str, lang: str, src_hits: Sequence[Hit]) -> int:
    """How many demonstratives of ``dst`` have a noun that translates a word of the English ``src`` outside the
    term's occurrences (the bilingual dictionary: « ces séjours », stay → séjour)."""
    rx = _DEMONSTRATIVE.get(lang)
    nouns = rx.findall(mask(dst)) if rx is not None and lang != "en" and base_lang(src_lang) == "en" else []
    if not nouns:
        return 0
    from pipeline.glossary.bilingual import source_words_for

    return sum(1 for w in source_words_for(src, [(h.start, h.end) for h in src_hits], nouns, lang) if w)


def stand_in(src: str, src_lang: str, dst: str, lang: str, found: list[Hit], src_hits: Sequence[Hit] = (),
             after_first: bool = True, forms: Sequence[Hit] | None = None, need: int = 1) -> str:
    """What in the translation may stand for a repeated noun ("" when nothing does); ``src_hits``: the
    concept's occurrences in the source; ``after_first``: ``found`` renders the first of them; ``forms``: the
    renderings whose gender an adjective left alone agrees with (``found`` by default); ``need``: how many
    repeats lack a rendering — the stand-ins must be as many (two « celle » for three colonies leave one)."""
    b = base_lang(lang)
    # A pronoun refers back: only those after the first rendering (and the source's after its first
    # occurrence) may say a repeat.
    src_from = min((h.start for h in src_hits), default=0) if after_first else 0
    dst_from = min((h.start for h in found), default=0) if after_first else 0
    said: list[str] = []
    count = 0
    some = [*found, *src_hits]
    pronouns = extra_pronouns(src[src_from:], src_lang, dst[dst_from:], lang, bool(some) and _thing(some[0].concept))
    if pronouns > 0:
        said.append("a pronoun the source has not")
        count += pronouns
    rel = _relative_after(dst, found, b)
    if rel and not _relative_after(src, list(src_hits), base_lang(src_lang)) and not _restrictive(src, src_hits,
                                                                                                  src_lang):
        said.append(f"the relative pronoun “{rel}”")
        count += 1
    adj = ellipsis(dst, b, list(found if forms is None else forms))
    extra = len(adj) - len(ellipsis(src, base_lang(src_lang), [])) if adj else 0
    if extra > 0:
        said.append(f"“{adj[0]}” without a noun")
        count += extra
    dem = _demonstratives(src, src_lang, dst[dst_from:], b, src_hits)
    dem -= len(_DEMONSTRATIVE["en"].findall(mask(src[src_from:]))) if dem else 0
    if dem > 0:
        said.append("a demonstrative the source has not")
        count += dem
    adverb = pronominal_adverb(src, dst, src_hits, b) if b in ("de", "fr") and base_lang(src_lang) == "en" else ""
    if adverb:
        said.append(f"“{adverb}”")
        count += 1
    each = distributive(src, dst, b, src_hits) if base_lang(src_lang) == "en" else ""
    if each:
        said.append(f"“{each}”")
        count += 1
    time = _time_anaphor(dst, b)
    if time and not _time_anaphor(src, base_lang(src_lang)):
        said.append(f"“{time}”")
        count += 1
    from pipeline.glossary.left_out import left_out  # (here: its patterns cost every run's start-up otherwise)

    more = left_out(src, base_lang(src_lang), dst, b, src_hits, found)
    if more:
        said.append(f"“{more[0]}” without a noun")
        count += len(more)
    again = _repeated_without_noun(dst, b)
    if again:
        said.append(f"“{again}” with the noun left out")
        count += 1
    return said[0] if said and count >= need else ""


def stand_in_where(src: str, src_lang: str, dst: str, lang: str, concept_id: str, occurrences: dict[str, list[Hit]],
                   rendered: dict[str, list[Hit]], found: list[Hit], groups: list[list[Hit]], named: set[str]
                   ) -> tuple[str, str]:
    """``stand_in`` asked of each pair of pieces (sentences or clauses, ``placement.paired_pieces``; else the
    whole texts) that has fewer renderings than occurrences: what stands for a repeat stands where the repeat
    is. „Das erste Paket, das …; die zweite Sendung …“ for “The first parcel …; the second parcel …”: the
    relative pronoun is the first parcel's, and nothing in the second sentence stands for the second. A word
    the translation's ``rendered`` approves for a concept the source does not name (``named``: the concepts it
    names in any sense) in a short piece is the wrong noun said for its occurrence (« sa sortie de la cellule
    d'isolement » for “his release from the punishment cell”), whatever pronoun the piece also has — unless the
    bilingual dictionary gives it for another word of the source's piece („sie hat 900 Häftlinge“ for “the colony
    has 900 prisoners”: zek's word, but the plain translation of *prisoners*). (what may
    stand for the repeats, "") — or ("", why nothing does)."""
    pieces = paired_pieces(src, src_lang, dst, lang, concept_id, occurrences, rendered) or [
        ((0, len(src)), (0, len(dst)))]
    strays = [h for c, hs in rendered.items() if c not in named for h in hs
              if not h.derived and h.concept.pos != "proper noun"]
    first = min((h.start for h in found), default=len(dst))
    said = ""
    for (s0, s1), (d0, d1) in pieces:
        want = [g for g in groups if s0 <= g[0].start < s1]
        have = [h for h in found if d0 <= h.start < d1]
        if len(have) >= len(want):
            continue
        piece = " ".join(mask(dst[d0:d1]).split()).rstrip(",;")
        wrong = next((h for h in strays if d0 <= h.start < d1), None)
        if wrong is not None and (_renders_another_word(src[s0:s1], wrong, lang) or _says_its_word(src[s0:s1], wrong)):
            wrong = None  # (the dictionary's word for another word of the piece: „Häftlinge“ for “prisoners”)
        if wrong is not None:
            return "", f"“{wrong.form}”, the glossary's word for {wrong.concept.id}, stands for it in “{piece}”"
        here = ""
        if have or d1 > first:  # (before the first rendering a pronoun refers to nothing it repeats)
            here = stand_in(src[s0:s1], src_lang, dst[d0:d1], lang,
                            [replace(h, start=h.start - d0, end=h.end - d0) for h in have],
                            [replace(h, start=h.start - s0, end=h.end - s0) for g in want for h in g],
                            after_first=bool(have), forms=found, need=len(want) - len(have))
        if not here:
            return "", f"nothing in “{piece}” stands for it"
        said = said or here
    return said, ""


def _renders_another_word(src: str, wrong: Hit, lang: str) -> bool:
    """Whether the bilingual dictionary gives ``wrong`` for a word of ``src`` (imported where first asked)."""
    from pipeline.glossary.bilingual import source_words_for

    return bool(source_words_for(src, [], [wrong.form], lang)[0])


def _says_its_word(src: str, wrong: Hit) -> bool:
    """Whether ``src`` says a one-word term of ``wrong``'s concept in another part of speech, which ``wrong``
    renders (« chaque détenu est fouillé » for “every prisoner is searched”: the verb of *search*)."""
    words = {english_base(fold(t.text)) for t in wrong.concept.terms if " " not in t.text}
    return bool(words) and any(english_base(fold(w)) in words for w in WORD_RE.findall(mask(src)))


def _thing(concept) -> bool:
    """Whether the concept is no person, as its Russian preferred term's nouns say (pymorphy3's animacy: «колония»,
    «свидание»; not «активист», «зэк»); a concept with no Russian term, or no analyser, may be a person."""
    def make() -> bool:
        from pipeline.glossary.wordkeys import first_reading

        tr = concept.translations("ru")
        firsts = [first_reading(w, "ru") for w in WORD_RE.findall(tr.preferred[0] if tr and tr.preferred else "")]
        nouns = [p for p in firsts if p is not None and p.tag.POS == "NOUN"]
        return bool(nouns) and all(p.tag.animacy == "inan" for p in nouns)

    return concept.remembered("thing", make)
