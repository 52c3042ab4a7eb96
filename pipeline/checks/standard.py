"""Checks every translation should pass, glossary or not.

Each check is registered (:mod:`pipeline.checks.registry`) and takes the translated text and its
context, returning :class:`Problem` tuples; the caller turns them into Findings. Placeholders, URLs and
e-mail addresses are errors (they change what gets published or where a link
goes); the rest are warnings a reviewer weighs.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from pipeline.safetext import problem as unsafe_text
from pipeline.checks.registry import Checked, Context, Problem, register

TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)((?:\s[^<>]*?)?)\s*(/?)>")
URL_RE = re.compile(r"(?:https?|ftp)://[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]]|\bwww\.[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]]")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A number not glued to a word (so not the 1 of a placeholder <a1>); the
# digits of an ordinal (18th, 18-го, 18e) are the number.
NUMBER_RE = re.compile(r"(?<![\w.,#])\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
PRINTF_RE = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%]")
# (\d+ written \d\d*: a pattern that opens with a character class is searched for that class first, in a C loop;
# one that opens with a repeat is tried at every position, twice the cost of a translation's digit runs)
DIGITS_RE = re.compile(r"\d\d*")
# (closing slash + name, self-closing slash) of each tag: cheap to compare.
TAG_NAMES_RE = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:_-]*)(?:\s[^<>]*?)?\s*(/?)>")
SEPARATOR_RE = re.compile(r"[.,\u00a0\u202f ](?=\d{3}\b)")
BRACE_RE = re.compile(r"\{[A-Za-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")

# Double quotation marks each language writes (opening, closing), and marks it should not use.
QUOTES = {
    "ru": ([("«", "»"), ("„", "“")], "“”\""),
    "uk": ([("«", "»"), ("„", "“")], "“”\""),
    "be": ([("«", "»"), ("„", "“")], "“”\""),
    "de": ([("„", "“"), ("»", "«")], "”\""),
    "fr": ([("«", "»"), ("“", "”")], "\""),
    "en": ([("“", "”")], ""),
}
BRACKETS = [("(", ")"), ("[", "]"), ("{", "}")]
TERMINAL = ".!?:;…。！？"
TRAILING_CLOSERS = "\"'”’»«“›)]}* \u00a0\u202f"


@lru_cache(maxsize=4096)
def _visible(text: str) -> str:
    """Text without placeholder tags and entities, for punctuation and spacing checks (remembered: three checks
    ask for it, and a source is the same in every language). A text with neither ``<`` nor ``&`` is itself: the
    checks on every translation tell that first, so that it does not churn this cache (4,096 entries, on 2,000
    generated catalogues 119,070 misses for 148,164 hits)."""
    if "<" in text:
        text = _untagged(text)
    if "&" in text:
        # Entities as the reader sees them (&ldquo; is a quotation mark).
        text = html.unescape(text)
    return text


@lru_cache(maxsize=4096)
def _untagged(text: str) -> str:
    return TAG_RE.sub("", text)


@lru_cache(maxsize=4096)
def _tag_names(source: str) -> list:
    """The source's tags as ``TAG_NAMES_RE`` finds them, sorted (remembered: a source is checked in every
    language; never changed by the caller)."""
    return sorted(TAG_NAMES_RE.findall(source))


@lru_cache(maxsize=4096)
def _tag_sequence(source: str) -> list:
    """The source's tags as ``TAG_NAMES_RE`` finds them, in order (remembered; never changed by the caller)."""
    return TAG_NAMES_RE.findall(source)


