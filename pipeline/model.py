"""The small data model every stage shares.

Catalogues are :class:`pipeline.catalog.model.Catalog` / ``Message`` (read and written
GNU-exactly by :mod:`pipeline.catalog.pofile`); these classes cover the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Segment:
    """One translatable unit of an HTML document.

    ``text`` is the msgid: collapsed text where inline elements appear as
    attribute-less placeholder tags (``<a1>…</a1>``, ``<em>…</em>``, ``<br/>``),
    and a literal ``<`` or ``&`` is written ``&lt;`` / ``&amp;``.
    """

    text: str
    line: int
    comments: list[str] = field(default_factory=list)
    # "text" for element content, "attr:NAME" for a translatable attribute.
    kind: str = "text"


@dataclass
class Article:
    """A source article and the metadata the site needs."""

    slug: str
    path: str
    lang: str
    title: str
    date: str | None = None  # ISO 8601 (YYYY-MM-DD or full timestamp)
    author: str | None = None
    source_url: str | None = None
    description: str | None = None
    publisher: str | None = None  # who published the original (meta publisher / og:site_name)


@dataclass
class Finding:
    """One problem a check found in a catalogue entry."""

    file: str
    line: int
    msgid: str
    check: str
    severity: str  # "error" | "warning"
    message: str
    term: str | None = None
    fuzzy: bool = False
    accept: str | None = None  # for glossary findings: the translator comment that accepts this text

    def as_dict(self) -> dict:
        data = {
            "file": self.file,
            "line": self.line,
            "msgid": self.msgid,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
        }
        if self.term is not None:
            data["term"] = self.term
        if self.fuzzy:
            data["fuzzy"] = True
        if self.accept:
            data["accept"] = self.accept
        return data


@dataclass
class Report:
    """What a run wrote, left alone, and has to tell the editor."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # publishing decisions worth telling the editor

    def wrote(self, path: Path, changed: bool, root: Path) -> None:
        if changed:
            self.written.append(str(path.relative_to(root)))
        else:
            self.unchanged += 1

    def absorb(self, other: "Report") -> None:
        """Add what ``other`` (say, a worker's report on its part) has to say."""
        self.written += other.written
        self.unchanged += other.unchanged
        self.findings += other.findings
        self.notes += other.notes
