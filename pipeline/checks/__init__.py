"""``tamizdat check``: glossary and standard checks over PO catalogues.

Untranslated entries are checked only for what their source says (an empty link); obsolete ones
are skipped; fuzzy ones are checked and
their findings carry ``fuzzy=True``.
"""

from __future__ import annotations

from pipeline.catalog.model import Catalog, Message
from pipeline.checks import glossary_checks, standard
from pipeline.checks.accept import GLOSSARY_CHECKS, accept_line, accepted
from pipeline.glossary.model import Glossary
from pipeline.model import Finding


def check_entry(entry: Message, path: str, glossary: Glossary | None, lang: str) -> list[Finding]:
    if entry.obsolete or not entry.msgid:
        return []
    pairs: list[tuple[str, str]] = []
    if entry.msgid_plural:
        for idx in sorted(entry.msgstr_plural):
            text = entry.msgstr_plural[idx]
            if text:
                pairs.append((entry.msgid if idx == 0 else entry.msgid_plural, text))
    elif entry.msgstr:
        pairs.append((entry.msgid, entry.msgstr))
    line = getattr(entry, "linenum", 0) or 0
    if not pairs:  # nothing to check but the source itself: an empty link is there before any translation
        return [Finding(path, line, entry.msgid, c, s, m) for c, s, m in standard.empty_links(entry.msgid, "")]
    fuzzy = "fuzzy" in entry.flags
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for src, dst in pairs:
        results: list[tuple[str, str, str, str | None]] = [
            (c, s, m, None) for c, s, m in standard.run(src, dst, lang, entry.flags)]
        if glossary is not None:
            results += glossary_checks.check(src, dst, glossary, lang)
        for check, severity, message, term in results:
            if (check, message) in seen:
                continue
            seen.add((check, message))
            findings.append(Finding(path, line, entry.msgid, check, severity, message, term=term, fuzzy=fuzzy))
    if glossary is not None and findings:
        findings = _apply_acceptances(entry, findings, glossary)
    return findings


def _apply_acceptances(entry: Message, findings: list[Finding], glossary: Glossary) -> list[Finding]:
    """Drop glossary findings the entry accepts for its current text; tell how to accept the others."""
    marks = accepted(entry)
    kept = []
    for f in findings:
        concept = glossary.concept_for_term(f.term) if f.check in GLOSSARY_CHECKS else None
        if concept is None:
            kept.append(f)
            continue
        line = accept_line(concept.id, entry)
        if concept.id in marks:
            written = marks[concept.id]
            if written == line.rsplit(" ", 1)[1]:
                continue
            f.message += (" (accepted for an earlier text, which has changed since)" if written else
                          " (accepted without the text's fingerprint)")
        f.accept = line
        kept.append(f)
    return kept


def check_catalog(po: Catalog, path: str, glossary: Glossary | None, lang: str) -> list[Finding]:
    """Every finding for one catalogue in language ``lang``, in file order."""
    from pipeline.privacy import contact_findings

    findings: list[Finding] = contact_findings(po, path)  # e-mails and phones of volunteers (issue 19)
    for entry in po:
        findings += check_entry(entry, path, glossary, lang)
    return findings
