"""Word formation the dictionary does not link: Russian derivations and German compounds.

Russian: pymorphy3 gives a word's lemma but keeps derived words apart (политзаключённая is its own noun,
петушиный its own adjective, передачка, посылочка, зэковский …). ``ru_roots`` strips the inflection and
then at most two derivational suffixes (feminine -к-/-ниц-, diminutive -очк-/-ок/-ик, adjectival -ск-/-ин-/-ов-/-н-)
and undoes the consonant alternation they cause (петуш- → петух, мужич- → мужик, передач- → передак, the same
on both sides). Two words with the same root meet under an ("d", root) key. Participles are left out: опущенный
must not meet опустить. A perfective verb's imperfective partner (опустить: опускать, обидеть: обижать) is its
stem with the consonant alternation the imperfective suffix causes and -ать/-ять/-ивать/-ывать, kept only where
pymorphy3's dictionary knows the result as an imperfective infinitive (``ru_imperfectives``).

German: a compound with an approved term inside (Frauenstrafkolonie, Strafkolonieverwaltung, Etappentransport)
is that term. ``compound_parts`` gives the known term a word ends in (``head`` + term) and the known term it
starts with (the term, an optional linking element -s-, -n-, -en-, -es-, -er-, -e-, then at least four letters
that are not a bare suffix (-schaft, -ung …). Only approved terms are found this way: a forbidden word inside a
compound is too often another word (Vogelbauer, Patenschaft, Bauernhof).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

_RU_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|а|я|о|е|ь|й|ы|и)$")
# Longest first: the first that fits is stripped.
_RU_SUFFIXES = ("овск", "евск", "инск", "очк", "ечк", "ушк", "юшк", "ниц", "енн", "ск", "иц", "ок", "ек", "ик",
                "ин", "ов", "ев", "н", "к")
_RU_ALTERNATION = {"ш": "х", "ч": "к", "ж": "г"}


@lru_cache(maxsize=100_000)
def ru_roots(lemma: str, term: bool = False) -> tuple[str, ...]:
    """The derivational roots of a Russian lemma: the lemma without its ending, then without one and two
    derivational suffixes, each with the alternation undone; () for words too short to trust.

    A text's word offers every stage (мужичок: мужичок, мужик), and so does a glossary term, except that its
    one-letter suffix (-к-, -н-) counts only before an ending (политзэчка, отрядный): a term's last consonant
    is its own, not a suffix (политзэк, шмон). (A term's stages down to three letters stay: силы meets
    силовики by сил, which a four-letter floor would end; it would also end муж meeting мужик by муг.)"""
    w = lemma.replace("ё", "е")
    if len(w) < 3:
        return ()
    stem = _RU_ENDING.sub("", w) if len(w) > 3 else w
    ended = stem != w
    stages = [stem]
    for _ in range(2):
        for suf in _RU_SUFFIXES:
            if (stem.endswith(suf) and len(stem) - len(suf) >= 3
                    and not (suf == "н" and stem[-2] == "н") and not (term and len(suf) == 1 and not ended)):
                stem = stem[: -len(suf)]
                stages.append(stem)
                break
        else:
            break
    out: list[str] = []
    for st in stages:
        if st[-1] in _RU_ALTERNATION:
            st = st[:-1] + _RU_ALTERNATION[st[-1]]
        if len(st) >= 3 and st not in out:
            out.append(st)
    return tuple(out)


# The stem's last consonants before an imperfective suffix, likeliest first: опуст-ить → опуск-ать, прост-ить →
# прощ-ать, осуд-ить → осужд-ать, ответ-ить → отвеч-ать, брос-ить → брос-ать, застав-ить → заставл-ять.
_RU_ASPECT_ALTERNATION = (("ст", ("ск", "щ", "ст")), ("т", ("ч", "щ", "т")), ("д", ("жд", "ж", "д")), ("с", ("ш", "с")),
                          ("з", ("ж", "з")), ("б", ("бл", "б")), ("п", ("пл", "п")), ("в", ("вл", "в")),
                          ("м", ("мл", "м")), ("", ("",)))
_RU_IMPF_SUFFIXES = ("ать", "ять", "ивать", "ывать")


def ru_imperfectives(verb: str, morph) -> tuple[str, ...]:
    """The imperfective partner of the Russian perfective infinitive ``verb``, the first candidate pymorphy3
    (``morph``) knows as an imperfective infinitive (опустить → опускать: «опускают» is the caste word as
    «опустили» is); () for an imperfective or unknown verb, or where no candidate is known."""
    if morph is None or not verb.endswith(("ить", "еть", "ать")) or len(verb) < 6:
        return ()
    if not any(p.tag.POS == "INFN" and "perf" in p.tag.grammemes and p.is_known for p in morph.parse(verb)):
        return ()
    stem = verb[:-3]
    for tail, alternates in _RU_ASPECT_ALTERNATION:
        if not stem.endswith(tail):
            continue
        for alt in alternates:
            for suffix in _RU_IMPF_SUFFIXES:
                cand = stem[:len(stem) - len(tail)] + alt + suffix
                if cand != verb and morph.word_is_known(cand) and any(
                        p.tag.POS == "INFN" and "impf" in p.tag.grammemes and p.normal_form == cand
                        for p in morph.parse(cand)):
                    return (cand,)  # (the first: простить → прощать, not простывать, another verb's)
        break  # (the longest alternating tail the stem ends in decides)
    return ()


# A zu-infinitive ends its clause (German puts the verb last): „das Gericht, ihn vorzeitig zu entlassen.“ A
# preposition zu is followed by its noun phrase instead („zu seinen Eltern“).
_ZU_INFINITIVE = re.compile(r"\bzu(\s+)(?=[a-zäöüß]+(?:en|ern|eln)\s*(?:[.,;:!?)»«“”„\"–—]|$|(?:und|oder|aber|sondern)\b))")


def zu_renderings(glossary, text: str, lang: str, concept_id: str) -> list:
    """The approved hits of ``concept_id`` that a German ``text`` has only with the zu of its zu-infinitives
    blanked (``blank_zu_infinitives``), each hit's form as the text writes it; [] for none. Asked only where the
    concept has no rendering, so the text is read twice only there."""
    read = blank_zu_infinitives(text)
    if read is text:
        return []
    # Only the hits the blanking made: a word the text has anyway was read already, and may have been given to
    # another concept there („Gefangenentransportern“ is the prison van's, not the etap's, beside „ohne zu wissen“).
    return [replace(h, form=text[h.start:h.end]) for h in glossary.find(read, lang, overlapping=True)
            if h.concept.id == concept_id and not h.forbidden and read[h.start:h.end] != text[h.start:h.end]]


def blank_zu_infinitives(text: str) -> str:
    """German ``text`` with the particle of each zu-infinitive blanked, offsets kept: a verb phrase of the
    glossary's („vorzeitig entlassen“) reads „vorzeitig zu entlassen“ as it reads „vorzeitig entlassen“."""
    if "zu " not in text:
        return text
    read, n = _ZU_INFINITIVE.subn(lambda m: "  " + m.group(1), text)
    return read if n else text


