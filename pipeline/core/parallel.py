"""Spread independent per-file jobs over the machine's cores.

Workers are forked, so they inherit what the parent already loaded (the
glossary, the code); results come back in input order. Small batches stay in
one process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import os
import pickle
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

MIN_PER_WORKER = 25
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this forked process die when ``parent`` does (``kill -9`` of a build must not leave workers
    writing a project nobody holds): Linux's ``PR_SET_PDEATHSIG``, and a check for a parent that died
    before it was set. Elsewhere the lock is still released (see ``lock._forget_locks``)."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


@contextlib.contextmanager
def rare_collections(first: int = 1_000_000) -> Iterator[None]:
    """Run a long batch with the cyclic garbage collector's first generation ``first`` allocations long
    instead of 700 (restored after), and let what the batch leaves join the oldest generation unwalked.

    Why: a check keeps large memos (word keys, hits, analysed sources) and leaves few cycles (on 2,000
    generated catalogues about a thousand objects in all). The first generation's count is allocations less
    deallocations, so while the memos evict old entries it grows slowly and a collection, when one comes, walks
    every object made since the last one (hundreds of thousands, scattered over the heap: 0.1 s each); the
    first allocation after the threshold is restored did the same. On 2,000 catalogues collections took 0.28 s
    of a 9.6 s check at 50,000 allocations, 0.005 s so. Cycles left behind stay collectable by the next full
    collection."""
    old = gc.get_threshold()
    gc.set_threshold(first, *old[1:])
    try:
        yield
    finally:
        gc.freeze()  # (every tracked object to the permanent generation, then back into the oldest: no walk)
        gc.unfreeze()
        gc.set_threshold(*old)


def workers(n_items: int, jobs: int | None = None) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = cores if jobs is None else max(1, jobs)
    return max(1, min(jobs, n_items // MIN_PER_WORKER))


_NO_CONTEXT = object()


def pimap(func: Callable, items: Iterable, jobs: int | None = None, *, context: object = _NO_CONTEXT) -> Iterator:
    """``(func(x) for x in items)``, in parallel when it is worth it; results arrive in input order
    as they are ready (a progress bar can follow them). ``func`` must be module-level.

    With ``context`` (what every job needs: the project, a glossary, a translation memory…), each call is
    ``func(context, x)``. A forked worker inherits the context with the rest of the parent's memory, never
    pickled: it is handed to the worker when the worker starts (:func:`_start_worker`).
    """
    items = list(items)
    n = workers(len(items), jobs)
    if n > 1 and "fork" not in multiprocessing.get_all_start_methods():
        _say_serial()
        n = 1
    task = func if context is _NO_CONTEXT else functools.partial(_with_context, func)
    if n == 1:
        yield from (map(func, items) if context is _NO_CONTEXT else (func(context, x) for x in items))
        return
    # Frozen objects are never visited by the workers' garbage collector, so the pages they share
    # with this process stay shared instead of being copied into every worker.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker, initargs=(os.getpid(), context)) as pool:
            yield from pool.map(task, items, chunksize=max(1, min(16, len(items) // (n * 8))))
    finally:
        gc.unfreeze()


# Set only in a worker process, by _start_worker (with ``fork``, the initializer's arguments are the
# parent's objects, not pickled copies); the parent never holds anything here.
_worker_context: object = _NO_CONTEXT


def _start_worker(parent: int, context: object) -> None:
    global _worker_context
    die_with_parent(parent)
    _worker_context = context


def _with_context(func: Callable, item):
    return func(_worker_context, item)


@functools.lru_cache(maxsize=1)
def _say_serial() -> None:
    """Once per run: without ``fork`` (Windows, macOS' default spawn aside) the jobs run one after another."""
    print("tamizdat: warning: this system cannot fork worker processes: running on one core", file=sys.stderr)


def pmap(func: Callable, items: Iterable, jobs: int | None = None, *, context: object = _NO_CONTEXT) -> list:
    """``[func(x) for x in items]`` (``func(context, x)``: see :func:`pimap`), in parallel when it is
    worth it. ``func`` must be module-level."""
    return list(pimap(func, items, jobs, context=context))


def in_child(func: Callable, *args, progress: Callable[[int], object] | None = None):
    """``func(*args, tick)`` run in a forked child process; its (picklable) result comes back.

    Why: a step that builds a large structure (a language's translation memory)
    and then lets it go would leave this process as large as at its peak — CPython
    rarely gives freed memory back — and every worker forked later would copy that
    freed memory. A child gives it all back when it exits. ``tick(n)`` in the child
    advances ``progress`` here. Exceptions (a TamizdatError keeps its file and line)
    are raised again here.
    """
    tick_here: Callable[..., object] = progress or (lambda n=1: None)
    if "fork" not in multiprocessing.get_all_start_methods():
        return func(*args, tick_here)
    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: run, send b"." per tick, then b"R" and the pickled outcome
        try:
            die_with_parent(parent)
            os.close(read_fd)
            out = os.fdopen(write_fd, "wb", buffering=0)
            try:
                outcome = ("ok", func(*args, lambda n=1: out.write(b"." * n)))
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                from pipeline.core.errors import TamizdatError

                if not isinstance(exc, (TamizdatError, KeyboardInterrupt)):
                    # The parent words it in one line; --debug shows where it happened, here.
                    add_note = getattr(exc, "add_note", None)  # Python 3.11+
                    if add_note is not None:
                        add_note("".join(traceback.format_exception(exc)).rstrip())
                outcome = ("error", exc)
            try:
                data = pickle.dumps(outcome)
            except Exception as exc:  # noqa: BLE001
                data = pickle.dumps(("error", RuntimeError(f"cannot send a result back: {exc!r}")))
            out.write(b"R" + data)
            out.close()
        finally:
            sys.stderr.flush()
            os._exit(0)
    os.close(write_fd)
    received = bytearray()
    with os.fdopen(read_fd, "rb", buffering=0) as fh:
        started = False
        while chunk := fh.read(1 << 16):
            if not started:
                at = chunk.find(b"R")
                ticks = len(chunk) if at < 0 else at
                if ticks:
                    tick_here(ticks)
                if at < 0:
                    continue
                started, chunk = True, chunk[at + 1 :]
            received += chunk
    _, status = os.waitpid(pid, 0)
    if not received:
        raise RuntimeError(f"a child process died without an answer (wait status {status})")
    kind, value = pickle.loads(bytes(received))
    if kind == "error":
        raise value
    return value
