"""Step 3 of ``build``: what each language publishes of an article, decided per page.

Decision per article and language (policy from :mod:`pipeline.publish.policy`):

* catalogue complete → publish it, and keep a snapshot of the rendered
  translation in ``.tamizdat/published/<lang>/<slug>.html`` (commit it);
* not complete but a snapshot exists (the source changed, entries went fuzzy)
  → keep publishing the snapshot, marked outdated (GNUN's grace period);
* at or above the threshold → publish with fallback passages marked ``lang``
  and a visible notice;
* below it → the "partial" policy publishes like the previous case, "hide" does not.

Before rendering, :mod:`pipeline.publish.gate` takes out the translations
that must not be published (glossary errors, broken placeholders): they show
the source text, the build names them, and the page is not "complete".
The snapshot goes to the :class:`~pipeline.core.fileio.Staged` the caller gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.catalog.model import Catalog
from pipeline.core.fileio import Staged, read_bytes
from pipeline.model import Article
from pipeline.project import Project
from pipeline.publish.gate import BLOCKING
from pipeline.segment.htmltext import parse_html


@dataclass
class Outcome:
    slug: str
    lang: str
    status: str  # "source" | "complete" | "partial" | "outdated"
    percent: float
    root: etree._Element
    info: Article


def snapshot_path(project: Project, lang: str, slug: str) -> Path:
    return project.published_dir / lang / f"{slug}.html"


def _percent(po: Catalog | None, slug: str, lang: str) -> tuple[float, bool]:
    """(% of source words translated, complete) — fuzzy entries count as not translated."""
    from pipeline.catalog.stats import catalog_stats

    if po is None:
        return 0.0, False
    s = catalog_stats(po, slug, lang)
    return s.percent, s.fuzzy == 0 and s.untranslated == 0


def _usable(project: Project, slug: str, lang: str, po, policy, glossary, report) -> tuple[dict, int]:
    """The catalogue's translations the gate lets through, and how many entries it blocked."""
    from pipeline.publish.gate import blocked_entries
    from pipeline.render import translations_from_catalog

    if po is None:
        return {}, 0
    translations = translations_from_catalog(po)
    po_rel = project.po_path(lang, slug).relative_to(project.root).as_posix()
    blocked, findings = blocked_entries(po, po_rel, glossary, lang, policy.block if policy else BLOCKING,
                                        project.settings.checks)
    report.findings.extend(findings)
    for msgid in blocked:
        translations.pop(msgid, None)
    return translations, len(blocked)


def _render(project: Project, slug: str, data: bytes, info: Article, lang: str, translations: dict, report):
    from pipeline.catalog.extract import segments_of
    from pipeline.render import render

    rel = project.article_path(slug).relative_to(project.root).as_posix()
    _, seg = segments_of(data, rel)
    po_rel = project.po_path(lang, slug).relative_to(project.root).as_posix()
    result = render(seg, translations, source_lang=info.lang, target_lang=lang, po_path=po_rel)
    report.findings.extend(result.findings)
    return result


def decide(project: Project, slug: str, data: bytes, info: Article, lang: str, po, policy, report,
           out: Staged, glossary=None) -> Outcome | None:
    """What ``lang``'s page of the article is (None: not published); a complete translation's snapshot
    goes to ``out``."""
    from pipeline.segment.article import article_info

    rel = project.article_path(slug).relative_to(project.root).as_posix()
    if lang == project.settings.source_language:
        result = _render(project, slug, data, info, lang, {}, report)
        return Outcome(slug, lang, "source", 100.0, result.root, info)
    percent, complete = _percent(po, slug, lang)
    snap = snapshot_path(project, lang, slug)

    def render_gated():
        translations, blocked = _usable(project, slug, lang, po, policy, glossary, report)
        if blocked and policy is not None and policy.on_error == "hide":
            report.notes.append(f"{lang}/{slug}: not published ({blocked} entr{'y' if blocked == 1 else 'ies'} "
                                f"blocked by the checks, on_error = \"hide\")")
            return None
        return _render(project, slug, data, info, lang, translations, report)

    if complete:
        result = render_gated()
        if result is None:
            return None
        status = "complete" if result.fallback == 0 else "partial"
        # A translation the renderer refused or the gate blocked is not a complete one to fall back on.
        if status == "complete":
            report.wrote(snap, out.put(snap, result.html), project.root)
        return Outcome(slug, lang, status, percent, result.root, article_info(result.root, slug, rel, lang))
    if snap.is_file():
        root = parse_html(read_bytes(snap), str(snap))
        report.notes.append(f"{lang}/{slug}: catalogue at {percent:.0f} % after a source change; "
                            f"publishing the last complete translation")
        return Outcome(slug, lang, "outdated", percent, root, article_info(root, slug, rel, lang))
    if percent >= policy.threshold or policy.below_threshold == "partial":
        result = render_gated()
        if result is None:
            return None
        status = "complete" if result.fallback == 0 else "partial"
        if status == "partial":
            report.notes.append(f"{lang}/{slug}: published as a partial translation ({percent:.0f} %)")
        return Outcome(slug, lang, status, percent, result.root, article_info(result.root, slug, rel, lang))
    report.notes.append(f"{lang}/{slug}: not published ({percent:.0f} % < threshold {policy.threshold:g} %)")
    return None
