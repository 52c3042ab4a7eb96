"""Read and write gettext PO catalogues exactly as GNU gettext 0.21 does: the public face.

``parse`` reads a file into our model (:class:`Catalog` of :class:`Message`, see
:mod:`pipeline.catalog.model`); ``dumps``/``encode`` write the text ``msgcat`` would write for a
catalogue, including its Unicode line breaking (see docs/po-format.md); ``unchanged`` tells a
caller whether writing would change the *content* of an existing file, so files in other
editors' layouts are only rewritten when something really changed.

The work is done one job per module under :mod:`pipeline.catalog.po` (base, lex, read, linebreak,
formats, write, diff); this module sits above them all, so they never import each other in a
circle. Writers also accept polib objects (converted by :mod:`pipeline.catalog.polib_adapter`).
"""

from __future__ import annotations

from typing import Any, Iterator

from pipeline.catalog.model import Catalog, Message, OriginalHeader
from pipeline.catalog.po import diff as _diff
from pipeline.catalog.po import write as _write
from pipeline.catalog.po.base import PAGE_WIDTH, charset_of
from pipeline.catalog.po.read import parse
from pipeline.catalog.polib_adapter import as_catalog

__all__ = [
    "PAGE_WIDTH", "Catalog", "Message", "OriginalHeader", "charset_of", "content", "dumps", "encode",
    "encode_chunks", "new_catalog", "parse", "unchanged",
]


def dumps(po: Catalog | Any) -> str:
    """The PO text GNU msgcat 0.21 writes for ``po`` (default options)."""
    return _write.dumps(as_catalog(po))


def encode(po: Catalog | Any) -> bytes:
    """``dumps(po)`` encoded in the catalogue's charset."""
    return _write.encode(as_catalog(po))


def encode_chunks(po: Catalog | Any) -> Iterator[bytes]:
    """:func:`encode` in pieces, for writing a big catalogue without holding all its bytes."""
    return _write.encode_chunks(as_catalog(po))


def content(po: Catalog | Any) -> tuple:
    """What a catalogue says, without how it is laid out (see :func:`unchanged`)."""
    return _diff.content(as_catalog(po))


def unchanged(old: bytes | tuple, po: Catalog | Any) -> bool:
    """True when ``po`` says the same as the file bytes ``old`` (layout aside), so the file must be
    left as it is. ``old`` may also be the :func:`content` of the old catalogue, taken before a
    merge changed it (sparing a second parse)."""
    return _diff.unchanged(old, as_catalog(po))


def new_catalog(metadata: dict[str, str], header: str = "") -> Catalog:
    """An empty catalogue with the given header fields (in order)."""
    return Catalog(header=header, metadata=dict(metadata))
