"""``site/media/``: the articles' images as the site gets them (issue 19).

Only the images of published articles go out, each checked for metadata again
on the way (an editor may have dropped a phone photo into ``media/`` by hand),
and an article pointing at an image that is not there is reported.
"""

from __future__ import annotations

import re

from pipeline.core.fileio import Staged, read_bytes
from pipeline.model import Finding
from pipeline.project import Project

_MEDIA_SRC = re.compile(rb"""<img\b[^>]*?\bsrc\s*=\s*["']?\.\./media/([^"'\s>]+)""", re.I)


def check_media_refs(project: Project, articles, report) -> None:
    """An image the article points at in ``media/`` that is not there would be a broken picture on every
    page of it: the build says so."""
    from urllib.parse import unquote

    for slug, _, data in articles:
        for ref in dict.fromkeys(_MEDIA_SRC.findall(data)):
            name = unquote(ref.decode("utf-8", "replace"))
            if ".." in name.split("/") or not (project.media_dir / name).is_file():
                rel = project.article_path(slug).relative_to(project.root).as_posix()
                report.findings.append(Finding(rel, 0, "", "media", "warning",
                                               f"the image ../media/{name} is not in media/: readers see a "
                                               "broken picture"))


def publish_media(project: Project, slugs: list[str], report, out: Staged, cache=None) -> None:
    """``site/media/<slug>/`` of every published article (issue 19), staged in ``out``: its images, checked
    for metadata again on the way out (an editor may have dropped a phone photo into ``media/`` by hand)."""
    from pipeline import media
    from pipeline.jobs.buildcache import digest
    from pipeline.core.errors import TamizdatError

    for slug in slugs:
        folder = project.media_dir / slug
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            rel = path.relative_to(project.root).as_posix()
            target = project.site_dir / rel
            data = read_bytes(path)
            key = digest(data)
            if cache is not None and cache.output(target.relative_to(project.root).as_posix(), key) \
                    and target.is_file():
                report.unchanged += 1
                continue
            try:
                clean = media.publishable(data, rel)
            except TamizdatError as exc:
                report.findings.append(Finding(rel, 0, "", "media", "error",
                                               f"not published: its metadata cannot be removed ({exc.message})"))
                continue
            report.wrote(target, out.put(target, clean), project.root)
            if cache is not None:
                cache.remember_output(target.relative_to(project.root).as_posix(), key)