@register("placeholders")
def placeholders(t: Checked, ctx: Context) -> list[Problem]:
    src, dst, flags = t.source, t.translation, t.flags
    out: list[Problem] = []
    if "<" not in src and "<" not in dst and not flags:
        return out
    want_sorted = _tag_names(src) if "<" in src else []
    raw_have = TAG_NAMES_RE.findall(dst) if "<" in dst else []
    if want_sorted == sorted(raw_have):
        missing = extra = Counter[tuple[str, str]]()
        # (the source's tags in the source's order nest as the source does: nothing to tell; the same matches as
        # TAG_RE's otherwise, no second pass over dst)
        have_tags = [] if not raw_have or raw_have == _tag_sequence(src) else [_name_key(t) for t in raw_have]
    else:
        want_tags = [_tag_key(m) for m in TAG_RE.finditer(src)]
        have_tags = [_tag_key(m) for m in TAG_RE.finditer(dst)]
        want, have = Counter(want_tags), Counter(have_tags)
        missing, extra = want - have, have - want
    if missing and extra and sum(missing.values()) == sum(extra.values()):
        pairs = ", ".join(f"{_show(a)} → {_show(b)}" for a, b in zip(sorted(missing.elements()), sorted(extra.elements())))
        out.append(Problem("placeholders", "error", f"renamed placeholder: {pairs}"))
    else:
        if missing:
            out.append(Problem("placeholders", "error", "missing placeholder " + ", ".join(_show(k) for k in sorted(missing.elements()))))
        if extra:
            out.append(Problem("placeholders", "error", "extra placeholder " + ", ".join(_show(k) for k in sorted(extra.elements()))))
    if not missing and not extra and have_tags:
        problem = _nesting(have_tags)
        if problem and not _nesting([_tag_key(m) for m in TAG_RE.finditer(src)]):
            out.append(Problem("placeholders", "error", problem))
    # A bare "<" in a translation becomes markup when rendered.
    if "<" in dst and "<" in _untagged(dst) and "<" not in _untagged(src):
        out.append(Problem("placeholders", "error", "literal '<' must be written &lt;"))
    for name, rx in (("python-format", PRINTF_RE), ("c-format", PRINTF_RE), ("python-brace-format", BRACE_RE)):
        if name in flags and f"no-{name}" not in flags:
            w, h = Counter(rx.findall(src)), Counter(rx.findall(dst))
            if w != h:
                gone = ", ".join(sorted((w - h).elements()))
                added = ", ".join(sorted((h - w).elements()))
                detail = "; ".join(x for x in (f"missing {gone}" if gone else "", f"extra {added}" if added else "") if x)
                out.append(Problem("placeholders", "error", f"{name} placeholders differ: {detail}"))
    return out


def _tag_key(m: re.Match) -> tuple[str, str]:
    closing, name, _attrs, selfclose = m.groups()
    kind = "/" if closing else ("void" if selfclose else "open")
    return (name.lower(), kind)


def _name_key(found: tuple[str, str]) -> tuple[str, str]:
    """``_tag_key`` of a tag found by ``TAG_NAMES_RE`` (its slash and name, its closing slash)."""
    name, selfclose = found
    if name[0] == "/":
        return (name[1:].lower(), "/")
    return (name.lower(), "void" if selfclose else "open")


def _show(key: tuple[str, str]) -> str:
    name, kind = key
    return {"/": f"</{name}>", "void": f"<{name}/>", "open": f"<{name}>"}[kind]


def _nesting(tags: list[tuple[str, str]]) -> str:
    """What is wrong with the nesting of a text's tags (``_tag_key`` of each, in order), or ""."""
    stack: list[str] = []
    for name, kind in tags:
        if kind == "open":
            stack.append(name)
        elif kind == "/":
            if not stack:
                return f"</{name}> closes nothing"
            if stack[-1] != name:
                return f"badly nested placeholders: </{name}> closes <{stack[-1]}>"
            stack.pop()
    if stack:
        return f"<{stack[-1]}> is never closed"
    return ""


def _linkish(text: str) -> bool:
    return "://" in text or "www." in text or "@" in text


@register("urls")
def urls(t: Checked, ctx: Context) -> list[Problem]:
    src, dst = t.source, t.translation
    out: list[Problem] = []
    if not _linkish(src) and not _linkish(dst):
        return out
    for what, rx in (("URL", URL_RE), ("e-mail address", EMAIL_RE)):
        want = Counter(rx.findall(TAG_RE.sub(" ", src)))
        have = Counter(rx.findall(TAG_RE.sub(" ", dst)))
        gone, added = want - have, have - want
        if gone:
            out.append(Problem("urls", "error", f"{what} missing or changed: " + ", ".join(sorted(gone))))
        if added:
            out.append(Problem("urls", "error", f"{what} not in the source: " + ", ".join(sorted(added))))
    return out


