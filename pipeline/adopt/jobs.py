"""The file side of ``tamizdat adopt``: read the pages and the catalogue, write the result atomically."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core import languages
from pipeline.adopt import Adoption, Filled, adopt, fill
from pipeline.segment.article import article_info
from pipeline.catalog import pofile
from pipeline.catalog.merge import new_po
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import atomic_write, read_bytes
from pipeline.core.lock import project_lock
from pipeline.jobs.files import extract_one
from pipeline.segment.htmltext import parse_html
from pipeline.model import Finding


@dataclass
class AdoptReport:
    path: str
    lang: str
    filled: Filled
    adoption: Adoption
    written: bool = False
    findings: list[Finding] = field(default_factory=list)


def page_language(data: bytes, path: str) -> str | None:
    lang = article_info(parse_html(data, path), Path(path).stem, path, default_lang="").lang
    return lang or None


def adopt_files(source: Path, translation: Path, out: Path, lang: str | None, *, glossary=None) -> AdoptReport:
    """``adopt SOURCE.html TRANSLATION.html -o OUT.po``: a new catalogue from the two pages."""
    src_bytes, dst_bytes = read_bytes(source), read_bytes(translation)
    lang = lang or page_language(dst_bytes, str(translation))
    if not lang:
        raise TamizdatError("cannot tell the translation's language (no <html lang>); pass --lang", str(translation))
    languages.validate(lang)
    po = new_po(extract_one(source, source.as_posix()), lang)
    adoption = adopt(src_bytes, str(source), dst_bytes, str(translation))
    filled = fill(po, adoption)
    data = _annotated(po, glossary, lang)
    atomic_write(out, data)
    return AdoptReport(str(out), lang, filled, adoption, True, _check(data, str(out), glossary, lang))


def adopt_into_project(project, slug: str, translation: Path, lang: str, *, force: bool = False) -> AdoptReport:
    """``adopt SLUG TRANSLATION.html --lang L``: fill ``locales/L/SLUG.po`` without touching what is translated."""
    languages.validate(lang)
    if lang == project.settings.source_language:
        raise TamizdatError(f"{lang!r} is the source language of this project", str(project.root / "pyproject.toml"))
    source = project.article_path(slug)
    if not source.is_file():
        raise TamizdatError(f"no article {slug!r} in this project", str(source.relative_to(project.root)))
    out = project.po_path(lang, slug)
    rel = out.relative_to(project.root).as_posix()
    glossary = project.glossary()
    with project_lock(project.root):
        if out.is_file():
            old_bytes = read_bytes(out)
            po = pofile.parse(old_bytes, rel)
        else:
            old_bytes = None
            pot_path = project.pot_path(slug)
            pot = (pofile.parse(read_bytes(pot_path), str(pot_path)) if pot_path.is_file()
                   else extract_one(source, source.relative_to(project.root).as_posix(), glossary=glossary,
                               sentences=project.settings.segmentation == "sentence"))
            po = new_po(pot, lang)
        adoption = adopt(read_bytes(source), str(source), read_bytes(translation), str(translation))
        filled = fill(po, adoption, force=force)
        data = _annotated(po, glossary, lang)
        written = data != old_bytes
        if written:
            atomic_write(out, data)
    return AdoptReport(rel, lang, filled, adoption, written,
                       _check(data, rel, glossary, lang, project.settings.checks))


def _annotated(po, glossary, lang: str) -> bytes:
    """The catalogue's bytes, with the glossary notes ``update`` would give it (so update changes nothing)."""
    if glossary is not None:
        from pipeline.glossary.notes import annotate

        annotate(po, glossary, None)  # the template's notes: msgmerge keeps them so
    return pofile.encode(po)


def _check(data: bytes, path: str, glossary, lang: str, settings=None) -> list[Finding]:
    """The adopted catalogue goes through the same checks as any other (parsed again: findings need lines);
    ``settings``: the project's ``[tool.tamizdat.checks]``, every check at its default outside a project."""
    from pipeline.checks import DEFAULT, check_catalog

    return check_catalog(pofile.parse(data, path), path, glossary, lang, settings or DEFAULT)
