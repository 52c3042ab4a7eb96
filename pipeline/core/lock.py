"""The project lock, and taking over what a killed run left: its lock, its workers, its temporary files.

One run at a time writes a project: ``flock`` on ``.tamizdat.lock``, which the kernel releases when its
holder dies. The lock is opened with ``O_NOFOLLOW`` (a project cloned from someone else's repository must
not make us truncate a file outside it through a link), and must be a regular file with one name.
While it holds the lock, a run removes the temporary files a killed run left (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from pathlib import Path

from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import checked, confine

LOCK_NAME = ".tamizdat.lock"
_HELD_LOCKS: set[int] = set()  # lock descriptors, closed in every forked child (see _forget_locks)
_TMP_RE = re.compile(r"^\..+\.tz(\d+)\.[A-Za-z0-9_]{8}\.tmp$")  # what fileio._stage names its files
# What tamizdat before issue 15 named them: ``.NAME.XXXXXXXX.tmp`` (tempfile.mkstemp's 8 letters), no
# process id. Only beside the kinds of file tamizdat writes, so a user's own ``.notes.draft123.tmp`` is safe.
_OLD_TMP_RE = re.compile(r"^\..+\.(po|pot|html|xml|json|txt|css|js|toml|tbx|tmx|csv|svg)\.[a-z0-9_]{8}\.tmp$")


@contextlib.contextmanager
def project_lock(root: str | os.PathLike, wait: float = 0.0, say=None):
    """Hold an exclusive lock on a project so two runs cannot write it at once.

    The lock is ``flock`` on ``.tamizdat.lock``, which the kernel releases when its holder dies;
    forked workers close their copy (:func:`_forget_locks`), so a killed run never leaves it held.
    The file names the holder's process id while a run holds it and is emptied when the run ends,
    so a run finding another id there knows the last one was killed, and says so.

    With ``wait`` (seconds), a run that finds the lock taken says so once through ``say`` and waits for
    it instead of failing; it fails only if the lock is still held after ``wait`` seconds.
    """
    import fcntl

    confine(root)
    lock_path = checked(Path(root) / LOCK_NAME)
    fd = _open_lock(lock_path)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise TamizdatError(exc.strerror or str(exc), str(lock_path)) from None
                holder = _read_pid(fd)
                if holder is not None and not alive(holder):
                    _take_over_from_orphans(fd, lock_path, holder)
                    break
                if time.monotonic() >= deadline:
                    who = f" (process {holder})" if holder else ""
                    raise TamizdatError(f"another tamizdat run holds this project's lock{who}; wait for it to "
                                        "finish", str(lock_path)) from None
                if not told and say is not None:
                    say(f"{lock_path}: another tamizdat run holds this project's lock; waiting for it to finish")
                    told = True
                time.sleep(0.1)
        locked_at = time.time()
        before = _read_pid(fd)
        if before and before != os.getpid():
            _note(f"{lock_path}: run {before} ended without releasing the project's lock (killed?); taking it over")
        removed = remove_stale_temporaries(lock_path.parent)
        if removed:
            _note(f"removed {removed} temporary file(s) left by an interrupted run")
        old = remove_old_temporaries(lock_path.parent, locked_at)
        if old:
            _note(f"removed {old} temporary file(s) left by an older tamizdat (no process has them open)")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD_LOCKS.add(fd)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # the run ended (well or with an error): nothing to take over
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)


def _open_lock(lock_path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(lock_path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TamizdatError("is a symbolic link; refusing to follow it (it could lead outside the project)",
                                str(lock_path)) from None
        if exc.errno == errno.EISDIR:
            raise TamizdatError("is a directory, expected tamizdat's lock file; remove it", str(lock_path)) from None
        raise TamizdatError(f"cannot open the project's lock: {exc.strerror or exc}", str(lock_path)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
        os.close(fd)
        what = "has other names (hard links)" if stat.S_ISREG(st.st_mode) else "is not a regular file"
        raise TamizdatError(f"{what}; refusing to use it as the project's lock (remove it)", str(lock_path))
    return fd


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie, dead but not yet reaped, does not count)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _take_over_from_orphans(fd: int, lock_path: Path, holder: int) -> None:
    """The lock is held, but the run that took it (``holder``) is dead: the holders are its orphaned
    workers (left by an older tamizdat, or one killed while forking). Stop them and take the lock."""
    import fcntl
    import signal

    orphans = _processes_holding(os.fstat(fd))
    for pid in orphans:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for _ in range(50):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise TamizdatError(f"the run that took this project's lock (process {holder}) is gone, but the lock is "
                            "still held by a process that is not tamizdat's; stop it first", str(lock_path))
    _note(f"{lock_path}: run {holder} died leaving {len(orphans)} worker(s) holding the lock; stopped them")


def _processes_holding(st: os.stat_result) -> list[int]:
    """Tamizdat processes with the lock file open. Called when the run that took the lock is dead: any
    other process holding it is a leftover of that run (a live run would have written its own id)."""
    return _holders({(st.st_dev, st.st_ino)}, only_ours=True).get((st.st_dev, st.st_ino), [])


def _holders(files: set[tuple[int, int]], only_ours: bool = False) -> dict[tuple[int, int], list[int]]:
    """(device, inode) of each of ``files`` that some other process has open -> those processes' ids, read
    from /proc/PID/fd (``only_ours``: tamizdat's processes only). Processes we may not inspect (another
    user's, when we are not root) are skipped: they could not have opened our 0600 temporary files."""
    found: dict[tuple[int, int], list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if only_ours:
                with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                    cmd = fh.read()
                if b"pipeline" not in cmd and b"tamizdat" not in cmd:
                    continue
            for fd_entry in os.scandir(f"/proc/{entry.name}/fd"):
                try:
                    s = os.stat(fd_entry.path)
                except OSError:
                    continue
                if (s.st_dev, s.st_ino) in files:
                    found.setdefault((s.st_dev, s.st_ino), []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _forget_locks() -> None:
    # A forked worker must not keep the project locked after its parent is gone: flock belongs to
    # the open file, which the kernel releases only when its last descriptor closes.
    for fd in list(_HELD_LOCKS):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks)


def _note(line: str) -> None:
    print(f"tamizdat: note: {line}", file=sys.stderr)


def _temporaries(root: Path, recursive: bool = True):
    """(folder, name) of every file in ``root`` (and below, ``recursive``) named like a temporary file
    of ours, new style or old."""
    for folder, dirs, files in os.walk(root):
        if not recursive:
            dirs.clear()
        # Only where we write: hidden folders (.git, virtual environments) except our own are skipped.
        dirs[:] = [d for d in dirs if (d == ".tamizdat" or not d.startswith(".")) and d != "node_modules"]
        for name in files:
            if name.endswith(".tmp") and (_TMP_RE.match(name) or _OLD_TMP_RE.match(name)):
                yield folder, name


def remove_stale_temporaries(root: Path, recursive: bool = True) -> int:
    """Remove the temporary files of ours (named by ``fileio._stage``) whose process is gone, in ``root``
    and (``recursive``) below it; returns how many. They are ours by their name, and stale because
    the process id in their name no longer runs."""
    removed = 0
    for folder, name in _temporaries(root, recursive):
        m = _TMP_RE.match(name)
        if m and not alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


def remove_old_temporaries(root: Path, locked_at: float) -> int:
    """Remove the temporary files older versions of tamizdat left in ``root`` (named without a process
    id); returns how many. Called while holding the project's lock, which every tamizdat run that writes
    a project holds (old versions too). A file is proved ownerless when no process has it open (the
    writing run keeps it open until written; a staged one waits, closed, for its run's commit, but
    that run would hold the lock) and it is older than ``locked_at``, when we took the lock."""
    found: dict[tuple[int, int], str] = {}
    for folder, name in _temporaries(root):
        if _OLD_TMP_RE.match(name) and not _TMP_RE.match(name):
            path = os.path.join(folder, name)
            try:
                st = os.stat(path, follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and st.st_mtime < locked_at:
                found[(st.st_dev, st.st_ino)] = path
    if not found:
        return 0
    removed = 0
    held = _holders(set(found))
    for key, path in found.items():
        if key not in held:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
    return removed
