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
    p.add_argument("--allow-errors", action="store_true",
                   help="exit 0 even when translations were kept from publication by the checks "
                        "(they are still not published)")
    p.set_defaults(handler=run_build)


def run_build(args) -> int:
    from pipeline.build import build
    from pipeline.project import Project
    from pipeline.publish.gate import is_gate_finding

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
    errors = [f for f in report.findings if f.severity == "error"]
    blocked = sum(1 for f in errors if is_gate_finding(f))
    if blocked:
        print(f"build: {blocked} translation(s) not published because of errors above"
              f"{' (--allow-errors)' if args.allow_errors else '; fix them or pass --allow-errors'}", file=sys.stderr)
    if args.allow_errors:
        errors = [f for f in errors if not is_gate_finding(f)]
    return 1 if errors else 0
