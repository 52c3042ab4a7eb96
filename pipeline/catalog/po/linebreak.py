"""Unicode line breaking (UAX #14) as libunistring 1.0 does it for GNU gettext's msgcat.

:func:`width_linebreaks` tells where msgcat breaks a string so its lines fit the page; the tables
come from Unicode's data files (:mod:`pipeline.catalog._unidata`).

The module-level tables below (``_CLASSES``, ``_WIDTHS``, ``_CHAR_CLASS``, ``_PLAIN_MEMO``) are
memos of pure functions of one character, filled on first use: at most one entry per distinct
character ever seen (the alphabets of the catalogues), and no result depends on what was seen before.
"""

from __future__ import annotations

import bisect
import itertools

from pipeline.catalog import _unidata

(WJ, GL, B2, BA, BB, HY, CL, CP1, CP2, EX, IN, NS, OP1, OP2, QU, IS, NU, PO,
 PR, SY, AL, H2, H3, ID1, ID2, JL, JV, JT, HL, RI, ZWJ, EB, EM,
 BK, CR, LF, CM, ZW, SP, CB, AI, SA, XX) = range(43)

_PAIRS = _unidata.PAIRS
_NCLS = 33
_DIRECT, _INDIRECT, _PROHIBITED_PAIR = 1, 2, 3
# Break-opportunity codes, as in libunistring.
_MANDATORY, _POSSIBLE, _PROHIB = 0, 1, 2


def _resolve(c: int) -> int:
    # libunistring resolves these at run time (for a non-CJK encoding).
    if c == AI or c == SA or c == XX:
        return AL
    if c == CB:
        return ID1
    return c


class _TransTable(dict):
    """str.translate table computing entries on first use."""

    def __init__(self, func):
        super().__init__()
        self.func = func

    def __missing__(self, code: int) -> str:
        value = self[code] = self.func(code)
        return value


def _class_of(code: int) -> str:
    return chr(_resolve(_unidata.LB_VALUES[bisect.bisect_right(_unidata.LB_STARTS, code) - 1]))


def _width_of(code: int) -> str:
    w = _unidata.W_VALUES[bisect.bisect_right(_unidata.W_STARTS, code) - 1]
    return chr(max(w, 0))  # control characters count 0, as in libunistring


_CLASSES = _TransTable(_class_of)
_WIDTHS = _TransTable(_width_of)


class _CharClasses(dict):
    """Character -> resolved line-break class (int), filled on first use."""

    def __missing__(self, ch: str) -> int:
        value = self[ch] = ord(_CLASSES[ord(ch)])
        return value


_CHAR_CLASS = _CharClasses()


_SPECIAL_CLASSES = frozenset(chr(c) for c in (BK, CR, LF, CM, ZWJ, ZW, RI, HL))
# Memo: characters known to follow plain pair-table rules and to be 1 column wide (a set, not a
# dict, so that ``set(text) - _PLAIN_MEMO`` leaves in C the characters still to look at).
_PLAIN_MEMO: set[str] = set(chr(c) for c in range(32, 127))


def _text_kind(text: str) -> tuple[bool, bool]:
    """Whether ``text`` has characters with special line-break rules, and
    whether it has characters not exactly one column wide."""
    if text.isascii() and text.isprintable():
        return False, False
    special = odd = False
    for ch in set(text).difference(_PLAIN_MEMO):
        is_special = _CLASSES[ord(ch)] in _SPECIAL_CLASSES
        is_odd = _WIDTHS[ord(ch)] != "\x01"
        if not (is_special or is_odd):
            _PLAIN_MEMO.add(ch)
        special = special or is_special
        odd = odd or is_odd
    return special, odd


_HL_BA = 99  # internal: a Hebrew letter followed by a hyphen or BA


def _possible_breaks_slow(cls: str) -> list[int]:
    """Per character: may a line break before it (libunistring's
    u8_possible_linebreaks, all rules)."""
    n = len(cls)
    p = [_PROHIB] * n
    prev = BK  # class of the previous character
    last = BK  # class of the last character that is not a space
    seen_space = False
    ri_count = 0
    for i in range(n):
        prop = ord(cls[i])
        if prop == BK or prop == LF or prop == CR:
            p[i] = _MANDATORY
            prev = prop
            last = BK
            seen_space = False
        else:
            if prop == SP:
                seen_space = True
            elif prop == ZW:
                last = ZW
                seen_space = False
            elif prop == CM or prop == ZWJ:
                if last == BK:
                    last = AL
                    seen_space = False
                elif last == ZW or seen_space:
                    p[i] = _POSSIBLE
                    last = AL
                    seen_space = False
                # else: X CM is treated as X.
            else:
                if last == BK:
                    pass
                elif last == ZW:
                    p[i] = _POSSIBLE
                elif prev == ZWJ:
                    pass
                elif last == RI and prop == RI:
                    if seen_space or ri_count % 2 == 0:
                        p[i] = _POSSIBLE
                elif prev == _HL_BA:
                    pass
                else:
                    kind = _PAIRS[last * _NCLS + prop]
                    if kind == _DIRECT or (kind == _INDIRECT and seen_space):
                        p[i] = _POSSIBLE
                last = prop
                seen_space = False
            prev = _HL_BA if prev == HL and (prop == HY or prop == BA) else prop
        ri_count = ri_count + 1 if prop == RI else 0
    return p


