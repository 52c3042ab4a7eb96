"""``tamizdat merge OLD NEW -o OUT``: msgmerge's job on loose files or folders, outside any project.

Like ``msgmerge -U``, a catalogue whose merged content is what it already says is not written; folders are
merged over the cores, and nothing is written unless every pair merged (see :class:`~pipeline.core.fileio.Staged`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from pipeline.catalog import pofile
from pipeline.catalog.memory import Memory
from pipeline.catalog.merge import merge
from pipeline.catalog.model import Catalog
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import Staged, atomic_write
from pipeline.core.lock import remove_stale_temporaries
from pipeline.jobs.update import (FileResult, MergeContext, note_conversion, run_staged, staged_or_error, load,
                                  load_memory)


def _only_date_changed(before: tuple, po: Catalog) -> bool:
    """msgmerge -U leaves a file alone when the template's POT-Creation-Date is all that would change."""
    header, meta, *rest = before
    now = pofile.content(po)
    strip = lambda m: {k: v for k, v in m.items() if k != "POT-Creation-Date"}  # noqa: E731
    return (header, strip(meta), *rest) == (now[0], strip(now[1]), *now[2:])


def merge_pair(old_path: Path, pot_path: Path, out_path: Path, *, lang: str | None, memory: Memory | None,
               fuzzy: bool = True) -> tuple[FileResult, Iterator[bytes] | None]:
    """``msgmerge old pot -o out``: the result, and the bytes to write, in pieces (None when ``out``
    already says it)."""
    strings: dict[str, str] = {}  # the template repeats most of the old catalogue's msgids and references
    old = load(old_path, strings)[1]
    in_place = out_path.resolve() == old_path.resolve()
    before = pofile.content(old) if in_place else None  # taken now: the merge may change old's entries
    pot = load(pot_path, strings)[1]
    del strings
    counts: dict = {}
    charset = pofile.charset_of(old)
    # The language fills header fields (Plural-Forms…) only when given: msgmerge itself never invents them.
    po = merge(old, pot, lang=lang or "", memory=memory,
               slug=str(old_path.resolve()), fuzzy=fuzzy, stats=counts, reuse_template=True)
    del old, pot
    if in_place and before is not None and _only_date_changed(before, po):
        return FileResult(str(out_path), False, counts, target=out_path), None
    current = before if in_place else (out_path.read_bytes() if out_path.is_file() else None)
    # msgmerge writes what it merged verbatim; so do we, but never touch an identical file. The same
    # bytes are found without parsing the file again (for a big catalogue, a third catalogue in memory).
    if current is None:
        same = False
    elif isinstance(current, bytes) and _same_bytes(current, pofile.encode_chunks(po)):
        same = True
    else:  # the same content in another layout (say, Poedit's) is left alone too
        same = pofile.unchanged(current, po)
    data = None if same else pofile.encode_chunks(po)
    note_conversion(charset, po, counts)
    return FileResult(str(out_path), data is not None, counts, target=out_path), data


def _same_bytes(data: bytes, chunks: Iterable[bytes]) -> bool:
    at = 0
    for chunk in chunks:
        if data[at:at + len(chunk)] != chunk:
            return False
        at += len(chunk)
    return at == len(data)


def template_for(po_rel: Path, new_dir: Path) -> Path | None:
    """``X.po`` ↔ ``X.pot``; GNU's ``X.fr.po`` also finds ``X.pot``."""
    candidate = new_dir / po_rel.with_suffix(".pot")
    if candidate.is_file():
        return candidate
    stem = po_rel.name[: -len(".po")]
    if "." in stem:
        candidate = new_dir / po_rel.parent / (stem.rsplit(".", 1)[0] + ".pot")
        if candidate.is_file():
            return candidate
    return None


def _pair_job(ctx: MergeContext, pair: tuple[Path, Path, Path]):
    return staged_or_error(lambda: merge_pair(*pair, lang=ctx.lang, memory=ctx.memory, fuzzy=ctx.fuzzy))


def merge_paths(old: str, new: str, out: str, *, memory_sources: list[str], lang: str | None, fuzzy: bool = True,
                progress_factory=None, warn: Callable[[str], None] = lambda s: None,
                jobs: int | None = None) -> list[FileResult]:
    old_p, new_p, out_p = Path(old), Path(new), Path(out)
    # What an interrupted merge into the same place left (merge takes no project lock: only files
    # whose process is provably gone are removed).
    remove_stale_temporaries(out_p if out_p.is_dir() else out_p.parent, recursive=out_p.is_dir())
    memory = load_memory(memory_sources, lang) if memory_sources else None
    if old_p.is_dir() != new_p.is_dir():
        raise TamizdatError("give two files or two folders", str(new_p if old_p.is_dir() else old_p))
    if not old_p.is_dir():
        result, data = merge_pair(old_p, new_p, out_p, lang=lang, memory=memory, fuzzy=fuzzy)
        if data is not None:
            atomic_write(out_p, data)
        return [result]
    pairs = []
    for po_path in sorted(p for p in old_p.rglob("*.po") if p.is_file()):
        rel = po_path.relative_to(old_p)
        pot = template_for(rel, new_p)
        if pot is None:
            warn(f"{po_path}: no template {rel.with_suffix('.pot')} in {new_p}; skipped")
            continue
        pairs.append((po_path, pot, out_p / rel))
    if memory is not None:
        memory.prepare()
    ctx = progress_factory(len(pairs)) if progress_factory else None
    bar = ctx.__enter__() if ctx else None
    try:
        with Staged() as staged:  # nothing is written unless every pair merged
            return run_staged(_pair_job, pairs, staged, bar.advance if bar else None, jobs=jobs,
                               context=MergeContext(lang, memory, fuzzy))
    finally:
        if ctx:
            ctx.__exit__(None, None, None)
