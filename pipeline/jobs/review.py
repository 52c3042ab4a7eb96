"""The editors' review report: static HTML, one page per language.

For each article: its catalogue's statistics, then every entry with source
and translation side by side, check findings on the entry they concern,
glossary terms marked (hover or read the note list under the entry).
Everything from the catalogues is escaped: a msgstr is untrusted input and
the report is opened in a browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING


from babel.core import UnknownLocaleError

from pipeline.catalog.model import Catalog
from pipeline.core.errors import TamizdatError
from pipeline.core import languages
from pipeline.model import Finding
from pipeline.project import Project
from pipeline.publish.safety import head_meta_html

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.catalog.stats import Stats
    from pipeline.checks.registry import CheckSettings

STYLESHEET = "review.css"
_PLACEHOLDER = re.compile(r"&lt;/?[a-z][a-z0-9]*/?&gt;")

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:90rem;padding:1rem;color:#222}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:start;overflow-wrap:anywhere}
.stats td,.stats th{width:auto}
table.entries{table-layout:fixed}
.entries th.line{width:6rem}
td.line{color:#666;font-size:.85em}
tr.fuzzy td.dst{background:#fff6d5}
tr.untranslated td.dst{background:#f3f3f3;color:#777;font-style:italic}
tr.has-error td.line{border-left:4px solid #c62828}
tr.has-warning td.line{border-left:4px solid #ef6c00}
mark.term{background:#e3f2fd;border-bottom:2px dotted #1565c0}
mark.forbidden{background:#ffcdd2;border-bottom:2px solid #c62828}
.ph{color:#6a1b9a;font-family:monospace;font-size:.85em}
ul.findings,ul.notes{margin:.3rem 0 0;padding-inline-start:1.2rem;font-size:.9em}
li.error{color:#b71c1c}li.warning{color:#e65100}
ul.notes{color:#0d47a1}
.bar{display:inline-block;height:.6em;background:#2e7d32;vertical-align:middle}
nav a{margin-inline-end:1rem}
"""


@dataclass
class ArticleReview:
    slug: str
    po_path: str
    stats: Stats | None
    rows: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0


def _load(path: Path) -> Catalog:
    from pipeline.catalog.pofile import parse
    from pipeline.core.fileio import read_bytes

    return parse(read_bytes(path), str(path))


def _stats(po: Catalog, slug: str, lang: str) -> Stats:
    from pipeline.catalog.stats import catalog_stats

    return catalog_stats(po, slug, lang)


def _findings(po: Catalog, path: str, glossary, lang: str, settings: CheckSettings) -> list[Finding]:
    from pipeline.checks import check_catalog

    return check_catalog(po, path, glossary, lang, settings)


