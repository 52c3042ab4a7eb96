"""An adjective left without its noun: «следующее», „das nächste“, « la suivante », “the second”.

A translation may say a repeated noun by an adjective alone («а следующее перенесли», „und auch das nächste.“,
« et la suivante »); the stand-in reading (glossary/repeats.py) counts those the source has not. Russian is
told by pymorphy3's tags (an adjective of a gender of the term's rendering, not followed by a noun), German by
an inflected lower-case word after an article, French by the adjectives that point back to a noun.
"""

from __future__ import annotations

import re

from pipeline.glossary.match import WORD_RE, Hit, fold, mask

# A German adjective after an article is inflected (das nächste, den zweiten, einer anderen): „die nicht“ after a
# comma is a relative pronoun and a particle, whose clause speaks of the noun before it („eine Lieferung, die nicht
# angenommen wird“), not a noun left out.
_DE_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
_DE_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                # a possessive determiner before an adjective alone is the article's stand-in too („sein erstes und
                # zweites Paket“, „ihre zweite kam im Mai“)
                *(p + e for p in ("mein", "dein", "sein", "ihr", "unser") for e in ("", "e", "en", "em", "er", "es"))}
# (with the articles contracted with à and de: « du septième détachement au neuvième »)
_FR_ARTICLES = {"le", "la", "les", "l", "un", "une", "au", "aux", "du"}
# The pronominal adjectives of alternation and distribution («Один вагон … , другой — …», «из одной колонии в
# другую, и каждая …»): pronouns by pymorphy3's tags (Apro), but ones whose noun is left out, as after “one …
# another”, “each”.
_RU_OTHER = {"другой", "иной", "каждый", "любой"}
_RU_GAP = re.compile(r"\s*[—–]\s")
# A German definite article before a short prepositional phrase that ends the clause, or that a verb follows,
# is the noun's stand-in („aus dem Untersuchungsgefängnis in Kirow, dann aus dem in Perm“, „und die in Perm
# ist schlimmer“: the one in Perm); before a participle and its noun it opens an extended attribute („dem in
# Perm gelegenen Gefängnis“). So is an indefinite one, the pronoun einer/eine/eins („erst eine Durchsuchung in
# der Baracke, dann noch eine am Tor“: another one at the gate).
_DE_ARTICLE_PP = re.compile(r"\b(?i:der|die|das|dem|den|eine|einen|einem|einer|eines|eins)\s+(?i:in|im|aus|von|vom|bei|beim|an|am|auf|nach|neben|vor"
                            r"|hinter|unter|über|zu|zum|zur|mit|für|gegen)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
                            r"(?=\s*(?:[,.;:!?)]|$)|\s+[a-zäöüß]\w*(?:\s+[a-zäöüß]|\s*[,.;:!?)]|$))")
# „noch eine“ (another one) without its noun: at a clause's end, or before a word that is no noun („und am
# Donnerstag noch eine;“, „noch einen bekam er im Mai“).
_DE_ANOTHER = re.compile(r"\b(?i:noch)\s+(?i:eine|einer|eines|eins|einen|einem)\b(?=\s*(?:[,.;:!?)–—]|$)|\s+[a-zäöüß])")
_FR_ANAPHORIC = re.compile(r"(?:suivante?|prochaine?|autre|seconde?|derni[eè]re?|premi[eè]re?|précédente?|même"
                           r"|nouvelle|\w+ième)s?")
