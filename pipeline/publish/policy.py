"""Per-language publishing policy from ``[tool.tamizdat.publish]``.

    [tool.tamizdat.publish]
    threshold = 100            # % of source words translated (fuzzy ones do not count)
    below_threshold = "hide"   # or "partial": publish with a notice, fallback passages marked with lang

    [tool.tamizdat.publish.languages.de]
    threshold = 80
    below_threshold = "partial"

    block = ["glossary-forbidden", "proper-name", "glossary-missing", "glossary-dnt", "placeholders"]
    on_error = "source"        # a blocked entry shows the source text; "hide": the page is not published
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import TamizdatError
from pipeline.project import Project
from pipeline.publish.gate import BLOCKING, CHECKS

MODES = ("hide", "partial")
ON_ERROR = ("source", "hide")


@dataclass(frozen=True)
class Policy:
    threshold: float = 100.0
    below_threshold: str = "hide"
    block: tuple[str, ...] = BLOCKING  # checks whose errors keep a translation from being published
    on_error: str = "source"  # a blocked entry: publish the source text, or "hide" the page


def _line_of(lines: Sequence[str], pattern: str) -> int | None:
    """The line of pyproject.toml (as the project read it: never read again here) matching ``pattern``."""
    for n, line in enumerate(lines, 1):
        if re.search(pattern, line):
            return n
    return None


def _policy(table: dict, base: Policy, where: str, cfg: Path, lines: Sequence[str]) -> Policy:
    threshold, mode, block, on_error = base.threshold, base.below_threshold, base.block, base.on_error

    def bad(key: str, what: str) -> TamizdatError:
        return TamizdatError(f"{where} {key} {what}", str(cfg), _line_of(lines, rf"^\s*{re.escape(key)}\s*="))

    for key, value in table.items():
        if key == "threshold":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise bad(key, "must be a number from 0 to 100")
            threshold = float(value)
        elif key == "below_threshold":
            if value not in MODES:
                raise bad(key, 'must be "hide" or "partial"')
            mode = value
        elif key == "block":
            if not isinstance(value, list) or any(v not in CHECKS for v in value):
                raise bad(key, f"must be a list of checks among {', '.join(CHECKS)}")
            block = tuple(value)
        elif key == "on_error":
            if value not in ON_ERROR:
                raise bad(key, 'must be "source" or "hide"')
            on_error = value
        elif key != "languages":
            raise TamizdatError(f"{where} has an unknown key {key!r}", str(cfg), _line_of(lines, rf"^\s*{re.escape(key)}\s*="))
    return Policy(threshold, mode, block, on_error)


def load_policies(project: Project) -> dict[str, Policy]:
    """The policy of every target language; errors name pyproject.toml and the line."""
    cfg = project.root / "pyproject.toml"
    lines = project.settings.lines
    table = project.settings.raw.get("publish", {})
    if not isinstance(table, dict):
        raise TamizdatError("[tool.tamizdat] publish must be a table", str(cfg))
    default = _policy(table, Policy(), "[tool.tamizdat.publish]", cfg, lines)
    per_lang = table.get("languages", {})
    if not isinstance(per_lang, dict):
        raise TamizdatError("[tool.tamizdat.publish] languages must be a table of tables", str(cfg))
    out = {lang: default for lang in project.settings.languages}
    for lang, sub in per_lang.items():
        if lang not in out:
            line = _line_of(lines, rf"publish\.languages\.{re.escape(lang)}\b|^\s*{re.escape(lang)}\s*=")
            known = ", ".join(project.settings.languages) or "none"
            raise TamizdatError(f"[tool.tamizdat.publish.languages] {lang!r} is not one of the project's "
                                f"languages ({known})", str(cfg), line)
        if not isinstance(sub, dict):
            raise TamizdatError(f"[tool.tamizdat.publish.languages.{lang}] must be a table", str(cfg))
        out[lang] = _policy(sub, default, f"[tool.tamizdat.publish.languages.{lang}]", cfg, lines)
    return out
