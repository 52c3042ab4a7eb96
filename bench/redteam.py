"""The red team's cases of issue 15, one row each: what a given tree of the code does with them.

    python bench/redteam.py --tree PATH [--only N,N]   (PATH: a checkout of this repository)

Each case runs ``python -m pipeline`` from PATH on a fresh copy of the sample project (or a generated one)
and reports the exit code, whether the user got one line or a traceback, and whether anything outside the
project changed. Needs root for the tmpfs and read-only cases (skipped otherwise).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SLUG = "azat-miftakhov-caste"
TREE = HERE


def cli(root: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(TREE))
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=timeout)


def said(r: subprocess.CompletedProcess) -> str:
    err = r.stderr
    if "Traceback" in err:
        last = [line for line in err.splitlines() if line.strip()][-1]
        return f"exit {r.returncode}, traceback ({len(err.splitlines())} lines): {last[:90]}"
    errors = [line for line in err.splitlines() if "error:" in line]
    first = errors[0] if errors else ""
    return f"exit {r.returncode}" + (f", {len(errors)} error line(s): {first[:110]}" if errors else "")


def sample(work: Path, name: str = "p") -> Path:
    root = work / name
    root.mkdir(parents=True)
    shutil.copy(HERE / "pyproject.toml", root / "pyproject.toml")
    for folder in ("articles", "locales", "glossary"):
        shutil.copytree(HERE / folder, root / folder)
    return root


def mount(*args: str) -> bool:
    return os.geteuid() == 0 and subprocess.run(["mount", *args], capture_output=True).returncode == 0


def umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def edit_po(path: Path, change) -> None:
    sys.path.insert(0, str(TREE))
    try:
        from pipeline.catalog import pofile
    finally:
        sys.path.remove(str(TREE))
    po = pofile.parse(path.read_bytes(), str(path))
    change(po)
    path.write_bytes(pofile.encode(po))


# -- the cases ------------------------------------------------------------------------------------------


def case_1(work: Path) -> str:
    root = sample(work)
    path = root / "locales" / "ru" / f"{SLUG}.po"

    def spoil(po):  # one stray \v in one translation
        e = next(e for e in po if e.msgid and e.msgstr and not e.obsolete)
        e.msgstr = e.msgstr + "\v"

    edit_po(path, spoil)
    fmt = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True).returncode
    check, build = cli(root, "check"), cli(root, "build")
    return f"msgfmt -c exit {fmt}; check: {said(check)}; build: {said(build)}"


def _generated(work: Path, n: int = 52) -> Path:
    sys.path.insert(0, str(HERE / "bench"))
    import generate

    sys.path.remove(str(HERE / "bench"))
    root = work / "gen"
    (root / "articles").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "pyproject.toml").write_text('[tool.tamizdat]\nsource_language = "en"\nlanguages = ["de", "ru"]\n'
                                         'site_title = "K"\nbase_url = "https://example.org/k/"\n')
    shutil.copy(HERE / "glossary" / "glossary.toml", root / "glossary" / "glossary.toml")
    for slug, v1, _ in generate.articles(n):
        (root / "articles" / f"{slug}.html").write_text(v1, encoding="utf-8")
    return root


def _orphans(root: Path) -> int:
    n = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                n += os.readlink(f"/proc/{entry.name}/cwd") == str(root)
            except OSError:
                pass
    return n


def case_2(work: Path) -> str:
    root = _generated(work)
    out = []
    for trial, (args, delay) in enumerate([(["build", "-q"], 2.5), (["merge", "locales/ru", "locales", "-o",
                                                                      "locales/ru", "-j", "2"], 1.0)]):
        if trial == 1:
            cli(root, "build", "-q")
            for pot in (root / "locales").glob("*.pot"):
                pot.write_text(pot.read_text().replace("colony", "camp"))
        env = dict(os.environ, PYTHONPATH=str(TREE))
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        time.sleep(1.0)
        left = _orphans(root)
        nxt = cli(root, "update", "-q", timeout=120)
        out.append(f"kill -9 {args[0]}: {left} worker(s) alive 1 s later; next update: {said(nxt)}")
        deadline = time.time() + 30
        while _orphans(root) and time.time() < deadline:
            time.sleep(0.5)
    return "; ".join(out)


def case_3(work: Path) -> str:
    root = sample(work)
    (work / "some-file").write_text("precious\n")
    (root / ".tamizdat.lock").symlink_to(work / "some-file")
    r = cli(root, "update")
    return f"{said(r)}; target now holds {(work / 'some-file').read_text()!r}"


PICTURE = """<html lang="en"><head><meta charset="utf-8"><title>Picture</title>
<meta name="date" content="2024-01-02"></head>
<body><article><h1>Picture</h1><p>A letter from the colony.</p></article></body></html>
"""


def case_4(work: Path) -> str:
    root = sample(work)
    (root / "articles" / "picture.html").write_text(PICTURE)
    cli(root, "build", "-q")
    ru = root / "locales" / "ru"
    (ru / "picture.po").write_bytes((ru / f"{SLUG}.po").read_bytes())
    return f"update: {said(cli(root, 'update', '-q'))}; build: {said(cli(root, 'build', '-q'))}"


def case_5(work: Path) -> str:
    root = sample(work)
    cli(root, "build", "-q")
    shutil.rmtree(root / ".tamizdat" / "published" / "ru")

    def cut(po):
        for e in [e for e in po if e.msgid and not e.obsolete][4:]:
            po.remove(e)

    edit_po(root / "locales" / "ru" / f"{SLUG}.po", cut)
    cold = work / "cold"
    shutil.copytree(root, cold)
    shutil.rmtree(cold / ".tamizdat" / "cache")
    notes = []
    for p in (root, cold):
        r = cli(p, "build", "--allow-unpublish")
        notes.append(next((line for line in r.stderr.splitlines() if "publish: ru/" in line), "(no note)"))
    return f"cached: {notes[0]} | cold: {notes[1]}"


KOI = """<html lang="en"><head><meta charset="utf-8"><title>Search</title>
<meta name="date" content="2024-01-03"></head>
<body><article><h1>Search</h1><p>The FSB searched the cell.</p><p>Letters were taken.</p></article></body></html>
"""


def case_6(work: Path) -> str:
    root = sample(work)
    (root / "articles" / "search.html").write_text(KOI)
    cli(root, "build", "-q")
    path = root / "locales" / "ru" / "search.po"

    def koi(po):
        for e in po:
            e.comment = ""
            if e.msgid:
                e.msgstr = "Перевод: ФСБ, обыск, камера, письма"
                e.flags = [f for f in e.flags if f != "fuzzy"]
        po.header = "Russian translation."
        po.metadata["Content-Type"] = "text/plain; charset=KOI8-R"

    edit_po(path, koi)
    fmt = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True).returncode
    update = cli(root, "update")
    charset = "UTF-8" if b"charset=UTF-8" in path.read_bytes() else "KOI8-R"
    edit_po(path, koi)
    return f"msgfmt -c exit {fmt}; update: {said(update)} (file now {charset}); build: {said(cli(root, 'build', '-q'))}"


def case_7(work: Path) -> str:
    root = sample(work)
    cfg = root / "pyproject.toml"
    cfg.write_text(cfg.read_text().replace('base_url = "https://example.org/tamizdat/"',
                                           'base_url = "https://example.org/tamizdat/"\nglossary = "glossary/nope.toml"'))
    check = cli(root, "check")
    summary = next((line for line in check.stderr.splitlines() if line.startswith("check:")), "")
    return f"build: {said(cli(root, 'build', '-q'))}; check: {said(check)} {summary}"


def case_8(work: Path) -> str:
    rows = []
    # a full disk
    disk = work / "disk"
    disk.mkdir()
    if mount("-t", "tmpfs", "-o", "size=4096k", "tmpfs", str(disk)):
        try:
            root = sample(disk)
            art = root / "articles" / f"{SLUG}.html"
            art.write_text(art.read_text().replace("</article>", "<p>New.</p></article>"))
            used = int(subprocess.run(["df", "-k", "--output=used", str(disk)], capture_output=True,
                                      text=True).stdout.split()[-1])
            mount("-o", f"remount,size={used + 24}k", str(disk))
            r = cli(root, "build", "-q")
            tmp = len(list(root.rglob("*.tmp")))
            rows.append(f"full disk: {said(r)}; {tmp} temporary file(s) left")
        finally:
            umount(disk)
    for rel in ("site", ".tamizdat", "."):
        root = sample(work, f"ro-{rel.strip('.') or 'root'}")
        cli(root, "build", "-q")
        art = root / "articles" / f"{SLUG}.html"
        art.write_text(art.read_text().replace("</article>", "<p>New.</p></article>"))
        folder = root / rel
        if mount("--bind", str(folder), str(folder)) and mount("-o", "remount,bind,ro", str(folder)):
            try:
                rows.append(f"read-only {rel}/: {said(cli(root, 'build', '-q'))}")
            finally:
                umount(folder)
    root = sample(work, "shapes")
    (root / ".tamizdat.lock").mkdir()
    rows.append(f"lock is a folder: {said(cli(root, 'build', '-q'))}")
    (root / ".tamizdat.lock").rmdir()
    (root / "site").write_text("x")
    rows.append(f"site is a file: {said(cli(root, 'build', '-q'))}")
    (root / "site").unlink()
    (root / ".tamizdat").mkdir(exist_ok=True)
    shutil.rmtree(root / ".tamizdat" / "cache", ignore_errors=True)
    (root / ".tamizdat" / "cache").write_text("x")
    rows.append(f"cache is a file: {said(cli(root, 'build', '-q'))}")
    (root / ".tamizdat" / "cache").unlink()
    rows.append(f"extract -o EXISTING_DIR: {said(cli(root, 'extract', f'articles/{SLUG}.html', '-o', 'locales'))}")
    cfg = root / "pyproject.toml"
    good = cfg.read_bytes()
    cfg.write_bytes(good + b"# caf\xe9\n")
    rows.append(f"non-UTF-8 pyproject.toml: {said(cli(root, 'build', '-q'))}")
    cfg.write_text("[tool]\ntamizdat = 5\n")
    rows.append(f"[tool] tamizdat = 5: {said(cli(root, 'build', '-q'))}")
    cfg.write_bytes(good)
    for n in (1000, 10000):
        body = "<div>" * n + "<p>Text of the article, long enough to be its main text. " * 3 + "</p>" + "</div>" * n
        page = work / f"deep{n}.html"
        page.write_text(f"<html lang='en'><head><title>Deep</title><meta name='date' content='2024-01-01'></head>"
                        f"<body><article><h1>Deep</h1>{body}</article></body></html>")
        t = time.perf_counter()
        r = cli(root, "import", str(page), "--slug", f"deep{n}", timeout=900)
        rows.append(f"import {n} deep: {said(r)} ({time.perf_counter() - t:.1f} s)")
    rows.append(f"serve GET /index.html%00.txt: {_serve(root)}")
    return "\n    ".join(rows)


def _serve(root: Path) -> str:
    port = random.randint(20000, 40000)
    env = dict(os.environ, PYTHONPATH=str(TREE))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", str(port)], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(120):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/index.html%00.txt")
                status = conn.getresponse().status
                break
            except OSError:
                time.sleep(0.5)
        else:
            return "server never answered"
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    return f"HTTP {status}" + (", traceback on the server's stderr" if "Traceback" in err else ", nothing on stderr")


def case_9(work: Path) -> str:
    root = _generated(work, 52)
    cli(root, "build", "-q")
    for art in (root / "articles").glob("*.html"):
        art.write_text(art.read_text().replace("colony", "camp"))
    left = []
    for delay in (2.0, 3.0, 4.0):
        env = dict(os.environ, PYTHONPATH=str(TREE))
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "-q"], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        left.append(len(list(root.rglob("*.tmp"))))
    r = cli(root, "build", "-q", timeout=300)
    return f"temporary files after 3 killed builds: {left}; after the next build ({said(r)}): " \
           f"{len(list(root.rglob('*.tmp')))}"


def case_10(work: Path) -> str:
    rng = random.Random(1)
    words = "the prisoner colony letter court wrote was moved to a cell sentence again lawyer visit appeal".split()
    parts, size = [], 0
    while size < 20_000_000:
        p = "<p>" + " ".join(rng.choice(words) for _ in range(60)) + " <a href='https://example.org/x'>link</a></p>\n"
        parts.append(p)
        size += len(p)
    page = work / "big.html"
    page.write_text("<html lang='en'><head><title>Big</title><meta name='date' content='2024-01-01'></head><body>"
                    "<article><h1>Big page</h1>" + "".join(parts) + "</article></body></html>")
    root = sample(work)
    r = subprocess.run(["/usr/bin/time", "-f", "%M %e", sys.executable, "-m", "pipeline", "import", str(page),
                        "--slug", "big"], cwd=root, env=dict(os.environ, PYTHONPATH=str(TREE)),
                       capture_output=True, text=True)
    peak, took = r.stderr.strip().splitlines()[-1].split()
    # The peer: trafilatura alone on the same page, with the options the import gives it.
    alone = subprocess.run(["/usr/bin/time", "-f", "%M %e", sys.executable, "-c",
                            "import sys, trafilatura\ntrafilatura.extract(open(sys.argv[1], encoding='utf-8').read(), "
                            "output_format='html', favor_precision=True, include_comments=False, include_tables=True, "
                            "include_images=True, include_links=True, include_formatting=True)\n", str(page)],
                           capture_output=True, text=True)
    t_peak, t_took = alone.stderr.strip().splitlines()[-1].split()
    return (f"20 MB page: {said(r)}; peak {int(peak) // 1024} MB in {float(took):.0f} s "
            f"(trafilatura alone: {int(t_peak) // 1024} MB in {float(t_took):.0f} s)")


def main() -> int:
    global TREE
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", default=str(HERE))
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    TREE = Path(args.tree).resolve()
    only = {int(x) for x in args.only.split(",") if x}
    for n in range(1, 11):
        if only and n not in only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                row = globals()[f"case_{n}"](Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that cannot run says why
                row = f"(case could not run: {type(exc).__name__}: {exc})"
        print(f"{n}. {row}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
