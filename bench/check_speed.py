"""The glossary check's cost against older commits: issue 17's "no more than 1.5x slower than cf2835e".

    python bench/check_speed.py --n 200 --runs 5                      # 400 catalogues, cf2835e vs this tree
    python bench/check_speed.py --n 1000 --runs 3 cf2835e 0f48c7c .   # 2,000 catalogues, three trees
    python bench/check_speed.py --n 100 --callgrind 20 cf2835e .      # instructions on 40 catalogues

Generates N articles x ru, de with ``bench/generate.py`` and this tree's extractor (once per N, kept in
``--work``), unpacks each commit named with ``git archive`` (a path is used as it is), compiles its bytecode
(so no run pays for it), then runs ``check -j1`` of every tree in turn, ``--runs`` times, under ``nice``,
each with its own glossary. Timings on a shared machine drift by tens of percent between minutes; runs of
different trees alternate so that the drift falls on each tree alike, and only ratios within one run are
reported (medians). CPU is user + system time of the whole process (start-up included: imports and the
dictionaries a check loads are part of what an editor waits for).

``--callgrind K`` also counts instructions (valgrind, deterministic): ``check -j1`` on the first K articles'
catalogues less a run on one one-entry catalogue (start-up), ``PYTHONHASHSEED=0``. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
import run  # noqa: E402

BASELINE = "cf2835e"  # the commit issue 17 was filed against
LANGS = ("ru", "de")
ONE_ENTRY = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

msgid "A word."
msgstr "Слово."
"""


def catalogues(work: Path, n: int) -> list[Path]:
    """N generated articles' catalogues (ru, de), made once and reused: generating is not what is measured."""
    root = work / f"n{n}"
    po = root / "po"
    if not all(len(list((po / lang).glob("*.po"))) == n for lang in LANGS):
        shutil.rmtree(root, ignore_errors=True)
        paths = generate.write_corpus(root / "corpus", n, 7)
        run.extract_all(paths["v1"], root / "pot", run.our_env())
        run.translate_all(root / "pot", po, LANGS)
    return [p for lang in LANGS for p in sorted((po / lang).glob("*.po"))]


def tree(work: Path, spec: str) -> tuple[str, Path]:
    """(label, directory) of a tree to measure: a path as it is, else the commit unpacked from this repository."""
    if spec == "." or Path(spec).is_dir():
        path = Path(spec).resolve()
        head = subprocess.run(["git", "-C", str(path), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(path), "status", "--short", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(path / "pipeline")], check=True)
        return f"{path.name} ({head}{' + changes' if dirty else ''})", path
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", spec], capture_output=True, text=True,
                         check=True).stdout.strip()
    dest = work / "trees" / rev
    if not (dest / "pipeline").is_dir():
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(dest, filter="data")
    # (a tree run for the first time would otherwise pay for compiling in its first run only)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest / "pipeline")], check=True)
    return rev, dest


def check_cmd(path: Path, files: list[Path]) -> list[str]:
    return [sys.executable, "-m", "pipeline", "check", "-j1", *map(str, files),
            "--glossary", str(path / "glossary" / "glossary.toml")]


def env_for(path: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(path), LC_ALL="C.UTF-8", PYTHONHASHSEED="0")


