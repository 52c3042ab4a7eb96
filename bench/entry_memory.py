"""Memory of a catalogue's entries: our ``Message`` against polib's ``POEntry``, in one run.

The entries are the real ones of the gnu.org corpus (shared/corpus, both years), repeated until there
are as many as in the benchmark's big catalogue (52,596). Each side builds its entries from the
same strings in a fresh child process, so what is measured is what the entry type itself costs
(object, attribute dict or slots, lists, dicts), not the text they share; a second figure is the
peak resident memory of the child when it parses the whole catalogue text with each library's
reader (ours: ``pofile.parse``; polib: ``polib.pofile``), and how much it grew while parsing.

    python bench/entry_memory.py [--entries 52596]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def _entries(n: int) -> list:
    from pipeline.catalog import pofile

    files = sorted(p for d in ("gnu-www-fr", "gnu-www-fr-2015") for p in (CORPUS / d).rglob("*.po"))
    if not files:
        raise SystemExit(f"no corpus under {CORPUS}")
    out: list = []
    while len(out) < n:
        for f in files:
            out.extend(pofile.parse(f.read_bytes(), str(f)))
            if len(out) >= n:
                break
    return out[:n]


def _catalogue_text(n: int) -> str:
    from pipeline.catalog import pofile

    po = pofile.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})
    seen = set()
    for i, e in enumerate(_entries(n)):
        key = (e.msgctxt, e.msgid)
        if key in seen:  # a repeated msgid gets a context, so the file stays valid
            e.msgctxt = f"copy {i}"
        seen.add((e.msgctxt, e.msgid))
        po.append(e)
    return pofile.dumps(po)


def _hwm_kb() -> int:
    """Peak resident memory of this process so far (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(kind: str, n: int, text_path: str) -> dict:
    if kind.endswith("-parse"):
        text = Path(text_path).read_text(encoding="utf-8")
        base = _hwm_kb()
        if kind == "ours-parse":
            from pipeline.catalog import pofile

            po = pofile.parse(text)
        else:
            import polib

            po = polib.pofile(text)
        peak = _hwm_kb()
        return {"entries": len(po), "peak_rss_mb": round(peak / 1024, 1), "grown_mb": round((peak - base) / 1024, 1)}
    fields = [(e.msgid, e.msgstr, e.msgid_plural, dict(e.msgstr_plural), e.msgctxt, list(e.flags), e.comment,
               e.tcomment, list(e.occurrences), e.obsolete, e.previous_msgid) for e in _entries(n)]
    tracemalloc.start()
    if kind == "ours":
        from pipeline.catalog.model import Message

        objs = [Message(a, b, msgid_plural=c, msgstr_plural=d, msgctxt=x, flags=f, comment=cm, tcomment=tc,
                        occurrences=o, obsolete=ob, previous_msgid=pm)
                for a, b, c, d, x, f, cm, tc, o, ob, pm in fields]
    else:
        import polib

        objs = [polib.POEntry(msgid=a, msgstr=b, msgid_plural=c, msgstr_plural=d, msgctxt=x, flags=f, comment=cm,
                              tcomment=tc, occurrences=o, obsolete=ob, previous_msgid=pm)
                for a, b, c, d, x, f, cm, tc, o, ob, pm in fields]
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {"entries": len(objs), "bytes_per_entry": round(size / len(objs)), "total_mb": round(size / 2**20, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=52596)
    ap.add_argument("--child", default="")
    ap.add_argument("--text", default="")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.entries, args.text)))
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        text_path = Path(tmp) / "big.po"
        text_path.write_text(_catalogue_text(args.entries), encoding="utf-8")
        rows = {}
        for kind in ("ours", "polib", "ours-parse", "polib-parse"):
            proc = subprocess.run([sys.executable, __file__, "--child", kind, "--entries", str(args.entries),
                                   "--text", str(text_path)], capture_output=True, text=True, check=True)
            rows[kind] = json.loads(proc.stdout)
    print(f"{args.entries} entries of the gnu.org corpus")
    print(f"{'':26}{'ours (Message)':>18}{'polib (POEntry)':>18}")
    print(f"{'entry objects, bytes/entry':26}{rows['ours']['bytes_per_entry']:>18}{rows['polib']['bytes_per_entry']:>18}")
    print(f"{'entry objects, MB':26}{rows['ours']['total_mb']:>18}{rows['polib']['total_mb']:>18}")
    for key, label in (("peak_rss_mb", "parse: peak RSS, MB"), ("grown_mb", "parse: RSS grown by, MB")):
        print(f"{label:26}{rows['ours-parse'][key]:>18}{rows['polib-parse'][key]:>18}")
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
