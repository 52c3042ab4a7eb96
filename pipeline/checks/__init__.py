"""``tamizdat check``: glossary and standard checks over PO catalogues.

Untranslated and obsolete entries are skipped; fuzzy ones are checked and
their findings carry ``fuzzy=True``.
"""

from __future__ import annotations


from pipeline.catalog.model import Catalog, Message
# Importing a module registers its checks; findings come in this order (standard, then glossary).
from pipeline.checks import standard  # noqa: F401
from pipeline.checks import glossary_checks  # noqa: F401
from pipeline.checks.registry import Checked, CheckSettings, Context
from pipeline.glossary.model import Glossary
from pipeline.model import Finding

DEFAULT = CheckSettings()


def check_entry(entry: Message, path: str, glossary: Glossary | None, lang: str,
                settings: CheckSettings = DEFAULT) -> list[Finding]:
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
    if not pairs:
        return []
    fuzzy = "fuzzy" in entry.flags
    line = getattr(entry, "linenum", 0) or 0
    ctx = Context(lang, glossary)
    run = settings.wanted()
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for src, dst in pairs:
        checked = Checked(src, dst, tuple(entry.flags))
        for problem in settings.apply(p for check in run for p in check(checked, ctx)):
            if (problem.check, problem.message) in seen:
                continue
            seen.add((problem.check, problem.message))
            findings.append(Finding(path, line, entry.msgid, problem.check, problem.severity, problem.message,
                                    term=problem.term, fuzzy=fuzzy))
    return findings


def check_catalog(po: Catalog, path: str, glossary: Glossary | None, lang: str,
                  settings: CheckSettings = DEFAULT) -> list[Finding]:
    """Every finding for one catalogue in language ``lang``, in file order."""
    findings: list[Finding] = []
    for entry in po:
        findings += check_entry(entry, path, glossary, lang, settings)
    return findings
