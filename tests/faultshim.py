"""Run ``python -m pipeline`` with a simulated filesystem fault, where the machine cannot mount a small
tmpfs or a read-only bind mount (no root, no mount namespace).

    python tests/faultshim.py enospc:BYTES ARGS…   every write fails with ENOSPC once BYTES were written
    python tests/faultshim.py erofs:FOLDER ARGS…   creating, renaming or opening for writing anything under
                                                   FOLDER fails with EROFS
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import runpy
import sys


class _Full:
    """A file object whose writes fail once the disk's budget is spent."""

    budget = 0

    def __init__(self, fh):
        self._fh = fh

    def write(self, data):
        if len(data) > _Full.budget:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _Full.budget -= len(data)
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def _writing(mode) -> bool:
    return isinstance(mode, str) and any(c in mode for c in "wax+")


def enospc(budget: int) -> None:
    _Full.budget = budget
    real_open, real_fdopen = io.open, os.fdopen

    def open_(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        return _Full(fh) if _writing(mode) else fh

    def fdopen(fd, mode="r", *args, **kwargs):
        fh = real_fdopen(fd, mode, *args, **kwargs)
        return _Full(fh) if _writing(mode) else fh

    builtins.open = io.open = open_
    os.fdopen = fdopen


def erofs(folder: str) -> None:
    folder = os.path.realpath(folder)

    def inside(path) -> bool:
        p = os.path.realpath(os.fsdecode(path) if not isinstance(path, int) else "")
        return p == folder or p.startswith(folder + os.sep)

    def fail(path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    real_open, real_mkdir, real_replace, real_unlink = os.open, os.mkdir, os.replace, os.unlink

    def open_(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and inside(path):
            fail(path)
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path, *args, **kwargs):
        if inside(path):
            fail(path)
        return real_mkdir(path, *args, **kwargs)

    def replace(src, dst, *args, **kwargs):
        if inside(dst):
            fail(dst)
        return real_replace(src, dst, *args, **kwargs)

    def unlink(path, *args, **kwargs):
        if inside(path):
            fail(path)
        return real_unlink(path, *args, **kwargs)

    real_io_open = io.open

    def io_open(file, mode="r", *args, **kwargs):
        if _writing(mode) and not isinstance(file, int) and inside(file):
            fail(file)
        return real_io_open(file, mode, *args, **kwargs)

    os.open, os.mkdir, os.replace, os.rename, os.unlink = open_, mkdir, replace, replace, unlink
    builtins.open = io.open = io_open


if __name__ == "__main__":
    kind, _, value = sys.argv[1].partition(":")
    {"enospc": lambda v: enospc(int(v)), "erofs": erofs}[kind](value)
    sys.argv = ["tamizdat", *sys.argv[2:]]
    runpy.run_module("pipeline", run_name="__main__")
