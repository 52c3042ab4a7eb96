"""Counting progress the way translators and coordinators read it."""

from __future__ import annotations

import polib

from pipeline.core import progress
from pipeline.catalog.stats import catalog_stats, summarize, words


def test_placeholder_tags_and_entities_are_not_words():
    assert words("Read <a1>the letter</a1> from IK-17 &amp; write<br/>back") == 7


def test_counts_fuzzy_untranslated_obsolete_and_plural():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Free Azat", msgstr="Libérez Azat"))
    po.append(polib.POEntry(msgid="Write to him", msgstr="Écrivez-lui", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Not yet", msgstr=""))
    po.append(polib.POEntry(msgid="%d letter", msgid_plural="%d letters", msgstr_plural={0: "%d lettre", 1: ""}))
    po.append(polib.POEntry(msgid="Old", msgstr="Vieux", obsolete=True))
    s = catalog_stats(po, "a", "fr")
    assert (s.translated, s.fuzzy, s.untranslated, s.obsolete, s.total) == (1, 1, 2, 1, 4)
    assert (s.words_translated, s.words) == (2, 2 + 3 + 2 + 2)
    total = summarize([s, catalog_stats(po, "b", "fr")])
    assert len(total) == 1 and total[0].translated == 2 and round(total[0].percent) == 22


def test_progress_bar_stays_hidden_off_terminal_and_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not progress.enabled(total=1000)  # pytest captures stderr: not a terminal

    class Terminal:
        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    monkeypatch.setattr(progress.sys, "stderr", Terminal())
    assert progress.enabled(total=1000)  # on a terminal, a long run shows its bar
    assert not progress.enabled(total=1)  # a short one does not
    assert not progress.enabled(quiet=True, total=1000)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not progress.enabled(total=1000)  # NO_COLOR hides it even on a terminal
    with progress.bar(1000, "x") as b:
        b.advance()  # the silent bar accepts the same calls
