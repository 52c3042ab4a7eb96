"""What the pipeline writes for two projects, as a SHA-256 per file: the guard of a redesign.

A refactoring must not change one byte of a catalogue or a page. ``snapshot`` runs the CLI on

* ``sample``: the bundled sample project, built;
* ``generated``: eight articles from ``bench/generate.py`` built, every catalogue then filled with
  pseudo translations (every fourth entry left empty), the articles edited (v2) and built again,
  so update's fuzzy matching, obsolete entries, partial publishing and the incremental build run;

then the editors' review of each, and returns ``{path: sha256}`` of every file under ``locales/``, ``site/``,
``review/`` and ``.tamizdat/published``.
``tests/data/golden/<name>.json`` holds the figures the code gave before the redesign.

When a change is *meant* to change the output, write the new figures (and say why in the commit):

    PYTHONPATH=$PWD python tests/golden.py --update
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"
EPOCH = "1700000000"  # pins the template dates (SOURCE_DATE_EPOCH)
OUTPUTS = ("locales", "site", "review", ".tamizdat/published")
GENERATED_N = 8

GENERATED_PYPROJECT = """[project]
name = "golden-site"
version = "0"

[tool.tamizdat]
source_language = "en"
languages = ["ru", "de"]
site_title = "Tamizdat golden"
base_url = "https://example.org/golden/"

[tool.tamizdat.publish]
threshold = 60
below_threshold = "partial"
block = []  # the pseudo translations break glossary rules; the gate has its own tests
"""


def _cli(root: Path, *args: str) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["SOURCE_DATE_EPOCH"] = EPOCH
    proc = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=root, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"tamizdat {' '.join(args)} failed in {root}:\n{proc.stdout}\n{proc.stderr}")


def _hashes(root: Path) -> dict[str, str]:
    out = {}
    for folder in OUTPUTS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file():
                out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def sample(work: Path) -> dict[str, str]:
    root = work / "sample"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    for folder in ("articles", "locales", "glossary", ".tamizdat"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, root / folder)
    _cli(root, "build")
    _cli(root, "review")
    return _hashes(root)


def generated(work: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    corpus = generate.write_corpus(work / "corpus", GENERATED_N, seed=7)
    root = work / "generated"
    (root / "glossary").mkdir(parents=True)
    (root / "pyproject.toml").write_text(GENERATED_PYPROJECT, encoding="utf-8")
    shutil.copyfile(corpus["glossary"], root / "glossary" / "glossary.toml")
    shutil.copytree(corpus["v1"], root / "articles")
    _cli(root, "build")
    for pot in sorted((root / "locales").glob("*.pot")):
        for lang in ("ru", "de"):
            po = root / "locales" / lang / f"{pot.stem}.po"
            po.write_text(generate.pseudo_translate(pot.read_text(encoding="utf-8"), lang, skip_every=4),
                          encoding="utf-8")
    _cli(root, "build")
    shutil.rmtree(root / "articles")
    shutil.copytree(corpus["v2"], root / "articles")
    _cli(root, "build")
    _cli(root, "review")
    return _hashes(root)


SNAPSHOTS = {"sample": sample, "generated": generated}


def snapshot(name: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        return SNAPSHOTS[name](Path(tmp))


def main() -> int:
    if "--update" not in sys.argv[1:]:
        print(__doc__)
        return 2
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in SNAPSHOTS:
        data = snapshot(name)
        (GOLDEN / f"{name}.json").write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{name}: {len(data)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
