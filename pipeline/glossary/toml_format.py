"""Our hand-edited glossary format (TOML): parse with file:line errors, and write back.

tomllib gives no positions for values, so a light line scan maps each
``[[concept]]``, its ``id`` and its ``[concept.<lang>]`` tables to line
numbers; validation errors point there.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any, Callable, NoReturn

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.glossary.model import POS_VALUES, Concept, Forbidden, Glossary, Homonym, Term, Translations

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CONCEPT_KEYS = {
    "id", "terms", "pos", "definition", "translator_note", "reader_note",
    "case_sensitive", "dnt", "exclude", "context", "not_context", "prison_only", "not_near", "everyday",
}
LANG_KEYS = {"preferred", "admitted", "forbidden", "dnt", "case_sensitive", "reader_note", "exclude", "homonyms"}
TERM_KEYS = {"term", "quoted", "prison_only", "context", "not_near", "everyday", "reviewed"}


class _Lines:
    """Line numbers of the structural parts of the file, per concept (in file order)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.concept_line: list[int] = []
        self.id_line: list[int] = []
        self.lang_line: list[dict[str, int]] = []
        self.ranges: list[tuple[int, int]] = []
        cur = -1
        for no, raw in enumerate(self.lines, 1):
            s = raw.strip()
            if re.match(r"^\[\[\s*concept\s*\]\]", s):
                cur += 1
                self.concept_line.append(no)
                self.id_line.append(no)
                self.lang_line.append({})
                if cur:
                    self.ranges.append((self.concept_line[cur - 1], no - 1))
                continue
            if cur < 0:
                continue
            m = re.match(r"^\[\s*concept\s*\.\s*\"?([^\]\"]+)\"?\s*\]", s)
            if m:
                self.lang_line[cur][m.group(1).strip()] = no
            elif re.match(r"^id\s*=", s) and self.id_line[cur] == self.concept_line[cur]:
                self.id_line[cur] = no
        if cur >= 0:
            self.ranges.append((self.concept_line[cur], len(self.lines)))

    def concept(self, i: int) -> int | None:
        return self.concept_line[i] if i < len(self.concept_line) else None

    def id(self, i: int) -> int | None:
        return self.id_line[i] if i < len(self.id_line) else None

    def lang(self, i: int, lang: str) -> int | None:
        if i < len(self.lang_line) and lang in self.lang_line[i]:
            return self.lang_line[i][lang]
        return self.concept(i)

    def items(self, i: int, key: str) -> list[int]:
        """The line of each item of the array concept ``i`` sets ``key`` to, in order (``terms = ["a", { term =
        "b", not_near = ["a"] }]``: the lines where "a" and the table begin). A scan of brackets, braces, strings
        and comments: an inline table's own arrays may span lines, and a word quoted in them (or in a
        definition) is not an item. [] where the key is not found."""
        if i >= len(self.ranges):
            return []
        lo, hi = self.ranges[i]
        first = next((no for no in range(lo, hi + 1) if re.match(rf"\s*{re.escape(key)}\s*=", self.lines[no - 1])),
                     None)
        if first is None:
            return []
        out: list[int] = []
        depth, quote = 0, ""  # (brackets and braces alike; the array itself is depth 1)
        for no in range(first, hi + 1):
            line = self.lines[no - 1]
            col = line.index("=") + 1 if no == first else 0
            while col < len(line):
                ch = line[col]
                if quote:
                    if ch == "\\" and quote == '"':
                        col += 1
                    elif ch == quote:
                        quote = ""
                elif ch == "#":
                    break
                elif ch in "\"'":
                    quote = ch
                    if depth == 1:
                        out.append(no)
                elif ch in "[{":
                    if depth == 1:
                        out.append(no)
                    depth += 1
                elif ch in "]}":
                    depth -= 1
                    if depth == 0:
                        return out
                col += 1
        return out

    def find(self, i: int, needle: str, after: int | None = None, *also: str) -> int | None:
        """The first line of concept ``i`` (from ``after``) containing ``needle`` (and every one of ``also``)."""
        if i >= len(self.ranges):
            return None
        lo, hi = self.ranges[i]
        lo = max(lo, after or lo)
        for no in range(lo, hi + 1):
            if needle in self.lines[no - 1] and all(a in self.lines[no - 1] for a in also):
                return no
        return None


