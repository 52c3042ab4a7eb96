"""``tamizdat bundle``: the published site as one zip, to pass around by messenger when the site is blocked.

Every link between our pages is relative and every page loads only its own
files (:mod:`pipeline.publish.safety`), so the unpacked folder works opened
straight from disk (``file://``). A one-language bundle keeps that language's
pages, the stylesheet and the images of its articles; links to languages left
out are taken off the pages (a switcher entry that leads nowhere only
confuses), and a front page lists the one language.

The archive is reproducible: entries in name order with a fixed date, so the
same site gives the same bytes (easy to check a copy that went through many hands).
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath
from typing import BinaryIO

import lxml.html

from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import read_bytes
from pipeline.project import Project

_STORED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".zip", ".mp4", ".webm", ".mp3", ".ogg"}  # already compressed
_DATE = (1980, 1, 1, 0, 0, 0)


def bundle_files(project: Project, lang: str | None = None) -> dict[str, bytes]:
    """What goes into the archive: site-relative POSIX name -> bytes."""
    site = project.site_dir
    if not (site / "index.html").is_file():
        raise TamizdatError("no published site yet: run `tamizdat build` first", str(site))
    langs = [project.settings.source_language, *project.settings.languages]
    if lang is not None and lang not in langs:
        raise TamizdatError(f"--lang {lang!r} is not one of the project's languages ({', '.join(langs)})")
    files = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*"))
             if p.is_file() and not p.name.startswith(".")}
    if lang is None:
        return {name: read_bytes(path) for name, path in files.items()}
    if not (site / lang).is_dir():
        raise TamizdatError(f"nothing is published in {lang!r} yet", str(site / lang))
    slugs = {PurePosixPath(n).stem for n in files if n.startswith(f"{lang}/") and n.endswith(".html")}
    chosen = {n: p for n, p in files.items()
              if n.startswith(f"{lang}/") or "/" not in n and not n.endswith((".html", ".xml"))
              or n.startswith("media/") and n.split("/")[1] in slugs}
    out = {name: read_bytes(path) for name, path in chosen.items()}
    out["index.html"] = _front_page(project, lang)
    for name in [n for n in out if n.endswith(".html")]:
        out[name] = _without_missing_links(out[name], name, set(out))
    return out


def _front_page(project: Project, lang: str) -> bytes:
    from pipeline.publish import pages

    return pages.top_index([lang], project.settings.title_for(lang), lang).encode("utf-8")


def _without_missing_links(data: bytes, name: str, present: set[str]) -> bytes:
    """Links to pages left out of a one-language bundle go: switcher entries and alternates are dropped,
    a link in running text keeps its words."""
    from pipeline.segment.htmltext import remove_keep_tail, serialize_html
    from pipeline.publish.safety import is_external

    root = lxml.html.document_fromstring(data)
    here = PurePosixPath(name).parent
    changed = False

    def missing(href: str | None) -> bool:
        if not href or is_external(href) or href.startswith("#"):
            return False
        target = PurePosixPath(_normpath(here / href.split("#")[0].split("?")[0]))
        return target.as_posix() not in present

    for link in root.xpath("//link[@rel='alternate']"):
        if missing(link.get("href")):
            remove_keep_tail(link)
            changed = True
    for a in root.xpath("//a[@href]"):
        if not missing(a.get("href")):
            continue
        parent = a.getparent()
        if parent.tag == "li" and parent.xpath("ancestor::nav"):
            parent.getparent().remove(parent)  # a language switcher entry
        elif "translations" in (parent.get("class") or "").split():
            remove_keep_tail(a)  # "also in: …" on an index
            if parent.find("a") is None:
                remove_keep_tail(parent)
        else:
            a.drop_tag()  # running text keeps its words
        changed = True
    return serialize_html(root).encode("utf-8") if changed else data


def _normpath(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def write_zip(files: dict[str, bytes], top: str, fh: BinaryIO) -> None:
    """The archive of ``files`` into ``fh`` (the caller's file, see :mod:`pipeline.jobs.bundle`). The files
    sit in one folder ``top`` named after the archive, so unpacking it never scatters them."""
    with zipfile.ZipFile(fh, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=_DATE)
            info.compress_type = zipfile.ZIP_STORED if PurePosixPath(name).suffix.lower() in _STORED \
                else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
