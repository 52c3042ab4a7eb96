"""A glossary name in an article that names nothing else of prison is a question (pipeline/checks/name_sense.py):
“MSU” in a campus newsletter may be Michigan State, while the same sentence in a prison report, a name of several
words, or a message read alone stays an error."""

from __future__ import annotations

from pathlib import Path

from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import load_glossary
from pipeline.glossary.document import document

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml")
CHOIR = ("The MSU choir sings in our cathedral on Friday.", "Der Chor der Michigan State singt am Freitag in unserem Dom.")
CAMPUS = ["Our rowing club welcomes twelve exchange students this spring.",
          "They will train on the river every morning before lectures."]
PRISON = ["Letters to the SIZO still take three weeks to arrive.",
          "His lawyer says the colony refuses to pass on his books."]


def _names(src: str, dst: str, others: list[str]) -> list[tuple[str, str]]:
    doc = document([*others, src]) if others else None
    return [(p.severity, p.message) for p in glossary_checks.check(Checked(src, dst), Context("de", GLOSSARY, doc))
            if p.check == "proper-name"]


def test_one_word_name_in_an_article_without_prison_is_a_question():
    [(severity, message)] = _names(*CHOIR, CAMPUS)
    assert severity == "warning"
    assert "names nothing of prison but names" in message


def test_the_same_name_in_a_prison_article_or_alone_is_an_error():
    assert [s for s, _m in _names(*CHOIR, PRISON)] == ["error"]
    assert [s for s, _m in _names(*CHOIR, [])] == ["error"]


def test_a_name_of_several_words_stays_an_error():
    src, dst = "Two of the rowers studied at Moscow State University.", "Zwei der Ruderer studierten an der Uni Moskau."
    assert [s for s, _m in _names(src, dst, CAMPUS)] == ["error"]
