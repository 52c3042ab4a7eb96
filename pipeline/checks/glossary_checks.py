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

import re

from pipeline.checks.registry import Checked, Context, Problem, ReadWithArticle, register
from pipeline.glossary.match import WORD_RE, base_lang, fold, mask
from pipeline.glossary.wordkeys import declined_feminine_surname
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.textprep import unmix_text
from pipeline.glossary.overlap import (approved_elsewhere, named_inside, rendered_apart, renders_nothing_named, resolve,
                                       sibling_words)
from pipeline.glossary.negation import denied_noun, negated_as_source
from pipeline.glossary.sense import cited, mirrored, quoted_spans, within
from pipeline.glossary.bilingual import compounds_of_other_words
from pipeline.glossary.derive import noun_only_words, verb_claims, verb_renderings
from pipeline.glossary.repeats import stand_in, stand_in_where
from pipeline.glossary.target_sense import glossed, plain_renderings, spelt_as_source
from pipeline.glossary.shared_head import shared_head
from pipeline.checks.name_sense import names_in_other_sense
from pipeline.checks.renderings import far, in_sense, one_per_apposition, renderings, split_mirrored
from pipeline.glossary.placement import (
    forbidden_apart, groups_of, in_its_sentence, numbered, other_sense_claims, other_word_claims, sentence_of,
)
from pipeline.glossary.source_reading import (
    Source, complete_source, learnt_candidates, learnt_source, prison_article, promotes, read_source,
)
from pipeline.glossary.textprep import shown

# A problem's term is the source term as the glossary writes it (the msgid's variant, e.g. "downgraded"; else the headword).


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
    """The glossary problems of ``t``: a :class:`ReadWithArticle` where they were, or may have been, read with its
    article (the learnt sense decision's), a plain list where they hold in every article."""
    glossary, lang, src, dst = ctx.glossary, ctx.lang, t.source, t.translation
    if glossary is None:
        return []
    source = read_source(glossary, src, questions=False)
    # Derived words and compounds count as renderings, except of names: Горбан is not Горбань.
    all_dst = glossary.find(dst, lang, overlapping=True, derived=True)
    dst_hits = [h for h in all_dst if not (h.derived and h.concept.pos == "proper noun")]
    if not source.occurrences and not source.weak and all(h.kind != "forbidden" for h in dst_hits):
        return []  # (nothing of the source to render, nothing forbidden: a third of the translations)
    out = _compare(glossary, lang, src, dst, source, dst_hits)
    read = False
    if out or (source.weak and promotes()):  # (the everyday and learnt readings, only where they may matter)
        if complete_source(glossary, src, source):
            out = _compare(glossary, lang, src, dst, source, dst_hits)
        final = source
        if _learnt_matters(glossary, source, out, dst_hits):
            read = True
            final = learnt_source(glossary, src, source, ctx.document)
        if source.memo.bare and ctx.document is not None:  # (an everyday word's question, read with its article)
            read, final = True, prison_article(glossary, src, final, ctx.document)
        if final is not source:
            out = _compare(glossary, lang, src, dst, final, dst_hits)
    # (a source whose everyday readings are still to do, as here when there are no findings, may have them done
    # by another pair's check before this pair is met again: they only relabel findings or say why, and the
    # learnt decision is read only where there are findings, so no findings stay none in every article)
    if out:
        said = {cid for cid in final.occurrences if cid not in final.questions}
        out = names_in_other_sense(glossary, ctx.document, src, dst, lang, all_dst, out, said)  # (a ReadWithArticle where it read the article)
    return ReadWithArticle(out) if read and type(out) is not ReadWithArticle else out


def _learnt_matters(glossary: Glossary, source: Source, out: list[Problem], dst_hits: list) -> bool:
    """Whether the learnt sense decision may change the findings ``out`` of a completed ``source``: a question it
    asks only relabels a finding of its concept (:func:`_question`, a forbidden term's severity), so it is read only
    where a finding names a concept it asks of, or where it may count a word kept out (a new finding). Most
    translations with findings name none: the article's summary (glossary/document.py) is then never built."""
    asked, promotable = learnt_candidates(glossary, source)
    if promotable and promotes():
        return True
    if not asked:
        return False
    named = {h.concept.id for h in dst_hits if h.kind == "forbidden"}
    named.update(c.id for p in out if (c := glossary.concept_for_term(p.term)) is not None)
    return not named.isdisjoint(asked)


