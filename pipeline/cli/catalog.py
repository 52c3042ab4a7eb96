"""Catalogue commands: ``update``, ``merge``, ``add-language``, ``stats``, ``pseudo``, ``memory``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "update", help="merge each template into its catalogues, like msgmerge --previous",
        description="Bring locales/<lang>/<slug>.po up to date with locales/<slug>.pot: exact matches keep their "
                    "translation, changed texts come back fuzzy with the previous source, removed ones become "
                    "obsolete; untranslated entries are filled from the language's other catalogues.")
    p.add_argument("slugs", nargs="*", metavar="SLUG", help="articles to update (default: all)")
    p.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.add_argument("-N", "--no-fuzzy-matching", action="store_true", help="no fuzzy matching (like msgmerge -N)")
    p.add_argument("--no-memory", action="store_true", help="do not fill entries from other catalogues")
    p.set_defaults(handler=run_update)

    p = sub.add_parser(
        "merge", help="merge OLD.po with NEW.pot (a drop-in for msgmerge --previous)",
        description="Merge OLD.po with NEW.pot into OUT.po, written exactly as msgcat writes it. Given two folders, "
                    "every X.po under OLD_DIR is merged with the X.pot at the same relative path under NEW_DIR "
                    "(GNU's X.LANG.po also finds X.pot) into OUT_DIR, in one process.")
    p.add_argument("old", metavar="OLD.po|OLD_DIR")
    p.add_argument("new", metavar="NEW.pot|NEW_DIR")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar="OUT.po|OUT_DIR")
    out.add_argument("-U", "--update", action="store_true", help="update OLD in place (written only if changed)")
    p.add_argument("--memory", "-C", "--compendium", action="append", default=[], metavar="PO_OR_DIR",
                   help="other catalogues (PO, TMX, or folders of them) of the language as translation memory")
    # msgmerge's spelling of options we always honour, so scripts can swap the command name
    p.add_argument("--previous", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--silent", dest="quiet", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument("--lang", help="fill the header's Language, Language-Team and Plural-Forms for this language "
                                  "where missing (msgmerge fills none; a TMX memory needs it)")
    p.add_argument("-N", "--no-fuzzy-matching", action="store_true", help="no fuzzy matching (like msgmerge -N)")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="processes for a folder of catalogues (default 0: one per CPU core)")
    p.set_defaults(handler=run_merge)

    p = sub.add_parser("add-language", help="create every catalogue for a new language",
                       description="Create locales/L/<slug>.po for every template, with the header msginit "
                                   "writes (plural forms from CLDR), and list L in [tool.tamizdat] languages.")
    p.add_argument("lang", metavar="L")
    p.add_argument("-C", "--project", default=".", metavar="DIR")
    p.set_defaults(handler=run_add_language)

    p = sub.add_parser("stats", help="translation progress per article and language",
                       description="Translated, fuzzy, untranslated and obsolete entries, words and percentage, per "
                                   "article and language, with a summary per language. Without files: the project.")
    p.add_argument("files", nargs="*", metavar="FILE.po", help="catalogues to count instead of the project's")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    p.add_argument("-C", "--project", default=".", metavar="DIR")
    p.set_defaults(handler=run_stats)

    p = sub.add_parser("pseudo", help="pseudo-localised catalogues and a preview/ of their pages",
                       description="Write locales/<lang>/<slug>.po for a pseudo-language: qps (accented, 30 % "
                                   "longer) or ar-pseudo (right to left), keeping placeholders and the glossary's "
                                   "do-not-translate terms, and render their pages into preview/ (never into "
                                   "site/: pseudo-languages are not published). Default: both.")
    p.add_argument("--lang", action="append", choices=("qps", "ar-pseudo"), metavar="qps|ar-pseudo")
    p.add_argument("--no-preview", action="store_true", help="write only the catalogues")
    p.add_argument("-C", "--project", default=".", metavar="DIR")
    p.set_defaults(handler=run_pseudo)

    p = sub.add_parser("memory", help="export or import translation memory as TMX 1.4b",
                       description="export: every finished translation of a language as TMX (for OmegaT, Weblate). "
                                   "import: keep a TMX file in memory/, used by every later update.")
    msub = p.add_subparsers(dest="memory_command", metavar="ACTION", required=True)

    e = msub.add_parser("export", help="write the language's memory as TMX")
    e.add_argument("--lang", required=True, metavar="L")
    e.add_argument("-o", "--output", required=True, metavar="FILE.tmx")
    e.add_argument("-C", "--project", default=".", metavar="DIR")
    e.set_defaults(handler=run_memory_export)
    i = msub.add_parser("import", help="add a TMX file to the project's memory")
    i.add_argument("tmx", metavar="FILE.tmx")
    i.add_argument("--lang", required=True, metavar="L", help="the target language to take from the file")
    i.add_argument("-C", "--project", default=".", metavar="DIR")
    i.set_defaults(handler=run_memory_import)


def _say(args, text: str) -> None:
    if not args.quiet:
        print(text, file=sys.stderr)


def run_update(args) -> int:
    from pipeline.core import progress
    from pipeline.jobs.update import update_project
    from pipeline.project import Project

    project = Project.find(args.project)
    langs = args.lang or project.settings.languages
    n = len(langs) * (len(args.slugs) or len(list(project.locales_dir.glob("*.pot"))))
    with progress.bar(n, "updating", quiet=args.quiet) as bar:
        results = update_project(project, args.lang, args.slugs, fuzzy=not args.no_fuzzy_matching,
                                 use_memory=not args.no_memory, progress=bar.advance)
    written = [r for r in results if r.written]
    for r in written:
        _say(args, f"updated {r.path}: {r.summary()}")
    _say(args, f"update: {len(written)} written, {len(results) - len(written)} unchanged")
    return 0


def run_merge(args) -> int:
    from pipeline.core import progress
    from pipeline.jobs.merge_files import merge_paths

    results = merge_paths(
        args.old, args.new, args.old if args.update else args.output, memory_sources=args.memory, lang=args.lang,
        fuzzy=not args.no_fuzzy_matching,
        progress_factory=lambda n: progress.bar(n, "merging", quiet=args.quiet),
        warn=lambda s: print(f"tamizdat: warning: {s}", file=sys.stderr),
        jobs=args.jobs if args.jobs > 0 else None,
    )
    if len(results) == 1:
        _say(args, f"{results[0].path}: {results[0].summary()}" + ("" if results[0].written else " (unchanged)"))
    else:
        written = sum(r.written for r in results)
        _say(args, f"merge: {len(results)} catalogues, {written} written, {len(results) - written} unchanged")
    return 0


def run_add_language(args) -> int:
    from pipeline.jobs.add_language import add_language
    from pipeline.project import Project

    project = Project.find(args.project)
    created, listed = add_language(project, args.lang)
    for path in created:
        _say(args, f"created {path.relative_to(project.root)}")
    if not listed:
        print(f'tamizdat: warning: add "{args.lang}" to languages in [tool.tamizdat] of pyproject.toml',
              file=sys.stderr)
    _say(args, f"add-language: {len(created)} catalogue{'' if len(created) == 1 else 's'} created for {args.lang}")
    return 0


def _stats_rows(args):
    from pipeline.catalog.stats import catalog_stats
    from pipeline.jobs.update import load

    rows = []
    if args.files:
        for f in args.files:
            po = load(f)[1]
            lang = po.metadata.get("Language", "") or "?"
            if args.lang and lang not in args.lang:
                continue
            rows.append(catalog_stats(po, f, lang))  # the path as given: two files may share a name
        return rows
    from pipeline.project import Project

    project = Project.find(args.project)
    slugs = sorted(p.name[: -len(".pot")] for p in project.locales_dir.glob("*.pot"))
    for lang in args.lang or project.settings.languages:
        for slug in slugs:
            path = project.po_path(lang, slug)
            if path.is_file():
                rows.append(catalog_stats(load(path)[1], slug, lang))
            else:  # a missing catalogue: everything still to do
                from pipeline.catalog.merge import new_po

                rows.append(catalog_stats(new_po(load(project.pot_path(slug))[1], lang), slug, lang))
    return rows


def run_stats(args) -> int:
    import json

    from pipeline.catalog.stats import summarize

    rows = _stats_rows(args)
    totals = summarize(rows)
    if args.format == "json":
        json.dump({"catalogs": [r.as_dict() for r in rows], "languages": [t.as_dict() for t in totals]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for name in ("lang", "article", "translated", "fuzzy", "untranslated", "obsolete", "words", "done"):
        table.add_column(name, justify="left" if name in ("lang", "article") else "right")

    def add(r, bold=False):
        cells = [r.lang, r.slug, str(r.translated), str(r.fuzzy), str(r.untranslated), str(r.obsolete),
                 f"{r.words_translated}/{r.words}", f"{r.percent:.0f}%"]
        table.add_row(*cells, style="bold" if bold else None)

    for t in totals:
        for r in rows:
            if r.lang == t.lang:
                add(r)
        add(t, bold=True)
    Console(no_color=True if not sys.stdout.isatty() else None, width=200 if not sys.stdout.isatty() else None,
            soft_wrap=True).print(table)
    return 0


def run_pseudo(args) -> int:
    from pipeline.catalog.pseudo import PSEUDO_LANGS, pseudo_catalog
    from pipeline.jobs.update import load, save
    from pipeline.core.lock import project_lock
    from pipeline.project import Project

    project = Project.find(args.project)
    langs = args.lang or list(PSEUDO_LANGS)
    written = same = 0
    with project_lock(project.root):
        glossary = project.glossary()
        for lang in langs:
            for pot_path in sorted(project.locales_dir.glob("*.pot")):
                slug = pot_path.name[: -len(".pot")]
                path = project.po_path(lang, slug)
                po = pseudo_catalog(load(pot_path)[1], lang, glossary)
                old = path.read_bytes() if path.is_file() else None
                if old is not None:  # keep the creation stamp, so an unchanged template changes no byte
                    from pipeline.catalog import pofile

                    prev = pofile.parse(old, str(path))
                    for field in ("PO-Revision-Date",):
                        if field in prev.metadata:
                            po.metadata[field] = prev.metadata[field]
                if save(path, po, old):
                    written += 1
                    _say(args, f"wrote {path.relative_to(project.root)}")
                else:
                    same += 1
        _say(args, f"pseudo: {written} written, {same} unchanged")
        if not args.no_preview:
            from pipeline.publish.preview import PREVIEW, write_preview

            pages = write_preview(project, langs, glossary)
            for rel in pages:
                _say(args, f"wrote {rel}")
            _say(args, f"preview: {len(pages)} written; open {PREVIEW}/index.html (the public site/ is untouched)")
    return 0


def _project_memory(project, lang: str):
    from pipeline.core import languages
    from pipeline.catalog.memory import Memory
    from pipeline.jobs.update import load

    languages.validate(lang)
    memory = Memory()
    lang_dir = project.locales_dir / lang
    for p in sorted(lang_dir.glob("*.po")) if lang_dir.is_dir() else []:
        memory.add(p.name[: -len(".po")], load(p)[1])
    return memory


def run_memory_export(args) -> int:
    from pipeline import __version__
    from pipeline.catalog import tmx
    from pipeline.core.fileio import atomic_write
    from pipeline.project import Project

    project = Project.find(args.project)
    memory = _project_memory(project, args.lang)
    atomic_write(args.output, tmx.dumps(memory, source_lang=project.settings.source_language,
                                        target_lang=args.lang, tool_version=__version__))
    _say(args, f"memory: {len(memory)} units of {args.lang} written to {args.output}")
    return 0


def run_memory_import(args) -> int:
    from pathlib import Path

    from pipeline.core import languages
    from pipeline.catalog import tmx
    from pipeline.core.fileio import atomic_write, read_bytes
    from pipeline.core.lock import project_lock
    from pipeline.project import Project

    project = Project.find(args.project)
    languages.validate(args.lang)
    data = read_bytes(args.tmx)
    units = tmx.parse(data, target_lang=args.lang, source_lang=project.settings.source_language, path=args.tmx)
    dest = project.root / "memory" / Path(args.tmx).name
    with project_lock(project.root):
        atomic_write(dest, data)
    _say(args, f"memory: {len(units)} units for {args.lang} kept in {dest.relative_to(project.root)}")
    return 0
