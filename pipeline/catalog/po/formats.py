"""Format directives, as gettext 0.21's format-c.c and format-python.c read them.

msgcat does not break a line inside one (after its first character); like gettext's parsers,
marking stops at the first invalid directive.
"""

from __future__ import annotations

import re


def _digits(value: str, i: int) -> int:
    while i < len(value) and value[i].isdigit() and value[i].isascii():
        i += 1
    return i


_C_CONVERSIONS = "%mcCsSidouxXeEfFgGaApn"
_C99_MACRO = re.compile(r"<PRI[dioxXu](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


def c_directives(value: str, translated: bool, objc: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each valid C directive; end is the conversion char."""
    out: list[tuple[int, int]] = []
    n = len(value)
    at = lambda i: value[i] if i < n else ""  # noqa: E731
    numbered = unnumbered = 0
    i = value.find("%")
    while i >= 0:
        start = i
        i += 1
        number = 0
        j = _digits(value, i)
        if j > i and at(j) == "$":
            if int(value[i:j]) == 0:
                return out
            number = int(value[i:j])
            i = j + 1
        while at(i) in (" ", "+", "-", "#", "0", "'") or (translated and at(i) == "I"):
            if at(i) == "":
                break
            i += 1
        for prefix in ("", "."):
            if prefix:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                i += 1
                j = _digits(value, i)
                if j > i and at(j) == "$":
                    if int(value[i:j]) == 0:
                        return out
                    if unnumbered:
                        return out
                    numbered += 1
                    i = j + 1
                else:
                    if numbered:
                        return out
                    unnumbered += 1
            elif not prefix and at(i).isdigit() and at(i).isascii():
                i = _digits(value, i)
            elif prefix:
                i = _digits(value, i)
        if at(i) == "<":
            # <inttypes.h> macro, e.g. %<PRId64>: the directive ends at '>'.
            m = _C99_MACRO.match(value, i)
            if m is None:
                return out
            i = m.end() - 1
            conv = "d"
        else:
            if value.startswith("hh", i) or value.startswith("ll", i):
                i += 2
            elif at(i) in ("h", "l", "j", "z", "Z", "t", "L", "q"):
                i += 1
            conv = at(i)
            if conv == "" or conv not in _C_CONVERSIONS + ("@" if objc else ""):
                return out
        if conv not in ("%", "m"):
            if number:
                if unnumbered:
                    return out
                numbered += 1
            else:
                if numbered:
                    return out
                unnumbered += 1
        out.append((start, i))
        i = value.find("%", i + 1)
    return out


def python_directives(value: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(value)
    at = lambda i: value[i] if i < n else ""  # noqa: E731
    named = unnamed = 0
    i = value.find("%")
    while i >= 0:
        start = i
        i += 1
        name = False
        if at(i) == "(":
            depth = 0
            i += 1
            while i < n:
                if value[i] == "(":
                    depth += 1
                elif value[i] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            if i >= n:
                return out
            i += 1
            name = True
        while at(i) in (" ", "+", "-", "#", "0") and at(i):
            i += 1
        for prefix in ("", "."):
            if prefix:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                if named:
                    return out
                unnamed += 1
                i += 1
            elif at(i).isdigit() and at(i).isascii():
                i = _digits(value, i)
        if at(i) in ("h", "l", "L"):
            i += 1
        conv = at(i)
        if conv == "" or conv not in "%csridouxXeEfFgG":
            return out
        if name:
            if unnamed:
                return out
            named += 1
        elif conv != "%":
            if named:
                return out
            unnamed += 1
        out.append((start, i))
        i = value.find("%", i + 1)
    return out


def directive_interiors(value: str, lang: str, translated: bool = False) -> set[int] | None:
    """Positions inside valid format directives (not their first character)."""
    if lang in ("c", "objc"):
        spans = c_directives(value, translated, lang == "objc")
    elif lang == "python":
        spans = python_directives(value)
    else:
        return None
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(start + 1, end + 1))
    return inside or None
