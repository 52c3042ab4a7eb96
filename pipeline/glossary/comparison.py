"""A glossary term as the standard of a comparison: “a weekend without a phone *feels like* solitary confinement”,
“judges *behave like* a closed caste”. The sentence compares its subject with the thing the term names; it does not
say the thing is there, so it says nothing of which sense the word has (the prison's or a figure of speech's). Its
findings are questions, not errors.

English says it with a linking verb of appearance or behaviour (a closed class: feel, look, seem, sound, appear,
behave, act, smell, taste) and the preposition *like* (or *as if* / *as though*) before the term's noun phrase.
“… sleeps by the toilet, like the other roosters” compares nothing with the caste: it counts him among them.
"""

from __future__ import annotations

import re

from pipeline.glossary.match import WORD_RE, Hit, english_base, fold, mask

# The linking verbs of appearance and behaviour, by their English base (glossary/wordkeys.english_base) and the
# irregular past of feel.
LINKING = frozenset({"feel", "felt", "look", "seem", "sound", "appear", "behav", "act", "smell", "tast"})


def may_compare(text: str) -> bool:
    """Whether ``text`` has a comparison's word at all (asked once per message, before :func:`compared` per hit; a
    substring search, not a case-blind pattern, which the regular-expression engine tries at every position)."""
    lowered = text.lower()
    return "like" in lowered or "as if" in lowered or "as though" in lowered


def compared(text: str, hit: Hit) -> str:
    """Why ``hit`` in ``text`` is what a linking verb compares its subject with (“feels like solitary
    confinement”), "" when it is not."""
    lo = max(0, hit.start - 60)
    if text.find("like", lo, hit.start) < 0 and text.find(" as if", lo, hit.start) < 0 and text.find(
            " as though", lo, hit.start) < 0:
        return ""  # (the common case: no comparison before the term)
    before = mask(text[lo:hit.start])
    words = [m.group(0) for m in WORD_RE.finditer(before)]
    low = [fold(w) for w in words]
    # (up to two words of the term's own phrase between: its determiner and a modifier, “like a closed caste”)
    for k in range(3):
        at = len(low) - 1 - k
        if at < 1 or _PUNCT_RE.search(before[before.rfind(words[at]):]):
            return ""
        if low[at] == "like":
            verb = at - 1
        elif low[at] in ("if", "though") and low[at - 1] == "as":
            verb = at - 2
        else:
            continue
        if verb >= 1 and low[verb].endswith("ly"):  # (“looks exactly like”)
            verb -= 1
        if verb >= 0 and english_base(low[verb]) in LINKING:
            said = " ".join(words[verb:at + 1])
            return f"“{hit.form}” is what “{said}” compares with, not a thing the sentence names"
        return ""
    return ""


_PUNCT_RE = re.compile(r"[,;:.!?()“”\"«»—–]")
