"""``tamizdat build``: the whole project, from articles to the published site.

1. extract every article into ``locales/<slug>.pot``;
2. bring every ``locales/<lang>/<slug>.po`` up to date (create missing ones);
3. publish (:mod:`pipeline.publish.site`): per language, the articles its
   policy allows, indexes, Atom feeds, sitemap.

Only files whose content changed are written.
"""

from __future__ import annotations

import functools

from dataclasses import asdict, dataclass, field

from pipeline.segment.article import article_info
from pipeline.catalog.extract import segments_of, template_of
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import Staged, read_bytes
from pipeline.core.lock import project_lock
from pipeline.jobs.files import load_po, save_template
from pipeline.catalog.model import Catalog
from pipeline.model import Article, Report
from pipeline.core.parallel import pimap
from pipeline.project import Project


@dataclass
class BuildReport(Report):
    removed: list[str] = field(default_factory=list)


def read_article(project: Project, slug: str):
    """An article's metadata, bytes and segments; a missing title is an error (a missing date is not)."""
    path = project.article_path(slug)
    rel = path.relative_to(project.root).as_posix()
    data = read_bytes(path)
    root, seg = segments_of(data, rel)
    info = article_info(root, slug, rel, project.settings.source_language)
    if not info.title:
        raise TamizdatError("the article has no title (<h1> or <title>)", rel)
    # An article without a date is published all the same: indexes list it last, without a date.
    return info, data, seg


def extract_template(project: Project, slug: str, seg, info: Article, glossary) -> bool:
    """Step 1 for one article: ``locales/<slug>.pot``, written only when its content changed. True if written."""
    rel = project.article_path(slug).relative_to(project.root).as_posix()
    pot = template_of(seg, ref=rel, project_id=slug, source_lang=info.lang, title=info.title, glossary=glossary,
                      sentences=project.settings.segmentation == "sentence")
    return save_template(project.pot_path(slug), pot)


def _extract_job(context: tuple[Project, object], slug: str) -> tuple[Article, bool]:
    """Step 1 in a worker, which inherits ``(project, glossary)``: the article's metadata and whether its
    template was written. (A TamizdatError crosses back to the parent with its file and line.)"""
    project, glossary = context
    info, _, seg = read_article(project, slug)
    return info, extract_template(project, slug, seg, info, glossary)


def catalog_of(project: Project, slug: str, lang: str) -> Catalog | None:
    """An article's catalogue in ``lang``, parsed when a page of it is rendered (and let go with it)."""
    path = project.po_path(lang, slug)
    return load_po(path) if path.is_file() else None


def build(project: Project, allow_unpublish: bool = False) -> BuildReport:
    from pipeline.jobs.buildcache import BuildCache, digest, file_digest
    from pipeline.jobs.update import merge_catalogs
    from pipeline.publish.policy import load_policies
    from pipeline.publish.site import publish_site

    report = BuildReport()
    load_policies(project)  # bad publishing settings fail before anything is written
    langs = project.settings.languages
    with project_lock(project.root):
        cache = BuildCache.load(project)
        loaded: list = []

        def glossary():
            if not loaded:
                loaded.append(project.glossary())
            return loaded[0]

        infos, datas, todo = {}, {}, []
        for slug in project.slugs():
            data = datas[slug] = read_bytes(project.article_path(slug))
            known = cache.articles.get(slug)
            if (known and known["article"] == digest(data)
                    and known["pot"] == file_digest(project.pot_path(slug))
                    and all(known.get("po", {}).get(lang) == file_digest(project.po_path(lang, slug))
                            for lang in langs)):
                # Article, template and catalogues as the last build left them: nothing to merge. (A
                # catalogue edited since is merged again, as a cold build would: a translator's cut
                # must not publish a page the policy hides.)
                infos[slug] = Article(**known["info"])
                report.unchanged += 1 + len(langs)
            else:
                todo.append(slug)
        if todo:
            # Errors come in article order. No name holds the results: the pool's workers must end with the
            # loop, not live on (with their memory) through the merge and publishing.
            for slug, (info, written) in zip(todo, pimap(_extract_job, todo, context=(project, glossary()))):
                infos[slug] = info
                report.wrote(project.pot_path(slug), written, project.root)
            for r in merge_catalogs(project, langs, todo, glossary=glossary()):
                if r.written:
                    report.written.append(r.path)
                else:
                    report.unchanged += 1
        articles = [(slug, infos[slug], data) for slug, data in datas.items()]
        changed = set(todo)
        for slug, info, data in articles:
            if slug in changed:
                cache.articles[slug] = {"article": digest(data), "pot": file_digest(project.pot_path(slug)),
                                        "po": {lang: file_digest(project.po_path(lang, slug)) for lang in langs},
                                        "info": asdict(info)}
        # Every page, snapshot, index and image goes to one Staged: on disk all together once the site is
        # made, or not at all.
        with Staged() as out:
            publish_site(project, articles, functools.partial(catalog_of, project), glossary, report, out,
                         allow_unpublish, cache=cache)
        current = {slug for slug, _, _ in articles}
        cache.articles = {slug: rec for slug, rec in cache.articles.items() if slug in current}
        cache.pages = {key: rec for key, rec in cache.pages.items() if key.split("/", 1)[1] in current}
        cache.save()
    return report
