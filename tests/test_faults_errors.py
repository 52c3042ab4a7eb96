"""Faults a volunteer project meets, each answered by one line naming the file, never a traceback,
and never a write outside the project (the red team's cases, issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

SLUG = "azat-miftakhov-caste"


def one_line_error(r: subprocess.CompletedProcess, *needles: str) -> str:
    """The run failed with exit 1 and said so in one line (notes aside), naming what it is about."""
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.startswith("tamizdat: error:")]
    assert len(lines) == 1, r.stderr
    for needle in needles:
        assert needle in lines[0], r.stderr
    return lines[0]


def outside(tmp_path: Path) -> Path:
    """A file and a folder outside the project, which no run may touch."""
    (tmp_path / "outside").mkdir(exist_ok=True)
    (tmp_path / "outside" / "keep.txt").write_text("precious\n")
    return tmp_path / "outside"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- symbolic links: nothing outside the project is ever written ---------------------------------------

# Every path a build or an update writes, as a link to a file or a folder outside the project.
LINKED = [
    (".tamizdat.lock", "file"),
    ("site", "dir"),
    ("site/ru", "dir"),
    (f"site/ru/{SLUG}.html", "file"),
    ("site/index.html", "file"),
    ("site/sitemap.xml", "file"),
    ("locales/ru", "dir"),
    (f"locales/ru/{SLUG}.po", "file"),
    (f"locales/{SLUG}.pot", "file"),
    (".tamizdat", "dir"),
    (".tamizdat/cache", "dir"),
    (".tamizdat/cache/build.json", "file"),
    (f".tamizdat/published/ru/{SLUG}.html", "file"),
]


# update writes only the lock and the catalogues: the other paths are build's alone.
RUNS = [(command, rel, kind) for command in ("build", "update") for rel, kind in LINKED
        if command == "build" or rel.startswith((".tamizdat.lock", "locales"))]


@pytest.mark.parametrize("command,rel,kind", RUNS, ids=[f"{c}-{r}" for c, r, _ in RUNS])
def test_a_link_in_the_project_never_makes_us_write_outside_it(sample_project: Path, tmp_path: Path,
                                                                rel: str, kind: str, command: str):
    if rel != ".tamizdat.lock" and rel.startswith((".tamizdat", "site")):
        assert run_cli("build", "-q", cwd=sample_project).returncode == 0  # so every path exists
    out = outside(tmp_path)
    if kind == "file":
        (out / "target").write_text("precious\n")
    before = snapshot(out)
    link = sample_project / rel
    if link.is_dir():
        import shutil

        shutil.copytree(link, out / "target", dirs_exist_ok=True)
        shutil.rmtree(link)
        before = snapshot(out)
    elif link.exists():
        if kind == "file":
            (out / "target").write_bytes(link.read_bytes())
            before = snapshot(out)
        link.unlink()
    if kind == "dir" and not (out / "target").exists():
        (out / "target").mkdir()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(out / "target")
    r = run_cli(command, "-q", cwd=sample_project)
    assert snapshot(out) == before, f"{command} wrote outside the project through {rel}"
    if r.returncode != 0:
        one_line_error(r, "symbolic link")


def test_the_lock_is_never_followed(sample_project: Path, tmp_path: Path):
    out = outside(tmp_path)
    (sample_project / ".tamizdat.lock").symlink_to(out / "keep.txt")
    one_line_error(run_cli("update", cwd=sample_project), ".tamizdat.lock", "symbolic link")
    assert (out / "keep.txt").read_text() == "precious\n"
    (sample_project / ".tamizdat.lock").unlink()
    (sample_project / ".tamizdat.lock").symlink_to(out / "new-file")  # a dangling link is not created either
    one_line_error(run_cli("build", cwd=sample_project), "symbolic link")
    assert not (out / "new-file").exists()


def test_a_hard_linked_lock_is_refused(sample_project: Path, tmp_path: Path):
    out = outside(tmp_path)
    os.link(out / "keep.txt", sample_project / ".tamizdat.lock")
    one_line_error(run_cli("update", cwd=sample_project), ".tamizdat.lock", "hard links")
    assert (out / "keep.txt").read_text() == "precious\n"


# -- the project in the wrong shape ------------------------------------------------------------------------


def test_wrong_shapes_are_one_line_errors(sample_project: Path):
    (sample_project / ".tamizdat.lock").mkdir()
    one_line_error(run_cli("build", cwd=sample_project), ".tamizdat.lock", "directory")
    (sample_project / ".tamizdat.lock").rmdir()
    (sample_project / "site").write_text("not a folder")
    one_line_error(run_cli("build", cwd=sample_project), "site", "folder")
    (sample_project / "site").unlink()
    (sample_project / ".tamizdat").mkdir(exist_ok=True)
    (sample_project / ".tamizdat" / "cache").write_text("not a folder")
    one_line_error(run_cli("build", cwd=sample_project), "cache", "folder")
    (sample_project / ".tamizdat" / "cache").unlink()
    assert run_cli("build", "-q", cwd=sample_project).returncode == 0
    one_line_error(run_cli("extract", f"articles/{SLUG}.html", "-o", "locales", cwd=sample_project),
                   "locales", "directory")


def test_settings_that_are_not_settings(sample_project: Path):
    cfg = sample_project / "pyproject.toml"
    good = cfg.read_bytes()
    cfg.write_bytes(good + b"# caf\xe9\n")
    one_line_error(run_cli("build", cwd=sample_project), "pyproject.toml", "UTF-8")
    for text in ("[tool]\ntamizdat = 5\n", "tool = 5\n"):
        cfg.write_text(text)
        r = run_cli("build", cwd=sample_project)
        one_line_error(r, "pyproject.toml", "table")


def test_a_configured_glossary_that_is_missing_is_an_error(sample_project: Path):
    cfg = sample_project / "pyproject.toml"
    cfg.write_text(cfg.read_text().replace('base_url = "https://example.org/tamizdat/"',
                                           'base_url = "https://example.org/tamizdat/"\n'
                                           'glossary = "glossary/missing.toml"'))
    before = snapshot(sample_project / "locales")
    for command in ("build", "update", "check"):
        one_line_error(run_cli(command, cwd=sample_project), "glossary/missing.toml", "does not exist")
    assert snapshot(sample_project / "locales") == before


# -- the lock and what a killed run leaves ---------------------------------------------------------------


def test_a_lock_left_by_a_killed_run_is_taken_over_saying_so(sample_project: Path):
    # What a run killed mid-write leaves: its id in the lock and its temporary files.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    (sample_project / ".tamizdat.lock").write_text(f"{dead}\n")
    litter = [sample_project / "locales" / "ru" / f".{SLUG}.po.tz{dead}.abcd1234.tmp",
              sample_project / "site" / "ru" / f".index.html.tz{dead}.x_Yz9876.tmp"]
    for p in litter:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("half a file")
    mine = sample_project / "locales" / ".notes.tmp"  # not ours: kept
    mine.write_text("a user's file")
    r = run_cli("build", cwd=sample_project)
    assert r.returncode == 0, r.stderr
    assert f"run {dead} ended without releasing" in r.stderr
    assert "removed 2 temporary file(s)" in r.stderr
    assert not any(p.exists() for p in litter) and mine.exists()
    assert (sample_project / ".tamizdat.lock").read_text() == ""  # released cleanly: nothing to take over
    r = run_cli("build", cwd=sample_project)
    assert "taking it over" not in r.stderr and "temporary" not in r.stderr


def test_temporary_files_of_older_versions_are_removed_once_no_process_has_them_open(sample_project: Path):
    # Tamizdat before issue 15 named its temporary files without a process id (.NAME.XXXXXXXX.tmp).
    old = [sample_project / "locales" / "ru" / f".{SLUG}.po.abcd1234.tmp",
           sample_project / "locales" / f".{SLUG}.pot.k2x_9qzq.tmp",
           sample_project / "site" / "ru" / ".index.html.x0yz9876.tmp"]
    for p in old:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("half a file")
    kept = [sample_project / "locales" / ".draft.md.abcdefgh.tmp",  # not a kind of file tamizdat writes
            sample_project / "locales" / ".notes.tmp"]
    for p in kept:
        p.write_text("a user's file")
    # A live process still has one open: it may be writing it, so it stays.
    holder = subprocess.Popen([sys.executable, "-c", "import sys\nf = open(sys.argv[1])\nprint('open', flush=True)\n"
                               "sys.stdin.readline()\n", str(old[0])], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        r = run_cli("update", cwd=sample_project)
        assert r.returncode == 0, r.stderr
        notes = [line for line in r.stderr.splitlines() if "older tamizdat" in line]
        assert notes == ["tamizdat: note: removed 2 temporary file(s) left by an older tamizdat "
                         "(no process has them open)"], r.stderr
        assert old[0].exists() and not old[1].exists() and not old[2].exists()
    finally:
        holder.communicate("\n")
    r = run_cli("update", cwd=sample_project)
    assert "removed 1 temporary file(s) left by an older tamizdat" in r.stderr
    assert not old[0].exists() and all(p.exists() for p in kept)
    assert "older tamizdat" not in run_cli("update", cwd=sample_project).stderr

# -- catalogues and the build cache ----------------------------------------------------------------------

PICTURE = """<html lang="en"><head><meta charset="utf-8"><title>Picture</title>
<meta name="date" content="2024-01-02"></head>
<body><article><h1>Picture</h1><p>A letter from the colony.</p></article></body></html>
"""


def test_a_catalogue_made_for_another_article_is_refused(sample_project: Path):
    (sample_project / "articles" / "picture.html").write_text(PICTURE)
    assert run_cli("build", "-q", cwd=sample_project).returncode == 0
    ru = sample_project / "locales" / "ru"
    (ru / "picture.po").write_bytes((ru / f"{SLUG}.po").read_bytes())
    before = snapshot(sample_project / "locales")
    for command in ("update", "build"):
        one_line_error(run_cli(command, cwd=sample_project), "locales/ru/picture.po", "another article")
        assert snapshot(sample_project / "locales") == before


def test_the_build_cache_never_changes_what_is_published(sample_project: Path, tmp_path: Path):
    """The red team's case: after one build, the ru catalogue cut to 4 of its entries. A cached build
    must publish exactly what a cold build publishes (here: nothing, 15 % < 100 %)."""
    import shutil

    from pipeline.catalog import pofile

    assert run_cli("build", "-q", cwd=sample_project).returncode == 0
    shutil.rmtree(sample_project / ".tamizdat" / "published" / "ru")  # no earlier translation to fall back on
    path = sample_project / "locales" / "ru" / f"{SLUG}.po"
    po = pofile.parse(path.read_bytes(), str(path))
    for e in [e for e in po if e.msgid and not e.obsolete][4:]:
        po.remove(e)
    path.write_bytes(pofile.encode(po))
    cold = tmp_path / "cold"
    shutil.copytree(sample_project, cold)
    shutil.rmtree(cold / ".tamizdat" / "cache")
    results = [run_cli("build", "--allow-unpublish", cwd=p) for p in (sample_project, cold)]
    notes = [sorted(line for line in r.stderr.splitlines() if line.startswith("publish:")) for r in results]
    assert notes[0] == notes[1]
    assert any("ru/azat-miftakhov-caste: not published (15 % < threshold 100 %)" in n for n in notes[0]), notes
    assert snapshot(sample_project / "site") == snapshot(cold / "site")
    assert snapshot(sample_project / "locales") == snapshot(cold / "locales")


PLAIN = """<html lang="en"><head><meta charset="utf-8"><title>Search</title>
<meta name="date" content="2024-01-03"></head>
<body><article><h1>Search</h1><p>The FSB searched the cell.</p><p>Letters were taken.</p></article></body></html>
"""


def koi8r_catalogue(path: Path) -> None:
    """A Russian catalogue as a translator's old editor saved it: KOI8-R, without the glossary notes
    (their em dashes do not exist in KOI8-R)."""
    from pipeline.catalog import pofile

    po = pofile.parse(path.read_bytes(), str(path))
    for e in po:
        e.comment = ""
        if e.msgid:
            e.msgstr = "Перевод: ФСБ, обыск, камера, письма"
            e.flags = [f for f in e.flags if f != "fuzzy"]
    po.header = "Russian translation."
    po.metadata["Content-Type"] = "text/plain; charset=KOI8-R"
    path.write_bytes(pofile.encode(po))


def test_a_koi8r_catalogue_becomes_utf8_as_msgmerge_makes_it(sample_project: Path):
    import shutil

    (sample_project / "articles" / "search.html").write_text(PLAIN)
    assert run_cli("build", "-q", cwd=sample_project).returncode == 0
    path = sample_project / "locales" / "ru" / "search.po"
    koi8r_catalogue(path)
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)]).returncode == 0
    old = path.read_bytes().decode("koi8-r")
    assert "charset=KOI8-R" in old
    r = run_cli("update", cwd=sample_project)
    assert r.returncode == 0, r.stderr
    assert "converted from KOI8-R to UTF-8" in r.stderr
    new = path.read_bytes().decode("utf-8")
    assert "charset=UTF-8" in new and "glossary: FSB —" in new
    translated = 'msgstr "Перевод: ФСБ, обыск, камера, письма"'
    assert new.count(translated) == old.count(translated) == 3  # every translation kept
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)]).returncode == 0
    koi8r_catalogue(path)
    r = run_cli("build", cwd=sample_project)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "charset=UTF-8" in path.read_text(encoding="utf-8")


def test_a_lock_kept_by_orphaned_workers_of_a_dead_run_is_taken_over(sample_project: Path):
    """What older versions left after a kill -9: the workers, reparented, still holding the lock."""
    orphan = subprocess.Popen([sys.executable, "-c", """
import fcntl, os, sys, time
# stands for a forked worker of `python -m pipeline build` whose parent was killed
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.pwrite(fd, b"%d\\n" % int(sys.argv[2]), 0)
print("locked", flush=True)
time.sleep(60)
""", str(sample_project / ".tamizdat.lock"), "999999"], stdout=subprocess.PIPE)
    try:
        assert orphan.stdout.readline().strip() == b"locked"
        r = run_cli("update", cwd=sample_project)
        assert r.returncode == 0, r.stderr
        assert "run 999999 died leaving 1 worker(s) holding the lock; stopped them" in r.stderr
        orphan.wait(timeout=10)
    finally:
        if orphan.poll() is None:
            orphan.kill()
