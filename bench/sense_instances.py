"""The instances the learnt sense decision (pipeline/glossary/learnt_sense.py) is trained on, their labels and
features, and the lexicon: read from the labelled sentence pairs (bench/train_sense.py trains and measures).

An instance is a (source sentence, concept) that the hand rules left in the glossary's sense and did not make a
question, its occurrences' variants not names'. Where they are all everyday-ambiguous (the lint's criterion) the
check asks the decision about it; the others (Instance.variants names the variants WordNet gives no everyday sense)
only where the model's learnt ambiguity holds them (bench/sense_fit.learnt_ambiguity, eighteenth session). Its label comes from
the pairs files: a labelled violation in any language, or a row of any kind but ``homonym``, is the prison sense;
a ``homonym`` row with every language labelled ``ok`` where the check (without the learnt decision) reports an
error is the everyday sense; a ``homonym`` row with no error says nothing and is left out (``HAND`` corrects what
reading the sentences showed to be labelled wrong by that rule).

The lexicon (each word stem's lean to prison or everyday prose) is learnt from the training sets' sentences; the
training instances' lexicon feature is cross-fitted (from the other training sets: bench/sense_fit.py), so that
the weights are not fitted to words that predict their own sentence.
"""

from __future__ import annotations

import math
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from glossary_quality import document_of, documents, predictions, read_pairs  # noqa: E402

# Whether a sentence's lean for the lexicon also reads the instances of variants WordNet gives no everyday sense
# (sense_features.asked); off, the lexicon is learnt from the same sentences as before the learnt ambiguity.
LEXICON_ALL = False
MIN_DOCS = 2  # a stem the lexicon keeps is met in at least this many training sentences
# Read by hand: the everyday uses the rule above labels prison (a row of another kind for one language) or leaves
# unknown (a homonym row with no error: the translation's word fits both senses, « une colonie grecque »), by
# (part, the sentence's start, concept). Every other unknown one was read as the prison sense (“His mother brought a
# parcel to the colony” in a homonym row about the parcel).
HAND_EVERYDAY = {
    ("heldout7", "Marseille began as a Greek colony", "ik"),
    ("heldout10", "The neighbours' rooster starts crowing", "petukh"),
    ("heldout10", "The ministry called her an “activist”", "aktivist"),
    ("heldout13", "Each colony on the plate grows", "ik"),
    ("heldout14", "In 2020 the SIZO's medical unit set up", "krasnaya-zona"),
    ("heldout14", "The children's summer camp next to the", "krasnaya-zona"),
    ("heldout11", "Singapore, a former colony", "ik"),
    ("heldout12", "Farmers in the Kuban say", "petukh"),
    ("heldout9", "We had a two-hour transfer in Novosibirsk", "etap"),  # (a row of kind overlap)
    ("heldout13", "The coach said he was “offended”", "petukh"),  # (negation-quote)
    ("heldout14", "At home we had our own common pot too", "obshchak"),  # (forms)
    ("heldout12", "Finally got the long visit!", "etap"),  # (overlap: the bank transfer for the room)
    # heldout17 and heldout18 (eighth session), the unknown ones read: the rest are prison's
    ("heldout17", "My mum still sends me a care package", "peredacha"),
    ("heldout17", "The hedge fund, a well-known", "aktivist"),
    ("heldout17", "Under FARA, a lobbying firm", "foreign-agent"),  # (the US law's sense, not the Russian label)
    ("heldout17", "Between 1946 and 1949 millions of CARE", "peredacha"),
    ("heldout17", "People born in the Year of the Rooster", "petukh"),
    ("heldout17", "Mission planners estimate", "ik"),
    ("heldout17", "After a short visit to Moscow", "short-visit"),  # (a mixed row: its long visit is prison's)
    ("heldout18", "Grandma's rooster wakes", "petukh"),
    ("heldout18", "He's been reading the Ramayana", "caste"),
}

