"""bench/import_bench.py keeps working: a small run over real pages, every tool's row present.

Scores are not asserted here (they are judged on the full sets, README "Import quality"); what is
asserted is that the benchmark's own scorer is found and that our import extracts the pages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_benchmark_small_run(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "import_bench.py"), "--set", "newspaper4k", "--part", "dev",
         "--limit", "3", "--tools", "ours", "trafilatura", "readability-lxml", "justext", "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {r["tool"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert set(rows) == {"ours", "trafilatura", "readability-lxml", "justext"}
    assert rows["ours"]["failures"] == 0 and rows["ours"]["f1"] > 0.5
    assert "| newspaper4k | dev | 3 | ours |" in proc.stdout