def suspended(text: str) -> bool:
    """Whether a German ``text`` may hold a suspended hyphen before a conjunction („Lebensmittel- und …“), told
    by substrings (glossary/truncated.py reads the rest)."""
    return any(f"- {c}" in text for c in ("und ", "oder ", "sowie ", "bzw", "wie ", "noch "))


GERMAN_LINKS = ("", "s", "n", "en", "es", "e", "er")
# A noun's inflectional endings (plural, genitive, dative plural), longest first.
GERMAN_ENDINGS = ("ern", "en", "es", "er", "e", "n", "s")
# Endings that make a derived word, not a compound (Patenschaft, Kolonialisierung).
GERMAN_SUFFIXES = ("schaft", "ung", "heit", "keit", "lich", "isch", "chen", "lein", "tum", "nis", "ismus", "ist",
                   "ier", "ieren", "ität", "al", "ial")
MIN_PART = 5  # a term shorter than this is too often inside unrelated words (Hahn in Hahnenkampf)


def compound_parts(word: str, terms: frozenset[str], stem, min_part: int = MIN_PART) -> tuple[str, ...]:
    """The known terms (lower case, as in ``terms``) that ``word`` is a compound of: the one it ends in, then the
    one it starts with — both, where it is made of two (Sonderregimekolonie: Sonderregime + Kolonie); () for
    none.

    ``terms`` holds the lower-cased single-word approved terms and their stems; ``stem`` is the
    language's stemmer (the compound's inflection is on its last part: Frauenstrafkolonien).
    """
    w = word.lower()
    if len(w) < min_part + 3:
        return ()
    found: list[str] = []
    ws = stem(w)
    # Head: the compound ends in the term (its stem when inflected), or in the term as written where the stem of
    # the whole cuts into it (Carepaket: carepak, where Paket's own stem is paket).
    for i in range(3, len(ws) - min_part + 1):
        tail = ws[i:]
        if tail in terms:
            found.append(tail)
            break
    else:
        # (… and inflected as the last part is: Gefängnispakete, -paketen, -pakets)
        for written in (w, *(w[:-len(e)] for e in GERMAN_ENDINGS if w.endswith(e))):
            tail = next((written[i:] for i in range(3, len(written) - min_part + 1) if written[i:] in terms), "")
            if tail:
                found.append(tail)
                break
    # Modifier: the term, a linking element, then a word of its own (four letters or more: a head of three,
    # Transportzug, lets in pseudo-words, „Überstellungred“) — or a modifier that is itself a compound ending in
    # the term (Frauenstrafkolonie|leitung), tried only where the word has no head of the glossary's.
    middle = ""
    for i in range(len(w) - 4, min_part - 1, -1):
        head = w[:i]
        rest = w[i:]
        if rest in GERMAN_ENDINGS or rest.startswith(GERMAN_SUFFIXES):
            continue
        for link in GERMAN_LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if base in terms:
                return (*found, base) if base not in found else tuple(found)
            if not found and not middle:
                middle = next((base[j:] for j in range(3, len(base) - min_part + 1) if base[j:] in terms), "")
    return (middle,) if middle and not found else tuple(found)