# The article-grouped sets (heldout21, heldout22): the articles written in everyday senses, by the set's own
# article lines (their genre; heldout21's header: 14 fields other than prison, heldout22's: "everyday senses").
# An occurrence there with no violation is the everyday sense; in the other (prison) articles, the prison sense,
# but for a sentence whose rows are all homonym rows (read as in the older sets: everyday where the check errs).
EVERYDAY_ARTICLES = {
    "heldout21": ("Striker joins Spartak Lviv", "Parcel carrier's shares slide", "Phone maker halts software update",
                  "How an ant colony decides to move", "Stolypin's land reform", "A small farm learns to keep bees",
                  "Along the Norwegian coast", "Regional hospital reopens", "Caste census divides",
                  "Judge blocks end of humanitarian parole", "Army engineers rebuild", "Pupils send care packages",
                  "A new Anna Karenina goes on tour", "Night train to Irkutsk"),
    "heldout22": ("Band diary: the road to Leipzig", "Reading group notes: Tolstoy", "Cup week at the club"),
    # tenth session: the articles whose genre line names a field other than prison (heldout19: "not about prison";
    # heldout20: history, technology, sport, travel and cooking; heldout25: all but the two marked "prison";
    # heldout26: business news, a book review, a nature feature). Its regional digests are prison articles by
    # their genre line: their sport and business items are homonym rows, read by the rule below.
    "heldout19": ("City council approves the riverside park plan", "Railway museum reopens its engine shed",
                  "Roosters sign a striker"),
    "heldout20": ("Stolypin and the land question", "A start-up that flies your parcels",
                  "Marseille's deadline-day signing", "A week of cooking in Kerala"),
    "heldout25": ("A striker arrives, a veteran leaves", "Why your parcel is late", "Letters from a resettled village",
                  "The update that broke the sync", "An exchange semester in Michigan",
                  "Winter at the children's hospital", "Chekhov in a barn", "Night train to the Alps",
                  "Soldiers in the flood valley", "A farm that keeps everything", "The council votes on the old town",
                  "Advent in St Peter's parish", "The warehouse strike, week three", "This week in Neustadt"),
    "heldout26": ("Search engine posts record quarter", "A landowner, his muzhiki and the year 1907",
                  "The kittiwakes of Kolguev Island"),
    # eleventh session, by the same rule (the genre line names a field other than prison; the sets' headers: 3 and
    # 4 everyday articles): heldout23's football, courier and museum news; heldout24's farming blog, hospital
    # newsletter, railway history and school newsletter
    "heldout23": ("Zenit sign a Brazilian winger", "ExpressLine doubles its deliveries", "To Siberia by rail"),
    "heldout24": ("A year on the smallholding", "How the infection ward works now", "The line that built Siberia",
                  "Chess club news"),
    # twelfth session, by the same rule (genre lines "not about prison", or a field other than prison: heldout28's
    # farm feature, hospital report, airport guide and university newsletter; heldout30's museum, hiking club,
    # council and company news)
    "heldout27": ("Record month for the port of Rotterdam", "The Golden Cockerel returns to the Bolshoi",
                  "Tour of Slovenia, stage four"),
    "heldout28": ("Every rooster has a name", "The red zone is back", "Changing planes without stress",
                  "What we read this term"),
    "heldout29": ("Spring at the Lakeside Bird Sanctuary", "What changes for you in March", "Camp Sosnovy Bor"),
    "heldout30": ("New Amsterdam, 1624", "Black Lakes weekend", "Depot, bridge and a radio mast",
                  "A record year for Northline Logistics"),
    # thirteenth session, by the same rule (genre lines naming a field other than prison: heldout31's historical
    # society newsletter, veterinary clinic news, bus company notice and wine travel piece; heldout32's mountain
    # rescue newsletter, supermarket press release, parliamentary tax debate and children's book review)
    "heldout31": ("Stolypin, the land and the railway", "Green Meadow clinic now treats farm animals",
                  "New timetable from 15 March", "A weekend in the Abrau valley"),
    "heldout32": ("Night rescue on the northern ridge", "Click and collect in every store",
                  "Second reading of the small-business tax bill", '"The Rooster Who Woke Too Early"'),
    # written as development data in the thirteenth session, by the same rule (the genre line names a field other
    # than prison)
    "heldout35": ("Aurora joins the Tallinn route", "A record year at Riverside Zoo", "Weddings by the lake",
                  "Ward 4B reopens to visitors", "Val Blanche weekly snow report", "NordCargo opens its Erfurt hub",
                  "Lindenau chooses a mayor"),
    "heldout36": ("Baltic Fringe festival", "The aquarium reopens", "Winter moves with Baltic Removals",
                  "Admissions calendar for next autumn", "Aurora's first season", "County poultry show",
                  "Harbour Wheelers"),
    # fourteenth session, by the same rule (genre lines naming a field other than prison: heldout33's cycling race
    # report, real-estate listing, theatre review and football transfer news; heldout34's hotel review, farming
    # cooperative newsletter, airline baggage policy and police-procedural TV review)
    "heldout33": ("Tour of Slovenia, stage 4", "Restored farmhouse with orchard", '"Chantecler" returns',
                  "Orlov leaves, Sokolov returns"),
    "heldout34": ("Lovely old town hotel", "Autumn news from the valley cooperative", "Checked baggage",
                  '"Northern Line" is the best cop show'),
    # written as development data in the fourteenth session, by the same rule
    "heldout39": ("Spring reopening at the Lindenhof garden centre", "New winter timetable on the northern line",
                  "Riverside veterinary clinic", "Practical information for the Northern Data Summit",
                  "Elm Street cooperative", "Chamber orchestra sets off", "Winter meeting of the Valley Beekeepers"),
    "heldout40": ("Drive Kazan puts 400 electric cars", "A Swiss colony on the Don", "Autumn at the central library",
                  "Inside the Zenit-2 academy", "Broken mast off Kaliningrad", "Twelve years at the chair",
                  "Yekaterinburg's plan for the winter"),
    # fifteenth session, by the same rule (heldout37's museum audio guide, birdwatching blog, removals FAQ and chess
    # report; heldout38's bank newsletter, zoo newsletter, hiking club trip report and television listings)
    "heldout37": ("Room 4: the Stolypin years", "Saturday at Lake Nero", "Moving with us",
                  "City open: a Michigan team prize"),
    "heldout38": ("Your account this spring", "Chicks, ants and a farewell", "Three days in the Stubai Alps",
                  "What to watch this week"),
    # written as development data in the fifteenth session, by the same rule
    "heldout43": ("Winter training camp in Mallorca", "New status levels in the Nordlicht Hotels",
                  "The planetarium reopens", "Thirty years of rye at Smirnov's", "Two pairs of eyes",
                  "The park rink opens on Friday", "Two million leafcutters"),
    "heldout44": ("New season at the Alpenblick ski school", "A family furniture store grows a second wing",
                  "Up the walls of the old tram depot", "Five nights of jazz by the lake",
                  "Apotheka opens its fortieth branch", "Rorschach marina ready for the season"),
    # sixteenth session, by the same rule (heldout41's airline baggage policy, dig diary, kindergarten newsletter and
    # release note; heldout42's football report, estate agent's listing, ant-farm kit and film festival programme)
    "heldout41": ("Checked baggage on connecting flights", "Trench B, second week", "News from the Sunflower group",
                  "Version 4.2"),
    "heldout42": ("United 2, City 0", "Old Mill Farm, Little Hadham", "Formicarium Starter Kit",
                  "Northern Lights Film Festival"),
    # written as development data in the sixteenth session, by the same rule
    "heldout47": ("Sokol Saratov's winter window", "Delivery and pickup", "A village museum in Kostroma region",
                  "Spring show of working breeds", "New timetable from 1 February", "Winter at the Belokurikha springs",
                  "A semester in Tartu"),
    "heldout48": ("Summer timetable and news from the Baltic line", "What to expect at Camp Sosnovy Bor",
                  "Tal Memorial: a young field", "How to make a claim", "Spring newsletter of the district beekeepers",
                  "Away day in Gdańsk", "A week at Beryozovy Khutor"),
    # seventeenth session, by the same rule (heldout45's railway museum guide, bank FAQ, chess club newsletter and
    # wedding checklist; heldout46's ice-hockey report, gardening column, courier's terms and village history bulletin)
    "heldout45": ("A walk through the depot", "Sending money abroad", "Club news, spring issue",
                  "Your wedding, month by month"),
    "heldout46": ("Dynamo edge Sibir in overtime", "Bees, ants and a rooster", "Terms of delivery",
                  "Leaving the commune"),
    # written as development data in the seventeenth session, by the same rule
    "heldout51": ("Bunch sprint in Goslar", "Nordfracht opens parcel hub near Kassel", "Muzhiki and farmers at Kommern",
                  "A Siberian tomcat takes Best in Show", "Line 4 no longer runs to Durlach",
                  "Caracalla reopens with a new sauna wing", "Guest lecturers for the summer term"),
    "heldout52": ("Three days of wind at the Ostend Spring Regatta", "Delivery and assembly",
                  "Land, wagons and gallows", "News from the Hoeve Ter Linde riding school",
                  "Getting to and from the airport", "Three days in the meadow", "Six weeks in Tartu"),
    # (heldout54 and heldout55: the writers' everyday articles, some with a prison sense inside — a footballers'
    # charity visit to a colony, a Stolypin carriage in a museum; those sentences all carry a violating row, so
    # their occurrences are labelled prison by the violation, as in a prison article)
    "heldout54": ("Riverside Athletic", "Visiting our wards", "Frequently asked questions: moving abroad",
                  "Spring meeting report", "Year 7 summer trip", "Careers at Sentinel Guarding",
                  "Open day at Hillside Poultry", "Road closures for Thursday's state visit", "Commodore's newsletter"),
    "heldout55": ("Connecting in Frankfurt", "Payments and your account", "Gull count on the Northern Island",
                  "A weekend in the old river town", "Reunion report, spring issue", "Club news, spring",
                  "Masters, peasants and castes", "Pension adviser guilty", "Orlov completes move to Zenit"),
    # (heldout59: 7 of its 9 everyday articles; the state visit's blockaders taken away in police vans and the
    # archive's "former camp for political prisoners" are prison senses in sentences without a violating row, so
    # those two articles are read by the sentence rule: their homonym rows say the everyday sense)
    "heldout59": ("Old Firm day", '"It is not a prison, but it feels like one"', "The green wagon",
                  "Muzhiki without the varnish", "Money and parcels abroad", "Sosnovy Bor summer camp",
                  "Kazan this week"),
    "heldout60": ("Moving house in winter", "Knight Moves", "Visiting hours at St Anne's Hospital",
                  "Episode 41: Reform and revolver"),
    # nineteenth session, by the same rule, once the seventeenth session's blind sets were released (heldout49's
    # hospital page, removals guide, exhibition page and mountain hut's rules; heldout50's wine estate, ski resort,
    # zoo and city archive; heldout53's airport page, bird sanctuary, university programme and estate museum)
    "heldout49": ("Visiting hours and house rules", "Moving house without stress", '"Bread and Sky"',
                  "House rules of the Lindauer Hut"),
    "heldout50": ("Harvest 2026 at Domaine des Cailloux", "Airport shuttle", "Two million gardeners",
                  "Using the reading room"),
    "heldout53": ("Getting to town", "Spring on the marshes", "Visiting scholars 2027", "The estate and its village"),
    # written as development data in the nineteenth session, by the same rule (heldout65's local history of settlers
    # holds a prison-sense Stolypin carriage whose German and French rows are right: left to the sentence rule)
    "heldout64": ("New timetable from 14 December", "Summer camp report", "Release notes: Datavault 4.2", "Lyon Indoor",
                  "Living with type 1 diabetes", "ParcelPoint lockers"),
    "heldout65": ("How we move 40,000 parcels", "Lakeside Scouts", "Opening hours and visits"),
}


