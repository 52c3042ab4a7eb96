"""Step 3 of ``build``: every article's pages (decided by :mod:`pipeline.publish.decide`), then the indexes,
feeds and sitemap.

A page that exists in ``site/`` and would no longer be published is never
removed silently: the build reports an error and keeps it, unless
``--allow-unpublish``.

Publishing writes nothing itself: every page, snapshot, index and image it makes, and every page it
removes, goes to the :class:`~pipeline.core.fileio.Staged` its caller gives it, which puts them all in
place at once when the build ends well (and none of them when it fails).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.catalog.model import Catalog
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import Staged
from pipeline.model import Article, Finding, Report
from pipeline.core.parallel import pimap
from pipeline.project import Project
from pipeline.publish import feeds, pages, safety
from pipeline.publish.decide import Outcome, decide, snapshot_path
from pipeline.publish.mediafiles import check_media_refs, publish_media
from pipeline.publish.notes import add_reader_notes
from pipeline.publish.policy import load_policies


def publish_site(project: Project, articles: list[tuple[str, Article, bytes]],
                 catalogs: Callable[[str, str], Catalog | None],
                 glossary, report, out: Staged, allow_unpublish: bool = False, cache=None) -> None:
    """Decide and render every page, then the indexes, feeds and sitemap; their files go to ``out``.

    Articles are independent (their pages only need each other for the switcher), so the articles
    with pages to render are spread over the cores, and each holds one article's pages at a time,
    not the site's (each worker stages its pages as it makes them, and hands them to ``out``).
    With a :class:`~pipeline.jobs.buildcache.BuildCache`, a page whose inputs did not
    change is neither rendered nor written; what it said last time is replayed.
    ``glossary`` may be a callable returning the glossary, so an unchanged site never loads it.
    """
    settings = project.settings
    src = settings.source_language
    langs = [src, *settings.languages]
    policies = load_policies(project)
    root = project.root
    get_glossary = glossary if callable(glossary) else (lambda: glossary)
    job = _ArticleJob(project, langs, policies, catalogs, get_glossary, cache)
    looked_up = {slug: job.look_up(slug, data) for slug, _, data in articles}
    stale = [(*a, looked_up[a[0]]) for a in articles if None in looked_up[a[0]][1].values()]
    done: dict[str, tuple] = {}
    if stale:
        job.glossary = get_glossary()  # loaded once, before the workers fork
        failed: list[TamizdatError] = []
        for (slug, *_), (kind, value) in zip(stale, pimap(_publish_job, stale, context=job)):
            if kind == "error":
                failed.append(value)
            else:  # every worker's files are in out's charge before an error is raised: none is left behind
                done[slug], handed = value[:4], value[4]
                for staged, path in handed:
                    out.adopt(staged, path)
        if failed:
            raise failed[0]  # the first in article order
    published: set[tuple[str, str]] = set()
    by_slug: dict[str, list[str]] = {}
    listed: dict[str, list[pages.PageInfo]] = {lang: [] for lang in langs}
    for article in articles:
        slug = article[0]
        if slug in done:
            langs_here, infos, remembered, sub = done.pop(slug)
        else:
            langs_here, infos, remembered, sub, handed = job.publish(*article, looked_up.pop(slug))
            for staged, path in handed:
                out.adopt(staged, path)
        report.absorb(sub)
        by_slug[slug] = langs_here
        for info in infos:
            listed[info.lang].append(info)
            published.add((slug, info.lang))
        if cache is not None:
            for lang, entry in remembered.items():
                cache.remember_page(slug, lang, entry)

    _check_unpublished(project, langs, published, report, allow_unpublish, out)
    site = project.site_dir

    def write(path: Path, inputs: tuple, make) -> None:
        # Indexes, feeds and the sitemap are made again only when what they list changed.
        key = repr(inputs)
        rel = path.relative_to(root).as_posix()
        if cache is not None and cache.output(rel, key) and path.is_file():
            report.unchanged += 1
            return
        report.wrote(path, out.put(path, make()), root)
        if cache is not None:
            cache.remember_output(rel, key)

    available = [lang for lang in langs if listed[lang]]
    for lang in langs:
        write(site / lang / "index.html", ("index", lang, listed[lang], langs, available),
              lambda: pages.language_index(lang, listed[lang], langs, src, settings.title_for(lang), available))
        write(site / lang / feeds.FEED, ("feed", lang, listed[lang]), lambda: feeds.atom(lang, listed[lang], settings))
    write(site / "index.html", ("top", langs, listed[src]),
          lambda: pages.top_index(langs, settings.title_for(src), src, listed[src]))
    write(site / pages.STYLESHEET, ("css",), lambda: pages.CSS)
    write(site / "sitemap.xml", ("sitemap", by_slug, langs), lambda: feeds.sitemap(by_slug, langs, settings))
    publish_media(project, sorted(by_slug), report, out, cache)
    check_media_refs(project, articles, report)


def _publish_job(job: "_ArticleJob", article: tuple[str, Article, bytes, tuple]):
    """One article in a worker (which inherits ``job``: project, policies, cache, glossary). An error comes
    back as a value (with its file and line), so the other articles' staged files still reach the parent."""
    try:
        return "ok", job.publish(*article)
    except TamizdatError as exc:
        return "error", exc