# The stem's last consonants before a deverbal noun's -ение (освобожд-ение → освобод-ить, осужд-ение → осуд-ить,
# прекращ-ение → прекрат-ить, отправл-ение → отправ-ить), each with the verb's consonant, likeliest first.
_RU_NOUN_ALTERNATION = (("жд", ("д",)), ("ж", ("з", "д", "г")), ("ч", ("т", "к")), ("щ", ("ст", "ск", "т")),
                        ("ш", ("с", "х")), ("вл", ("в",)), ("бл", ("б",)), ("пл", ("п",)), ("мл", ("м",)),
                        ("фл", ("ф",)))


@lru_cache(maxsize=1024)
def ru_noun_verbs(noun: str) -> tuple[str, ...]:
    """The verbs (infinitives pymorphy3 knows) of a Russian deverbal noun in -ение/-ание/-яние, both aspects
    where the stem gives them (освобождение: освободить, освобождать); () for any other noun."""
    from pipeline.glossary.wordkeys import morph_analyzer

    morph = morph_analyzer("ru")
    if morph is None or len(noun) < 7 or not noun.endswith(("ение", "ание", "яние")):
        return ()
    stem = noun[:-4]
    vowel = noun[-4]  # (наказ-ание → наказать, вли-яние → влиять)
    cands = [stem + vowel + "ть"] if vowel in "ая" else []
    cands += [stem + "ать", stem + "ить", stem + "еть"]
    for tail, verbs in _RU_NOUN_ALTERNATION:
        if stem.endswith(tail):
            cands += [stem[: -len(tail)] + v + "ить" for v in verbs]
            break
    out = []
    for c in cands:
        if c not in out and morph.word_is_known(c) and any(p.tag.POS == "INFN" and p.normal_form == c
                                                           for p in morph.parse(c)):
            out.append(c)
    return tuple(out)


