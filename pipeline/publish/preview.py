"""``tamizdat pseudo``'s preview: pseudo-localised pages in ``preview/``, never in the public site.

The pseudo-languages are not in the project's ``languages``, so they appear in
no switcher, sitemap, feed or publishing record of ``site/``; ``preview/``
holds the source pages and the pseudo pages side by side, with their own
switcher and indexes, for an editor to look at layout before translators start.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline.core.fileio import write_many_if_changed
from pipeline.project import Project

PREVIEW = "preview"


def write_preview(project: Project, pseudo_langs: list[str], glossary) -> list[str]:
    """Render every article in the source language and each pseudo-language into ``preview/``;
    returns the paths written (relative to the project)."""
    from pipeline.jobs.build import read_article
    from pipeline.jobs.files import load_po
    from pipeline.model import Report
    from pipeline.publish import pages
    from pipeline.publish.site import finish_page

    out = project.root / PREVIEW
    src = project.settings.source_language
    langs = [src, *pseudo_langs]
    settings = replace(project.settings, languages=list(pseudo_langs))
    listed: dict[str, list] = {lang: [] for lang in langs}
    files: list[tuple[Path, str]] = []
    report = Report()
    for slug in project.slugs():
        info, data, _ = read_article(project, slug)
        for lang in langs:
            path = project.po_path(lang, slug)
            po = load_po(path) if lang != src and path.is_file() else None
            if lang != src and po is None:
                continue
            o = _render(project, slug, data, info, lang, po, report)
            finish_page(o, settings, langs, glossary)
            files.append((out / lang / f"{slug}.html", pages.serialize_html(o.root)))
            listed[lang].append(pages.PageInfo(slug, lang, o.info.title, info.date, o.status, round(o.percent),
                                               author=info.author))
    for lang in langs:  # each page lists where else it can be read
        for page in listed[lang]:
            page.translations = [x for x in langs if x != lang and any(q.slug == page.slug for q in listed[x])]
    for lang in langs:
        files.append((out / lang / "index.html",
                      pages.language_index(lang, listed[lang], langs, src, settings.title_for(lang),
                                           [x for x in langs if listed[x]])))
    files.append((out / "index.html", pages.top_index(langs, settings.title_for(src), src, listed[src])))
    files.append((out / pages.STYLESHEET, pages.CSS))
    changed = write_many_if_changed(files)
    return [p.relative_to(project.root).as_posix() for (p, _), c in zip(files, changed) if c]


def _render(project, slug, data, info, lang, po, report):
    from pipeline.segment.article import article_info
    from pipeline.publish.decide import Outcome, _render as render_page

    from pipeline.render import translations_from_catalog

    translations = translations_from_catalog(po) if po is not None else {}
    result = render_page(project, slug, data, info, lang, translations, report)
    status = "source" if lang == project.settings.source_language else "complete"
    rel = project.article_path(slug).relative_to(project.root).as_posix()
    return Outcome(slug, lang, status, 100.0, result.root, article_info(result.root, slug, rel, lang))