def article_sense(part: str, article: str | None) -> int | None:
    """1 for an article written in everyday senses, 0 for a prison one, None outside an article."""
    if article is None:
        return None
    title = article.split(": ", 1)[1]
    return int(title.startswith(EVERYDAY_ARTICLES.get(part, ())))


@dataclass
class Instance:
    part: str
    src: str
    cid: str
    label: int | None  # 1 everyday, 0 prison, None: not known (left out)
    violation: bool
    x: list[float]
    stems: list[str]
    errors: int = 0  # rows where the check (without the decision) reports an error for the concept
    lex: float = 0.0
    weak: bool = False  # kept out only for want of a prison context (a promotion, not a question, is at stake)
    doc_stems: list[str] | None = None  # the stems of its article (the article lexicon's keys)
    doc_lex: float = 0.0
    args: list[str] | None = None  # its argument classes (glossary/arguments.py), keys of the model's table
    arg_lex: float = 0.0
    # the variants of its occurrences that WordNet gives no everyday sense (sense_features.variant_key): it is read
    # by the check only where the model's learnt ambiguity holds all of them (none: always, as before)
    variants: tuple[str, ...] = ()
    # its article's messages as the article features read them: per message, per concept in the glossary's sense,
    # the variants of its hits WordNet gives no everyday sense (article_features recomputes them per learnt ambiguity)
    doc_facts: tuple[tuple[tuple[str, frozenset[str]], ...], ...] = ()


