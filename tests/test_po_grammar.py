"""Our PO reader against GNU msgcat 0.21 on the corners of its grammar: what msgcat accepts we read and write
back byte for byte; what it refuses we refuse, naming the line. The corpus of GNU's own test files is
checked the same way (tests/po_corpus.py)."""

import os
import shutil
import subprocess

import pytest

import po_corpus
from pipeline.catalog import pofile
from pipeline.core.errors import TamizdatError

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# Deliberate differences, not listed here: a UTF-8 BOM is skipped (msgcat calls it a syntax error), and a
# file with non-ASCII text and no charset is read as UTF-8 (msgcat refuses to convert it, msgfmt reads it).
CASES = [
 '#~|msgid "p"\n#~ msgid "a"\n#~ msgstr "b"\n',
 '#~msgid "a"\n#~msgstr "b"\n',
 '#,fuzzy\nmsgid "a"\nmsgstr "b"\n',
 '#.x\n#:f.c:1\n#foo\nmsgid "a"\nmsgstr "b"\n',
 '#\nmsgid "a"\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n\f\nmsgid "c"\nmsgstr "d"\n',
 'msgid "a""b"\nmsgstr "c"\n',
 'msgid "a"\r\nmsgstr "b"\r\n',
 '',
 '# only a comment\n',
 'msgid "a"\nmsgstr "\\x41\\101"\n',
 '#~ msgid "a"\nmsgstr "b"\n',
 '#~ msgid "a"\n#~ msgstr "b" # c\n',
 'msgctxt "c" msgid "a" msgstr "b"\n',
 'msgid "a"\n   "b"\nmsgstr "c"\n',
 'msgid "a" msgid_plural "b" msgstr[0] "c" msgstr[1] "d"\n',
 'msgid "a"\nmsgstr "b"\n#| msgid "old"\nmsgid "c"\nmsgstr "d"\n',
 '#, fuzzy\n#| msgid "o" msgid "a" msgstr "b"\n',
 'msgid "a"\nmsgstr "b"#c\n',
 'msgid "a"\nmsgstr "b"\n#~ msgid "a"\n#~ msgstr "c"\n',
 'msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n',
 'msgid "a" msgstr "b" msgid "c" msgstr "d"\n',
 'msgid "a"\nmsgstr ""\n"x"\n',
 'msgid "a"\nmsgstr\n"x"\n',
 'msgid\n"a"\nmsgstr "x"\n',
 'msgid "a"\nmsgstr "b"\n# end comment\n',
 '#: a.c:1 b.c\nmsgid "a"\nmsgstr "b"\n',
 '#, c-format, no-wrap\nmsgid "a %s"\nmsgstr "b %s"\n',
 'msgid "a"\nmsgstr "b"\n\n\n\n#~ msgid "z"\n#~ msgstr "y"\n',
 '#~ msgctxt "c"\n#~ msgid "a"\n#~ msgstr "b"\n',
 'msgid "a\\\nb"\nmsgstr "c"\n',
 'msgid "\\u0041"\nmsgstr "c"\n',
 'msgid "a"\nmsgstr "b"\n\t\n  \nmsgid "c"\nmsgstr "d"\n',
 'msgid "a"\nmsgstr[0] "b"\n',
 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n',
 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[0] "c"\n',
 '#| msgctxt "x"\n#| msgid "o"\nmsgctxt "y"\nmsgid "a"\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n#~| msgid "o"\n#~ msgid "z"\n#~ msgstr "y"\n',
 'domain "x"\n',
 'domain "a"\nmsgid "a"\nmsgstr "b"\ndomain "a"\nmsgid "c"\nmsgstr "d"\n',
 'msgid "a"\nmsgstr "b"\ndomain "d"\nmsgid "a"\nmsgstr "b"\n',
 'msgid "a" # c\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n# c\n"x"\n',
 'msgid "a"\nmsgstr "b\n',
 'msgid "a"\nmsgstr "b"c\n',
 'msgid "a"\nmsgstr \'b\'\n',
 'MSGID "a"\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n#~ msgid "a"\n',
 '#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
 'msgid "a"\n#~ msgstr "b"\n',
 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n#~ msgid "o"\n#~ msgid_plural "os"\n#~ msgstr[0] "p"\n#~ msgstr[1] "q"\n',
 '#~ msgid "a"\n#~ "b"\n#~ msgstr "c"\n#~ "d"\n',
 '  #~ msgid "a"\n  #~ msgstr "b"\n',
 '#| msgid "o"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',
 '#, fuzzy\n#| msgid "o"\n#| msgid_plural "os"\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\n',
 'msgctxt "a"\n"b"\nmsgid "c"\nmsgstr "d"\n',
 'msgid "a \\" msgstr" msgstr "b"\n',
 'msgid "a # b" msgstr "c"\n',
 'msgid "a" "b" msgstr "c" "d"\n',
 'msgid "a"\n\t# comment\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n\t# comment\nmsgid "c"\nmsgstr "d"\n',
 'msgid "a"\nmsgid_plural "b"\nmsgstr[0]"x"\nmsgstr[1]"y"\n',
 'msgid "a"\nmsgid_plural "b"\nmsgstr [0] "x"\nmsgstr [1] "y"\n',
 '#@ odd\n#* odd2\nmsgid "a"\nmsgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n',
 'msgctxt ""\nmsgid "a"\nmsgstr "b"\n',
 '#~ #, fuzzy\n#~ msgid "a"\n#~ msgstr "b"\n',
 'msgid "a"msgstr"b"\n',
 'msgid "a"\nmsgstr "b"\n#~ msgid "c" #~ msgstr "d"\n',
 '#~ msgid "a"\n#~ msgstr ""\n#~ "x"\n',
 'msgid "a"\nmsgstr "b"  \t \n',
 'msgid "a"\nmsgstr "b"\n#, fuzzy\n',
 '#, fuzzy\n#, c-format\nmsgid "a"\nmsgstr "b"\n',
 'msgid "tab\there"\nmsgstr "nl\\n"\n',
 'msgid "a"\nmsgstr "\\z"\n',
 'msgid "a"\nmsgstr "b"\n\r\n\r\nmsgid "c"\r\nmsgstr "d"\r\n',
 '#~| msgid "p"\n#~| msgctxt "q"\n#~ msgid "a"\n#~ msgstr "b"\n',
 'msgid "a"\nmsgstr "b"\n#~ domain "x"\n',
 '#. only extracted\n',
 'msgid "a" msgstr\n"b"\n',
 'msgid "a"\nmsgstr "b" msgid "c"\nmsgstr "d"\n',
 'msgid "" msgstr "Content-Type: text/plain; charset=UTF-8\\n" msgid "a" msgstr "ä"\n',
 'msgid "a"\nmsgstr "b"\n"c" msgid "d" msgstr "e"\n',
 'msgid "a"\nmsgstr "b"\n#| msgid "x" #| msgid "y"\nmsgid "c"\nmsgstr "d"\n',
 '#| msgid "x"\n#| "y"\nmsgid "c"\nmsgstr "d"\n',
 '#|msgid "x"\nmsgid "c"\nmsgstr "d"\n',
]


