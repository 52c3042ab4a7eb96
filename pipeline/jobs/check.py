"""``tamizdat check``'s file-level job: catalogues read and checked an article at a time, in one or more processes.

Kept apart from :mod:`pipeline.jobs.files` (extract, render) so that a check imports no extractor, segmenter or
renderer: start-up is part of what an editor waits for (``bench/check_speed.py`` counts it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.catalog import pofile
from pipeline.catalog.model import Catalog
from pipeline.checks.registry import CheckSettings
from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import read_bytes
from pipeline.core.parallel import pmap, rare_collections
from pipeline.model import Finding

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.model import Glossary


def load_po(path: str | os.PathLike) -> Catalog:
    return pofile.parse(read_bytes(path), str(path))


def check_files(files: list[tuple[Path, str | None]], glossary, lang: str | None = None,
                jobs: int | None = None, settings: CheckSettings | None = None) -> tuple[list[Finding], int]:
    """Findings of every ``(catalogue, language from the folder layout)``, in the order given, and how
    many catalogues were checked. With ``lang``, only the catalogues *in* that language are checked
    (``--lang`` selects; a catalogue's language is its folder's or its header's, never the option's).

    The catalogues are checked an article at a time (``ru/a.po`` beside ``de/a.po``): they share their
    source texts, whose glossary hits are then found once and remembered while still useful.
    """
    if glossary is not None:  # the indexes built once, before the workers fork
        for code in [glossary.source_language, *glossary.languages]:
            glossary.find("", code)
    by_article = sorted(files, key=lambda f: (Path(f[0]).name, str(f[0])))
    ctx = _CheckContext(glossary, lang, settings or CheckSettings())
    with rare_collections():
        by_file = dict(zip((str(p) for p, _ in by_article), pmap(_check_task, by_article, jobs, context=ctx)))
    checked = [by_file[str(path)] for path, _ in files if by_file[str(path)] is not None]
    return [f for found in checked for f in found], len(checked)


@dataclass(frozen=True)
class _CheckContext:
    """What every check of a catalogue needs (forked workers inherit it)."""

    glossary: Glossary | None
    lang: str | None  # the selected language (--lang), if any
    settings: CheckSettings


def _check_task(ctx: _CheckContext, item: tuple[Path, str | None]) -> list[Finding] | None:
    """The catalogue's findings, or None when it is not in the selected language."""
    from pipeline.checks import check_catalog

    path, hint = item
    po = load_po(path)
    lang = check_language(po, path, hint, ctx.lang)
    if ctx.lang and not same_language(lang, ctx.lang):
        return None
    return check_catalog(po, str(path), ctx.glossary, lang, ctx.settings)


def same_language(code: str, selected: str) -> bool:
    """``ru`` selects ``ru`` and ``ru_RU``; ``pt_BR`` selects only ``pt_BR``."""
    a, b = code.replace("-", "_").casefold(), selected.replace("-", "_").casefold()
    return a == b or ("_" not in b and a.split("_")[0] == b)


def check_language(po: Catalog, path: Path, hint: str | None, fallback: str | None) -> str:
    """The language of a catalogue: the folder layout, its Language header, or its folder's name; only a
    catalogue that says none of these takes ``fallback`` (``--lang``)."""
    if hint:
        return hint
    code = (po.metadata.get("Language") or "").strip()
    if code:
        return code
    try:
        return languages.validate(path.parent.name)
    except TamizdatError:
        if fallback:
            return fallback
        raise TamizdatError("cannot tell the catalogue's language (no Language header); pass --lang",
                            str(path)) from None
