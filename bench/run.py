"""Benchmark Tamizdat against Translate Toolkit and GNU gettext on the same files.

    python bench/run.py --n 1000 --reps 3          # the full comparison
    python bench/run.py --n 20 --reps 1 --no-peers # the smoke run the tests use

Generates a deterministic corpus (bench/generate.py), installs Translate Toolkit
into ``bench/.venv-peers`` when it is missing, then runs every step for us and
for the peer on the same files, alternating who goes first, and prints a
markdown table of median wall time and peak memory (also written to
``<out>/results.md`` and ``<out>/results.json``).  A step whose command does not
exist yet shows ``n/a`` instead of failing the run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

PEER_VENV = HERE / ".venv-peers"
CORPUS = REPO.parent / "shared" / "corpus"
PEER_TOOLS = ("html2po", "po2html", "pot2po", "pofilter", "pocount")


# -- running one command and measuring it ----------------------------------
@dataclass
class Cmd:
    """One or more processes run one after the other and measured as one."""

    argvs: list[list[str]]
    cwd: Path | None = None
    ok_codes: tuple[int, ...] = (0,)
    tree: bool = True  # also sample the process tree's summed PSS (forked workers); off only for tests


@dataclass
class Result:
    seconds: float
    peak_kb: int
    ok: bool
    detail: str = ""


def _pss_kb(pid: int, rss_kb: int) -> int:
    """Proportional set size: each shared page counted once across the processes sharing it."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss_kb


