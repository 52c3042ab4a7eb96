"""The glossary check's findings on one sentence pair, sorted by concept: what the glossary tests assert on.

One reading for every test module (each had written its own filter of ``glossary_checks.check`` by concept id).
Findings keep the check's order within a concept."""

from __future__ import annotations

from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.glossary import Glossary


def by_concept(g: Glossary, lang: str, src: str, dst: str) -> dict[str, list[tuple[str, str, str]]]:
    """Concept id -> its findings (check, severity, message)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for check, severity, message, term in glossary_checks.check(Checked(src, dst), Context(lang, g)):
        out.setdefault(g.concept_for_term(term).id, []).append((check, severity, message))
    return out


def findings(g: Glossary, lang: str, src: str, dst: str, cid: str) -> list[tuple[str, str]]:
    """(severity, message) of the findings for concept ``cid``."""
    return [(severity, message) for _check, severity, message in by_concept(g, lang, src, dst).get(cid, [])]


def severities(g: Glossary, lang: str, src: str, dst: str, cid: str) -> list[str]:
    """The severities of the findings for concept ``cid``."""
    return [severity for _check, severity, _message in by_concept(g, lang, src, dst).get(cid, [])]


def errors(g: Glossary, lang: str, src: str, dst: str) -> set[str]:
    """The concepts with an error."""
    return {cid for cid, fs in by_concept(g, lang, src, dst).items() if any(s == "error" for _c, s, _m in fs)}