def timed(path: Path, files: list[Path]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``check -j1`` process under ``nice``; its findings are thrown away."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(["nice", "-n", "10", *check_cmd(path, files)], cwd=path, env=env_for(path),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # (1: findings, which generated translations have)
        raise SystemExit(f"{path}: check exited {code}: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, wall


def instructions(path: Path, files: list[Path]) -> tuple[int, int]:
    """Instructions valgrind's callgrind counts for one ``check -j1`` process: in all, and in the interpreter's
    bytecode loop (``_PyEval_EvalFrameDefault``, its own instructions). The second follows CPU more closely: the
    loop's instructions cost more cycles each than the regex engine's or a string method's (more mispredicted
    branches and cache misses per instruction), so a tree whose extra work is bytecode is slower than its
    instructions say (docs/glossary.md, *Speed*, the nineteenth session)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *check_cmd(path, files)],
                              cwd=path, env=env_for(path), capture_output=True, text=True)
        found = re.search(r"Collected : (\d+)", proc.stderr)
        if not found:
            raise SystemExit(f"{path}: callgrind printed no count: {proc.stderr[-500:]}")
        annotated = subprocess.run(["callgrind_annotate", str(out)], capture_output=True, text=True).stdout
    # (one line per recursion depth: _PyEval_EvalFrameDefault, _PyEval_EvalFrameDefault'2, …)
    loop = sum(int(line.split()[0].replace(",", "")) for line in annotated.splitlines()
               if ":_PyEval_EvalFrameDefault" in line)
    return int(found.group(1)), loop


def table(rows: Sequence[Sequence[str]], head: Sequence[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trees", nargs="*", default=[BASELINE, "."],
                    help="commits (unpacked with git archive) or tree paths; the first is the base of the ratios")
    ap.add_argument("--n", type=int, default=200, help="articles (catalogues = 2 N; default 200)")
    ap.add_argument("--runs", type=int, default=5, help="alternating runs of every tree (default 5)")
    ap.add_argument("--callgrind", type=int, default=0, metavar="K", help="also count instructions on K articles")
    ap.add_argument("--work", type=Path, default=Path("/tmp/tamizdat-check-speed"))
    args = ap.parse_args(argv)
    files = catalogues(args.work, args.n)
    trees = [tree(args.work, spec) for spec in args.trees]
    out: list[str] = [f"check -j1, {args.n} articles x {', '.join(LANGS)} = {len(files)} catalogues, "
                      f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at start"]
    if args.runs:
        cpu: dict[str, list[float]] = {label: [] for label, _ in trees}
        wall: dict[str, list[float]] = {label: [] for label, _ in trees}
        for r in range(args.runs):
            order = trees if r % 2 == 0 else trees[::-1]  # (neither tree always follows the other)
            for label, path in order:
                c, w = timed(path, files)
                cpu[label].append(c)
                wall[label].append(w)
                print(f"run {r + 1}: {label} {c:.2f} s CPU, {w:.2f} s wall", file=sys.stderr, flush=True)
        base = statistics.median(cpu[trees[0][0]])
        rows = [(label, f"{statistics.median(cpu[label]):.2f} s", f"{statistics.median(cpu[label]) / base:.2f}",
                 f"{statistics.median(wall[label]):.2f} s", " / ".join(f"{c:.2f}" for c in cpu[label]))
                for label, _ in trees]
        out += ["", f"CPU, medians of {args.runs} alternating runs under nice:", "",
                table(rows, ("tree", "CPU", f"/ {trees[0][0]}", "wall", "every run's CPU"))]
    if args.callgrind:
        one = args.work / "one-entry" / "one.po"
        one.parent.mkdir(parents=True, exist_ok=True)
        one.write_text(ONE_ENTRY, encoding="utf-8")
        some = [p for p in files if int(p.name[:5]) < args.callgrind]  # (generated names start with the index)
        counts = {label: (instructions(path, some), instructions(path, [one])) for label, path in trees}
        (t0, b0), (s0, c0) = counts[trees[0][0]]
        irows = [(label, f"{(t - s) / 1e6:,.0f} M", f"{(t - s) / (t0 - s0):.2f}", f"{(b - c) / 1e6:,.0f} M",
                 f"{(b - c) / (b0 - c0):.2f}", f"{s / 1e6:,.0f} M", f"{t / 1e6:,.0f} M")
                for label, ((t, b), (s, c)) in counts.items()]
        out += ["", f"Instructions (callgrind), {len(some)} catalogues less start-up (in all, and in the bytecode loop):",
                "", table(irows, ("tree", "instructions", f"/ {trees[0][0]}", "bytecode loop", f"/ {trees[0][0]}",
                                 "start-up", "in all"))]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