def article_features(facts: tuple[tuple[tuple[str, frozenset[str]], ...], ...], learnt: frozenset[str]
                     ) -> tuple[float, float]:
    """The "article prison" and "article concepts" features of an article whose messages are ``facts``
    (Instance.doc_facts) under the learnt ambiguity ``learnt``, as glossary/document.py reads them: a concept counts
    where one of its hits is neither WordNet's everyday-ambiguous nor learnt."""
    prison, concepts = 0, set()
    for message in facts:
        counted = {cid for cid, keys in message if any(k not in learnt for k in keys)}
        prison += bool(counted)
        concepts |= counted
    return (prison / len(facts) if facts else 0.0), float(min(len(concepts), 3))


def _message_facts(glossary, message: str, memo: dict) -> tuple[tuple[str, frozenset[str]], ...]:
    from pipeline.glossary.sense_features import ambiguous, variant_key
    from pipeline.glossary.source_reading import read_source

    found = memo.get(message)
    if found is None:
        occurrences = read_source(glossary, message, questions=False).occurrences
        found = memo[message] = tuple((cid, frozenset(variant_key(h) for h in hs if not ambiguous(glossary, h)))
                                      for cid, hs in occurrences.items())
    return found


def _off():
    os.environ["TAMIZDAT_SENSE_MODEL"] = "none"


