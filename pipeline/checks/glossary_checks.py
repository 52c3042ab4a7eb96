"""Glossary checks: approved translations present, forbidden ones absent, names spelled right.

- ``glossary-missing``: the msgid uses a term; the msgstr has none of the
  approved translations for the language in any inflected form.
- ``glossary-forbidden``: a forbidden translation appears (an error where the
  msgid uses the concept, a warning elsewhere: the same word may be innocent
  in another sentence).
- ``glossary-dnt``: a do-not-translate term is not in the msgstr unchanged.
- ``proper-name``: like ``glossary-missing`` for proper nouns, naming the
  near-miss spelling found (Miftahov for Miftachow).
"""

from __future__ import annotations


from pipeline.checks.registry import Checked, Context, Problem, register
from pipeline.glossary.match import WORD_RE, english_base, fold, mask
from pipeline.glossary.model import Glossary
from pipeline.glossary.sense import SourceSense, conditional, mirrored, resolve

# A problem's term is the source term as written in the glossary (the variant the msgid used,
# e.g. "downgraded"; the headword otherwise).


def _near_miss(dst: str, spellings: list[str]) -> str:
    from rapidfuzz import fuzz

    words = [m.group(0) for m in WORD_RE.finditer(mask(dst))]
    best, score = "", 0.0
    for sp in spellings:
        target = fold(sp)
        for w in words:
            if w[:1].isupper():
                s = fuzz.ratio(fold(w)[: len(target) + 1], target)
                if s > score:
                    best, score = w, s
    return best if score >= 75 else ""


@register("glossary-dnt", "proper-name", "glossary-missing", "glossary-forbidden")
def check(t: Checked, ctx: Context) -> list[Problem]:
    glossary, lang, src, dst = ctx.glossary, ctx.lang, t.source, t.translation
    if glossary is None:
        return []
    out: list[Problem] = []
    src_hits, occurrences, other_sense = _source(glossary, src)
    # Derived words and compounds count as renderings, except of names: Горбан is not Горбань.
    dst_hits = [h for h in glossary.find(dst, lang, overlapping=True, derived=True)
                if not (h.derived and h.concept.pos == "proper noun")]
    resolved = resolve(dst_hits, {cid: len(hs) for cid, hs in occurrences.items()})
    for cid, hits in occurrences.items():
        concept, hit = hits[0].concept, hits[0]
        if concept.is_dnt(lang):
            cs = concept.is_case_sensitive(lang)
            forms = {h.form for h in hits}
            hay = dst if cs else dst.casefold()
            if not any((f if cs else f.casefold()) in hay for f in forms):
                out.append(Problem("glossary-dnt", "error", f"“{_shown(hit.form)}” must stay untranslated (do-not-translate term)", hit.term))
            continue
        approved = concept.approved(lang)
        if not approved:
            continue
        found = resolved.approved.get(cid, [])
        if found and (len(found) >= len(hits) or concept.pos == "proper noun"):
            continue  # a name may be replaced by a pronoun; other terms need one rendering per occurrence
        repeated = _repeated(hits)
        if found and len(found) >= len(repeated):
            continue
        if not found and concept.pos == "proper noun":
            near = _near_miss(dst, approved)
            detail = f" (found “{near}”)" if near else ""
            out.append(Problem("proper-name", "error", f"“{_shown(hit.form)}” is spelled {' or '.join(approved)} in {lang}{detail}", hit.term))
        elif not found:
            out.append(Problem("glossary-missing", "error", f"no approved translation of “{_shown(hit.form)}”: use {_approved_list(approved)}", hit.term))
        else:
            missed = repeated[len(found)]
            seen = ", ".join(f"“{_shown(h.form)}”" for h in found)
            out.append(Problem("glossary-missing", "error",
                        f"“{_shown(missed.form)}” occurs {len(repeated)} times in the source but the translation has "
                        f"an approved translation only {len(found)} time{'s' if len(found) > 1 else ''} ({seen}): "
                        f"each occurrence needs its own; use {_approved_list(approved)}", missed.term))
    for h in resolved.forbidden:
        cid = h.concept.id
        severity = "error" if cid in occurrences else "warning"
        reason = f" ({h.reason})" if h.reason else ""
        ok = h.concept.approved(lang)
        use = f"; use {_approved_list(ok)}" if ok else ""
        why = ""
        if severity == "error":
            mirror = mirrored(src, src_hits, dst, h, lang)
            if mirror:
                severity, why = "warning", f" — a warning only: {mirror}"
        elif cid in other_sense:
            why = f" — a warning only: {other_sense[cid]}"
        src_hit = occurrences.get(cid)
        term = src_hit[0].term if src_hit else h.concept.term
        out.append(Problem("glossary-forbidden", severity, f"forbidden translation “{_shown(h.form)}”{reason}{use}{why}", term))
    return out


SOURCES_KEPT = 4096  # source messages analysed, as the index remembers their hits


def _source(glossary: Glossary, src: str) -> tuple[list, dict[str, list], dict[str, str]]:
    """The source's hits, its occurrences per concept in the glossary's sense (conditions on the message)
    and, per concept used only in another sense, why; remembered, as every language checks the same msgid."""
    memo = glossary.source_analyses
    found = memo.get(src)
    if found is not None:
        return found
    src_hits = glossary.find(src, glossary.source_language)
    occurrences: dict[str, list] = {}
    other_sense: dict[str, str] = {}
    sense = None
    for h in src_hits:
        if conditional(h):
            sense = sense or SourceSense(glossary, src, src_hits)
            why = sense.why_not(h)
            if why:
                other_sense.setdefault(h.concept.id, f"the source's “{_shown(h.form)}” is another sense: {why}")
                continue
        occurrences.setdefault(h.concept.id, []).append(h)
    if len(memo) >= SOURCES_KEPT:
        memo.popitem(last=False)
    memo[src] = found = (src_hits, occurrences, other_sense)
    return found


def _repeated(hits: list) -> list:
    """The occurrences of the concept's most repeated source term (colony … colony → both).

    Different variants of one concept in a message are often one idea said twice (“downgraded” to the
    “roosters”, SIZO (pre-trial detention centre)) and one rendering may serve both; the same term
    repeated is two things to translate.
    """
    groups: dict[str, list] = {}
    for h in hits:
        groups.setdefault(english_base(fold(h.term)), []).append(h)
    return max(groups.values(), key=len)


def _shown(form: str) -> str:
    """A matched form as the translator reads it, without placeholder tags."""
    return " ".join(mask(form).split()) if "<" in form or "&" in form else form


def _approved_list(terms: list[str]) -> str:
    return " or ".join(f"“{t}”" for t in terms[:4])
