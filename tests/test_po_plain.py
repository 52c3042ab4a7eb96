"""The PO reader's fast path for plain catalogues (pipeline/catalog/po/plain.py) reads what the line reader reads.

A plain catalogue is read by one regex match per entry; anything else goes to the line reader. Whichever path a
text takes, the catalogue (every entry's fields, the header, line numbers) or the error must be the same: checked
on every catalogue of the shared corpus, on edge cases written here, and on random edits of plain catalogues.
"""

from __future__ import annotations

import random

import pytest
from conftest import CORPUS, needs

from pipeline.catalog.model import Message
from pipeline.catalog.po import read
from pipeline.core.errors import TamizdatError

PLAIN = '''# A translator's comment
#. An extracted comment
#: a.html:1 b.html:2 c.html
#, fuzzy, python-format
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

#: a.html:5
msgid "A colony"
msgstr "Колония"

msgctxt "menu"
msgid ""
"A long \\"quoted\\" text, "
"continued \\\\ here\\t"
msgstr "Текст \\x41\\101"
'''


def _read(data: bytes | str, fast: bool, monkeypatch) -> tuple:
    """What the reader makes of ``data`` by one path: every field of every entry and of the header, or the error."""
    if not fast:
        monkeypatch.setattr(read, "_plain", lambda *a: None)
    try:
        po = read.parse(data, "t.po")
    except TamizdatError as exc:
        return ("error", str(exc))
    finally:
        monkeypatch.undo()
    header = po.original_header
    return ("ok", po.header, po.metadata, po.metadata_is_fuzzy, repr(header and vars(header)),
            [[repr(getattr(m, k, None)) for k in Message.__slots__] for m in po])


def _same(data: bytes | str, monkeypatch) -> tuple:
    fast, lines = _read(data, True, monkeypatch), _read(data, False, monkeypatch)
    assert fast == lines
    return fast


def test_a_plain_catalogue_takes_the_fast_path_and_reads_as_by_lines(monkeypatch):
    taken = []
    original = read.plain_entries
    monkeypatch.setattr(read, "plain_entries", lambda *a: taken.append(original(*a)) or taken[-1])
    po = read.parse(PLAIN.encode(), "t.po")
    monkeypatch.undo()
    assert taken == [True]
    entries = list(po)
    assert [(m.msgctxt, m.msgid, m.msgstr, m.linenum) for m in entries] == [
        (None, "A colony", "Колония", 11),
        ("menu", 'A long "quoted" text, continued \\ here\t', "Текст AA", 15)]
    assert entries[0].occurrences == [("a.html", "5")]
    assert po.metadata_is_fuzzy == ["fuzzy", "python-format"]
    assert _same(PLAIN, monkeypatch)[0] == "ok"


@pytest.mark.parametrize("edit", [
    lambda t: t.replace('msgid "A colony"', '#~ msgid "Old"\n#~ msgstr "Старое"\n\nmsgid "A colony"'),
    lambda t: t.replace("\n", "\r\n"),
    lambda t: t.replace('msgid "A colony"', 'msgid  "A colony"'),
    lambda t: t.replace('"Колония"', '"Колония" '),
    lambda t: t.replace('msgid "A colony"', 'msgid "A colony"\nmsgid_plural "Colonies"').replace(
        'msgstr "Колония"', 'msgstr[0] "Колония"'),
    lambda t: t.replace('msgid "A colony"', '#| msgid "A colon"\nmsgid "A colony"'),
    lambda t: t.replace("\\x41", "\\q"),  # an invalid escape
    lambda t: t + '\nmsgid "A colony"\nmsgstr "Дубль"\n',  # a duplicate
    lambda t: t.rstrip("\n"),  # no newline at the end
    lambda t: t + "\n\n",
    lambda t: t.replace('msgstr "Колония"\n', 'msgstr "Колония"\nmsgid "B"\nmsgstr "Б"\n'),  # no blank line between
])
def test_what_is_not_plain_reads_as_by_lines(edit, monkeypatch):
    _same(edit(PLAIN), monkeypatch)
    _same(edit(PLAIN).encode(), monkeypatch)


def test_random_edits_of_plain_catalogues_read_the_same_either_way(monkeypatch):
    rnd = random.Random(17)
    pieces = ['"', "\\", " ", "\t", "#", "#~ ", "#| ", "\n", "\n\n", "\r", "msgid ", "msgstr ", "msgctxt ", "\\n",
              '\\"', "\\x41", "\\q", '""', "#, fuzzy\n", "#: a.html:1\n", "\\\n", "é"]
    for _ in range(1500):
        text = PLAIN
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(text) + 1)
            text = (text[:i] + rnd.choice(pieces) + text[i:]) if rnd.random() < 0.6 else text[:i] + text[i + 2:]
        _same(text.encode(), monkeypatch)


@needs(CORPUS.is_dir(), "shared corpus not available")
def test_every_corpus_catalogue_reads_the_same_either_way(monkeypatch):
    files = sorted(CORPUS.rglob("*.po"))
    assert files
    for path in files:
        _same(path.read_bytes(), monkeypatch)
