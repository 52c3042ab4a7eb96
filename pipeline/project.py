"""A Tamizdat project on disk: layout and settings.

Layout (all paths relative to the project root, the folder holding
``pyproject.toml`` with a ``[tool.tamizdat]`` table)::

    articles/<slug>.html          source articles
    locales/<slug>.pot            templates
    locales/<lang>/<slug>.po      translations
    glossary/glossary.toml        the prison-slang glossary
    media/<slug>/<name>           the articles' images, without metadata
    site/                         the published site
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.core import languages
from pipeline.checks.registry import CheckSettings
from pipeline.core.errors import TamizdatError

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def check_slug(slug: str, path: str | None = None) -> str:
    """A slug names one file in a flat folder: no ``/``, no ``..``, nothing that leaves the project."""
    if not SLUG_RE.match(slug) or ".." in slug:
        raise TamizdatError(
            f"invalid slug {slug!r}: use lower-case letters, digits, '-', '_' and '.' (no '/' or '..')", path
        )
    return slug


class NotAProject(TamizdatError):
    """No ``pyproject.toml`` with ``[tool.tamizdat]`` at or above the folder (a broken one is another error)."""


@dataclass
class Settings:
    source_language: str = "en"
    languages: list[str] = field(default_factory=list)
    site_title: str = "Tamizdat"
    base_url: str = "https://example.org/"
    glossary: str = "glossary/glossary.toml"
    memory_exact: str = "fuzzy"  # "fuzzy" or "translated": how exact translation-memory hits are filled
    checks: CheckSettings = field(default_factory=CheckSettings)  # [tool.tamizdat.checks]
    # "pseudonymous": update replaces translators' names and e-mails in PO headers with team_name (issue 19)
    translator_identity: str = "pseudonymous"
    team_name: str = "Tamizdat volunteers"
    segmentation: str = "paragraph"  # "paragraph" or "sentence": one catalogue entry per block or per sentence
    titles: dict[str, str] = field(default_factory=dict)  # [tool.tamizdat.titles]: the site title per language
    raw: dict[str, Any] = field(default_factory=dict)  # the whole [tool.tamizdat] table, for later stages
    # pyproject.toml's lines as read, so later stages name the line of a bad value without reading it again
    lines: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_table(cls, table: dict[str, Any], path: str) -> "Settings":
        s = cls(raw=table)
        for key in ("source_language", "site_title", "base_url", "glossary", "memory_exact", "segmentation",
                    "translator_identity", "team_name"):
            if key in table:
                if not isinstance(table[key], str):
                    raise TamizdatError(f"[tool.tamizdat] {key} must be a string", path)
                setattr(s, key, table[key])
        langs = table.get("languages", [])
        if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
            raise TamizdatError("[tool.tamizdat] languages must be a list of language codes", path)
        s.languages = list(langs)
        for code in [s.source_language, *s.languages]:
            try:
                languages.validate(code)
            except TamizdatError as exc:
                raise TamizdatError(f"[tool.tamizdat]: {exc.message}", path) from None
        if s.source_language in s.languages:
            raise TamizdatError("[tool.tamizdat] languages must not list the source language", path)
        titles = table.get("titles", {})
        if not isinstance(titles, dict) or not all(isinstance(v, str) for v in titles.values()):
            raise TamizdatError('[tool.tamizdat.titles] must map language codes to titles: ru = "…"', path)
        for code in titles:
            if code not in (s.source_language, *s.languages):
                raise TamizdatError(f"[tool.tamizdat.titles] {code!r} is not one of the project's languages", path)
        s.titles = dict(titles)
        if s.memory_exact not in ("fuzzy", "translated"):
            raise TamizdatError('[tool.tamizdat] memory_exact must be "fuzzy" or "translated"', path)
        if "checks" in table:
            if not isinstance(table["checks"], dict):
                raise TamizdatError("[tool.tamizdat] checks must be a table: [tool.tamizdat.checks]", path)
            import pipeline.checks  # noqa: F401  (registers every check, so names can be validated)

            s.checks = CheckSettings.from_table(table["checks"], path)
        if s.translator_identity not in ("pseudonymous", "keep"):
            raise TamizdatError('[tool.tamizdat] translator_identity must be "pseudonymous" or "keep"', path)
        if not s.team_name.strip():
            raise TamizdatError("[tool.tamizdat] team_name must not be empty", path)
        if s.segmentation not in ("paragraph", "sentence"):
            raise TamizdatError('[tool.tamizdat] segmentation must be "paragraph" or "sentence"', path)
        return s


    def title_for(self, lang: str) -> str:
        """The site's title in ``lang``: ``[tool.tamizdat.titles]``, else ``site_title``."""
        return self.titles.get(lang) or self.site_title


