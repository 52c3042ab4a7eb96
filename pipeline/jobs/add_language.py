"""``tamizdat add-language``: every catalogue of a new language, with the header msginit would write."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.core import languages
from pipeline.catalog.merge import new_po
from pipeline.core.errors import TamizdatError

_LANGS_LINE = re.compile(r"^(\s*languages\s*=\s*\[)([^\]\n]*)(\]\s*(?:#.*)?)$", re.M)


def add_language_to_settings(text: str, lang: str) -> str | None:
    """``pyproject.toml`` text with ``lang`` appended to ``[tool.tamizdat] languages``, or None when the list
    is not on one line (then the user edits it; we do not rewrite TOML we cannot round-trip)."""
    start = text.find("[tool.tamizdat]")
    if start < 0:
        return None
    end = text.find("\n[", start + 1)
    section = text[start:] if end < 0 else text[start:end]
    m = _LANGS_LINE.search(section)
    if not m:
        return None
    items = m.group(2).strip().rstrip(",")
    new_items = f'{items}, "{lang}"' if items else f'"{lang}"'
    section = section[: m.start()] + m.group(1) + new_items + m.group(3) + section[m.end():]
    return text[:start] + section + ("" if end < 0 else text[end:])


def add_language(project, lang: str) -> tuple[list[Path], bool]:
    """Create ``locales/<lang>/<slug>.po`` for every template (existing catalogues are left alone).

    Returns the files created and whether ``pyproject.toml`` now lists the language.
    """
    from pipeline.jobs.update import load
    from pipeline.core.fileio import atomic_write
    from pipeline.core.lock import project_lock
    from pipeline.catalog import pofile

    languages.validate(lang)
    if lang == project.settings.source_language:
        raise TamizdatError(f"{lang!r} is the source language of this project", str(project.root / "pyproject.toml"))
    created: list[Path] = []
    with project_lock(project.root):
        pots = sorted(project.locales_dir.glob("*.pot"))
        for pot_path in pots:
            slug = pot_path.name[: -len(".pot")]
            out = project.po_path(lang, slug)
            if out.exists():
                continue
            atomic_write(out, pofile.encode(new_po(load(pot_path)[1], lang)))
            created.append(out)
        listed = lang in project.settings.languages
        if not listed:
            cfg = project.root / "pyproject.toml"
            new_text = add_language_to_settings(cfg.read_text(encoding="utf-8"), lang)
            if new_text is not None:
                atomic_write(cfg, new_text)
                listed = True
    return created, listed
