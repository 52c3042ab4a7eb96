"""One typographic pass per language over everything a page shows.

Translators write the body with their language's quotation marks and spaces;
the reader notes come from the glossary, the chrome from our messages, and
an untranslated passage keeps its own language's. So the pass follows each
text's own ``lang`` (the nearest ``lang`` attribute) and makes every text of
one language look alike: typographic apostrophes, the language's quotation
marks for straight ones, and French no-break spaces before ``; : ! ?``
and inside ``« »``. It only replaces characters; it never adds a space
where the writer put none (a ``:`` in a URL or a time stays as it is), except
inside French guillemets.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.checks.standard import QUOTES

_SKIP = {"code", "pre", "kbd", "samp", "var", "script", "style", "textarea"}
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
_STRAIGHT_PAIR = re.compile(r'"([^"\n]+)"')
NBSP, NNBSP = "\u00a0", "\u202f"
_FRENCH = [
    (re.compile(r"«[ \u202f]?(?=\S)"), "«" + NBSP),
    (re.compile(r"(?<=\S)[ \u202f]?»"), NBSP + "»"),
    (re.compile(r"(?<=\S) ([;!?])"), NNBSP + r"\1"),
    (re.compile(r"(?<=\S) :(?=\s|$)"), NBSP + ":"),
]


def typeset_text(text: str, lang: str) -> str:
    """``text`` with the typography of ``lang`` (a BCP 47 code; only its primary language counts)."""
    base = lang.split("-")[0].lower()
    text = _APOSTROPHE.sub("’", text)
    if base in QUOTES and '"' in text:
        opening, closing = QUOTES[base][0][0]
        text = _STRAIGHT_PAIR.sub(lambda m: opening + m.group(1) + closing, text)
    if base == "fr":
        for pattern, repl in _FRENCH:
            text = pattern.sub(repl, text)
    return text


def typeset(root: etree._Element, lang: str) -> None:
    """The pass over a page's ``<body>``; ``lang`` is the page's language."""
    body = root.find("body")
    if body is not None:
        _walk(body, lang)


def _walk(el: etree._Element, lang: str) -> None:
    lang = el.get("lang") or lang
    if el.text:
        el.text = typeset_text(el.text, lang)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _SKIP:
            _walk(child, lang)
        if child.tail:  # the tail belongs to this element's language, not the child's
            child.tail = typeset_text(child.tail, lang)
