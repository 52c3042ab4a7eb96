"""One shape for every check, and one place that knows them all.

A check is a function ``(text, context) -> problems``: ``text`` is one translated form of an entry
(:class:`Checked`: its source, its translation, the entry's flags), ``context`` what the check may
consult (:class:`Context`: the language, the glossary, the catalogue's messages as one article). It is
registered under the names of the problems it reports (``@register("brackets", "quotes")``), and a project
switches any of those names off, or changes its severity, in ``[tool.tamizdat.checks]``::

    [tool.tamizdat.checks]
    quote-style = false        # not reported
    spaces = "error"           # reported as an error instead of a warning

A new check is one decorated function in a module that :mod:`pipeline.checks` imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple

from pipeline.core.errors import TamizdatError

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.document import Document
    from pipeline.glossary.model import Glossary

SEVERITIES = ("error", "warning")


class Checked(NamedTuple):
    """One translated form of an entry: the text a check compares with its source (a tuple: one is made for
    every translation checked, and a frozen dataclass costs several times as much to make)."""

    source: str  # the msgid (msgid_plural for the plural forms after the first)
    translation: str
    flags: tuple[str, ...] = ()


class Context(NamedTuple):
    lang: str
    glossary: Glossary | None = None
    # the catalogue's source messages as one article (glossary/document.py), worked out once per catalogue: the
    # learnt sense decision reads a word by its article too (None: each message alone)
    document: Document | None = None


class Problem(NamedTuple):
    check: str  # the registered name it is reported under
    severity: str  # "error" | "warning"
    message: str
    term: str | None = None  # the glossary term concerned, as written in the glossary


class ReadWithArticle(list):
    """A check's problems (a list) that were, or may have been, read with the message's article
    (``Context.document``: the learnt sense decision reads a word by its article too): the pair memo
    (checks/__init__.py) keeps them for that article only. Any other result holds for every article."""

    __slots__ = ()


Check = Callable[[Checked, Context], Iterable[Problem]]

# name -> the check that reports it (a check may report several names)
REGISTRY: dict[str, Check] = {}


def register(*names: str) -> Callable[[Check], Check]:
    """Register a check under the problem names it reports (each name belongs to one check)."""

    def add(func: Check) -> Check:
        for name in names:
            if name in REGISTRY and REGISTRY[name] is not func:
                raise ValueError(f"check name {name!r} is registered twice")
            REGISTRY[name] = func
        return func

    return add


def checks() -> list[Check]:
    """Every registered check, each once, in registration order."""
    return list(dict.fromkeys(REGISTRY.values()))


_WANTED: dict[tuple, list] = {}


@dataclass(frozen=True)
class CheckSettings:
    """What a project switched off or made more (or less) severe, by problem name."""

    off: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_table(cls, table: dict[str, Any] | None, path: str | None = None) -> CheckSettings:
        """``[tool.tamizdat.checks]``: ``name = false`` or ``name = "error" | "warning"`` (``true``: as is)."""
        off, severity = set(), {}
        for name, value in (table or {}).items():
            if name not in REGISTRY:
                known = ", ".join(sorted(REGISTRY))
                raise TamizdatError(f"[tool.tamizdat.checks] unknown check {name!r} (known: {known})", path)
            if value is False:
                off.add(name)
            elif value in SEVERITIES:
                severity[name] = value
            elif value is not True:
                raise TamizdatError(f'[tool.tamizdat.checks] {name} must be true, false, "error" or "warning"',
                                    path)
        return cls(frozenset(off), tuple(sorted(severity.items())))

    def wanted(self) -> list[Check]:
        """The checks that still report some name (worked out once per settings: it is asked per entry)."""
        key = (self.off, len(REGISTRY))
        found = _WANTED.get(key)
        if found is None:
            found = _WANTED[key] = [c for c in checks()
                                    if any(n not in self.off for n, f in REGISTRY.items() if f is c)]
        return found

    def apply(self, problems: Iterable[Problem]) -> list[Problem]:
        if not self.off and not self.severity:
            return list(problems)
        changed = dict(self.severity)
        return [p._replace(severity=changed.get(p.check, p.severity)) for p in problems if p.check not in self.off]