def _tree(root: int) -> dict[int, int]:
    """{pid: RSS in kB} of ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()
        pid = int(name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    tree = {}
    for pid in rss:
        p = pid
        while p and p != root and p in parents:
            p = parents[p]
        if p == root:
            tree[pid] = rss[pid]
    return tree


def _tree_memory_kb(root: int) -> int:
    """Memory of ``root`` and all its descendants: their summed PSS (0 when the tree changed meanwhile).

    Summed RSS would count the pages forked workers share with their parent once per
    worker, and make a tree of three processes look three times its size. A fork
    between reading the parent and reading the child would count the shared pages
    twice (all the parent's, then half again in the child), so a sample during which
    a process appeared or ended is dropped: the next one, 100 ms later, is sound.
    """
    before = _tree(root)
    total = sum(_pss_kb(pid, kb) for pid, kb in before.items())
    return total if _tree(root).keys() == before.keys() else 0


def _gnu_time() -> str | None:
    """GNU time reports the child's own peak RSS.

    ``wait4`` alone cannot: Python starts children with vfork, so a child's peak
    RSS starts at this runner's own (about 20 MB) and small tools all look alike.
    """
    path = shutil.which("time", path="/usr/bin:/bin")
    if path is None:
        return None
    probe = subprocess.run([path, "-f", "%M", "true"], capture_output=True, text=True)
    return path if probe.returncode == 0 and probe.stderr.strip().isdigit() else None


GNU_TIME = _gnu_time()


def measure(cmd: Cmd, env: dict[str, str], log: Path, timeout: float) -> Result:
    """Wall time (all argvs), peak RSS (max over argvs) and success of ``cmd``."""
    total = 0.0
    peak = 0
    with open(log, "ab") as out:
        for argv in cmd.argvs:
            out.write(("$ " + " ".join(argv[:8]) + (" ..." if len(argv) > 8 else "") + "\n").encode())
            out.flush()
            rss_file = log.with_suffix(".rss")
            wrapped = [GNU_TIME, "-f", "%M", "-o", str(rss_file), *argv] if GNU_TIME else argv
            start = time.perf_counter()
            try:
                proc = subprocess.Popen(wrapped, cwd=cmd.cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
            except OSError as exc:
                return Result(0.0, 0, False, str(exc))
            sampled = [0]
            stop = threading.Event()
            if cmd.tree:

                def sample() -> None:
                    while not stop.wait(0.1):
                        sampled[0] = max(sampled[0], _tree_memory_kb(proc.pid))

                threading.Thread(target=sample, daemon=True).start()
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            timer.cancel()
            stop.set()
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            total += elapsed
            child_kb = usage.ru_maxrss
            if GNU_TIME:
                try:
                    child_kb = int(rss_file.read_text().split()[-1])
                except (OSError, ValueError, IndexError):
                    pass
            peak = max(peak, child_kb, sampled[0])
            if proc.returncode not in cmd.ok_codes:
                return Result(total, peak, False, f"exit {proc.returncode}: see {log}")
    text = log.read_bytes()[-20000:].decode("utf-8", "replace")
    if "Traceback (most recent call last)" in text or "tamizdat: error:" in text:
        return Result(total, peak, False, f"error output: see {log}")
    return Result(total, peak, True)


# -- the tools -------------------------------------------------------------
def ours(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", *args]


def our_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


_HAVE: dict[str, bool] = {}


def have_command(name: str) -> bool:
    """Does ``tamizdat NAME`` exist in this tree (yet)?"""
    if name not in _HAVE:
        proc = subprocess.run(ours(name, "--help"), env=our_env(), capture_output=True, cwd=REPO)
        _HAVE[name] = proc.returncode == 0
    return _HAVE[name]


def peer(name: str) -> str:
    return str(PEER_VENV / "bin" / name)


def ensure_peers() -> bool:
    """Translate Toolkit in its own virtualenv, installed from PyPI when missing.

    With RapidFuzz beside it: pot2po then uses it for fuzzy matching (without it,
    pot2po falls back to pure Python, 50 times slower), so we face the peer at its best.
    """
    def ready() -> bool:
        if not all(Path(peer(t)).exists() for t in PEER_TOOLS):
            return False
        return subprocess.run([peer("python"), "-c", "import rapidfuzz"], capture_output=True).returncode == 0

    if ready():
        return True
    print(f"installing translate-toolkit and rapidfuzz into {PEER_VENV} ...", flush=True)
    try:
        if not Path(peer("pip")).exists():
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([peer("pip"), "install", "-q", "translate-toolkit", "rapidfuzz"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"could not install translate-toolkit: {exc}", file=sys.stderr)
        return False
    return ready()


# -- preparing the inputs (never timed) --------------------------------------
_BLOCK = re.compile(r"<(title|h1|h2|p|li|td|th|caption)(?:\s[^>]*)?>(.*?)</\1>", re.S)


def fallback_pot(html_text: str) -> str:
    """A crude template (block contents as msgids) while ``tamizdat extract`` does not exist yet."""
    import polib

    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    seen = set()
    for m in _BLOCK.finditer(html_text):
        text = " ".join(m.group(2).split())
        if text and "<p>" not in text and text not in seen:
            seen.add(text)
            po.append(polib.POEntry(msgid=text, msgstr=""))
    return str(po)


def extract_all(src: Path, dest: Path, env: dict[str, str]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    if have_command("extract"):
        proc = subprocess.run(ours("extract", str(src), "-o", str(dest)), env=env, capture_output=True, text=True)
        if proc.returncode == 0:
            return
        print(f"  tamizdat extract failed ({proc.stderr.strip()[-300:]}); using the fallback extractor", flush=True)
    for f in sorted(src.glob("*.html")):
        (dest / f"{f.stem}.pot").write_text(fallback_pot(f.read_text(encoding="utf-8")), encoding="utf-8")


def _translate_chunk(job: tuple[list[str], str, str]) -> None:
    paths, lang, dest = job
    for p in map(Path, paths):
        text = generate.pseudo_translate(p.read_text(encoding="utf-8"), lang)
        (Path(dest) / f"{p.stem}.po").write_text(text, encoding="utf-8")


def translate_all(pot_dir: Path, po_root: Path, langs: tuple[str, ...]) -> None:
    """Pseudo-translate every template into each language, on every core (setup is not timed)."""
    from concurrent.futures import ProcessPoolExecutor

    pots = [str(p) for p in sorted(pot_dir.glob("*.pot"))]
    jobs = []
    for lang in langs:
        (po_root / lang).mkdir(parents=True, exist_ok=True)
        jobs += [(pots[i : i + 50], lang, str(po_root / lang)) for i in range(0, len(pots), 50)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_translate_chunk, jobs))


def msgcat(files: list[Path], out: Path) -> None:
    # Through a file list: 2000 paths would be fine on argv, but 50k might not.
    lst = out.with_suffix(".list")
    lst.write_text("\n".join(map(str, files)) + "\n", encoding="utf-8")
    subprocess.run(["msgcat", "--use-first", "-f", str(lst), "-o", str(out)], check=True)


def msgids(path: Path) -> set[str]:
    """The msgids of a PO file, each as its lines (enough to count distinct entries)."""
    return set(re.findall(r'^msgid "(?:.*)"\n(?:".*"\n)*', path.read_text(encoding="utf-8"), re.M)) - {'msgid ""\n'}


def count_entries(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("msgid ")) - 1


def corpus_pairs(limit: int) -> list[tuple[Path, Path]]:
    """(2015 catalogue, 2017 catalogue) pairs from the shared gnu.org corpus."""
    old_root, new_root = CORPUS / "gnu-www-fr-2015", CORPUS / "gnu-www-fr"
    if not old_root.is_dir():
        return []
    pairs = []
    for old in sorted(old_root.rglob("*.po")):
        new = new_root / old.relative_to(old_root)
        if new.exists():
            pairs.append((old, new))
    return pairs[:limit]


def template_of(po: Path, pot: Path) -> None:
    """The 2017 msgids as a template, the way the corpus README says."""
    attrib = subprocess.run(
        ["msgattrib", "--no-obsolete", "--clear-fuzzy", "--clear-previous", str(po)], check=True, capture_output=True
    )
    subprocess.run(["msgfilter", "--keep-header", "-o", str(pot), "sed", "d"], input=attrib.stdout, check=True)


PYPROJECT = """[project]
name = "bench-site"
version = "0"

[tool.tamizdat]
source_language = "en"
languages = {langs}
site_title = "Tamizdat benchmark"
base_url = "https://example.org/bench/"
"""


@dataclass
class Workspace:
    root: Path
    n: int
    langs: tuple[str, ...] = generate.LANGUAGES
    paths: dict[str, Path] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Path:
        return self.paths[key]


BIG_PER_ARTICLE = 52  # distinct entries per article in the big catalogue


def prepare(root: Path, n: int, seed: int, with_peers: bool, real: int) -> Workspace:
    """Every input the steps read, made once per run."""
    env = our_env()
    if root.exists():
        shutil.rmtree(root)
    ws = Workspace(root, n)
    t0 = time.perf_counter()
    ws.paths.update(generate.write_corpus(root / "corpus", n, seed))
    # Ours: templates of both versions, pseudo translations of v1.
    extract_all(ws["v1"], root / "ours" / "pot_v1", env)
    extract_all(ws["v2"], root / "ours" / "pot_v2", env)
    translate_all(root / "ours" / "pot_v1", root / "ours" / "po", ws.langs)
    ws.paths.update(pot_v1=root / "ours" / "pot_v1", pot_v2=root / "ours" / "pot_v2", po=root / "ours" / "po")
    # Peer: html2po's own templates of v1, so po2html renders its own segmentation.
    if with_peers:
        peer_pot = root / "peer" / "pot_v1"
        peer_pot.parent.mkdir(parents=True)
        subprocess.run([peer("html2po"), "-P", "--progress=none", str(ws["v1"]), str(peer_pot)],
                       check=True, capture_output=True)
        translate_all(peer_pot, root / "peer" / "po", ws.langs)
        ws.paths["peer_po"] = root / "peer" / "po"
    # The big catalogue: every generated catalogue of one language in one file. Articles share
    # short strings, so N articles give only ~40 distinct entries each; articles N, N+1, ... (the
    # generator makes article k the same whatever N is) are added until it holds 52 per article
    # (52,000 for N = 1000, the size).
    bigdir = root / "big"
    bigdir.mkdir()
    big_pos = sorted((ws["po"] / ws.langs[0]).glob("*.po"))
    big_pots = sorted(ws["pot_v2"].glob("*.pot"))
    distinct = set().union(*(msgids(p) for p in big_pos))
    extra, more = n, max(1, n // 40)
    while len(distinct) < BIG_PER_ARTICLE * n and extra < 3 * n:
        corpus = generate.write_corpus(root / "bigcorpus" / str(extra), extra + more, seed, start=extra)
        pot1, pot2, po = (root / "bigcorpus" / str(extra) / d for d in ("pot_v1", "pot_v2", "po"))
        extract_all(corpus["v1"], pot1, env)
        extract_all(corpus["v2"], pot2, env)
        translate_all(pot1, po, ws.langs[:1])
        added = sorted((po / ws.langs[0]).glob("*.po"))
        big_pos += added
        big_pots += sorted(pot2.glob("*.pot"))
        distinct = distinct.union(*(msgids(p) for p in added))
        extra += more
    msgcat(big_pos, bigdir / "old.po")
    msgcat(big_pots, bigdir / "new.pot")
    ws.paths.update(big_old=bigdir / "old.po", big_new=bigdir / "new.pot")
    ws.counts["big"] = count_entries(bigdir / "old.po")
    # Real catalogues: 2015 versions updated to their 2017 templates (flat names).
    gnu_old, gnu_new = root / "gnu" / "old", root / "gnu" / "new"
    gnu_old.mkdir(parents=True)
    gnu_new.mkdir(parents=True)
    pairs = corpus_pairs(real)
    from concurrent.futures import ThreadPoolExecutor

    def one(pair: tuple[Path, Path]) -> None:
        old, new = pair
        flat = "-".join(old.relative_to(CORPUS / "gnu-www-fr-2015").with_suffix("").parts).replace(".", "_")
        shutil.copyfile(old, gnu_old / f"{flat}.po")
        template_of(new, gnu_new / f"{flat}.pot")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, pairs))
    ws.paths.update(gnu_old=gnu_old, gnu_new=gnu_new)
    ws.counts["gnu"] = len(pairs)
    # A project folder for build: articles, templates, translations, glossary.
    proj = root / "project"
    (proj / "glossary").mkdir(parents=True)
    (proj / "pyproject.toml").write_text(PYPROJECT.format(langs=json.dumps(list(ws.langs))), encoding="utf-8")
    shutil.copytree(ws["v1"], proj / "articles")
    shutil.copytree(ws["pot_v1"], proj / "locales")
    for lang in ws.langs:
        shutil.copytree(ws["po"] / lang, proj / "locales" / lang)
    shutil.copyfile(ws["glossary"], proj / "glossary" / "glossary.toml")
    ws.paths["project"] = proj
    terms = root / "terms.txt"
    source_terms = sorted({t for t, _ in generate.term_map(ws["glossary"].read_text(encoding="utf-8"), ws.langs[0])})
    terms.write_text("\n".join(source_terms) + "\n", encoding="utf-8")
    ws.paths["terms"] = terms
    print(f"prepared {n} articles, {ws.counts['big']}-entry catalogue, {ws.counts['gnu']} gnu.org catalogues "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)
    return ws


# -- the steps ---------------------------------------------------------------
@dataclass
class Step:
    name: str
    n: str
    command: str  # our subcommand, for availability
    ours: object  # (ws, out) -> Cmd
    peers: list[tuple[str, object, str]] = field(default_factory=list)  # (label, (ws, out) -> Cmd, goal)
    slow: tuple[str, ...] = ()  # peers so slow they run only --slow-peer-reps times
    goal: str = ""
    tool: str = ""  # what needs to exist for the peer


def _shell_loop(script: str) -> list[str]:
    return ["bash", "-c", script]


def steps(ws: Workspace) -> list[Step]:
    n = ws.n
    langs = ws.langs

    def extract_ours(out: Path) -> Cmd:
        return Cmd([ours("extract", str(ws["v1"]), "-o", str(out))])

    def extract_peer(out: Path) -> Cmd:
        return Cmd([[peer("html2po"), "-P", "--progress=none", str(ws["v1"]), str(out)]])

    def render_ours(out: Path) -> Cmd:
        return Cmd([ours("render", str(ws["v1"]), str(ws["po"] / l), "-o", str(out / l)) for l in langs])

    def render_peer(out: Path) -> Cmd:
        return Cmd([[peer("po2html"), "--progress=none", "-t", str(ws["v1"]), str(ws["peer_po"] / l), str(out / l)]
                    for l in langs])

    def update_ours(out: Path) -> Cmd:
        return Cmd([ours("merge", str(ws["po"] / langs[0]), str(ws["pot_v2"]), "-o", str(out))])

    def update_msgmerge(out: Path) -> Cmd:
        old, new = ws["po"] / langs[0], ws["pot_v2"]
        return Cmd([_shell_loop(
            f'mkdir -p "{out}"; for f in "{old}"/*.po; do b=$(basename "$f" .po); '
            f'msgmerge --quiet --previous -o "{out}/$b.po" "$f" "{new}/$b.pot" || exit 1; done')])

    def update_pot2po(out: Path) -> Cmd:
        return Cmd([[peer("pot2po"), "--progress=none", "-t", str(ws["po"] / langs[0]), str(ws["pot_v2"]), str(out)]])

    def big_ours(out: Path) -> Cmd:
        return Cmd([ours("merge", str(ws["big_old"]), str(ws["big_new"]), "-o", str(out / "big.po"))])

    def big_msgmerge(out: Path) -> Cmd:
        return Cmd([["msgmerge", "--quiet", "--previous", "-o", str(out / "big.po"), str(ws["big_old"]), str(ws["big_new"])]])

    def gnu_ours(out: Path) -> Cmd:
        return Cmd([ours("merge", str(ws["gnu_old"]), str(ws["gnu_new"]), "-o", str(out))])

    def gnu_msgmerge(out: Path) -> Cmd:
        old, new = ws["gnu_old"], ws["gnu_new"]
        return Cmd([_shell_loop(
            f'mkdir -p "{out}"; for f in "{old}"/*.po; do b=$(basename "$f" .po); '
            f'msgmerge --quiet --previous -o "{out}/$b.po" "$f" "{new}/$b.pot" || exit 1; done')])

    def all_pos() -> list[str]:
        return [str(p) for l in langs for p in sorted((ws["po"] / l).glob("*.po"))]

    def check_ours(out: Path) -> Cmd:
        # Findings are the point of a check: exit 1 with findings is success here.
        return Cmd([ours("check", *all_pos(), "--glossary", str(ws["glossary"]))], ok_codes=(0, 1))

    def check_peer(out: Path) -> Cmd:
        return Cmd([[peer("pofilter"), "--progress=none", f"--language={l}", f"--musttranslatefile={ws['terms']}",
                     "-i", str(ws["po"] / l), "-o", str(out / l)] for l in langs])

    def stats_ours(out: Path) -> Cmd:
        return Cmd([ours("stats", "--format", "json")], cwd=ws["project"])

    def stats_peer(out: Path) -> Cmd:
        return Cmd([[peer("pocount"), *[str(ws["project"] / "locales" / l) for l in langs]]])

    return [
        Step("extract", f"{n} articles", "extract", extract_ours,
             [("html2po", extract_peer, "≤ 0.50")], tool="html2po"),
        Step(f"render × {len(langs)} languages", f"{n * len(langs)} pages", "render", render_ours,
             [("po2html", render_peer, "≤ 0.50")], tool="po2html"),
        Step("update after edits, per file", f"{n} catalogues", "merge", update_ours,
             [("msgmerge --previous", update_msgmerge, "≤ 0.50"), ("pot2po", update_pot2po, "")], tool="msgmerge",
             slow=("pot2po",)),
        Step("update after edits, one big catalogue", f"{ws.counts['big']} entries", "merge", big_ours,
             [("msgmerge --previous", big_msgmerge, "≤ 0.50")], tool="msgmerge", slow=("msgmerge --previous",)),
    ] + ([
        Step("update gnu.org 2015 → 2017, per file", f"{ws.counts['gnu']} catalogues", "merge", gnu_ours,
             [("msgmerge --previous", gnu_msgmerge, "≤ 0.50")], tool="msgmerge"),
    ] if ws.counts["gnu"] else []) + [
        Step("check with the full glossary", f"{n * len(langs)} catalogues", "check", check_ours,
             [("pofilter", check_peer, "≤ 0.20")], tool="pofilter"),
        Step("stats", f"{n * len(langs)} catalogues", "stats", stats_ours,
             [("pocount", stats_peer, "")], tool="pocount"),
    ]


# -- the build sequence (no peer: compared with our own cold build) -----------------
BUILD_STEPS = ["build, cold", "build, one catalogue changed", "build, nothing changed"]


def build_once(ws: Workspace, rep: int, env: dict[str, str], logdir: Path, timeout: float,
               results: dict[tuple[str, str], list[Result]]) -> None:
    """A cold build of a fresh copy of the project, then one catalogue changed, then nothing changed."""
    if not have_command("build"):
        return
    proj = ws.root / "run" / "project"
    if proj.exists():
        shutil.rmtree(proj)
    shutil.copytree(ws["project"], proj)
    # The generated translations break glossary rules; the gate holds those entries back (and checks every
    # entry, which is part of what is timed), --allow-errors keeps the exit status about the build itself.
    cmd = Cmd([ours("build", "--allow-errors")], cwd=proj, tree=True)
    for name, tag in zip(BUILD_STEPS, ("cold", "one", "none")):
        if tag == "one":
            touch_translation(sorted((proj / "locales" / ws.langs[0]).glob("*.po"))[rep % ws.n])
        res = measure(cmd, env, logdir / f"build-{tag}-{rep}.log", timeout)
        results.setdefault((name, "ours"), []).append(res)
        print(f"  rep {rep + 1} {name} [ours]: {fmt_s(res)}, {res.peak_kb / 1024:.0f} MB"
              + ("" if res.ok else f" ({res.detail})"), flush=True)


def build_rows(ws: Workspace, results: dict[tuple[str, str], list[Result]]) -> list[dict]:
    rows = []
    cold = summarise(results.get((BUILD_STEPS[0], "ours"), []))
    n_pages = f"{ws.n} articles × {len(ws.langs)}"
    for i, name in enumerate(BUILD_STEPS):
        ours_s = summarise(results.get((name, "ours"), []))
        rows.append(row(name, n_pages, ours_s, "our cold build" if i else "—", cold if i else None,
                        "≤ 0.05" if i == 1 else ""))
    return rows


def touch_translation(po_path: Path) -> None:
    """Change one translation the way a translator would (file saved by Poedit)."""
    text = po_path.read_text(encoding="utf-8")
    m = re.search(r'\nmsgstr "([^"\n]+)"\n', text)
    if m is None:
        text += '\nmsgid "Bench change"\nmsgstr "Bench change"\n'
    else:
        text = text[: m.start(1)] + m.group(1) + " (rev.)" + text[m.end(1):]
    po_path.write_text(text, encoding="utf-8")


# -- same fuzzy matches as msgmerge? ------------------------------------------------
def _previous(path: Path) -> dict[tuple, str | None]:
    """(msgctxt, msgid) -> previous msgid (None when not fuzzy) for every live entry."""
    import polib

    files = [path] if path.is_file() else sorted(path.glob("*.po"))
    found = {}
    for f in files:
        for e in polib.pofile(str(f)):
            if not e.obsolete and e.msgid:
                fuzzy = "fuzzy" in e.flags
                found[(f.name, e.msgctxt, e.msgid)] = (e.previous_msgid or "") if fuzzy else None
    return found


def match_agreement(ws: Workspace, all_steps: list[Step]) -> list[str]:
    """For each update step: of msgmerge's fuzzy matches, how many did we make the same way."""
    lines = []
    for step in all_steps:
        if not step.name.startswith("update"):
            continue
        slug = lambda label: re.sub(r"\W+", "-", f"{step.name}-{label}").strip("-")  # noqa: E731
        ours_dir, gnu_dir = ws.root / "kept" / slug("ours"), ws.root / "kept" / slug("msgmerge --previous")
        if not (ours_dir.exists() and gnu_dir.exists()):
            continue
        try:
            a = _previous(ours_dir / "big.po" if (ours_dir / "big.po").exists() else ours_dir)
            b = _previous(gnu_dir / "big.po" if (gnu_dir / "big.po").exists() else gnu_dir)
        except (OSError, ValueError) as exc:
            lines.append(f"- {step.name}: could not compare ({exc})")
            continue
        theirs = {k: v for k, v in b.items() if v is not None}
        same = sum(1 for k, v in theirs.items() if a.get(k) == v)
        ours_fuzzy = sum(1 for v in a.values() if v is not None)
        pct = 100.0 * same / len(theirs) if theirs else 100.0
        lines.append(f"- {step.name}: msgmerge made {len(theirs)} fuzzy matches, we made the same match for "
                     f"{same} ({pct:.1f} %); we made {ours_fuzzy} fuzzy matches in all.")
    return (["Fuzzy matches compared with msgmerge --previous (last run of each):", ""] + lines) if lines else []


# -- profiles of our slow steps ---------------------------------------------------
def profiled(cmd: Cmd, prof: Path) -> Cmd:
    """``cmd`` with our processes run under cProfile (one .prof per process)."""
    argvs = []
    for i, argv in enumerate(cmd.argvs):
        if argv[:3] == ours()[:3]:
            argv = [sys.executable, "-m", "cProfile", "-o", f"{prof}.{i}", "-m", "pipeline", *argv[3:]]
        argvs.append(argv)
    return Cmd(argvs, cwd=cmd.cwd, ok_codes=cmd.ok_codes)


def hot_spots(prof: Path, limit: int = 18) -> str:
    """The functions that cost the most, by own time and by cumulative time inside pipeline/."""
    import io
    import pstats

    files = sorted(prof.parent.glob(prof.name + ".*"))
    if not files:
        return "(no profile)"
    buf = io.StringIO()
    stats = pstats.Stats(*map(str, files), stream=buf)
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    stats = pstats.Stats(*map(str, files), stream=buf)
    stats.sort_stats("cumulative").print_stats(r"pipeline/", limit)
    text = buf.getvalue()
    return text[text.find("   ncalls"):] if "   ncalls" in text else text


def profile_steps(ws: Workspace, all_steps: list[Step], rows: list[dict], env: dict[str, str], out: Path,
                  timeout: float) -> list[str]:
    """Profile every step of ours that misses its goal, and our slowest step."""
    pdir = out / "profiles"
    shutil.rmtree(pdir, ignore_errors=True)
    pdir.mkdir()
    ran = [r for r in rows if r["ours"] and r["ours"].get("ok")]
    targets = {r["step"] for r in ran if r["met"] is False}
    if ran:
        targets.add(max(ran, key=lambda r: r["ours"]["median_s"])["step"])
    done = []
    for step in all_steps:
        if step.name not in targets:
            continue
        scratch = ws.root / "run" / "out"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        slug = re.sub(r"\W+", "-", step.name).strip("-")
        measure(profiled(step.ours(scratch), pdir / f"{slug}.prof"), env, pdir / f"{slug}.log", timeout)
        done.append((step.name, pdir / f"{slug}.prof"))
    if any(t.startswith("build") for t in targets) and have_command("build"):
        proj = ws.root / "run" / "project"
        shutil.rmtree(proj, ignore_errors=True)
        shutil.copytree(ws["project"], proj)
        cmd = Cmd([ours("build", "--allow-errors")], cwd=proj)
        measure(profiled(cmd, pdir / "build-cold.prof"), env, pdir / "build-cold.log", timeout)
        touch_translation(sorted((proj / "locales" / ws.langs[0]).glob("*.po"))[0])
        measure(profiled(cmd, pdir / "build-one.prof"), env, pdir / "build-one.log", timeout)
        done += [("build, cold", pdir / "build-cold.prof"), ("build, one catalogue changed", pdir / "build-one.prof")]
    report = []
    for name, prof in done:
        text = f"## {name}\n\n```\n{hot_spots(prof)}\n```\n"
        (prof.with_suffix(".txt")).write_text(text, encoding="utf-8")
        report.append(text)
    (out / "hotspots.md").write_text("\n".join(report), encoding="utf-8")
    return [name for name, _ in done]


# -- summaries ---------------------------------------------------------------
def collect_rows(ws: Workspace, all_steps: list[Step], results: dict[tuple[str, str], list[Result]]) -> list[dict]:
    rows = []
    for step in all_steps:
        ours_s = summarise(results.get((step.name, "ours"), []))
        for label, _fn, goal in step.peers:
            rows.append(row(step.name, step.n, ours_s, label, summarise(results.get((step.name, label), [])), goal))
    return rows + build_rows(ws, results)


def summarise(results: list[Result]) -> dict | None:
    if not results:
        return None
    if not all(r.ok for r in results):
        bad = next(r for r in results if not r.ok)
        return {"ok": False, "detail": bad.detail}
    return {
        "ok": True,
        "median_s": statistics.median(r.seconds for r in results),
        "runs_s": [round(r.seconds, 3) for r in results],
        "peak_mb": max(r.peak_kb for r in results) / 1024,
        "runs": len(results),
    }


def fmt_s(r: Result) -> str:
    return f"{r.seconds:.2f} s" if r.ok else "FAIL"


def row(step: str, n: str, ours_s: dict | None, peer_name: str, peer_s: dict | None, goal: str) -> dict:
    ratio = None
    if ours_s and peer_s and ours_s.get("ok") and peer_s.get("ok") and peer_s["median_s"] > 0:
        ratio = ours_s["median_s"] / peer_s["median_s"]
    met = None
    if ratio is not None and goal:
        met = ratio <= float(goal.split()[-1])
    return {"step": step, "n": n, "ours": ours_s, "peer": peer_name, "peer_result": peer_s, "ratio": ratio,
            "goal": goal, "met": met}


def cell_time(s: dict | None, full_runs: int = 1) -> str:
    if s is None:
        return "n/a"
    if not s["ok"]:
        return "FAIL"
    runs = s["runs"]
    return f"{s['median_s']:.2f} s" + (f" ({runs} run{'s' if runs > 1 else ''})" if runs < full_runs else "")


def cell_mem(s: dict | None) -> str:
    if s is None or not s["ok"]:
        return "—"
    return f"{s['peak_mb']:.0f} MB"


def table(rows: list[dict]) -> str:
    lines = [
        "| step | N | ours (median) | peer | peer (median) | ratio | goal | our peak RSS | peer peak RSS |",
        "|---|---|---:|---|---:|---:|---|---:|---:|",
    ]
    full = max([x["runs"] for r in rows for x in (r["ours"], r["peer_result"]) if x and x.get("ok")] or [1])
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        goal = r["goal"] + (" ✔" if r["met"] else " ✘" if r["met"] is False else "") if r["goal"] else ""
        lines.append(
            f"| {r['step']} | {r['n']} | {cell_time(r['ours'], full)} | {r['peer']} | "
            f"{cell_time(r['peer_result'], full) if r['peer'] != '—' else '—'} | {ratio} | {goal} | "
            f"{cell_mem(r['ours'])} | {cell_mem(r['peer_result']) if r['peer'] != 'our cold build' else '—'} |"
        )
    return "\n".join(lines)


def machine() -> str:
    import platform

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark Tamizdat against Translate Toolkit and GNU gettext.")
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each step (default 3)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--real", type=int, default=None, help="gnu.org catalogues to update (default min(392, N))")
    ap.add_argument("--slow-peer-reps", type=int, default=1,
                    help="repetitions for peers that take minutes (msgmerge on the big catalogue, pot2po); default 1")
    ap.add_argument("--build-reps", type=int, default=None, help="repetitions of the build sequence (default --reps)")
    ap.add_argument("--label", default="", help="free text for the table's heading (the commit measured, say)")
    ap.add_argument("--profile", action="store_true",
                    help="afterwards, cProfile our slowest step and every step that misses its goal (out/hotspots.md)")
    ap.add_argument("--no-peers", action="store_true", help="run only our side (no Translate Toolkit, no gettext)")
    ap.add_argument("--only", default="", help="comma-separated step name prefixes to run (others show n/a)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work and result folder (default bench/out)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds before one command is killed")
    args = ap.parse_args(argv)

    with_peers = not args.no_peers and ensure_peers() and shutil.which("msgmerge") is not None
    if not args.no_peers and not with_peers:
        print("peers unavailable: running our side only", file=sys.stderr)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    ws = prepare(out / "work", args.n, args.seed, with_peers, args.real if args.real is not None else min(392, args.n))
    env = our_env()
    logdir = out / "logs"
    shutil.rmtree(logdir, ignore_errors=True)
    logdir.mkdir()
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    wanted = lambda name: not only or any(name.startswith(o) for o in only)  # noqa: E731

    all_steps = steps(ws)
    results: dict[tuple[str, str], list[Result]] = {}
    for rep in range(args.reps):
        for step in all_steps:
            if not wanted(step.name):
                continue
            sides: list[tuple[str, object]] = []
            if have_command(step.command):
                sides.append(("ours", step.ours))
            if with_peers:
                sides += [(label, fn) for label, fn, _goal in step.peers
                          if label not in step.slow or rep < args.slow_peer_reps]
            if rep % 2:  # alternate who goes first, so caches and load favour nobody
                sides.reverse()
            for label, fn in sides:
                scratch = ws.root / "run" / "out"
                shutil.rmtree(scratch, ignore_errors=True)
                scratch.mkdir(parents=True)
                slug = re.sub(r"\W+", "-", f"{step.name}-{label}").strip("-")
                res = measure(fn(scratch), env, logdir / f"{slug}-{rep}.log", args.timeout)
                results.setdefault((step.name, label), []).append(res)
                print(f"  rep {rep + 1} {step.name} [{label}]: {fmt_s(res)}, {res.peak_kb / 1024:.0f} MB"
                      + ("" if res.ok else f" ({res.detail})"), flush=True)
                if res.ok and step.name.startswith("update") and label in ("ours", "msgmerge --previous"):
                    kept = ws.root / "kept" / slug  # the latest output, to compare fuzzy matches
                    shutil.rmtree(kept, ignore_errors=True)
                    kept.parent.mkdir(exist_ok=True)
                    scratch.rename(kept)
        if wanted("build") and rep < (args.reps if args.build_reps is None else args.build_reps):
            build_once(ws, rep, env, logdir, args.timeout, results)
        # A table after every repetition, so a run cut short still leaves its figures.
        (out / "results-partial.md").write_text(
            f"After {rep + 1} of {args.reps} repetition(s):\n\n" + table(collect_rows(ws, all_steps, results)) + "\n",
            encoding="utf-8")

    rows = collect_rows(ws, all_steps, results)
    agreement = match_agreement(ws, all_steps)
    if args.profile:
        profiled_steps = profile_steps(ws, all_steps, rows, env, out, args.timeout)
        print(f"profiles of {', '.join(profiled_steps) or 'nothing'} in {out / 'hotspots.md'}")
    md = table(rows)
    if agreement:
        md += "\n\n" + "\n".join(agreement)
    head = (f"Tamizdat benchmark: N = {args.n} articles, {args.reps} repetition(s), medians; "
            f"{machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
            + (f"; {args.label}" if args.label else "") + ".\n\n")
    print()
    print(head + md)
    (out / "results.md").write_text(head + md + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps({"n": args.n, "reps": args.reps, "peers": with_peers,
                                                  "commands": dict(_HAVE), "rows": rows,
                                                  "fuzzy_agreement": agreement}, indent=1, ensure_ascii=False), encoding="utf-8")
    failed = [r["step"] for r in rows if r["ours"] is not None and not r["ours"]["ok"]]
    if failed:
        print("our side failed: " + ", ".join(dict.fromkeys(failed)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
