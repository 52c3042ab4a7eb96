"""What a match finds: a glossary term's occurrence in a text (:class:`Hit`), an exclusion phrase it met and so
left a term out (:class:`Excluded`), and a text with its hits blanked. Made by ``pipeline.glossary.match``, read
by every reading of a message; kept apart from the matcher, which is one job."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.glossary.textprep import mask

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.glossary.model import Concept


@dataclass(slots=True)
class Excluded:
    """An exclusion phrase of a concept's that the match met around a one-word term of it, and so left the term
    out (“bank transfer” around “transfer”): the phrase's span and the term's word's."""

    concept_id: str
    start: int
    end: int
    word_start: int
    word_end: int

    def binomial(self, text: str) -> bool:
        """Whether the phrase (in ``text``, the message it was met in) joins the term's word to another by a
        conjunction: a fixed binomial (“part and parcel”), whose words mean the idiom's sense together. Neither
        the same word elsewhere in the message is that sense (a compound's head is: a *bank transfer*), nor is a
        word of the translation beside the rendering the rendering of the idiom's other word («и» for “and”)."""
        return bool(_BINOMIAL_RE.search(text, self.start, self.end))


_BINOMIAL_RE = re.compile(r"\s(?:and|or)\s", re.I)


@dataclass(slots=True)
class Hit:
    """One occurrence of a glossary term in a text."""

    concept: Concept
    start: int
    end: int
    form: str  # the text as it appears
    term: str  # the glossary term it matched, as written in the glossary
    kind: str
    reason: str = ""  # for forbidden translations
    derived: bool = False  # met only as a derivation or a compound (петушиный, Strafkolonieverwaltung)

    @property
    def forbidden(self) -> bool:
        return self.kind == "forbidden"


def blanked(text: str, hits: list[Hit]) -> str:
    """``text`` masked (:func:`mask`) with the spans of ``hits`` blanked too, same length and offsets: the words
    of a message around its glossary terms (a term is no evidence for itself)."""
    masked = mask(text)
    for h in hits:
        masked = masked[:h.start] + " " * (h.end - h.start) + masked[h.end:]
    return masked