_RU_CLAUSE_END = re.compile(r"[.;:!?]")


def ru_verb_phrase(text: str, term: str) -> tuple[int, int] | None:
    """The span of the Russian ``text`` that says the noun phrase ``term`` as a verb phrase, or None: its
    deverbal noun by its verb (either aspect), its other words by any form of their lemma (an adjective's short
    neuter is its adverb: досрочно), in any order, within one clause and as many words again
    («освободить Беляева условно-досрочно» for «условно-досрочное освобождение»). Only a term with a deverbal noun
    has such a reading."""
    from pipeline.glossary.match import WORD_RE
    from pipeline.glossary.wordkeys import first_reading, parses

    def lemmas(word: str) -> set[str]:
        return {p.normal_form.replace("ё", "е") for p in parses(word.lower(), "ru")}

    wanted: list[set[str]] = []
    verbal = False
    for w in WORD_RE.findall(term):
        first = first_reading(w.lower(), "ru")
        verbs = ru_noun_verbs(first.normal_form) if first is not None and first.tag.POS == "NOUN" else ()
        verbal = verbal or bool(verbs)
        wanted.append(set(verbs) if verbs else lemmas(w))
    if not verbal or len(wanted) < 2:
        return None
    return _in_one_clause(text, [(m.start(), m.end(), lemmas(m.group(0))) for m in WORD_RE.finditer(text)], wanted)


def de_verb_phrase(text: str, term: str) -> tuple[int, int] | None:
    """The span of the German ``text`` that says the infinitive phrase ``term`` („mit der Verwaltung
    kooperieren“) with its verb finite, as a main clause orders it: each of its words (the verb by its stem), in
    any order, within one clause and as many words again („Sie kooperieren offen mit der Verwaltung“), or None."""
    from pipeline.glossary.match import WORD_RE, word_keys

    words = WORD_RE.findall(term)
    if len(words) < 2 or not (words[-1].islower() and words[-1].endswith("n")):
        return None  # (not an infinitive phrase)
    wanted = [word_keys(w, "de", term=True) for w in words]
    return _in_one_clause(text, [(m.start(), m.end(), word_keys(m.group(0), "de")) for m in WORD_RE.finditer(text)],
                          wanted)


def _in_one_clause(text: str, tokens: list[tuple[int, int, set | frozenset]], wanted: list) -> tuple[int, int] | None:
    """The span from the first to the last of ``tokens`` (start, end, keys) that meet every key set of
    ``wanted``, each once, in any order, within one clause and twice as many words, the first one met first."""
    reach = 2 * len(wanted)
    for i, (_start, _end, seen) in enumerate(tokens):
        if not any(seen & want for want in wanted):
            continue
        window = tokens[i:i + reach]
        stop = next((k for k in range(1, len(window)) if _RU_CLAUSE_END.search(text[window[k - 1][1]:window[k][0]])),
                    len(window))
        window = window[:stop]
        left, used = list(wanted), []
        for t in window:
            k = next((k for k, want in enumerate(left) if t[2] & want), None)
            if k is not None:
                left.pop(k)
                used.append(t)
        if not left and used[0] is window[0]:
            return used[0][0], used[-1][1]
    return None