class _ArticleJob:
    """Publishing one article in every language; the same in the parent and in a forked worker."""

    def __init__(self, project: Project, langs: list[str], policies, catalogs, get_glossary, cache):
        self.project, self.langs, self.policies, self.catalogs = project, langs, policies, catalogs
        self.cache, self._get_glossary, self.glossary = cache, get_glossary, None

    def get_glossary(self):
        if self.glossary is None:
            self.glossary = self._get_glossary()
        return self.glossary

    def page_key(self, slug: str, lang: str, article_key: str | None, out: Staged | None = None) -> str:
        """The page's inputs: its article, its catalogue and its snapshot (as ``out`` will leave it)."""
        from pipeline.jobs.buildcache import BuildCache, file_digest

        if lang == self.langs[0]:
            return BuildCache.page_key(article_key)
        snap = snapshot_path(self.project, lang, slug)
        return BuildCache.page_key(article_key, file_digest(self.project.po_path(lang, slug)),
                                   out.digest(snap) if out is not None else file_digest(snap))

    def remembered(self, slug: str, lang: str, key: str) -> dict | None:
        entry = self.cache.page(slug, lang, key) if self.cache is not None else None
        if entry is not None and (entry["status"] == "hidden" or self.project.page_path(lang, slug).is_file()):
            return entry
        return None

    def look_up(self, slug: str, data: bytes) -> tuple[dict[str, str], dict[str, dict | None]]:
        """Each page's key and, when its inputs did not change and its file is there, its cache entry."""
        from pipeline.jobs.buildcache import digest

        article_key = digest(data)
        keys = {lang: self.page_key(slug, lang, article_key) for lang in self.langs}
        return keys, {lang: self.remembered(slug, lang, keys[lang]) for lang in self.langs}

    def publish(self, slug: str, info: Article, data: bytes, looked_up=None):
        """Decide and render the article's pages: (languages published, their index entries, cache entries,
        what to report, the staged files to hand to the caller's :class:`Staged`). ``looked_up`` is what
        :meth:`look_up` said, if asked already."""
        out = Staged()
        try:
            return *self._publish(slug, info, data, looked_up, out), out.handover()
        except BaseException:
            out.discard()
            raise

    def _publish(self, slug: str, info: Article, data: bytes, looked_up, out: Staged):
        from pipeline.jobs.buildcache import digest

        project, langs = self.project, self.langs
        settings = project.settings
        report = Report()
        article_key = digest(data)
        fresh: dict[str, Outcome | None] = {}
        remembered: dict[str, dict] = {}
        keys, cached = looked_up or self.look_up(slug, data)
        for lang in langs:
            entry = cached[lang]
            if entry is not None:
                remembered[lang] = entry
                _replay(entry, report)
            else:
                fresh[lang], remembered[lang] = _decide_and_record(
                    project, slug, data, info, lang, self.catalogs, self.policies.get(lang), report, out,
                    self.get_glossary())
                keys[lang] = self.page_key(slug, lang, article_key, out)  # deciding may have staged a snapshot
        langs_here = [lang for lang in langs if remembered[lang]["status"] != "hidden"]
        infos = []
        for lang in langs_here:
            entry = remembered[lang]
            if lang not in fresh and entry.get("langs") != langs_here:
                # Same page, but the switcher must list another set of languages: render it again.
                fresh[lang], entry = _decide_and_record(project, slug, data, info, lang, self.catalogs,
                                                        self.policies.get(lang), _Quiet(report), out,
                                                        self.get_glossary())
                remembered[lang] = entry
            o = fresh.pop(lang, None)
            if o is not None:
                third_party: list[str] = []
                if finish_page(o, settings, langs_here, self.get_glossary(), third_party):
                    report.notes.append(f"{lang}/{slug}: a link with no text is not published "
                                        f"(`tamizdat check` shows it as empty-link)")
                _say_third_party(project, slug, lang, settings.source_language, third_party, report)
                path = project.page_path(lang, slug)
                report.wrote(path, out.put(path, pages.serialize_html(o.root)), project.root)
            else:
                report.unchanged += 1
            entry["langs"] = langs_here
            infos.append(pages.PageInfo(
                slug, lang, entry["title"] or info.title, info.date, entry["status"], round(entry["percent"]),
                description=entry.get("description") or info.description, author=info.author,
                translations=[x for x in langs_here if x != lang]))
        return langs_here, infos, {lang: {**remembered[lang], "key": keys[lang]} for lang in langs}, report


