"""Bring a translation catalogue up to date with its template, the way ``msgmerge --previous`` does.

* an entry whose (msgctxt, msgid) is in the old catalogue keeps its translation,
  translator comments and ``fuzzy`` flag (also when it was obsolete: it comes back);
* a changed msgid is matched to the most similar old entry (this article first,
  then the language's translation memory) and comes back ``#, fuzzy`` with
  ``#| msgid "<old source>"``;
* old entries nobody uses any more become obsolete (``#~``); untranslated ones
  are dropped, as msgmerge does, since they hold nothing a translator wrote.

The entry order is the template's; the header is the old catalogue's with the
template's dates and the language's fields filled in.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from pipeline.core import languages
from pipeline.catalog import fuzzy as _fuzzy
from pipeline.catalog.by_sentence import sentence_memory, take_sentences
from pipeline.catalog.carry import carry_into
from pipeline.catalog.format_fit import doubtful
from pipeline.catalog.header import (GENERATOR, english_name, header_lang, header_lines_in_order, nplurals,
                                     output_charset, texts, update_header)
from pipeline.catalog.source_copy import worth_copying
from pipeline.catalog.model import NO_FORMS, Catalog, Message
from pipeline.catalog.model import set_fuzzy as _set_fuzzy

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.catalog.memory import Memory, Unit

# An old entry whose text is still in the template (so its translation is in
# use) is a fuzzy source when it is closer than every entry whose text
# disappeared, or — when none of those is similar at all — only at >= 85:
# below that, msgmerge's suggestions from in-use entries are mostly misleading
# on real data (bench/merge_quality.py: 35 -> 6 below ratio 50).
USED_CUTOFF: float | None = 85.0

def _key(e: Message) -> tuple[str | None, str]:
    return (e.msgctxt, e.msgid)


def is_translated(e: Message) -> bool:
    """True when the entry carries any translation (fuzzy or not)."""
    if e.msgid_plural:
        return any(v for v in e.msgstr_plural.values())
    return bool(e.msgstr)


def new_po(pot: Catalog, lang: str, *, now: _dt.datetime | None = None) -> Catalog:
    """An empty catalogue for ``lang`` made from ``pot``, as ``msginit`` makes one."""
    po = Catalog(header=_new_header_comment(pot.header, lang))
    now = now or _dt.datetime.now(_dt.timezone.utc)
    src = pot.metadata
    meta = {
        "Project-Id-Version": src.get("Project-Id-Version", "PACKAGE VERSION"),
        "Report-Msgid-Bugs-To": src.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": src.get("POT-Creation-Date", now.strftime("%Y-%m-%d %H:%M%z")),
        "PO-Revision-Date": now.strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "Automatically generated",
        "Language-Team": english_name(lang),
        "Language": header_lang(lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": languages.plural_forms(lang),
        "X-Generator": GENERATOR,
    }
    po.metadata = meta
    n = nplurals(po)
    for e in pot:
        if e.obsolete:
            continue
        po.append(_from_template(e, n))
    return po


def _new_header_comment(header: str, lang: str) -> str:
    # msginit replaces the template's placeholder title and drops its "#, fuzzy".
    name = english_name(lang)
    return header.replace("SOME DESCRIPTIVE TITLE.", f"{name} translations for this article.")


def _from_template(t: Message, n: int, reuse: bool = False) -> Message:
    if reuse:  # the caller's template is not used again: its entry becomes the new one
        t.msgstr = ""
        t.msgstr_plural = {i: "" for i in range(n)} if t.msgid_plural else NO_FORMS
        if "fuzzy" in t.flags:
            t.flags = [f for f in t.flags if f != "fuzzy"]
        t.previous_msgctxt = t.previous_msgid = t.previous_msgid_plural = None
        t.blank_comments = (False, False)
        return t
    return Message(
        t.msgid,
        "",
        msgctxt=t.msgctxt,
        msgid_plural=t.msgid_plural,
        msgstr_plural={i: "" for i in range(n)} if t.msgid_plural else NO_FORMS,
        comment=t.comment,
        tcomment=t.tcomment,  # msgmerge keeps a template's "#" comment on a new entry
        occurrences=list(t.occurrences),
        flags=[f for f in t.flags if f != "fuzzy"],
        linenum=getattr(t, "linenum", 0),
    )


def _copy_translation(dst: Message, src: Message | Unit, n: int) -> None:
    if dst.msgid_plural:
        if src.msgid_plural:
            dst.msgstr_plural = {i: src.msgstr_plural.get(i, "") for i in range(n)}
        else:
            dst.msgstr_plural = {i: src.msgstr for i in range(n)}
    else:
        dst.msgstr = src.msgstr_plural.get(0, "") if src.msgid_plural else src.msgstr


def merge(
    old: Catalog | None,
    pot: Catalog,
    *,
    lang: str,
    memory: "Memory | None" = None,
    slug: str | None = None,
    memory_exact: str = "fuzzy",
    fuzzy: bool = True,
    stats: dict | None = None,
    reuse_template: bool = False,
) -> Catalog:
    """``old`` brought up to date with ``pot`` (``old=None`` starts a new catalogue, like msginit).

    ``memory`` holds the language's other catalogues; ``slug`` names this one so
    the memory does not answer with the catalogue's own old entries.
    ``memory_exact="translated"`` fills exact memory hits as finished translations.
    ``stats`` (if given) is filled with counts of what happened. ``reuse_template=True`` turns the
    template's entries into the result's (for a caller that parsed ``pot`` for this merge alone: a big
    catalogue's merge then holds two catalogues' entries instead of three).
    """
    if getattr(old, "domains", None) or getattr(pot, "domains", None):
        return _merge_domains(old, pot, lang=lang, memory=memory, slug=slug, memory_exact=memory_exact,
                              fuzzy=fuzzy, stats=stats)
    fresh = old is None  # a new catalogue, as msginit makes it: nothing is suggested
    if old is None:
        old = new_po(pot, lang)
        old_entries: list[Message] = []
    else:
        old_entries = list(old)
    out = Catalog(fpath=getattr(old, "fpath", None), encoding=getattr(old, "encoding", None) or "utf-8",
                  header=old.header, metadata=dict(old.metadata), metadata_is_fuzzy=list(old.metadata_is_fuzzy or []))
    # The header lines as read are written back unchanged where the metadata is.
    out.original_header = getattr(old, "original_header", None)
    update_header(out, pot, lang)
    n = nplurals(out)
    counts = {"exact": 0, "fuzzy": 0, "memory_exact": 0, "memory_fuzzy": 0, "new": 0, "obsolete": 0}

    by_key: dict[tuple[str | None, str], int] = {}  # key -> position in old_entries
    for i, e in enumerate(old_entries):  # an active entry wins over an obsolete one with the same key
        k = _key(e)
        if k not in by_key or (old_entries[by_key[k]].obsolete and not e.obsolete):
            by_key[k] = i

    # Per old entry (by position; a byte each, where sets of ids cost ~60 bytes an entry at 52,000):
    used = bytearray(len(old_entries))  # its translation lives on in an active entry
    revived = bytearray(len(old_entries))  # matched exactly (an obsolete one comes back to life)
    result: list[Message] = []
    pending: list[int] = []
    # Whether the template brings non-ASCII text, asked before its reused entries take translations.
    pot_ascii = all(x.isascii() for x in texts(pot)) if reuse_template else None
    for t in pot:
        if t.obsolete or t.msgid == "":
            continue
        e = _from_template(t, n, reuse_template)
        oi = by_key.get(_key(t))
        if oi is not None:
            o = old_entries[oi]
            used[oi] = revived[oi] = 1
            _copy_translation(e, o, n)
            e.tcomment = o.tcomment
            keep_fuzzy = "fuzzy" in o.flags or (bool(t.msgid_plural) != bool(o.msgid_plural)) or doubtful(t, o, e)
            if t.msgid_plural and o.msgid_plural and t.msgid_plural != o.msgid_plural and is_translated(e):
                keep_fuzzy = True
                e.previous_msgid = o.msgid
                e.previous_msgid_plural = o.msgid_plural
            _template_flags(e, t, keep_fuzzy and is_translated(e))
            if keep_fuzzy and is_translated(e) and o.previous_msgid:
                e.previous_msgid = o.previous_msgid
                e.previous_msgid_plural = o.previous_msgid_plural
                e.previous_msgctxt = o.previous_msgctxt
            counts["exact"] += 1
        else:
            pending.append(len(result))
        result.append(e)

    arrived = list(pending)  # entries whose msgid the old catalogue does not have
    sentences = sentence_memory(old_entries) if pending else None
    if sentences:
        still = []
        for i in pending:
            found = sentences.complete(result[i].msgid) if not result[i].msgid_plural else None
            if found is None or (found.fuzzy and not fuzzy):
                still.append(i)
                continue
            take_sentences(result[i], found)
            counts["sentences"] = counts.get("sentences", 0) + 1
        pending = still

    if memory is not None and pending:
        # The very source translated in another catalogue beats a similar one of this catalogue (msgmerge
        # too looks a msgid up in the old catalogue and the compendium before any fuzzy search).
        still = []
        for i, hit in zip(pending, memory.lookup([result[i].msgid for i in pending], exclude=slug, fuzzy=False)):
            if hit is None:
                still.append(i)
            else:
                _from_memory(result[i], hit, n, memory_exact, counts)
        pending = still

    if fuzzy and pending:
        candidates = [o for i, o in enumerate(old_entries) if not used[i] and is_translated(o) and o.msgid]
        where = [i for i, o in enumerate(old_entries) if not used[i] and is_translated(o) and o.msgid]
        queries = [result[i] for i in pending]
        matches = _fuzzy.best_matches([q.msgid for q in queries], [o.msgid for o in candidates])
        if USED_CUTOFF is not None:
            busy_at = [i for i, o in enumerate(old_entries) if revived[i] and is_translated(o) and o.msgid]
            busy = [old_entries[i] for i in busy_at]
            again = _fuzzy.best_matches([q.msgid for q in queries], [o.msgid for o in busy])
            for qi, (m, b) in enumerate(zip(matches, again)):
                if b is None:
                    continue
                if (m is None and b[1] >= USED_CUTOFF) or (m is not None and b[1] > m[1]):
                    matches[qi] = (len(candidates) + b[0], b[1])
            candidates = candidates + busy
            where = where + busy_at
        for q, m in zip(queries, matches):
            if m is None:
                continue
            o = candidates[m[0]]
            _copy_translation(q, o, n)
            if not carry_into(q, o.msgid):
                used[where[m[0]]] = 1
            # else the old entry stays too, obsolete, with the translation as the translator wrote it
            q.tcomment = o.tcomment
            _set_fuzzy(q, True)
            q.previous_msgctxt = o.msgctxt if o.msgctxt != q.msgctxt else None
            q.previous_msgid = o.msgid
            q.previous_msgid_plural = o.msgid_plural or None
            counts["fuzzy"] += 1

    if memory is not None:
        todo = [e for e in result if not is_translated(e)]  # new, or still untranslated here
        for q, hit in zip(todo, memory.lookup([q.msgid for q in todo], exclude=slug, fuzzy=fuzzy)):
            if hit is not None:
                _from_memory(q, hit, n, memory_exact, counts)
    if fuzzy and sentences:
        for q in result:
            found = None if is_translated(q) or q.msgid_plural else sentences.partial(q.msgid)
            if found is not None:
                take_sentences(q, found)
                counts["sentences"] = counts.get("sentences", 0) + 1
    if fuzzy and not fresh:  # only entries new here: one a translator left empty stays as they left it
        for q in (result[i] for i in arrived):
            if not is_translated(q) and not q.msgid_plural and worth_copying(q.msgid):
                q.msgstr = q.msgid
                _set_fuzzy(q, True)
                counts["source"] = counts.get("source", 0) + 1
    counts["new"] = sum(1 for e in result if not is_translated(e))

    for e in result:
        out.append(e)
    active = {_key(e): e for e in result}
    retired = {_key(t): t for t in pot if t.obsolete}
    for i, o in enumerate(old_entries):
        if revived[i] or (used[i] and not o.obsolete):
            continue
        if not is_translated(o):
            continue
        twin = active.get(_key(o))
        if twin is not None and _same_translation(twin, o):
            continue  # an obsolete duplicate of a live entry adds nothing
        ob = _as_obsolete(o)
        gone = retired.get(_key(o))
        if gone is not None:  # the template keeps it as obsolete too: msgmerge takes that entry's flags
            _template_flags(ob, gone, "fuzzy" in o.flags)
        if not o.obsolete:
            counts["obsolete"] += 1
        out.append(ob)
    output_charset(out, pot, pot_ascii)
    header_lines_in_order(out)
    if stats is not None:
        stats.update(counts)
    return out


def _from_memory(q: Message, hit, n: int, memory_exact: str, counts: dict) -> None:
    _copy_translation(q, hit.entry, n)
    note = f"memory: {hit.slug}"
    q.tcomment = note if not q.tcomment else f"{q.tcomment}\n{note}"
    if hit.exact:
        _set_fuzzy(q, memory_exact != "translated")
        counts["memory_exact"] += 1
    else:
        _set_fuzzy(q, True)
        q.previous_msgid = hit.entry.msgid
        carry_into(q, hit.entry.msgid)
        counts["memory_fuzzy"] += 1


def _merge_domains(old: Catalog | None, pot: Catalog, **options) -> Catalog:
    """A file of several domains (``domain "NAME"``): each domain of the catalogue is merged with the
    template's domain of that name, as msgmerge does; the template's other domains come in new."""
    def part(po: Catalog, name: str) -> Catalog | None:
        if name == "messages":
            return po if len(po) or po.metadata or not po.domains else None
        return po.domains.get(name)

    def alone(po: Catalog | None) -> Catalog | None:
        if po is None:
            return None
        single = Catalog(po, fpath=po.fpath, encoding=po.encoding, header=po.header, metadata=po.metadata,
                         metadata_is_fuzzy=po.metadata_is_fuzzy)
        single.original_header = po.original_header
        return single

    names = ["messages", *(old.domains if old is not None else {}), *pot.domains]
    out: Catalog | None = None
    for name in dict.fromkeys(names):
        mine, theirs = alone(part(old, name)) if old is not None else None, alone(part(pot, name))
        if mine is None and theirs is None:
            continue
        merged = merge(mine, theirs if theirs is not None else Catalog(), **options)
        if out is None and name == "messages":
            out = merged
        elif out is None:
            out = Catalog(fpath=merged.fpath, encoding=merged.encoding)
            out.domains[name] = merged
        else:
            out.domains[name] = merged
    return out if out is not None else Catalog()


def _same_translation(a: Message, b: Message) -> bool:
    return (a.msgstr, dict(a.msgstr_plural)) == (b.msgstr, dict(b.msgstr_plural))


def _template_flags(e: Message, t: Message, fuzzy: bool) -> None:
    """msgmerge's flags for a merged entry: the template's (format, ``range:``, ``no-wrap``), plus ``fuzzy``."""
    e.flags = [f for f in t.flags if f != "fuzzy"]
    _set_fuzzy(e, fuzzy)


def _as_obsolete(o: Message) -> Message:
    return Message(
        o.msgid,
        o.msgstr,
        msgctxt=o.msgctxt,
        msgid_plural=o.msgid_plural,
        msgstr_plural=dict(o.msgstr_plural) if o.msgid_plural else None,
        tcomment=o.tcomment,
        flags=list(o.flags),  # as msgmerge: the flags stay (they decide the wrapping), the #. comments go
        previous_msgid=o.previous_msgid,
        previous_msgid_plural=o.previous_msgid_plural,
        previous_msgctxt=o.previous_msgctxt,
        obsolete=True,
    )
