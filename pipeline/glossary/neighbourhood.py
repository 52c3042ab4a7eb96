"""A source term's sense from its own neighbourhood: the words next to it in its clause, not the whole sentence.

A prison sentence may use a glossary word in another sense: Stolypin the statesman lectured on in a colony, a
charge "downgraded", Chekhov's story “The Muzhiks” in the colony library, a detachment of FSIN special forces at
the colony gate, a parcel containing explosives. What decides is next to the word:

- **words the glossary marks** (``not_near`` on a concept or a term): “downgraded *the charge*”, “a detachment
  of FSIN special *forces*”, “a parcel containing *explosives*”;
- **a title**: the term inside quotation marks or italics whose words are all capitalised (“The Muzhiks”);
- **a name**: a one-word conditional term written with a capital inside a sentence and without a determiner
  (“talks on Stolypin and …”, not “in the Stolypin”);
- and, for a term the glossary marks as having a common everyday sense (``everyday``), whether anything next to
  it says prison: a prison word, another glossary term, a word of its own definition. If nothing does, a finding
  is a question (a warning that says so), not an error.

The grammar words used here (determiners, the clause breaks) are the source language's, kept per language;
the sense cues themselves are the glossary's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary.match import WORD_RE, Excluded, Hit, english_base, fold, mask, word_keys
from pipeline.glossary.textprep import words_of
from pipeline.glossary.model import Concept, Glossary, Term
from pipeline.glossary.phrase import DETERMINERS, phrase_end, vocabulary
from pipeline.glossary.sense import QUOTE_SPAN_RE, quoted_spans, says_prison, within

# Where a clause ends: the words beyond say nothing about a term's sense (also used to count a concept's
# occurrences, checks/glossary_checks.py).
CLAUSE_BREAK_RE = re.compile(r"[;:.!?…]|,\s*(?:and|but|then|while|whereas|or|yet|who|which)\b|\bthen\b", re.I)
NEAR = 4  # words on either side that make up a term's neighbourhood
TAGGED_RE = re.compile(r"<([a-z]+)(\d*)>([^<]*)</\1\2>")  # a placeholder pair (<em1>…</em1>): italics


@lru_cache(maxsize=1024)
def words_near(text: str, start: int, end: int, n: int = NEAR) -> tuple[list[str], list[str]]:
    """Up to ``n`` words before and after [start, end), not crossing a clause break."""
    lo = max(0, start - 160)
    masked = mask(text[lo:end + 160])  # (a tag cut in two at the window's edge is far from the term)
    start, end = start - lo, end - lo
    left = masked[:start]
    breaks = list(CLAUSE_BREAK_RE.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = masked[end:]
    b = CLAUSE_BREAK_RE.search(right)
    if b:
        right = right[:b.start()]
    return words_of(left)[-n:], words_of(right)[:n]


def _keys(words: list[str], lang: str) -> set:
    out: set = set()
    for w in words:
        out |= word_keys(w, lang)
    return out


def _memo(concept: Concept) -> dict:
    """What the concept's terms ask of their neighbourhood, worked out once: the variants with ``not_near``
    words, those with an everyday sense, and the folded bases of every ``not_near`` word (a cheap first test)."""
    memo = concept.memos
    if "cued" not in memo:
        cued = {t.text for t in concept.terms if concept.not_near or t.not_near}
        memo["cued"] = frozenset(cued)
        memo["everyday"] = frozenset(t.text for t in concept.terms if concept.everyday or t.everyday)
        memo["bases"] = tuple({english_base(fold(w)) for x in [*concept.not_near, *(w for t in concept.terms
                                                                                  for w in t.not_near)]
                               for w in x.split()})
    return memo


def has_cues(hit: Hit) -> bool:
    """Whether the glossary marks words that, next to this variant, show another sense."""
    return hit.term in _memo(hit.concept)["cued"]


def everyday(hit: Hit) -> bool:
    """Whether the glossary says this variant has a common everyday sense."""
    return hit.term in _memo(hit.concept)["everyday"]


def marked_near(glossary: Glossary, text: str, hit: Hit, term: Term | None) -> str:
    """A ``not_near`` word of the concept or the term next to ``hit`` ("" when none)."""
    lang = glossary.source_language
    cues = _cue_keys(hit.concept, term, lang)
    if not cues:
        return ""
    folded = _folded(text)
    if not any(map(folded.__contains__, _memo(hit.concept)["bases"])):
        return ""  # none of the words anywhere in the text
    before, after = words_near(text, hit.start, hit.end)
    near = _keys(_not_verbs(before) + _not_verbs(after), lang)
    for cue, keys in cues:
        if keys and all(k & near for k in keys):
            return cue
    return ""


def _cue_keys(concept: Concept, term: Term | None, lang: str) -> tuple[tuple[str, list[frozenset]], ...]:
    """The ``not_near`` words of the concept and of ``term``, each with its words' keys (worked out once per term:
    asked of every hit of a cued variant)."""
    memo = concept.memos.setdefault("cue keys", {})
    key = (id(term), lang)  # (the glossary's terms live as long as its concepts)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple((cue, [word_keys(w, lang) for w in words_of(cue)])
                                  for cue in [*concept.not_near, *(term.not_near if term else [])])
    return found


# English object pronouns: a word right before one is a verb (“the activists … force them to sew”), never the noun
# a ``not_near`` word names (“forces”, “police”, “funds”).
_OBJECTS = frozenset({"me", "him", "us", "them"})


def _not_verbs(words: list[str]) -> list[str]:
    """``words`` less those an object pronoun follows."""
    return [w for w, nxt in zip(words, [*words[1:], ""]) if nxt.lower() not in _OBJECTS]


def _title_case(inner: str) -> bool:
    words = WORD_RE.findall(mask(inner))
    small = DETERMINERS.get("en", frozenset()) | {"of", "and", "in", "on", "at", "to", "for", "from", "with"}
    return (len(words) >= 2 and words[0][:1].isupper()
            and all(w[:1].isupper() or fold(w) in small for w in words) and inner.rstrip()[-1:] not in ".!?")


def title(text: str, hit: Hit) -> str:
    """The title (a work's name in quotation marks or italics, all words capitalised) ``hit`` is part of."""
    if not hit.form[:1].isupper():
        return ""
    for rx, group in ((QUOTE_SPAN_RE, 0), (TAGGED_RE, 3)):
        for m in rx.finditer(text):
            a, b = m.span(group)
            if a <= hit.start and hit.end <= b:
                inner = m.group(group).strip("“”„«»‹›‚\"‘’")
                return inner if _title_case(inner) else ""
    return ""


def written_as_name(text: str, hit: Hit, lang: str) -> bool:
    """A one-word term capitalised inside a sentence with no determiner before it: a person's or place's name."""
    det = DETERMINERS.get(lang)
    form = hit.form
    if det is None or " " in form.strip() or not form[:1].isupper() or form.isupper():
        return False
    before = mask(text[:hit.start]).rstrip()
    if not before or before[-1] in ".!?:;“\"«„‘(—–":
        return False  # a sentence's (or a quotation's) first word is capitalised anyway
    prev = WORD_RE.findall(before[-40:])
    return not (prev and fold(prev[-1]) in det)


def other_sense_near(glossary: Glossary, text: str, hit: Hit, term: Term | None, conditional: bool,
                     same: list[Hit] | tuple = ()) -> str:
    """Why the words next to ``hit`` show another sense than the glossary's ("" when they do not); ``same``: the
    concept's other hits in ``text``, whose nearer words are theirs."""
    cue = marked_near(glossary, own_stretch(text, hit, same) if same else text, hit, term)
    if cue:
        return f"“{cue}” next to it marks another sense"
    if not conditional or hit.concept.pos in ("proper noun", "abbreviation"):
        return ""
    name = title(text, hit)
    if name:
        return f"part of the title “{name}”"
    if written_as_name(text, hit, glossary.source_language):
        return f"“{hit.form}” is written as a name"
    return ""


def own_stretch(text: str, hit: Hit, same: list[Hit] | tuple) -> str:
    """``text`` with the words nearer to another hit of the same concept (``same``) than to ``hit`` blanked
    (offsets kept; a word half-way between is both hits'): a word next to two occurrences speaks of the nearer
    (“Like the muzhiks in the *novels* he loves, the muzhiks in his barracks …”: the novels' muzhiks are
    peasants, the barracks' are not)."""
    lo, hi = 0, len(text)
    for o in same:
        if o.end <= hit.start and o.end > lo:
            gap = [m.start() + o.end for m in WORD_RE.finditer(text[o.end:hit.start])]
            lo = gap[len(gap) // 2] if gap else hit.start
        elif o.start >= hit.end and o.start < hi:
            gap = [m.end() + hit.end for m in WORD_RE.finditer(text[hit.end:o.start])]
            hi = gap[(len(gap) + 1) // 2 - 1] if gap else hit.end
    return text if lo == 0 and hi == len(text) else " " * lo + text[lo:hi] + " " * (len(text) - hi)


def prison_near(glossary: Glossary, text: str, hit: Hit, others: list[Hit]) -> str:
    """What next to ``hit`` says prison ("" when nothing does): a prison word, a word the definitions of the
    glossary's concepts share or the concept's own definition uses, another glossary term (not a name) of the
    glossary's sense."""
    before, after = words_near(text, hit.start, hit.end)
    lo = hit.start - sum(len(w) + 1 for w in before) - 2
    # (and the term's own phrase, however long: “a long visit to her husband in the colony”)
    hi = max(hit.end + sum(len(w) + 1 for w in after) + 2, phrase_end(text, hit.end))
    for o in others:
        # (a name says nothing about the sense: Elena Gorban pays visits to prisons and offices alike)
        if o.concept.id != hit.concept.id and says_prison(glossary, o.concept) and lo <= o.start and o.end <= hi:
            return o.form
    known = vocabulary(glossary, hit.concept)
    for w in before + after:
        if _word_base(w) in known:
            return w
    return ""


@lru_cache(maxsize=256)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=65536)
def _word_base(word: str) -> str:
    return english_base(fold(word))


def excluded_elsewhere(glossary: Glossary, text: str, occurrences: dict[str, list[Hit]], other_sense: dict[str, str],
                       hits: list[Hit], excluded: list[Excluded]) -> bool:
    """Move out of ``occurrences`` (into ``other_sense``, with why) each concept whose every occurrence is the word
    of one of its exclusion phrases met elsewhere in ``text`` (``excluded``: those the match left out, with the
    term's word in them), in the same form, with nothing next to it that says prison (“Any transfer helps: a *bank
    transfer* to the card below”: the match leaves the excluded phrase out, so it said nothing of the same word
    beside it; a word a neighbourhood reads in another sense is read so in the whole message too). Whether any
    moved. Asked only where there are findings (glossary/source_reading.py), and only of words with an everyday
    sense, which an article's summary does not count (glossary/document.py): what it reads of the message is the
    same whether this was asked before it or not."""
    from pipeline.glossary.sense_features import ambiguous  # (it builds on this module)

    moved = False
    for cid, hs in list(occurrences.items()):
        if not excluded or not hs[0].concept.exclude or not all(ambiguous(glossary, h) for h in hs):
            continue  # (most concepts)
        found = {fold(text[x.word_start:x.word_end]): text[x.start:x.end] for x in excluded
                 if x.concept_id == cid and not x.binomial(text)}
        phrases = [x for x in excluded if x.concept_id == cid]
        if found and all(fold(h.form) in found for h in hs) and not any(
                prison_near(glossary, text, h, [o for o in hits if o.concept.id != cid]) or set_apart(text, h, phrases)
                for h in hs):
            del occurrences[cid]
            other_sense[cid] = f"the source's “{found[fold(hs[0].form)]}” is another sense (the glossary excludes it)"
            moved = True
    return moved


# The speaker's own here and now (English proximal deixis, a closed class): a repeat after a first-person
# possessive or in a clause that opens with “here” is the speaker's, set against the other sense named before it
# (“his muzhiki mowing the meadow … our own muzhiki in their black jackets”; “In Tolstoy's stories the muzhiki
# …; here the muzhiki are …”); and a repeat after an emphatic “own” is its possessor's, set against the one
# named before it (“I made a bank transfer for the lawyer's fee …; Kirill's own transfer had begun”).
_OWN_WORLD = frozenset({"our", "my", "here", "own"})


def set_apart(src: str, h, read: list) -> bool:
    """Whether the repeat ``h`` is placed in the speaker's own world (or its possessor's), as none of the
    occurrences or exclusion phrases ``read`` in another sense is; or said by another speaker: outside every
    quotation one of them is in, or inside one none of them is in (“It is like an ant colony …,” says Olga, who
    spent three years in the colony)."""
    quotes = quoted_spans(src) if any(q in src for q in "“\"«„") else []
    if quotes and all(within(quotes, o.start, o.end) != within(quotes, h.start, h.end) for o in read):
        return True
    if not any(fold(w) in _OWN_WORLD for w in words_near(src, h.start, h.end, 3)[0]):
        return False
    return not any(fold(w) in _OWN_WORLD for o in read for w in words_near(src, o.start, o.end, 3)[0])
