"""Project-level commands: ``build``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="extract, update catalogues and publish the site into site/",
                       description="Extract every article, bring every catalogue up to date and publish "
                                   "the multilingual site into site/.")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.add_argument("--allow-unpublish", action="store_true",
                   help="remove published pages that would no longer be published (otherwise: error, kept)")
    p.set_defaults(handler=run_build)


def run_build(args) -> int:
    from pipeline.build import build
    from pipeline.project import Project

    report = build(Project.find(args.project), allow_unpublish=args.allow_unpublish)
    for f in report.findings:
        where = f"{f.file}:{f.line}" if f.line else f.file
        print(f"{where}: {f.severity}: {f.message}", file=sys.stderr)
    for note in report.notes:
        print(f"publish: {note}", file=sys.stderr)
    if not args.quiet:
        for path in report.written:
            print(f"wrote {path}", file=sys.stderr)
        removed = f", {len(report.removed)} removed" if report.removed else ""
        print(f"build: {len(report.written)} written, {report.unchanged} unchanged{removed}", file=sys.stderr)
    return 1 if any(f.severity == "error" for f in report.findings) else 0