class Project:
    """Paths and settings of one project; the only place that knows the folder layout."""

    def __init__(self, root: str | Path, settings: Settings):
        self.root = Path(root)
        self.settings = settings

    @classmethod
    def find(cls, start: str | Path = ".") -> "Project":
        """The project whose ``pyproject.toml`` (with ``[tool.tamizdat]``) is at or above ``start``."""
        here = Path(start).resolve()
        for folder in [here, *here.parents]:
            cfg = folder / "pyproject.toml"
            if cfg.is_file():
                text = read_settings_text(cfg)
                table = load_settings_table(cfg, text)
                if table is not None:
                    from pipeline.core.fileio import confine

                    confine(folder)  # from now on nothing we write may leave it through a link
                    settings = Settings.from_table(table, str(cfg))
                    settings.lines = tuple(text.splitlines())
                    return cls(folder, settings)
        raise NotAProject("not inside a Tamizdat project (no pyproject.toml with [tool.tamizdat]); "
                          "start one with `tamizdat init`", str(here))

    @classmethod
    def containing(cls, path: str | Path) -> "Project | None":
        """The project ``path`` (a file or folder) lies in, or None outside any project."""
        path = Path(path).resolve()
        try:
            project = cls.find(path if path.is_dir() else path.parent)
        except NotAProject:  # a broken pyproject.toml is an error, not "outside any project"
            return None
        return project if path.is_relative_to(project.root.resolve()) else None

    # -- layout ---------------------------------------------------------
    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def media_dir(self) -> Path:
        """Images of the articles, ``media/<slug>/<name>``, stripped of metadata (see pipeline.media)."""
        return self.root / "media"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def glossary_path(self) -> Path:
        return self.root / self.settings.glossary

    @property
    def published_dir(self) -> Path:
        """The last complete translation of every page, ``<lang>/<slug>.html`` (kept in the repository)."""
        return self.root / ".tamizdat" / "published"

    @property
    def cache_path(self) -> Path:
        """What the last build saw (never needed for correctness)."""
        return self.root / ".tamizdat" / "cache" / "build.json"

    @property
    def review_dir(self) -> Path:
        return self.root / "review"

    def glossary(self):
        """The project's glossary (``pipeline.glossary.Glossary``), or None when it has none.

        A glossary the settings name must exist: without it every catalogue would silently lose its
        glossary notes and every check its glossary findings."""
        if not self.glossary_path.is_file():
            if "glossary" in self.settings.raw:
                what = "is a folder" if self.glossary_path.is_dir() else "does not exist"
                raise TamizdatError(f"the glossary named by [tool.tamizdat] glossary {what}",
                                    str(self.glossary_path))
            return None
        from pipeline.glossary import load_glossary

        return load_glossary(self.glossary_path)

    def slugs(self) -> list[str]:
        if not self.articles_dir.is_dir():
            return []
        return sorted(p.stem for p in self.articles_dir.glob("*.html"))

    def article_path(self, slug: str) -> Path:
        return self.articles_dir / f"{check_slug(slug)}.html"

    def pot_path(self, slug: str) -> Path:
        return self.locales_dir / f"{check_slug(slug)}.pot"

    def po_path(self, lang: str, slug: str) -> Path:
        return self.locales_dir / lang / f"{check_slug(slug)}.po"

    def page_path(self, lang: str, slug: str) -> Path:
        return self.site_dir / lang / f"{check_slug(slug)}.html"


def read_settings_text(cfg: Path) -> str:
    """The text of a settings file; one that is not UTF-8 is a one-line error naming its line."""
    from pipeline.core.fileio import read_bytes

    raw = read_bytes(cfg)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TamizdatError(f"not UTF-8 (byte 0x{raw[exc.start]:02x}); TOML files must be UTF-8", str(cfg),
                            raw.count(b"\n", 0, exc.start) + 1) from None


def load_settings_table(cfg: Path, text: str | None = None) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(read_settings_text(cfg) if text is None else text)
    except tomllib.TOMLDecodeError as exc:
        line = None
        m = re.search(r"line (\d+)", str(exc))
        if m:
            line = int(m.group(1))
        raise TamizdatError(f"TOML syntax error: {exc}", str(cfg), line) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise TamizdatError("[tool] must be a table", str(cfg))
    table = tool.get("tamizdat")
    if table is not None and not isinstance(table, dict):
        raise TamizdatError("[tool.tamizdat] must be a table of settings", str(cfg))
    return table
