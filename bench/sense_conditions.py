"""Which sense condition each everyday variant of the glossary should have, measured on the labelled pairs.

    python bench/sense_conditions.py                      # every variant `tamizdat glossary lint` reports
    python bench/sense_conditions.py --glossary g.toml --term colony --term parole

For every variant the lint reports as everyday English without a sense condition (pipeline/glossary/lint.py), and
for every variant named with ``--term``, scores the pairs of bench/glossary_quality.py whose source mentions it
under each candidate condition — none, ``everyday`` (a question where nothing next to it says prison),
``prison_only`` (only in a prison context), both — and prints the false alarms and missed violations per option
and part. A condition only changes rows whose source holds the variant, so only those are scored, each with its
whole article. Chosen per variant by the criterion of bench/criterion.py, the same by which bench/train_sense.py
chooses the learnt decision's threshold and promote: the least pooled leave-one-set-out cost, false alarms + 2 x
missed violations, each part scored by the check with the sense model trained on all the other parts (at the
shipped model's threshold and promote; trained here, once per run) — so a condition earns its place where it
removes more false alarms than twice the violations it loses on prose the model has not read; and a variant's
condition in force moves only where another option costs at least bench/criterion.py's MARGIN (3) less. (Until the eleventh
session every part was scored with the shipped model, which was trained on it.) ``--conditioned`` re-audits the
variants that have one, and the concepts that have one on the concept, each concept as one unit with all its
variants. Where no condition pays for itself it prints the ``reviewed = "…"`` marker that stops the lint reporting the
variant, with this measurement as its reason; a reviewed variant is measured again on every run, and where a
condition has become free (a definition, the check or the labelled data changed) it says the review is stale.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import criterion  # noqa: E402
import glossary_quality as gq  # noqa: E402

# (absolute, so that a variant named with --term is measured without the conditions it already has)
OPTIONS = {"none": {"everyday": False, "prison_only": False}, "everyday": {"everyday": True, "prison_only": False},
           "prison_only": {"everyday": False, "prison_only": True}, "both": {"everyday": True, "prison_only": True}}


def _stem_pattern(variant: str) -> re.Pattern:
    """A loose pattern for the variant's inflected forms (“colonies” for *colony*): every word's first letters."""
    words = [w[: max(4, len(w) - 2)] for w in re.split(r"[\s\-]+", variant.lower()) if w]
    return re.compile(r"\b" + r"\w*\W+".join(re.escape(w) for w in words), re.I)


def group_key(concept: str, variant: str) -> tuple:
    """Variants that are one word's spellings and inflections (colony, colonies; strict regime, strict-regime)
    take one condition: a condition on one alone would be undone by its sibling matching the same text."""
    return (concept, *(w[:5] for w in re.split(r"[\s\-]+", variant.lower()) if w))


def pooled(per_part: dict[str, tuple]) -> tuple[int, int]:
    """(false alarms, missed violations) summed over the parts."""
    return sum(v[0] for v in per_part.values()), sum(v[1] for v in per_part.values())


def cost(per_part: dict[str, tuple]) -> int:
    """The criterion's cost (bench/criterion.py: false alarms + 2 x missed violations), pooled over the parts."""
    return criterion.cost(*pooled(per_part))


def choose(result: dict[str, dict[str, tuple]], current: str = "none") -> str:
    """The option bench/criterion.py chooses: least pooled cost; on a tie the one that misses fewer violations,
    then the variant's ``current`` option (no churn without a measured gain), then the order none, everyday,
    prison_only, both."""
    return str(criterion.choose({o: pooled(r) for o, r in result.items()}, current))


def reason(result: dict[str, dict[str, tuple]], day: str, current: str = "none", level: str = "term") -> str:
    """The reviewed marker's reason when no condition pays for itself ("" when one does): the measurement itself,
    so that the next editor sees what it cost (and, for a concept measured as a whole, that it was)."""
    if choose(result, current) != "none":
        return ""
    totals = ", ".join(f"{o} {sum(v[0] for v in r.values())}/{sum(v[1] for v in r.values())}"
                       for o, r in result.items())
    unit = " --conditioned, the concept's variants as one" if level == "concept" else ""
    return (f"{day}, bench/sense_conditions.py{unit}, leave-one-set-out: no condition removes more false alarms than "
            f"twice the labelled violations it loses by at least bench/criterion.py's margin, {criterion.MARGIN} (false alarms/missed: {totals})")


def _option(holder) -> str:
    return {(False, False): "none", (True, False): "everyday", (False, True): "prison_only",
            (True, True): "both"}[(bool(holder.everyday), bool(holder.prison_only))]


def current_option(glossary, concept: str, terms: list[str], level: str = "term") -> str:
    """The option the glossary gives the variants now (the first one's, as the group takes one), or with
    ``level="concept"`` the option on the concept itself."""
    if level == "concept":
        return _option(glossary.get(concept))
    return next((_option(t) for t in glossary.get(concept).terms if t.text in terms), "none")


def concept_level(glossary) -> list[tuple[str, list[str]]]:
    """The concepts whose ``everyday``/``prison_only`` sit on the concept, with all their variants: the condition
    holds for every variant, so the concept is the unit measured (muzhik, short visit, long visit)."""
    return [(c.id, [t.text for t in c.terms]) for c in glossary.concepts if c.everyday or c.prison_only]


