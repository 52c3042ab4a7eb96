"""File I/O at the edges: atomic writes (the project lock is :mod:`pipeline.core.lock`).

Stages never write files: the jobs, the CLI and :mod:`pipeline.project` call these.

A project may come from someone else's repository, so its own files must never
make us write outside it: every path we write goes through :func:`checked`,
which refuses a symbolic link anywhere between the project root and the file.
Temporary files carry the id of the process that made them (``.NAME.tzPID.XXXXXXXX.tmp``),
so the next run can prove a leftover one has no live owner and remove it
(:func:`pipeline.core.lock.remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from pipeline.core.errors import TamizdatError

_CONFINED: list[Path] = []  # project roots this process writes into (see confine)


def confine(root: str | os.PathLike) -> None:
    """Every later write under ``root`` is checked by :func:`checked` (called when a project is found)."""
    real = Path(os.path.realpath(root))
    if real not in _CONFINED:
        _CONFINED.append(real)


def checked(path: str | os.PathLike) -> Path:
    """``path``, once it is known not to lead out of its project through a symbolic link.

    The one check every path we write passes: inside a project, no folder between the root and
    the file, nor the file itself, may be a link (``site -> /home/you``, ``locales/ru/x.po ->
    ~/.bashrc``). Paths outside every project (an ``-o`` the user typed) are theirs to choose.
    """
    p = Path(os.path.abspath(path))
    for root in _CONFINED:
        if p == root or root in p.parents:
            here = root
            for part in p.relative_to(root).parts:
                here = here / part
                if here.is_symlink():
                    raise TamizdatError("is a symbolic link; tamizdat never writes through a link, which could "
                                        "lead outside the project (remove it to go on)", str(here))
            break
    return p


def read_bytes(path: str | os.PathLike) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise TamizdatError("no such file", str(path)) from None
    except IsADirectoryError:
        raise TamizdatError("is a directory, expected a file", str(path)) from None
    except OSError as exc:
        raise TamizdatError(exc.strerror or str(exc), str(path)) from None


def _stage(path: Path, data: bytes | Iterable[bytes], fsync: bool) -> str:
    """Write ``data`` to a temporary file beside ``path`` with the target's permissions; return its name."""
    path = checked(path)
    if path.is_dir():
        raise TamizdatError("is a directory, expected a file", str(path))
    make_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.tz{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:  # pieces, so a big file never has to exist whole in memory
                for chunk in data:
                    fh.write(chunk)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk says so on write(), which names no file: name it
            raise _cannot_write(path, exc) from exc
        raise
    return tmp


def _cannot_write(path: Path, exc: OSError) -> TamizdatError:
    return TamizdatError(f"cannot write it: {exc.strerror or exc}", str(path))


def make_folder(folder: Path) -> None:
    """``mkdir -p``, with a one-line error naming the file that stands where a folder must be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        for here in [folder, *folder.parents]:
            if here.exists() and not here.is_dir():
                raise TamizdatError("is a file where tamizdat needs a folder", str(here)) from None
        raise


def _sync_folders(folders) -> None:
    # The rename itself must reach the disk too, or a crash can bring the old name back.
    for folder in folders:
        with contextlib.suppress(OSError):
            dirfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dirfd)
            finally:
                os.close(dirfd)


def atomic_write(path: str | os.PathLike, data: bytes | str | Iterable[bytes]) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never half.

    The bytes go to a temporary file in the same directory, are fsynced, then
    renamed over the target (rename is atomic on POSIX within one filesystem).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    tmp = _stage(path, data, fsync=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folders([path.parent])


def digest(data: bytes) -> str:
    """A short content hash (the build cache's): equal digests, equal bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write_if_changed(path: str | os.PathLike, data: bytes | str) -> bool:
    """Atomically write ``data`` unless the file already holds exactly it. Returns True if written."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        if Path(path).read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(path, data)
    return True


def write_many_if_changed(items: Sequence[tuple[str | os.PathLike, bytes | str]]) -> list[bool]:
    """:func:`write_if_changed` for many files, with one sync for all (see :func:`atomic_write_many`)."""
    todo, written = [], []
    for path, data in items:
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            same = Path(path).read_bytes() == data
        except OSError:
            same = False
        written.append(not same)
        if not same:
            todo.append((path, data))
    atomic_write_many(todo)
    return written


def stage(path: str | os.PathLike, data: bytes | Iterable[bytes]) -> tuple[str, list[str]]:
    """Write ``data`` to a temporary file beside ``path`` (not yet synced) for :class:`Staged` to rename
    later; returns its name and the folders made for it (removed again if the write is discarded).

    A forked worker may stage files and hand what this returns back to its parent.
    """
    path = Path(path)
    made, folder = [], path.parent
    while not folder.exists():
        made.append(str(folder))
        folder = folder.parent
    return _stage(path, data, fsync=False), made


class Staged:
    """Files written beside their targets as soon as they are ready, renamed over them all at once.

    Nothing waits in memory: each new content goes to its temporary file when it is
    produced. :meth:`commit` makes them durable with one ``sync`` and only then
    renames them, so each target holds its old or its new content, never half, and
    a run that fails before the commit changes nothing (:meth:`discard` removes the
    temporary files). As a context manager: commit on success, discard on error.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, Path]] = []
        self._made: list[str] = []
        self._removals: list[Path] = []
        self._pending: dict[Path, str] = {}  # the digest of what put() staged for each target

    def __len__(self) -> int:
        return len(self._items)

    def add(self, path: str | os.PathLike, data: bytes) -> None:
        self.adopt(stage(path, data), path)

    def put(self, path: str | os.PathLike, data: bytes | str) -> bool:
        """Stage ``data`` for ``path`` unless the file (or what was staged for it already) holds exactly it,
        as :func:`write_if_changed` would write it; True if staged."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        path, new = Path(path), digest(data)
        if path in self._pending:
            if self._pending[path] == new:
                return False
            at = next(i for i, item in enumerate(self._items) if item[1] == path)
            with contextlib.suppress(OSError):
                os.unlink(self._items.pop(at)[0])
        else:
            try:
                if path.read_bytes() == data:
                    return False
            except OSError:
                pass
        self.add(path, data)
        self._pending[path] = new
        return True

    def digest(self, path: str | os.PathLike) -> str | None:
        """The :func:`digest` of what :meth:`put` staged for ``path``, else of the file there (None: no file)."""
        path = Path(path)
        if path in self._pending:
            return self._pending[path]
        try:
            return digest(path.read_bytes())
        except OSError:
            return None

    def remove(self, path: str | os.PathLike) -> None:
        """Remove ``path`` when the staged files are committed (after they are all in place)."""
        self._removals.append(checked(path))

    def adopt(self, staged: tuple[str, list[str]], path: str | os.PathLike) -> None:
        """Take charge of what :func:`stage` returned, perhaps in another process."""
        self._items.append((staged[0], Path(path)))
        self._made += staged[1]

    def commit(self) -> None:
        self._pending.clear()
        if not self._items:
            self._remove()
            return
        os.sync()
        folders = {path.parent for _, path in self._items}
        self._made.clear()
        try:
            while self._items:
                tmp, path = self._items[-1]
                os.replace(tmp, path)
                self._items.pop()
        except BaseException:
            self.discard()
            raise
        _sync_folders(folders)
        self._remove()

    def _remove(self) -> None:
        for path in self._removals:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        self._removals.clear()

    def handover(self) -> list[tuple[tuple[str, list[str]], Path]]:
        """Give up every staged file, as ``(staged, path)`` pairs another :class:`Staged` can
        :meth:`adopt` (perhaps in another process)."""
        items: list[tuple[tuple[str, list[str]], Path]] = [((tmp, []), path) for tmp, path in self._items]
        if items:
            items[0] = ((items[0][0][0], list(self._made)), items[0][1])
        assert not self._removals, "removals are made where the files are committed, never handed over"
        self._items, self._made, self._pending = [], [], {}
        return items

    def discard(self) -> None:
        self._removals.clear()
        self._pending.clear()
        for tmp, _ in self._items:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._items.clear()
        for folder in sorted(set(self._made), key=len, reverse=True):  # deepest first; only empty ones go
            with contextlib.suppress(OSError):
                os.rmdir(folder)
        self._made.clear()

    def __enter__(self) -> "Staged":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def atomic_write_many(items: list[tuple[str | os.PathLike, bytes]]) -> None:
    """``atomic_write`` for many files at once, with one filesystem sync instead of one fsync per file
    (a folder of 1000 catalogues costs one flush instead of 1000); see :class:`Staged`."""
    with Staged() as staged:
        for path, data in items:
            staged.add(path, data)

