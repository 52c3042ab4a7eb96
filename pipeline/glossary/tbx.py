"""TBX-Basic (``martif``) in and out.

Mapping (export → import is lossless):

- ``termEntry/@id`` = concept id; ``descrip[@type=definition]`` = definition;
  the entry-level ``note`` = translator note; ``descrip[@type=x-exclude]`` =
  an exclusion phrase; ``descrip[@type=x-context]`` / ``x-notContext`` = a sense condition word and
  ``descrip[@type=x-prisonOnly]`` = ``yes`` (see ``pipeline.glossary.sense``).
- source ``langSet``: one ``tig`` per term with ``termNote[@type=partOfSpeech]``
  and, for quoted-only terms, ``termNote[@type=x-quotedOnly]``; a term's own conditions are
  ``termNote[@type=x-prisonOnly]`` and ``termNote[@type=x-context]``.
- other ``langSet``: ``tig`` with ``administrativeStatus`` =
  ``preferredTerm-admn-sts`` / ``admittedTerm-admn-sts`` /
  ``deprecatedTerm-admn-sts`` (the reason in the tig's ``note``).
  ``supersededTerm-admn-sts`` and Weblate's ``forbidden``/``obsolete`` read as
  forbidden.
- per langSet: ``note`` = reader note, ``descrip[@type=Translation needed]`` =
  ``No`` for do-not-translate, ``descrip[@type=x-caseSensitive]``, ``descrip[@type=x-exclude]`` = a phrase
  where the language's words of the concept mean something else.
- the glossary's prison context words: ``encodingDesc/p[@type=x-prisonWord]``, one each.

Reading also accepts TBX v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``)
and ``ntig``/``termGrp``; DTDs and entities are never resolved.
"""

from __future__ import annotations

from lxml import etree

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.glossary.model import Concept, Forbidden, Glossary, Term, Translations
from pipeline.glossary.toml_format import ID_RE, _norm

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DNT_TYPES = ("translation needed", "translationneeded")


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _children(el, *names):
    return [c for c in el if _local(c) in names]


def _text(el) -> str:
    return "".join(el.itertext()).strip()


# -- export -------------------------------------------------------------------

def dumps(glossary: Glossary) -> str:
    E = etree.Element
    SE = etree.SubElement
    root = E("martif", {"type": "TBX-Basic", XML_LANG: glossary.source_language})
    header = SE(root, "martifHeader")
    fd = SE(header, "fileDesc")
    sd = SE(fd, "sourceDesc")
    SE(sd, "p").text = "Tamizdat glossary"
    ed = SE(header, "encodingDesc")
    SE(ed, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    for w in glossary.prison_words:
        SE(ed, "p", type="x-prisonWord").text = w
    body = SE(SE(root, "text"), "body")
    for c in glossary.concepts:
        entry = SE(body, "termEntry", id=c.id)
        if c.definition:
            SE(entry, "descrip", type="definition").text = c.definition
        for x in c.exclude:
            SE(entry, "descrip", type="x-exclude").text = x
        for x in c.context:
            SE(entry, "descrip", type="x-context").text = x
        for x in c.not_context:
            SE(entry, "descrip", type="x-notContext").text = x
        if c.prison_only:
            SE(entry, "descrip", type="x-prisonOnly").text = "yes"
        if c.translator_note:
            SE(entry, "note").text = c.translator_note
        src = SE(entry, "langSet", {XML_LANG: glossary.source_language})
        _lang_flags(src, c.source_reader_note, c.dnt, c.case_sensitive)
        for t in c.terms:
            tig = SE(src, "tig")
            SE(tig, "term").text = t.text
            if c.pos:
                SE(tig, "termNote", type="partOfSpeech").text = c.pos
            if t.quoted:
                SE(tig, "termNote", type="x-quotedOnly").text = "yes"
            if t.prison_only:
                SE(tig, "termNote", type="x-prisonOnly").text = "yes"
            for x in t.context:
                SE(tig, "termNote", type="x-context").text = x
        for lang, tr in c.langs.items():
            ls = SE(entry, "langSet", {XML_LANG: lang})
            _lang_flags(ls, tr.reader_note, tr.dnt, tr.case_sensitive)
            for x in tr.exclude:
                SE(ls, "descrip", type="x-exclude").text = x
            for status, terms in (("preferredTerm-admn-sts", tr.preferred), ("admittedTerm-admn-sts", tr.admitted)):
                for text in terms:
                    tig = SE(ls, "tig")
                    SE(tig, "term").text = text
                    SE(tig, "termNote", type="administrativeStatus").text = status
            for f in tr.forbidden:
                tig = SE(ls, "tig")
                SE(tig, "term").text = f.term
                SE(tig, "termNote", type="administrativeStatus").text = "deprecatedTerm-admn-sts"
                if f.reason:
                    SE(tig, "note").text = f.reason
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"]
    )


