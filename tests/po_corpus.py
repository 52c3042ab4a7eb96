"""Every PO-like input of GNU gettext 0.21's msgmerge/msgcat tests, read by GNU msgcat and by us.

The scripts under ``../shared/gettext-tests/msgmerge-msgcat`` write their PO files (inputs and expected
outputs) with here-documents; those and the ``mm-*`` data files are the corpus. For each: msgcat accepts it
⇒ our reader accepts it and writes back exactly msgcat's bytes; msgcat refuses it ⇒ we refuse it too, with
a line number.

    PYTHONPATH=$PWD python tests/po_corpus.py        # prints the counts and every disagreement
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "gettext-tests" / "msgmerge-msgcat"
_HEREDOC = re.compile(r"^cat <<(\\?)EOF > ?([^\s]+)[^\n]*\n(.*?)^EOF$", re.M | re.S)
_PO_LIKE = re.compile(rb"^\s*(?:#~\s*)?(?:msgid|msgstr|msgctxt|domain)\b", re.M)


@dataclass
class Case:
    name: str  # script:file or the data file's name
    data: bytes


def cases() -> list[Case]:
    out: list[Case] = []
    for script in sorted(p for p in SUITE.iterdir() if p.name.startswith(("msgmerge-", "msgcat-"))):
        text = script.read_bytes().decode("latin-1")
        for quoted, target, body in _HEREDOC.findall(text):
            if target.endswith((".err", ".sh")) or "$" in target:
                continue
            data = body.encode("latin-1") if quoted else _expand(body)
            if _PO_LIKE.search(data):
                out.append(Case(f"{script.name}:{target}", data))
    for data_file in sorted(SUITE.glob("mm-*")):
        if _PO_LIKE.search(data_file.read_bytes()):
            out.append(Case(data_file.name, data_file.read_bytes()))
    return out


def _expand(body: str) -> bytes:
    """An unquoted here-document's text after the shell's expansions (backslashes, ``$x``), as sh gives it."""
    script = "cat <<EOF\n" + body + "EOF\n"
    return subprocess.run(["sh", "-c", script], input=b"", capture_output=True,
                          env={"PATH": "/usr/bin:/bin"}).stdout


@dataclass
class Outcome:
    case: Case
    gnu_ok: bool
    ours_ok: bool
    same: bool
    detail: str = ""


def check(case: Case, work: Path) -> Outcome:
    from pipeline.catalog import pofile
    from pipeline.core.errors import TamizdatError

    src = work / "in.po"
    src.write_bytes(case.data)
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C"}
    # --force-po: a catalogue of a header alone is written too (msgcat skips it by default; msgmerge does not)
    gnu = subprocess.run(["msgcat", "--force-po", str(src)], capture_output=True, env=env)
    gnu_ok = gnu.returncode == 0
    if not gnu_ok and b"not a portable encoding name" in gnu.stderr:
        # msgcat cannot convert from the template placeholder charset=CHARSET, but GNU reads the file
        # (msgmerge and msgfmt do): the case is one of reading, not of writing back.
        read = subprocess.run(["msgfmt", "-o", "/dev/null", str(src)], capture_output=True, env=env)
        if read.returncode == 0:
            try:
                pofile.parse(case.data, str(src))
            except TamizdatError as exc:
                return Outcome(case, True, False, False, str(exc))
            return Outcome(case, True, True, True, "read only: msgcat cannot convert charset=CHARSET")
    try:
        ours = pofile.encode(pofile.parse(case.data, str(src)))
    except TamizdatError as exc:
        return Outcome(case, gnu_ok, False, not gnu_ok and exc.line is not None, str(exc))
    if not gnu_ok:
        return Outcome(case, False, True, False, gnu.stderr.decode("utf-8", "replace")[:300])
    return Outcome(case, True, True, ours == gnu.stdout, "" if ours == gnu.stdout else _first_difference(
        gnu.stdout, ours))


def _first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: msgcat {x!r} / ours {y!r}"
    return f"msgcat {len(la)} lines / ours {len(lb)} lines"


def run_all() -> list[Outcome]:
    with tempfile.TemporaryDirectory() as tmp:
        return [check(c, Path(tmp)) for c in cases()]


if __name__ == "__main__":
    results = run_all()
    accepted = [r for r in results if r.gnu_ok]
    refused = [r for r in results if not r.gnu_ok]
    print(f"{len(results)} PO-like inputs: msgcat accepts {len(accepted)}, of which we write back "
          f"{sum(r.same for r in accepted)} byte-identical; msgcat refuses {len(refused)}, of which we refuse "
          f"{sum(not r.ours_ok for r in refused)}")
    for r in results:
        if not r.same:
            print(f"  {r.case.name}: gnu {'ok' if r.gnu_ok else 'refuses'}, ours {'ok' if r.ours_ok else 'refuses'}"
                  f" — {r.detail}")
