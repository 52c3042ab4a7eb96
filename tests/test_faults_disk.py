"""A full disk and read-only folders: one line naming the file, exit 1, nothing lost, no temporary file
left, and the next run (once there is room again) succeeds (issue 15).

As root (CI, this machine) the faults are real: a small tmpfs, read-only bind mounts — root ignores file
permissions, so chmod would prove nothing. Where mounting is not allowed, tests/faultshim.py makes the
same system calls fail with ENOSPC / EROFS instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_sample, run_cli
from test_faults_errors import one_line_error, snapshot

SHIM = Path(__file__).with_name("faultshim.py")


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(path: Path, size_kb: int):
    """A tmpfs of ``size_kb`` at ``path`` (True), or nothing (False) where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path))
    try:
        yield mounted
    finally:
        if mounted:
            _umount(path)


def used_kb(folder: Path) -> int:
    out = subprocess.run(["df", "-k", "--output=used", str(folder)], capture_output=True, text=True).stdout
    return int(out.split()[-1])


def shim_cli(fault: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, str(SHIM), fault, *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


def leftovers(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in root.rglob("*.tmp")]


def catalogues(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "locales").rglob("*.po*"))}


# Room left on the disk after the project is copied in, in KB: the run stops in a different step each time
# (catalogues, pages, snapshots, cache).
ROOM = [(4, "mount"), (20, "mount"), (40, "mount"), (60, "mount"), (80, "mount"), (20, "shim"), (60, "shim")]


@pytest.mark.parametrize("room,how", ROOM)
def test_a_full_disk_is_one_line_and_loses_nothing(tmp_path: Path, room: int, how: str):
    disk = tmp_path / "disk"
    with small_disk(disk, 4096) if how == "mount" else contextlib.nullcontext(False) as mounted:
        root = copy_sample(disk / "project")
        # An edited source, so the build has catalogues to merge as well as pages to write.
        article = next((root / "articles").glob("*.html"))
        article.write_text(article.read_text().replace("</article>", "<p>A new paragraph.</p></article>"))
        before = catalogues(root)
        if mounted:
            assert _mount("-o", f"remount,size={used_kb(disk) + room}k", str(disk))
            r = run_cli("build", cwd=root)
        else:
            r = shim_cli(f"enospc:{room * 1024}", "build", cwd=root)
        if r.returncode != 0 or room < 40:  # (a bigger room may be enough for the whole build)
            line = one_line_error(r, "No space left on device")
            assert f"{root}/" in line, "the error names the file it could not write"
        assert leftovers(root) == []
        after = catalogues(root)
        assert set(after) == set(before)
        for name, data in after.items():
            assert data == before[name] or name.endswith((".po", ".pot"))  # old or complete new content
        if mounted:
            assert _mount("-o", "remount,size=4096k", str(disk))
        r = run_cli("build", cwd=root)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
        assert leftovers(root) == []


@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` read-only for everyone, root included: a read-only bind mount (True), or nothing (False)."""
    mounted = _mount("--bind", str(folder), str(folder)) and (
        _mount("-o", "remount,bind,ro", str(folder)) or (_umount(folder), False)[1])
    try:
        yield mounted
    finally:
        if mounted:
            _umount(folder)


@pytest.mark.parametrize("rel,how", [("site", "mount"), (".tamizdat", "mount"), ("locales", "mount"),
                                     (".", "mount"), ("site", "shim"), ("locales", "shim")])
def test_a_read_only_folder_is_one_line_and_loses_nothing(tmp_path: Path, rel: str, how: str):
    root = copy_sample(tmp_path / "project")
    assert run_cli("build", "-q", cwd=root).returncode == 0
    article = next((root / "articles").glob("*.html"))
    article.write_text(article.read_text().replace("</article>", "<p>A new paragraph.</p></article>"))
    folder = root / rel
    before = snapshot(root)
    with read_only(folder) if how == "mount" else contextlib.nullcontext(False) as mounted:
        r = run_cli("build", cwd=root) if mounted else shim_cli(f"erofs:{folder}", "build", cwd=root)
        line = one_line_error(r, "Read-only file system")
        assert str(folder.resolve()) in line or rel in line
        assert "Traceback" not in r.stderr
        r = run_cli("--debug", "build", cwd=root) if mounted else shim_cli(f"erofs:{folder}", "--debug", "build",
                                                                            cwd=root)
        assert "Traceback" in r.stderr and "tamizdat: error:" in r.stderr  # --debug shows where
    after = snapshot(root)
    for name in before:  # nothing lost: every file is there, old or complete new content
        assert name in after or name == ".tamizdat.lock", name
    assert leftovers(root) == []
    r = run_cli("build", cwd=root)
    assert r.returncode == 0, r.stderr
