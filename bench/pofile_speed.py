"""Read + write every catalogue of the gnu-www-fr corpus: pipeline.catalog.pofile vs polib.

    python bench/pofile_speed.py [--reps 3]

Both sides get the same bytes already in memory (file reading is not timed).
Ours: ``dumps(parse(data))`` (msgcat-exact output).  polib: ``str(polib.pofile(text))``
(its own layout, not msgcat's).  Runs alternate who goes first; prints the
median seconds and how many outputs are byte-identical to what msgcat writes
(msgcat outputs are computed once, untimed).  CPU seconds are reported
beside wall time because the shared machine's load makes wall time noisy.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from pipeline.catalog import pofile  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "gnu-www-fr"


def ours(datas: list[bytes]) -> list[str]:
    return [pofile.dumps(pofile.parse(d)) for d in datas]


def theirs(datas: list[bytes]) -> list[str]:
    return [str(polib.pofile(d.decode("utf-8"))) for d in datas]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    files = sorted(CORPUS.rglob("*.po"))
    datas = [f.read_bytes() for f in files]
    size = sum(map(len, datas))
    times: dict[str, list[float]] = {"pofile": [], "polib": []}
    cpu: dict[str, list[float]] = {"pofile": [], "polib": []}
    outputs: dict[str, list[str]] = {}
    for rep in range(args.reps):
        order = [("pofile", ours), ("polib", theirs)]
        if rep % 2:
            order.reverse()
        for name, fn in order:
            t0, c0 = time.perf_counter(), time.process_time()
            outputs[name] = fn(datas)
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    exact = {}
    if shutil.which("msgcat"):
        gold = [subprocess.run(["msgcat", "--force-po", str(f)], capture_output=True, check=True).stdout
                for f in files]
        for name, outs in outputs.items():
            exact[name] = sum(o.encode("utf-8") == g for o, g in zip(outs, gold))
    print(f"{len(files)} files, {size / 1e6:.1f} MB, {args.reps} runs (median)")
    print("| reader+writer | wall s | CPU s | MB/s (CPU) | identical to msgcat |")
    print("|---|---|---|---|---|")
    for name in ("pofile", "polib"):
        wall, proc = statistics.median(times[name]), statistics.median(cpu[name])
        print(f"| {name} | {wall:.2f} | {proc:.2f} | {size / 1e6 / proc:.1f} | {exact.get(name, 'n/a')}/{len(files)} |")


if __name__ == "__main__":
    main()
