"""``tamizdat update`` (and step 2 of ``build``): where merging a project's catalogues meets the disk; also
what ``tamizdat merge`` (:mod:`pipeline.jobs.merge_files`) shares with it: results, staging over the cores.

Every catalogue is read (and checked) before anything is written, so a syntax
error in one file stops the run with nothing overwritten. A catalogue whose
content did not change is not written at all — whatever editor last saved it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable


from pipeline.catalog.model import Catalog
from pipeline.catalog import pofile
from pipeline.catalog.memory import Memory
from pipeline.catalog.header import GENERATOR, set_header
from pipeline.catalog.merge import merge
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import Staged, atomic_write, read_bytes, stage
from pipeline.core.lock import project_lock
from pipeline.core.parallel import in_child, pimap


@dataclass
class FileResult:
    path: str
    written: bool
    counts: dict = field(default_factory=dict)
    target: Path | None = field(default=None, repr=False, compare=False)  # where the bytes go

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c[k]} {label}" for k, label in (
            ("fuzzy", "fuzzy"), ("memory_exact", "from memory"), ("memory_fuzzy", "close from memory"),
            ("sentences", "from sentences"), ("source", "started from the source"),
            ("new", "new"), ("obsolete", "obsolete")) if c.get(k)]
        if c.get("template"):
            return "template extracted from its article"
        if c.get("converted_from"):
            parts.append(f"converted from {c['converted_from']} to UTF-8, as msgmerge converts it")
        return ", ".join(parts) or "no change in entries"


def load(path: str | os.PathLike, strings: dict[str, str] | None = None) -> tuple[bytes, Catalog]:
    """The file's bytes and its catalogue (``strings``: see :func:`pofile.parse`)."""
    data = read_bytes(path)
    return data, pofile.parse(data, str(path), strings)


def new_bytes(po: Catalog, old: bytes | tuple | None) -> bytes | None:
    """What to write for ``po`` as msgcat would, or None when ``old`` (the file's bytes, or the
    :func:`pofile.content` of what they said) already says it."""
    if old is not None and pofile.unchanged(old, po):
        return None
    set_header(po.metadata, "X-Generator", GENERATOR)
    try:
        return pofile.encode(po)
    except UnicodeEncodeError:
        return to_utf8(po)


def to_utf8(po: Catalog) -> bytes:
    """A catalogue in a legacy charset (KOI8-R) that cannot hold what the template brought (an em dash
    in a glossary note): converted to UTF-8, as msgmerge converts it (the caller says so)."""
    set_header(po.metadata, "Content-Type", "text/plain; charset=UTF-8")
    return pofile.encode(po)


def save(path: str | os.PathLike, po: Catalog, old: bytes | None) -> bool:
    """Write ``po`` as msgcat would, unless ``old`` (the file's bytes) already says the same. True if written."""
    data = new_bytes(po, old)
    if data is not None:
        atomic_write(path, data)
    return data is not None


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
    from pipeline.core import languages
    from pipeline.project import check_slug

    langs = [languages.validate(code) for code in (langs or project.settings.languages)]
    if not langs:
        raise TamizdatError("no languages: list them in [tool.tamizdat] languages or pass --lang",
                            str(project.root / "pyproject.toml"))
    with project_lock(project.root):
        glossary = project.glossary()
        extracted = extract_changed(project, slugs or project.slugs(), glossary)
        all_slugs = sorted(p.name[: -len(".pot")] for p in project.locales_dir.glob("*.pot"))
        if slugs:
            for slug in slugs:
                if not project.pot_path(check_slug(slug)).is_file():
                    raise TamizdatError(f"no article and no template for {slug!r}: `tamizdat import` it first",
                                        str(project.article_path(slug).relative_to(project.root)))
        else:
            slugs = all_slugs
        results = merge_catalogs(project, langs, slugs, glossary=glossary, fuzzy=fuzzy,
                                 use_memory=use_memory, progress=progress)
    return extracted + results


