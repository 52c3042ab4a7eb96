"""Whether an unchanged msgid's old translation still fits what the template now says of it.

msgmerge marks such a translation fuzzy when the template now calls the entry a format string the
translation does not fit (``msgfmt -c`` would refuse it), or gives it a range that is not inside the old one.
"""

from __future__ import annotations

import re

from pipeline.catalog.model import Message


def _formats(flags: list[str]) -> set[str]:
    return {f for f in flags if f.endswith("-format") and not f.startswith("no-")}


def _range(flags: list[str]) -> tuple[int, int] | None:
    for f in flags:
        if f.startswith("range:"):
            low, _, high = f[len("range:"):].strip().partition("..")
            try:
                return int(low), int(high)
            except ValueError:
                return None
    return None


def doubtful(t: Message, o: Message, e: Message) -> bool:
    """msgmerge's reasons to mark an unchanged msgid's old translation fuzzy: the template now calls it a
    format string the translation does not fit (``msgfmt -c`` would refuse it), or gives it a range that is
    not inside the old one."""
    if any(not _fits(kind, e) for kind in _formats(t.flags) - _formats(o.flags)):
        return True
    old, new = _range(o.flags), _range(t.flags)
    return old is not None and (new is None or not (old[0] <= new[0] and new[1] <= old[1]))


# Directives of the formats gettext checks by name or number rather than by C-like conversions.
_NAMED = {
    "sh-format": re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[^}]*\})"),
    "perl-brace-format": re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}"),
    "python-brace-format": re.compile(r"\{[^{}]*\}"),
    "csharp-format": re.compile(r"\{[0-9]+[^{}]*\}"),
    "javascript-format": re.compile(r"%[0-9]*\$?[sdifjoO%]"),
}
for _kind in ("qt-format", "kde-format", "ycp-format", "qt-plural-format", "kde-kuit-format"):
    _NAMED[_kind] = re.compile(r"%[0-9]+|%n")


def _fits(kind: str, e: Message) -> bool:
    """True when every translation has the directives of its source, for the formats we can read (C and
    Python as gettext's format-c.c and format-python.c; names and numbers for shell, brace and Qt/KDE
    formats); any other format counts as not fitting, so the entry goes fuzzy and msgfmt -c stays happy."""
    from pipeline.catalog.po.formats import c_directives, python_directives

    if kind == "c-format":
        def directives(text: str, translated: bool) -> list[str]:
            return sorted(text[end].replace("i", "d") for _, end in c_directives(text, translated))
    elif kind == "python-format":
        def directives(text: str, translated: bool) -> list[str]:
            return sorted(text[start:end + 1] for start, end in python_directives(text) if text[end] != "%")
    elif kind in _NAMED:
        def directives(text: str, translated: bool) -> list[str]:
            return sorted(set(_NAMED[kind].findall(text)))
    else:
        return False
    if not e.msgid_plural:
        return not e.msgstr or directives(e.msgid, False) == directives(e.msgstr, True)
    one, many = directives(e.msgid, False), directives(e.msgid_plural, False)
    return all(not v or directives(v, True) in ((one, many) if i == 0 else (many,))
               for i, v in e.msgstr_plural.items())
