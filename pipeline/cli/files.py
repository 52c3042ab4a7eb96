"""File-level commands that need no project: ``extract`` and ``render``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="HTML article(s) -> POT template(s)",
                       description="Extract translatable text from ARTICLE.html into OUT.pot, or from every X.html "
                                   "under a directory into OUTDIR/X.pot.")
    p.add_argument("source", metavar="ARTICLE.html|DIR")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pot|OUTDIR")
    p.add_argument("--glossary", metavar="FILE", help="add glossary notes (TOML or TBX) as #. comments "
                                                      "(default: inside a project, the project's glossary)")
    p.add_argument("--segmentation", choices=("paragraph", "sentence"),
                   help="one entry per block (default) or per sentence; inside a project, its setting")
    p.set_defaults(handler=run_extract)

    p = sub.add_parser("render", help="HTML article(s) + PO catalogue(s) -> translated HTML",
                       description="Render ARTICLE.html with TRANSLATION.po into OUT.html, or every X.html under DIR "
                                   "with PODIR/X.po into OUTDIR/X.html.")
    p.add_argument("source", metavar="ARTICLE.html|DIR")
    p.add_argument("catalog", metavar="TRANSLATION.po|PODIR")
    p.add_argument("-o", "--output", required=True, metavar="OUT.html|OUTDIR")
    p.add_argument("--lang", help="target language when the catalogue has no Language header")
    p.add_argument("--strict", action="store_true", help="a translation that breaks placeholders is an error")
    p.set_defaults(handler=run_render)


def _print_findings(findings) -> None:
    for f in findings:
        where = f"{f.file}:{f.line}" if f.line else f.file
        print(f"{where}: {f.severity}: {f.message}", file=sys.stderr)


def run_extract(args) -> int:
    from pipeline.jobs import files as filejobs

    glossary = None
    if args.glossary:
        from pipeline.glossary import load_glossary

        glossary = load_glossary(args.glossary)
    else:
        glossary = _project_glossary(args.source)
    segmentation = args.segmentation or _project_segmentation(args.source)
    report = filejobs.extract(args.source, args.output, glossary=glossary, sentences=segmentation == "sentence")
    if not args.quiet:
        print(f"extract: {len(report.written)} written, {len(report.unchanged)} unchanged", file=sys.stderr)
    return 0


def _project_glossary(source: str):
    """Inside a project, its glossary: ``extract articles -o locales`` then writes what ``build`` writes."""
    from pipeline.project import Project

    project = Project.containing(source)
    return project.glossary() if project is not None else None


def _project_segmentation(source: str) -> str:
    from pipeline.project import Project

    project = Project.containing(source)
    return project.settings.segmentation if project is not None else "paragraph"


def run_render(args) -> int:
    from pipeline.jobs import files as filejobs

    report = filejobs.render_files(args.source, args.catalog, args.output, lang=args.lang, strict=args.strict)
    _print_findings(report.findings)
    errors = [f for f in report.findings if f.severity == "error"]
    if not args.quiet:
        print(f"render: {len(report.written)} written, {len(report.unchanged)} unchanged; "
              f"{report.translated} segments translated, {report.fallback} in the source language", file=sys.stderr)
    return 1 if errors else 0
