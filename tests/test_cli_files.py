"""`tamizdat extract` / `tamizdat render` as a user runs them, bad input included."""

import subprocess
from pathlib import Path


from conftest import ROOT, have, needs, run_cli

SAMPLE = ROOT / "articles" / "azat-miftakhov-caste.html"
needs_msgcat = needs(have("msgcat"), "GNU gettext (msgcat) not installed")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head>
<body><h1>Hello</h1><p>A <a href="https://e.org/x">link</a> in text.</p></body></html>"""


def test_extract_then_render_a_single_file(tmp_path):
    art = write(tmp_path / "a.html", ARTICLE)
    r = run_cli("extract", art, "-o", tmp_path / "a.pot")
    assert r.returncode == 0, r.stderr
    pot = (tmp_path / "a.pot").read_text()
    assert 'msgid "A <a1>link</a1> in text."' in pot and "#. a1 = https://e.org/x" in pot
    po = pot.replace('msgid "Hello"\nmsgstr ""', 'msgid "Hello"\nmsgstr "Hallo"').replace(
        '"Language: \\n"', '"Language: de\\n"')
    write(tmp_path / "de.po", po)
    r = run_cli("render", art, tmp_path / "de.po", "-o", tmp_path / "out.html")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "out.html").read_text()
    assert '<html lang="de">' in out and "<h1>Hallo</h1>" in out and '<p lang="en">A <a href' in out


@needs_msgcat
def test_extract_is_deterministic_and_written_as_msgcat_writes(tmp_path):
    out = tmp_path / "s.pot"
    assert run_cli("extract", SAMPLE, "-o", out).returncode == 0
    first = out.read_bytes()
    mtime = out.stat().st_mtime_ns
    assert subprocess.run(["msgcat", str(out)], capture_output=True).stdout == first
    r = run_cli("extract", SAMPLE, "-o", out)
    assert r.returncode == 0 and "1 unchanged" in r.stderr
    assert out.read_bytes() == first and out.stat().st_mtime_ns == mtime


def test_directory_forms(tmp_path):
    write(tmp_path / "src" / "a.html", ARTICLE)
    write(tmp_path / "src" / "sub" / "b.html", ARTICLE.replace("Hello", "Other"))
    assert run_cli("extract", tmp_path / "src", "-o", tmp_path / "pot").returncode == 0
    assert (tmp_path / "pot" / "a.pot").is_file() and (tmp_path / "pot" / "sub" / "b.pot").is_file()
    for rel in ("a", "sub/b"):
        text = (tmp_path / "pot" / f"{rel}.pot").read_text().replace('"Language: \\n"', '"Language: fr\\n"')
        write(tmp_path / "po" / f"{rel}.po", text)
    r = run_cli("render", tmp_path / "src", tmp_path / "po", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert 'lang="fr"' in (tmp_path / "out" / "sub" / "b.html").read_text()


def test_missing_file(tmp_path):
    r = run_cli("extract", tmp_path / "nope.html", "-o", tmp_path / "x.pot")
    assert r.returncode == 1 and "nope.html" in r.stderr and "no such file" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_undecodable_file_names_file_and_line(tmp_path):
    art = write(tmp_path / "bad.html", b"<html><head><meta charset='utf-8'></head>\n<body><p>\xff</p></body></html>")
    r = run_cli("extract", art, "-o", tmp_path / "x.pot")
    assert r.returncode == 1 and f"{art}:2:" in r.stderr and not (tmp_path / "x.pot").exists()


def test_po_syntax_error_names_file_and_line_and_overwrites_nothing(tmp_path):
    art = write(tmp_path / "a.html", ARTICLE)
    po = write(tmp_path / "de.po", 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Hello"\nmsgstr "Hallo\n')
    out = write(tmp_path / "out.html", "previous content")
    r = run_cli("render", art, po, "-o", out)
    assert r.returncode == 1 and f"{po}:5" in r.stderr
    assert out.read_text() == "previous content"


def test_catalogue_made_for_another_article(tmp_path):
    art = write(tmp_path / "a.html", ARTICLE)
    po = write(tmp_path / "de.po", 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Something else"\nmsgstr "Anderes"\n')
    r = run_cli("render", art, po, "-o", tmp_path / "out.html")
    assert r.returncode == 1 and "another document" in r.stderr and not (tmp_path / "out.html").exists()


def test_unknown_language_code(tmp_path):
    art = write(tmp_path / "a.html", ARTICLE)
    po = write(tmp_path / "x.po", 'msgid ""\nmsgstr "Language: xx-klingon\\n"\n\nmsgid "Hello"\nmsgstr "Q"\n')
    r = run_cli("render", art, po, "-o", tmp_path / "out.html")
    assert r.returncode == 1 and "unknown language code" in r.stderr and str(po) in r.stderr


def test_hostile_translation_warns_with_po_line_and_strict_fails(tmp_path):
    art = write(tmp_path / "a.html", ARTICLE)
    po = write(tmp_path / "de.po", 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "A <a1>link</a1> in text."\n'
                                   'msgstr "<a1 href=\\"javascript:x\\">Link</a1>"\n')
    r = run_cli("render", art, po, "-o", tmp_path / "out.html")
    assert r.returncode == 0 and f"{po}:4: warning" in r.stderr
    assert "javascript" not in (tmp_path / "out.html").read_text()
    r = run_cli("render", art, po, "-o", tmp_path / "strict.html", "--strict")
    assert r.returncode == 1 and not (tmp_path / "strict.html").exists()


def test_usage_errors_exit_2():
    assert run_cli("extract").returncode == 2
    assert run_cli("no-such-command").returncode == 2


def test_changed_article_gets_a_new_creation_date_unchanged_keeps_it(tmp_path):
    import os

    art = write(tmp_path / "a.html", ARTICLE)
    out = tmp_path / "a.pot"
    def env_run(epoch: int) -> subprocess.CompletedProcess:
        return subprocess.run(
            [__import__("sys").executable, "-m", "pipeline", "extract", str(art), "-o", str(out)],
            env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert env_run(0).returncode == 0
    assert '"POT-Creation-Date: 1970-01-01 00:00+0000\\n"' in out.read_text()
    env_run(86400)  # same content: the file keeps its date and is not rewritten
    assert '"POT-Creation-Date: 1970-01-01 00:00+0000\\n"' in out.read_text()
    write(art, ARTICLE.replace("Hello", "Hello again"))
    env_run(86400)
    assert '"POT-Creation-Date: 1970-01-02 00:00+0000\\n"' in out.read_text()


def test_a_broken_catalogue_in_a_large_tree_is_located_even_when_rendered_in_parallel(tmp_path):
    for i in range(60):
        write(tmp_path / "src" / f"a{i:02}.html", ARTICLE.replace("Hello", f"Hello {i}"))
    assert run_cli("extract", tmp_path / "src", "-o", tmp_path / "pot").returncode == 0
    for i in range(60):
        text = (tmp_path / "pot" / f"a{i:02}.pot").read_text().replace('"Language: \\n"', '"Language: de\\n"')
        write(tmp_path / "po" / f"a{i:02}.po", text)
    bad = tmp_path / "po" / "a42.po"
    bad.write_text(bad.read_text() + '\nmsgid "unterminated\n')
    r = run_cli("render", tmp_path / "src", tmp_path / "po", "-o", tmp_path / "out")
    assert r.returncode == 1 and f"{bad}:" in r.stderr and not (tmp_path / "out").exists()
