"""A binary search over a sorted text file's lines, held as one string, bytes or a memory map.

Dictionary files we read but do not load (lemminflect's lexicon, WordNet's index and its tagged-corpus counts)
are sorted by their first field; a run asks about a few dozen words, so finding a line by halves beats building a
dictionary of every line (which costs as much as checking 40 catalogues).
"""

from __future__ import annotations

import mmap
from typing import Any


def first_line_from(data: str | bytes | mmap.mmap, key: Any, sep: Any = None) -> int:
    """The offset of the first line of ``data`` whose key is not below ``key`` (``len(data)`` when every line's
    is): a line's key is its text up to ``sep``, or the whole line when ``sep`` is None. ``key`` and ``sep`` are
    of ``data``'s kind (str for a string, bytes for bytes or a memory map)."""
    nl: Any = "\n" if isinstance(data, str) else b"\n"
    lo, hi = 0, len(data)
    while lo < hi:
        start = data.rfind(nl, 0, (lo + hi) // 2) + 1
        end = data.find(nl, start)
        end = len(data) if end < 0 else end
        cut = data.find(sep, start, end) if sep is not None else -1
        if data[start:cut if cut >= 0 else end] < key:
            lo = min(end + 1, len(data))
        else:
            hi = start
    return lo
