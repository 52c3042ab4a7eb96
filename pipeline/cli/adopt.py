"""``tamizdat adopt``: a translation already published as a page → a catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "adopt", help="a translation published as a page -> a catalogue of its source article",
        description="Align TRANSLATION.html with its source article and write the catalogue: "
                    "'adopt SOURCE.html TRANSLATION.html -o OUT.po', or in a project "
                    "'adopt SLUG TRANSLATION.html --lang L' (fills locales/L/SLUG.po; translated entries are "
                    "never replaced). Alignments it is not sure of are fuzzy, with a #. note saying why.")
    p.add_argument("source", metavar="SOURCE.html|SLUG")
    p.add_argument("translation", metavar="TRANSLATION.html")
    p.add_argument("-o", "--output", metavar="OUT.po", help="the catalogue to write (with SOURCE.html)")
    p.add_argument("--lang", help="the translation's language (default: its <html lang>; required with SLUG)")
    p.add_argument("--glossary", metavar="FILE", help="with SOURCE.html: glossary for notes and checks")
    p.add_argument("--force", action="store_true", help="in a project: replace fuzzy translations too")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_adopt)


def run_adopt(args) -> int:
    from pipeline.adopt.jobs import adopt_files, adopt_into_project
    from pipeline.core.errors import TamizdatError

    translation = Path(args.translation)
    if args.source.endswith((".html", ".htm")) or Path(args.source).is_file():
        if not args.output:
            raise TamizdatError("adopt SOURCE.html TRANSLATION.html needs -o OUT.po", args.source)
        glossary = None
        if args.glossary:
            from pipeline.glossary import load_glossary

            glossary = load_glossary(args.glossary)
        report = adopt_files(Path(args.source), translation, Path(args.output), args.lang, glossary=glossary)
    else:
        from pipeline.project import Project

        if not args.lang:
            raise TamizdatError("adopt SLUG TRANSLATION.html needs --lang L", args.translation)
        report = adopt_into_project(Project.find(args.project), args.source, translation, args.lang,
                                    force=args.force)
    for text in report.adoption.extra:
        short = text if len(text) <= 100 else text[:97] + "…"
        print(f"{args.translation}: warning: no source counterpart (a translator's note? it could become a "
              f"glossary reader note): {short}", file=sys.stderr)
    for f in report.findings:
        where = f"{f.file}:{f.line}" if f.line else f.file
        print(f"{where}: {f.severity}: {f.message}", file=sys.stderr)
    if not args.quiet:
        n = report.filled
        state = "written" if report.written else "unchanged"
        print(f"adopt: {report.path} {state}: {n.adopted} adopted, {n.fuzzy} fuzzy to review, {n.empty} left empty, "
              f"{n.kept} already translated", file=sys.stderr)
    return 0
