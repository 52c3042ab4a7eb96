"""The look-alike letters the matcher reads (pipeline/glossary/lookalikes.py) are Unicode's confusables as the
confusable_homoglyphs library lists them: the table kept in the code is the library's, letter for letter."""

from __future__ import annotations

from pipeline.glossary.lookalikes import LOOKALIKES, from_library
from pipeline.glossary.textprep import unmix_word


def test_the_table_is_the_library_s():
    assert LOOKALIKES == from_library(), "python -m pipeline.glossary.lookalikes prints the library's table"


def test_a_mixed_word_is_read_in_its_main_script():
    assert unmix_word("соlоny") == "colony"  # (Cyrillic с and о in an English word)
    assert unmix_word("DOXа") == "DOXA"  # (a look-alike in a word of capitals stands for a capital)
    assert unmix_word("колонияa") == "колонияа"
