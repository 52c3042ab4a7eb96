"""pipeline.catalog.pofile: what we write is what GNU msgcat 0.21 writes.

The reference is the real ``msgcat`` run on the same input in the test, on
every real catalogue of the shared corpus and on synthetic hard cases.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import random
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib
import pytest
from conftest import CORPUS, needs

from pipeline.catalog import pofile
from pipeline.catalog.model import Catalog, Message
from pipeline.catalog.po.linebreak import width_linebreaks
from pipeline.catalog.polib_adapter import from_polib, to_polib
from pipeline.core.errors import TamizdatError

DATA = Path(__file__).parent / "data" / "po"
CORPUS_DIRS = [CORPUS / "gnu-www-fr", CORPUS / "gnu-www-fr-2015"]

needs_msgcat = needs(shutil.which("msgcat") is not None, "GNU gettext not installed")


def msgcat(path: Path) -> bytes:
    # --force-po: plain msgcat writes nothing at all for a header-only
    # catalogue; dumps() writes the header, which is what --force-po adds.
    return subprocess.run(["msgcat", "--force-po", str(path)], check=True,
                          capture_output=True).stdout


def corpus_files() -> list[Path]:
    return sorted(p for d in CORPUS_DIRS if d.is_dir() for p in d.rglob("*.po"))


BATCHES = 4


@needs_msgcat
@needs(CORPUS.is_dir(), "shared corpus not available")
@pytest.mark.parametrize("batch", range(BATCHES))
def test_corpus_is_written_exactly_as_msgcat_writes_it(batch):
    files = corpus_files()[batch::BATCHES]
    assert files
    with ThreadPoolExecutor(max_workers=2) as pool:
        expected = list(pool.map(msgcat, files))
    mismatched = [str(f) for f, want in zip(files, expected)
                  if pofile.encode(pofile.parse(f.read_bytes(), str(f))) != want]
    assert not mismatched, f"{len(mismatched)}/{len(files)} differ from msgcat: {mismatched[:5]}"


@needs_msgcat
def test_hard_cases_match_msgcat():
    # Long words and URLs, Cyrillic, CJK and emoji (display width), \n in the
    # middle and at the end, tabs, quotes, backslashes, exact 79-column
    # boundaries, flags, no-wrap, plurals, msgctxt, long references,
    # previous msgids, obsolete entries with #~| and a fuzzy header.
    path = DATA / "hard.po"
    assert pofile.dumps(pofile.parse(path.read_bytes(), str(path))).encode() == msgcat(path)


TEXT_POOLS = [
    list("abcdefghijklmnopqrstuvwxyz      ,.;:!?-/()<>=\"'%$&#0123456789\t\\"),
    list("абвгдежзийклмнопрстуфхцчшщыьэюя      «»—,.-"),
    list("日本語中文、。「」（）かなカナー漢字 "),
    ["👍", "🏽", "\u200d", "✊", "🇷", "🇺", "é", "\u0301", "\u00a0", "\u200b", " ", "a", "-"],
]


def random_text(rng: random.Random, longest: int) -> str:
    pool = rng.choice(TEXT_POOLS) + TEXT_POOLS[0]
    text = "".join(rng.choice(pool) for _ in range(rng.randint(0, longest)))
    if rng.random() < 0.3:
        text += "\n"
    if rng.random() < 0.2:
        cut = rng.randint(0, len(text))
        text = text[:cut] + "\n" + text[cut:]
    return text


FLAGS = ["fuzzy", "c-format", "no-c-format", "python-format", "no-wrap", "wrap", "range: 0..5",
         "possible-sh-format", "php-format", "qt-format", "unknown-flag"]


@needs_msgcat
def test_random_entries_match_msgcat(tmp_path):
    rng = random.Random(20240517)
    po = pofile.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})
    for i in range(250):
        entry = Message(f"{i} " + random_text(rng, 160), random_text(rng, 160))
        if i % 7 == 0:
            entry.msgctxt = random_text(rng, 90)
        if i % 11 == 0:
            entry.previous_msgid = random_text(rng, 120)
            entry.flags = ["fuzzy"]
        if i % 13 == 0:
            entry.obsolete = True
            entry.msgstr = entry.msgstr or "x"
        if i % 3 == 0:
            entry.flags = rng.sample(FLAGS, rng.randint(1, 4))
        if i % 5 == 0:
            entry.tcomment = "\n".join(rng.choice(["", "note", "Miftakhov / Miftahov", " indented"])
                                       for _ in range(rng.randint(1, 3)))
            entry.comment = "Glossary: шизо = punishment cell (ShIZO)"
        if i % 4 == 0:
            entry.occurrences = [(f"./articles/a{rng.randint(0, 40)}.html", str(rng.randint(1, 900)))
                                 for _ in range(rng.randint(1, 14))]
        if i % 17 == 0:
            entry.msgid_plural = random_text(rng, 80) + "s"
            entry.msgstr_plural = {k: random_text(rng, 100) for k in range(3)}
        po.append(entry)
    # Every length around the 79-column margin, for msgid, msgstr, msgctxt,
    # "#| msgid" and "#~ msgid".
    for n in range(60, 85):
        for text in ("x" * n, "word " * (n // 5) + "y" * (n % 5), "y" * (n - 3) + " zz"):
            po.append(Message(f"b{n} {text}", text, msgctxt=f"c{n} {text}",
                              previous_msgid=text, flags=["fuzzy"]))
            po.append(Message(f"o{n} {text}", text, obsolete=True, previous_msgid=text))
    src = tmp_path / "random.po"
    src.write_text(pofile.dumps(po), encoding="utf-8")
    assert pofile.dumps(po).encode() == msgcat(src)
    # And what msgcat wrote reads back to the same catalogue, byte for byte.
    again = pofile.parse(msgcat(src))
    assert pofile.dumps(again).encode() == msgcat(src)
    assert pofile.unchanged(msgcat(src), again)


@needs_msgcat
def test_format_directives_are_not_broken_like_msgcat():
    # c-format, objc-format and python-format entries whose margin falls in
    # "% d": msgcat keeps a valid directive whole, but breaks inside it when
    # gettext's parser gave up earlier (%b, %1$d then %d, %I in a msgid...).
    path = DATA / "formats.po"
    assert pofile.encode(pofile.parse(path.read_bytes())) == msgcat(path)


@needs_msgcat
def test_crlf_file_like_msgcat(tmp_path):
    # Windows line ends: msgcat writes LF but keeps the CR inside comments (mixed endings); we read the
    # CR as the line break it is and write LF throughout (tests/test_po_line_endings.py).
    path = tmp_path / "crlf.po"
    path.write_bytes(b'msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
                     b'# comment\r\n#. ex\r\n#, fuzzy\r\nmsgid "a"\r\nmsgstr ""\r\n"b"\r\n\r\n'
                     b'#~ msgid "c"\r\n#~ msgstr "old"\r\n')
    ours = pofile.encode(pofile.parse(path.read_bytes()))
    assert b"\r" not in ours
    assert ours.replace(b"\r\n", b"\n") == msgcat(path).replace(b"\r\n", b"\n")


@needs_msgcat
def test_header_that_is_not_first_stays_in_place(tmp_path):
    path = tmp_path / "late-header.po"
    path.write_bytes(b'msgid "a"\nmsgstr "b"\n\n# header comment\nmsgid ""\n'
                     b'msgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "c"\nmsgstr "d"\n')
    assert pofile.encode(pofile.parse(path.read_bytes())) == msgcat(path)


@needs_msgcat
def test_legacy_cjk_charset_counts_ambiguous_characters_as_wide(tmp_path):
    # In EUC-JP (and GB2312, EUC-KR...) msgcat gives Cyrillic, Greek, "°"
    # two columns and treats them as ideographs for line breaking.
    body = "Привет мир, это тест ширины строки αβγ ° 日本語のテキスト、改行 " * 4
    text = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=EUC-JP\\n"\n\n'
            f'msgid "a"\nmsgstr "{body}"\n')
    path = tmp_path / "eucjp.po"
    path.write_bytes(text.encode("euc_jp"))
    assert pofile.encode(pofile.parse(path.read_bytes())) == msgcat(path)


def test_backslash_newline_continues_a_line_like_gnu():
    po = pofile.parse(b'# a comment \\\ncontinued\nmsgid "a\\\nb"\nmsgstr "c"\n\nmsgid "d"\nmsgstr "e"\n')
    assert po[0].tcomment == "a comment continued"
    assert po[0].msgid == "ab"
    assert po[0].linenum == 3 and po[1].linenum == 7


@needs_msgcat
def test_file_written_by_msgcat_round_trips_byte_for_byte(tmp_path):
    gold = msgcat(DATA / "hard.po")
    assert pofile.encode(pofile.parse(gold)) == gold


@needs_msgcat
def test_msgfmt_check_accepts_what_we_write(tmp_path):
    out = tmp_path / "out.po"
    out.write_bytes(pofile.encode(pofile.parse((DATA / "hard.po").read_bytes())))
    run = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@needs(CORPUS.is_dir(), "shared corpus not available")
def test_unchanged_for_every_corpus_file_read_as_is():
    files = sorted((CORPUS / "gnu-www-fr").rglob("*.po"))
    assert len(files) == 424
    changed = [f for f in files if not pofile.unchanged(f.read_bytes(), pofile.parse(f.read_bytes()))]
    assert not changed
    # Yet almost none of them is in msgcat's layout: reformatting them
    # behind their translators' backs is exactly what must not happen.
    sample = CORPUS / "gnu-www-fr" / "server" / "irc-rules.fr.po"
    assert pofile.encode(pofile.parse(sample.read_bytes())) != sample.read_bytes()


def test_unchanged_is_false_after_an_edit():
    old = (DATA / "hard.po").read_bytes()
    po = pofile.parse(old)
    assert pofile.unchanged(old, po)
    po[0].msgstr += " (edited)"
    assert not pofile.unchanged(old, po)
    po = pofile.parse(old)
    po[3].flags.append("c-format")
    assert not pofile.unchanged(old, po)
    po = pofile.parse(old)
    po.metadata["Language"] = "uk"
    assert not pofile.unchanged(old, po)


def test_parse_builds_our_model_under_polib_names():
    po = pofile.parse((DATA / "hard.po").read_bytes(), "hard.po")
    assert isinstance(po, Catalog) and all(type(e) is Message for e in po)
    assert not any(hasattr(e, "__dict__") for e in po)  # slotted: a big catalogue stays small
    assert po.metadata["Language"] == "ru"
    assert po.metadata_is_fuzzy
    assert po.header.startswith("Hard cases for the PO writer")
    by_id = {e.msgid: e for e in po}
    plural = by_id["%d prisoner"]
    assert plural.msgid_plural == "%d prisoners"
    assert plural.msgstr_plural == {0: "%d заключённый", 1: "%d заключённых", 2: "%d заключённых"}
    assert by_id["Flags galore"].flags == ["fuzzy", "python-format", "c-format", "no-wrap", "range: 1..3"]
    refs = by_id["References"].occurrences
    assert refs[0] == ("./articles/some-rather-long-directory-name/article-0.html", "0")
    assert ("nofile-ref", "") in refs
    comments = by_id["Comments"]
    assert comments.tcomment == "translator line one\n\n indented translator line"
    assert comments.comment == "extracted one\n\nextracted three with Miftakhov/Miftahov"
    assert by_id["Previous"].previous_msgctxt == "old ctx"
    assert by_id["Context entry"].msgctxt.startswith("menu|file")
    obsolete = [e for e in po if e.obsolete]
    assert [e.msgid for e in obsolete][:2] == ["Obsolete simple", obsolete[1].msgid]
    assert obsolete[1].previous_msgid.startswith("Old previous msgid of an obsolete entry")
    assert obsolete[1].tcomment == "comment on obsolete"


def test_polib_objects_pass_through_the_adapter_unchanged():
    """A tool that hands us polib objects gets the same file as from our own; polib gets every field back."""
    data = (DATA / "hard.po").read_bytes()
    ours = pofile.parse(data, "hard.po")
    theirs = to_polib(ours)
    assert isinstance(theirs, polib.POFile) and all(isinstance(e, polib.POEntry) for e in theirs)
    assert [(e.msgid, e.msgstr, e.msgstr_plural, e.flags, e.occurrences, e.previous_msgid) for e in theirs] == \
        [(e.msgid, e.msgstr, e.msgstr_plural, e.flags, e.occurrences, e.previous_msgid) for e in ours]
    back = from_polib(theirs)
    assert pofile.content(back)[1:] == pofile.content(ours)[1:]
    assert pofile.dumps(theirs) == pofile.dumps(back)
    # polib's own entries appended to our catalogue are written like ours.
    po = pofile.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})
    po.append(polib.POEntry(msgid="a", msgstr="b", flags=["fuzzy"], occurrences=[("x.html", "3")]))
    po.append(Message("c", "d"))
    assert pofile.dumps(po).endswith('#: x.html:3\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n')


def test_str_writes_msgcat_layout(tmp_path):
    data = (DATA / "hard.po").read_bytes()
    po = pofile.parse(data, str(tmp_path / "copy.po"))
    assert str(po) == pofile.dumps(po)


def test_linenum_is_the_line_of_msgid():
    text = (DATA / "hard.po").read_text(encoding="utf-8")
    lines = text.split("\n")
    po = pofile.parse(text)
    for entry in po:
        keyword = lines[entry.linenum - 1]
        assert keyword.lstrip("#~ ").startswith("msgid "), (entry.linenum, keyword)


def test_charset_from_header_and_latin1_round_trip():
    text = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
            'msgid "Prisoner"\nmsgstr "Détenu"\n')
    data = text.encode("latin-1")
    po = pofile.parse(data)
    assert po[0].msgstr == "Détenu"
    assert pofile.encode(po) == data


@needs_msgcat
def test_octal_escapes_are_bytes_of_the_charset(tmp_path):
    # "\303\251" is "é" in a UTF-8 file; msgcat writes the character itself.
    path = tmp_path / "octal.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                     b'msgid "caf\\303\\251 \\x41"\nmsgstr "ok"\n')
    po = pofile.parse(path.read_bytes())
    assert po[0].msgid == "café A"
    assert pofile.encode(po) == msgcat(path)


def test_bom_is_skipped():
    po = pofile.parse(b"\xef\xbb\xbfmsgid \"a\"\nmsgstr \"b\"\n")
    assert po[0].msgid == "a" and po[0].linenum == 1


def test_changed_header_field_only_rewrites_that_line():
    po = pofile.parse('msgid ""\nmsgstr ""\n"Content-Type : text/plain; charset=UTF-8\\n"\n'
                      '"PO-Revision-Date: old\\n"\n"Plural-Forms: \\n"\n"Gone: x\\n"\n')
    po.metadata["PO-Revision-Date"] = "2026-05-17 10:00+0000"
    del po.metadata["Gone"]
    po.metadata["X-Generator"] = "Tamizdat"
    assert pofile.dumps(po) == (
        'msgid ""\nmsgstr ""\n"Content-Type : text/plain; charset=UTF-8\\n"\n'
        '"PO-Revision-Date: 2026-05-17 10:00+0000\\n"\n"Plural-Forms: \\n"\n"X-Generator: Tamizdat\\n"\n')


def test_header_only_catalogue_keeps_its_header():
    po = pofile.new_catalog({"Project-Id-Version": "x", "Content-Type": "text/plain; charset=UTF-8"})
    assert pofile.dumps(po) == ('msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
                                '"Content-Type: text/plain; charset=UTF-8\\n"\n')


def test_writer_normalizes_like_msgcat():
    po = pofile.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})
    po.append(Message("untranslated", "", flags=["fuzzy", "c-format", "bogus-flag"]))
    po.append(Message("gone", "", obsolete=True))
    po.append(Message("%d day", msgid_plural="%d days", msgstr_plural={1: "b", 0: "a"}))
    out = pofile.dumps(po)
    assert "#, c-format\nmsgid \"untranslated\"" in out  # no fuzzy on an empty msgstr
    assert "bogus" not in out and "gone" not in out
    assert 'msgstr[0] "a"\nmsgstr[1] "b"\n' in out


SYNTAX_ERRORS = [
    ('msgid "a"\nmsgstr "b\n', 2, "unterminated"),
    ('msgid "a"\nmsgstr "b\\q"\n', 2, "invalid escape"),
    ('msgid "a"\nmsgfoo "b"\n', 2, "unknown keyword"),
    ('msgstr "b"\nmsgid "a"\n', 1, "before msgid"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4, "duplicate message definition"),
    ('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n', 6, "duplicate"),
    ('msgid "a"\n\n', 1, "missing msgstr"),
    ('msgid "x"\nmsgstr "y"\n\nmsgid "a"\nmsgid "b"\nmsgstr "c"\n', 4, "missing msgstr"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\n# note\nmsgid "d"\nmsgstr "e"\n', 5, "comment inside an entry"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n', 3, "wrong index"),
    ('msgid "a"\nmsgstr "b"\n"tail" junk\n', 3, "unknown keyword 'junk'"),
    ('msgid "a"\n#~ msgstr "b"\n', 2, "obsolete"),
    ('msgid "a"\nmsgstr "b"\n#| msgid "x"\n', 4, "not followed by an entry"),
    ('msgid "a"\nmsgstr\n', 2, "expected a quoted string"),
    ('#| msgctxt "old"\nmsgid "a"\nmsgstr "b"\n', 1, "without '#| msgid'"),
]


@pytest.mark.parametrize("text,line,message", SYNTAX_ERRORS)
def test_syntax_errors_name_file_and_line(text, line, message):
    with pytest.raises(TamizdatError) as err:
        pofile.parse(text.encode(), "locales/ru/article.po")
    assert err.value.path == "locales/ru/article.po"
    assert err.value.line == line
    assert message in err.value.message
    assert "\n" not in str(err.value)


def test_undecodable_bytes_are_located():
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xff"\n'
    with pytest.raises(TamizdatError) as err:
        pofile.parse(data, "x.po")
    assert (err.value.path, err.value.line) == ("x.po", 5)


def _libunistring():
    """The libunistring 1.0.x msgcat links to here (our tables are its)."""
    name = ctypes.util.find_library("unistring")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    version = ctypes.c_int.in_dll(lib, "_libunistring_version").value
    return lib if version >> 8 == 0x100 else None


@needs(_libunistring() is not None, "libunistring 1.0 not installed")
def test_line_breaking_matches_libunistring():
    """Our UAX #14 line breaking against the C library msgcat itself uses."""
    lib = _libunistring()
    fn = lib.u8_width_linebreaks
    fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                   ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
    pool = sum(TEXT_POOLS, []) + list("אב-\u2028\u0085\u2060\u3000\ufffc\x01\u05be") + ["\U0001F3FB", "\u261d"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 120)))
        width, start = rng.randint(3, 60), rng.randint(0, 12)
        raw = text.encode()
        out = ctypes.create_string_buffer(len(raw))
        fn(raw, len(raw), width, start, 0, None, b"UTF-8", out)
        offsets, pos = [], 0
        for ch in text:
            offsets.append(pos)
            pos += len(ch.encode())
        expected = [i for i, off in enumerate(offsets) if out.raw[off] == 2]  # UC_BREAK_POSSIBLE
        assert width_linebreaks(text, None, width, start) == expected, (text, width, start)
