"""Catalogues, pages and the review are byte for byte what the code wrote before the redesign of issue 11.

The figures are in tests/data/golden (made by ``tests/golden.py --update``); a change that means to alter
the output writes new ones and says why in its commit.
"""

from __future__ import annotations

import json

import pytest

from golden import GOLDEN, snapshot


@pytest.mark.parametrize("name", ["sample", "generated"])
def test_outputs_byte_identical(name: str) -> None:
    want = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = snapshot(name)
    assert sorted(got) == sorted(want), "a different set of files was written"
    changed = sorted(path for path in want if got[path] != want[path])
    assert not changed, (f"these files differ from tests/data/golden/{name}.json: {changed}; if the change is meant, "
                         "run `PYTHONPATH=$PWD python tests/golden.py --update` and say why in the commit")