def _compare(glossary: Glossary, lang: str, src: str, dst: str, source: Source, dst_hits: list) -> list[Problem]:
    """The problems of a translation ``dst`` (its hits ``dst_hits``) of a source read as ``source``."""
    out: list[Problem] = []
    src_hits, occurrences, other_sense = source.hits, source.occurrences, source.other_sense
    if source.weak:
        # Only the want of a prison context kept these out: a translation that uses the concept's approved
        # term reads the source in the glossary's sense, and must then render every occurrence — as does one using
        # a word forbidden for it that another concept approves (автозак for a Stolypin car: a prison word).
        approved_at = {(h.start, h.end) for h in dst_hits if h.kind in ("preferred", "admitted")}
        used = {h.concept.id for h in dst_hits if (h.start, h.end) in approved_at}
        promoted = {cid: hs for cid, hs in source.weak.items() if cid in used}
        if promoted:
            occurrences = {**occurrences, **promoted}
            other_sense = {k: v for k, v in other_sense.items() if k not in promoted}
    resolved = resolve(dst_hits, occurrences, len(src), len(dst))
    found_before = len(out)
    # concepts whose approved words in the translation answer no question (below): every one in its everyday sense,
    # or every one a compound or derivation of another source word (“mountain stage” → „Bergetappe“)
    everyday: set[str] = set()
    base = base_lang(lang)
    french = base == "fr"
    german = base == "de" and glossary.source_language == "en"  # (compounds read by the dictionary)
    derived_read = (german or (base == "ru" and glossary.source_language == "en")) and any(h.derived for h in dst_hits)
    for cid, hits in occurrences.items():
        concept, hit = hits[0].concept, hits[0]
        dnt, cs, approved, spelt, verbs, plain = _facts(concept, lang)
        if dnt:
            # The source's form as a reader sees it: DOXа (a Cyrillic а) is DOXA.
            forms = {unmix_text(h.form) for h in hits}
            hay = dst if cs else dst.casefold()
            if not any((f if cs else f.casefold()) in hay for f in forms):
                out.append(Problem("glossary-dnt", "error", f"“{shown(hit.form)}” must stay untranslated (do-not-translate term)", hit.term))
            continue
        if not approved:
            continue
        found, why = resolved.approved.get(cid, []), ""
        if found and not (plain and not source.unquoted.get(cid, 0)):  # (else renderings' common case: as found)
            found, why, in_everyday = renderings(glossary, src, dst, lang, found, source.unquoted.get(cid, 0))
            if in_everyday:
                everyday.add(cid)
        found, claimed = verb_claims(src, base, verbs, src_hits, found) if found and verbs else (found, [])
        if found and derived_read and any(h.derived for h in found):
            found, more = compounds_of_other_words(src, base, [o for o in src_hits if o.concept.id == cid], found)
            why = _because(why, more)
            if not found:  # (every approved word is another source word's compound or derivation: not the term)
                everyday.add(cid)
        if len(found) < len(hits):
            found = sorted(found + shared_head(dst, lang, concept, found), key=lambda h: h.start)
        if len(found) < len(hits) and base in ("ru", "de"):
            found = sorted(found + [v for v in verb_renderings(glossary, dst, lang, concept, approved)
                                    if all(v.end <= h.start or h.end <= v.start for h in found)], key=lambda h: h.start)
        if source.fits.get(cid):
            why = _because(why, source.fits[cid])
        if found and concept.pos == "proper noun":
            wrong = [h for h in found if declined_feminine_surname(dst, h.start, h.form, approved[0])
                     ] if base == "ru" else []
            if wrong:
                out.append(Problem("proper-name", "error", f"“{shown(hit.form)}” is spelled {approved[0]} in {lang} "
                                   f"(found “{wrong[0].form}”: a woman's surname in -{approved[0][-1]} does not "
                                   f"decline)", hit.term))
            elif len(found) < len(hits):
                out.extend(_name_repeats(src, glossary.source_language, dst, lang, source, cid, hits, found, approved))
            continue
        if found and (french or (spelt and any(map(src.__contains__, spelt)))):
            found, more = in_sense(src, dst, lang, glossary.source_language, source.hits, found)
            why = _because(why, more[2:-1])
        if found and len(hits) < len(src_hits) and source.memo.counts[cid] > len(hits):
            # (only where some of the concept's hits are in another sense)
            found, more = other_sense_claims(src, glossary.source_language, dst, lang, hits,
                                              [o for o in src_hits if o.concept.id == cid], found)
            why = _because(why, more)
        if found and (source.memo.excluded or "one" in src):  # (“money transfer”; “a parcel … the last one”)
            found, more = other_word_claims(src, glossary.source_language, dst, lang, hits, found, source.memo.excluded)
            why = _because(why, more)
        groups = groups_of(source, src, cid, hits)
        if found and len(groups) < len(hits):  # (an apposition the translation may keep: two things to render)
            groups, more = split_mirrored(dst, lang, groups, found, len(src))
            why = _because(why, more)
        needed = len(groups)
        moved: list = []
        if found and source.sentences and far(groups, found, len(src), len(dst)):
            placed = in_its_sentence(sentence_of(src), dst, groups, found)
            if len(placed) < len(found):
                moved = [h for h in found if h not in placed]
                elsewhere = ", ".join(f"“{shown(h.form)}”" for h in moved)
                found, why = placed, _because(why, f"{elsewhere} in another sentence")
        if found and source.numbered and any(g[-1].end in source.numbered for g in groups):
            found, more = numbered(src, dst, groups, found)
            why = _because(why, more[2:-1])
        if len(found) >= needed:
            if len(found) < 2 or len(hits) == needed:
                continue
            found = one_per_apposition(dst, lang, found, len(hits) - needed)
            if len(found) >= needed:
                continue
        # A spelling the source quotes and the translation quotes unchanged is cited, not translated.
        citations = sum(1 for h in hits if cited(src, h, dst))
        if len(found) + citations < needed and resolved.forbidden:
            # A forbidden word that only mirrors the source (quoted as it quotes, negated as it negates: “never a
            # “kozel”” → „nie eine „Ziege““) is that occurrence's rendering, and its own finding says so (a warning):
            # the want of an approved word is the same fact, not a second error.
            quoted_src = quoted_spans(src)
            if any(within(quoted_src, h.start, h.end) for h in hits):
                quoted_dst = quoted_spans(dst)
                citations += sum(1 for h in resolved.forbidden if h.concept.id == cid and within(quoted_dst, h.start, h.end)
                                 and negated_as_source(src, src_hits, dst, h, lang))
        if len(found) + citations >= needed or (citations and concept.pos == "proper noun"):
            continue
        if not found and concept.pos == "proper noun":
            near = _near_miss(dst, approved)
            detail = f" (found “{near}”)" if near else ""
            out.append(Problem("proper-name", "error", f"“{shown(hit.form)}” is spelled {' or '.join(approved)} in {lang}{detail}", hit.term))
        elif not found:
            # A rendering in another sentence (“… to a colony. The colony is …” → «… в колонию. Она …»), or of the
            # source's verb (“searched twice; the second search” → « la seconde »), may be what a stand-in repeats.
            standing = stand_in(src, glossary.source_language, dst, lang, moved or claimed, hits, after_first=False) if moved or claimed else ""
            note = f" — a warning only: {standing} may stand for it" if standing else ""
            out.append(Problem("glossary-missing", "warning" if standing else "error",
                               f"no approved translation of “{shown(hit.form)}”{why}: use {_approved_list(approved)}{note}",
                               hit.term))
        else:
            missed = groups[min(len(found), needed - 1)][0]
            seen = ", ".join(f"“{shown(h.form)}”" for h in found)
            severity, note = "error", ""
            standing = stand_in(src, glossary.source_language, dst, lang, found, hits, need=needed - len(found))
            if standing:
                standing, bare = stand_in_where(src, glossary.source_language, dst, lang, cid, occurrences,
                                                resolved.approved, found, groups, {h.concept.id for h in src_hits})
                if bare:
                    why = _because(why, bare)
            if standing:
                severity, note = "warning", f" — a warning only: {standing} may stand for the repeat"
            out.append(Problem("glossary-missing", severity,
                        f"“{shown(missed.form)}” occurs {needed} times in the source but the translation has "
                        f"an approved translation only {len(found)} time{'s' if len(found) > 1 else ''} ({seen}){why}: "
                        f"each occurrence needs its own; use {_approved_list(approved)}{note}", missed.term))
    if source.questions:
        # An approved rendering answers the question: the prison sense — unless it reads as the everyday one too.
        questions = {cid: why for cid, why in source.questions.items()
                     if cid not in resolved.approved or cid in everyday}
        if answered := sibling_words(resolved.approved, src_hits, list(questions)) if questions else {}:
            questions = {cid: why for cid, why in questions.items() if cid not in answered}
        out[found_before:] = [_question(glossary, p, questions, answered) for p in out[found_before:]]
    glosses = glossed(src, glossary.source_language, dst, lang, resolved.forbidden) if resolved.forbidden else {}
    words_said: list[str] = []
    apart = forbidden_apart(src, glossary.source_language, dst, lang, resolved.forbidden, occurrences,
                            src_hits) if resolved.forbidden else {}
    named = occurrences
    if any(h.concept.id not in occurrences for h in resolved.forbidden):
        named = {**named_inside(glossary, src, occurrences), **occurrences}
    for i, h in enumerate(resolved.forbidden):
        cid = h.concept.id
        severity = "error" if cid in named else "warning"
        reason = f" ({h.reason})" if h.reason else ""
        ok = _facts(h.concept, lang)[2]
        use = f"; use {_approved_list(ok)}" if ok else ""
        why = ""
        if severity == "error":
            mirror = mirrored(src, src_hits, dst, h, lang)
            if mirror:
                severity, why = "warning", f" — a warning only: {mirror}"
            elif denied := denied_noun(src, dst, h, resolved.forbidden, src_hits, lang):
                severity, why = "warning", (f" — a warning only: it translates the source's own “{denied}”, as the "
                                            f"word the translation negates where the source says “not a {denied}”")
            elif id(h) in apart:  # (“Bauern” for the novels' muzhiks, „Muschiks“ for the barracks')
                severity, why = "warning", f" — a warning only: it stands where the source's {apart[id(h)]}"
            elif i in glosses:
                severity, why = "warning", (f" — a warning only: it translates the source's own {glosses[i]} (the "
                                            f"glossary's homonyms), a gloss of the word, not its rendering")
            elif cid in source.questions:
                severity, why = "warning", f" — {source.questions[cid]}"
            elif ((words_said := words_said or _dictionary_words(src, glossary.source_language, lang,
                                                                 resolved.forbidden, source.hits))[i]
                  and not _passed_on(words_said, i, src, dst, resolved.forbidden, named[cid])):
                # « gardiens » where the source's guards are: the word's plain translation, not this term's
                from pipeline.glossary.reason_words import how_said  # (as in _dictionary_words: start-up)

                severity, why = "warning", (f" — a warning only: it translates the source's own “{words_said[i]}” "
                                            f"({how_said(words_said[i], h.reason)}), not “{h.concept.term}”")
            elif (source.sentences and (other := approved_elsewhere(h, resolved.approved))
                  and not in_its_sentence(sentence_of(src), dst, [[o] for o in named[cid]], [h])):
                # A word another concept approves, in a sentence whose source sentence does not name this one,
                # renders that sentence's other thing (“…; he has now been held on remand” → « … en détention
                # provisoire », the SIZO's word, forbidden for the IVS named in the first sentence).
                severity, why = "warning", (f" — a warning only: it is approved for “{other}”, in a sentence whose "
                                            f"source sentence does not name “{h.concept.term}”")
            elif ((other := approved_elsewhere(h, resolved.approved)) and rendered_apart(h, resolved.approved, named[cid])
                  and not renders_nothing_named(h, resolved.approved, named)):
                # « … d'abord en cellule de garde à vue, puis en détention provisoire » for “first in the IVS and
                # then in the SIZO”: the IVS has its rendering, so the SIZO's word names something else
                severity, why = "warning", (f" — a warning only: it is approved for “{other}”, and every "
                                            f"“{shown(named[cid][0].form)}” of the source has its own rendering")
        elif cid in other_sense:
            why = f" — a warning only: {other_sense[cid]}"
        src_hit = named.get(cid)
        term = src_hit[0].term if src_hit else h.concept.term
        out.append(Problem("glossary-forbidden", severity, f"forbidden translation “{shown(h.form)}”{reason}{use}{why}", term))
    return out