# Words that follow an adjective whose noun is left out (« le second en mai », « la suivante a été annulée »).
_FR_FOLLOWERS = {"en", "à", "au", "aux", "de", "du", "des", "dans", "pour", "par", "sur", "a", "est", "fut",
                 "et", "ou", "puis", "qui", "que", "aussi", "non", "ne", "n", "était", "avait", "sera", "ont",
                 "parce", "car", "puisque", "lorsque", "quand", "mais", "pendant", "après", "avant",
                 # a bare adverbial of time (« une fouille mardi, et une autre vendredi »)
                 "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain",
                 "aujourd", "ensuite", "depuis",
                 # a demonstrative's adverbial of time (« la troisième ce mois-ci »)
                 "ce", "cette", "cet",
                 # an article or a number opening the next noun phrase, the verb left out (« le premier transfert a
                 # duré une semaine, le second un mois »): no noun phrase has two determiners
                 "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                 # a subject or object clitic: the next clause's verb follows (« lors de la suivante on me les a
                 # rendus »); no noun phrase puts a pronoun after its adjective
                 "on", "il", "elle", "ils", "elles", "je", "j", "nous", "vous", "me", "m", "te", "se", "s", "lui",
                 "leur", "y"}
# The source's own: “the first long visit …, the second because …” (mirrored by „der zweite, weil …“); “the
# others”, a plural with no noun (mirrored by „die anderen“).
# A partitive (“most of them”, “each of these”) is the source's own noun left out, mirrored by „die meisten“,
# «большинство», « la plupart ».
_EN_ELLIPSIS = re.compile(r"\bthe\s+others\b|\b(?:most|many|some|all|few|several|both|none|each|either|neither)\s+of\s+(?:them|these"
                          r"|those)\b|\b(?:(?:the|a|an)\s+(?:first|second|third|fourth|fifth|next|other|last|latter|former"
                          r"|following|previous|one)|another)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:because|was|were|is|are|had|has|in|on|at|too|also"
                          r"|and|but|which|who|that|after|before|over|for|with|by|as|again|then)\b)", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)»”“\"—–]|$)")


def ellipsis(text: str, lang: str, found: list[Hit]) -> list[str]:
    """Adjectives left without their noun: «следующее», „das nächste“, « la suivante », “the second”."""
    if lang == "en":
        return _EN_ELLIPSIS.findall(mask(text))
    out: list[str] = []
    tokens = [(m.group(0), m.end()) for m in WORD_RE.finditer(mask(text))]
    if lang == "ru":
        from pipeline.glossary.wordkeys import agrees_after, first_pos, first_reading, parses

        # (without an analyser no word is read as a noun: no gender, so no adjective is left without one)
        firsts = [first_reading(w, "ru") for h in found for w in WORD_RE.findall(mask(h.form))]
        genders = {p.tag.gender for p in firsts if p is not None and p.tag.POS == "NOUN"}
        # (an abbreviation's first reading may be a short adjective — СИЗО: сизый —, its noun reading further down
        # gives its gender: «СИЗО …, старейший в области»)
        genders |= {p.tag.gender for h in found if h.form.isupper() for p in parses(h.form, "ru")[:6]
                    if p.tag.POS == "NOUN" and {"Abbr", "Fixd"} & p.tag.grammemes}
        if not genders:
            return out
        for i, (w, _end) in enumerate(tokens):
            another = i > 0 and fold(tokens[i - 1][0]) in ("ещё", "еще")  # ещё один: another one
            if not any(p.tag.POS == "ADJF" and p.tag.gender in genders
                       and ("Apro" not in p.tag.grammemes or p.normal_form in _RU_OTHER
                            or (another and p.normal_form == "один"))
                       for p in parses(w, "ru")[:6]):  # not его, этот, который: pronouns, not a noun left out
                continue
            nxt = first_pos(tokens[i + 1][0], "ru") if i + 1 < len(tokens) else None
            if nxt and _RU_GAP.match(text, _end):
                nxt = None  # (a dash stands for the verb left out: «второй — месяц», the second took a month)
            # (an adjective right after a noun it agrees with, only a space between, is its predicate: «почта
            # платная»; after a dash or a comma it may be the repeat's: «длительное свидание — первое …»)
            after_noun = i and not text[tokens[i - 1][1]:_end - len(w)].strip() and agrees_after(tokens[i - 1][0], w)
            if nxt not in ("NOUN", "ADJF", "PRTF", "NPRO") and not after_noun:
                out.append(w)
        return out
    arts = _DE_ARTICLES if lang == "de" else _FR_ARTICLES if lang == "fr" else None
    if not arts:
        return out
    if lang == "de":
        out.extend(" ".join(m.group(0).split()[:3]) for m in _DE_ARTICLE_PP.finditer(mask(text)))
        out.extend(" ".join(m.group(0).split()) for m in _DE_ANOTHER.finditer(mask(text)))
    for i in range(len(tokens) - 1):
        art, (adj, end) = fold(tokens[i][0]), tokens[i + 1]
        # German nouns are capitalised: a lower-case word after an article is an adjective. French is told
        # by the adjectives that point back to a noun (la suivante, le deuxième, l'autre).
        if lang == "fr" and not _FR_ANAPHORIC.fullmatch(fold(adj)):
            continue
        if not (art in arts and adj[:1].islower() and len(adj) > 3):
            continue
        if lang == "de" and not fold(adj).endswith(_DE_ADJECTIVE_ENDINGS):
            continue
        nxt = fold(tokens[i + 2][0]) if i + 2 < len(tokens) else ""
        if lang == "de" and (_de_attributes(tokens[i + 1:i + 4]) or _de_coordinated(text, tokens, i + 1)):
            continue
        if (_CLAUSE_END.match(text, end) or (lang == "de" and nxt[:1] and tokens[i + 2][0][:1].islower())
                or (lang == "fr" and nxt in _FR_FOLLOWERS)):
            out.append(f"{tokens[i][0]} {adj}")
    return out


