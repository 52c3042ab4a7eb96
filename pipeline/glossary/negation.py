"""Which clause of the source a negation speaks of: a translation's negated forbidden word mirrors the source only
where the source negates in the clause of the term (glossary/sense.py, ``mirrored``)."""

from __future__ import annotations

import re

from pipeline.glossary.match import WORD_RE, Hit, fold, mask

SOURCE_NEGATION_RE = re.compile(r"\b(?:not|never|no|nor|neither|without|instead of|rather than)\b|n['’]t\b", re.I)
# What denies that one thing is another: a negated copula, “has nothing to do with”, “rather than”, “instead of”
# (“a common fund, which has nothing to do with the obshchak”; not “prisoners never get UDO”).
DENIAL_RE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:not|never)\b|\b(?:isn|aren|wasn|weren)['’]t\b"
                       r"|\bnothing\s+to\s+do\s+with\b|\brather\s+than\b|\binstead\s+of\b", re.I)
# A copula's negation before its noun: “the smotryashchy is not a guard”.
_DENIED_NOUN_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:not|never)\s+(?:a|an|the)\s+([a-z]{3,})\b", re.I)

# Negation words a few words before a forbidden term (target side).
NEGATIONS = {
    "ru": {"не", "ни", "нет", "отнюдь", "вместо", "без"},
    "uk": {"не", "ні", "нема", "замість"},
    "de": {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "statt", "anstatt",
           "ohne", "weder"},
    "fr": {"pas", "jamais", "ni", "non", "sans", "plutôt", "point", "aucun", "aucune", "nul", "nulle"},
    "es": {"no", "nunca", "ni", "sin"},
    "it": {"non", "mai", "né", "senza"},
    "en": {"not", "never", "no", "nor", "neither", "without", "instead"},
}
NEGATION_WINDOW = 2  # words between the negation and the term ("n'est pas un gardien", "keine Bauern")
# A French negation frames the auxiliary of a compound tense, so its participle stands between the negation
# and the attribute: « il n'a jamais été un parrain » is « il n'est pas un parrain » in the past.
_NEGATED_PARTICIPLES = {"fr": {"été", "eu"}}
# German and Russian put a clause's predicate noun first and negate it later in the clause: „Eine „Ziege“ sei er
# nie gewesen“, «Козлом он никогда не был». The term opens its clause (at most an article or an adjective before
# it), its subject pronoun follows (German: after the finite verb, V2), and the negation follows within a few
# words, before the clause ends; a term that is the clause's subject („Ein „Gockel“ ist weder ein Vogel … noch …“)
# is not what the negation denies.
_FRONTED = {"de": (1, {"er", "sie", "es", "ich", "du", "wir", "ihr", "man"}),
            "ru": (0, {"он", "она", "оно", "они", "я", "ты", "мы", "вы"})}
_FRONTED_BEFORE = 2  # words before the term in its clause
_FRONTED_AFTER = 4  # words between the term and the negation
_TARGET_BREAK = re.compile(r"[.;:!?,—–]")

# The source's negation that a translation's may mirror is in the clause of the term: “Most prisoners are muzhiki:
# … belong to neither side” does not negate the muzhiki, so „„Muschiks“ – nicht etwa Bauern“ is the translator's
# own gloss with a forbidden word, not the source's negation mirrored (“The smotryashchy is not a guard” is).
_CLAUSE_BREAK = re.compile(r"[.;:!?—–]")
# (a clause whose subject is a pronoun goes on speaking of the term: “The overseer is a prisoner; he is not a guard.”)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|it|they|this|that|these|those)\b", re.I)


def negated_in_source(src: str, src_hits: list[Hit], hit: Hit) -> bool:
    """Whether a negation of ``src`` stands in the clause of one of ``hit``'s concept's source occurrences (where
    the source does not name the concept, whether it negates anywhere: nothing to place)."""
    if not SOURCE_NEGATION_RE.search(src):
        return False
    own = [h for h in src_hits if h.concept.id == hit.concept.id]
    if not own:
        return True
    for h in own:
        starts = [m.end() for m in _CLAUSE_BREAK.finditer(src, 0, h.start)]
        end = _CLAUSE_BREAK.search(src, h.end)
        while end and end.group(0) in ";:—–" and _PRONOUN_SUBJECT.match(src, end.end()):
            end = _CLAUSE_BREAK.search(src, end.end())
        if SOURCE_NEGATION_RE.search(src, starts[-1] if starts else 0, end.start() if end else len(src)):
            return True
    return False


def denied_noun(src: str, dst: str, h: Hit, forbidden: list[Hit], src_hits: list[Hit], lang: str) -> str:
    """The noun the source denies of ``h``'s concept (“is not a guard”) where the translation negates the same
    forbidden word as the source does and ``h`` is another of it, and the source names the noun again (“…, and
    the guards pretend …” → „ist kein Aufseher …, und die Aufseher …“): the translator's own word for that noun,
    which ``h`` renders ("" when there is none)."""
    twins = [o for o in forbidden if o is not h and fold(o.form) == fold(h.form)]
    m = _DENIED_NOUN_RE.search(src) if twins and (" not " in src or " never " in src) else None
    if not m:
        return ""  # (the common case, told without a regex tried at every position)
    again = re.search(r"\b%ss?\b" % re.escape(m.group(1)), src[m.end():], re.I)
    if not again:
        return ""
    from pipeline.glossary.sense import mirrored  # (sense.py builds on this module)

    return again.group(0) if any(mirrored(src, src_hits, dst, o, lang) for o in twins) else ""


def negated_as_source(src: str, src_hits: list[Hit], dst: str, hit: Hit, lang: str) -> bool:
    """Whether the translation negates the forbidden ``hit`` where the source negates its concept's clause: the
    negation a few words before it („keine Bauern“, « n'a jamais été un parrain »), or after a term that opens its
    clause in German or Russian („Eine „Ziege“ sei er nie gewesen“)."""
    base = lang.replace("-", "_").split("_")[0].lower()
    neg = NEGATIONS.get(base)
    if not neg or not negated_in_source(src, src_hits, hit):
        return False
    skip = _NEGATED_PARTICIPLES.get(base, ())
    before = [w for m in WORD_RE.finditer(mask(dst[max(0, hit.start - 80): hit.start]))
              for w in [m.group(0).lower()] if w not in skip]
    if any(w in neg for w in before[-NEGATION_WINDOW:]):
        return True
    if base not in _FRONTED:
        return False
    verbs, subjects = _FRONTED[base]
    start = max((m.end() for m in _TARGET_BREAK.finditer(dst, 0, hit.start)), default=0)
    if len(WORD_RE.findall(mask(dst[start:hit.start]))) > _FRONTED_BEFORE:
        return False
    end = _TARGET_BREAK.search(dst, hit.end)
    after = [m.group(0).lower() for m in WORD_RE.finditer(mask(dst[hit.end:end.start() if end else len(dst)]))]
    return len(after) > verbs and after[verbs] in subjects and any(w in neg for w in after[:_FRONTED_AFTER + 1])
