"""No translation a volunteer ever made is lost: random source edits through extract + update."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalog import pofile
from pipeline.catalog.extract import build_pot, segments_of
from pipeline.catalog.merge import merge

WORDS = ["the", "prisoner", "colony", "letter", "court", "wrote", "was", "moved", "to", "a", "cell", "Azat",
         "<em>caste</em>", "sentence", "again"]

paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)

edit = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 50), paragraph),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("reword"), st.integers(0, 50), st.integers(0, 50), st.sampled_from(WORDS)),
    st.tuples(st.just("reorder"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("split"), st.integers(0, 50), st.integers(1, 8)),
    st.tuples(st.just("join"), st.integers(0, 50)),
)


def apply(paras: list[str], op: tuple) -> list[str]:
    paras = list(paras)
    kind = op[0]
    if kind == "insert":
        paras.insert(op[1] % (len(paras) + 1), op[2])
    elif not paras:
        return paras
    elif kind == "delete":
        del paras[op[1] % len(paras)]
    elif kind == "reword":
        i = op[1] % len(paras)
        words = paras[i].split(" ")
        words[op[2] % len(words)] = op[3]
        paras[i] = " ".join(words)
    elif kind == "reorder":
        i, j = op[1] % len(paras), op[2] % len(paras)
        paras[i], paras[j] = paras[j], paras[i]
    elif kind == "split":
        i = op[1] % len(paras)
        words = paras[i].split(" ")
        if len(words) > 1:
            k = 1 + op[2] % (len(words) - 1)
            paras[i: i + 1] = [" ".join(words[:k]), " ".join(words[k:])]
    elif kind == "join" and len(paras) > 1:
        i = op[1] % (len(paras) - 1)
        paras[i: i + 2] = [paras[i] + " " + paras[i + 1]]
    return paras


def extract(paras: list[str]):
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = f"<html><head><title>Letter</title></head><body><h1>Letter</h1>{body}</body></html>".encode()
    _, seg = segments_of(html, "a.html")
    return build_pot([("a.html", seg.segments())], project_id="a", source_lang="en",
                     creation_date="2026-01-01 00:00+0000")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.lists(paragraph, min_size=1, max_size=6),
       steps=st.lists(st.tuples(st.lists(edit, min_size=1, max_size=3), st.integers(0, 3)), min_size=1, max_size=7))
def test_every_translation_survives_random_edits(start, steps):
    paras = start
    po = merge(None, extract(paras), lang="fr")
    ever: set[str] = set()
    counter = 0
    for edits, accept in steps:
        # A volunteer translates every untranslated entry and accepts a few fuzzy ones.
        for e in po:
            if e.obsolete:
                continue
            if not e.msgstr:
                counter += 1
                e.msgstr = f"traduction {counter}"
                ever.add(e.msgstr)
            elif "fuzzy" in e.flags and accept:
                e.flags.remove("fuzzy")
                e.previous_msgid = None
                accept -= 1
        po = pofile.parse(pofile.dumps(po))  # through the file format, as in real life
        for op in edits:
            paras = apply(paras, op)
        po = merge(po, extract(paras), lang="fr")
        po = pofile.parse(pofile.dumps(po))
        kept = {e.msgstr for e in po if e.msgstr}
        lost = ever - kept
        assert not lost, f"lost {sorted(lost)} after {edits}"
        live = [e.msgid for e in po if not e.obsolete]
        assert live == [e.msgid for e in extract(paras) if e.msgid]  # the template's entries, in its order


WRITER = r"""
import sys
from pipeline.core.fileio import atomic_write, atomic_write_many
mode, paths, a, b = sys.argv[1], sys.argv[2:-2], sys.argv[-2], sys.argv[-1]
print("ready", flush=True)
i = 0
while True:
    data = ((a if i % 2 else b) * 200_000).encode()
    if mode == "one":
        atomic_write(paths[0], data)
    else:
        atomic_write_many([(p, data) for p in paths])
    i += 1
"""


@pytest.mark.parametrize("mode", ["one", "many"])
def test_kill_9_mid_write_leaves_old_or_new_file(tmp_path: Path, mode: str):
    targets = [tmp_path / "fr.po"] if mode == "one" else [tmp_path / f"{n}.po" for n in ("a", "b", "c")]
    a, b = "msgid \"a\"\n", "msgid \"bb\"\n"
    full = {a * 200_000, b * 200_000}
    for t in targets:
        t.write_text(a * 200_000)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    for delay in (0.05, 0.13, 0.21, 0.34):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, mode, *map(str, targets), a, b],
                                stdout=subprocess.PIPE, env=env)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for t in targets:
            assert t.read_text() in full  # whole old or whole new, never a mix or a truncation


def test_a_second_run_is_stopped_by_the_lock(sample_project: Path):
    from conftest import run_cli

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pipeline.core.lock import project_lock\n"
         "with project_lock(sys.argv[1]):\n    print('locked', flush=True)\n    time.sleep(30)\n",
         str(sample_project)],
        stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
    try:
        assert holder.stdout.readline().strip() == b"locked"
        before = {p: p.read_bytes() for p in (sample_project / "locales").rglob("*.po")}
        r = run_cli("update", cwd=sample_project)
        assert r.returncode == 1
        assert "another tamizdat run holds this project's lock" in r.stderr
        assert {p: p.read_bytes() for p in (sample_project / "locales").rglob("*.po")} == before
    finally:
        holder.kill()
        holder.wait()
