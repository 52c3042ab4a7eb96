"""Work spread over the cores must give exactly what one process gives, and lose nothing on an error.

A project of 52 generated articles is just large enough for two forked workers
(``pipeline.core.parallel.MIN_PER_WORKER`` articles each).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import require

from pipeline.core import parallel
from pipeline.core.errors import TamizdatError
from pipeline.core.fileio import Staged, stage

ROOT = Path(__file__).resolve().parent.parent
N = 2 * parallel.MIN_PER_WORKER + 2

SETTINGS = """[project]
name = "parallel-site"
version = "0"

[tool.tamizdat]
source_language = "en"
languages = ["de", "ru"]
site_title = "Parallel"
base_url = "https://example.org/p/"
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".tamizdat" not in p.parts and p.name != ".tamizdat.lock"}


@pytest.fixture(scope="module")
def translated(tmp_path_factory) -> Path:
    """N articles, built once in one process, then translated: Russian whole, German with one entry in
    seven left empty."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from pipeline.jobs.build import build
    from pipeline.project import Project

    root = tmp_path_factory.mktemp("parallel") / "project"
    (root / "articles").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    shutil.copy(ROOT / "glossary" / "glossary.toml", root / "glossary" / "glossary.toml")
    for slug, v1, _ in generate.articles(N):
        (root / "articles" / f"{slug}.html").write_text(v1, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parallel, "MIN_PER_WORKER", 10**9)
        build(Project.find(root))
    for lang in ("de", "ru"):
        for pot in sorted((root / "locales").glob("*.pot")):
            po = root / "locales" / lang / f"{pot.stem}.po"
            po.write_text(generate.pseudo_translate(pot.read_text(encoding="utf-8"), lang, skip_every=7 if lang == "de" else 0),
                          encoding="utf-8")
    shutil.rmtree(root / "site")
    shutil.rmtree(root / ".tamizdat")
    return root


def _build(src: Path, dest: Path, serial: bool, monkeypatch) -> dict[str, bytes]:
    from pipeline.jobs.build import build
    from pipeline.project import Project

    shutil.copytree(src, dest)
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 10**9 if serial else parallel.MIN_PER_WORKER)
    build(Project.find(dest))
    return _tree(dest)


def test_a_build_over_the_cores_writes_what_one_process_writes(translated: Path, tmp_path: Path, monkeypatch):
    require(parallel.workers(N) >= 2, "one core: nothing runs in parallel")
    one = _build(translated, tmp_path / "one", True, monkeypatch)
    many = _build(translated, tmp_path / "many", False, monkeypatch)
    assert sorted(one) == sorted(many)
    assert len([p for p in many if p.startswith("site/ru/")]) > N  # pages, index and feed
    assert [p for p in one if one[p] != many[p]] == []


@pytest.mark.parametrize("use_memory", [True, False])
def test_a_broken_catalogue_stops_a_parallel_update_with_nothing_written(translated: Path, tmp_path: Path,
                                                                        use_memory: bool):
    from pipeline.jobs.update import update_project
    from pipeline.project import Project

    root = shutil.copytree(translated, tmp_path / "p")
    for pot in sorted((root / "locales").glob("*.pot"))[::3]:  # templates changed: catalogues to rewrite
        pot.write_text(pot.read_text(encoding="utf-8") + '\nmsgid "A new sentence."\nmsgstr ""\n',
                       encoding="utf-8")
    broken = sorted((root / "locales" / "ru").glob("*.po"))[N - 5]
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    before = _tree(root)
    with pytest.raises(TamizdatError) as err:
        update_project(Project.find(root), use_memory=use_memory)
    assert err.value.path.endswith(broken.name) and err.value.line
    assert _tree(root) == before
    assert not [p for p in root.rglob("*.tmp")]  # no temporary file left behind


def test_in_child_returns_results_progress_and_located_errors():
    ticks = []

    def work(a, b, tick):
        tick(2)
        tick()
        return {"sum": a + b, "big": "x" * 200_000}

    got = parallel.in_child(work, 2, 3, progress=ticks.append)
    assert got["sum"] == 5 and len(got["big"]) == 200_000 and sum(ticks) == 3

    def fail(tick):
        raise TamizdatError("bad entry", "locales/ru/a.po", 12)

    with pytest.raises(TamizdatError) as err:
        parallel.in_child(fail)
    assert str(err.value) == "locales/ru/a.po:12: bad entry"


def test_discarded_staged_files_leave_no_file_or_new_folder(tmp_path: Path):
    keep = tmp_path / "old.po"
    keep.write_text("old")
    with pytest.raises(RuntimeError):
        with Staged() as staged:
            staged.add(keep, b"new")
            staged.adopt(stage(tmp_path / "made" / "deep" / "x.po", b"x"), tmp_path / "made" / "deep" / "x.po")
            raise RuntimeError("stop")
    assert keep.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.po"]
    with Staged() as staged:
        staged.add(tmp_path / "made" / "y.po", b"y")
        staged.add(keep, b"new")
    assert keep.read_text() == "new" and (tmp_path / "made" / "y.po").read_bytes() == b"y"


def test_staged_puts_only_what_changed_and_removes_only_on_commit(tmp_path: Path):
    """What publishing relies on: an unchanged file is not written again, a second put of a path replaces
    the first, and a page to remove is removed only when everything else is in place."""
    same, page, gone = tmp_path / "same.html", tmp_path / "site" / "p.html", tmp_path / "gone.html"
    same.write_bytes(b"same")
    gone.write_bytes(b"old page")
    with pytest.raises(RuntimeError):
        with Staged() as out:
            out.remove(gone)
            assert out.put(page, "new")
            raise RuntimeError("stop")
    assert gone.is_file() and not page.exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "gone.html", "same.html"]
    with Staged() as out:
        assert not out.put(same, b"same")
        assert out.put(page, "first") and out.put(page, "second") and not out.put(page, "second")
        assert out.digest(page) != out.digest(same) and out.digest(tmp_path / "none") is None
        out.remove(gone)
        assert gone.is_file() and not page.exists()  # nothing happens before the commit
    assert page.read_text() == "second" and not gone.exists() and same.read_bytes() == b"same"
    assert not list(tmp_path.rglob("*.tmp"))


def _job_with_context(context: dict, item: int) -> tuple[int, int]:
    return context["base"] + item, id(context)


def test_workers_receive_the_context_they_were_started_with(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 2)
    context = {"base": 100}
    got = parallel.pmap(_job_with_context, range(40), 2, context=context)
    assert [n for n, _ in got] == list(range(100, 140))
    # The parent keeps nothing of it (only a worker holds its context).
    assert parallel._worker_context is parallel._NO_CONTEXT
    assert parallel.pmap(_job_with_context, [1], context=context) == [(101, id(context))]


def test_a_dependency_upgrade_empties_the_build_cache(sample_project, monkeypatch):
    """A Babel/CLDR (or lxml, …) upgrade changes pages: none made with the old version is reused."""
    from pipeline.jobs import buildcache
    from pipeline.project import Project

    project = Project.find(sample_project)
    before = buildcache.environment(project)
    assert buildcache.environment(project) == before
    real = buildcache._version
    monkeypatch.setattr(buildcache, "_version", lambda dist: "99.0" if dist == "babel" else real(dist))
    assert buildcache.environment(project) != before
