"""``tamizdat build``: the whole project, from articles to the published site.

1. extract every article into ``locales/<slug>.pot``;
2. bring every ``locales/<lang>/<slug>.po`` up to date (create missing ones);
3. publish (:mod:`pipeline.publish.site`): per language, the articles its
   policy allows, indexes, Atom feeds, sitemap.

Only files whose content changed are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.article import article_info
from pipeline.catalog.extract import build_pot, segments_of
from pipeline.errors import TamizdatError
from pipeline.fileio import project_lock, read_bytes
from pipeline.filejobs import save_template
from pipeline.model import Article, Finding
from pipeline.project import Project


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # publishing decisions worth telling the editor
    removed: list[str] = field(default_factory=list)

    def wrote(self, path: Path, changed: bool, root: Path) -> None:
        if changed:
            self.written.append(str(path.relative_to(root)))
        else:
            self.unchanged += 1


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


def extract_template(project: Project, slug: str, data: bytes, info: Article, glossary, report: BuildReport):
    """Step 1 for one article: ``locales/<slug>.pot``, written only when its content changed."""
    rel = project.article_path(slug).relative_to(project.root).as_posix()
    _, seg = segments_of(data, rel)
    pot = build_pot([(rel, seg.segments())], project_id=slug, source_lang=info.lang, title=info.title)
    if glossary is not None:
        from pipeline.glossary.notes import annotate

        annotate(pot, glossary, None)
    pot_path = project.pot_path(slug)
    report.wrote(pot_path, save_template(pot_path, pot), project.root)
    return pot


def build(project: Project, allow_unpublish: bool = False) -> BuildReport:
    from pipeline.catalog.update import merge_catalogs
    from pipeline.publish.policy import load_policies
    from pipeline.publish.site import publish_site

    report = BuildReport()
    load_policies(project)  # bad publishing settings fail before anything is written
    with project_lock(project.root):
        glossary = project.glossary()
        articles, pots = [], {}
        for slug in project.slugs():
            info, data = read_article(project, slug)
            pots[slug] = extract_template(project, slug, data, info, glossary, report)
            articles.append((slug, info, data))
        results, catalogs = merge_catalogs(project, project.settings.languages, list(pots), glossary=glossary,
                                            pots=pots)
        for r in results:
            if r.written:
                report.written.append(r.path)
            else:
                report.unchanged += 1
        publish_site(project, articles, catalogs, glossary, report, allow_unpublish)
    return report
