"""Site commands: ``import`` (CMS page → article), ``review`` (editors' report), ``serve`` (preview)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# How long a second import waits for a run holding the project's lock before giving up.
LOCK_WAIT = 600.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="turn a page saved from a CMS into a clean article in articles/",
        description="Keep only the article of a saved CMS page (title, body, links, images, date, author, "
                    "source URL, language) and write it as articles/<slug>.html.",
    )
    p.add_argument("page", metavar="PAGE.html", help="the saved page")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: articles/<slug>.html)")
    p.add_argument("--selector", metavar="CSS", help="CSS selector of the article body, overriding detection")
    p.add_argument("--slug", help="file name of the article (default: from the transliterated title)")
    p.add_argument("--lang", help="language of the page, when it does not say")
    p.add_argument("--date", help="publication date YYYY-MM-DD, when the page does not say")
    p.add_argument("--force", action="store_true", help="overwrite an existing article")
    p.add_argument("--fetch-media", action="store_true",
                   help="download images the saved page has no copy of (http/https only; otherwise they are "
                        "taken from the NAME_files/ folder a browser saves beside the page)")
    p.add_argument("--max-media-size", type=float, default=20, metavar="MB",
                   help="largest image --fetch-media downloads (default: 20 MB)")
    p.add_argument("--media-timeout", type=float, default=20, metavar="SECONDS",
                   help="give up on an image download after this long without data (default: 20)")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_import)

    p = sub.add_parser(
        "review", help="write a static HTML review report for editors (source and translation side by side)",
        description="For each article: source and translation side by side, check findings on their "
                    "segments, glossary terms with their notes, and the catalogue's statistics.",
    )
    p.add_argument("--lang", action="append", help="language to review (repeatable; default: all)")
    p.add_argument("-o", "--output", metavar="DIR", help="folder for the report (default: review/)")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_review)

    p = sub.add_parser(
        "bundle", help="write the published site (or one language) as one zip to pass around offline",
        description="Pack site/ as it was last built into a zip whose unpacked folder works from file:// "
                    "(every link is relative, nothing is loaded from another host). Run `build` first.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip", help="the archive to write")
    p.add_argument("--lang", help="only this language's pages (with the stylesheet and their images)")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_bundle)

    p = sub.add_parser("serve", help="preview the site on localhost, rebuilding on change",
                       description="Build the site, serve site/ on http://127.0.0.1:PORT/ and rebuild "
                                   "whenever an article, catalogue, the glossary or the settings change.")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--bind", default="127.0.0.1", help="address to listen on (default: localhost only)")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between change checks")
    p.add_argument("-C", "--project", default=".", metavar="DIR", help="project folder (default: here)")
    p.set_defaults(handler=run_serve)


def _say(args, line: str) -> None:
    if not getattr(args, "quiet", False):
        print(line, file=sys.stderr)


def run_import(args) -> int:
    from pipeline.core.errors import TamizdatError
    from pipeline.core.fileio import read_bytes, write_many_if_changed
    from pipeline.core.lock import project_lock
    from pipeline.ingest import import_page, render_document, slugify, summary
    from pipeline.project import Project

    project = Project.find(args.project)
    data = read_bytes(args.page)
    slug = args.slug
    out: Path | None = None
    if args.output:
        out = Path(args.output)
        if not out.is_absolute():
            out = Path.cwd() / out
        out = out.resolve()
        root = project.root.resolve()
        if root not in out.parents:
            raise TamizdatError("the output must stay inside the project", args.output)
        # Any file name will do: the article's slug is made from it, as from a title.
        stem = out.stem if out.suffix.lower() in (".html", ".htm", ".xhtml") else out.name
        wanted = slugify(stem)
        if not wanted:
            raise TamizdatError("cannot make a file name from this one; use letters or digits", args.output)
        if out.name != f"{wanted}.html":
            out = out.with_name(f"{wanted}.html")
            print(f"{args.output}: warning: writing {out.name} instead (article file names are lower-case "
                  "letters, digits and '-')", file=sys.stderr)
        slug = slug or wanted
    if args.lang:
        from pipeline.core import languages

        try:
            languages.validate(args.lang)
        except TamizdatError as exc:
            raise TamizdatError(f"--lang: {exc.message}") from None
    imp = import_page(data, path=args.page, selector=args.selector, lang=args.lang, slug=slug, date=args.date)
    if out is None:
        out = project.article_path(imp.article.slug)
    shown = out.relative_to(project.root.resolve()) if out.is_relative_to(project.root.resolve()) else out
    if out.exists() and not args.force:
        raise TamizdatError("already exists; pass --force to overwrite it", str(shown))
    media_files = _import_media(args, project, imp, out)
    for warning in imp.warnings:
        print(f"{args.page}: warning: {warning}", file=sys.stderr)
    if imp.article.lang != project.settings.source_language:
        print(f"{args.page}: warning: the page is in {imp.article.lang!r}, the project's source language is "
              f"{project.settings.source_language!r}", file=sys.stderr)
    # Two imports at once into one project: the second waits its turn.
    with project_lock(project.root, wait=LOCK_WAIT, say=lambda line: print(line, file=sys.stderr)):
        if out.exists() and not args.force:
            raise TamizdatError("already exists; pass --force to overwrite it", str(shown))
        write_many_if_changed([*media_files, (out, render_document(imp))])
    for line in summary(imp):
        _say(args, line)
    a = imp.article
    _say(args, f"title: {a.title}")
    _say(args, f"date: {a.date}; author: {a.author or '(none)'}; language: {a.lang}; "
               f"source: {a.source_url or '(none)'}")
    _say(args, f"wrote {shown}")
    return 0


def _import_media(args, project, imp, out: Path) -> list[tuple[Path, bytes]]:
    """The article's images, from NAME_files/ or downloaded, stripped of metadata; the article is
    pointed at them (issue 19). Returns the files to write with the article."""
    from pipeline import media

    if args.max_media_size <= 0 or args.media_timeout <= 0:
        from pipeline.core.errors import TamizdatError

        raise TamizdatError("--max-media-size and --media-timeout must be positive")
    folder = project.media_dir / imp.article.slug
    imp.blocks, got = media.localize(
        imp.blocks, imp.media_refs, page=Path(args.page), prefix=media.relative_prefix(out, folder),
        fetch_media=args.fetch_media, max_bytes=int(args.max_media_size * 1024 * 1024), timeout=args.media_timeout)
    # A saved page's own NAME_files/ address is no longer "kept as is": it now points at our copy.
    imp.warnings = [w for w in imp.warnings if not any(w.startswith(f"relative address {src} ") for src in got.replaced)]
    imp.warnings += got.warnings
    if got.files:
        _say(args, f"images: {len(got.files)} kept in {folder.relative_to(project.root).as_posix()}/, "
                   "metadata removed")
    return [(folder / name, data) for name, data in got.files.items()]


def run_review(args) -> int:
    from pipeline.project import Project
    from pipeline.jobs.review import write_review

    project = Project.find(args.project)
    out = Path(args.output) if args.output else project.review_dir
    written = write_review(project, out, args.lang)
    for path in written:
        _say(args, f"wrote {_shown(path)}")
    return 0


def run_bundle(args) -> int:
    from pipeline.project import Project
    from pipeline.jobs.bundle import write_bundle

    project = Project.find(args.project)
    count = write_bundle(project, Path(args.output), args.lang)
    _say(args, f"wrote {args.output} ({count} files)")
    return 0


def _shown(path: str) -> str:
    """A path as the other commands print it: relative to here when it lies below."""
    p = Path(path).resolve()
    return str(p.relative_to(Path.cwd())) if p.is_relative_to(Path.cwd()) else path


def run_serve(args) -> int:
    from pipeline.project import Project
    from pipeline.jobs.serve import serve

    project = Project.find(args.project)
    return serve(project, args.bind, args.port, args.interval, say=lambda line: _say(args, line))
