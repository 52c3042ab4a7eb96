"""Project-level commands: ``init`` and ``build``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="start a new project: settings, folders, glossary, .gitignore",
                       description="Make DIR (default: here) a Tamizdat project: [tool.tamizdat] settings in "
                                   "pyproject.toml, articles/ and locales/, a starter glossary (or the bundled "
                                   "prison-slang glossary with --bundled-glossary) and a .gitignore. "
                                   "On a terminal, asks for what the options do not give.")
    p.add_argument("dir", nargs="?", default=".", metavar="DIR")
    p.add_argument("--source-language", metavar="L", help="language of the articles (default: en)")
    p.add_argument("--languages", metavar="L1,L2", help="languages to translate into, comma-separated")
    p.add_argument("--title", metavar="TITLE", help="the site's title")
    p.add_argument("--base-url", metavar="URL", help="where the site will be published, e.g. https://example.org/")
    p.add_argument("--bundled-glossary", action="store_true",
                   help="start from Tamizdat's glossary of Russian prison slang instead of an empty one")
    p.set_defaults(handler=run_init)

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


def _ask(args, attr: str, question: str, default: str | None) -> str:
    """The option's value; on a terminal, asked for when missing; otherwise its default or an error."""
    from pipeline.core.errors import TamizdatError

    value = getattr(args, attr)
    if value:
        return value
    if sys.stdin.isatty():
        shown = f" [{default}]" if default else ""
        answer = input(f"{question}{shown}: ").strip() or default
        if answer:
            return answer
    elif default:
        return default
    raise TamizdatError(f"init needs --{attr.replace('_', '-')}: {question}")


def run_init(args) -> int:
    from pathlib import Path

    from pipeline.newproject import init_project

    root = Path(args.dir)
    source = _ask(args, "source_language", "Language of the articles", "en")
    langs = _ask(args, "languages", "Languages to translate into (comma-separated, e.g. ru,de,fr)", None)
    title = _ask(args, "title", "Site title", root.resolve().name or "Tamizdat")
    base_url = _ask(args, "base_url", "Base URL of the published site", None)
    done = init_project(root, source_language=source, langs=[c.strip() for c in langs.split(",") if c.strip()],
                        title=title, base_url=base_url, bundled_glossary=args.bundled_glossary)
    if not args.quiet:
        for rel in done.created:
            print(f"created {rel}", file=sys.stderr)
        for rel in done.kept:
            print(f"kept {rel}", file=sys.stderr)
        where = "" if args.dir == "." else f"cd {args.dir} && "
        print(f"init: a Tamizdat project in {root.resolve()}. Next: {where}tamizdat import PAGE.html, "
              f"then tamizdat update", file=sys.stderr)
    return 0


def run_build(args) -> int:
    from pipeline.jobs.build import build
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
