"""What the last ``build`` saw, so the next one redoes only what changed.

Content hashes, not mtimes: a checkout or a copy changes every mtime but no
content. Everything is keyed by an *environment* hash (settings, glossary, the
code itself, Python's and every dependency's version); when that changes, the cache is simply empty. The cache lives in
``.tamizdat/cache/`` and is never needed for correctness: delete it and the
next build is a cold one.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

import pipeline
from pipeline.core.fileio import atomic_write, digest

FORMAT = 1


def file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def _versions() -> str:
    """Python and the libraries whose output we publish: an upgrade of any of them may change a page."""
    import sys
    from importlib import metadata

    from lxml import etree

    names = ("lxml", "polib", "babel", "beautifulsoup4", "rapidfuzz", "PyStemmer", "pymorphy3", "numpy")
    found = []
    for name in names:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join([sys.version, f"libxml2={etree.LIBXML_VERSION}", *found])


def environment(project) -> str:
    """Everything besides the article and its catalogues that shapes a page."""
    h = hashlib.blake2b(digest_size=16)
    h.update(_versions().encode())
    h.update(json.dumps(project.settings.raw, sort_keys=True, default=str).encode())
    h.update((file_digest(project.glossary_path) or "-").encode())
    code = Path(pipeline.__file__).parent
    for path in sorted(code.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(code)}:{st.st_size}:{st.st_mtime_ns}".encode())
    # The libraries that shape a page: a Babel/CLDR upgrade changes dates and language names, an lxml
    # or html5 parser upgrade the markup. Pages made with the old ones are made again.
    h.update(sys.version.encode())
    for dist in DEPENDENCIES:
        h.update(f"{dist}={_version(dist)}".encode())
    return h.hexdigest()


# Every runtime dependency in pyproject.toml (a page may depend on any of them).
DEPENDENCIES = ("babel", "beautifulsoup4", "lxml", "polib", "rapidfuzz", "numpy", "PyStemmer", "pymorphy3",
                "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


class BuildCache:
    def __init__(self, path: Path, env: str, data: dict | None = None):
        self.path = path
        self.env = env
        data = data if data and data.get("format") == FORMAT and data.get("env") == env else {}
        self.articles: dict[str, dict] = data.get("articles", {})
        self.pages: dict[str, dict] = data.get("pages", {})
        self.outputs: dict[str, str] = data.get("outputs", {})  # site-wide file -> digest of what it lists

    @classmethod
    def load(cls, project) -> "BuildCache":
        path = project.cache_path
        env = environment(project)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        return cls(path, env, data)

    def save(self) -> None:
        data = {"format": FORMAT, "env": self.env, "articles": self.articles, "pages": self.pages,
                "outputs": self.outputs}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True))

    # -- pages ----------------------------------------------------------------
    @staticmethod
    def page_key(*parts: str | None) -> str:
        return digest("\0".join(p or "-" for p in parts).encode())

    def page(self, slug: str, lang: str, key: str) -> dict | None:
        entry = self.pages.get(f"{lang}/{slug}")
        return entry if entry and entry.get("key") == key else None

    def remember_page(self, slug: str, lang: str, entry: dict) -> None:
        self.pages[f"{lang}/{slug}"] = entry

    # -- indexes, feeds, sitemap --------------------------------------------------
    def output(self, rel: str, inputs: str) -> bool:
        """True when ``rel`` was last made from the same ``inputs`` (a description of them)."""
        return self.outputs.get(rel) == digest(inputs.encode("utf-8", "surrogatepass"))

    def remember_output(self, rel: str, inputs: str) -> None:
        self.outputs[rel] = digest(inputs.encode("utf-8", "surrogatepass"))