def _variant_glossary(path: Path, concept: str, terms: list[str], flags: dict, level: str = "term"):
    from pipeline.glossary import load_glossary

    glossary = load_glossary(path)  # a fresh one: conditions are read into caches on first use
    c = glossary.get(concept)
    if level == "concept":  # (the variants' own flags stay as written)
        c.everyday, c.prison_only = flags["everyday"], flags["prison_only"]
        return glossary
    for t in c.terms:
        if t.text in terms:
            t.everyday = flags["everyday"]
            t.prison_only = flags["prison_only"]
    return glossary


def measure(path: Path, concept: str, terms: list[str], parts: dict[str, list[dict]],
            level: str = "term", folds: dict[str, Path] | None = None) -> dict[str, dict[str, tuple]]:
    """Option -> part -> (false alarms, missed violations) on the rows that mention one of ``terms``; the option
    set on those variants, or with ``level="concept"`` on their concept. Each part is scored with its model in
    ``folds`` (part -> model file; by default bench/criterion.py's, trained on the other parts)."""
    patterns = [_stem_pattern(t) for t in terms]
    # The rows that mention a variant, and their articles, are the same under every option: found once.
    # (a soft hyphen inside a word hides it from the pattern, not from the check)
    hits = {part: hit for part, rows in parts.items()
            if (hit := [r for r in rows if any(p.search(r["src"].replace("\u00ad", "")) for p in patterns)])}
    # (each row read with its whole article, as check reads a catalogue: the article-grouped sets' learnt decision
    # reads the article, and the rows that name the variant are only part of it)
    docs = {part: gq.documents(parts[part]) for part in hits}
    folds = criterion.fold_models(path, hits) if folds is None else folds
    out: dict[str, dict[str, tuple]] = {name: {} for name in OPTIONS}
    before = os.environ.get("TAMIZDAT_SENSE_MODEL")
    try:
        for part, hit in hits.items():
            os.environ["TAMIZDAT_SENSE_MODEL"] = str(folds[part])
            for name, flags in OPTIONS.items():
                # (a fresh glossary per part too: its memos hold readings made with another part's model)
                glossary = _variant_glossary(path, concept, terms, flags, level)
                _counts, misses = gq.score(glossary, hit, docs[part])
                out[name][part] = (sum(m[0] == "FP" for m in misses), sum(m[0] == "FN" for m in misses))
    finally:
        if before is None:
            os.environ.pop("TAMIZDAT_SENSE_MODEL", None)
        else:
            os.environ["TAMIZDAT_SENSE_MODEL"] = before
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--glossary", type=Path, default=gq.REPO / "glossary" / "glossary.toml")
    ap.add_argument("--term", action="append", default=[], help="a source variant to measure (repeatable)")
    ap.add_argument("--conditioned", action="store_true",
                    help="also every variant that has an everyday or prison_only condition, and every concept "
                         "that has one (measured as a whole: a re-audit)")
    ap.add_argument("--date", default=datetime.date.today().isoformat(), help="the date a reviewed reason carries")
    args = ap.parse_args(argv)
    from pipeline.glossary import load_glossary
    from pipeline.glossary.lint import unconditioned_everyday

    glossary = load_glossary(args.glossary)
    todo = [(f.concept, f.term) for f in unconditioned_everyday(glossary)]
    if args.conditioned:
        todo += [(c.id, t.text) for c in glossary.concepts for t in c.terms if t.everyday or t.prison_only]
    for name in args.term:
        todo += [(c.id, t.text) for c in glossary.concepts for t in c.terms if t.text == name]
    parts = {part: gq.read_pairs(path) for part, path in gq.PARTS.items()}
    groups: dict[tuple, list[str]] = {}
    for concept, term in todo:
        group = groups.setdefault(group_key(concept, term), [])
        if term not in group:
            group.append(term)
    reviewed = {(c.id, t.text): t.reviewed for c in glossary.concepts for t in c.terms if t.reviewed}
    units = [(key[0], terms, "term") for key, terms in groups.items()]
    if args.conditioned:
        units += [(concept, terms, "concept") for concept, terms in concept_level(glossary)]
    for concept, terms, level in units:
        result = measure(args.glossary, concept, terms, parts, level)
        now = current_option(glossary, concept, terms, level)
        chosen = choose(result, now)
        marked = [t for t in terms if (concept, t) in reviewed]
        print(f"{concept}{' (the concept)' if level == 'concept' else ''} {' '.join(f'“{t}”' for t in terms)}: "
              f"choose {chosen} (now {now})"
              + (f" (reviewed: {' '.join(f'“{t}”' for t in marked)})" if marked else ""))
        for option, per_part in result.items():
            fp = sum(v[0] for v in per_part.values())
            fn = sum(v[1] for v in per_part.values())
            shown = " ".join(f"{p}:{v[0]}/{v[1]}" for p, v in per_part.items() if v != (0, 0))
            print(f"  {option:12} FP {fp:3}  FN {fn:3}  cost {cost(per_part):3}   {shown}")
        why = reason(result, args.date, now, level)
        if why:
            print(f"  reviewed = {json.dumps(why, ensure_ascii=False)}")
        elif marked:  # the review no longer holds: a definition, the check or the labelled data changed
            print(f"  review stale: {chosen} costs less now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
