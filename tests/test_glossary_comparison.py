"""A glossary term as what a linking verb compares its subject with (pipeline/glossary/comparison.py): a question,
not an error, for the sentence does not say the thing is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import severities
from pipeline.glossary import load_glossary
from pipeline.glossary.comparison import compared


@pytest.fixture(scope="module")
def g():
    return load_glossary(Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml")


@pytest.mark.parametrize("src, said", [
    ("After the move, the empty flat felt like solitary confinement.", "felt like"),
    ("The committee members act like a closed caste.", "act like"),
    ("From the road the old mill looks exactly like a punishment cell.", "looks exactly like"),
    # not a comparison of a linking verb: he is counted among them, or treated so
    ("He sleeps by the door, like the other roosters.", ""),
    ("The guards treated him like a rooster.", ""),
    ("Like every transfer, it took weeks.", ""),
])
def test_a_linking_verbs_comparison(g, src, said):
    hit = g.find(src, "en")[0]
    why = compared(src, hit)
    assert (f"“{said}” compares with" in why) if said else why == ""


def test_the_compared_thing_is_a_question_and_the_named_one_an_error(g):
    src = "After the move, the empty flat felt like solitary confinement."
    assert severities(g, "ru", src, "После переезда пустая квартира казалась одиночным заключением.",
                       "solitary-cell") == ["warning"]
    src = "After the trial he spent a month in solitary confinement."
    assert severities(g, "ru", src, "После суда он месяц провёл в одиночном заключении.", "solitary-cell") == ["error"]
