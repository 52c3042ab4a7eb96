"""More words that say a repeated noun without it, beside glossary/repeats.py's pronouns and ellipsis.ellipsis's
adjectives: each is read by the language's grammar, and counted against what the source says the same way.

- German *es* after a plural verb is its object, not an expletive subject, which takes a singular verb („die
  Wärter öffneten es“; not „es gibt“, „heute ist es kalt“, nor „sind es“, the copula agreeing with its predicate).
- German *es* after a subject pronoun and its verb is the object too („man öffnete es vor seinen Augen“ for “the
  parcel was opened in front of him”), less the source's own *it*s.
- A German pronominal adverb says a preposition and “it” (davon: of it, darüber: about it): where the source has
  that preposition before *it* or *them*, it is a pronoun for repeats.extra_pronouns, which holds the source's
  pronouns against the translation's („…; sein Anwalt erfuhr … davon“ for “Miftakhov's lawyer learned of it”:
  *it* is said by „davon“, so *sein* is the name's repeat); so is a Russian preposition's demonstrative without
  its noun («его адвокат узнал об этом»).
- A German demonstrative standing alone is a pronoun („…; diese hatte keine Heizung“, „dieser war seit Monaten
  gebucht“); before a noun, or an attributive adjective and its noun („diese neue Zelle“), it is a determiner.
- A French object clitic before another clitic is a pronoun (« la colonie, qui le lui a renvoyé », « les y a
  ramenées »): no article stands before *lui*, *leur*, *y* or *en*.
- A French superlative after its article with no noun (« le SIZO de Kirov, le plus ancien de la région ») says the
  noun, as “the oldest in the region” does in English.
- A possessive pronoun (« le sien », „seines“), a French « ce dernier » (the latter), a French « y » after a
  subject pronoun or « n' » (« on n'y trouve aucune fenêtre »; not « il y a », there is), and a German article
  before a genitive („das Paket seiner Mutter und das seiner Schwester“) stand for a noun said before.
- A plural rendering whose noun phrase coordinates two modifiers says as many things as the source's singular
  occurrences that “and” joins (“the transfer to Kirov and the transfer to Perm” → „die Überstellungen nach Kirow
  und nach Perm“, « les colis de sa mère et de sa sœur », «посылки от матери и от сестры»): the second modifier
  begins with a preposition or a genitive determiner, not an article that may open another noun („und der
  Transport nach Perm“).
- Two predicates that share one subject (glossary/shared_subject.py).
- An indefinite *other* without its noun says a repeat as “another” does in English (“from one Stolypin car to
  another”): « d'un wagon Stolypine à un autre », „von einem Stolypin-Waggon in einen anderen“; counted against the
  source's own *another* or *the other* standing alone.
- A number (or *all*, *both*) without its noun says the noun where the source names it after the same number: “four parcels a year,
  under general regime six parcels” → „im allgemeinen Regime sechs“, « au régime général six », « en recevoir
  six par an »; a number the source also has alone (“under strict regime four”) says nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.glossary.english_pos import PREPOSITIONS
from pipeline.glossary.match import WORD_RE, Hit, english_base, fold, mask
from pipeline.glossary.lazy_pattern import Lazy
from pipeline.glossary.preposition_repeats import DE_PRONOMINAL, FR_ADVERBIAL, FR_PREPOSITIONS
from pipeline.glossary.shared_subject import shared_subject

_DE_DEMONSTRATIVE = Lazy(r"\b(?:dies|jen)(?:e|er|es|em|en)\b", re.I)
_DE_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
_EN_PREP_IT = Lazy(r"\b(of|from|about|over|with|for|after|before|in|on|against|through|under|at)\s+(?:it|them)\b",
                         re.I)
_RU_THIS = frozenset("это этом этого этому этим".split())
_DE_PLURAL_VERB_ES = Lazy(r"\b([a-zäöüß]{2,}(?:en|ten|ern|eln))\s+es\b")
# (words in -en that are no verb: conjunctions, prepositions, adverbs, pronouns; and the copula's plural forms)
_DE_NOT_PLURAL_VERBS = frozenset("wenn denen wegen gegen neben zwischen oben unten hinten eben binnen innen außen "
                                 "seiten oft indessen dessen sonsten morgen gestern vorgestern übermorgen damen "
                                 "sind waren wären werden wurden würden seien".split())
# ... and after a subject pronoun and its verb, the subject said already („man öffnete es“, „er gab es zurück“),
# counted against the source's own *it*s; not after a word that is no verb.
_DE_SUBJECTS = frozenset("man er ich wir du".split())
_DE_NOT_VERBS = frozenset("und oder aber denn doch dass wenn weil nicht auch noch schon nie immer dann sofort".split())
_EN_IT = Lazy(r"\bit\b", re.I)
# English demonstratives standing for a noun: before a clause's end or a verb (“this was cancelled”).
_EN_DEMONSTRATIVE = Lazy(r"\b(?:this|these|those)\b(?=\s*[.,;:!?)]|\s+(?:is|was|are|were|has|had|have|will"
                               r"|would|can|could|must|may|might|did|does|do)\b)", re.I)
# (not after a subject pronoun or « ne », where repeats._FR_SUBJECT_CLITIC_RE counts the first clitic already)
_FR_CLITIC_PAIR = Lazy(r"(?<!\bne )(?<!\bil )(?<!\belle )(?<!\bon )(?<!\bils )(?<!\belles )(?<!\bje )"
                             r"(?<!\btu )(?<!\bnous )(?<!\bvous )\b(?:le|la|les)\s+(?:lui|leur|y|en)\b|\bl['’]\s*y\b",
                             re.I)
_FR_SUPERLATIVE = Lazy(r"\b(?:le|la|les)\s+(?:plus|moins)\s+[^\W\d_]{3,}(?=\s*(?:[.,;:!?)]|$)|\s+(?:de|d['’]"
                             r"|du|des|qui|que|est|était|a|avait)\b)", re.I)
_EN_SUPERLATIVE = Lazy(r"\bthe\s+(?:most\s+[a-z]{3,}|[a-z]{2,}est)(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|of|on|at"
                             r"|who|which|that|is|was)\b)", re.I)
_DE_POSSESSIVE = Lazy(r"\b(?:mein|dein|sein|ihr|unser|euer)e?s\b", re.I)
_FR_POSSESSIVE = Lazy(r"\b(?:le|la|les)\s+(?:mien|tien|sien|nôtre|vôtre|leur)(?:ne)?s?\b"
                            r"|\b(?:ce\s+dernier|cette\s+derni[eè]re|ces\s+derni(?:er|[eè]re)s)\b"
                            r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:se|s['’]|n['’]|ne|l['’]|le|la|les|lui|y|en|est|a|avait|était"
                            r"|sera|fut|reste|resta)\b)", re.I)
_EN_POSSESSIVE = Lazy(r"\b(?:hers|theirs|mine|yours|ours)\b|\bhis\b(?=\s*[.,;:!?)]|\s+(?:did|was|is|had|has)\b)"
                            r"|\bthe\s+latter\b", re.I)
_FR_Y = Lazy(r"\b(?:j['’]|tu|il|elle|on|nous|vous|ils|elles|n['’])\s*y\b(?!\s+(?:a|avait|aura|aurait|eut|ait"
                   r"|avoir|ayant)\b)", re.I)
_DE_ARTICLE_GENITIVE = Lazy(r"\b(?:und|oder|sowie|auch|wie)\s+(?:der|die|das|den|dem)\s+(?:des|der|eines|einer"
                                  r"|(?:sein|ihr|mein|dein|unser|eur)e[rs])\s+[A-ZÄÖÜ]")
# A coordinated modifier after a plural rendering: the conjunction, then a preposition or a genitive determiner.
_COORDINATED = {
    "de": Lazy(r"^[^.;:!?]{0,60}?\b(?:und|sowie|oder)\s+(?:nach|in|im|aus|von|vom|zu|zum|zur|an|am|bei|beim|mit"
                     r"|für|vor|auf|seiner|ihrer|meiner|deiner|unserer|eurer|seines|ihres|meines|unseres|des|eines)\b"),
    "fr": Lazy(r"^[^.;:!?]{0,60}?\b(?:et|ou)\s+(?:de|d['’]|du|des|à|au|aux|vers|en|dans|pour|chez|sur)\b",
                     re.I),
    "ru": Lazy(r"^[^.;:!?]{0,60}?\b(?:и|или)\s+(?:в|во|на|из|от|до|к|ко|с|со|для|по|у|за)\b", re.I),
}
# ... or one preposition whose object coordinates two bare nouns (“Die Pakete von Mutter und Schwester”): a
# determiner after the conjunction may open another noun phrase („von der Mutter und der Brief …“).
_SHARED_PREPOSITION = {
    "de": Lazy(r"^\s+(?:von|vom|aus|nach|für|an|in|im|mit|bei|zu|zur|zum)\s+[^.;:!?,]{0,40}?\b(?:und|sowie)\s+"
               r"(?!(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein\w*|mein\w*|dein\w*|sein\w*"
               r"|ihr\w*|unser\w*|euer|eure\w*)\b)[A-ZÄÖÜ]"),
    "fr": Lazy(r"^\s+(?:de|d['’]|du|des|à|au|aux|pour|en|dans|chez)\s*[^.;:!?,]{0,40}?\bet\s+(?!(?:le|la|les|l['’]|un|une"
               r"|des|du|de|d['’]|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|ce|cet|cette|ces)\b)"
               r"[^\W\d_]", re.I),
}
_FR_PLURAL_BEFORE = Lazy(r"\b(?:les|des|ces|mes|tes|ses|nos|vos|leurs|aux|plusieurs|deux|trois|quatre|cinq)\s+$", re.I)
_EN_AND = Lazy(r"\band\b", re.I)
_OTHER_WORD = {"en": "other", "fr": "autre", "de": "ander"}
_OTHER = {
    "en": Lazy(r"\b(?:another|the\s+others?)\b", re.I),
    "fr": Lazy(r"\b(?:un|une|l['’]|les|d['’])\s*autres?\b", re.I),
    "de": Lazy(r"\b(?:ein|eine|einen|einem|einer|eines|der|die|das|den|dem|des)\s+ander(?:e|er|es|en|em)\b", re.I),
}
# A Russian clause joined by «а», «и», «но» that opens with a prepositional phrase and goes on after a dash has its
# subject and verb left out, as the dash says (“a parcel costs 4,500 roubles, and a parcel to the Far East twice
# that” → «…, а на Дальний Восток — вдвое дороже»): the phrase is the repeat's modifier, the noun left out.
_RU_GAPPED = Lazy(r"(?:^|[,;]\s*)(?:а|и|но)\s+(?:в|во|на|из|от|до|к|ко|с|со|для|по|у|за|через|из-за)\s+"
                  r"[^—–,.;:!?]{1,40}?\s[—–]\s", re.I)
_CLAUSE_END = Lazy(r"\s*(?:[.,;:!?)»”“\"—–]|$)")

# Cardinal numbers written as words (a closed class); digits are read as numbers in every language.
NUMBERS = {
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "ru": "один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать",
}
_VALUES = {lang: {w: n for n, w in enumerate(words.split(), 1) if n > 1} for lang, words in NUMBERS.items()}
# ... and the quantifiers that count as a number does (“all parcels were opened” → «и все вскрыли», „beide“)
ALL = 1000
for _lang, _words in {"en": {"all": ALL, "both": 2}, "de": {"alle": ALL, "beide": 2, "beiden": 2},
                      "fr": {"tous": ALL, "toutes": ALL}, "ru": {"весь": ALL, "оба": 2}}.items():
    _VALUES[_lang].update(_words)
# What may follow a French number whose noun is left out: a clause's end or a preposition or conjunction
# (« six par an », « quatre seulement »); a French number before a noun is its determiner.
_FR_AFTER_BARE = {"par", "pour", "à", "au", "aux", "en", "dans", "sur", "chaque", "et", "ou", "mais", "seulement",
                  "sont", "ont", "est", "a", "avaient", "étaient"}
# ... and an English one (“under strict regime four.”, “six a year”)
_EN_AFTER_BARE = {"a", "an", "per", "each", "in", "at", "for", "under", "and", "or", "but", "were", "was"}
# A German attribute after a comma that goes on to a noun: another adjective, then the capitalised noun.
_DE_COMMA_ATTRIBUTE = Lazy(r",\s*(?:\S+\s+){0,3}?[a-zäöüß]+(?:e|en|em|er|es)\s+[A-ZÄÖÜ]")
# French words that do not open a noun phrase after « un autre » (prepositions, conjunctions, pronouns, adverbs):
# French has no lexicon here, and its nouns are not capitalised.
_FR_NO_NOUN = frozenset("""sans avec vers chez entre depuis pendant après avant puis où qui que qu dont comme quand
lorsque si plus moins encore aussi ne n se s y le la les l lui leur de d des du""".split()) | _FR_AFTER_BARE
# A partitive after a number names its noun (“two of the colonies”, «один из лагерей», « deux des colis »).
_PARTITIVE = {"of", "von", "der", "de", "d", "des", "du", "из"}


def _value(word: str, lang: str) -> int:
    """The number a word says (0 for none, and for one: an article's word in most languages, «один из», „eine“);
    Russian number words are read by their dictionary forms."""
    if word.isdigit():
        return int(word) if len(word) < 4 and int(word) > 1 else 0  # (not a year)
    w = fold(word)
    if lang == "ru":  # (все is first a particle to the analyser, then весь)
        from pipeline.glossary.wordkeys import parses

        return next((_VALUES["ru"][p.normal_form] for p in parses(w, "ru")[:4] if p.normal_form in _VALUES["ru"]), 0)
    return _VALUES.get(lang, {}).get(w, 0)


def _noun_follows(tokens: list[tuple[str, int, int]], i: int, text: str, lang: str) -> bool:
    """Whether the word after ``tokens[i]`` begins its noun phrase (a noun, or an adjective before one)."""
    if _CLAUSE_END.match(text, tokens[i][2]) or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1][0]
    if fold(nxt) in _PARTITIVE:
        return True
    if lang == "de":
        if nxt[:1].isupper():
            return True  # German nouns are capitalised
        after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
        return fold(nxt).endswith(_DE_ADJECTIVE_ENDINGS) and after[:1].isupper()
    if lang == "fr":
        return fold(nxt) not in _FR_AFTER_BARE
    if lang == "ru":
        from pipeline.glossary.wordkeys import first_pos

        return first_pos(nxt, "ru") in ("NOUN", "ADJF", "PRTF")
    return fold(nxt) not in _EN_AFTER_BARE


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(mask(text))]


def _demonstratives(text: str, lang: str) -> list[str]:
    if lang == "en":
        return _EN_DEMONSTRATIVE.findall(mask(text))
    if lang != "de":
        return []
    tokens = _tokens(text)
    return [w for i, (w, _s, _e) in enumerate(tokens)
            if _DE_DEMONSTRATIVE.fullmatch(w) and not _noun_follows(tokens, i, text, lang)]


def _numbers_left_out(src: str, src_lang: str, dst: str, lang: str, src_hits: Sequence[Hit]) -> list[str]:
    """The translation's numbers without a noun whose value the source writes right before one of ``src_hits``,
    less those the source writes without a noun too."""
    src_tokens = _tokens(src)
    before: dict[int, int] = {}
    for h in src_hits:
        prev = [t for t in src_tokens if t[2] <= h.start]
        if prev and not src[prev[-1][2]:h.start].strip() and (n := _value(prev[-1][0], src_lang)):
            before[n] = before.get(n, 0) + 1
    if not before:
        return []
    alone = [n for i, t in enumerate(src_tokens) if (n := _value(t[0], src_lang))
             and not _noun_follows(src_tokens, i, src, src_lang)]
    out: list[str] = []
    tokens = _tokens(dst)
    for i, (w, _s, _e) in enumerate(tokens):
        n = _value(w, lang)
        if n and before.get(n, 0) > 0 and not _noun_follows(tokens, i, dst, lang):
            if n in alone:
                alone.remove(n)
                continue
            before[n] -= 1
            out.append(w)
    return out


def _others(text: str, lang: str) -> list[str]:
    """The indefinite *other*s of ``text`` standing without their noun (“to another.”, « à un autre sans … »,
    „in einen anderen“): a clause's end or a word that opens no noun phrase after them; English “the others”
    always (a plural that takes no noun)."""
    rx = _OTHER.get(lang)
    if rx is None or _OTHER_WORD[lang] not in text.lower():
        return []  # (the common case, told without compiling the pattern)
    masked = mask(text)
    out = []
    for m in rx.finditer(masked):
        if lang == "de" and _DE_COMMA_ATTRIBUTE.match(masked, m.end()):
            continue  # („in ein anderes, 900 Kilometer entferntes Gefängnis“: attributes coordinated by a comma)
        if _CLAUSE_END.match(masked, m.end()) or lang == "en" and m.group(0).lower().endswith("others"):
            out.append(m.group(0))
            continue
        nxt = WORD_RE.match(masked, m.end() + (len(masked[m.end():]) - len(masked[m.end():].lstrip())))
        w = fold(nxt.group(0)) if nxt else ""
        if lang == "de":
            bare = not nxt or not (w[:1] and nxt.group(0)[:1].isupper())
        elif lang == "fr":
            bare = w in _FR_NO_NOUN
        else:
            bare = w in _EN_AFTER_BARE or w in PREPOSITIONS or w in ("without", "with", "who", "which", "that")
        if bare:
            out.append(m.group(0))
    return out


def pronominal_adverbs(src: str, dst: str, lang: str = "de") -> int:
    """How many German pronominal adverbs of ``dst`` say a preposition the English ``src`` has before *it* or
    *them*, each once (in French, the preposition alone); in Russian, how many prepositions before a demonstrative without its noun («узнал об этом»:
    of it), at most as many as the source's."""
    preps = [p.lower() for p in _EN_PREP_IT.findall(mask(src))]
    if not preps:
        return 0
    if lang == "ru":
        from pipeline.glossary.wordkeys import first_pos

        tokens = _tokens(dst)
        said = [w for i, (w, _s, _e) in enumerate(tokens) if i and fold(w) in _RU_THIS
                and first_pos(tokens[i - 1][0], "ru") == "PREP" and not _noun_follows(tokens, i, dst, "ru")]
        return min(len(said), len(preps))
    if lang == "fr":  # (« et vous avant. » for “and so are you before it”: the preposition alone, as an adverb)
        said = [p for m in FR_ADVERBIAL.finditer(mask(dst)) if (p := FR_PREPOSITIONS[fold(m.group(1))]) in preps]
        return min(len(said), len(preps))
    n = 0
    for w in WORD_RE.findall(mask(dst)):
        said_by = next((p for p in DE_PRONOMINAL.get(fold(w), ()) if p in preps), None)
        if said_by:
            preps.remove(said_by)
            n += 1
    return n


def _plural(h: Hit, lang: str, before: str = "") -> bool:
    """Whether a rendering is plural: pymorphy3's reading (Russian), a plural ending the approved word lacks
    (German, French), or a plural determiner right before it in ``before``, the text before it (French: « les
    colis », whose singular is « le colis »)."""
    if lang == "ru":
        from pipeline.glossary.wordkeys import parses

        return any(p.tag.number == "plur" and p.tag.POS == "NOUN" for w in WORD_RE.findall(h.form)
                   for p in parses(w, "ru")[:2])
    words = WORD_RE.findall(h.form)
    if lang == "de":
        return bool(words) and fold(words[-1]) != fold(h.term.split()[-1]) and fold(words[-1]).endswith(
            ("en", "e", "n", "s", "er"))
    return lang == "fr" and bool(words) and (fold(words[0]).endswith(("s", "x")) and not fold(
        h.term.split()[0]).endswith(("s", "x")) or bool(_FR_PLURAL_BEFORE.search(before)))


def _coordinated(src: str, src_hits: Sequence[Hit], dst: str, lang: str, found: Sequence[Hit]) -> list[str]:
    """The plural renderings that coordinate two modifiers, as many as the source's singular occurrences that “and”
    joins in one clause (each pair once)."""
    from pipeline.glossary.neighbourhood import CLAUSE_BREAK_RE

    hits = sorted(src_hits, key=lambda h: h.start)
    pairs = sum(1 for a, b in zip(hits, hits[1:]) if fold(a.term) == fold(b.term)
                and english_base(fold(a.form)) == fold(a.form) and _EN_AND.search(src, a.end, b.start)
                and not CLAUSE_BREAK_RE.search(src[a.end:b.start]) and len(src[a.end:b.start]) < 60)
    rx = _COORDINATED.get(lang)
    out = [h.form for h in found if rx is not None and _plural(h, lang, dst[max(0, h.start - 12):h.start])
           and (rx.match(dst[h.end:]) or (shared := _SHARED_PREPOSITION.get(lang)) and shared.match(dst[h.end:]))
           ] if pairs else []
    return out[:pairs]


def left_out(src: str, src_lang: str, dst: str, lang: str, src_hits: Sequence[Hit], found: Sequence[Hit] = ()
             ) -> list[str]:
    """The words of ``dst`` that say a repeated noun without it and that ``src`` does not say the same way."""
    out = _numbers_left_out(src, src_lang, dst, lang, src_hits) if src_hits else []
    out += _coordinated(src, src_hits, dst, lang, found) if found and len(src_hits) > 1 and src_lang == "en" else []
    out += shared_subject(src, src_hits, dst, lang) if len(src_hits) > 1 and src_lang == "en" else []
    other = _others(dst, lang)
    out += other[len(_others(src, src_lang)):] if other else []
    dem = _demonstratives(dst, lang)
    out += dem[len(_demonstratives(src, src_lang)):] if dem else []
    masked = mask(dst)
    if lang == "de" and " es" in masked:
        out += [m.group(0) for m in _DE_PLURAL_VERB_ES.finditer(masked) if m.group(1) not in _DE_NOT_PLURAL_VERBS]
        words = WORD_RE.findall(masked)
        objects = [f"{a} {b} es" for a, b, c in zip(words, words[1:], words[2:]) if c == "es" and a in _DE_SUBJECTS
                   and len(b) > 2 and b.islower() and b not in _DE_NOT_VERBS]
        out += objects[len(_EN_IT.findall(mask(src))) if src_lang == "en" else 0:] if objects else []
    if lang == "ru" and (" — " in masked or " – " in masked) and src_hits:
        out += [m.group(0).strip(" ,;—–") for m in _RU_GAPPED.finditer(masked)]
    if lang == "fr":
        out += _FR_CLITIC_PAIR.findall(masked) + _FR_Y.findall(masked)
        sup = _FR_SUPERLATIVE.findall(masked)
        out += sup[len(_EN_SUPERLATIVE.findall(mask(src))) if src_lang == "en" else 0:] if sup else []
    if lang in ("fr", "de"):
        tokens = _tokens(dst) if lang == "de" else []
        own = [w for i, (w, _s, _e) in enumerate(tokens) if _DE_POSSESSIVE.fullmatch(w)
               and not _noun_follows(tokens, i, dst, lang)] if lang == "de" else _FR_POSSESSIVE.findall(masked)
        own += _DE_ARTICLE_GENITIVE.findall(masked) if lang == "de" else []
        out += own[len(_EN_POSSESSIVE.findall(mask(src))) if src_lang == "en" else 0:] if own else []
    return out
