"""Catalogues saved with CRLF line breaks or a UTF-8 byte-order mark (Windows editors) are read correctly,
written back the way they were saved, and left alone when nothing changed."""

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
def test_read_as_saved_and_written_back_unchanged(kind):
    lf = SAMPLE.read_bytes()
    data = variants(lf)[kind]
    po = pofile.parse(data, f"{kind}.po")
    assert pofile.content(po) == pofile.content(pofile.parse(lf, "lf.po"))  # no CR in any comment or string
    assert pofile.encode(po) == data  # the same line breaks and byte-order mark
    assert pofile.unchanged(data, po)


@pytest.mark.parametrize("kind", ["crlf", "bom-crlf", "bom-lf"])
def test_compared_with_msgcat(tmp_path, kind):
    """Ours is msgcat's text in the file's own line breaks. GNU msgcat 0.21 itself keeps a CR inside every
    comment line of a CRLF file and ends its other lines with LF (mixed endings), and it cannot read a file
    with a byte-order mark at all ("syntax error" at line 1)."""
    need("GNU msgcat", None if have("msgcat") else "not installed: apt-get install gettext")
    lf = SAMPLE.read_bytes()
    data = variants(lf)[kind]
    src = tmp_path / f"{kind}.po"
    src.write_bytes(data)
    gnu = subprocess.run(["msgcat", str(src)], capture_output=True)
    ours = pofile.encode(pofile.parse(data, str(src)))
    if kind.startswith("bom"):
        assert gnu.returncode != 0 and b"syntax error" in gnu.stderr
        plain = tmp_path / "plain.po"
        plain.write_bytes(data[len(BOM):])
        gnu = subprocess.run(["msgcat", str(plain)], capture_output=True, check=True)
        ours = ours[len(BOM):]
    assert gnu.returncode == 0
    assert ours.replace(b"\r\n", b"\n") == gnu.stdout.replace(b"\r\n", b"\n")
    if kind.endswith("crlf"):
        assert b"\r\n" in gnu.stdout and b"\n" in gnu.stdout.replace(b"\r\n", b"")  # msgcat: mixed
        assert b"\n" not in ours.replace(b"\r\n", b"")  # ours: every line ends CRLF


@pytest.mark.parametrize("kind", ["crlf", "bom-crlf"])
def test_update_leaves_an_unchanged_file_alone_and_keeps_its_line_breaks(tmp_path, kind, monkeypatch):
    """A Windows-saved catalogue: not rewritten when its entries did not change; when they do, written with
    CRLF throughout and its byte-order mark, and otherwise exactly what update writes for the LF file."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both projects' templates get the same date
    root = copy_sample(tmp_path / "p")
    po = root / "locales" / "ru" / f"{SLUG}.po"
    data = variants(po.read_bytes())[kind]
    po.write_bytes(data)
    r = run_cli("update", "--lang", "ru", cwd=root)
    assert r.returncode == 0 and "0 written" in r.stderr, r.stderr
    assert po.read_bytes() == data

    reference = copy_sample(tmp_path / "ref")
    for project in (root, reference):
        art = project / "articles" / f"{SLUG}.html"
        art.write_text(art.read_text(encoding="utf-8").replace("has made public that", "has now made public that"),
                       encoding="utf-8")
        assert run_cli("extract", "articles", "-o", "locales", cwd=project).returncode == 0
        assert run_cli("update", "--lang", "ru", cwd=project).returncode == 0
    out = po.read_bytes()
    assert out != data and out.startswith(BOM) == kind.startswith("bom")
    body = out[len(BOM):] if kind.startswith("bom") else out
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert body.replace(b"\r\n", b"\n") == (reference / "locales" / "ru" / f"{SLUG}.po").read_bytes()
