"""bench/criterion.py: the learnt decision's thresholds and the glossary's sense conditions are chosen by one cost,
so that the two tools cannot prefer different answers on the same measurement."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import criterion  # noqa: E402
import sense_conditions  # noqa: E402


def test_a_missed_violation_costs_two_false_alarms():
    # 0.3 / 0.4 has the higher min(P, R) of the two (the old threshold criterion's choice), but its six more
    # misses cost more than the five false alarms it saves
    assert criterion.choose({"0.3+0.4": (105, 43), "0.35+0.4": (110, 37)}) == "0.35+0.4"
    assert criterion.cost(105, 43) == 191 and criterion.cost(110, 37) == 184


def test_a_tie_goes_to_fewer_misses_then_to_what_is_in_force():
    assert criterion.choose({"a": (12, 3), "b": (14, 2)}) == "b"
    assert criterion.choose({"a": (10, 2), "b": (10, 2)}, current="b") == "b"
    assert criterion.choose({"a": (10, 2), "b": (10, 2)}) == "a"


def test_the_conditions_audit_chooses_by_the_same_cost_pooled_over_the_sets():
    # none: 12 false alarms in one set, 1 miss in another (cost 14); everyday: 2 false alarms, 4 misses (10)
    result = {"none": {"a": (12, 0), "b": (0, 1)}, "everyday": {"a": (2, 2), "b": (0, 2)},
              "prison_only": {"a": (0, 6), "b": (0, 1)}, "both": {"a": (0, 7), "b": (0, 2)}}
    assert sense_conditions.choose(result) == "everyday"
    assert sense_conditions.choose(result) == criterion.choose(
        {o: sense_conditions.pooled(r) for o, r in result.items()})


def test_the_option_in_force_moves_only_for_more_than_one_pairs_worth():
    # a condition that would save one missed violation (cost 2) stays where it is: one labelled pair is what a new
    # set's writer changes by chance; two false alarms and one miss saved (cost 4) move it
    assert criterion.choose({"none": (5, 3), "everyday": (5, 2)}, current="none") == "none"
    assert criterion.choose({"none": (5, 3), "everyday": (3, 2)}, current="none") == "everyday"
    assert criterion.choose({"none": (5, 3), "everyday": (5, 2)}) == "everyday"  # (nothing in force)
    result = {"none": {"a": (0, 1), "b": (1, 0)}, "prison_only": {"a": (0, 0), "b": (1, 0)},
              "everyday": {"a": (0, 1), "b": (0, 2)}, "both": {"a": (0, 1), "b": (0, 3)}}
    assert sense_conditions.choose(result, "none") == "none"
    assert sense_conditions.reason(result, "2026-12-01").startswith("2026-12-01, bench/sense_conditions.py")