def extract_changed(project, slugs: list[str], glossary) -> list[FileResult]:
    """Step 1 of ``build`` for ``update``: the template of every article that is newer than its template
    (or has none), so ``import`` then ``update`` just works. A template newer than its article is taken as
    it is; an extracted one that says what the old one said is not written."""
    from pipeline.jobs.build import extract_template, read_article
    from pipeline.jobs.buildcache import BuildCache, digest, file_digest

    known = BuildCache.load(project).articles  # what the last build extracted, by content
    # Settings shape templates too (``segmentation``): a template older than them is made again.
    settings = project.root / "pyproject.toml"
    settings_time = settings.stat().st_mtime_ns if settings.is_file() else 0
    results = []
    for slug in slugs:
        path, pot = project.article_path(slug), project.pot_path(slug)
        if not path.is_file():
            continue  # a template without its article (made by `extract`) is merged as it is
        if pot.is_file() and pot.stat().st_mtime_ns >= max(path.stat().st_mtime_ns, settings_time):
            continue
        rec = known.get(slug)
        if rec and rec["article"] == digest(read_bytes(path)) and rec["pot"] == file_digest(pot):
            continue
        info, _, seg = read_article(project, slug)
        if extract_template(project, slug, seg, info, glossary):
            results.append(FileResult(str(pot.relative_to(project.root)), True, {"template": 1}, target=pot))
    return results


def merge_catalogs(
    project,
    langs: list[str],
    slugs: list[str],
    *,
    glossary=None,
    fuzzy: bool = True,
    use_memory: bool = True,
    progress: Callable[[int], object] | None = None,
) -> list[FileResult]:
    """The work of :func:`update_project` for a caller that already holds the project lock.

    ``glossary`` (or None) refreshes the ``#.`` glossary notes. Per language, the
    memory is built first — which also reads and checks every catalogue — then
    the catalogues are merged over the cores. Each new catalogue goes straight to
    a temporary file and is let go; all are renamed into place together at the
    end, so an error anywhere leaves every file as it was.
    """
    results: list[FileResult] = []
    with Staged() as staged:
        for lang in langs:
            # One child process per language: its memory is given back whole when the child exits.
            done, handed = in_child(_merge_language, project, lang, slugs, glossary, fuzzy, use_memory,
                                    progress=progress)
            for pair, path in handed:
                staged.adopt(pair, path)
            results += done
    return results


def _merge_language(project, lang: str, slugs: list[str], glossary, fuzzy: bool, use_memory: bool, tick):
    """Merge one language's catalogues over the cores; the results, and the staged files to rename."""
    memory = _language_memory(project, lang) if use_memory else None
    ctx = MergeContext(lang, memory, fuzzy, project, glossary)
    with Staged() as staged:  # discarded here on an error
        return run_staged(_merge_job, slugs, staged, tick, context=ctx), staged.handover()


def run_staged(job: Callable, items: list, staged: Staged, progress=None, jobs: int | None = None, *,
                context: MergeContext) -> list[FileResult]:
    """Run ``job(context, item)`` over ``items`` on the cores. Each job returns ``("ok", (FileResult,
    temporary file or None))`` or ``("error", (message, path, line))``; every temporary file is put in
    ``staged``'s charge before the first error is raised, so nothing is left behind."""
    outcomes = []
    for outcome in pimap(job, items, jobs, context=context):
        outcomes.append(outcome)
        if progress:
            progress(1)
    results = []
    for kind, value in outcomes:
        if kind == "ok" and value[1] is not None:
            staged.adopt(value[1], value[0].target)
    for kind, value in outcomes:
        if kind == "error":
            raise TamizdatError(*value)
        results.append(value[0])
    return results


def staged_or_error(make: Callable[[], tuple[FileResult, bytes | Iterable[bytes] | None]]):
    """Run one merge in a worker: its bytes go to a temporary file beside the target. Errors come back
    as values (pickling an exception through a pool loses nothing, but a raise would lose the
    other workers' temporary files)."""
    try:
        result, data = make()
        try:
            tmp = stage(result.target or result.path, data) if data is not None else None
        except OSError as exc:
            raise TamizdatError(exc.strerror or str(exc), result.path) from None
    except TamizdatError as exc:
        return "error", (exc.message, exc.path, exc.line)
    return "ok", (result, tmp)


