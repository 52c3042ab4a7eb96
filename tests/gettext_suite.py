"""GNU gettext 0.21's own msgmerge test scripts, run with ``MSGMERGE`` pointing at ``tamizdat merge``.

The scripts (``../shared/gettext-tests/msgmerge-msgcat/msgmerge-*``) write their inputs with here-documents,
run ``${MSGMERGE}`` and compare the result with the expected file using ``${DIFF}``; the other tools they call
(``${MSGFMT}``, ``${MSGCONV}``, ``${MSGCAT}``, ``${MSGCMP}``) stay GNU's. A script is *applicable* when every
option it gives ``${MSGMERGE}`` is one ``tamizdat merge`` accepts.

    PYTHONPATH=$PWD python tests/gettext_suite.py [SCRIPT …]     # prints each result, and the diff of failures
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "gettext-tests" / "msgmerge-msgcat"

# msgmerge's options that `tamizdat merge` accepts (with the same meaning).
ACCEPTED = {"-q", "--quiet", "--silent", "-o", "--output", "--output-file", "-U", "--update", "-C", "--compendium",
            "--previous", "-N", "--no-fuzzy-matching"}

# gnulib's init.sh, reduced to what the scripts use.
INIT_SH = """Exit () { set +e; (exit $1); exit $1; }
path_prepend_ () { :; }
framework_failure_ () { echo "framework failure: $*" >&2; Exit 99; }
skip_ () { echo "skipped: $*" >&2; Exit 77; }
"""


# ``tamizdat merge`` always writes the previous msgid (``#|``) of a fuzzy entry, as ``msgmerge --previous``
# does (docs/catalogues.md). For scripts that run msgmerge without --previous, the wrapper removes those
# lines from our output, so everything else is still compared.
WRAPPER = r"""
import os, re, subprocess, sys, tempfile

args = sys.argv[1:]
target = None
for i, a in enumerate(args):
    if a in ("-o", "--output", "--output-file") and i + 1 < len(args):
        target = args[i + 1]
    elif a.startswith(("--output=", "--output-file=")):
        target = a.split("=", 1)[1]
update = "-U" in args or "--update" in args
if "--previous" in args or target is None and not update:
    sys.exit(subprocess.call([sys.executable, "-m", "pipeline", "merge", *args]))
if update:
    target = [a for a in args if not a.startswith("-")][0]
    rc = subprocess.call([sys.executable, "-m", "pipeline", "merge", *args])
    out = target
else:
    fd, out = tempfile.mkstemp(suffix=".po", dir=".")
    os.close(fd)
    os.unlink(out)
    i = args.index(target)
    rc = subprocess.call([sys.executable, "-m", "pipeline", "merge", *args[:i], out, *args[i + 1:]])
if rc == 0 and os.path.exists(out):
    with open(out, "rb") as f:
        data = f.read()
    kept = re.sub(rb"(?m)^#~?\|[^\n]*\n", b"", data)
    if kept != data or out != target:
        with open(target, "wb") as f:
            f.write(kept)
if out != target and os.path.exists(out):
    os.unlink(out)
# msgfmt -c must never fail on our output when it passes on the inputs: a regression is noted for the test.
inputs = [a for a in args if not a.startswith("-") and a != target][-2:]
def checks(path):
    return subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True).returncode == 0
if rc == 0 and target and os.path.isfile(target) and all(os.path.isfile(p) and checks(p) for p in inputs):
    if not checks(target):
        with open("msgfmt-check-failures.txt", "a") as f:
            f.write(" ".join(args) + "\n")
sys.exit(rc)
"""


@dataclass
class Result:
    script: str
    status: str  # "pass" | "fail" | "skip"
    output: str
    msgfmt_failures: str = ""  # merges whose inputs pass msgfmt -c and whose output does not


def scripts() -> list[Path]:
    return sorted((p for p in SUITE.glob("msgmerge-*") if p.is_file()), key=_natural)


def _natural(path: Path) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]


def options(script: Path) -> set[str]:
    """Every option the script passes to ${MSGMERGE}."""
    text = script.read_text(encoding="utf-8", errors="replace").replace("\\\n", " ")
    found: set[str] = set()
    for line in text.splitlines():
        if "${MSGMERGE}" not in line:
            continue
        call = line.split("${MSGMERGE}", 1)[1]
        call = re.split(r"\|\||>|;|&&", call)[0]
        try:
            words = shlex.split(call)
        except ValueError:
            words = call.split()
        found.update(w.split("=", 1)[0] for w in words if w.startswith("-") and w != "-")
    return found


def applicable(script: Path) -> bool:
    return options(script) <= ACCEPTED


def run(script: Path, work: Path, msgmerge: str | None = None) -> Result:
    """Run one script in ``work`` with ``tamizdat merge`` (or the given command, e.g. GNU's ``msgmerge``)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "init.sh").write_text(INIT_SH, encoding="utf-8")
    for data in SUITE.glob("mm-*"):
        (work / data.name).write_bytes(data.read_bytes())
    wrapper = work / "tamizdat-msgmerge"
    wrapper.write_text(f"#!{sys.executable}\n{WRAPPER}", encoding="utf-8")
    wrapper.chmod(0o755)
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""), MSGMERGE=msgmerge or str(wrapper),
               srcdir=".", abs_srcdir=str(work), wabs_srcdir=str(work), LC_ALL="C", LANGUAGE="", DIFF="diff -u")
    for tool in ("MSGFMT", "MSGCONV", "MSGCAT", "MSGCMP"):
        env.pop(tool, None)  # the scripts default each to GNU's own
    proc = subprocess.run(["sh", script.name], cwd=work, env=env, capture_output=True, text=True,
                          errors="replace", timeout=300)
    (work / script.name).write_text(script.read_text(encoding="utf-8", errors="replace"), encoding="utf-8")
    status = {0: "pass", 77: "skip"}.get(proc.returncode, "fail")
    failures = work / "msgfmt-check-failures.txt"
    return Result(script.name, status, (proc.stdout + proc.stderr)[-4000:],
                  failures.read_text(encoding="utf-8") if failures.is_file() else "")


def run_all(names: list[str] | None = None, msgmerge: str | None = None) -> list[Result]:
    results = []
    for script in scripts():
        if names and script.name not in names:
            continue
        if not applicable(script):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / script.name).write_bytes(script.read_bytes())
            results.append(run(script, work, msgmerge))
    return results


if __name__ == "__main__":
    gnu = "--gnu" in sys.argv  # the same scripts with GNU msgmerge, as a control
    names = [a for a in sys.argv[1:] if a != "--gnu"]
    res = run_all(names or None, "msgmerge" if gnu else None)
    for r in res:
        print(f"{r.script}: {r.status}" + (f" (msgfmt -c fails on our output: {r.msgfmt_failures.strip()})"
                                           if r.msgfmt_failures else ""))
        if r.status == "fail" and sys.argv[1:]:
            print(r.output)
    print(f"{sum(r.status == 'pass' for r in res)} of {len(res)} applicable scripts pass")
