"""One exception type for everything a user can get wrong, and one place that words every other failure.

The CLI prints a :class:`TamizdatError` as a single line, ``tamizdat: error: FILE:LINE: message``,
and exits non-zero; stages raise it instead of printing. :func:`one_line` does the same for the
failures the world throws at us (a full disk, a read-only folder, an undecodable file, a page nested
too deep), so no command ever answers with a traceback unless ``--debug`` asks for it.
"""

from __future__ import annotations

import os


class TamizdatError(Exception):
    """A user-facing error, located at a file and (when known) a line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):  # keep file and line when the error crosses a process boundary
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


# The failures a command can meet that are not bugs in the user's input we checked for, but are still
# not bugs of ours to show as a traceback: the machine (disk, permissions), the files (encodings,
# values out of range), the shape of the input (nesting deeper than Python's stack).
EXPECTED = (OSError, UnicodeError, ValueError, RecursionError, MemoryError)


def one_line(exc: BaseException) -> str:
    """``file: what happened`` for an exception escaping a command."""
    if isinstance(exc, TamizdatError):
        return str(exc)
    if isinstance(exc, OSError):
        what = exc.strerror or str(exc) or type(exc).__name__
        names = [n for n in (exc.filename, exc.filename2) if n is not None]
        where = " -> ".join(os.fsdecode(n) if isinstance(n, bytes) else str(n) for n in names)
        return f"{where}: {what}" if where else what
    place = getattr(exc, "path", None) or getattr(exc, "filename", None)
    where = str(place) if place else ""
    if isinstance(exc, RecursionError):
        what = "the input is nested too deeply to process"
    elif isinstance(exc, MemoryError):
        what = "out of memory"
    elif isinstance(exc, UnicodeError):
        what = f"cannot {'encode' if isinstance(exc, UnicodeEncodeError) else 'decode'} text: {exc}"
    else:
        what = str(exc) or type(exc).__name__
    what = " ".join(what.split())  # one line, whatever the library put in its message
    return f"{where}: {what}" if where else what
