"""``tamizdat check`` and ``tamizdat glossary export|import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


FORMATS = ("tbx", "weblate", "omegat", "csv", "tsv", "toml")
PER_LANGUAGE = ("weblate", "omegat", "csv", "tsv")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check PO catalogues against the glossary and for common mistakes",
        description="Check translations: glossary terms (missing, forbidden, do-not-translate, proper names), "
                    "placeholders, numbers, URLs, quotes, brackets, punctuation and spacing. With no PO "
                    "arguments, checks every locales/<lang>/*.po of the project. Exit 1 when an error is found.",
    )
    p.add_argument("catalogs", nargs="*", metavar="PO", help="PO files or folders of PO files")
    p.add_argument("--glossary", metavar="FILE", help="glossary (our TOML or TBX); default: the project's")
    p.add_argument("--no-glossary", action="store_true", help="run only the standard checks")
    p.add_argument("--lang", help="check only the catalogues in this language (a catalogue's language is its "
                                  "folder's or its Language header's)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per CPU for 200 catalogues or more)")
    p.set_defaults(handler=run_check, exit_unwalked=True)  # (a check leaves memos, no files: cli.main)

    g = sub.add_parser("glossary", help="export or import the glossary (TBX, CSV/TSV for OmegaT)",
                       description="export: the glossary as TBX-Basic (for Weblate, Poedit, OmegaT), OmegaT's "
                                   "CSV/TSV, or our TOML. import: a TBX glossary into our TOML.")
    gsub = g.add_subparsers(dest="glossary_command", metavar="ACTION")
    e = gsub.add_parser("export", help="write the glossary for Weblate, OmegaT, as TBX-Basic, CSV/TSV or our TOML",
                        description="weblate: a TBX for one Weblate glossary component and language; omegat: "
                                    "OmegaT's tab-separated glossary (no forbidden term offered as a translation); "
                                    "tbx: TBX-Basic 2019; csv/tsv: source, target, comment rows; toml: ours.")
    e.add_argument("--glossary", metavar="FILE", help="glossary to read (default: the project's)")
    e.add_argument("--format", choices=FORMATS, default=None,
                   help="default: from the output file's extension, else tbx")
    e.add_argument("--lang", help="target language (required for weblate, omegat, csv and tsv)")
    e.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    e.set_defaults(handler=run_export)
    i = gsub.add_parser("import", help="read a TBX (2019 or v2), CSV/TSV or TOML glossary and write our TOML")
    i.add_argument("source", metavar="FILE")
    i.add_argument("--format", choices=("tbx", "csv", "tsv", "omegat", "toml"), default=None,
                   help="default: from the file's extension (.tbx, .csv, .tsv/.txt/.tab, .toml)")
    i.add_argument("--lang", help="target language of CSV/TSV rows (they hold one)")
    i.add_argument("-o", "--output", metavar="FILE", help="TOML to write (default: the project's glossary)")
    i.add_argument("--force", action="store_true", help="replace an existing TOML (its comments are lost)")
    i.set_defaults(handler=run_import)
    lint = gsub.add_parser("lint", help="report source variants that are everyday English without a sense condition",
                           description="Every English variant WordNet knows in a non-prison sense (or a phrase of "
                                       "such words) counts as the prison word wherever it occurs unless it has "
                                       "prison_only, context or everyday: each is reported at its concept's line, "
                                       "unless it is marked reviewed (with the reason no condition fits). A "
                                       "reviewed marker on a variant that has a condition is reported as stale. "
                                       "Exit 1 when either is found, 0 when none (reviewed variants do not count), "
                                       "2 without WordNet. bench/sense_conditions.py measures which condition "
                                       "suits each on the labelled pairs.")
    lint.add_argument("--glossary", metavar="FILE", help="glossary to read (default: the project's)")
    lint.add_argument("--all", action="store_true",
                      help="also list the reviewed variants, each with its reason (they do not change the exit code)")
    lint.set_defaults(handler=run_lint)
    g.set_defaults(handler=lambda args: (g.print_help(sys.stderr), 2)[1])


def _project():
    from pipeline.project import NotAProject, Project

    try:
        return Project.find(".")
    except NotAProject:  # commands that also work on loose files; broken settings still stop them
        return None


def _glossary(path: str | None, project, required: bool):
    from pipeline.core.errors import TamizdatError
    from pipeline.glossary import load_glossary

    if path:
        return load_glossary(path)
    found = project.glossary() if project is not None else None
    if found is not None:
        return found
    if required:
        raise TamizdatError("no glossary: pass --glossary FILE or run inside a project with one")
    return None


def _catalogs(args, project) -> list[tuple[Path, str | None]]:
    """(path, language from the folder layout) for every catalogue to check."""
    from pipeline.core.errors import TamizdatError

    out: list[tuple[Path, str | None]] = []
    if not args.catalogs:
        if project is None:
            raise TamizdatError("no PO files given and not inside a Tamizdat project")
        cwd = Path.cwd()
        for lang in [args.lang] if args.lang else project.settings.languages:
            for po in sorted((project.locales_dir / lang).glob("*.po")):
                # Paths as the user would type them, so editors can jump to file:line.
                out.append((po.relative_to(cwd) if po.is_relative_to(cwd) else po, lang))
        return out
    for name in args.catalogs:
        p = Path(name)
        if p.is_dir():
            out += [(f, None) for f in sorted(p.rglob("*.po"))]
        else:
            out.append((p, None))
    return out


def run_check(args) -> int:
    import json

    from pipeline.core import languages
    from pipeline.core.errors import TamizdatError
    from pipeline.jobs.check import check_files

    try:
        if args.lang:
            languages.validate(args.lang)
    except TamizdatError as exc:
        print(f"tamizdat check: error: --lang: {exc}", file=sys.stderr)
        return 2
    project = _project()
    if not args.catalogs and project is None:
        print("tamizdat check: error: no PO files given and not inside a Tamizdat project", file=sys.stderr)
        return 2
    glossary = None if args.no_glossary else _glossary(args.glossary, project, required=False)
    files = _catalogs(args, project)
    jobs = args.jobs or (None if len(files) >= 200 else 1)
    findings, checked = check_files(files, glossary, args.lang, jobs=jobs,
                                    settings=project.settings.checks if project is not None else None)
    errors = sum(1 for f in findings if f.severity == "error")
    if args.format == "json":
        sys.stdout.write(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(findings)
    if not args.quiet:
        warnings = len(findings) - errors
        note = "" if glossary is not None else " (no glossary)"
        print(f"check: {checked} catalogue(s), {errors} error(s), {warnings} warning(s){note}", file=sys.stderr)
        if glossary is not None:
            from pipeline.glossary.wordnet import missing_note

            missing = missing_note()  # (the check works without it, less well: say so)
            if missing:
                print(f"check: {missing}", file=sys.stderr)
    return 1 if errors else 0


def _print_text(findings) -> None:
    """The findings, a block per file, written as each block is made: joining all of them first held the report
    three times over at once (the lines, their join, the join with its newline): on 2,000 catalogues 30,000
    findings, the run's peak memory."""
    lines: list[str] = []
    current = None
    for f in findings:
        if f.file != current:
            if current is not None:
                sys.stdout.write("\n".join(lines) + "\n")
                lines = [""]
            lines.append(f.file)
            current = f.file
        fuzzy = " (fuzzy)" if f.fuzzy else ""
        term = f" [{f.term}]" if f.term else ""
        accept = f" [accept: # {f.accept}]" if f.accept else ""
        lines.append(f"  {f.file}:{f.line}: {f.severity}: {f.check}{term}: {f.message}{accept}{fuzzy}")
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


