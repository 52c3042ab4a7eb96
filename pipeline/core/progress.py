"""A progress bar for long runs, shown only to a person watching a terminal.

Hidden when stderr is not a terminal (CI logs, pipes), when ``NO_COLOR`` is
set, or with ``--quiet``; short runs never show one.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator

MIN_ITEMS = 20  # fewer than this finishes before a bar is worth drawing


def enabled(quiet: bool = False, total: int | None = None) -> bool:
    if quiet or os.environ.get("NO_COLOR") is not None:
        return False
    if total is not None and total < MIN_ITEMS:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Silent:
    def advance(self, n: int = 1) -> None:
        pass

    def describe(self, text: str) -> None:
        pass


class _Bar:
    def __init__(self, progress, task) -> None:
        self._p, self._t = progress, task

    def advance(self, n: int = 1) -> None:
        self._p.advance(self._t, n)

    def describe(self, text: str) -> None:
        self._p.update(self._t, description=text)


@contextmanager
def bar(total: int, label: str, *, quiet: bool = False) -> Iterator[_Silent | _Bar]:
    """``with bar(n, "updating") as b: ... b.advance()`` — a rich bar on stderr, or nothing."""
    if not enabled(quiet, total):
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )
    with progress:
        yield _Bar(progress, progress.add_task(label, total=total))
