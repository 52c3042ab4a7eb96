"""A virtualenv holding Weblate and the Translate Toolkit it pins, for tests that read files as Weblate does.

    python3 tests/tools/weblate_env.py      # create it if missing, print its python

The pins come from ``../shared/weblate/requirements.txt`` (Weblate 5.14.3, Translate Toolkit 3.16.3),
installed with ``--no-deps`` (Weblate's full set needs system libraries its file reading never uses).
The venv lives outside the repository (``$TAMIZDAT_WEBLATE_VENV``, default
``~/.cache/tamizdat/weblate-<hash of the pins>``) so every checkout shares one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT.parent / "shared" / "weblate" / "requirements.txt"


def venv_dir() -> Path:
    if os.environ.get("TAMIZDAT_WEBLATE_VENV"):
        return Path(os.environ["TAMIZDAT_WEBLATE_VENV"])
    pins = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:12]
    return Path.home() / ".cache" / "tamizdat" / f"weblate-{pins}"


def weblate_python() -> Path:
    """The venv's python, creating the venv first if needed; raises RuntimeError saying why it cannot."""
    if not REQUIREMENTS.is_file():
        raise RuntimeError(f"{REQUIREMENTS} is missing (the shared data folder)")
    venv = venv_dir()
    python = venv / "bin" / "python"
    done = venv / ".complete"
    if done.is_file():
        return python
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f"{venv.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs at once install it once
        if done.is_file():
            return python
        steps = [[sys.executable, "-m", "venv", "--clear", str(venv)],
                 [str(python), "-m", "pip", "install", "-q", "--no-deps", "-r", str(REQUIREMENTS)]]
        for cmd in steps:
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode:
                raise RuntimeError(f"{' '.join(cmd[:4])} … failed: {(proc.stderr or proc.stdout).strip()[-800:]}")
        done.write_text("ok\n")
    return python


if __name__ == "__main__":
    try:
        print(weblate_python())
    except RuntimeError as exc:
        print(f"weblate_env: error: {exc}", file=sys.stderr)
        sys.exit(1)
