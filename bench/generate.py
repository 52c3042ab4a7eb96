"""Deterministic benchmark corpus: articles, an edited second version, pseudo translations.

Everything here is a pure function of ``(n, seed)`` so two runs (ours and a
peer's, or today's and next month's) see byte-identical input.

    python bench/generate.py --n 1000 -o bench/out/corpus

writes ``v1/<slug>.html`` (N articles), ``v2/<slug>.html`` (the same articles
with about 10 % of their sentences edited) and ``glossary.toml``.  Catalogues
are made from whichever extractor the benchmark runs (ours or html2po), so
:func:`pseudo_translate_file` fills any POT with a deterministic "translation"
that keeps every tag, placeholder and entity intact.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("ru", "de")

# (Latin spelling, Cyrillic spelling): real-looking names, some with the two
# transliterations articles actually mix (Miftakhov / Miftahov).
PEOPLE = [
    ("Azat Miftakhov", "Азат Мифтахов"),
    ("Azat Miftahov", "Азат Мифтахов"),
    ("Elena Gorban", "Елена Горбань"),
    ("Ilya Yashin", "Илья Яшин"),
    ("Alexei Gorinov", "Алексей Горинов"),
    ("Maria Ponomarenko", "Мария Пономаренко"),
    ("Igor Baryshnikov", "Игорь Барышников"),
    ("Zhenya Berkovich", "Женя Беркович"),
    ("Svetlana Petriychuk", "Светлана Петрийчук"),
    ("Dmitry Ivanov", "Дмитрий Иванов"),
    ("Viktoria Petrova", "Виктория Петрова"),
    ("Kirill Butylin", "Кирилл Бутылин"),
    ("Boris Kagarlitsky", "Борис Кагарлицкий"),
    ("Mikhail Kriger", "Михаил Кригер"),
    ("Olga Smirnova", "Ольга Смирнова"),
    ("Yuri Dmitriev", "Юрий Дмитриев"),
    ("Lilia Chanysheva", "Лилия Чанышева"),
    ("Aleksandra Skochilenko", "Александра Скочиленко"),
]
PLACES = [
    ("Omutninsk", "penal colony No. 17"),
    ("Kirov", "SIZO-1"),
    ("Moscow", "SIZO-2 \u201cButyrka\u201d"),
    ("Saint Petersburg", "SIZO-5"),
    ("Mordovia", "women\u2019s penal colony No. 2"),
    ("Karelia", "penal colony No. 7"),
    ("Chelyabinsk", "penal colony No. 6"),
    ("Perm", "penal colony No. 35"),
    ("Ufa", "SIZO-1"),
    ("Vladimir", "prison &#8470;&nbsp;2"),
]
ORGS = [
    "OVD-Info", "Memorial", "DOXA", "Mediazona", "Zona Prava", "the support group",
    "Rus Sidyashchaya", "the Public Monitoring Commission",
]
# Glossary terms with a note for translators and target-language renderings.
GLOSSARY = [
    ("rooster", "the lowest caste in the informal prison hierarchy; do not translate literally", "петух", "Ausgestoßener"),
    ("muzhiki", "ordinary prisoners, the middle caste; keep the Russian word", "мужики", "Muschiki"),
    ("SIZO", "pre-trial detention centre; keep the acronym", "СИЗО", "SIZO"),
    ("FSIN", "Federal Penitentiary Service; keep the acronym", "ФСИН", "FSIN"),
    ("penal colony", "a prison camp, not a colony abroad", "исправительная колония", "Strafkolonie"),
    ("political prisoner", "as recognised by Memorial", "политзаключённый", "politischer Gefangener"),
    ("etap", "transfer between prisons by convoy; keep the Russian word", "этап", "Etappe"),
    ("ShIZO", "punishment cell; keep the acronym", "ШИЗО", "ShIZO"),
    ("PKT", "cell-type premises, a prison within the colony", "ПКТ", "PKT"),
    ("blatnye", "the criminal elite of a camp", "блатные", "Blatnye"),
    ("obshchak", "the common fund of prisoners", "общак", "Obschtschak"),
    ("zek", "prisoner (slang)", "зэк", "Sek"),
    ("foreign agent", "legal status, always in quotes", "иноагент", "ausländischer Agent"),
    ("parcel", "a food parcel from relatives", "передача", "Paket"),
    ("long visit", "a visit of up to three days", "длительное свидание", "Langzeitbesuch"),
]
VERBS = ["reported", "said", "wrote", "told us", "explained", "confirmed", "recalled", "noted"]
ADVERBS = ["recently", "again", "later", "at last", "once more", "meanwhile", "quietly", "openly"]
ACTIONS = [
    "was placed in the {term8} for {n} days",
    "was denied a {term2} with relatives",
    "was moved by {term3} to {place}",
    "received a letter from {org}",
    "filed a complaint against the {term4} administration",
    "was recognised as a {term5} by {org}",
    "spent {n} days in a cell with {m} other prisoners",
    "lost {kg}&nbsp;kg during the hunger strike",
    "was visited by a lawyer from {org}",
    "was called a \u201c{term6}\u201d by the guards",
    "was called a &laquo;{term6}&raquo; in the {term9}",
    "asked for medical help {n} times",
    "was refused a {term7} from his mother",
]
CLAUSES = [
    "although the court had ordered otherwise",
    "despite repeated requests from the lawyer",
    "according to a letter dated {date}",
    "which the administration denies",
    "as {org} &amp; {org2} later confirmed",
    "after the {term} inspection on {date}",
    "&mdash; the third time this year",
    "in violation of the rules of internal order",
]
FOOTER = [
    "Write a letter to {name}: the address is on the <a href=\"https://example.org/letters\">letters page</a>.",
    "Support the work of {org} &mdash; <a href=\"https://example.org/donate\">donate</a>.",
    "This article was translated by volunteers. Read the <a href=\"https://example.org/about\">original</a>.",
]
TITLES = [
    "{name}: {n} days in the {term}",
    "How the {term} breaks a {term2}",
    "Letter from {place}: {name} on the {term}",
    "{name} transferred by {term}",
    "The case of {name}, year {n}",
]
HEADINGS = [
    "Life in the {term}", "The {term} and the {term2}", "Letters from {place}", "What {org} found",
    "The {n} days after the {term3}", "Why the {term4} administration is silent", "How to help {name}",
    "The trial in {date}", "Conditions in the {term8}",
]
EVENTS = ["Arrived by {term3}", "Placed in {term8} for {n} days", "Hunger strike, {n} days", "Visit from {org}",
          "Complaint No. {n} rejected", "Lawyer denied entry on {date}", "Letter of {m} pages received"]
INLINE_WORDS = ["court", "letter", "lawyer", "cell", "guards", "administration", "complaint", "hunger strike"]


@dataclass
class Sentence:
    text: str  # HTML fragment (inline markup and entities already applied)


@dataclass
class Block:
    tag: str  # p, li, h2, blockquote, td, th, caption
    sentences: list[Sentence] = field(default_factory=list)
    group: str = ""  # container the block belongs to: "", "ul", "ol", "table-row", "quote"


def _term(rng: random.Random) -> str:
    return rng.choice(GLOSSARY)[0]


def _fill(rng: random.Random, template: str, name: str) -> str:
    place = rng.choice(PLACES)
    values = {
        "name": name,
        "place": f"{place[1]} in {place[0]}",
        "org": rng.choice(ORGS),
        "org2": rng.choice(ORGS),
        "n": str(rng.randint(2, 400)),
        "m": str(rng.randint(2, 40)),
        "kg": str(rng.randint(2, 25)),
        "date": f"{rng.randint(1, 28)} {rng.choice(['January', 'March', 'May', 'July', 'October', 'December'])} {rng.randint(2015, 2025)}",
    }
    for key in ("term", "term2", "term3", "term4", "term5", "term6", "term7"):
        values[key] = _term(rng)
    # Pin some slots to the terms they read naturally with.
    values["term3"] = "etap"
    values["term4"] = rng.choice(["FSIN", "penal colony", "SIZO"])
    values["term5"] = "political prisoner"
    values["term6"] = "rooster"
    values["term2"] = rng.choice(["long visit", "parcel"])
    values["term7"] = "parcel"
    values["term8"] = rng.choice(["ShIZO", "PKT", "SIZO"])
    values["term9"] = rng.choice(["penal colony", "SIZO"])
    return template.format(**values)


def _decorate(rng: random.Random, text: str, slug: str) -> str:
    """Add inline markup (links, emphasis) the way CMS articles have it."""
    roll = rng.random()
    if roll < 0.25:
        word = rng.choice(INLINE_WORDS)
        if word in text:
            return text.replace(word, f'<a href="https://example.org/{slug}/{word.replace(" ", "-")}">{word}</a>', 1)
    elif roll < 0.4:
        for name, _cyr in PEOPLE:
            if name in text:
                return text.replace(name, f"<strong>{name}</strong>", 1)
    elif roll < 0.5:
        words = text.split(" ")
        if len(words) > 4:
            i = rng.randrange(1, len(words) - 2)
            if "<" not in words[i] and "&" not in words[i] and ">" not in words[i]:
                words[i] = f"<em>{words[i]}</em>"
            return " ".join(words)
    return text


def _sentence(rng: random.Random, name: str, slug: str) -> Sentence:
    who = rng.choice([name, name.split()[-1], "He", "She", rng.choice(ORGS) + "\u2019s source"])
    parts = [who, _fill(rng, rng.choice(ACTIONS), name)]
    if rng.random() < 0.5:
        parts.append(", " + _fill(rng, rng.choice(CLAUSES), name))
    text = " ".join(parts[:2]) + "".join(parts[2:])
    if rng.random() < 0.3:
        text += f", {rng.choice(VERBS)} {rng.choice([p[0] for p in PEOPLE])}"
    if rng.random() < 0.15:
        cyr = dict(PEOPLE).get(name, "")
        text += f" (in Russian: {cyr})"
    return Sentence(_decorate(rng, text[0].upper() + text[1:] + ".", slug))


def _article_blocks(rng: random.Random, slug: str, name: str) -> list[Block]:
    """About 50 segments per article, so 1000 articles make a ~52k-entry catalogue."""
    blocks: list[Block] = []

    def para(k: int) -> Block:
        return Block("p", [_sentence(rng, name, slug) for _ in range(k)])

    def heading() -> Block:
        return Block("h2", [Sentence(_fill(rng, rng.choice(HEADINGS), name))])

    def listing() -> None:
        kind = rng.choice(["ul", "ol"])
        for _ in range(rng.randint(3, 6)):
            blocks.append(Block("li", [_sentence(rng, name, slug)], group=kind))

    blocks.append(para(rng.randint(1, 2)))
    for _ in range(rng.randint(5, 9)):
        blocks.append(para(rng.randint(2, 5)))
    blocks.append(heading())
    listing()
    for _ in range(rng.randint(2, 4)):
        blocks.append(para(rng.randint(2, 4)))
    if rng.random() < 0.8:
        blocks.append(Block("blockquote", [_sentence(rng, name, slug) for _ in range(rng.randint(1, 3))], group="quote"))
    blocks.append(heading())
    for _ in range(rng.randint(2, 4)):
        blocks.append(para(rng.randint(1, 4)))
    if rng.random() < 0.8:
        blocks.append(Block("caption", [Sentence(f"Transfers of {name}")], group="table"))
        for col in ("Date", "Place", "Event"):
            blocks.append(Block("th", [Sentence(col)], group="table-head"))
        for _ in range(rng.randint(3, 7)):
            place = rng.choice(PLACES)
            event = _fill(rng, rng.choice(EVENTS), name)
            where = f"{place[1]}, {place[0]}" + (f", detachment {rng.randint(1, 12)}" if rng.random() < 0.5 else "")
            for cell in (f"{rng.randint(1, 28)}.{rng.randint(1, 12):02d}.{rng.randint(2015, 2025)}", where, event):
                blocks.append(Block("td", [Sentence(cell)], group="table-row"))
    blocks.append(para(rng.randint(1, 3)))
    blocks.append(heading())
    listing()
    for _ in range(rng.randint(4, 8)):
        blocks.append(para(rng.randint(1, 4)))
    blocks.append(heading())
    listing()
    blocks.append(para(rng.randint(1, 3)))
    footer = rng.choice(FOOTER)
    blocks.append(Block("p", [Sentence(_fill(rng, footer, name))]))
    return blocks


def _render(slug: str, title: str, date: str, name_cyr: str, blocks: list[Block]) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        f'<meta name="date" content="{date}">',
        '<meta name="author" content="Tamizdat volunteers">',
        f'<meta name="description" content="{re.sub(r"<[^>]+>", "", blocks[0].sentences[0].text)}">',
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{title}</h1>",
        f'<p class="byline">Our correspondent &middot; {date} &middot; <span lang="ru">{name_cyr}</span></p>',
    ]
    i = 0
    while i < len(blocks):
        b = blocks[i]
        body = lambda blk: " ".join(s.text for s in blk.sentences)  # noqa: E731
        if b.group in ("ul", "ol"):
            out.append(f"<{b.group}>")
            while i < len(blocks) and blocks[i].group == b.group:
                out.append(f"  <li>{body(blocks[i])}</li>")
                i += 1
            out.append(f"</{b.group}>")
            continue
        if b.group == "quote":
            out.append("<blockquote>")
            out.append(f"  <p>{body(b)}</p>")
            out.append("</blockquote>")
            i += 1
            continue
        if b.group == "table":
            out.append("<table>")
            out.append(f"  <caption>{body(b)}</caption>")
            i += 1
            out.append("  <tr>" + "".join(f"<th>{body(blocks[j])}</th>" for j in range(i, i + 3)) + "</tr>")
            i += 3
            while i < len(blocks) and blocks[i].group == "table-row":
                out.append("  <tr>" + "".join(f"<td>{body(blocks[j])}</td>" for j in range(i, i + 3)) + "</tr>")
                i += 3
            out.append("</table>")
            continue
        out.append(f"<{b.tag}>{body(b)}</{b.tag}>")
        if i == 1 and "rooster" in out[-1]:
            out.append(
                '<aside class="translators-note" role="note"><p><strong>Translator\u2019s note:</strong> '
                "the \u201croosters\u201d are the lowest caste in the informal hierarchy of Russian prisons.</p></aside>"
            )
        i += 1
    out.append(f'<p><img src="/img/{slug}.jpg" alt="A letter written in {rng_free_place(slug)}"></p>')
    out += ["</article>", "</body>", "</html>", ""]
    return "\n".join(out)


def rng_free_place(slug: str) -> str:
    """A stable place for the picture caption, derived from the slug only."""
    return PLACES[sum(map(ord, slug)) % len(PLACES)][0]


_EDITS = ("replace", "insert", "number", "drop")


def _edit(rng: random.Random, text: str) -> str:
    """Edit the plain-text parts of a sentence, leaving its markup alone."""
    parts = re.split(r"(<[^>]+>|&[#\w]+;)", text)
    words = [(pi, wi) for pi in range(0, len(parts), 2) for wi, w in enumerate(parts[pi].split(" ")) if w.isalpha()]
    if not words:
        return text + " (updated)"
    kind = rng.choice(_EDITS)
    pi, wi = rng.choice(words)
    tokens = parts[pi].split(" ")
    if kind == "replace":
        tokens[wi] = rng.choice(["reportedly", "allegedly", "eventually", "officially", "again"])
    elif kind == "insert":
        tokens.insert(wi, rng.choice(ADVERBS))
    elif kind == "drop" and len(words) > 6:
        del tokens[wi]
    else:
        digits = re.search(r"\d+", text)
        if digits:
            return text[: digits.start()] + str(int(digits.group()) + rng.randint(1, 9)) + text[digits.end():]
        tokens.insert(wi, "later")
    parts[pi] = " ".join(tokens)
    return "".join(parts)


def articles(n: int, seed: int = 7, edit_share: float = 0.10, start: int = 0) -> list[tuple[str, str, str]]:
    """``[(slug, v1_html, v2_html)]`` for articles ``start`` to ``n - 1`` (article k is the same for any n)."""
    result = []
    for k in range(start, n):
        rng = random.Random(f"{seed}:{k}")
        name, cyr = rng.choice(PEOPLE)
        slug = f"{k:05d}-{name.split()[-1].lower()}"
        title = _fill(rng, rng.choice(TITLES), name)
        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        blocks = _article_blocks(rng, slug, name)
        v1 = _render(slug, title, date, cyr, blocks)
        erng = random.Random(f"{seed}:{k}:edit")
        for b in blocks:
            for s in b.sentences:
                if b.group not in ("table-head",) and erng.random() < edit_share:
                    s.text = _edit(erng, s.text)
        v2 = _render(slug, title, date, cyr, blocks)
        result.append((slug, v1, v2))
    return result


REPO_GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "glossary.toml"


def glossary_toml() -> str:
    """The benchmark glossary: the project's full glossary, or (without one) the terms above.

    The fallback is written in the project's ``[[concept]]`` shape.
    """
    if REPO_GLOSSARY.is_file():
        return REPO_GLOSSARY.read_text(encoding="utf-8")
    lines = ["# Benchmark glossary (generated by bench/generate.py)", 'source_language = "en"', ""]
    for term, note, ru, de in GLOSSARY:
        lines += [
            "[[concept]]",
            f'id = "{re.sub(r"[^a-z0-9]+", "-", term.lower())}"',
            f"terms = [{json.dumps(term)}]",
            f"translator_note = {json.dumps(note)}",
            "[concept.ru]",
            f"preferred = {json.dumps(ru, ensure_ascii=False)}",
            "[concept.de]",
            f"preferred = {json.dumps(de, ensure_ascii=False)}",
            "",
        ]
    return "\n".join(lines)


def term_map(glossary_text: str, lang: str) -> list[tuple[str, str]]:
    """(source term, preferred translation) pairs for ``lang``, longest term first."""
    data = tomllib.loads(glossary_text)
    pairs = []
    for concept in data.get("concept", []):
        tr = concept.get(lang, {})
        preferred = tr.get("preferred")
        if isinstance(preferred, list):
            preferred = preferred[0] if preferred else None
        if concept.get("dnt") or tr.get("dnt"):
            continue
        for t in concept.get("terms", []):
            text = t if isinstance(t, str) else t.get("term", "")
            if text and preferred:
                pairs.append((text, preferred))
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs


# -- pseudo translation ---------------------------------------------------
_PROTECTED = re.compile(r"(<[^>]*>|&[#\w]+;|%\(?\w*\)?[sd]|\{[^{}]*\})")
_RU = str.maketrans("aAbBcCeEHkKmMoOpPTxXyY", "аАЬВсСеЕНкКмМоОрРТхХуУ")
_DE = str.maketrans("aouAOU", "äöüÄÖÜ")
_TERMS: dict[str, list[tuple[str, str]]] = {}


def pseudo(text: str, lang: str) -> str:
    """A deterministic stand-in translation: letters change, tags and entities stay.

    Glossary terms are replaced by their preferred translation (as a careful
    translator would) so the glossary check sees mostly-correct input.
    """
    if not text:
        return text
    if lang not in _TERMS:
        _TERMS[lang] = term_map(glossary_toml(), lang)
    parts = _PROTECTED.split(text)
    for i in range(0, len(parts), 2):
        seg = parts[i]
        found = []
        for term, target in _TERMS[lang]:
            if term in seg:
                seg = seg.replace(term, f"\0{len(found)}\0")
                found.append(target)
        seg = seg.translate(_RU if lang == "ru" else _DE)
        for j, target in enumerate(found):
            seg = seg.replace(f"\0{j}\0", target)
        parts[i] = seg
    return "".join(parts)


PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "de": "nplurals=2; plural=(n != 1);",
}


def pseudo_translate(pot_text: str, lang: str, skip_every: int = 0) -> str:
    """A PO for ``lang`` from a POT's text, every entry filled (every ``skip_every``-th left empty)."""
    import polib

    po = polib.pofile(pot_text, wrapwidth=79)
    po.metadata["Language"] = lang
    po.metadata["Plural-Forms"] = PLURAL_FORMS.get(lang, "nplurals=2; plural=(n != 1);")
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["PO-Revision-Date"] = "2025-01-01 00:00+0000"
    po.metadata["Last-Translator"] = "Bench Robot <bench@example.org>"
    po.metadata["Language-Team"] = f"{lang} <{lang}@example.org>"
    for i, entry in enumerate(po):
        if skip_every and i % skip_every == skip_every - 1:
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {k: pseudo(entry.msgid_plural if k else entry.msgid, lang) for k in range(3 if lang == "ru" else 2)}
        else:
            entry.msgstr = pseudo(entry.msgid, lang)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    return _dumps(po)


def _dumps(po) -> str:
    try:  # the project's msgcat-exact writer, once it exists
        from pipeline.catalog.pofile import dumps
    except ImportError:
        return str(po)
    return dumps(po)


def write_corpus(out: Path, n: int, seed: int = 7, start: int = 0) -> dict[str, Path]:
    """Write v1/, v2/ (articles ``start`` to ``n - 1``) and glossary.toml under ``out``; return their paths."""
    v1, v2 = out / "v1", out / "v2"
    v1.mkdir(parents=True, exist_ok=True)
    v2.mkdir(parents=True, exist_ok=True)
    for slug, a, b in articles(n, seed, start=start):
        (v1 / f"{slug}.html").write_text(a, encoding="utf-8")
        (v2 / f"{slug}.html").write_text(b, encoding="utf-8")
    gl = out / "glossary.toml"
    gl.write_text(glossary_toml(), encoding="utf-8")
    return {"v1": v1, "v2": v2, "glossary": gl}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--out", type=Path, default=Path("bench/out/corpus"))
    args = ap.parse_args()
    paths = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {paths['v1']} and {paths['v2']}")


if __name__ == "__main__":
    main()
