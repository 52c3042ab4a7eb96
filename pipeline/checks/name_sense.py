"""A glossary name used for something else: a question, not an error.

The glossary's proper names are of prison reporting (Memorial, MSU, Smirnov), but a one-word name is shared by other
things: “MSU” is Michigan State University in an article on an exchange with East Lansing, “Memorial” the Memorial
Cup, a War Memorial, a Memorial service; “Smirnov” another man's name. Four readings tell them apart:

- **The article** (:func:`names_in_other_sense`). The sentence alone cannot (“a professor from MSU”); its article
  can. Where the article's summary (glossary/document.py) names no glossary concept without an everyday sense other
  than proper names — no SIZO, no colony, no political prisoner, only names, which are as ambiguous as this one — a
  missing spelling of a one-word name is a question for the editor. A name of several words (“Moscow State
  University”, “Elena Gorban”) names its own thing and stays an error, as does every name in a message read alone
  by this reading (no article to read: “The Butyrka prison is in Moscow.” says nothing else).
  Criterion (pooled over the 23 development sets, least false alarms + 2 × missed violations, no set's misses
  growing): 24 proper-name false alarms fewer, no violation missed; measured in docs/glossary.md.
- **A longer name** (:func:`in_longer_name`), in any message: English writes a name of several words with a capital
  on each (“Memorial Day”, “the Memorial Cup”, “the Stolypin Memorial”, “Boris Smirnov”). Where every occurrence of
  the glossary's one-word name stands in such a run with a word that is neither the concept's own (its definition,
  notes and terms: “Sergey Smirnov”, “Memorial Human Rights Centre”, “Azat Miftakhov” are the glossary's) nor
  another glossary name's, the run names another thing, and a missing spelling is a question. A sentence's first
  word is capitalised for the sentence, not as a name, and says nothing; nor does a title in title case, nor a
  preposition's object before the name (“In May Memorial recognised …”).
- **An abbreviation spelt out as another name** (:func:`_spelt_out`): “MSU” rendered „Michigan State University“,
  capitalised words with its initials that are not the glossary's own.
- **The one a thing is named after** (:func:`_named_after`), for a concept that is not a name: “Stolypin wanted …”
  (the name alone, without a determiner) rendered „Stolypin wollte …“ names the statesman, not the carriage.

Each is read only where its finding exists. Criteria and figures: docs/glossary.md (eleventh session).
"""

from __future__ import annotations

from collections.abc import Collection

from pipeline.checks.registry import Problem, ReadWithArticle
from pipeline.glossary.document import Document, summary
from pipeline.glossary.english_pos import PREPOSITIONS
from pipeline.glossary.match import WORD_RE, Hit, base_lang, fold, mask, tokenize, word_keys
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.phrase import DETERMINERS, SENTENCE_START
from pipeline.glossary.placement import sentence_of
from pipeline.glossary.name_noun import noun_name
from pipeline.glossary.sense import base_word, own_vocabulary
from pipeline.glossary.wordnet import common_word


def names_in_other_sense(glossary: Glossary, doc: Document | None, src: str, dst: str, lang: str,
                         dst_hits: list[Hit], out: list[Problem], said: Collection[str] = ()) -> list[Problem]:
    """``out`` with each proper-name error of a one-word name made a warning where every occurrence of the name in
    ``src`` stands in a longer name of another thing, or where the article ``doc`` names no concept but proper names,
    and each missing rendering of a thing named after someone where the source and the translation ``dst`` name
    that someone (unchanged without such a finding; ``dst_hits``: the check's glossary terms of ``dst``, overlapping
    and derived); a :class:`ReadWithArticle` where the article was read (the findings then
    depend on it: not remembered across articles)."""
    out = [_spelt_out(glossary, src, dst, lang, _in_longer_name(glossary, src, p)) if _one_word_name_error(p)
           else _named_after(glossary, src, dst, dst_hits, p) if p.check == "glossary-missing" and p.severity == "error"
           else p for p in out]
    if doc is None or not any(map(_one_word_name_error, out)) or all(
            _named_in_full(glossary, src, p) or _spelt_as_own(glossary, dst, lang, p) for p in out
            if _one_word_name_error(p)):
        return out
    # (``said``: the concepts the message itself names in the glossary's sense, not asked about: “SMIRNOV: … six
    # years in a red zone” says prison whatever else the article says)
    concepts = [*summary(glossary, doc, src).concepts, *said]
    if not all((c := glossary.concept_for_term(cid)) is not None and c.pos == "proper noun" for cid in concepts):
        return ReadWithArticle(out)
    why = (" — a warning only: the article names nothing of prison but names, so this one-word name may be "
           "another's (check which it is)")
    return ReadWithArticle(Problem(p.check, "warning", p.message + why, p.term)
                           if _one_word_name_error(p) and not _named_in_full(glossary, src, p)
                           and not _spelt_as_own(glossary, dst, lang, p) else p for p in out)


