"""``tamizdat build``: the whole project, from articles to the published site.

1. extract every article into ``locales/<slug>.pot``;
2. bring every ``locales/<lang>/<slug>.po`` up to date (create missing ones);
3. render every language into ``site/<lang>/<slug>.html`` with the site chrome,
   plus per-language and top-level indexes.

Only files whose content changed are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from pipeline.article import article_info
from pipeline.catalog import merge as merging
from pipeline.catalog.extract import build_pot, segments_of
from pipeline.errors import TamizdatError
from pipeline.fileio import project_lock, read_bytes, write_if_changed
from pipeline.filejobs import load_po, save_template, write_catalog
from pipeline.model import Article, Finding
from pipeline.project import Project
from pipeline.publish import pages
from pipeline.render import render, translations_from_catalog


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    findings: list[Finding] = field(default_factory=list)

    def wrote(self, path: Path, changed: bool, root: Path) -> None:
        if changed:
            self.written.append(str(path.relative_to(root)))
        else:
            self.unchanged += 1


def load_project_glossary(project: Project):
    """The project's glossary, or None when it has none."""
    if not project.glossary_path.is_file():
        return None
    try:
        from pipeline.glossary import load_glossary
    except ImportError:  # the glossary stage is optional for a site without one
        return None
    return load_glossary(project.glossary_path)


def read_article(project: Project, slug: str) -> tuple[Article, bytes]:
    path = project.article_path(slug)
    data = read_bytes(path)
    root, _ = segments_of(data, str(path))
    info = article_info(root, slug, str(path), project.settings.source_language)
    rel = str(path.relative_to(project.root))
    if not info.title:
        raise TamizdatError("the article has no title (<h1> or <title>)", rel)
    if not info.date:
        raise TamizdatError('the article has no date (<meta name="date" content="YYYY-MM-DD">)', rel)
    return info, data


def update_catalogs(project: Project, slug: str, data: bytes, info: Article, glossary, report: BuildReport) -> dict:
    """Steps 1 and 2 for one article; returns ``{lang: POFile}``."""
    rel = project.article_path(slug).relative_to(project.root).as_posix()
    _, seg = segments_of(data, rel)
    pot = build_pot([(rel, seg.segments())], project_id=slug, source_lang=info.lang, title=info.title)
    if glossary is not None:
        from pipeline.glossary.notes import annotate

        annotate(pot, glossary, None)
    pot_path = project.pot_path(slug)
    report.wrote(pot_path, save_template(pot_path, pot), project.root)
    catalogs = {}
    for lang in project.settings.languages:
        po_path = project.po_path(lang, slug)
        if po_path.is_file():
            po = merging.merge(load_po(po_path), pot, lang=lang)
        else:
            po = merging.new_po(pot, lang)
        if glossary is not None:
            from pipeline.glossary.notes import annotate

            annotate(po, glossary, lang)
        report.wrote(po_path, write_catalog(po_path, po), project.root)
        catalogs[lang] = po
    return catalogs


def build(project: Project) -> BuildReport:
    report = BuildReport()
    settings = project.settings
    langs = [settings.source_language, *settings.languages]
    with project_lock(project.root):
        glossary = load_project_glossary(project)
        slugs = project.slugs()
        listed: dict[str, list[pages.PageInfo]] = {lang: [] for lang in langs}
        for slug in slugs:
            info, data = read_article(project, slug)
            catalogs = update_catalogs(project, slug, data, info, glossary, report)
            for lang in langs:
                po = catalogs.get(lang)
                page = render_page(project, slug, data, info, lang, po, langs, report)
                listed[lang].append(page)
        site = project.site_dir
        for lang in langs:
            html = pages.language_index(lang, listed[lang], langs, settings.source_language, settings.site_title)
            path = site / lang / "index.html"
            report.wrote(path, write_if_changed(path, html), project.root)
        path = site / "index.html"
        report.wrote(path, write_if_changed(path, pages.top_index(langs, settings.site_title,
                                                                   settings.source_language)), project.root)
        path = site / pages.STYLESHEET
        report.wrote(path, write_if_changed(path, pages.CSS), project.root)
    return report


def render_page(project: Project, slug: str, data: bytes, info: Article, lang: str, po: polib.POFile | None,
                langs: list[str], report: BuildReport) -> pages.PageInfo:
    rel = project.article_path(slug).relative_to(project.root).as_posix()
    root, seg = segments_of(data, rel)
    translations = translations_from_catalog(po) if po is not None else {}
    po_rel = project.po_path(lang, slug).relative_to(project.root).as_posix()
    result = render(seg, translations, source_lang=info.lang, target_lang=lang, po_path=po_rel)
    report.findings.extend(result.findings)
    pages.decorate_article(result.root, lang=lang, slug=slug, langs=langs, default=project.settings.source_language,
                           site_title=project.settings.site_title)
    path = project.page_path(lang, slug)
    report.wrote(path, write_if_changed(path, result.html), project.root)
    translated_info = article_info(result.root, slug, rel, lang)
    total = result.translated + result.fallback
    done = total if po is None else result.translated
    return pages.PageInfo(slug, lang, translated_info.title or info.title, info.date, done, total)