def _name_repeats(src: str, src_lang: str, dst: str, lang: str, source: Source, cid: str, hits: list,
                  found: list, approved: list[str]) -> list[Problem]:
    """The finding of a name the source says more often than the translation ([] where a pronoun the source has
    not may stand for the repeats, or where its occurrences name one thing said twice in a clause): a repeat said
    by a description (“FSIN-Pismo; FSIN-Pismo is not …” → « la messagerie pénitentiaire n'est pas … ») is the
    translator's own word for the name, as another noun for a repeated common noun is; a quotation the translation
    keeps as the source has it (the note “For Azat” → «For Azat») cites the name, and counts."""
    needed = len(groups_of(source, src, cid, hits))
    kept_quotes = [(a, b) for a, b in quoted_spans(src) if src[a + 1:b - 1].strip() in dst]  # (once, not per hit)
    kept = sum(1 for h in hits if any(a <= h.start and h.end <= b for a, b in kept_quotes))
    if len(found) + kept >= needed or stand_in(src, src_lang, dst, lang, found, hits, need=needed - len(found)):
        return []
    missed = hits[min(len(found), len(hits) - 1)]
    seen = ", ".join(f"“{shown(h.form)}”" for h in found)
    return [Problem("proper-name", "error", f"“{shown(missed.form)}” occurs {needed} times in the source but the "
                    f"translation names it only {len(found)} time{'s' if len(found) > 1 else ''} ({seen}): a name's "
                    f"repeat may be a pronoun, not another word; use {_approved_list(approved)}", missed.term)]