def _syntax_line(exc: Exception) -> int | None:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else None


def parse_glossary(text: str, path: str = "<string>") -> Glossary:
    """Parse and validate our TOML glossary; every problem is a TamizdatError at file:line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = _syntax_line(exc)
        if line is None and "end of document" in str(exc):
            line = len(text.rstrip().splitlines()) or 1
        raise TamizdatError(f"glossary syntax error: {msg}", path, line) from None
    where = _Lines(text)

    def fail(msg: str, line: int | None) -> NoReturn:
        raise TamizdatError(msg, path, line)

    for key in data:
        if key not in ("source_language", "prison_words", "concept"):
            line = next((n for n, l in enumerate(where.lines, 1) if re.match(rf"^\s*\[?{re.escape(key)}\b", l)), None)
            fail(f"unknown top-level key {key!r} (expected source_language, prison_words and [[concept]] tables)", line)
    source = data.get("source_language", "en")
    if not isinstance(source, str):
        fail("source_language must be a string", 1)
    try:
        languages.validate(source)
    except TamizdatError as exc:
        line = next((n for n, l in enumerate(where.lines, 1) if l.strip().startswith("source_language")), None)
        fail(exc.message, line)
    raw_concepts = data.get("concept", [])
    if not isinstance(raw_concepts, list):
        fail("'concept' must be an array of tables: write [[concept]]", where.concept(0))

    glossary = Glossary(source_language=source, path=path)
    if "prison_words" in data:
        pline = next((n for n, l in enumerate(where.lines, 1) if l.strip().startswith("prison_words")), None)
        glossary.prison_words = _str_list(data["prison_words"], "prison_words", pline, fail)
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_concepts):
        concept = _concept(raw, i, where, source, fail)
        if concept.id in seen:
            fail(f"duplicate concept id {concept.id!r} (first defined at line {seen[concept.id]})", where.id(i))
        seen[concept.id] = concept.line
        glossary.concepts.append(concept)
    return glossary


def _str_list(value: Any, what: str, line, fail) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(f"{what} must be a string or a list of non-empty strings", line)
    return [v.strip() for v in value]


def _bool(value: Any, what: str, line, fail) -> bool:
    if not isinstance(value, bool):
        fail(f"{what} must be true or false", line)
    return value


def _text(value: Any, what: str, line, fail) -> str:
    if not isinstance(value, str):
        fail(f"{what} must be a string", line)
    return value.strip()


def _reviewed(t: dict, cid: str, line: int | None, fail) -> str:
    """A term's ``reviewed`` marker: the editor's reason, on one line (a bare flag says nothing to the next
    editor, and the lint prints the reason)."""
    if "reviewed" not in t:
        return ""
    value = t["reviewed"]
    if not isinstance(value, str) or not value.strip():
        fail(f"concept {cid!r}: term {t['term'].strip()!r}: reviewed must say why no sense condition fits "
             f"(reviewed = \"2026-12-01: every condition loses a labelled violation …\"), not {_shown(value)}", line)
    return " ".join(value.split())


def _shown(value: Any) -> str:
    return "true" if value is True else "false" if value is False else repr(value)


def _concept(raw: dict, i: int, where: _Lines, source: str, fail: Callable[[str, int | None], NoReturn]) -> Concept:
    line = where.concept(i)
    cid = raw.get("id")
    if not isinstance(cid, str) or not ID_RE.match(cid):
        fail("every concept needs an id of lower-case letters, digits and '-' (id = \"petukh\")", where.id(i))
    c = Concept(id=cid, terms=[], line=where.id(i) or 0)
    lang_tables = {k: v for k, v in raw.items() if isinstance(v, dict)}
    for key, value in raw.items():
        if key in lang_tables:
            continue
        kline = where.find(i, key) or line
        if key not in CONCEPT_KEYS:
            fail(f"concept {cid!r}: unknown key {key!r}", kline)
        if key == "terms":
            if not isinstance(value, list) or not value:
                fail(f"concept {cid!r}: terms must be a non-empty list", kline)
            item_lines = where.items(i, "terms")
            if len(item_lines) != len(value):  # (a form the scan does not follow: the key's line, as before)
                item_lines = [kline or 0] * len(value)
            for t, item_line in zip(value, item_lines):
                if isinstance(t, str) and t.strip():
                    c.terms.append(Term(t.strip(), line=item_line))
                elif isinstance(t, dict) and isinstance(t.get("term"), str) and t["term"].strip():
                    tline = item_line or kline
                    extra = set(t) - TERM_KEYS
                    if extra:
                        fail(f"concept {cid!r}: unknown key {sorted(extra)[0]!r} in a term", tline)
                    c.terms.append(Term(
                        t["term"].strip(), _bool(t.get("quoted", False), "quoted", tline, fail),
                        _bool(t.get("prison_only", False), "prison_only", tline, fail),
                        _str_list(t.get("context", []), "context", tline, fail),
                        _str_list(t.get("not_near", []), "not_near", tline, fail),
                        _bool(t.get("everyday", False), "everyday", tline, fail),
                        _reviewed(t, cid, where.find(i, f'"{t["term"]}"', None, "reviewed") or tline, fail),
                        line=item_line,
                    ))
                else:
                    fail(f"concept {cid!r}: each term is a string or {{ term = \"...\", quoted = true }}", kline)
        elif key == "pos":
            c.pos = _text(value, "pos", kline, fail)
            if c.pos and c.pos not in POS_VALUES:
                fail(f"concept {cid!r}: unknown part of speech {c.pos!r} (one of: {', '.join(POS_VALUES)})", kline)
        elif key in ("definition", "translator_note"):
            setattr(c, key, _text(value, key, kline, fail))
        elif key == "reader_note":
            c.source_reader_note = _text(value, key, kline, fail)
        elif key in ("case_sensitive", "dnt", "prison_only", "everyday"):
            setattr(c, key, _bool(value, key, kline, fail))
        elif key in ("exclude", "context", "not_context", "not_near"):
            setattr(c, key, _str_list(value, key, kline, fail))
    if not c.terms:
        fail(f"concept {cid!r} has no terms", line)
    for lang, table in lang_tables.items():
        lline = where.lang(i, lang)
        try:
            languages.validate(lang)
        except TamizdatError as exc:
            fail(f"concept {cid!r}: {exc.message}", lline)
        if lang == source:
            fail(f"concept {cid!r}: [{lang}] is the source language; put source spellings in terms", lline)
        c.langs[lang] = _translations(table, cid, lang, i, where, lline, fail)
    return c


def _norm(term: str) -> str:
    return " ".join(term.casefold().replace("ё", "е").split())


def _translations(table: dict, cid: str, lang: str, i: int, where: _Lines, lline, fail) -> Translations:
    tr = Translations()
    for key, value in table.items():
        kline = where.find(i, key, after=lline) or lline
        if key not in LANG_KEYS:
            fail(f"concept {cid!r} [{lang}]: unknown key {key!r}", kline)
        if key in ("preferred", "admitted"):
            setattr(tr, key, _str_list(value, f"[{lang}] {key}", kline, fail))
        elif key == "forbidden":
            items = value if isinstance(value, list) else [value]
            for f in items:
                if isinstance(f, str) and f.strip():
                    tr.forbidden.append(Forbidden(f.strip()))
                elif isinstance(f, dict) and isinstance(f.get("term"), str) and f["term"].strip():
                    extra = set(f) - {"term", "reason"}
                    if extra:
                        fail(f"concept {cid!r} [{lang}]: unknown key {sorted(extra)[0]!r} in a forbidden entry", kline)
                    tr.forbidden.append(Forbidden(f["term"].strip(), _text(f.get("reason", ""), "reason", kline, fail)))
                else:
                    fail(f"concept {cid!r} [{lang}]: forbidden entries are {{ term = \"...\", reason = \"...\" }}", kline)
        elif key in ("dnt", "case_sensitive"):
            setattr(tr, key, _bool(value, f"[{lang}] {key}", kline, fail))
        elif key == "reader_note":
            tr.reader_note = _text(value, "reader_note", kline, fail)
        elif key == "exclude":
            tr.exclude = _str_list(value, f"[{lang}] exclude", kline, fail)
        elif key == "homonyms":
            for h in value if isinstance(value, list) else [value]:
                if not (isinstance(h, dict) and isinstance(h.get("term"), str) and h["term"].strip()
                        and set(h) <= {"term", "source"}):
                    fail(f"concept {cid!r} [{lang}]: homonyms are {{ term = \"...\", source = [\"...\"] }}", kline)
                tr.homonyms.append(Homonym(h["term"].strip(), _str_list(h.get("source", []), "source", kline, fail)))
    approved = {_norm(t): t for t in tr.approved}
    for f in tr.forbidden:
        if _norm(f.term) in approved:
            fline = where.find(i, f'term = "{f.term}"', after=lline) or where.find(i, f'"{f.term}"', after=lline) or lline
            fail(f"concept {cid!r} [{lang}]: {f.term!r} is both approved and forbidden", fline)
    return tr


# -- writing ------------------------------------------------------------------

def _q(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    out = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04x}", out)
    return f'"{out}"'


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_q(x) for x in items) + "]"


def _value(v: bool | str | list[str]) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return _list(v) if isinstance(v, list) else _q(v)


def _pairs(items: list[tuple[str, bool | str | list[str] | None]]) -> list[str]:
    """``key = value`` for every item that is set (None, False, "" and [] are left out: the defaults)."""
    return [f"{k} = {_value(v)}" for k, v in items if v]


def _term(t: Term) -> str:
    extra = _pairs([("quoted", t.quoted), ("prison_only", t.prison_only), ("context", t.context),
                    ("not_near", t.not_near), ("everyday", t.everyday), ("reviewed", t.reviewed)])
    return f"{{ term = {_q(t.text)}, {', '.join(extra)} }}" if extra else _q(t.text)


def dumps(glossary: Glossary) -> str:
    """Our TOML for ``glossary`` (used by ``tamizdat glossary import``); parses back equal."""
    out = [
        "# Tamizdat glossary (see docs/glossary.md for the format).",
        "",
        f"source_language = {_q(glossary.source_language)}",
    ]
    if glossary.prison_words:
        out.append(f"prison_words = {_list(glossary.prison_words)}")
    for c in glossary.concepts:
        out += ["", "[[concept]]", f"id = {_q(c.id)}"]
        out.append("terms = [" + ", ".join(_term(t) for t in c.terms) + "]")
        out += _pairs([("exclude", c.exclude), ("context", c.context), ("not_context", c.not_context),
                       ("prison_only", c.prison_only), ("not_near", c.not_near), ("everyday", c.everyday),
                       ("pos", c.pos), ("case_sensitive", c.case_sensitive),
                       ("dnt", c.dnt), ("definition", c.definition), ("translator_note", c.translator_note),
                       ("reader_note", c.source_reader_note)])
        for lang, tr in c.langs.items():
            out += ["", f"[concept.{lang if re.match(r'^[A-Za-z0-9_-]+$', lang) else _q(lang)}]"]
            out += _pairs([("preferred", tr.preferred), ("admitted", tr.admitted)])
            if tr.forbidden:
                items = [
                    f"{{ term = {_q(f.term)}, reason = {_q(f.reason)} }}" if f.reason else f"{{ term = {_q(f.term)} }}"
                    for f in tr.forbidden
                ]
                out.append("forbidden = [\n  " + ",\n  ".join(items) + ",\n]")
            # dnt and case_sensitive are tri-state per language (None: as the concept says), so False is written.
            out += [f"{k} = {_value(v)}" for k, v in (("dnt", tr.dnt), ("case_sensitive", tr.case_sensitive))
                    if v is not None]
            out += _pairs([("reader_note", tr.reader_note), ("exclude", tr.exclude)])
            if tr.homonyms:
                items = [f"{{ term = {_q(h.term)}, source = {_list(h.source)} }}" for h in tr.homonyms]
                out.append("homonyms = [\n  " + ",\n  ".join(items) + ",\n]")
    return "\n".join(out) + "\n"
