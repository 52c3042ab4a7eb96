"""Translations kept across paragraph and sentence segmentation.

A project that switches ``segmentation`` gets templates whose entries are the sentences of the old
entries (or the paragraphs their sentences make up). Nothing a translator wrote may be lost:

* paragraph → sentences: an old entry whose source and translation split into as many sentences
  gives each sentence its translation — sure when every pair's length agrees with the entry's, fuzzy
  otherwise; one whose counts differ (the translator restructured) gives its first sentence the
  whole translation, fuzzy, for the translator to cut;
* sentences → paragraph: a paragraph all of whose sentences are translated gets them joined with
  the source's spacing (fuzzy if any was fuzzy or unsure).

The old entries themselves become obsolete (``#~``), so switching back revives them exactly.
A new entry that is only partly made of remembered sentences (at least half of its text) gets
those as a fuzzy suggestion when nothing better was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.core.sentences import join, split, split_with_gaps

MIN_SHARE = 0.5  # of a new entry's characters that remembered sentences must cover for a partial suggestion
_RATIO_SLACK = 2.0  # a sentence pair whose length ratio is this far off the entry's is an unsure pair


@dataclass
class Suggestion:
    msgstr: str
    fuzzy: bool
    note: str


class SentenceMemory:
    def __init__(self, entries: Iterable[tuple[str, str, bool]]) -> None:
        """``entries``: (msgid, msgstr, fuzzy) of translated singular entries."""
        self._whole: dict[str, tuple[str, bool]] = {}
        self._parts: dict[str, tuple[str, bool]] = {}
        for msgid, msgstr, fuzzy in entries:
            self._whole.setdefault(msgid, (msgstr, fuzzy))
            src, dst = split(msgid), split(msgstr)
            if len(src) < 2:
                continue
            if len(src) != len(dst):
                self._parts.setdefault(src[0], (msgstr, True))
                continue
            ratio = max(len(msgstr), 1) / max(len(msgid), 1)
            for a, b in zip(src, dst):
                r = max(len(b), 1) / max(len(a), 1) / ratio
                self._parts.setdefault(a, (b, fuzzy or not (1 / _RATIO_SLACK <= r <= _RATIO_SLACK)))

    def __bool__(self) -> bool:
        return bool(self._whole)  # every remembered entry is in _whole; _parts only cut some of them finer

    def _lookup(self, sentence: str) -> tuple[str, bool] | None:
        return self._whole.get(sentence) or self._parts.get(sentence)

    def complete(self, msgid: str) -> Suggestion | None:
        """The whole translation of ``msgid`` made of remembered sentences, or None."""
        part = self._parts.get(msgid)
        if part is not None:
            return Suggestion(part[0], part[1], "sentence of an old paragraph")
        sentences, gaps = split_with_gaps(msgid)
        if len(sentences) < 2:
            return None
        found = [self._whole.get(s) for s in sentences]
        if any(f is None for f in found):
            return None
        return Suggestion(join([f[0] for f in found if f], gaps), any(f[1] for f in found if f),
                          f"{len(sentences)} sentences joined")

    def partial(self, msgid: str) -> Suggestion | None:
        """A fuzzy suggestion from the sentences of ``msgid`` that are remembered, if they cover enough."""
        sentences = split(msgid)
        found = [self._lookup(s) for s in sentences]
        covered = sum(len(s) for s, f in zip(sentences, found) if f)
        if not covered or covered < MIN_SHARE * sum(len(s) for s in sentences):
            return None
        hits = [f[0] for f in found if f]
        return Suggestion(" ".join(hits), True, f"{len(hits)} of {len(sentences)} sentences remembered")