def _dictionary_words(src: str, src_lang: str, lang: str, forbidden: list, src_hits: list) -> list[str]:
    """Per forbidden hit, the source's word outside the hit's concept that a bilingual dictionary translates by
    it, or that the glossary's reason for forbidding it describes (glossary/reason_words.py; "" for none)."""
    if src_lang != "en":
        return [""] * len(forbidden)
    from pipeline.glossary.bilingual import source_words_for
    from pipeline.glossary.reason_words import with_words_meant

    concepts = {h.concept.id for h in forbidden}
    spans = [(h.start, h.end) for h in src_hits if h.concept.id in concepts]
    words = source_words_for(src, spans, [h.form for h in forbidden], base_lang(lang))
    return words if all(words) else with_words_meant(src, spans, words, [h.reason for h in forbidden])


def _passed_on(words: list[str], i: int, src: str, dst: str, forbidden: list, own: list) -> bool:
    """Whether the forbidden hit ``i``, which a dictionary gives for the source's ``words[i]``, stands nearer its own
    concept's place (:func:`_nearer_own`); the source word then goes to the next hit of the same form that has
    none (« Les gardiens se sont disputés avec les gardiens »: the first renders the overseer, the second the
    guards)."""
    h = forbidden[i]
    if not _nearer_own(src, dst, h, words[i], own):
        return False
    nxt = next((j for j in range(i + 1, len(forbidden)) if not words[j] and fold(forbidden[j].form) == fold(h.form)), None)
    if nxt is not None:
        words[nxt] = words[i]
    return True