def width_linebreaks(text: str, prohibited: set[int] | None, width: int, start_column: int,
                      cjk: bool = False) -> list[int]:
    """Indexes of ``text`` before which msgcat breaks the line so that lines
    fit ``width`` columns (libunistring's u8_width_linebreaks)."""
    cum: list[int] | None
    if cjk and not text.isascii():
        # Legacy CJK charsets: ambiguous characters are ideographs, 2 columns.
        cum = [0]
        cum.extend(itertools.accumulate(_cjk_width(ch) for ch in text))
        classes = "".join(chr(_cjk_class(ch)) for ch in text)
        return _breaks_slow(classes, cum, prohibited, width, start_column)
    special, odd = _text_kind(text)
    cum = None
    if odd:
        cum = [0]
        cum.extend(itertools.accumulate(map(ord, text.translate(_WIDTHS))))
    if special:
        return _breaks_slow(text.translate(_CLASSES), cum, prohibited, width, start_column)
    return _breaks_fast(text, cum, prohibited, width, start_column)


def _cjk_width(ch: str) -> int:
    w = ord(_WIDTHS[ord(ch)])
    cp = ord(ch)
    if w == 1 and 0xA1 <= cp < 0xFF61 and cp != 0x20A9:
        return 2
    return w


def _cjk_class(ch: str) -> int:
    raw = _unidata.LB_VALUES[bisect.bisect_right(_unidata.LB_STARTS, ord(ch)) - 1]
    return ID1 if raw == AI else _resolve(raw)


def _breaks_fast(text: str, cum: list[int] | None, prohibited: set[int] | None,
                 width: int, col: int) -> list[int]:
    """Line breaks when only pair-table rules apply.

    libunistring's greedy filling puts on each line the most whole pieces
    (text between break opportunities) that fit, and at least one.  Since
    with these classes whether a break is possible before a character only
    depends on the previous non-space character, we look for the last
    opportunity before each line's limit instead of computing all of them.
    """
    n = len(text)
    pairs = _PAIRS
    cc = _CHAR_CLASS

    def opportunity(i: int) -> bool:
        b = cc[text[i]]
        if b == SP or (prohibited is not None and i in prohibited):
            return False
        j = i - 1
        while j >= 0 and cc[text[j]] == SP:
            j -= 1
        if j < 0:
            return False
        kind = pairs[cc[text[j]] * _NCLS + b]
        return kind == _DIRECT or (kind == _INDIRECT and j < i - 1)

    out: list[int] = []
    line_start = 0
    while True:
        avail = width - col
        if cum is None:
            if n - line_start <= avail:
                return out
            limit = line_start + avail
        else:
            base = cum[line_start]
            if cum[n] - base <= avail:
                return out
            limit = bisect.bisect_right(cum, base + avail) - 1
        # The last opportunity at or before the limit (inlined: hot loop).
        found = -1
        i = min(limit, n - 1)
        b = cc[text[i]] if i > line_start else SP
        while i > line_start:
            j = i - 1
            a = cc[text[j]]
            if b != SP and (prohibited is None or i not in prohibited):
                if a == SP:
                    k = j - 1
                    while k >= 0 and cc[text[k]] == SP:
                        k -= 1
                    if k >= 0 and pairs[cc[text[k]] * _NCLS + b] != _PROHIBITED_PAIR:
                        found = i
                        break
                elif pairs[a * _NCLS + b] == _DIRECT:
                    found = i
                    break
            i = j
            b = a
        if found < 0:
            # Even the first piece is too wide: it fills the line alone.
            i = max(limit + 1, line_start + 1)
            while i < n:
                if opportunity(i):
                    found = i
                    break
                i += 1
            if found < 0:
                return out
        out.append(found)
        line_start = found
        col = 0


def _breaks_slow(cls: str, cum: list[int] | None, prohibited: set[int] | None,
                 width: int, start_column: int) -> list[int]:
    """Line breaks computed character by character (all UAX #14 rules)."""
    p = _possible_breaks_slow(cls)
    n = len(cls)
    out: list[int] = []
    last_p = -1
    last_column = start_column
    piece_start = 0
    for i in range(n):
        b = p[i]
        if b == _PROHIB or (prohibited is not None and i in prohibited):
            continue
        piece = (i - piece_start) if cum is None else cum[i] - cum[piece_start]
        if last_p >= 0 and last_column + piece > width:
            out.append(last_p)
            last_column = 0
        if b == _POSSIBLE:
            last_p = i
            last_column += piece
            piece_start = i
        else:  # mandatory break (a line separator character)
            last_p = -1
            last_column = 0
            piece_start = i + 1
    piece = (n - piece_start) if cum is None else cum[n] - cum[piece_start]
    if last_p >= 0 and last_column + piece > width:
        out.append(last_p)
    return out




# ---------------------------------------------------------------------------