def run_lint(args) -> int:
    from pipeline.core.errors import TamizdatError, one_line
    from pipeline.glossary.lint import stale_reviews, unconditioned_everyday
    from pipeline.glossary.wordnet import missing_note

    project = _project()
    try:
        glossary = _glossary(args.glossary, project, required=True)
    except TamizdatError as exc:  # (exit 2 like a missing WordNet: 1 would read as "variants reported")
        print(f"tamizdat: error: {one_line(exc)}", file=sys.stderr)
        return 2
    where = args.glossary or (project.glossary_path if project is not None else "glossary")
    missing = missing_note()
    if missing:  # without WordNet nothing can be judged: a clean exit would read as a clean glossary
        print(f"tamizdat: error: {where}: glossary lint cannot judge it: {missing.removeprefix('note: ')}",
              file=sys.stderr)
        return 2
    found = unconditioned_everyday(glossary)
    findings = [f for f in found if not f.reviewed]
    reviewed = [f for f in found if f.reviewed]
    stale = stale_reviews(glossary)
    shown = [(f.line, "warning", str(f)) for f in findings] + [(s.line, "warning", str(s)) for s in stale]
    shown = sorted(shown + [(f.line, "note", str(f)) for f in reviewed if args.all], key=lambda x: x[0])
    for line, severity, text in shown:  # (sorted is stable: a concept's variants stay in the glossary's order)
        print(f"{where}:{line}: {severity}: {text}")
    if not args.quiet:
        print(f"glossary lint: {len(findings)} everyday variant(s) without a sense condition, {len(reviewed)} "
              f"reviewed{'' if args.all or not reviewed else ' (--all lists them)'}"
              + (f", {len(stale)} stale reviewed marker(s)" if stale else ""), file=sys.stderr)
    return 1 if findings or stale else 0


