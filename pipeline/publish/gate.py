"""The publishing gate: which translations may not reach readers.

A translation with a glossary error (a forbidden term, a name spelled wrong,
the approved term missing, a do-not-translate term translated) or broken
placeholders is never published: the page shows that entry as if it were
untranslated (the source text, marked ``lang``), the build names the entry
with its file and line, and the page is not stored as a complete
translation. Which checks block is ``[tool.tamizdat.publish] block``
(per language too); only *errors* of those checks block — a forbidden word
in a sentence that does not use its concept is a warning, since the same
word may be innocent there. The checks run as the project set them in
``[tool.tamizdat.checks]``, as for ``check``: a check switched off, or made a
warning, blocks nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.model import Finding

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.checks.registry import CheckSettings

# What blocks by default, and what may be named in ``block``.
BLOCKING = ("glossary-forbidden", "proper-name", "glossary-missing", "glossary-dnt", "placeholders")
CHECKS = (*BLOCKING, "urls")
PREFIX = "not published: "


def blocked_entries(entries, po_path: str, glossary, lang: str, block: tuple[str, ...] = BLOCKING,
                    settings: CheckSettings | None = None) -> tuple[set[str], list[Finding]]:
    """(msgids whose translation must not be published, one error per blocked entry and reason).

    ``entries`` are a catalogue's entries; only the ones the renderer would use (translated,
    not fuzzy) are checked, with the same checks as ``tamizdat check`` (and its ``settings``).
    """
    from pipeline.checks import DEFAULT, article_of, check_entry

    blocked: set[str] = set()
    findings: list[Finding] = []
    if not block:
        return blocked, findings
    entries = list(entries)
    document = article_of(entries) if glossary is not None else None  # (the check reads the article alike)
    for entry in entries:
        if entry.obsolete or not entry.msgid or not entry.msgstr or "fuzzy" in entry.flags:
            continue
        for f in check_entry(entry, po_path, glossary, lang, settings or DEFAULT, document):
            if f.severity != "error" or f.check not in block:
                continue
            blocked.add(entry.msgid)
            term = f" [{f.term}]" if f.term else ""
            findings.append(Finding(f.file, f.line, f.msgid, f.check, "error",
                                    f"{PREFIX}{f.check}{term}: {f.message} (the source text is published instead)",
                                    term=f.term))
    return blocked, findings


def is_gate_finding(finding: Finding) -> bool:
    """True for the errors this gate reported (``build --allow-errors`` lets the build succeed with them)."""
    return finding.severity == "error" and finding.message.startswith(PREFIX)