def _numbers(text: str) -> list[str]:
    if "&" in text:
        text = re.sub(r"&(?:nbsp|#160|#xa0|thinsp|#8239);", "\u00a0", text)
    if _linkish(text):
        text = EMAIL_RE.sub(" ", URL_RE.sub(" ", text))
    return sorted(n if n.isdigit() else SEPARATOR_RE.sub("", n).replace(",", ".") for n in NUMBER_RE.findall(text))


@lru_cache(maxsize=4096)
def _digit_runs(source: str) -> list:
    """The source's runs of digits, sorted (remembered, as ``_tag_names``)."""
    return sorted(DIGITS_RE.findall(source))


@register("numbers")
def numbers(t: Checked, ctx: Context) -> list[Problem]:
    src, dst = t.source, t.translation
    raw = _digit_runs(src)
    if not raw or raw == sorted(DIGITS_RE.findall(dst)):
        return []  # the common case: the same digit runs, however placed
    want, have = _numbers(src), _numbers(dst)
    if want == have:
        return []
    gone = Counter(want) - Counter(have)
    if gone:
        return [Problem("numbers", "warning", "number missing or changed: " + ", ".join(sorted(gone.elements())))]
    return []


def _balance(text: str, pairs) -> str:
    # (six substring tests, each a C loop, cost a third of a regex search over the same text)
    if not ("(" in text or ")" in text or "[" in text or "]" in text or "{" in text or "}" in text):
        return ""
    for a, b in pairs:
        na, nb = text.count(a), text.count(b)
        if na != nb:
            return f"unbalanced {a}…{b}"
        if na and text.find(b) < text.find(a):
            return f"{b} before {a}"
    return ""


@register("brackets", "quotes")
def brackets_and_quotes(t: Checked, ctx: Context) -> list[Problem]:
    src, dst = t.source, t.translation
    out: list[Problem] = []
    brackets_ok, quotes_ok = _balanced(src)
    d = _visible(dst) if "<" in dst or "&" in dst else dst  # (the same text: most translations need no cache entry)
    if brackets_ok:
        problem = _balance(d, BRACKETS)
        if problem:
            out.append(Problem("brackets", "warning", problem))
    if quotes_ok:
        problem = "" if _quotes_balanced(d) else _quote_problem(d)
        if problem:
            out.append(Problem("quotes", "warning", problem))
    return out


@lru_cache(maxsize=4096)
def _balanced(source: str) -> tuple[bool, bool]:
    """Whether the source's brackets, and its quotation marks, balance (remembered, as ``_tag_names``)."""
    s = _visible(source)
    return not _balance(s, BRACKETS), _quotes_balanced(s)


def _quotes_balanced(text: str) -> bool:
    """Counting, not nesting: German „…“ closes with the mark English opens with,
    so any of the usual pairings balancing the counts is accepted; which
    marks a language should use is :func:`quote_style`'s business."""
    # (five substring tests, each a C loop that stops at the mark, cost a sixth of the counts over the whole text;
    # with none of these marks every count is 0, and „ alone balances as “ and ” do)
    if not ('"' in text or "«" in text or "»" in text or "“" in text or "”" in text):
        return True
    n = text.count
    return n('"') % 2 == 0 and n("«") == n("»") and (n("“") == n("”") or n("„") == n("“") + n("”"))


def _quote_problem(text: str) -> str:
    if text.count('"') % 2:
        return 'odd number of "'
    if text.count("«") != text.count("»"):
        return "unbalanced quotation marks «…»"
    return "unbalanced quotation marks “…”"


