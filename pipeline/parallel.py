"""Spread independent per-file jobs over the machine's cores.

Workers are forked, so they inherit what the parent already loaded (the
glossary, the code); results come back in input order. Small batches stay in
one process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

MIN_PER_WORKER = 25


def workers(n_items: int, jobs: int | None = None) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = cores if jobs is None else max(1, jobs)
    return max(1, min(jobs, n_items // MIN_PER_WORKER))


def pimap(func: Callable, items: Iterable, jobs: int | None = None) -> Iterator:
    """``(func(x) for x in items)``, in parallel when it is worth it; results arrive in input order
    as they are ready (a progress bar can follow them). ``func`` must be module-level."""
    items = list(items)
    n = workers(len(items), jobs)
    if n == 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(func, items)
        return
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(func, items, chunksize=max(1, min(16, len(items) // (n * 8))))


def pmap(func: Callable, items: Iterable, jobs: int | None = None) -> list:
    """``[func(x) for x in items]``, in parallel when it is worth it. ``func`` must be module-level."""
    return list(pimap(func, items, jobs))