def verb_renderings(glossary, text: str, lang: str, concept, approved: list[str]) -> list:
    """A rendering of ``concept`` that a translation without one says as a verb phrase: a German zu-infinitive
    inside an approved phrase (``zu_renderings``), a Russian approved noun phrase said by its verb
    (``ru_verb_phrase``: «освободить … условно-досрочно»), a German infinitive phrase said with its verb finite
    (``de_verb_phrase``: „kooperieren offen mit der Verwaltung“); or, in Russian, an approved abbreviation as a regional
    body's, one or two capitals before it (управление, главное управление: «УФСИН», «ГУФСИН» of the ФСИН); [] for
    none."""
    from pipeline.glossary.match import Hit

    if lang[:2] == "de":
        found = zu_renderings(glossary, text, lang, concept.id) if "zu " in text else []
        for i, term in enumerate(approved if not found else ()):
            span = de_verb_phrase(text, term) if " " in term else None
            if span:
                return [Hit(concept, span[0], span[1], text[span[0]:span[1]], term,
                            "preferred" if i == 0 else "admitted")]
        return found
    if lang[:2] != "ru":
        return []

    for i, term in enumerate(approved):
        m = _RU_BODY_RE.search(text) if term.isupper() and len(term) >= 3 and term.isalpha() else None
        while m and m.group(1) != term:
            m = _RU_BODY_RE.search(text, m.end())
        if m:
            return [Hit(concept, m.start(), m.end(), m.group(0), term, "preferred" if i == 0 else "admitted",
                        derived=True)]
    for i, term in enumerate(approved):
        span = ru_verb_phrase(text, term) if " " in term or "-" in term else None
        if span:
            return [Hit(concept, span[0], span[1], text[span[0]:span[1]], term, "preferred" if i == 0 else "admitted")]
    return []


_RU_BODY_RE = re.compile(r"\b(?:ГУ|У)([А-ЯЁ]{3,})\b")


# A translation's verb form of a noun term's word: a French past participle or infinitive, a German verb (nouns are
# capitalised), a Russian verb, participle or gerund (pymorphy3).
_FR_VERB_ENDINGS = ("é", "ée", "és", "ées", "er")
_RU_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def claimed_by_source_verbs(src: str, lang: str, words: frozenset, src_hits: list, found: list) -> list:
    """The renderings ``found`` less the translation's verb forms of the concept's word that the English ``src``'s
    own verb forms of a term's word claim, one each: a noun term under a sense condition does not meet its -ed and
    -ing forms (a search is not “searched”), so « étiez-vous fouillé ? » for “were you searched?” renders that
    verb, not one of the source's searches. ``words``: the concept's :func:`noun_only_words`."""
    verbal = [h for h in found if _verb_form(h, lang)]
    if not verbal:
        return found
    from pipeline.glossary.match import WORD_RE, english_base, fold, mask

    spans = [(o.start, o.end) for o in src_hits]
    n = sum(1 for m in WORD_RE.finditer(mask(src)) if fold(m.group(0)).endswith(("ed", "ing"))
            and english_base(fold(m.group(0))) in words and not any(a <= m.start() < b for a, b in spans))
    claimed = verbal[:n]
    return [h for h in found if all(h is not c for c in claimed)] if claimed else found


def verb_claims(src: str, lang: str, words: frozenset, src_hits: list, found: list) -> tuple[list, list]:
    """(:func:`claimed_by_source_verbs`, the renderings it took): a stand-in after the source's verb may say the
    noun that repeats its event (“I was searched twice; during the second search” → « lors de la seconde »)."""
    kept = claimed_by_source_verbs(src, lang, words, src_hits, found)
    return kept, [h for h in found if all(h is not k for k in kept)]


def noun_only_words(concept) -> frozenset:
    """The concept's one-word terms whose -ed and -ing forms are not its hits (match.build_index's ``noun_only``:
    an English noun under a sense condition), folded; the only ones :func:`claimed_by_source_verbs` reads."""
    from pipeline.glossary.match import fold

    conditional = concept.prison_only or bool(concept.context) or bool(concept.not_context)
    return frozenset(fold(t.text) for t in concept.terms if concept.pos == "noun" and " " not in t.text
                     and (conditional or t.prison_only or bool(t.context)))


def _verb_form(hit, lang: str) -> bool:
    form = hit.form
    if " " in form.strip():
        return False
    if lang == "fr":
        return form.casefold().endswith(_FR_VERB_ENDINGS) and not hit.term.casefold().endswith(_FR_VERB_ENDINGS)
    if lang == "de":
        return form[:1].islower() and hit.term[:1].isupper()
    if lang == "ru" and hit.derived:  # (a Russian noun term meets a verb only by its root: ru_roots)
        from pipeline.glossary.wordkeys import first_pos

        return first_pos(form, "ru") in _RU_VERB_POS
    return False
