"""A regular expression compiled where it is first used.

A reading that only runs where a finding is about to be made (glossary/left_out.py: a repeat short of its
rendering) keeps its patterns this way: compiled at import, its twenty patterns cost a run about 7 ms whether
the run needs them or not, and most runs need one language's few.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any


class Lazy:
    """``re.compile(pattern, flags)``, done on first use; every method of the compiled pattern is its own."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    @cached_property
    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)
