"""TBX in and out: TBX-Basic 2019 (``<tbx type="TBX-Basic" style="dca">``) written, 2019 and v2 (``martif``) read.

Export is valid against the TBX core RELAX NG schema and the TBX-Basic dialect's Schematron (tested):

- ``conceptEntry/@id`` = concept id; ``descrip[@type=definition]`` = definition; the entry's ``note`` =
  translator note;
- source ``langSec``: one ``termSec`` per term with ``termNote[@type=partOfSpeech]`` (TBX-Basic's noun,
  adjective, verb, adverb, other; our "phrase" and "abbreviation" are also ``termType``);
- other ``langSec``: ``termSec`` with ``administrativeStatus`` ``preferredTerm-admn-sts`` /
  ``admittedTerm-admn-sts`` / ``deprecatedTerm-admn-sts`` (forbidden, the reason in the termSec's ``note``);
- a ``langSec``'s ``note`` = its reader note.

What TBX-Basic has no data category for — case sensitivity, do-not-translate, quoted-only terms, exclusion
phrases, "proper noun", the sense conditions of :mod:`pipeline.glossary.sense` (context words, prison-only,
words that mark another sense next to a term, everyday senses), a source term's reviewed marker
(``tamizdat: reviewed: REASON``) — is kept in ``note`` elements starting ``tamizdat:`` (valid everywhere, shown
by other tools as notes, read back by ours), so export → import is lossless; the glossary's prison words are
``tbxHeader/encodingDesc/p[@type=x-prisonWord]``.

Reading takes both versions: v2's ``termEntry``/``langSet``/``tig``/``ntig``, ``descrip`` types
``Translation needed``, ``x-caseSensitive``, ``x-exclude``, ``x-context``, ``x-notContext``,
``x-prisonOnly``, ``termNote`` ``x-quotedOnly``, ``x-prisonOnly``, ``x-context`` (our earlier exports),
``supersededTerm-admn-sts`` and Weblate's ``forbidden``/``obsolete`` as forbidden. DTDs and entities are
never resolved.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.glossary.model import Concept, Forbidden, Glossary, Homonym, Term, Translations
from pipeline.glossary.toml_format import ID_RE, _norm

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_NS = "urn:iso:std:iso:30042:ed-2"
DNT_TYPES = ("translation needed", "translationneeded")
INDENTED_BREAK = re.compile(r"[ \t]*\n[ \t]+")
OURS = "tamizdat: "  # a note holding a flag TBX-Basic has no data category for
REVIEWED = "reviewed: "  # ... and a source term's reviewed marker, with its reason (glossary/lint.py)
BASIC_POS = ("noun", "adjective", "verb", "adverb", "other")
# Our part of speech → (TBX-Basic partOfSpeech, termType or None)
POS_MAP = {"phrase": ("other", "phrase"), "abbreviation": ("noun", "abbreviation"), "proper noun": ("noun", None)}
MODEL_PIS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _children(el, *names):
    return [c for c in el if _local(c) in names]


def _text(el) -> str:
    # A line break followed by indentation is a pretty-printer's, not the text's (ours never writes one).
    return INDENTED_BREAK.sub(" ", "".join(el.itertext())).strip()


# -- export -------------------------------------------------------------------

def dumps(glossary: Glossary) -> str:
    """The glossary as TBX-Basic 2019 (DCA style), every language in one file."""
    def E(parent, tag: str, text: str | None = None, **attrib):
        el = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}", {XML_LANG if k == "xml_lang" else k: v
                                                         for k, v in attrib.items()})
        if text is not None:
            el.text = text
        return el

    root = etree.Element(f"{{{TBX_NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: glossary.source_language},
                         nsmap={None: TBX_NS})
    header = E(root, "tbxHeader")
    E(E(E(header, "fileDesc"), "sourceDesc"), "p", "Tamizdat glossary")
    if glossary.prison_words:
        ed = E(header, "encodingDesc")
        for w in glossary.prison_words:
            E(ed, "p", w, type="x-prisonWord")
    body = E(E(root, "text"), "body")
    for c in glossary.concepts:
        entry = E(body, "conceptEntry", id=c.id)
        if c.definition:
            E(entry, "descrip", c.definition, type="definition")
        if c.translator_note:
            E(entry, "note", c.translator_note)
        for x in c.exclude:
            E(entry, "note", f"{OURS}exclude “{x}”")
        for x in c.context:
            E(entry, "note", f"{OURS}context “{x}”")
        for x in c.not_context:
            E(entry, "note", f"{OURS}not context “{x}”")
        if c.prison_only:
            E(entry, "note", f"{OURS}prison only")
        for x in c.not_near:
            E(entry, "note", f"{OURS}not near “{x}”")
        if c.everyday:
            E(entry, "note", f"{OURS}everyday sense")
        src = E(entry, "langSec", xml_lang=glossary.source_language)
        _lang_notes(E, src, c.source_reader_note, c.dnt or None, c.case_sensitive or None)
        pos, term_type = (c.pos, None) if c.pos in BASIC_POS else POS_MAP.get(c.pos, ("other", None))
        for t in c.terms:
            ts = E(src, "termSec")
            E(ts, "term", t.text)
            if c.pos:
                E(ts, "termNote", pos, type="partOfSpeech")
                if term_type:
                    E(ts, "termNote", term_type, type="termType")
            if c.pos == "proper noun":
                E(ts, "note", f"{OURS}proper noun")
            if t.quoted:
                E(ts, "note", f"{OURS}quoted only")
            if t.prison_only:
                E(ts, "note", f"{OURS}prison only")
            for x in t.context:
                E(ts, "note", f"{OURS}context “{x}”")
            for x in t.not_near:
                E(ts, "note", f"{OURS}not near “{x}”")
            if t.everyday:
                E(ts, "note", f"{OURS}everyday sense")
            if t.reviewed:  # (unquoted: a reason may itself end in a quotation)
                E(ts, "note", f"{OURS}{REVIEWED}{t.reviewed}")
        for lang, tr in c.langs.items():
            ls = E(entry, "langSec", xml_lang=lang)
            _lang_notes(E, ls, tr.reader_note, tr.dnt, tr.case_sensitive)
            for x in tr.exclude:
                E(ls, "note", f"{OURS}exclude “{x}”")
            for h in tr.homonyms:
                E(ls, "note", f"{OURS}homonym “{h.term}” = " + " ".join(f"“{w}”" for w in h.source))
            for status, terms in (("preferredTerm-admn-sts", tr.preferred), ("admittedTerm-admn-sts", tr.admitted)):
                for text in terms:
                    ts = E(ls, "termSec")
                    E(ts, "term", text)
                    E(ts, "termNote", status, type="administrativeStatus")
            for f in tr.forbidden:
                ts = E(ls, "termSec")
                E(ts, "term", f.term)
                E(ts, "termNote", "deprecatedTerm-admn-sts", type="administrativeStatus")
                if f.reason:
                    E(ts, "note", f.reason)
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + MODEL_PIS + etree.tostring(root, encoding="unicode") + "\n"


def _lang_notes(E, ls, reader_note: str, dnt: bool | None, case_sensitive: bool | None) -> None:
    if reader_note:
        E(ls, "note", reader_note)
    if dnt is not None:
        E(ls, "note", f"{OURS}{'do not translate' if dnt else 'translate'}")
    if case_sensitive is not None:
        E(ls, "note", f"{OURS}{'case-sensitive' if case_sensitive else 'case-insensitive'}")


# -- import -------------------------------------------------------------------

def parse_tbx(data: bytes | str, path: str = "<string>") -> Glossary:
    if isinstance(data, str):
        data = data.encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else exc.lineno
        msg = exc.msg.split(", line ")[0] if exc.msg else "malformed XML"
        raise TamizdatError(f"TBX syntax error: {msg}", path, line) from None
    if _local(root) not in ("martif", "tbx"):
        raise TamizdatError(f"not a TBX file (root element <{_local(root)}>, expected <martif> or <tbx>)", path, root.sourceline)
    source = root.get(XML_LANG) or "en"
    try:
        languages.validate(source)
    except TamizdatError as exc:
        raise TamizdatError(exc.message, path, root.sourceline) from None
    g = Glossary(source_language=source, path=path)
    g.prison_words = [_text(p) for p in root.iter(etree.Element)
                      if _local(p) == "p" and (p.get("type") or "").lower() == "x-prisonword"]
    seen: dict[str, int] = {}
    entries = [el for el in root.iter() if _local(el) in ("termEntry", "conceptEntry")]
    for n, entry in enumerate(entries, 1):
        c = _entry(entry, n, source, path)
        if not c.terms:
            # Termbases hold concepts named only in other languages; they are no use to a source text.
            g.warnings.append(f"{path}:{entry.sourceline}: concept {c.id!r} skipped: no term in the source "
                              f"language {source!r}")
            continue
        if c.id in seen:
            raise TamizdatError(f"duplicate concept id {c.id!r} (first defined at line {seen[c.id]})", path, entry.sourceline)
        seen[c.id] = entry.sourceline or 0
        g.concepts.append(c)
    if entries and not g.concepts:
        raise TamizdatError(f"no concept has a term in the source language {source!r}", path, root.sourceline)
    return g


def _status(tig) -> str:
    for tn in tig.iter():
        if _local(tn) in ("termNote", "admin") and (tn.get("type") or "").lower() in (
            "administrativestatus", "normativeauthorization"
        ):
            value = _text(tn).lower()
            if value.startswith("preferred"):
                return "preferred"
            if value.startswith("admitted") or value.startswith("standardized"):
                return "admitted"
            if any(value.startswith(x) for x in ("deprecated", "superseded", "forbidden", "obsolete")):
                return "forbidden"
    return ""


def _yes(el) -> bool:
    return _text(el).lower() in ("yes", "true", "1")


def _quoted_value(flag: str, name: str) -> str | None:
    """``context “Stolypin”`` → ``Stolypin`` for ``name`` "context"; None for another flag."""
    if flag.startswith(name + " "):
        return flag[len(name) + 1:].strip().strip("“”\"")
    return None


def _source_term(tig, text: str, c: Concept, path: str) -> Term:
    """A source term with its own flags; its part of speech goes into ``c`` (the first one given)."""
    t = Term(text)
    pos, term_type, ours_pos = "", "", ""
    for tn in tig.iter(etree.Element):
        name, typ, value = _local(tn), (tn.get("type") or "").lower(), _text(tn)
        flag = value[len(OURS):] if name == "note" and value.startswith(OURS) else None
        if name == "termNote" and typ == "partofspeech":
            pos = value
        elif name == "termNote" and typ == "termtype":
            term_type = value
        elif name == "termNote" and typ == "x-quotedonly":  # v2, our earlier exports
            t.quoted = _yes(tn)
        elif name == "termNote" and typ == "x-prisononly":
            t.prison_only = _yes(tn)
        elif name == "termNote" and typ == "x-context":
            t.context.append(value)
        elif flag == "quoted only":
            t.quoted = True
        elif flag == "prison only":
            t.prison_only = True
        elif flag == "proper noun":
            ours_pos = "proper noun"
        elif flag == "everyday sense":
            t.everyday = True
        elif flag is not None and flag.startswith(REVIEWED.rstrip(": ")):
            t.reviewed = " ".join(flag[len(REVIEWED):].split()) if flag.startswith(REVIEWED) else ""
            if not t.reviewed:
                raise TamizdatError(f"concept {c.id!r}: term {text!r}: a reviewed note needs the reason no sense "
                                    f"condition fits (<note>{OURS}{REVIEWED}2026-12-01: every condition loses …"
                                    "</note>)", path, tn.sourceline)
        elif flag is not None and _quoted_value(flag, "context") is not None:
            t.context.append(_quoted_value(flag, "context") or "")
        elif flag is not None and _quoted_value(flag, "not near") is not None:
            t.not_near.append(_quoted_value(flag, "not near") or "")
    if not c.pos:
        c.pos = ours_pos or (term_type if term_type in ("phrase", "abbreviation") else pos)
    return t


def _entry(entry, n: int, source: str, path: str) -> Concept:
    cid = (entry.get("id") or "").strip()
    if not cid:
        cid = f"concept-{n}"
    if not ID_RE.match(cid):
        # TBX ids may be anything XML allows; ours are slugs.
        cid = re.sub(r"[^a-z0-9-]+", "-", cid.lower()).strip("-") or f"concept-{n}"
    c = Concept(id=cid, terms=[], line=entry.sourceline or 0)
    for el in entry:
        name, typ = _local(el), (el.get("type") or "").lower()
        if name == "descrip" and typ == "definition":
            c.definition = _text(el)
        elif name == "descrip" and typ == "x-exclude":
            c.exclude.append(_text(el))
        elif name == "note" and _text(el).startswith(OURS):
            flag = _text(el)[len(OURS):]
            for field, values in (("exclude", c.exclude), ("context", c.context), ("not context", c.not_context),
                                  ("not near", c.not_near)):
                value = _quoted_value(flag, field)
                if value is not None:
                    values.append(value)
            if flag == "prison only":
                c.prison_only = True
            elif flag == "everyday sense":
                c.everyday = True
        elif name == "descrip" and typ == "x-context":
            c.context.append(_text(el))
        elif name == "descrip" and typ == "x-notcontext":
            c.not_context.append(_text(el))
        elif name == "descrip" and typ == "x-prisononly":
            c.prison_only = _yes(el)
        elif name == "note":
            c.translator_note = _text(el) if not c.translator_note else c.translator_note + "\n" + _text(el)
        elif name == "descripGrp":
            for d in _children(el, "descrip"):
                if (d.get("type") or "").lower() == "definition":
                    c.definition = _text(d)
    for ls in _children(entry, "langSet", "langSec"):
        lang = ls.get(XML_LANG) or ""
        try:
            languages.validate(lang)
        except TamizdatError as exc:
            raise TamizdatError(f"concept {cid!r}: {exc.message}", path, ls.sourceline) from None
        is_source = lang.lower() == source.lower()
        tr = Translations()
        for el in ls:
            name, typ = _local(el), (el.get("type") or "").lower()
            if name == "note" and _text(el).startswith(OURS):
                flag = _text(el)[len(OURS):]
                if flag in ("do not translate", "translate"):
                    tr.dnt = flag == "do not translate"
                elif flag in ("case-sensitive", "case-insensitive"):
                    tr.case_sensitive = flag == "case-sensitive"
                elif _quoted_value(flag, "exclude") is not None:
                    tr.exclude.append(_quoted_value(flag, "exclude") or "")
                elif flag.startswith("homonym "):
                    words = re.findall(r"“([^”]*)”", flag)
                    if words:
                        tr.homonyms.append(Homonym(words[0], words[1:]))
            elif name == "note":
                tr.reader_note = _text(el)
            elif name == "descrip" and typ in DNT_TYPES:
                tr.dnt = _text(el).lower() in ("no", "false", "0")
            elif name == "descrip" and typ == "x-exclude":
                tr.exclude.append(_text(el))
            elif name == "descrip" and typ == "x-casesensitive":
                tr.case_sensitive = _text(el).lower() in ("yes", "true", "1")
            elif name == "descrip" and typ == "definition" and not c.definition:
                c.definition = _text(el)
            elif name == "descripGrp" and not c.definition:
                c.definition = next((_text(d) for d in _children(el, "descrip")
                                     if (d.get("type") or "").lower() == "definition"), "")
        for tig in _children(ls, "tig", "ntig", "termSec"):
            term_el = next((t for t in tig.iter() if _local(t) == "term"), None)
            if term_el is None or not _text(term_el):
                continue
            term = _text(term_el)
            status = _status(tig)
            if is_source:
                c.terms.append(_source_term(tig, term, c, path))
                c.terms[-1].line = term_el.sourceline or 0  # (the variant's own element, for the lint)
                continue
            if status == "forbidden":
                reason = next((_text(x) for x in tig.iter() if _local(x) == "note" and not _text(x).startswith(OURS)), "")
                tr.forbidden.append(Forbidden(term, reason))
            elif status == "preferred" or (not status and not tr.preferred):
                tr.preferred.append(term)
            else:
                tr.admitted.append(term)
        if is_source:
            c.source_reader_note = tr.reader_note
            c.dnt = bool(tr.dnt)
            c.case_sensitive = bool(tr.case_sensitive)
            continue
        approved = {_norm(t) for t in tr.approved}
        for f in tr.forbidden:
            if _norm(f.term) in approved:
                raise TamizdatError(f"concept {cid!r} [{lang}]: {f.term!r} is both approved and forbidden", path, ls.sourceline)
        c.langs[lang] = tr
    return c