def _needs_msgcat():
    if shutil.which("msgcat") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU msgcat is missing")
        pytest.skip("GNU msgcat is not installed")


@pytest.mark.parametrize("with_header", [False, True], ids=["bare", "header"])
@pytest.mark.parametrize("text", CASES)
def test_reader_agrees_with_msgcat(text, with_header, tmp_path):
    _needs_msgcat()
    data = ((HEADER if with_header else "") + text).encode()
    path = tmp_path / "t.po"
    path.write_bytes(data)
    gnu = subprocess.run(["msgcat", "--force-po", str(path)], capture_output=True,
                         env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"})
    if gnu.returncode == 0:
        assert pofile.encode(pofile.parse(data, str(path))) == gnu.stdout
    else:
        with pytest.raises(TamizdatError) as err:
            pofile.parse(data, str(path))
        assert err.value.path == str(path) and err.value.line


def test_every_po_file_of_gnu_tests_reads_as_msgcat_reads_it():
    _needs_msgcat()
    if not po_corpus.SUITE.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{po_corpus.SUITE} is missing")
        pytest.skip("../shared/gettext-tests is not here")
    results = po_corpus.run_all()
    assert len(results) >= 160
    wrong = [f"{r.case.name}: {r.detail}" for r in results if not r.same]
    assert not wrong


def test_lexer_shortcuts_cut_lines_as_its_grammar_does():
    """``pieces`` tells the common lines (comments, a keyword and a plain string, blank lines) by string methods
    before its line regex: on random lines built from PO's tokens it must keep and cut exactly what the regex
    alone keeps and cuts, and a file read from bytes (lines split in C) must read as the same file read from
    text (lines split one at a time)."""
    import random

    from pipeline.catalog.po import lex

    def by_regex(numbered):
        for lineno, line in numbered:
            if line[:1] == "#" and line[1:2] not in ("~", "|") or lex._SIMPLE_LINE.fullmatch(line):
                yield lineno, line
            else:
                yield from lex._cut(lineno, line)

    tokens = ["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]", "msgstr[ 1 ]", "domain", "#", "#~", "#|",
              "#~|", "#,", "#.", '"a"', '"a b"', '""', '"\\""', '"a\\nb"', '"\\\\"', '"x', " ", "  ", "\t", "\r",
              "#c", "é", "m", "x", '"a\\"', "\\"]
    rng = random.Random(17)
    lines = ["".join(rng.choice(tokens) for _ in range(rng.randint(0, 5))) for _ in range(20_000)]
    lines += ['msgid "a"', 'msgstr "b"', '"c"', 'msgid ""', '""', "", "#: a.c:1", 'msgstr "a" msgid "b"',
              'msgid "a"#c', 'msgid  "a"', 'msgstr[0] "a"', '#~ msgid "a"', 'msgid "a\\"b"']
    numbered = list(enumerate(lines, 1))
    assert list(lex.pieces(numbered)) == list(by_regex(numbered))

    text = HEADER + "".join(f'#: f.c:{i}\nmsgid "m{i}"\nmsgstr ""\n"s{i}"\n\n' for i in range(3000))
    lex.Lines.PIECE, piece = 4096, lex.Lines.PIECE  # many pieces: lines cut at every piece's edge
    try:
        from_bytes = pofile.encode(pofile.parse(text.encode(), "t.po"))
    finally:
        lex.Lines.PIECE = piece
    assert from_bytes == pofile.encode(pofile.parse(text, "t.po"))
