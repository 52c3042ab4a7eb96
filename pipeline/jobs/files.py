"""File-level jobs behind ``tamizdat extract`` and ``tamizdat render``: the edge where stages meet files.

Both take a single file or a whole directory tree (``X.html`` ↔ ``X.pot`` /
``X.po`` at the same relative path), in one process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING


from pipeline.catalog.model import Catalog
from pipeline.core import languages
from pipeline.segment.article import article_info
from pipeline.catalog import pofile
from pipeline.catalog.extract import keep_creation_date, now_stamp, segments_of, template_of
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import read_bytes, write_if_changed, write_many_if_changed
from pipeline.model import Finding
from pipeline.core.parallel import pmap
# (``tamizdat check``'s jobs live apart, so that a check imports no extractor, segmenter or renderer)
from pipeline.jobs.check import load_po
from pipeline.render import render, translations_from_catalog

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.model import Glossary


@dataclass
class TreeReport:
    """What extract or render of loose files or a tree did (paths as given); a project's runs use model.Report."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    translated: int = 0
    fallback: int = 0


def html_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if p.is_file())


def extract_one(src: Path, ref: str, *, glossary=None, sentences: bool = False) -> Catalog:
    """The template of one HTML document; ``ref`` is the name used in ``#:`` references."""
    root, seg = segments_of(read_bytes(src), str(src))
    info = article_info(root, src.stem, str(src))
    return template_of(seg, ref=ref, project_id=src.stem, source_lang=info.lang, title=info.title or None,
                       glossary=glossary, sentences=sentences)


def template_bytes(out: Path, po: Catalog) -> bytes | None:
    """The bytes to write for a template, or None when only its creation date would change."""
    old_bytes: bytes | None
    try:
        old_bytes = out.read_bytes()
        old = pofile.parse(old_bytes, str(out))
    except (OSError, TamizdatError):
        old_bytes, old = None, None  # a missing or broken old template is simply replaced
    keep_creation_date(po, old)
    if old_bytes is not None and pofile.unchanged(old_bytes, po):
        return None
    if old is not None:
        po.metadata["POT-Creation-Date"] = now_stamp()
    return pofile.encode(po)


def save_template(out: Path, po: Catalog) -> bool:
    """Write a template unless only its creation date would change; a changed one gets today's date."""
    data = template_bytes(out, po)
    return data is not None and write_if_changed(out, data)


def extract(src: str, out: str, *, glossary=None, sentences: bool = False) -> TreeReport:
    report = TreeReport()
    src_path, out_path = Path(src), Path(out)
    if src_path.is_dir():
        files = html_files(src_path)
        if not files:
            raise TamizdatError("no .html files found", src)
        root = _reference_base(src_path)
        tasks = [(f, f.resolve().relative_to(root).as_posix() if root else f.relative_to(src_path).as_posix(),
                  out_path / f.relative_to(src_path).with_suffix(".pot")) for f in files]
        batch = []
        for target, data in pmap(_extract_task, tasks, context=_ExtractContext(glossary, sentences)):
            if data is None:
                report.unchanged.append(str(target))
            else:
                batch.append((target, data))
        _write_batch(batch, report)
        return report
    if not src_path.exists():
        raise TamizdatError("no such file", src)
    root = _reference_base(src_path)
    ref = src_path.resolve().relative_to(root).as_posix() if root else src_path.as_posix()
    po = extract_one(src_path, ref, glossary=glossary, sentences=sentences)
    (report.written if save_template(out_path, po) else report.unchanged).append(str(out_path))
    return report


def _reference_base(src: Path) -> Path | None:
    """The project root when ``src`` lies inside a project: ``#:`` references are then relative to it
    (``articles/x.html:5``), exactly as ``build`` and ``update`` write them, so whichever command made a
    template, the next one rewrites no catalogue."""
    from pipeline.project import Project

    project = Project.containing(src)
    return project.root.resolve() if project is not None else None


@dataclass(frozen=True)
class _ExtractContext:
    """What every extraction needs (forked workers inherit it, see :func:`~pipeline.core.parallel.pimap`)."""

    glossary: Glossary | None
    sentences: bool


def _extract_task(ctx: _ExtractContext, task: tuple[Path, str, Path]) -> tuple[Path, bytes | None]:
    src, ref, target = task
    return target, template_bytes(target, extract_one(src, ref, glossary=ctx.glossary, sentences=ctx.sentences))


def _render_task(task: tuple[Path, Path, Path, str | None, bool]):
    src, po_file, target, lang, strict = task
    result = render_one(src, load_po(po_file), str(po_file), lang=lang, strict=strict)
    return target, result.html, result.findings, result.translated, result.fallback


def catalog_language(po: Catalog, po_path: str, override: str | None) -> str:
    lang = override or po.metadata.get("Language", "").strip()
    if not lang:
        raise TamizdatError("the catalogue has no Language header (give --lang)", po_path)
    return languages.validate(lang, po_path)


def render_one(src: Path, po: Catalog, po_path: str, *, lang: str | None = None, strict: bool = False):
    """Render one document with one catalogue. Raises when the catalogue obviously belongs elsewhere."""
    root, seg = segments_of(read_bytes(src), str(src))
    target = catalog_language(po, po_path, lang)
    info = article_info(root, src.stem, str(src))
    source = info.lang
    translations = translations_from_catalog(po)
    live = {e.msgid for e in po if not e.obsolete and e.msgid}
    # Either segmentation counts (a catalogue may hold the document by paragraph or by sentence); the
    # sentences are split only for a catalogue that matches no whole block, not on every render.
    if live and live.isdisjoint(u.msgid for u in seg.units) and live.isdisjoint(
            s.text for s in seg.segments(sentences=True)):
        raise TamizdatError(f"this catalogue was made for another document: none of its {len(live)} entries "
                            f"occurs in {src}", po_path)
    return render(seg, translations, source_lang=source, target_lang=target, po_path=po_path, strict=strict)


def render_files(src: str, po_src: str, out: str, *, lang: str | None = None, strict: bool = False) -> TreeReport:
    report = TreeReport()
    src_path, po_path, out_path = Path(src), Path(po_src), Path(out)
    if src_path.is_dir():
        if not po_path.is_dir():
            raise TamizdatError("with a directory of articles, give a directory of catalogues", po_src)
        jobs = []
        for f in html_files(src_path):
            rel = f.relative_to(src_path)
            po_file = po_path / rel.with_suffix(".po")
            if po_file.is_file():
                jobs.append((f, po_file, out_path / rel))
            else:
                report.findings.append(Finding(str(po_file), 0, "", "missing-catalogue", "warning",
                                               f"no catalogue for {f}; not rendered"))
    else:
        if not src_path.exists():
            raise TamizdatError("no such file", src)
        jobs = [(src_path, po_path, out_path)]
    outputs = []
    for target, html, findings, translated, fallback in pmap(
            _render_task, [(f, po_file, target, lang, strict) for f, po_file, target in jobs]):
        report.findings.extend(findings)
        report.translated += translated
        report.fallback += fallback
        outputs.append((target, html))
    if strict and any(f.severity == "error" for f in report.findings):
        return report  # nothing written: the output would be wrong
    _write_batch(outputs, report)
    return report


def _write_batch(items: list[tuple[Path, bytes | str]], report: TreeReport) -> None:
    # One filesystem sync for a whole tree instead of two fsyncs per file.
    for (target, _), written in zip(items, write_many_if_changed(items)):
        (report.written if written else report.unchanged).append(str(target))
