"""``tamizdat init``: a new project folder with settings, folders, a glossary and a ``.gitignore``.

Everything a later command needs is made here, so a newcomer's second command
(``tamizdat import``) already works. Nothing that exists is overwritten: a
``pyproject.toml`` without a ``[tool.tamizdat]`` table gets one appended, an
existing glossary or ``.gitignore`` is kept (the ``.gitignore`` gains the lines
it lacks).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import atomic_write, read_bytes
from pipeline.project import Project, Settings

# The repository's own glossary: 48 concepts of Russian prison life, with translator and reader notes.
BUNDLED_GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"

# Generated or private: the published site, the editors' report, the pseudo preview, the build cache,
# the lock and the temporary files an interrupted write may leave (fileio names them ``.NAME.XXXX.tmp``).
GITIGNORE = ["/site/", "/review/", "/preview/", ".tamizdat/cache/", ".tamizdat.lock", ".*.tmp"]

STARTER_GLOSSARY = '''\
# The project's glossary: one [[concept]] per idea; docs/glossary.md in Tamizdat tells every key.
# `tamizdat extract`, `update` and `build` show each concept's translator note to translators,
# `tamizdat check` finds missing and forbidden translations, published pages explain the term to readers.
#
# [[concept]]
# id = "shizo"
# terms = ["ShIZO", "punishment cell"]
# definition = "Disciplinary isolation cell in a penal colony (штрафной изолятор)."
# translator_note = "Keep the abbreviation and explain it once."
# reader_note = "ShIZO: the punishment cell of a penal colony."
#
# [concept.ru]
# preferred = "ШИЗО"

source_language = {source}
'''


@dataclass
class NewProject:
    root: Path
    created: list[str] = field(default_factory=list)  # paths relative to root
    kept: list[str] = field(default_factory=list)


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def settings_table(source_language: str, langs: list[str], title: str, base_url: str) -> str:
    return (
        "[tool.tamizdat]\n"
        f"source_language = {_toml_string(source_language)}\n"
        f"languages = [{', '.join(_toml_string(code) for code in langs)}]\n"
        f"site_title = {_toml_string(title)}\n"
        f"base_url = {_toml_string(base_url)}\n"
        '# translators\' names and e-mails in PO headers become team_name on update; "keep" leaves them\n'
        'translator_identity = "pseudonymous"\n'
        'team_name = "Tamizdat volunteers"\n'
        "\n"
        "[tool.tamizdat.publish]\n"
        "threshold = 100                 # % of source words translated before an article is published\n"
        'below_threshold = "hide"        # or "partial": publish with a notice\n'
    )


def check_settings(source_language: str, langs: list[str], title: str, base_url: str) -> str:
    """Validate what ``init`` is given; returns the base URL with its final slash."""
    languages.validate(source_language)
    if languages.is_pseudo(source_language):
        raise TamizdatError(f"{source_language!r} is a pseudo-language, not a source language")
    for code in langs:
        languages.validate(code)
    if source_language in langs:
        raise TamizdatError(f"--languages lists the source language {source_language!r}")
    if len(set(langs)) != len(langs):
        raise TamizdatError("--languages lists a language twice")
    if not title.strip():
        raise TamizdatError("the site title is empty")
    if not base_url.startswith(("https://", "http://")):
        raise TamizdatError(f"the base URL must start with https:// (got {base_url!r})")
    return base_url if base_url.endswith("/") else base_url + "/"


def init_project(root: Path, *, source_language: str, langs: list[str], title: str, base_url: str,
                 bundled_glossary: bool = False) -> NewProject:
    base_url = check_settings(source_language, langs, title, base_url)
    from pipeline.project import load_settings_table

    done = NewProject(root)
    cfg = root / "pyproject.toml"
    table = settings_table(source_language, langs, title, base_url)
    if cfg.is_file():
        if load_settings_table(cfg) is not None:
            raise TamizdatError("already a Tamizdat project ([tool.tamizdat] is there)", str(cfg))
        old = read_bytes(cfg).decode("utf-8")
        atomic_write(cfg, (old.rstrip("\n") + "\n\n" + table).encode("utf-8"))
    else:
        atomic_write(cfg, table.encode("utf-8"))
    done.created.append("pyproject.toml")
    layout = Project(root, Settings())  # the folders every project has, as project.py names them
    for folder in (layout.articles_dir, layout.locales_dir):
        folder.mkdir(parents=True, exist_ok=True)
        done.created.append(folder.name + "/")
    _glossary(root, source_language, bundled_glossary, done)
    _gitignore(root, done)
    return done


def _glossary(root: Path, source_language: str, bundled: bool, done: NewProject) -> None:
    path = Project(root, Settings()).glossary_path
    rel = Settings().glossary
    if path.exists():
        done.kept.append(rel)
        return
    if bundled:
        if not BUNDLED_GLOSSARY.is_file():
            raise TamizdatError("this installation has no bundled glossary", str(BUNDLED_GLOSSARY))
        if source_language != "en":
            raise TamizdatError("the bundled glossary's source language is English; use --source-language en")
        data = read_bytes(BUNDLED_GLOSSARY)
    else:
        data = STARTER_GLOSSARY.format(source=_toml_string(source_language)).encode("utf-8")
    atomic_write(path, data)
    done.created.append(rel)


def _gitignore(root: Path, done: NewProject) -> None:
    path = root / ".gitignore"
    old = read_bytes(path).decode("utf-8") if path.is_file() else ""
    have = {line.strip() for line in old.splitlines()}
    missing = [line for line in GITIGNORE if line not in have]
    if not missing:
        done.kept.append(".gitignore")
        return
    head = old if not old or old.endswith("\n") else old + "\n"
    atomic_write(path, (head + "# tamizdat: generated files\n" * bool(old) + "\n".join(missing) + "\n").encode())
    done.created.append(".gitignore")