def _de_ending(word: str) -> str:
    """A German adjective's inflectional ending (the longest of -em, -en, -er, -es, -e), "" for none."""
    w = fold(word)
    return next((e for e in ("em", "en", "er", "es", "e") if w.endswith(e)), "")


def _de_attributes(tokens: list[tuple[str, int]]) -> bool:
    """Whether an adjective after an article, then a lower-case word with the same ending, then a capitalised
    word are one noun phrase: attributive adjectives agree, so „das erste mehrtägige Wiedersehen“ has its noun
    (the second adjective's ending is the first's), where „die zweite kam Anfang Mai“ is the noun left out."""
    if len(tokens) < 3:
        return False
    (adj, _), (second, _), (noun, _) = tokens
    ending = _de_ending(adj)
    if not (ending and second[:1].islower() and _de_ending(second) == ending and noun[:1].isupper()):
        return False
    # (the second word must be an adjective by its make: a weak verb's past tense ends as an adjective does — „das
    # zweite brauchte Wochen“ — so only a derivational adjective suffix or a participle's ge- tells one)
    stem = fold(second)[:-len(ending)]
    return stem.endswith(_DE_ADJECTIVE_SUFFIXES) or (stem.startswith("ge") and len(stem) >= 6)


def _de_coordinated(text: str, tokens: list[tuple[str, int]], i: int) -> bool:
    """Whether the adjective ``tokens[i]`` and a later one after a comma are coordinated attributes of one noun:
    „ein anderes, 900 Kilometer entferntes Gefängnis“ (the second, with its own complement, has the first's
    ending and the noun right after it). Only the endings -es and -em, which no verb form has: „eine andere,
    entfernte“ may be a past tense."""
    adj, end = tokens[i]
    ending = _de_ending(adj)
    if ending not in ("es", "em") or not text[end:end + 2].startswith(","):
        return False
    for (word, _e), (nxt, _n) in zip(tokens[i + 1:i + 5], tokens[i + 2:i + 6]):
        if word[:1].islower() and fold(word).endswith(ending) and nxt[:1].isupper():
            return True
    return False


# German suffixes that make adjectives (mehrtäg-ig, staat-lich, russ-isch, sicht-bar, wartend): a word with one is
# no finite verb.
_DE_ADJECTIVE_SUFFIXES = ("ig", "lich", "isch", "bar", "sam", "haft", "los", "voll", "end", "ern")
