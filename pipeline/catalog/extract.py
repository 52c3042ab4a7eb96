"""Segments → POT: one entry per distinct text, with references and comments for translators."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable

from pipeline.catalog.model import Catalog, Message
from pipeline.segment.htmltext import parse_html
from pipeline.segment import segment
from pipeline.model import Segment


def pot_header(project_id: str, source_lang: str, creation_date: str) -> dict[str, str]:
    """The header xgettext writes, so msginit, msgmerge and Poedit treat our POTs as theirs."""
    return {
        "Project-Id-Version": project_id,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": creation_date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
    }


def now_stamp(now: _dt.datetime | None = None) -> str:
    """A PO date stamp (``2026-11-27 15:04+0000``); ``SOURCE_DATE_EPOCH`` pins it for reproducible builds."""
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        now = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch.isdigit()
               else _dt.datetime.now(_dt.timezone.utc))
    return now.strftime("%Y-%m-%d %H:%M%z")


def build_pot(
    documents: Iterable[tuple[str, list[Segment]]],
    *,
    project_id: str,
    source_lang: str,
    title: str | None = None,
    creation_date: str | None = None,
) -> Catalog:
    """Collect segments of one or more documents into a template.

    Identical texts become one entry with several ``#:`` references; comments
    (placeholder legends, ``translators:`` notes) are merged without repeats.
    """
    about = f"Translations of “{title}” ({project_id})." if title else f"Translations of {project_id}."
    po = Catalog(header=f"{about}\nThis file is distributed under the same license as the article.",
                 metadata=pot_header(project_id, source_lang, creation_date or now_stamp()),
                 metadata_is_fuzzy=["fuzzy"])
    by_msgid: dict[str, Message] = {}
    for ref, segments in documents:
        for seg in segments:
            entry = by_msgid.get(seg.text)
            if entry is None:
                entry = Message(seg.text, "", linenum=0)
                by_msgid[seg.text] = entry
                po.append(entry)
            occ = (ref, str(seg.line))
            if occ not in entry.occurrences:
                entry.occurrences.append(occ)
            if seg.comments:
                known = entry.comment.split("\n") if entry.comment else []
                known += [c for c in seg.comments if c not in known]
                entry.comment = "\n".join(known)
    return po


def template_of(seg, *, ref: str, project_id: str, source_lang: str, title: str | None = None,
                glossary=None, sentences: bool = False) -> Catalog:
    """The template of one segmented document, with glossary notes when a glossary is given;
    ``sentences``: one entry per sentence of each block (``segmentation = "sentence"``)."""
    po = build_pot([(ref, seg.segments(sentences))], project_id=project_id, source_lang=source_lang, title=title)
    if glossary is not None:
        from pipeline.glossary.notes import annotate

        annotate(po, glossary, None)
    return po


def segments_of(data: bytes, path: str) -> tuple:
    """Parse and segment one HTML document: ``(root, Segmented)``."""
    root = parse_html(data, path)
    return root, segment(root)


def keep_creation_date(new: Catalog, old: Catalog | None) -> None:
    """Reuse the old template's POT-Creation-Date, so re-extracting an unchanged article changes no byte.

    Callers that find the content changed after all set a fresh date (:func:`now_stamp`).
    """
    if old is not None and old.metadata.get("POT-Creation-Date"):
        new.metadata["POT-Creation-Date"] = old.metadata["POT-Creation-Date"]