def _nearer_own(src: str, dst: str, h, word: str, own: list) -> bool:
    """Whether the forbidden ``h`` stands nearer, relative to the texts' lengths, to one of its concept's source
    occurrences ``own`` than to every place of the source's ``word`` that a dictionary translates by it: « Un
    gardien, ou smotriachtchi, … ; ce n'est pas un surveillant » renders the overseer first named, not the
    “guard” of the last clause."""
    at = h.start / len(dst)
    places = [m.start() / len(src) for m in re.finditer(r"\b%s\b" % re.escape(word), src)
              if not any(o.start <= m.start() < o.end for o in own)]
    return bool(places) and min(abs(at - o.start / len(src)) for o in own) < min(abs(at - p) for p in places)


def _because(why: str, reason: str) -> str:
    """A finding's parenthesised reasons (" (a; b)") with ``reason`` added ("" adds nothing)."""
    if not reason:
        return why
    return f"{why[:-1]}; {reason})" if why else f" ({reason})"


def _facts(concept: Concept, lang: str) -> tuple[bool, bool, list[str], tuple[str, ...], frozenset, bool]:
    """What the check asks of a concept in ``lang`` for every occurrence (do-not-translate, case-sensitive, its
    approved terms, those spelt as a source word, the source words whose verb forms are not its hits, whether its
    renderings are plain: target_sense.plain_renderings), once per concept and language, as target_sense does."""
    memo = concept.memos.get("check") or concept.memos.setdefault("check", {})  # (per language: no key string)
    found = memo.get(lang)
    if found is None:
        verbs = noun_only_words(concept) if base_lang(lang) in ("fr", "de", "ru") else frozenset()
        found = memo[lang] = (concept.is_dnt(lang), concept.is_case_sensitive(lang), concept.approved(lang),
                              spelt_as_source(concept, lang), verbs, plain_renderings(concept, lang))
    return found


def _question(glossary: Glossary, p: Problem, questions: dict[str, str], answered: dict[str, str]) -> Problem:
    """A missing-translation error of a concept the source may use in its everyday sense, as a question (an
    error still, that says why, where the translation's word of another kind of the thing ``answered`` it)."""
    concept = glossary.concept_for_term(p.term)
    why = questions.get(concept.id) if concept else None
    if concept and p.severity == "error" and concept.id in answered:
        return Problem(p.check, "error", f"{p.message} — {answered[concept.id]}", p.term)
    if not why or p.severity != "error":
        return p
    return Problem(p.check, "warning", f"{p.message} — {why}", p.term)


def _approved_list(terms: list[str]) -> str:
    return " or ".join(f"“{t}”" for t in terms[:4])