def run_export(args) -> int:
    from pipeline.core import languages
    from pipeline.core.fileio import atomic_write

    fmt = args.format or _format_of(args.output) or "tbx"
    if fmt in PER_LANGUAGE and not args.lang:
        print(f"tamizdat glossary export: error: --format {fmt} needs --lang "
              "(a Weblate or OmegaT glossary holds one target language)", file=sys.stderr)
        return 2
    if args.lang:
        languages.validate(args.lang)
    glossary = _glossary(args.glossary, _project(), required=True)
    if fmt == "tbx":
        from pipeline.glossary.tbx import dumps

        text = dumps(glossary)
    elif fmt == "toml":
        from pipeline.glossary.toml_format import dumps

        text = dumps(glossary)
    elif fmt == "weblate":
        from pipeline.glossary import weblate

        text = weblate.dumps(glossary, args.lang)
    else:
        from pipeline.glossary import tabular

        text = (tabular.dumps_csv if fmt == "csv" else tabular.dumps_tsv)(glossary, args.lang)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _format_of(path: str | None) -> str | None:
    """The export format a file name asks for (.tbx, .csv, .tsv/.tab/.txt = OmegaT's tab-separated, .toml)."""
    if not path:
        return None
    ext = Path(path).suffix.lower()
    return {".tbx": "tbx", ".csv": "csv", ".tsv": "tsv", ".tab": "omegat", ".txt": "omegat", ".utf8": "omegat",
            ".toml": "toml"}.get(ext)


def run_import(args) -> int:
    from pipeline.core.errors import TamizdatError
    from pipeline.core.fileio import atomic_write
    from pipeline.glossary import load_glossary
    from pipeline.glossary.toml_format import dumps

    fmt = args.format or _format_of(args.source)
    if fmt in ("csv", "tsv", "omegat"):
        from pipeline.core import languages
        from pipeline.core.fileio import read_bytes
        from pipeline.glossary import tabular

        if not args.lang:
            print(f"tamizdat glossary import: error: {fmt} rows need --lang (their target language)", file=sys.stderr)
            return 2
        languages.validate(args.lang)
        project = _project()
        source = project.settings.source_language if project is not None else "en"
        data = read_bytes(args.source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TamizdatError("glossary is not valid UTF-8", args.source, data[: exc.start].count(b"\n") + 1) from None
        glossary = tabular.parse(text, args.source, args.lang, source, "," if fmt == "csv" else "\t")
    elif fmt == "tbx":
        from pipeline.core.fileio import read_bytes
        from pipeline.glossary.tbx import parse_tbx

        glossary = parse_tbx(read_bytes(args.source), args.source)
    else:
        glossary = load_glossary(args.source)
    out = args.output
    if not out:
        project = _project()
        if project is None:
            raise TamizdatError("not inside a Tamizdat project: pass -o FILE.toml")
        out = project.glossary_path
    for warning in glossary.warnings:
        print(f"{warning} (warning)", file=sys.stderr)
    if Path(out).exists() and not args.force:
        raise TamizdatError("already exists; pass --force to replace it (its comments will be lost)", str(out))
    atomic_write(out, dumps(glossary))
    if not args.quiet:
        print(f"glossary import: {len(glossary.concepts)} concepts written to {out}", file=sys.stderr)
    return 0
