"""The prison-slang glossary: model, formats (our TOML, TBX, CSV), matching, PO notes.

``load_glossary(path)`` reads our TOML or a TBX file (by extension);
``parse_glossary(text, path)`` is the pure TOML part.
"""

from __future__ import annotations

import os

from pipeline.core.errors import TamizdatError
from pipeline.glossary.model import Concept, Forbidden, Glossary, Term, Translations
from pipeline.glossary.toml_format import parse_glossary

TBX_EXTENSIONS = (".tbx", ".xml")


def is_tbx(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(TBX_EXTENSIONS)


def parse_any(data: bytes, path: str) -> Glossary:
    """Parse glossary bytes in the format ``path``'s extension says."""
    if is_tbx(path):
        from pipeline.glossary.tbx import parse_tbx

        return parse_tbx(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TamizdatError("glossary is not valid UTF-8", path, line) from None
    return parse_glossary(text.lstrip("\ufeff"), path)


def load_glossary(path: str | os.PathLike) -> Glossary:
    """Read our TOML glossary or a TBX file; errors name the file and line."""
    from pipeline.core.fileio import read_bytes

    return parse_any(read_bytes(path), str(path))


__all__ = [
    "Concept", "Forbidden", "Glossary", "Term", "Translations",
    "load_glossary", "parse_glossary", "parse_any", "is_tbx",
]
