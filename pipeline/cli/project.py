"""Project-level commands: ``build``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="extract, update catalogues and publish the site into site/",
                       description="Extract every article, bring every catalogue up to date and publish "
                                   "the multilingual site into site/.")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_build)


def run_build(args) -> int:
    from pipeline.build import build
    from pipeline.project import Project

    report = build(Project.find(args.project))
    for f in report.findings:
        print(f"{f.file}:{f.line}: {f.severity}: {f.message}", file=sys.stderr)
    if not args.quiet:
        for path in report.written:
            print(f"wrote {path}", file=sys.stderr)
        print(f"build: {len(report.written)} written, {report.unchanged} unchanged", file=sys.stderr)
    return 1 if any(f.severity == "error" for f in report.findings) else 0
