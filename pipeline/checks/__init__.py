"""``tamizdat check``: glossary and standard checks over PO catalogues.

Untranslated entries are checked only for what their source says (an empty link); obsolete ones
are skipped; fuzzy ones are checked and
their findings carry ``fuzzy=True``.
"""

from __future__ import annotations

from pipeline.catalog.model import Catalog, Message
# Importing a module registers its checks; findings come in this order (standard, then glossary).
from pipeline.checks import standard
from pipeline.checks import glossary_checks  # noqa: F401
from pipeline.checks.accept import GLOSSARY_CHECKS, accept_line, accepted
from pipeline.checks.registry import Checked, CheckSettings, Context, ReadWithArticle
from pipeline.glossary.document import Document, document
from pipeline.glossary.model import Glossary
from pipeline.model import Finding

DEFAULT = CheckSettings()


def check_entry(entry: Message, path: str, glossary: Glossary | None, lang: str,
                settings: CheckSettings = DEFAULT, document: Document | None = None) -> list[Finding]:
    """The findings of one entry; ``document``: its catalogue's messages as one article (:func:`article_of`)."""
    return _entry_findings(entry, path, glossary, settings, Context(lang, glossary, document))


def _entry_findings(entry: Message, path: str, glossary: Glossary | None, settings: CheckSettings,
                    ctx: Context) -> list[Finding]:
    """:func:`check_entry` with its context made once per catalogue (:func:`check_catalog`)."""
    if entry.obsolete or not entry.msgid:
        return []
    pairs: list[tuple[str, str]] | tuple = ()
    if entry.msgid_plural:
        pairs = [(entry.msgid if idx == 0 else entry.msgid_plural, entry.msgstr_plural[idx])
                 for idx in sorted(entry.msgstr_plural) if entry.msgstr_plural[idx]]
    elif entry.msgstr:
        pairs = ((entry.msgid, entry.msgstr),)  # (most entries)
    if not pairs:  # nothing to check but the source itself: an empty link is there before any translation
        source_only = standard.empty_links(Checked(entry.msgid, "", tuple(entry.flags)), ctx)
        line = getattr(entry, "linenum", 0) or 0
        return [Finding(path, line, entry.msgid, p.check, p.severity, p.message) for p in settings.apply(source_only)]
    run = settings.wanted()
    flags = tuple(entry.flags)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] | None = None  # (made with the first problem: most entries have none)
    for src, dst in pairs:
        checked = Checked(src, dst, flags)
        problems = _problems(run, checked, ctx) if glossary is not None else [
            p for check in run for p in check(checked, ctx)]
        if not problems:
            continue  # (most translations)
        if seen is None:
            seen, fuzzy, line = set(), "fuzzy" in entry.flags, getattr(entry, "linenum", 0) or 0
        for problem in settings.apply(problems):
            if (problem.check, problem.message) in seen:
                continue
            seen.add((problem.check, problem.message))
            findings.append(Finding(path, line, entry.msgid, problem.check, problem.severity, problem.message,
                                    term=problem.term, fuzzy=fuzzy))
    if glossary is not None and findings:
        findings = _apply_acceptances(entry, findings, glossary)
    return findings


# A check's problems are a function of the translated text, its source, its flags, the language and the glossary,
# so a pair met again is not checked again: boilerplate (a table's "Date", a donation appeal, a standard line
# about the transfer) recurs in every article with the same translation. Only pairs met a second time are kept
# (most pairs occur once, and keeping them would only fill memory); the first sighting leaves a hash. A short pair
# (source and translation under SHORT_PAIR characters together) is kept from its first sighting: boilerplate is
# short (on 2,000 generated catalogues a third of the short pairs recur, 1 in 14 of the others, and 5,246 of the
# 6,504 recurring pairs are short), and a short pair costs little memory. A pair whose glossary check read its
# article (the learnt sense decision reads a word by its article) is not kept: its problems hold for that article
# only.
PAIRS_KEPT = 50_000
SIGHTINGS_KEPT = 500_000
SHORT_PAIR = 120


def _problems(run: list, checked: Checked, ctx: Context) -> list | tuple:
    """The problems ``run``'s checks find in ``checked``, remembered on the glossary for a pair met twice."""
    glossary = ctx.glossary
    memo, sightings = glossary.checked_pairs, glossary.pair_sightings  # type: ignore[union-attr]
    key: tuple = (ctx.lang, id(run), checked)  # (``run`` is kept for the process by CheckSettings.wanted)
    found = memo.get(key)
    if found is not None:
        return found
    problems: list = []
    read = False  # (whether a check read the message's article: ReadWithArticle)
    for check in run:  # (a loop, not a generator: one is resumed per check of every translation)
        got = check(checked, ctx)
        if type(got) is ReadWithArticle:
            read = True
        problems += got
    found = tuple(problems)
    if read and ctx.document is not None:
        # Read with its article: what another article's catalogue gets may differ. Not kept (a pair met twice in
        # one article is rare; the learnt decision keeps its own reading per message and article).
        return found
    h = hash(key)
    if len(checked.source) + len(checked.translation) < SHORT_PAIR or h in sightings:
        if len(memo) >= PAIRS_KEPT:
            memo.clear()
        memo[key] = found
    else:
        if len(sightings) >= SIGHTINGS_KEPT:
            sightings.clear()
        sightings.add(h)
    return found


def _apply_acceptances(entry: Message, findings: list[Finding], glossary: Glossary) -> list[Finding]:
    """Drop glossary findings the entry accepts for its current text; tell how to accept the others."""
    marks = accepted(entry)
    kept = []
    fingerprint = None  # the entry's, worked out once for all its findings
    for f in findings:
        concept = glossary.concept_for_term(f.term) if f.check in GLOSSARY_CHECKS else None
        if concept is None:
            kept.append(f)
            continue
        line = accept_line(concept.id, entry, fingerprint)
        fingerprint = line.rsplit(" ", 1)[1]
        if concept.id in marks:
            written = marks[concept.id]
            if written == fingerprint:
                continue
            f.message += (" (accepted for an earlier text, which has changed since)" if written else
                          " (accepted without the text's fingerprint)")
        f.accept = line
        kept.append(f)
    return kept


def check_catalog(po: Catalog, path: str, glossary: Glossary | None, lang: str,
                  settings: CheckSettings = DEFAULT) -> list[Finding]:
    """Every finding for one catalogue in language ``lang``, in file order."""
    from pipeline.privacy import contact_findings

    findings: list[Finding] = contact_findings(po, path)  # e-mails and phones of volunteers (issue 19)
    document = article_of(po) if glossary is not None else None
    ctx = Context(lang, glossary, document)
    for entry in po:
        findings += _entry_findings(entry, path, glossary, settings, ctx)
    return findings


def article_of(entries) -> Document | None:
    """A catalogue's translated source messages as one article: one catalogue is one article's text. (Only the
    translated ones: the summary reads each message's glossary reading, which the check reads of those anyway.)"""
    return document(m for e in entries if not e.obsolete and (e.msgstr or any(e.msgstr_plural.values()))
                    for m in ((e.msgid, e.msgid_plural) if e.msgid_plural else (e.msgid,)))
