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
from pipeline.glossary.match import WORD_RE, fold, mask

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
    src_hits = glossary.find(src, glossary.source_language)
    dst_hits = glossary.find(dst, lang, overlapping=True)
    in_src: dict[str, tuple] = {}
    for h in src_hits:
        in_src.setdefault(h.concept.id, (h.concept, h))
    found = {(h.concept.id, h.kind) for h in dst_hits}
    for cid, (concept, hit) in in_src.items():
        if concept.is_dnt(lang):
            cs = concept.is_case_sensitive(lang)
            forms = {hit.form} | {h.form for h in src_hits if h.concept.id == cid}
            hay = dst if cs else dst.casefold()
            if not any((f if cs else f.casefold()) in hay for f in forms):
                out.append(Problem("glossary-dnt", "error", f"“{_shown(hit.form)}” must stay untranslated (do-not-translate term)", hit.term))
            continue
        approved = concept.approved(lang)
        if not approved:
            continue
        if (cid, "preferred") in found or (cid, "admitted") in found:
            continue
        if concept.pos == "proper noun":
            near = _near_miss(dst, approved)
            detail = f" (found “{near}”)" if near else ""
            out.append(Problem("proper-name", "error", f"“{_shown(hit.form)}” is spelled {' or '.join(approved)} in {lang}{detail}", hit.term))
        else:
            out.append(Problem("glossary-missing", "error", f"no approved translation of “{_shown(hit.form)}”: use {_approved_list(approved)}", hit.term))
    for h in dst_hits:
        if h.kind != "forbidden":
            continue
        severity = "error" if h.concept.id in in_src else "warning"
        reason = f" ({h.reason})" if h.reason else ""
        ok = h.concept.approved(lang)
        use = f"; use {_approved_list(ok)}" if ok else ""
        src_hit = in_src.get(h.concept.id)
        term = src_hit[1].term if src_hit else h.concept.term
        out.append(Problem("glossary-forbidden", severity, f"forbidden translation “{_shown(h.form)}”{reason}{use}", term))
    return out


def _shown(form: str) -> str:
    """A matched form as the translator reads it, without placeholder tags."""
    return " ".join(mask(form).split()) if "<" in form or "&" in form else form


def _approved_list(terms: list[str]) -> str:
    return " or ".join(f"“{t}”" for t in terms[:4])