@register("quote-style")
def quote_style(t: Checked, ctx: Context) -> list[Problem]:
    dst, lang = t.translation, ctx.lang
    if lang not in QUOTES:
        return []
    pairs, avoid = QUOTES[lang]
    if not avoid or not any(map(dst.__contains__, avoid)):
        return []
    d = _visible(dst)
    bad = {ch for ch in avoid if ch in d}
    if "“" in bad and ("„", "“") in pairs and d.count("“") <= d.count("„"):
        bad.discard("“")  # „…“ is the inner pair in Russian
    bad_sorted = sorted(bad)
    if not bad_sorted:
        return []
    want = " or ".join(f"{a}…{b}" for a, b in pairs[:2])
    return [Problem("quote-style", "warning", f"use {want} quotation marks, not {' '.join(bad_sorted)}")]


def _last(text: str) -> str:
    t = (_visible(text) if "<" in text or "&" in text else text).rstrip(TRAILING_CLOSERS)
    return t[-1:] if t else ""


_last_of_source = lru_cache(maxsize=4096)(_last)  # (a source is checked in every language)


@register("punctuation")
def final_punctuation(t: Checked, ctx: Context) -> list[Problem]:
    src, dst = t.source, t.translation
    a, b = _last_of_source(src), _last(dst)
    if not a or not b:
        return []
    if (a in TERMINAL) != (b in TERMINAL):
        if a in TERMINAL:
            return [Problem("punctuation", "warning", f"source ends with {a!r}, translation does not")]
        return [Problem("punctuation", "warning", f"translation ends with {b!r}, source does not")]
    if a in "?!" and b in ".:;" or a in ".:;" and b in "?!":
        return [Problem("punctuation", "warning", f"source ends with {a!r}, translation with {b!r}")]
    return []


@register("spaces")
def spaces(t: Checked, ctx: Context) -> list[Problem]:
    src, dst = t.source, t.translation
    out: list[Problem] = []
    if (src[:1].isspace()) != (dst[:1].isspace()):
        out.append(Problem("spaces", "warning", "leading whitespace differs from the source"))
    if (src[-1:].isspace()) != (dst[-1:].isspace()):
        out.append(Problem("spaces", "warning", "trailing whitespace differs from the source"))
    if "  " in dst and "  " not in src:
        out.append(Problem("spaces", "warning", "double space"))
    return out


@register("untranslated")
def untranslated_copy(t: Checked, ctx: Context) -> list[Problem]:
    """A long msgstr identical to its msgid. Names, copyright lines and file
    names stay the same in every language, so only ordinary lower-case words count."""
    src, dst = t.source, t.translation
    if src != dst:
        return []
    chunks = [c for c in _visible(URL_RE.sub(" ", EMAIL_RE.sub(" ", src))).split() if not re.search(r"[/._@:=]\w", c)]
    words = [w for c in chunks for w in re.findall(r"[^\W\d_]{3,}", c) if w[0].islower()]
    if len(words) >= 4:
        return [Problem("untranslated", "warning", "translation is a copy of the source text")]
    return []


@register("characters")
def characters(t: Checked, ctx: Context) -> list[Problem]:
    """The characters render and build refuse to publish (:mod:`pipeline.safetext`): an error here too."""
    why = unsafe_text(t.translation)
    return [Problem("characters", "error", f"translation not publishable: {why}")] if why else []


EMPTY_LINK_RE = re.compile(r"<(a\d*)>\s*</\1>")


@register("empty-link")
def empty_links(t: Checked, ctx: Context) -> list[Problem]:
    """A link with no text shows readers nothing (the seed's "you can learn from ."); it is not published."""
    src, dst = t.source, t.translation
    if "></a" not in src and "></a" not in dst:
        return []
    in_src = set(EMPTY_LINK_RE.findall(src))
    out = [Problem("empty-link", "warning", f"link <{name}> has no text in the source: give it words in the article "
                                     f"(it is not published)") for name in sorted(in_src)]
    out += [Problem("empty-link", "warning", f"the translation leaves link <{name}> without text (it is not published)")
            for name in sorted(set(EMPTY_LINK_RE.findall(dst)) - in_src)]
    return out