def instances(parts: dict[str, Path], glossary_path: Path = REPO / "glossary" / "glossary.toml",
              ) -> tuple[list[Instance], dict[str, list[tuple[list[str], int]]]]:
    """Every instance per part, and per part its sentences as (stems, lean label) for the lexicon. A sentence is
    read with its article where the pairs file groups rows into articles (``# article:`` lines), as ``check``
    reads a catalogue; the same sentence in two articles is two readings."""
    _off()
    from pipeline.glossary import load_glossary
    from pipeline.glossary.document import summary
    from pipeline.glossary.sense_features import ambiguous, features, lexicon_words, variant_key
    from pipeline.glossary.source_reading import learnt_candidates, read_source
    from pipeline.glossary.topic import own_stems

    glossary = load_glossary(glossary_path)
    facts_memo: dict[str, tuple] = {}
    out: list[Instance] = []
    docs: dict[str, list[tuple[list[str], int]]] = {}
    for part, path in parts.items():
        rows = read_pairs(path)
        articles = documents(rows)
        by_src: dict[tuple, list[dict]] = defaultdict(list)
        for r in rows:
            by_src[(r["article"], r["src"])].append(r)
        docs[part] = []
        for (article, src), rs in by_src.items():
            sense = article_sense(part, article)
            source = read_source(glossary, src)
            doc = document_of(articles, rs[0])  # (the article's English sentences: alike in every language)
            about = summary(glossary, doc, src)
            preds = [predictions(glossary, r, doc) for r in rs]
            doc_facts = tuple(_message_facts(glossary, m, facts_memo) for m in (doc.messages if doc else (src,)))
            labels_here = []
            candidates, promotable = learnt_candidates(glossary, source, every=True)  # (every variant: sense_fit learns which)
            asked = [(cid, source.occurrences[cid], False) for cid in candidates]
            asked += [(cid, source.weak[cid], True) for cid in promotable]
            homonym_rows = all(r["kind"] == "homonym" for r in rs)
            for cid, hs, weak in asked:
                violation = any(r["labels"].get(cid, "ok") != "ok" for r in rs)
                if weak:
                    # Counted, the word would need its rendering in every language: the everyday sense where a
                    # translation without the approved word is labelled right (promoting it would be a false alarm).
                    # Where every translation uses it, the translators read the prison sense and nothing is at
                    # stake: left out (“the parcel … the tracking page”: Paket fits both senses).
                    used = [_renders(glossary, r, cid) for r in rs]
                    errors = sum(1 for u in used if not u)
                    label = 0 if violation else 1 if errors else None
                else:
                    errors = sum(1 for p in preds if cid in p)
                    label = 0 if violation or not homonym_rows or not errors else 1
                if not violation and any(part == p and src.startswith(s) and cid == c for p, s, c in HAND_EVERYDAY):
                    label = 1
                if sense is not None and not violation and not (sense == 0 and homonym_rows):
                    # (an article-grouped set: its article's sense; a prison article's sentence whose rows are all
                    # homonym rows keeps the sentence rule above: the writer marked an everyday sense inside it,
                    # a digest's football transfer, a money transfer in a relative's post)
                    label = sense
                others = len(source.occurrences) - (0 if weak else 1)
                # (the article's lexicon lean: per fold, from doc_stems)
                x, words = features(glossary, src, hs, source.hits, others, bool(source.fits.get(cid)), {},
                                    weak=weak, article=about)
                stems = sorted(set(lexicon_words(glossary, src, source.hits)) - own_stems(hs[0]))
                variants = tuple(sorted({variant_key(h) for h in hs if not ambiguous(glossary, h)}))
                out.append(Instance(part, src, cid, label, violation, x, stems, errors, weak=weak,
                                    doc_stems=sorted(about.stems), args=words.get("argument classes", []),
                                    variants=variants, doc_facts=doc_facts))
                if label is not None and (LEXICON_ALL or not variants):
                    labels_here.append(label)
            lean = 1 if 1 in labels_here else 0 if (0 in labels_here or not all(r["kind"] == "homonym" for r in rs)) \
                else None
            if lean is not None:
                docs[part].append((sorted(set(lexicon_words(glossary, src, source.hits))), lean))
    return out, docs