def finish_page(o: Outcome, settings, langs: list[str], glossary, third_party: list[str] | None = None) -> int:
    """A rendered article becomes a page of the site: reader notes, the notice of a partial or outdated
    translation, the byline, the site's chrome (head links, header, switcher), its own canonical URL,
    directions of left-to-right passages, no empty links, one typographic pass; last, nothing in it may make
    a reader's browser contact another host (issue 19: what that changed goes into ``third_party``).
    Returns how many empty links were dropped."""
    from pipeline.publish.bidi import isolate_ltr_passages
    from pipeline.publish.byline import add_byline, set_canonical
    from pipeline.publish.emptylinks import drop_empty_links
    from pipeline.publish.typography import typeset

    src = settings.source_language
    add_reader_notes(o.root, glossary, o.lang, src)
    if o.status in ("partial", "outdated"):
        pages.add_notice(o.root, o.lang, o.status, round(o.percent), f"../{src}/{o.slug}.html")
    add_byline(o.root, o.info, o.lang, pages.format_day(o.info.date, o.lang))
    pages.decorate_article(o.root, lang=o.lang, slug=o.slug, langs=langs, default=src,
                           site_title=settings.title_for(o.lang))
    pages.mark_title_language(o.root, o.lang, settings)
    set_canonical(o.root.find("head"), f"{settings.base_url}{o.lang}/{o.slug}.html")
    isolate_ltr_passages(o.root, o.lang)
    dropped = drop_empty_links(o.root)
    typeset(o.root, o.lang)
    changed = safety.harden(o.root, o.lang)
    if third_party is not None:
        third_party.extend(changed)
    return dropped


def _say_third_party(project: Project, slug: str, lang: str, src: str, changed: list[str], report) -> None:
    """What had to change to keep readers unseen, said once (for the source article), as warnings."""
    if lang == src:
        rel = project.article_path(slug).relative_to(project.root).as_posix()
        report.findings.extend(Finding(rel, 0, "", "third-party", "warning", f"{line} (keeps readers unseen)")
                               for line in changed)


class _Quiet:
    """A report that records nothing new: a page rendered again only for its switcher said it all already."""

    def __init__(self, report):
        self._report = report
        self.notes: list[str] = []
        self.findings: list[Finding] = []

    def wrote(self, path, changed, root) -> None:
        self._report.wrote(path, changed, root)


def _decide_and_record(project, slug, data, info, lang, catalogs, policy, report, out: Staged,
                       glossary=None) -> tuple[Outcome | None, dict]:
    """Decide one page and remember what it told the editor, so a cached build can say it again."""
    notes_before, findings_before = len(report.notes), len(report.findings)
    po = catalogs(slug, lang)
    o = decide(project, slug, data, info, lang, po, policy, report, out, glossary)
    entry = {
        "status": "hidden" if o is None else o.status,
        "percent": 0.0 if o is None else o.percent,
        "title": None if o is None else o.info.title,
        "description": None if o is None else o.info.description,
        "notes": report.notes[notes_before:],
        "findings": [f.as_dict() for f in report.findings[findings_before:]],
    }
    return o, entry


def _replay(entry: dict, report) -> None:
    report.notes.extend(entry.get("notes", []))
    report.findings.extend(Finding(**f) for f in entry.get("findings", []))


def _check_unpublished(project: Project, langs: list[str], outcomes: set, report, allow: bool,
                       out: Staged) -> None:
    for lang in langs:
        folder = project.site_dir / lang
        if not folder.is_dir():
            continue
        for page in sorted(folder.glob("*.html")):
            if page.name == "index.html" or (page.stem, lang) in outcomes:
                continue
            rel = page.relative_to(project.root).as_posix()
            if allow:
                out.remove(page)
                report.notes.append(f"{rel}: unpublished (removed, --allow-unpublish)")
                report.removed.append(rel)
            else:
                report.findings.append(Finding(
                    rel, 0, "", "unpublish", "error",
                    "was published and would disappear (translation below its threshold or article removed); "
                    "kept — pass --allow-unpublish to remove it"))
