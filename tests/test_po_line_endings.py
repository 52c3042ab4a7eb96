"""Catalogues saved with CRLF line breaks or a UTF-8 byte-order mark (Windows editors) are read correctly,
left alone while their entries do not change, and written as msgcat writes what they say."""

from __future__ import annotations

import subprocess

import pytest

from conftest import ROOT, copy_sample, have, run_cli
from glossary_tools import need
from pipeline.catalog import pofile

SLUG = "azat-miftakhov-caste"
SAMPLE = ROOT / "locales" / "ru" / f"{SLUG}.po"
BOM = b"\xef\xbb\xbf"


def variants(lf: bytes) -> dict[str, bytes]:
    crlf = lf.replace(b"\n", b"\r\n")
    return {"lf": lf, "crlf": crlf, "bom-lf": BOM + lf, "bom-crlf": BOM + crlf}


@pytest.mark.parametrize("kind", ["crlf", "bom-lf", "bom-crlf"])
def test_read_correctly_and_left_alone_while_unchanged(kind):
    lf = SAMPLE.read_bytes()  # the sample is in msgcat's layout
    data = variants(lf)[kind]
    po = pofile.parse(data, f"{kind}.po")
    assert pofile.content(po) == pofile.content(pofile.parse(lf, "lf.po"))  # no CR in any comment or string
    assert pofile.unchanged(data, po)  # so update, build and merge never rewrite it for its layout
    assert pofile.encode(po) == lf


@pytest.mark.parametrize("kind", ["crlf", "bom-crlf", "bom-lf"])
def test_written_as_msgcat_writes_what_the_file_says(tmp_path, kind):
    """GNU msgcat 0.21 keeps a CR inside every comment line of a CRLF file and ends the other lines with LF
    (mixed endings); we read the CR as the line break it is, so ours is msgcat's output with those CRs
    gone: LF throughout. msgcat (and msgmerge) cannot read a file with a byte-order mark at all ("syntax
    error" at line 1), so what we write has none: ours is msgcat's output for the file without it."""
    need("GNU msgcat", None if have("msgcat") else "not installed: apt-get install gettext")
    data = variants(SAMPLE.read_bytes())[kind]
    src = tmp_path / f"{kind}.po"
    src.write_bytes(data)
    gnu = subprocess.run(["msgcat", str(src)], capture_output=True)
    ours = pofile.encode(pofile.parse(data, str(src)))
    if kind.startswith("bom"):
        assert gnu.returncode != 0 and b"syntax error" in gnu.stderr
        plain = tmp_path / "plain.po"
        plain.write_bytes(data[len(BOM):])
        gnu = subprocess.run(["msgcat", str(plain)], capture_output=True, check=True)
    assert gnu.returncode == 0
    if kind.endswith("crlf"):
        assert b"\r\n" in gnu.stdout and b"\n" in gnu.stdout.replace(b"\r\n", b"")  # msgcat: mixed
    assert b"\r" not in ours and not ours.startswith(BOM)
    assert ours == gnu.stdout.replace(b"\r\n", b"\n")


@pytest.mark.parametrize("kind", ["crlf", "bom-crlf"])
def test_update_leaves_an_unchanged_file_alone(tmp_path, kind, monkeypatch):
    """A Windows-saved catalogue is not rewritten while its entries do not change; when they do, it is
    written exactly as update writes the same catalogue saved with LF (and msgmerge can read it)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both projects' templates get the same date
    root = copy_sample(tmp_path / "p")
    po = root / "locales" / "ru" / f"{SLUG}.po"
    data = variants(po.read_bytes())[kind]
    po.write_bytes(data)
    r = run_cli("update", "--lang", "ru", cwd=root)
    assert r.returncode == 0, r.stderr
    assert po.read_bytes() == data

    reference = copy_sample(tmp_path / "ref")
    for project in (root, reference):
        art = project / "articles" / f"{SLUG}.html"
        art.write_text(art.read_text(encoding="utf-8").replace("has made public that", "has now made public that"),
                       encoding="utf-8")
        assert run_cli("extract", "articles", "-o", "locales", cwd=project).returncode == 0
        assert run_cli("update", "--lang", "ru", cwd=project).returncode == 0
    assert po.read_bytes() == (reference / "locales" / "ru" / f"{SLUG}.po").read_bytes()
    if have("msgcat"):
        assert subprocess.run(["msgcat", str(po)], capture_output=True).returncode == 0