def _spelt_as_own(glossary: Glossary, dst: str, lang: str, p: Problem) -> bool:
    """Whether the translation ``dst`` spells out ``p``'s name as the concept's own name of several words, in part
    and inflected: two adjacent words, the first capitalised, each a word of one such approved rendering
    («Московского университета» for “MSU”, whose «Московский государственный университет» it shortens). The
    translator read the name as the glossary's, whatever else the article names: the wrong spelling is an error."""
    concept = glossary.concept_for_term(p.term) if p.term is not None else None
    if concept is None:
        return False
    b = base_lang(lang)
    own = [_keys(w, b) for t in concept.approved(lang) if len(WORD_RE.findall(t)) > 1 for w in WORD_RE.findall(t)]
    words = tokenize(dst)
    return bool(own) and any(_capital(a) and _joined(dst, a, c) and all(any(_keys(w[2], b) & o for o in own)
                                                                          for w in (a, c))
                             for a, c in zip(words, words[1:]))


def _keys(word: str, lang: str) -> frozenset:
    """A word's keys as its lemma, stem or form (not a derivation's: Московский is not Москва)."""
    return frozenset(k for k in word_keys(word, lang) if k[0] != "d")


def _named_in_full(glossary: Glossary, src: str, p: Problem) -> bool:
    """Whether ``src`` names ``p``'s concept by one of its terms of several words too (“MSU, Moscow State
    University”: a name of several words names its own thing, and the one-word name beside it is the same), or
    by a one-word name that is an English common noun standing bare, as a name stands (“unveiled by the local
    branch of Memorial”: a singular common noun needs a determiner — “the Memorial to the Victims …” is a
    monument — so the bare word is the organisation's name; not a sentence's first word, nor in a longer name)."""
    concept = glossary.concept_for_term(p.term) if p.term is not None else None
    if concept is None:
        return False
    hits = glossary.find(src, glossary.source_language)
    if any(h.concept is concept and " " in h.term for h in hits):
        return True
    mine = [h for h in hits if h.concept is concept and h.form[1:].islower()]
    if not mine or not noun_name(concept, mine[0].term):
        return False
    firsts = set(sentence_of(src))
    return any(_bare(src, h) and mask(src[:h.start]).rstrip()[-1:] not in ("", *SENTENCE_START)
               and h.start not in firsts and not in_longer_name(src, h, hits) for h in mine)


def _one_word_name_error(p: Problem) -> bool:
    """Whether ``p`` is a proper-name error about a glossary name of one word (MSU, Memorial, Smirnov)."""
    return (p.check == "proper-name" and p.severity == "error" and p.term is not None
            and len(WORD_RE.findall(p.term)) == 1)


def _in_longer_name(glossary: Glossary, src: str, p: Problem) -> Problem:
    """``p`` as a warning where every occurrence of its name in ``src`` stands in a longer name of another thing."""
    concept = glossary.concept_for_term(p.term)
    if concept is None:
        return p
    all_hits = glossary.find(src, glossary.source_language)
    hits = [h for h in all_hits if h.concept is concept]
    names = [in_longer_name(src, h, all_hits) for h in hits]
    if not hits or not all(names):
        return p
    return Problem(p.check, "warning", f"{p.message} — a warning only: it stands in “{names[0]}”, a name the "
                   f"glossary does not give, so it may name another thing (check which it is)", p.term)


def in_longer_name(src: str, hit: Hit, hits: list[Hit]) -> str:
    """The longer name of another thing that the one-word name ``hit`` stands in (“Memorial Day”), "" for none:
    the run of capitalised words round it, less a sentence's first word, where some word is neither the concept's
    own nor in another glossary name of ``hits`` (the source's). Words before the name join it unless a
    preposition precedes them (“the Stolypin Memorial”, not “In May Memorial recognised …”)."""
    words = tokenize(src)
    at = next((i for i, w in enumerate(words) if w[0] == hit.start), None)
    if at is None:
        return ""
    firsts = _sentence_firsts(src, words)
    if _title_case(words, firsts):
        return ""
    lo = hi = at
    while lo > 0 and _joined(src, words[lo - 1], words[lo]) and _capital(words[lo - 1]) and lo - 1 not in firsts:
        lo -= 1
    while hi + 1 < len(words) and _joined(src, words[hi], words[hi + 1]) and _capital(words[hi + 1]) \
            and hi + 1 not in firsts:
        hi += 1
    if lo < at and lo > 0 and words[lo - 1][2].lower() in PREPOSITIONS:
        lo = at  # (“In May Memorial recognised …”: a preposition's object, then the name)
    if lo == hi:
        return ""
    others = [w for w in words[lo:hi + 1] if w[0] != hit.start]
    names = [(h.start, h.end) for h in hits if h.concept.pos == "proper noun" and h.concept is not hit.concept]
    if all(_own(hit.concept, w, names) for w in others):
        return ""
    return src[words[lo][0]:words[hi][1]]


