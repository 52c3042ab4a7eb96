"""A glossary name in an article that says nothing else of prison: a question, not an error.

The glossary's proper names are of prison reporting (Memorial, MSU, Smirnov), but a one-word name is shared by other
things: “MSU” is Michigan State University in an article on an exchange with East Lansing, “Memorial” the Memorial
Cup, a War Memorial, a Memorial service; “Smirnov” another man's name. The sentence alone cannot tell them apart
(“a professor from MSU”); its article can. Where the article's summary (glossary/document.py) names no glossary
concept without an everyday sense other than proper names — no SIZO, no colony, no political prisoner, only names,
which are as ambiguous as this one — a missing spelling of a one-word name is a question for the editor.

A name of several words (“Moscow State University”, “Elena Gorban”) names its own thing and stays an error, as does
every name in a message read alone (no article to read: “The Butyrka prison is in Moscow.” says nothing else).

Criterion (pooled over the 23 development sets, least false alarms + 2 × missed violations, no set's misses
growing): 24 proper-name false alarms fewer, no violation missed; measured in docs/glossary.md.
"""

from __future__ import annotations

from pipeline.checks.registry import Problem, ReadWithArticle
from pipeline.glossary.document import Document, summary
from pipeline.glossary.match import WORD_RE
from pipeline.glossary.model import Glossary


def names_in_other_sense(glossary: Glossary, doc: Document | None, src: str, out: list[Problem]) -> list[Problem]:
    """``out`` with each proper-name error of a one-word name made a warning where the article ``doc`` names no
    concept but proper names (unchanged without an article or such a finding); a :class:`ReadWithArticle` where
    the article was read (the findings then depend on it: not remembered across articles)."""
    if doc is None or not any(map(_one_word_name_error, out)):
        return out
    concepts = summary(glossary, doc, src).concepts
    if not all((c := glossary.concept_for_term(cid)) is not None and c.pos == "proper noun" for cid in concepts):
        return ReadWithArticle(out)
    why = (" — a warning only: the article names nothing of prison but names, so this one-word name may be "
           "another's (check which it is)")
    return ReadWithArticle(Problem(p.check, "warning", p.message + why, p.term) if _one_word_name_error(p) else p
                           for p in out)


def _one_word_name_error(p: Problem) -> bool:
    """Whether ``p`` is a proper-name error about a glossary name of one word (MSU, Memorial, Smirnov)."""
    return (p.check == "proper-name" and p.severity == "error" and p.term is not None
            and len(WORD_RE.findall(p.term)) == 1)