def _lang_flags(ls, reader_note: str, dnt: bool | None, case_sensitive: bool | None) -> None:
    SE = etree.SubElement
    if dnt is not None and (dnt or _is_source(ls) is False):
        SE(ls, "descrip", type="Translation needed").text = "No" if dnt else "Yes"
    if case_sensitive is not None and (case_sensitive or _is_source(ls) is False):
        SE(ls, "descrip", type="x-caseSensitive").text = "Yes" if case_sensitive else "No"
    if reader_note:
        SE(ls, "note").text = reader_note


def _is_source(ls) -> bool:
    root = ls.getroottree().getroot()
    return ls.get(XML_LANG) == root.get(XML_LANG)


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
    g.prison_words = [_text(p) for p in root.iter() if _local(p) == "p" and (p.get("type") or "").lower() == "x-prisonword"]
    seen: dict[str, int] = {}
    entries = [el for el in root.iter() if _local(el) in ("termEntry", "conceptEntry")]
    for n, entry in enumerate(entries, 1):
        c = _entry(entry, n, source, path)
        if c.id in seen:
            raise TamizdatError(f"duplicate concept id {c.id!r} (first defined at line {seen[c.id]})", path, entry.sourceline)
        seen[c.id] = entry.sourceline or 0
        g.concepts.append(c)
    return g


def _yes(el) -> bool:
    return _text(el).lower() in ("yes", "true", "1")


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


def _entry(entry, n: int, source: str, path: str) -> Concept:
    cid = (entry.get("id") or "").strip()
    if not cid:
        cid = f"concept-{n}"
    if not ID_RE.match(cid):
        # TBX ids may be anything XML allows; ours are slugs.
        import re

        cid = re.sub(r"[^a-z0-9-]+", "-", cid.lower()).strip("-") or f"concept-{n}"
    c = Concept(id=cid, terms=[], line=entry.sourceline or 0)
    for el in entry:
        name, typ = _local(el), (el.get("type") or "").lower()
        if name == "descrip" and typ == "definition":
            c.definition = _text(el)
        elif name == "descrip" and typ == "x-exclude":
            c.exclude.append(_text(el))
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
            if name == "note":
                tr.reader_note = _text(el)
            elif name == "descrip" and typ in DNT_TYPES:
                tr.dnt = _text(el).lower() in ("no", "false", "0")
            elif name == "descrip" and typ == "x-casesensitive":
                tr.case_sensitive = _text(el).lower() in ("yes", "true", "1")
            elif name == "descrip" and typ == "definition" and not c.definition:
                c.definition = _text(el)
            elif name == "descrip" and typ == "x-exclude":
                tr.exclude.append(_text(el))
        for tig in _children(ls, "tig", "ntig", "termSec"):
            term_el = next((t for t in tig.iter() if _local(t) == "term"), None)
            if term_el is None or not _text(term_el):
                continue
            term = _text(term_el)
            status = _status(tig)
            if is_source:
                t = Term(term)
                for tn in tig.iter():
                    typ = (tn.get("type") or "").lower()
                    if _local(tn) == "termNote" and typ == "partofspeech" and not c.pos:
                        c.pos = _text(tn)
                    elif _local(tn) == "termNote" and typ == "x-quotedonly":
                        t.quoted = _yes(tn)
                    elif _local(tn) == "termNote" and typ == "x-prisononly":
                        t.prison_only = _yes(tn)
                    elif _local(tn) == "termNote" and typ == "x-context":
                        t.context.append(_text(tn))
                c.terms.append(t)
                continue
            if status == "forbidden":
                reason = next((_text(x) for x in tig.iter() if _local(x) == "note"), "")
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
    if not c.terms:
        raise TamizdatError(f"concept {cid!r} has no term in the source language {source!r}", path, entry.sourceline)
    return c
