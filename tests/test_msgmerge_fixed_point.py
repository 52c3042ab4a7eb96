"""``msgmerge --previous`` (what Weblate's "update PO files" add-on runs) and ``tamizdat update`` agree:
run in either order, again and again, neither changes what the other wrote."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from conftest import copy_sample, have, run_cli
from glossary_tools import need

SLUG = "azat-miftakhov-caste"
LANGS = ("ru", "de", "fr")


def state(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "locales").rglob("*.po*"))}


def msgmerge(root: Path) -> None:
    for lang in LANGS:
        po = root / "locales" / lang / f"{SLUG}.po"
        subprocess.run(["msgmerge", "--previous", "-q", "-U", "--backup=off", str(po),
                        str(root / "locales" / f"{SLUG}.pot")], check=True)


def update(root: Path) -> None:
    r = run_cli("update", cwd=root)
    assert r.returncode == 0, r.stderr


def edit_source(root: Path) -> None:
    """An edited article: one sentence changed (fuzzy), one removed (obsolete), so both merges do real work."""
    art = root / "articles" / f"{SLUG}.html"
    text = art.read_text(encoding="utf-8")
    new = text.replace("has made public that", "has now made public that", 1)
    assert new != text
    art.write_text(new, encoding="utf-8")
    assert run_cli("extract", "articles", "-o", "locales", cwd=root).returncode == 0


@pytest.mark.parametrize("edited", [False, True], ids=["as-is", "source-edited"])
@pytest.mark.parametrize("first", ["msgmerge", "update"])
def test_msgmerge_and_update_reach_a_fixed_point(tmp_path, first, edited):
    need("GNU msgmerge", None if have("msgmerge") else "not installed: apt-get install gettext")
    root = copy_sample(tmp_path / "p")
    if edited:
        edit_source(root)
    steps = {"msgmerge": msgmerge, "update": update}
    second = "update" if first == "msgmerge" else "msgmerge"
    steps[first](root)
    steps[second](root)
    settled = state(root)
    for _ in range(3):
        for name in (first, second):
            steps[name](root)
            assert state(root) == settled, f"{name} changed a catalogue after the first pass of each"
    # The catalogues carry exactly the template's extracted comments (glossary notes of every language).
    from pipeline.catalog import pofile

    pot = {e.msgid: e.comment for e in pofile.parse((root / "locales" / f"{SLUG}.pot").read_bytes())}
    for lang in LANGS:
        po = pofile.parse((root / "locales" / lang / f"{SLUG}.po").read_bytes())
        for e in po:
            if e.msgid and not e.obsolete:
                assert e.comment == pot[e.msgid]


def test_update_migrates_catalogues_with_one_languages_notes(tmp_path):
    """Catalogues written before (only their own language's glossary lines) get the template's lines once."""
    need("GNU msgmerge", None if have("msgmerge") else "not installed: apt-get install gettext")
    root = copy_sample(tmp_path / "p")
    po = root / "locales" / "ru" / f"{SLUG}.po"
    migrated = po.read_text(encoding="utf-8")
    assert "#. glossary de: " in migrated  # the sample itself is migrated
    old = "\n".join(line for line in migrated.split("\n") if not line.startswith(("#. glossary de:", "#. glossary fr:")))
    po.write_text(old, encoding="utf-8")
    update(root)
    assert po.read_text(encoding="utf-8") == migrated
    before = state(root)
    msgmerge(root)
    assert state(root) == before
