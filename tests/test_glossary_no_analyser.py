"""The check without pymorphy3: an editor whose Python cannot load it is warned once and still gets the findings
that stems alone give. The Russian rules that read a word's first parse (an adjective left without its noun, a
repeat's noun, a shared head, a verb of a noun term, a participle term's verb) ask ``wordkeys.first_reading``,
which has no reading without an analyser, rather than each guarding ``parses()[0]``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from glossary_quality import PARTS, read_pairs  # noqa: E402

# Sentences that reach those rules, with what each gives without an analyser.
CASES = [
    # a repeat whose clause names a noun: ШИЗО in capitals is one, with or without an analyser, so «снова» stands
    # for no repeat and the description stays an error
    ("Miftakhov wrote to us in March; in April Miftakhov was sent to the punishment cell again.",
     "Мифтахов написал нам в марте; в апреле математика снова отправили в ШИЗО.", "error"),
    # an adjective left without its noun and a noun term said as a verb need the analyser: stems alone do not see
    # «второе» or «освободили условно-досрочно» render the term (with it: a warning and no finding)
    ("The first long visit was in May; the second long visit was cancelled.",
     "Первое длительное свидание было в мае; второе отменили.", "error"),
    ("He was released on parole in May.", "Его освободили условно-досрочно в мае.", "error"),
]


def _po(pairs: list[tuple[str, str]]) -> str:
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'

    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n'
    return head + "".join(f"\nmsgctxt {q(str(i))}\nmsgid {q(s)}\nmsgstr {q(d)}\n" for i, (s, d) in enumerate(pairs))


def test_the_check_runs_without_an_analyser_and_says_so_once(tmp_path):
    cases, dev = tmp_path / "cases.ru.po", tmp_path / "dev.ru.po"  # (one article each: the dev set's would lean)
    cases.write_text(_po([(s, d) for s, d, _found in CASES]), encoding="utf-8")
    dev.write_text(_po([(r["src"], r["dst"]) for name in PARTS for r in read_pairs(ROOT / PARTS[name])
                        if r["lang"] == "ru"]), encoding="utf-8")  # each rule meets the dev sets' Russian words
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "pymorphy3.py").write_text('raise ImportError("not installed (this test)")\n')
    env = dict(os.environ, PYTHONPATH=os.pathsep.join((str(blocker), str(ROOT))))
    run = subprocess.run([sys.executable, "-m", "pipeline", "check", "-j1", "--format", "json", str(cases), str(dev),
                          "--glossary", str(ROOT / "glossary" / "glossary.toml")],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.stderr.count("pymorphy3 cannot analyse 'ru'") == 1, run.stderr
    found = json.loads(run.stdout)
    by_source: dict[str, list[str]] = {}
    for f in found:
        if f["msgid"]:
            by_source.setdefault(f["msgid"], []).append(f["severity"])
    assert len(by_source) > 100  # (stems alone still find most terms)
    for src, _dst, severity in CASES:
        assert severity in by_source.get(src, []), src