def marked(text: str, glossary, lang: str, target: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """``text`` (in ``lang``) as escaped HTML with glossary hits wrapped in <mark>, and (term, note) pairs.

    Notes speak of the ``target`` language (approved translations, reader note).
    """
    target = target or lang
    hits = []
    if glossary is not None and text:
        hits = glossary.find(text, lang)
    out, notes, pos = [], [], 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < pos:
            continue
        out.append(_placeholders(escape(text[pos:hit.start])))
        concept = hit.concept
        note = _concept_note(concept, target, hit)
        cls = "forbidden" if getattr(hit, "forbidden", False) else "term"
        out.append(f'<mark class="{cls}" title="{escape(note)}">{_placeholders(escape(text[hit.start:hit.end]))}</mark>')
        notes.append((text[hit.start:hit.end], note))
        pos = hit.end
    out.append(_placeholders(escape(text[pos:])))
    return "".join(out), notes


def _concept_note(concept, lang: str, hit) -> str:
    parts = []
    if getattr(hit, "forbidden", False):
        parts.append(f"forbidden for {concept.term}" + (f": {hit.reason}" if hit.reason else ""))
    approved = concept.approved(lang) if lang else []
    if approved and not getattr(hit, "forbidden", False):
        parts.append("approved: " + ", ".join(approved))
    if concept.translator_note:
        parts.append(concept.translator_note)
    reader = concept.reader_note(lang) if callable(getattr(concept, "reader_note", None)) else ""
    if reader:
        parts.append(f"reader note: {reader}")
    return " — ".join(parts) or concept.definition or concept.term


def _placeholders(escaped: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f'<span class="ph">{m.group(0)}</span>', escaped)


def review_article(project: Project, lang: str, slug: str, glossary) -> ArticleReview | None:
    path = project.po_path(lang, slug)
    if not path.is_file():
        return None
    rel = str(path.relative_to(project.root))
    po = _load(path)
    review = ArticleReview(slug, rel, _stats(po, slug, lang))
    by_msgid: dict[str, list[Finding]] = {}
    for f in _findings(po, rel, glossary, lang, project.settings.checks):
        by_msgid.setdefault(f.msgid, []).append(f)
    src_lang = project.settings.source_language
    dir_attr = ' dir="rtl"' if _rtl(lang) else ""
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        msgstr = entry.msgstr or (entry.msgstr_plural.get(0, "") if entry.msgstr_plural else "")
        state = "untranslated" if not msgstr else "fuzzy" if "fuzzy" in entry.flags else "translated"
        findings = by_msgid.get(entry.msgid, [])
        sev = {f.severity for f in findings}
        classes = [state] + (["has-error"] if "error" in sev else ["has-warning"] if "warning" in sev else [])
        review.errors += sum(f.severity == "error" for f in findings)
        review.warnings += sum(f.severity == "warning" for f in findings)
        src_html, src_notes = marked(entry.msgid, glossary, src_lang, lang)
        dst_html, _ = marked(msgstr, glossary, lang) if msgstr else (escape("(untranslated)"), [])
        items = "".join(
            f'<li class="{escape(f.severity)}">{escape(f.severity)} [{escape(f.check)}]: {escape(f.message)}</li>'
            for f in findings
        )
        notes = "".join(f"<li><b>{escape(term)}</b>: {escape(note)}</li>" for term, note in _unique(src_notes))
        line = getattr(entry, "linenum", 0) or ""
        review.rows.append(
            f'<tr class="{" ".join(classes)}"><td class="line">line {line}'
            + (" fuzzy" if state == "fuzzy" else "")
            + f'</td><td class="src" lang="{escape(languages.html_lang(src_lang))}">{src_html}'
            + (f'<ul class="notes">{notes}</ul>' if notes else "")
            + f'</td><td class="dst" lang="{escape(languages.html_lang(lang))}"{dir_attr}>{dst_html}'
            + (f'<ul class="findings">{items}</ul>' if items else "")
            + "</td></tr>"
        )
    return review


def _unique(pairs):
    seen = set()
    for term, note in pairs:
        if note not in seen:
            seen.add(note)
            yield term, note


def _rtl(lang: str) -> bool:
    try:
        return languages.is_rtl(lang)
    except (ValueError, UnknownLocaleError):  # unknown to CLDR (a pseudo-language): left-to-right
        return False


def _stats_row(r: ArticleReview, total: bool = False) -> str:
    s = r.stats
    name = escape(r.slug) if total else f'<a href="#{escape(r.slug)}">{escape(r.slug)}</a>'
    if s is None:
        return (f'<tr><td>{name}</td><td colspan="5">(no statistics)</td>'
                f"<td>{r.errors}</td><td>{r.warnings}</td></tr>")
    pct = s.percent
    return (
        f'<tr><td>{name}</td><td>{s.translated}</td><td>{s.fuzzy}</td>'
        f"<td>{s.untranslated}</td><td>{s.words_translated}/{s.words}</td>"
        f'<td><span class="bar" style="width:{pct / 2:.0f}px"></span> {pct:.1f} %</td>'
        f"<td>{r.errors}</td><td>{r.warnings}</td></tr>"
    )


def review_page(project: Project, lang: str, glossary) -> str:
    reviews = [r for slug in project.slugs() if (r := review_article(project, lang, slug, glossary))]
    title = f"Review: {languages.native_name(lang)} ({lang}) — {project.settings.site_title}"
    head_row = ("<tr><th>article</th><th>translated</th><th>fuzzy</th><th>untranslated</th><th>words</th>"
                "<th>done</th><th>errors</th><th>warnings</th></tr>")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8">{head_meta_html()}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="{STYLESHEET}"></head><body>',
        f'<nav><a href="index.html">All languages</a></nav><h1>{escape(title)}</h1>',
    ]
    if glossary is None:
        parts.append("<p>No glossary: terms are not marked.</p>")
    if not reviews:
        parts.append(f"<p>No catalogues for {escape(lang)} yet.</p>")
    else:
        total_stats = _total(reviews)
        parts.append(f'<table class="stats"><thead>{head_row}</thead><tbody>')
        parts += [_stats_row(r) for r in reviews]
        if total_stats is not None:
            parts.append(_stats_row(total_stats, total=True))
        parts.append("</tbody></table>")
    for r in reviews:
        parts.append(f'<section id="{escape(r.slug)}"><h2>{escape(_title(project, r.slug))}</h2>'
                     f"<p>{escape(r.slug)} — {escape(r.po_path)}</p>")
        parts.append(
            '<table class="entries"><thead><tr><th class="line">PO line</th>'
            f"<th>source ({escape(project.settings.source_language)})</th><th>translation ({escape(lang)})</th>"
            f'</tr></thead><tbody>{"".join(r.rows)}</tbody></table></section>'
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _title(project: Project, slug: str) -> str:
    """The article's <h1>, for humans; the slug when the article cannot be read."""
    import lxml.html
    from lxml import etree

    from pipeline.core.fileio import read_bytes

    try:
        h1 = lxml.html.document_fromstring(read_bytes(project.article_path(slug))).find(".//h1")
    except (OSError, TamizdatError, etree.ParserError):  # a heading is a courtesy; build reports broken articles
        return slug
    return " ".join(h1.text_content().split()) if h1 is not None else slug


def _total(reviews: list[ArticleReview]) -> ArticleReview | None:
    if any(r.stats is None for r in reviews):
        return None
    from pipeline.catalog.stats import Stats

    total = Stats("(all)", reviews[0].stats.lang)  # type: ignore[union-attr]  # none is None (above)
    for r in reviews:
        total.add(r.stats)  # type: ignore[arg-type]
    out = ArticleReview("all articles", "", total, errors=sum(r.errors for r in reviews),
                        warnings=sum(r.warnings for r in reviews))
    return out


def index_page(project: Project, langs: list[str]) -> str:
    links = "".join(
        f'<li><a href="{escape(lang)}.html" hreflang="{escape(languages.html_lang(lang))}">'
        f"{escape(languages.native_name(lang))} ({escape(lang)})</a></li>"
        for lang in langs
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{head_meta_html()}'
        f'<title>Review — {escape(project.settings.site_title)}</title><link rel="stylesheet" href="{STYLESHEET}">'
        "</head><body>"
        f"<h1>Review — {escape(project.settings.site_title)}</h1><ul>{links}</ul></body></html>\n"
    )


def write_review(project: Project, out_dir: Path, langs: list[str] | None = None) -> list[str]:
    """Write ``index.html`` and ``<lang>.html`` into ``out_dir``; returns the paths written."""
    from pipeline.core.fileio import write_if_changed

    known = project.settings.languages
    langs = langs or known
    for lang in langs:
        if lang not in known:
            raise TamizdatError(f"--lang {lang!r} is not one of the project's languages ({', '.join(known)})")
    glossary = project.glossary()
    written = []
    pages = {f"{lang}.html": review_page(project, lang, glossary) for lang in langs}
    pages["index.html"] = index_page(project, langs)
    pages[STYLESHEET] = CSS.lstrip()
    for name, html in pages.items():
        path = Path(out_dir) / name
        write_if_changed(path, html)
        written.append(str(path))
    return written