def _renders(glossary, row: dict, cid: str) -> bool:
    """Whether a row's translation uses an approved word of ``cid`` (as the check promotes a weak concept)."""
    return any(h.concept.id == cid and h.kind in ("preferred", "admitted")
               for h in glossary.find(row["dst"], row["lang"], overlapping=True, derived=True))


def lexicon(docs: dict[str, list[tuple[list[str], int]]], min_docs: int = MIN_DOCS, alpha: float = 1.0,
            clip: float = 3.0) -> dict[str, float]:
    """Each stem's lean: the log-odds of prison prose against everyday prose among the sentences that use it, for
    stems met in at least two sentences of two sets (a word of one writer's one sentence says nothing general).
    ``min_docs``, ``alpha`` (pseudo-counts a side) and ``clip``: other smoothings, screened by bench/sense_forms.py."""
    n = [0, 0]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parts_of: dict[str, set[str]] = defaultdict(set)
    for part, ds in docs.items():
        for stems, lean in ds:
            n[lean] += 1
            for s in stems:
                counts[s][lean] += 1
                parts_of[s].add(part)
    out = {}
    for s, (p, e) in counts.items():
        if p + e < min_docs or len(parts_of[s]) < 2:
            continue
        lean = math.log((p + alpha) / (n[0] + 2 * alpha)) - math.log((e + alpha) / (n[1] + 2 * alpha))
        out[s] = round(max(-clip, min(clip, lean)), 2)
    return out


def argument_table(insts: list[Instance], alpha: float = 1.0, clip: float = 3.0,
                   per_concept: bool = False) -> dict[str, float]:
    """Each argument class's lean (glossary/arguments.py; keyed as the model file's lexicon keeps it,
    sense_features.ARGUMENT + relation:class): the log-odds of the prison sense against the everyday among the
    labelled instances whose term has it, for classes met in two instances of two sets — as the lexicon's stems.
    ``per_concept``: also each concept's own lean of a class (``concept|relation:class``), against that concept's
    own rate of the two senses (what the class says beyond the concept's prior), under the same floor."""
    from pipeline.glossary.sense_features import ARGUMENT

    n: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parts_of: dict[str, set[str]] = defaultdict(set)
    base_of: dict[str, str] = {}
    for i in insts:
        if i.label is None:
            continue
        lean = int(i.label)  # (1: everyday)
        n[""][lean] += 1
        n[i.cid][lean] += 1
        for k in set(i.args or []):
            for key, base in ((k, ""), (f"{i.cid}|{k}", i.cid))[:2 if per_concept else 1]:
                counts[key][lean] += 1
                parts_of[key].add(i.part)
                base_of[key] = base
    out = {}
    for k, (p, e) in counts.items():
        if p + e < MIN_DOCS or len(parts_of[k]) < 2:
            continue
        b = n[base_of[k]]
        lean = math.log((p + alpha) / (b[0] + 2 * alpha)) - math.log((e + alpha) / (b[1] + 2 * alpha))
        out[ARGUMENT + k] = round(max(-clip, min(clip, lean)), 2)
    return out


def lex_feature(stems: list[str], lex: dict[str, float]) -> float:
    found = [lex[s] for s in stems if s in lex]
    return sum(found) / len(found) if found else 0.0

