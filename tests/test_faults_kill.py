"""``kill -9`` at a random moment of ``update``, ``build`` and ``merge DIR`` — the main process alone, or
its whole process group — on a generated project large enough for the work to be spread over forked
workers (issue 15). After every kill: each catalogue passes ``msgfmt -c``, no translation is lost, no
worker outlives its parent by more than a second, and the next run succeeds, says it took the lock
over, and leaves no temporary file."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, require
from pipeline.core import parallel
from pipeline.catalog import pofile

N = 2 * parallel.MIN_PER_WORKER + 2  # two forked workers' worth of articles
SETTINGS = """[tool.tamizdat]
source_language = "en"
languages = ["de", "ru"]
site_title = "Kill"
base_url = "https://example.org/k/"

# The robot's pseudo translations are not meant to satisfy the glossary: the gate would keep them off the
# site, and the next run's exit code would tell about them instead of about the kill.
[tool.tamizdat.publish]
block = []
"""


def _generate():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A translated, built project (v1 articles), with its v2 articles and templates set aside."""
    from pipeline.jobs.build import build
    from pipeline.project import Project

    generate = _generate()
    root = tmp_path_factory.mktemp("kill") / "project"
    for folder in ("articles", "glossary", "v2/articles", "v2/locales"):
        (root / folder).mkdir(parents=True)
    (root / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    shutil.copy(ROOT / "glossary" / "glossary.toml", root / "glossary" / "glossary.toml")
    for slug, v1, v2 in generate.articles(N):
        (root / "articles" / f"{slug}.html").write_text(v1, encoding="utf-8")
        (root / "v2" / "articles" / f"{slug}.html").write_text(v2, encoding="utf-8")
    from pipeline.jobs.files import extract

    extract(str(root / "articles"), str(root / "locales"))
    extract(str(root / "v2" / "articles"), str(root / "v2" / "locales"))
    for lang in ("de", "ru"):
        (root / "locales" / lang).mkdir()
        for pot in sorted((root / "locales").glob("*.pot")):
            po = root / "locales" / lang / f"{pot.stem}.po"
            po.write_text(generate.pseudo_translate(pot.read_text(encoding="utf-8"), lang), encoding="utf-8")
    build(Project.find(root))  # catalogues with their glossary notes, the site, the published snapshots
    return root


def translations(root: Path) -> dict[str, set[str]]:
    """Every msgstr of every catalogue (live, fuzzy or obsolete), by catalogue."""
    out = {}
    for path in sorted((root / "locales").glob("*/*.po")):
        po = pofile.parse(path.read_bytes(), str(path))
        out[path.relative_to(root).as_posix()] = {e.msgstr for e in po if e.msgstr}
    return out


def ours(root: Path) -> list[int]:
    """Processes working in the project (the killed run's workers, if any survived)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if os.readlink(f"/proc/{entry.name}/cwd") == str(root):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def leftovers(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in root.rglob("*.tmp")]


COMMANDS = {
    "build": ["build", "-q"],
    "update": ["update", "-q"],
    "merge": ["merge", "locales/ru", "locales", "-o", "locales/ru", "-j", "2"],
}


def prepare(base: Path, dest: Path, command: str) -> None:
    shutil.copytree(base, dest, ignore=shutil.ignore_patterns("v2"))
    if command == "build":  # edited articles: templates, catalogues and pages to make again
        shutil.copytree(base / "v2" / "articles", dest / "articles", dirs_exist_ok=True)
    else:  # edited templates: catalogues to merge again
        for pot in (base / "v2" / "locales").glob("*.pot"):
            shutil.copy(pot, dest / "locales" / pot.name)


def start(root: Path, command: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "pipeline", *COMMANDS[command]], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


SEEN_WORKERS: list[int] = []


@pytest.mark.skipif(shutil.which("msgfmt") is None and os.environ.get("CI") != "true", reason="needs msgfmt")
@pytest.mark.parametrize("target", ["main", "group"])
@pytest.mark.parametrize("command", ["build", "update", "merge"])
def test_kill_9_leaves_a_project_the_next_run_finishes(base: Path, tmp_path: Path, command: str, target: str):
    root = tmp_path / "project"
    prepare(base, root, command)
    before = translations(root)
    rng = random.Random(f"{command}-{target}")
    proc = start(root, command)
    deadline = time.monotonic() + rng.uniform(0.8, 3.0)
    workers = 0
    while time.monotonic() < deadline and proc.poll() is None:
        workers = max(workers, len(ours(root)) - 1)
        time.sleep(0.05)
    SEEN_WORKERS.append(workers)
    with contextlib.suppress(ProcessLookupError):  # (a run may finish before its kill: then nothing to kill)
        if target == "main":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    time.sleep(1.0)
    assert ours(root) == [], "a worker outlived its killed parent by more than a second"

    # Every catalogue is valid for GNU gettext (those the run did not touch were before) and keeps every
    # translation it had.
    for path in sorted((root / "locales").glob("*/*.po")):
        if path.read_bytes() == (base / path.relative_to(root)).read_bytes():
            continue
        check = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    after = translations(root)
    for name, texts in before.items():
        assert texts <= after[name], f"{name} lost translations"

    # The next run finishes the work, says it took over a killed run's lock, and cleans up.
    held = (root / ".tamizdat.lock").is_file() and (root / ".tamizdat.lock").read_text().strip()
    again = subprocess.run([sys.executable, "-m", "pipeline", *COMMANDS[command]], cwd=root, capture_output=True,
                           text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    if held and command != "merge":  # merge DIR works on any folders and takes no project lock
        assert "taking it over" in again.stderr, again.stderr
    assert leftovers(root) == []
    assert not (root / ".tamizdat.lock").exists() or (root / ".tamizdat.lock").read_text() == ""
    final = translations(root)
    for name, texts in before.items():
        assert texts <= final[name], f"{name} lost translations in the run after the kill"


def test_the_kills_hit_runs_with_workers():
    """Not vacuous: at least one of the killed runs had forked workers when it was killed."""
    require(bool(SEEN_WORKERS), "no kill ran (run the kill tests of this module first)")
    assert max(SEEN_WORKERS) >= 1, SEEN_WORKERS
