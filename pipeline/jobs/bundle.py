"""``tamizdat bundle``: where the site's zip (:mod:`pipeline.publish.bundle`) meets the disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import atomic_write
from pipeline.project import Project
from pipeline.publish.bundle import bundle_files, write_zip


def write_bundle(project: Project, out: Path, lang: str | None = None) -> int:
    """Write the zip atomically; returns the number of files in it."""
    out = Path(out)
    site = project.site_dir.resolve()
    if out.resolve() == site or site in out.resolve().parents:
        raise TamizdatError("the bundle must be written outside site/", str(out))
    if out.suffix.lower() != ".zip":
        raise TamizdatError("the bundle must be a .zip file", str(out))
    files = bundle_files(project, lang)
    with tempfile.TemporaryFile() as tmp:  # the archive is made whole before it replaces the old one
        write_zip(files, out.stem, tmp)
        tmp.seek(0)
        atomic_write(out, iter(lambda: tmp.read(1 << 20), b""))
    return len(files)
