"""File-level jobs behind ``tamizdat update`` and ``tamizdat merge``: where merging meets the disk.

Every catalogue is read (and checked) before anything is written, so a syntax
error in one file stops the run with nothing overwritten. A catalogue whose
content did not change is not written at all — whatever editor last saved it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import polib

from pipeline.catalog import pofile
from pipeline.catalog.memory import Memory
from pipeline.catalog.merge import GENERATOR, merge, set_header
from pipeline.errors import TamizdatError
from pipeline.fileio import atomic_write, atomic_write_many, project_lock, read_bytes


@dataclass
class FileResult:
    path: str
    written: bool
    counts: dict = field(default_factory=dict)

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c[k]} {label}" for k, label in (
            ("fuzzy", "fuzzy"), ("memory_exact", "from memory"), ("memory_fuzzy", "close from memory"),
            ("new", "new"), ("obsolete", "obsolete")) if c.get(k)]
        return ", ".join(parts) or "no change in entries"


def load(path: str | os.PathLike) -> tuple[bytes, polib.POFile]:
    data = read_bytes(path)
    return data, pofile.parse(data, str(path))


def save(path: str | os.PathLike, po: polib.POFile, old: bytes | None, sink: list | None = None) -> bool:
    """Write ``po`` as msgcat would, unless ``old`` (the file's bytes) already says the same. True if written.

    With ``sink``, the (path, bytes) pair is appended there for one ``atomic_write_many`` at the end.
    """
    if old is not None and pofile.unchanged(old, po):
        return False
    set_header(po.metadata, "X-Generator", GENERATOR)
    if sink is not None:
        sink.append((path, pofile.encode(po)))
    else:
        atomic_write(path, pofile.encode(po))
    return True


def load_memory(sources: Iterable[str | os.PathLike], lang: str | None, memory: Memory | None = None) -> Memory:
    """A memory from PO files, TMX files and folders of them (searched recursively)."""
    from pipeline.catalog import tmx

    memory = Memory() if memory is None else memory
    for src in sources:
        src = Path(src)
        if src.is_dir():
            files = sorted(p for p in src.rglob("*") if p.suffix in (".po", ".tmx") and p.is_file())
        elif src.exists():
            files = [src]
        else:
            raise TamizdatError("no such file or folder for --memory", str(src))
        for f in files:
            if f.suffix == ".tmx":
                if not lang:
                    raise TamizdatError("a TMX memory needs the target language (--lang)", str(f))
                units = tmx.parse(read_bytes(f), target_lang=lang, path=str(f))
                # named after the file too, so no catalogue mistakes an imported unit for its own entry
                tmx.add_to_memory(memory, ((f"{f.name}:{slug}", e) for slug, e in units))
            else:
                memory.add(str(f.resolve()), load(f)[1])
    return memory


# -- tamizdat update ---------------------------------------------------------


def update_project(
    project,
    langs: list[str] | None = None,
    slugs: list[str] | None = None,
    *,
    fuzzy: bool = True,
    use_memory: bool = True,
    progress: Callable[[int], object] | None = None,
) -> list[FileResult]:
    """Merge each template ``locales/<slug>.pot`` into ``locales/<lang>/<slug>.po`` (created when missing)."""
    from pipeline import languages
    from pipeline.project import check_slug

    langs = [languages.validate(code) for code in (langs or project.settings.languages)]
    if not langs:
        raise TamizdatError("no languages: list them in [tool.tamizdat] languages or pass --lang",
                            str(project.root / "pyproject.toml"))
    all_slugs = sorted(p.name[: -len(".pot")] for p in project.locales_dir.glob("*.pot"))
    if slugs:
        for slug in slugs:
            if not project.pot_path(check_slug(slug)).is_file():
                raise TamizdatError(f"no template for {slug!r}; run `tamizdat build` or `tamizdat extract` first",
                                    str(project.pot_path(slug).relative_to(project.root)))
    else:
        slugs = all_slugs
    with project_lock(project.root):
        results, _ = merge_catalogs(project, langs, slugs, glossary=project.glossary(), fuzzy=fuzzy, keep=False,
                                    use_memory=use_memory, progress=progress)
    return results


def merge_catalogs(
    project,
    langs: list[str],
    slugs: list[str],
    *,
    glossary=None,
    pots: dict[str, polib.POFile] | None = None,
    fuzzy: bool = True,
    use_memory: bool = True,
    keep: bool = True,
    progress: Callable[[int], object] | None = None,
) -> tuple[list[FileResult], dict[str, dict[str, polib.POFile]]]:
    """The work of :func:`update_project` for a caller that already holds the project lock.

    ``glossary`` (or None) refreshes the ``#.`` glossary notes; ``pots`` spares re-reading templates
    the caller has just built. Returns the per-file results
    and the merged catalogues as ``{slug: {lang: POFile}}`` (empty with ``keep=False``, for a caller
    that would rather read them again than hold a thousand parsed catalogues in memory).
    """
    results: list[FileResult] = []
    merged: dict[str, dict[str, polib.POFile]] = {slug: {} for slug in slugs}
    pending: list[tuple[Path, bytes]] = []
    pots = dict(pots or {})
    for slug in slugs:
        if slug not in pots:
            pots[slug] = load(project.pot_path(slug))[1]
    exact = project.settings.memory_exact
    for lang in langs:
        # Keep the old catalogues as bytes only: the memory keeps slim copies of their translations,
        # and each is parsed again when its turn to merge comes, so one language's catalogues are
        # never all in memory at once.
        olds: dict[str, bytes] = {}
        memory = Memory() if use_memory else None
        lang_dir = project.locales_dir / lang
        for p in sorted(lang_dir.glob("*.po")) if lang_dir.is_dir() else []:
            slug = p.name[: -len(".po")]
            if memory is None and slug not in pots:
                continue
            data, po = load(p)
            olds[slug] = data
            if memory is not None:
                memory.add(slug, po, slim=True)
            del po
        if memory is not None:
            extra = project.root / "memory"
            if extra.is_dir():
                load_memory([p for p in sorted(extra.glob("*.tmx"))], lang, memory)
        for slug in slugs:
            path = project.po_path(lang, slug)
            old_bytes = olds.get(slug)
            old = pofile.parse(old_bytes, str(path)) if old_bytes is not None else None
            counts: dict = {}
            po = merge(old, pots[slug], lang=lang, memory=memory, slug=slug, memory_exact=exact,
                       fuzzy=fuzzy, stats=counts)
            if glossary is not None:
                from pipeline.glossary.notes import annotate

                annotate(po, glossary, lang)
            written = save(path, po, old_bytes, pending)
            results.append(FileResult(str(path.relative_to(project.root)), written, counts))
            if keep:
                merged[slug][lang] = po
            if progress:
                progress(1)
    atomic_write_many(pending)
    return results, merged


# -- tamizdat merge ------------------------------------------------------------


def _lang_of(po: polib.POFile, path: Path) -> str | None:
    lang = po.metadata.get("Language", "").strip()
    if lang:
        return lang
    parts = path.name.split(".")  # GNU naming: article.fr.po
    return parts[-2] if len(parts) >= 3 else None


def merge_pair(old_path: Path, pot_path: Path, out_path: Path, *, lang: str | None, memory: Memory | None,
               fuzzy: bool = True, sink: list | None = None) -> FileResult:
    old_bytes, old = load(old_path)
    pot = load(pot_path)[1]
    counts: dict = {}
    po = merge(old, pot, lang=lang or _lang_of(old, old_path) or "", memory=memory,
               slug=str(old_path.resolve()), fuzzy=fuzzy, stats=counts)
    current = old_bytes if out_path.resolve() == old_path.resolve() else (
        out_path.read_bytes() if out_path.is_file() else None)
    # msgmerge writes what it merged verbatim; so do we, but never touch an identical file.
    if current is not None and pofile.unchanged(current, po):
        return FileResult(str(out_path), False, counts)
    if sink is not None:
        sink.append((out_path, pofile.encode(po)))
    else:
        atomic_write(out_path, pofile.encode(po))
    return FileResult(str(out_path), True, counts)


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


_SHARED: dict = {}  # what forked workers inherit instead of receiving it pickled (the memory)


def _pair_job(pair: tuple[Path, Path, Path]):
    sink: list = []
    try:
        result = merge_pair(*pair, lang=_SHARED["lang"], memory=_SHARED["memory"], fuzzy=_SHARED["fuzzy"], sink=sink)
    except TamizdatError as exc:  # sent back whole: pickling would drop its file and line
        return ("error", (exc.message, exc.path, exc.line))
    return ("ok", (result, sink))


def _run_pairs(pairs, *, lang, memory, fuzzy, jobs: int):
    """Merge every pair, in ``jobs`` forked processes when the folder is large enough to gain from it."""
    import multiprocessing

    _SHARED.update(lang=lang, memory=memory, fuzzy=fuzzy)
    if jobs <= 1 or len(pairs) < 40 or "fork" not in multiprocessing.get_all_start_methods():
        outcomes = map(_pair_job, pairs)
        pool = None
    else:
        pool = multiprocessing.get_context("fork").Pool(jobs)
        outcomes = pool.imap(_pair_job, pairs, chunksize=8)
    try:
        for kind, value in outcomes:
            if kind == "error":
                raise TamizdatError(*value)
            yield value
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def merge_paths(old: str, new: str, out: str, *, memory_sources: list[str], lang: str | None, fuzzy: bool = True,
                progress_factory=None, warn: Callable[[str], None] = lambda s: None,
                jobs: int = 1) -> list[FileResult]:
    old_p, new_p, out_p = Path(old), Path(new), Path(out)
    memory = load_memory(memory_sources, lang) if memory_sources else None
    if old_p.is_dir() != new_p.is_dir():
        raise TamizdatError("give two files or two folders", str(new_p if old_p.is_dir() else old_p))
    if not old_p.is_dir():
        return [merge_pair(old_p, new_p, out_p, lang=lang, memory=memory, fuzzy=fuzzy)]
    pairs = []
    for po_path in sorted(p for p in old_p.rglob("*.po") if p.is_file()):
        rel = po_path.relative_to(old_p)
        pot = template_for(rel, new_p)
        if pot is None:
            warn(f"{po_path}: no template {rel.with_suffix('.pot')} in {new_p}; skipped")
            continue
        pairs.append((po_path, pot, out_p / rel))
    results = []
    outputs: list[tuple[Path, bytes]] = []
    ctx = progress_factory(len(pairs)) if progress_factory else None
    bar = ctx.__enter__() if ctx else None
    try:
        for result, written in _run_pairs(pairs, lang=lang, memory=memory, fuzzy=fuzzy, jobs=jobs):
            results.append(result)
            outputs.extend(written)
            if bar:
                bar.advance()
    finally:
        if ctx:
            ctx.__exit__(None, None, None)
    atomic_write_many(outputs)  # nothing is written unless every pair merged
    return results
