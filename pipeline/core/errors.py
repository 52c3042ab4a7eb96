"""One exception type for everything a user can get wrong.

The CLI prints it as a single line, ``tamizdat: error: FILE:LINE: message``,
and exits non-zero; stages raise it instead of printing.
"""

from __future__ import annotations


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