def _language_memory(project, lang: str) -> Memory:
    """Every finished translation of ``lang`` in the project (and ``memory/*.tmx``), indexed for search."""
    memory = Memory()
    lang_dir = project.locales_dir / lang
    for p in sorted(lang_dir.glob("*.po")) if lang_dir.is_dir() else []:
        # Slim copies: a thousand parsed catalogues would not fit in 200 MB; each is parsed again to merge.
        memory.add(p.name[: -len(".po")], load(p)[1], slim=True)
    extra = project.root / "memory"
    if extra.is_dir():
        load_memory(sorted(extra.glob("*.tmx")), lang, memory)
    memory.prepare()  # once here, shared by the forked workers
    return memory


@dataclass(frozen=True)
class MergeContext:
    """What every merge of a run needs; forked workers inherit it instead of receiving it pickled."""

    lang: str | None
    memory: Memory | None
    fuzzy: bool
    project: object = None  # update's; merge's pairs of files need none
    glossary: object = None


def _merge_job(ctx: MergeContext, slug: str):
    lang = ctx.lang or ""  # always given by update
    return staged_or_error(lambda: merge_one(ctx.project, lang, slug, memory=ctx.memory,
                                              glossary=ctx.glossary, fuzzy=ctx.fuzzy))


def merge_one(project, lang: str, slug: str, *, memory: Memory | None, glossary, fuzzy: bool = True
              ) -> tuple[FileResult, bytes | None]:
    """``locales/<slug>.pot`` merged into ``locales/<lang>/<slug>.po``: the result, and the new bytes
    (None when the file already says the same)."""
    path = project.po_path(lang, slug)
    rel = str(path.relative_to(project.root))
    old_bytes = read_bytes(path) if path.is_file() else None
    strings: dict[str, str] = {}  # the template repeats most of the old catalogue's msgids and references
    old = pofile.parse(old_bytes, rel, strings) if old_bytes is not None else None
    before = pofile.content(old) if old is not None else None  # the merge may change old's entries
    pot = load(project.pot_path(slug), strings)[1]
    del strings
    if old is not None:
        refuse_foreign(old, pot, slug, rel)
    counts: dict = {}
    charset = pofile.charset_of(old) if old is not None else "UTF-8"
    po = merge(old, pot, lang=lang, memory=memory, slug=slug, memory_exact=project.settings.memory_exact,
               fuzzy=fuzzy, stats=counts, reuse_template=True)
    if glossary is not None:
        from pipeline.glossary.notes import annotate

        annotate(po, glossary, None)  # the template's notes: msgmerge keeps them so
    if project.settings.translator_identity == "pseudonymous":  # volunteers unnamed in the repository (issue 19)
        from pipeline.catalog.header import english_name
        from pipeline.privacy import pseudonymize

        pseudonymize(po, project.settings.team_name, english_name(lang))
    data = new_bytes(po, before)
    note_conversion(charset, po, counts)
    return FileResult(rel, data is not None, counts, target=path), data


def note_conversion(charset: str, po: Catalog, counts: dict) -> None:
    """Say so when a catalogue in a legacy charset (KOI8-R) came out in UTF-8, as msgmerge makes it."""
    if charset.upper() not in ("UTF-8", "ASCII", "US-ASCII", "CHARSET") and pofile.charset_of(po).upper() == "UTF-8":
        counts["converted_from"] = charset


def refuse_foreign(old: Catalog, pot: Catalog, slug: str, rel: str) -> None:
    """A catalogue made for another article (copied over this one) would lose every entry to
    obsolete: refuse it. None of its entries occurs in the template, and its header does not name
    this article (an article rewritten from scratch keeps its own name, and its translations go
    obsolete as msgmerge would)."""
    live = [e.msgid for e in old if not e.obsolete and e.msgid]
    if not live or not {e.msgid for e in pot if e.msgid}.isdisjoint(live):
        return
    named = (old.metadata.get("Project-Id-Version") or "").strip()
    if named == slug:
        return
    made_for = f" (its header names {named!r})" if named and named != "PACKAGE VERSION" else ""
    raise TamizdatError(f"this catalogue was made for another article{made_for}: none of its {len(live)} "
                        f"entries occurs in the template of {slug!r}; put the right catalogue back", rel)
