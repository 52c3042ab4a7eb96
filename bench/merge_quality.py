"""Our update against ``msgmerge --previous`` on real data: 392 gnu.org catalogues of 2015 brought to 2017.

    python bench/merge_quality.py [--corpus ../shared/corpus] [--limit N] [--no-memory]

For each 2015 catalogue, the 2017 template is built as the corpus README says
(``msgattrib --no-obsolete --clear-fuzzy --clear-previous | msgfilter --keep-header sed d``);
both tools then merge the same files in the same run: ``tamizdat merge OLD_DIR
NEW_DIR -o OUT --memory OLD_DIR`` in one process, msgmerge once per file (as GNUN runs it). The table
compares time, how often both pick the same old entry, how close each tool's
fuzzy suggestions are to what the translators published in 2017, and how
many entries msgmerge leaves empty that our translation memory fills.

It ends with the translator effort (characters to type or delete to reach the 2017 translations) of
msgmerge, our merge without and with memory, and an oracle, for the tuning half of the catalogues
(the only one looked at while tuning suggestions), the half held aside, and all (``halves``, seed 18).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402
from rapidfuzz.distance import Indel  # noqa: E402



def _parse(data: bytes, path: str):
    try:
        from pipeline.catalog.pofile import parse
    except ImportError:
        import polib

        return polib.pofile(data.decode("utf-8"))
    return parse(data, path)


def build_templates(new_dir: Path, rels: list[str], out: Path) -> None:
    for rel in rels:
        pot = out / (rel[: -len(".fr.po")] + ".pot")
        if pot.exists():
            continue
        pot.parent.mkdir(parents=True, exist_ok=True)
        p1 = subprocess.run(
            ["msgattrib", "--no-obsolete", "--clear-fuzzy", "--clear-previous", str(new_dir / rel)],
            check=True, capture_output=True,
        )
        subprocess.run(
            ["msgfilter", "--keep-header", "-o", str(pot), "sed", "d"], input=p1.stdout, check=True,
            capture_output=True,
        )


def translations(po) -> dict[tuple, str]:
    return {(e.msgctxt, e.msgid): e.msgstr for e in po if not e.obsolete and e.msgstr and "fuzzy" not in e.flags}


def run_ours(old_dir: Path, pots: Path, rels: list[str], work: Path, name: str, *, memory: bool, subset: bool):
    """``tamizdat merge OLD_DIR POT_DIR -o OUT`` over the folder: the time it took and the merged catalogues."""
    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    src = old_dir
    if subset:  # a subset: merge copies of just those files
        src = work / "subset"
        shutil.rmtree(src, ignore_errors=True)
        for rel in rels:
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(old_dir / rel, src / rel)
    cmd = [sys.executable, "-m", "pipeline", "--quiet", "merge", str(src), str(pots), "-o", str(out)]
    if memory:
        cmd += ["--memory", str(src)]  # the other catalogues of the language (each skips itself)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    elapsed = time.perf_counter() - t0
    return elapsed, {rel: _parse((out / rel).read_bytes(), rel) for rel in rels}


SEED = 18  # fixes the split of the catalogues into a tuning half and a half held aside


def halves(rels: list[str]) -> dict[str, set[str]]:
    """The catalogues split in two with a fixed seed: suggestions were tuned on the first half only;
    the second was held aside and is reported beside it."""
    order = sorted(rels)
    random.Random(SEED).shuffle(order)
    return {"tuning half": set(order[: len(order) // 2]), "held aside": set(order[len(order) // 2:]),
            "all": set(order)}


def effort(merged: dict, final: dict, only: set[str] | None = None) -> tuple[int, int, int]:
    """Characters a translator types or deletes (Indel distance) to turn each suggestion into the text
    published in 2017, over every entry that does not already hold it (an empty msgstr costs the whole
    text); with the number of fuzzy suggestions that have a 2017 translation to compare (right ones
    included) and how many of them mislead (similarity < 50)."""
    cost = offered = misleading = 0
    for rel, po in merged.items():
        if only is not None and rel not in only:
            continue
        entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
        for key, published in final[rel].items():
            e = entries.get(key)
            got = e.msgstr if e is not None else ""
            if e is not None and got and "fuzzy" in e.flags:
                offered += 1
                misleading += fuzz.ratio(got, published) < 50
            if got != published:
                cost += Indel.distance(got, published)
    return cost, offered, misleading


def oracle(old: dict, final: dict) -> dict[str, int]:
    """Per catalogue, the effort when every entry gets the single 2015 translation (of any catalogue)
    closest to its 2017 text, knowing the answer: what whole-entry suggestions could reach at best."""
    from rapidfuzz import process

    pool = sorted({e.msgstr for po in old.values() for e in po if e.msgstr})
    known = set(pool)
    out = {}
    for rel, fin in final.items():
        total = 0
        for published in fin.values():
            if published in known:
                continue
            hit = process.extractOne(published, pool, scorer=Indel.distance, score_cutoff=len(published))
            total += hit[1] if hit else len(published)
        out[rel] = total
    return out


def effort_table(runs: list[tuple[str, dict]], final: dict, best: dict[str, int] | None,
                 corpus: list[str]) -> None:
    """The translator-effort table, for the tuning half, the half held aside and all catalogues."""
    print("Translator effort: characters to type or delete to reach the 2017 translations (Indel distance);")
    print("misleading: fuzzy suggestions whose similarity to the 2017 translation is < 50, of all fuzzy ones")
    print("| catalogues | merge | effort | × msgmerge | fuzzy suggestions | misleading (< 50) |")
    print("|---|---|---:|---:|---:|---:|")
    for part, only in halves(corpus).items():  # the split of the whole corpus, also under --limit
        only = only & set(final)
        base = effort(runs[0][1], final, only)[0] or 1
        label = f"{part} ({len(only)})"
        for name, merged in runs:
            cost, offered, bad = effort(merged, final, only)
            share = f"{100 * bad / offered:.2f} %" if offered else "-"
            print(f"| {label} | {name} | {cost:,} | {cost / base:.3f} | {offered:,} | {bad} ({share}) |")
        if best is not None:
            cost = sum(v for rel, v in best.items() if rel in only)
            print(f"| {label} | oracle: best single 2015 translation | {cost:,} | {cost / base:.3f} | | |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N catalogues (quick look)")
    ap.add_argument("--no-memory", action="store_true", help="no translation memory (like msgmerge)")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "tamizdat-bench-merge"),
                    help="folder for templates (kept between runs) and outputs")
    ap.add_argument("--no-oracle", action="store_true", help="skip the oracle row (about a minute on 392)")
    args = ap.parse_args(argv)

    old_dir = Path(args.corpus) / "gnu-www-fr-2015"
    new_dir = Path(args.corpus) / "gnu-www-fr"
    rels = sorted(str(p.relative_to(old_dir)) for p in old_dir.rglob("*.po"))
    corpus = list(rels)
    if args.limit:
        rels = rels[: args.limit]
    work = Path(args.work)
    pots = work / "pot"
    build_templates(new_dir, rels, pots)
    shutil.rmtree(work / "msgmerge", ignore_errors=True)
    (work / "msgmerge").mkdir(parents=True)

    # -- GNU msgmerge ----------------------------------------------------
    t0 = time.perf_counter()
    for rel in rels:
        out = work / "msgmerge" / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["msgmerge", "--previous", "-q", "-o", str(out), str(old_dir / rel),
             str(pots / (rel[: -len(".fr.po")] + ".pot"))],
            check=True,
        )
    t_gnu = time.perf_counter() - t0

    # -- ours: one process for the whole folder, as a user runs it ------------------
    t_ours, ours = run_ours(old_dir, pots, rels, work, "tamizdat", memory=not args.no_memory, subset=bool(args.limit))
    plain = None
    if not args.no_memory:  # the translator-effort table compares us without memory too
        plain = run_ours(old_dir, pots, rels, work, "tamizdat-plain", memory=False, subset=bool(args.limit))[1]

    # -- compare ------------------------------------------------------------
    gnu = {rel: _parse((work / "msgmerge" / rel).read_bytes(), rel) for rel in rels}
    final = {rel: translations(_parse((new_dir / rel).read_bytes(), rel)) for rel in rels}
    stats = {name: {"translated": 0, "fuzzy": 0, "sims": [], "memory": 0, "memory_sims": []}
             for name in ("msgmerge", "tamizdat")}
    same = both = 0
    gnu_empty_final = 0
    filled_from_gnu_empty = []
    for rel in rels:
        fin = final[rel]
        g = {(e.msgctxt, e.msgid): e for e in gnu[rel] if not e.obsolete}
        o = {(e.msgctxt, e.msgid): e for e in ours[rel] if not e.obsolete}
        for name, entries in (("msgmerge", g), ("tamizdat", o)):
            s = stats[name]
            for k, e in entries.items():
                if not e.msgstr:
                    continue
                if "fuzzy" in e.flags and "memory: " in (e.tcomment or ""):
                    s["memory"] += 1
                    if k in fin:
                        s["memory_sims"].append(fuzz.ratio(e.msgstr, fin[k]))
                elif "fuzzy" in e.flags:
                    s["fuzzy"] += 1
                    if k in fin:
                        s["sims"].append(fuzz.ratio(e.msgstr, fin[k]))
                else:
                    s["translated"] += 1
        for k, ge in g.items():
            oe = o.get(k)
            if oe is None:
                continue
            if "fuzzy" in ge.flags and "fuzzy" in oe.flags and ge.previous_msgid and oe.previous_msgid:
                both += 1
                same += ge.previous_msgid == oe.previous_msgid
            if not ge.msgstr and k in fin:
                gnu_empty_final += 1
                if oe.msgstr:
                    filled_from_gnu_empty.append(fuzz.ratio(oe.msgstr, fin[k]))

    def row(label, a, b):
        print(f"{label:<52}{a:>14}{b:>14}")

    print(f"{len(rels)} catalogues, 2015 -> 2017 templates; memory: {'off' if args.no_memory else 'on'}")
    row("", "msgmerge", "tamizdat")
    row("time, whole folder (s)", f"{t_gnu:.2f}", f"{t_ours:.2f}")
    for key, label in (("translated", "entries translated"), ("fuzzy", "fuzzy suggestions, same catalogue"),
                       ("memory", "suggestions from memory (other catalogues)")):
        row(label, stats["msgmerge"][key], stats["tamizdat"][key])
    for name in ("msgmerge", "tamizdat"):
        sims = stats[name]["sims"]
        stats[name]["mean"] = f"{statistics.mean(sims):.1f}" if sims else "-"
        stats[name]["median"] = f"{statistics.median(sims):.1f}" if sims else "-"
        stats[name]["low"] = sum(1 for x in sims if x < 50)
        stats[name]["n"] = len(sims)
    row("fuzzy with a 2017 translation to compare", stats["msgmerge"]["n"], stats["tamizdat"]["n"])
    row("  mean ratio to the 2017 translation", stats["msgmerge"]["mean"], stats["tamizdat"]["mean"])
    row("  median", stats["msgmerge"]["median"], stats["tamizdat"]["median"])
    row("  misleading (ratio < 50)", stats["msgmerge"]["low"], stats["tamizdat"]["low"])
    all_sims = {n: stats[n]["sims"] + stats[n]["memory_sims"] for n in stats}
    row("all suggestions with a 2017 translation", len(all_sims["msgmerge"]), len(all_sims["tamizdat"]))
    row("  mean ratio to the 2017 translation", *(f"{statistics.mean(v):.1f}" if v else "-"
                                                  for v in all_sims.values()))
    row("  misleading (ratio < 50)", *(sum(1 for x in v if x < 50) for v in all_sims.values()))
    row("both fuzzy: same old entry chosen", "", f"{same}/{both}")
    fills = filled_from_gnu_empty
    row("left empty by msgmerge, translated in 2017", gnu_empty_final, "")
    row("  of those filled by tamizdat", "", len(fills))
    if fills:
        row("  their mean ratio to the 2017 translation", "", f"{statistics.mean(fills):.1f}")
        row("  of which misleading (< 50)", "", sum(1 for x in fills if x < 50))

    print()
    runs = [("msgmerge --previous", gnu)]
    runs += [("tamizdat merge", plain), ("tamizdat merge --memory", ours)] if plain is not None else [
        ("tamizdat merge", ours)]
    best = None
    if not args.no_oracle:
        best = oracle({rel: _parse((old_dir / rel).read_bytes(), rel) for rel in rels}, final)
    effort_table(runs, final, best, corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
