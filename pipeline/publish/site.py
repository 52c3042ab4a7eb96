"""Step 3 of ``build``: decide what each language publishes, then write pages, indexes, feeds, sitemap.

Decision per article and language (policy from :mod:`pipeline.publish.policy`):

* catalogue complete → publish it, and keep a snapshot of the rendered
  translation in ``.tamizdat/published/<lang>/<slug>.html`` (commit it);
* not complete but a snapshot exists (the source changed, entries went fuzzy)
  → keep publishing the snapshot, marked outdated (GNUN's grace period);
* at or above the threshold → publish with fallback passages marked ``lang``
  and a visible notice;
* below it → the "partial" policy publishes like the previous case, "hide" does not.

A page that exists in ``site/`` and would no longer be published is never
removed silently: the build reports an error and keeps it, unless
``--allow-unpublish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.html
import polib
from lxml import etree

from pipeline.fileio import read_bytes, write_if_changed
from pipeline.model import Article, Finding
from pipeline.project import Project
from pipeline.publish import feeds, pages
from pipeline.publish.notes import add_reader_notes
from pipeline.publish.policy import load_policies

SNAPSHOTS = Path(".tamizdat") / "published"


@dataclass
class Outcome:
    slug: str
    lang: str
    status: str  # "source" | "complete" | "partial" | "outdated"
    percent: float
    root: etree._Element
    info: Article


def snapshot_path(project: Project, lang: str, slug: str) -> Path:
    return project.root / SNAPSHOTS / lang / f"{slug}.html"


def _percent(po: polib.POFile | None, slug: str, lang: str) -> tuple[float, bool]:
    """(% of source words translated, complete) — fuzzy entries count as not translated."""
    from pipeline.catalog.stats import catalog_stats

    if po is None:
        return 0.0, False
    s = catalog_stats(po, slug, lang)
    return s.percent, s.fuzzy == 0 and s.untranslated == 0


def _render(project: Project, slug: str, data: bytes, info: Article, lang: str, po, report):
    from pipeline.catalog.extract import segments_of
    from pipeline.render import render, translations_from_catalog

    rel = project.article_path(slug).relative_to(project.root).as_posix()
    _, seg = segments_of(data, rel)
    translations = translations_from_catalog(po) if po is not None else {}
    po_rel = project.po_path(lang, slug).relative_to(project.root).as_posix()
    result = render(seg, translations, source_lang=info.lang, target_lang=lang, po_path=po_rel)
    report.findings.extend(result.findings)
    return result


def decide(project: Project, slug: str, data: bytes, info: Article, lang: str, po, policy, report) -> Outcome | None:
    from pipeline.article import article_info

    rel = project.article_path(slug).relative_to(project.root).as_posix()
    if lang == project.settings.source_language:
        result = _render(project, slug, data, info, lang, None, report)
        return Outcome(slug, lang, "source", 100.0, result.root, info)
    percent, complete = _percent(po, slug, lang)
    snap = snapshot_path(project, lang, slug)
    if complete:
        result = _render(project, slug, data, info, lang, po, report)
        status = "complete" if result.fallback == 0 else "partial"
        if status == "complete":  # a translation the renderer refused is not a complete one to fall back on
            report.wrote(snap, write_if_changed(snap, result.html), project.root)
        return Outcome(slug, lang, status, percent, result.root, article_info(result.root, slug, rel, lang))
    if snap.is_file():
        root = lxml.html.document_fromstring(read_bytes(snap))
        report.notes.append(f"{lang}/{slug}: catalogue at {percent:.0f} % after a source change; "
                            f"publishing the last complete translation")
        return Outcome(slug, lang, "outdated", percent, root, article_info(root, slug, rel, lang))
    if percent >= policy.threshold or policy.below_threshold == "partial":
        result = _render(project, slug, data, info, lang, po, report)
        status = "complete" if result.fallback == 0 else "partial"
        if status == "partial":
            report.notes.append(f"{lang}/{slug}: published as a partial translation ({percent:.0f} %)")
        return Outcome(slug, lang, status, percent, result.root, article_info(result.root, slug, rel, lang))
    report.notes.append(f"{lang}/{slug}: not published ({percent:.0f} % < threshold {policy.threshold:g} %)")
    return None


def publish_site(project: Project, articles: list[tuple[str, Article, bytes]], catalogs: dict[str, dict],
                 glossary, report, allow_unpublish: bool = False) -> None:
    settings = project.settings
    src = settings.source_language
    langs = [src, *settings.languages]
    policies = load_policies(project)
    outcomes: dict[tuple[str, str], Outcome] = {}
    for slug, info, data in articles:
        for lang in langs:
            po = catalogs.get(slug, {}).get(lang)
            o = decide(project, slug, data, info, lang, po, policies.get(lang), report)
            if o is not None:
                outcomes[(slug, lang)] = o

    site = project.site_dir
    root = project.root
    _check_unpublished(project, langs, outcomes, report, allow_unpublish)

    by_slug: dict[str, list[str]] = {}
    for slug, lang in outcomes:
        by_slug.setdefault(slug, []).append(lang)
    for slug in by_slug:
        by_slug[slug].sort(key=langs.index)

    listed: dict[str, list[pages.PageInfo]] = {lang: [] for lang in langs}
    for (slug, lang), o in outcomes.items():
        add_reader_notes(o.root, glossary, lang, src)
        if o.status in ("partial", "outdated"):
            pages.add_notice(o.root, lang, o.status, round(o.percent), f"../{src}/{slug}.html")
        pages.decorate_article(o.root, lang=lang, slug=slug, langs=by_slug[slug], default=src,
                               site_title=settings.site_title)
        path = project.page_path(lang, slug)
        report.wrote(path, write_if_changed(path, pages.serialize_html(o.root)), root)
        info = articles_info(articles, slug)
        listed[lang].append(pages.PageInfo(
            slug, lang, o.info.title or info.title, info.date, o.status, round(o.percent),
            description=o.info.description or info.description, author=info.author,
            translations=[x for x in by_slug[slug] if x != lang]))

    for lang in langs:
        html = pages.language_index(lang, listed[lang], langs, src, settings.site_title)
        path = site / lang / "index.html"
        report.wrote(path, write_if_changed(path, html), root)
        path = site / lang / feeds.FEED
        report.wrote(path, write_if_changed(path, feeds.atom(lang, listed[lang], settings)), root)
    path = site / "index.html"
    report.wrote(path, write_if_changed(path, pages.top_index(langs, settings.site_title, src)), root)
    path = site / pages.STYLESHEET
    report.wrote(path, write_if_changed(path, pages.CSS), root)
    path = site / "sitemap.xml"
    report.wrote(path, write_if_changed(path, feeds.sitemap(by_slug, langs, settings)), root)


def articles_info(articles, slug: str) -> Article:
    return next(info for s, info, _ in articles if s == slug)


def _check_unpublished(project: Project, langs: list[str], outcomes: dict, report, allow: bool) -> None:
    for lang in langs:
        folder = project.site_dir / lang
        if not folder.is_dir():
            continue
        for page in sorted(folder.glob("*.html")):
            if page.name == "index.html" or (page.stem, lang) in outcomes:
                continue
            rel = page.relative_to(project.root).as_posix()
            if allow:
                page.unlink()
                report.notes.append(f"{rel}: unpublished (removed, --allow-unpublish)")
                report.removed.append(rel)
            else:
                report.findings.append(Finding(
                    rel, 0, "", "unpublish", "error",
                    "was published and would disappear (translation below its threshold or article removed); "
                    "kept — pass --allow-unpublish to remove it"))
