"""The benchmark script must keep working: run it small, our side only.

Timing is not asserted (speed is judged by the full run, not in CI); what is
asserted is that every step row is there and every one of our commands ran
and succeeded on the generated corpus.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, have, needs

ROOT = Path(__file__).resolve().parent.parent
STEPS = [
    "extract",
    "render × 2 languages",
    "update after edits, per file",
    "update after edits, one big catalogue",
    "check with the full glossary",
    "stats",
    "build, cold",
    "build, one catalogue changed",
    "build, nothing changed",
]


def test_benchmark_smoke_run(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--n", "20", "--reps", "1", "--no-peers",
         "--real", "3", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["peers"] is False
    rows = {r["step"]: r for r in results["rows"]}
    for step in STEPS:
        assert step in rows, f"no row for {step!r}"
        ours = rows[step]["ours"]
        if ours is None:  # n/a is only for a command not written yet
            assert False in results["commands"].values(), f"{step}: not run although every command exists"
            continue
        assert ours["ok"], f"{step}: {ours.get('detail')}"
        assert ours["median_s"] > 0
    # The table a person reads: its heading names the run, its columns are the documented ones, and each
    # step's row holds our measured time and memory, the same figures as results.json.
    md = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert md.startswith("Tamizdat benchmark: N = 20 articles, 1 repetition(s), medians;")
    lines = [line for line in md.splitlines() if line.startswith("|")]
    assert [c.strip() for c in lines[0].strip("|").split("|")] == [
        "step", "N", "ours (median)", "peer", "peer (median)", "ratio", "goal", "our peak RSS", "peer peak RSS"]
    table = {cells[0]: cells for cells in ([c.strip() for c in line.strip("|").split("|")] for line in lines[2:])}
    for step in STEPS:
        cells = table[step]
        assert len(cells) == 9 and re.search(r"\d", cells[1]), cells  # N: how much the step worked on
        ours = rows[step]["ours"]
        if ours is None:
            assert cells[2] == "n/a"
            continue
        time_cell = re.fullmatch(r"(\d+\.\d\d) s", cells[2])
        assert time_cell and float(time_cell.group(1)) == round(ours["median_s"], 2), cells
        rss = re.fullmatch(r"(\d+) MB", cells[7])
        assert rss and int(rss.group(1)) == round(ours["peak_mb"]) and int(rss.group(1)) > 0, cells
        peer = rows[step]["peer_result"]
        if peer is None:  # no peer ran: no peer figure, no ratio
            assert cells[4] in ("n/a", "—") and cells[5] == "—", cells
        else:  # the builds compare with our own cold build
            assert cells[3] == "our cold build" and cells[4] == f"{peer['median_s']:.2f} s", cells
            assert cells[5] == f"{rows[step]['ratio']:.2f}", cells


def test_corpus_is_deterministic_and_edited() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    first = generate.articles(3, seed=11)
    assert first == generate.articles(3, seed=11)
    assert first != generate.articles(3, seed=12)
    for _slug, v1, _v2 in first:
        assert v1.startswith("<!DOCTYPE html>") and '<html lang="en">' in v1
        assert '<meta name="date" content="' in v1 and "<article>" in v1
    assert any(v1 != v2 for _slug, v1, v2 in first)
    # Pseudo translations keep tags, placeholders and entities byte for byte.
    src = 'He was <a1>moved</a1> by etap &amp; <em>SIZO</em> {name}'
    ru = generate.pseudo(src, "ru")
    assert "<a1>" in ru and "</a1>" in ru and "&amp;" in ru and "<em>" in ru and "{name}" in ru
    assert "этап" in ru and "СИЗО" in ru and ru != src


@needs(have("msgmerge") and (CORPUS / "gnu-www-fr-2015").is_dir(), "needs gettext + corpus")
def test_merge_quality_prints_translator_effort_for_both_halves(tmp_path: Path) -> None:
    """bench/merge_quality.py's effort table: msgmerge, us without and with memory, and the oracle, for
    the tuning half, the half held aside and all (a few catalogues: the rows, not the figures)."""
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "merge_quality.py"), "--limit", "6",
                           "--work", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = re.findall(r"^\| (tuning half|held aside|all) \(\d+\) \| ([^|]+?) \| ([\d,]+) \| ([\d.]+) \|",
                      proc.stdout, re.M)
    merges = ["msgmerge --previous", "tamizdat merge", "tamizdat merge --memory",
              "oracle: best single 2015 translation"]
    assert [(part, name) for part, name, _, _ in rows] == [
        (part, name) for part in ("tuning half", "held aside", "all") for name in merges]
    assert all(float(ratio) == 1.0 for _, name, _, ratio in rows if name == merges[0])