def _own(concept: Concept, word: tuple[int, int, str], names: list[tuple[int, int]]) -> bool:
    """Whether ``word`` of a run is the concept's own or in another glossary name. A word of five letters or more
    one letter off one of the concept's own is its own spelt in another transliteration (“Sergei Smirnov” for the
    definition's Sergey Smirnov; Andrei, Andrey)."""
    base = base_word(word[2])
    own = own_vocabulary(concept)
    if base in own or any(s <= word[0] and word[1] <= e for s, e in names):
        return True
    if len(base) < 5:
        return False
    from rapidfuzz.distance import Levenshtein  # (imported on first need: most runs never ask)

    return any(len(w) >= 5 and Levenshtein.distance(base, w, score_cutoff=1) <= 1 for w in own)


def _joined(src: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return src[a[1]:b[0]] in (" ", "-", "\u00a0")


def _capital(word: tuple[int, int, str]) -> bool:
    return word[2][:1].isupper()


def _sentence_firsts(src: str, words: list[tuple[int, int, str]]) -> set[int]:
    """The indices of ``words`` that begin a sentence."""
    starts = sentence_of(src)
    firsts, i = set(), 0
    for s in starts:
        while i < len(words) and words[i][0] < s:
            i += 1
        if i < len(words):
            firsts.add(i)
    return firsts


def _title_case(words: list[tuple[int, int, str]], firsts: set[int]) -> bool:
    """Whether the text is written in title case (most of its longer common words capitalised, sentences' first
    words aside): its capitals then say nothing of names. Only words WordNet knows as common words are counted: a
    sentence of names (“Lotte and Bruno won the jumping class at the De Smet Memorial in Lokeren”) is not a
    title."""
    longer = [w for i, w in enumerate(words) if i not in firsts and len(w[2]) > 3 and common_word(w[2])]
    return len(longer) >= 3 and sum(map(_capital, longer)) * 2 > len(longer)


def _named_after(glossary: Glossary, src: str, dst: str, dst_hits: list[Hit], p: Problem) -> Problem:
    """``p`` (a missing rendering) as a warning where the concept is named after someone and the source and the
    translation both name that someone: every occurrence is the name alone, as a name stands (capitalised in the
    glossary's own terms, “Stolypin carriage”; one word, singular, no determiner before it: “Stolypin wanted …”,
    not “the Stolypin was packed”), and the translation keeps that name as a word of its own (Stolypin,
    Stolypine) outside the glossary's terms."""
    concept = glossary.concept_for_term(p.term)
    if concept is None or concept.pos == "proper noun":
        return p
    names = _name_words(concept)
    if not names:
        return p
    hits = [h for h in glossary.find(src, glossary.source_language) if h.concept is concept]
    if not hits or not all(fold(h.form) in names and h.form[:1].isupper() and _bare(src, h) for h in hits):
        return p
    kept = _kept_name(dst, dst_hits, {fold(h.form) for h in hits})
    if not kept:
        return p
    return Problem(p.check, "warning", f"{p.message} — a warning only: “{hits[0].form}” stands alone, as a name, and "
                   f"the translation keeps the name (“{kept}”): it may be the one the {concept.term} is named after "
                   f"(check which it is)", p.term)


def _name_words(concept: Concept) -> frozenset[str]:
    """The words the glossary writes as a name in a concept's source terms (“Stolypin” of “Stolypin carriage”;
    not an abbreviation's capitals, ShIZO), folded; remembered with the concept's other memos."""
    return concept.remembered("name words", lambda: frozenset(
        fold(w) for t in concept.terms for w in WORD_RE.findall(t.text) if w[:1].isupper() and w[1:].islower()))


def _bare(src: str, hit: Hit) -> bool:
    """Whether ``hit`` stands as a name does: no determiner among the two words before it in its sentence (a
    singular common noun needs one: “the Stolypin was packed”, “a crowded Stolypin”)."""
    before = mask(src[max(0, hit.start - 60):hit.start]).rstrip()
    cut = max(before.rfind(c) for c in SENTENCE_START)
    words = WORD_RE.findall(before[cut + 1:])[-2:]
    return not any(fold(w) in DETERMINERS["en"] for w in words)


def _kept_name(dst: str, dst_hits: list[Hit], names: set[str]) -> str:
    """A word of ``dst`` that is one of the source's ``names`` kept as a name (Stolypin; Stolypine, Stolypins: its
    spelling or declension in the translation's language), outside every glossary term of the translation; ""
    for none (``dst_hits``: the glossary terms of ``dst``, found once by the check)."""
    terms = [(h.start, h.end) for h in dst_hits]
    for start, end, w in tokenize(dst):
        f = fold(w)
        if (w[:1].isupper() and any(f.startswith(n) and len(f) <= len(n) + 2 for n in names)
                and not any(s <= start and end <= e for s, e in terms)):
            return w
    return ""


def _spelt_out(glossary: Glossary, src: str, dst: str, lang: str, p: Problem) -> Problem:
    """``p`` (a one-word name's error) as a warning where the name is an abbreviation (MSU) and the translation spells
    out another name with its initials: adjacent capitalised words whose initials are the abbreviation's first two
    letters or more, one of them neither the concept's own (its definition, notes, terms) nor a word of its
    approved renderings — “Michigan State University”, « Michigan State » for “MSU beat Michigan”; not “Moscow
    State University” left in English, not „Moskauer Staatliche Universität“. Nor where the source spells the
    name out itself with a term of the concept (“MSU, Moscow State University”): the translation's spelt-out name
    then renders that term, well or badly („Moskauer Staatsuniversität“), and names no other thing."""
    if p.severity != "error" or p.term is None or not (p.term.isupper() and p.term.isalpha() and len(p.term) > 1):
        return p
    concept = glossary.concept_for_term(p.term)
    if concept is None or _named_in_full(glossary, src, p):
        return p
    letters = p.term.casefold()
    rendered = {fold(w) for t in concept.approved(lang) for w in WORD_RE.findall(t)}
    words = tokenize(dst)
    if lang.startswith(("ru", "uk")):
        return _spelt_out_cyrillic(concept, dst, words, letters, rendered, p)
    for i in range(len(words)):
        j = i
        while (j < len(words) and j - i < len(letters) and _capital(words[j]) and words[j][2][:1].casefold()
               == letters[j - i] and (j == i or _joined(dst, words[j - 1], words[j]))):
            j += 1
        run = words[i:j]
        if len(run) > 1 and any(base_word(w[2]) not in own_vocabulary(concept) and fold(w[2]) not in rendered
                                for w in run):
            name = dst[run[0][0]:run[-1][1]]
            return Problem(p.check, "warning", f"{p.message} — a warning only: the translation spells out "
                           f"“{name}”, another name with its initials (check which it names)", p.term)
    return p


# The first Latin letter of each Cyrillic letter's romanisation (BGN/PCGN: ш sh, ч ch, х kh, ц ts, ю yu, я ya; е and
# ё as e), for an abbreviation's initials: “Университет штата Мичиган” is U, S, M.
_ROMAN_INITIAL = {c: r[0] for c, r in zip("абвгдеёжзийклмнопрстуфхцчшщыэюяіїєґ", (
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya i yi ye g").split())}


def _spelt_out_cyrillic(concept: Concept, dst: str, words: list[tuple[int, int, str]], letters: str,
                        rendered: set[str], p: Problem) -> Problem:
    """:func:`_spelt_out` for a Russian or Ukrainian translation, which capitalises a name's first word only and
    puts a genitive after its noun (“Michigan State University”: «Университет штата Мичиган»): adjacent words, the
    first capitalised, as many as the abbreviation has letters, whose romanised initials are its letters in any
    order, one word neither the concept's own nor of its approved renderings."""
    n = len(letters)
    firsts = _sentence_firsts(dst, words)  # (a sentence's first word is capitalised for the sentence)
    for i in range(len(words) - n + 1):
        run = words[i:i + n]
        if (_capital(run[0]) and i not in firsts and all(_joined(dst, a, b) for a, b in zip(run, run[1:]))
                and sorted(_ROMAN_INITIAL.get(w[2][:1].lower(), "") for w in run) == sorted(letters)
                and any(base_word(w[2]) not in own_vocabulary(concept) and fold(w[2]) not in rendered for w in run)):
            name = dst[run[0][0]:run[-1][1]]
            return Problem(p.check, "warning", f"{p.message} — a warning only: the translation spells out "
                           f"“{name}”, another name with its initials (check which it names)", p.term)
    return p
