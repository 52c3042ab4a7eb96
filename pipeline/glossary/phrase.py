"""A source term's own phrase: what modifies it, what it is of or goes to, what it acts on or is said of.

A glossary word that is also an everyday English word (transfer, squad, parcel, search, mast, downgraded) says
which thing it names by the words of its own phrase, not by the sentence around it: “a *radio* mast”, “the
guards' *rapid-response* squad”, “a transfer *of the case*”, “a transfer *to a university*”, “a parcel
*containing explosives*”, “downgraded *the charge*”, “*the hurricane* was downgraded” are other things even in
a sentence full of prison words, while “a *food* parcel”, “the *night* search”, “a transfer *of prisoners*”, “a
*long* transfer *to Perm*”, “he was downgraded” are the glossary's. A noun there that is foreign both to the
concept (its definition, notes and terms) and to the glossary's prison vocabulary marks another thing. Whose
it is and what is said of it count too: “*the club's* record transfer”, “*the charge* against Pavel Zhuk was
downgraded” — unless WordNet's lexicographer class makes that word a person (his mother's parcel, a newcomer
downgraded), who owns or undergoes the glossary's thing as well as any other.

Which terms are read so comes from data, not from a hand list: lower-case terms of a common-noun concept whose
head an English lexicon (lemminflect's, which also tells nouns from adjectives and verbs) knows — as a noun for
the phrase readings, as a verb only for the object and subject readings. Transliterations (etap, otryad, zek)
are no English words and never are. Each reading finds a foreign word by string tests and sets first; the
lexicon is loaded and asked only then.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.glossary import wordnet
from pipeline.glossary.english_pos import nominal, parts_of_speech, word_classes
from pipeline.glossary.match import Hit, fold, mask
from pipeline.glossary.model import Concept, Glossary
from pipeline.glossary.places import has_places, place_head, place_name
from pipeline.glossary.sense import (
    CLOSERS, FUNCTION_WORDS, GENERAL_WORDS, ORDINAL_RE, another_doer, base_word, own_vocabulary, prison_vocabulary,
    says_prison,
)

# Words that may stand before a common noun but not before a name ("the Stolypin", not "on Stolypin").
DETERMINERS = {
    "en": frozenset("a an the this that these those his her its their our my your each every any another no "
                    "one two three first second last same whose".split()),
}
# Words that say when, how long or how often, not what kind: a night search, a weekly parcel, a routine transfer.
WHEN_WORDS = frozenset("""night morning evening dawn midnight afternoon weekend daily weekly monthly annual
routine regular spring summer autumn winter hour minute decade century moment birthday holiday anniversary""".split())
# The nouns English puts before a noun to say a person's sex (“women political prisoners”, “a woman activist”):
# who, as the possessive says (the women's colony), not what kind.
SEX_NOUNS = frozenset("woman women man men".split())
# What may join a compound modifier to the term: spaces or a hyphen.
GLUE = " \u00a0-\u2010\u2011"
SENTENCE_START = ".!?:;“\"«„‘(—–"


def _neutral() -> frozenset:
    return frozenset(base_word(w) for w in FUNCTION_WORDS | GENERAL_WORDS | WHEN_WORDS | DETERMINERS["en"])


NEUTRAL = _neutral()


def vocabulary(glossary: Glossary, concept: Concept) -> frozenset:
    """The words that, next to one of ``concept``'s terms, speak for its sense: the glossary's prison words and
    the words its definitions share, and the concept's own definition and notes (remembered per concept)."""
    memo = concept.memos
    found = memo.get("prison")
    if found is None:
        strong, weak = prison_vocabulary(glossary)
        own = own_vocabulary(concept) - {base_word(w) for t in concept.terms for w in t.text.split()}
        found = memo["prison"] = strong | weak | own
    return found


def known_words(glossary: Glossary, concept: Concept) -> frozenset:
    """The words that, in a term's own phrase, name the concept's thing or the prison's: :func:`vocabulary` and
    the words of the concept's terms too (a parcel *of food* is a food parcel)."""
    memo = concept.memos
    found = memo.get("known")
    if found is None:
        found = memo["known"] = vocabulary(glossary, concept) | own_vocabulary(concept)
    return found


def prone(hit: Hit) -> bool:
    """Whether ``hit``'s term may be an everyday noun whose own phrase tells which thing it names: lower-case
    words of a common-noun concept (worked out per concept; whether English knows it as a noun is asked only when
    a phrase would tell: :func:`another_kind`)."""
    memo = hit.concept.memos
    found = memo.get("prone")
    if found is None:
        c = hit.concept
        found = memo["prone"] = frozenset(
            t.text for t in c.terms if c.pos == "noun" and not c.case_sensitive and not t.quoted
            and all(w.isalpha() and w.islower() for w in t.text.split(" ")))
    return hit.term in found


def _head(term: str) -> frozenset:
    """The parts of speech of a term's head word (its last: a common *fund*, a red *zone*)."""
    return parts_of_speech(term.rsplit(" ", 1)[-1])


def _foreign(word: str, known: frozenset) -> bool:
    base = base_word(word)
    return len(base) >= 3 and base not in NEUTRAL and base not in known and fold(word) not in known


def _noun(word: str) -> bool:
    """A noun that is not also an adjective (a *bank* transfer, not a *long* one) by the English lexicon."""
    pos = word_classes(word.lower())
    return "NOUN" in pos and "ADJ" not in pos


def _foreign_noun(word: str, at: int, others: list[Hit], known: frozenset) -> bool:
    """Whether ``word`` (at ``at`` in the text) is a common noun foreign to the concept and to prison, and not
    inside another glossary hit: the test every reading of a term's phrase makes of the word it finds."""
    return (not word[:1].isupper() and _foreign(word, known) and not any(o.start <= at < o.end for o in others)
            and _noun(word))


def modifier(text: str, hit: Hit, others: list[Hit], known: frozenset) -> str:
    """The foreign noun directly before ``hit`` that modifies it (“radio” mast, rapid-“response” squad), "" when
    the word before is no such noun: a determiner, an adjective (a *long* transfer), a possessive (the women's
    colony: whose, not what kind) or a noun of a person's sex (*women* political prisoners), a name (the Kazan
    transfer), another glossary term (a *colony* squad) or a word of the concept's or the prison's vocabulary (a
    *food* parcel)."""
    if not (hit.start >= 2 and text[hit.start - 1] in GLUE and text[hit.start - 2].isalpha()):
        return ""  # (most words have none)
    before = mask(text[max(0, hit.start - 60):hit.start]).rstrip(GLUE)
    lo = len(before)
    while lo and before[lo - 1].isalpha():
        lo -= 1
    word = before[lo:]
    if not word:
        return ""
    if word[:1].isupper():
        rest = before[:lo].rstrip()
        if rest and rest[-1] not in SENTENCE_START or word.isupper():
            return ""  # a name or an acronym inside a sentence
        word = word.lower()
    prev = (before[:lo].split() or [""])[-1].strip(".,;:!?\"'“”()").lower()  # (after a subject or a modal: a verb)
    at = hit.start - len(text[max(0, hit.start - 60):hit.start]) + lo  # (no hit holds ``at``: it is before ``hit``)
    return word if (word.lower() not in SEX_NOUNS and prev not in VERB_OPENERS  # (she *collects* parcels)
                    and not ORDINAL_RE.fullmatch(word) and _foreign_noun(word, at, others, known)) else ""


# A word after a subject pronoun or a modal is a verb (not *to*, also a preposition: “referred to bank transfers”).
VERB_OPENERS = frozenset("i you he she we they who will would can could might must shall should".split())


# A possessor before a noun and up to two words that modify it: “the club's record transfer”.
POSSESSOR_RE = re.compile(r"([^\W\d_]+)(?:['’]s|s['’])\s+(?:[^\W\d_]+[\s\u00a0-]+){0,2}$")


def possessor(glossary: Glossary, text: str, start: int, others: list[Hit], known: frozenset, concept: Concept) -> str:
    """The owner of the noun at ``start`` when it is a common noun foreign to the concept, to prison and to the
    glossary's field (glossary/domain.py) and no person (“the *club's* record transfer”, “the *hospital's* red zone”: an event or a place of something else),
    else "". A person, a name or a place on the map (WordNet's noun.location: the city's detention centre) owns the
    glossary's thing as well as any other (his mother's parcel, Azat's transfer, the women's colony), and a prison
    word or another glossary term is prison's (the guards' squad)."""
    raw = text[max(0, start - 60):start]
    if "'" not in raw and "’" not in raw:
        return ""  # (most nouns have no possessor: no regex for them)
    before = mask(raw)
    m = POSSESSOR_RE.search(before)
    if not m:
        return ""
    word = m.group(1)
    if m.group(0)[len(word):len(word) + 2] in ("s'", "s’"):
        word += "s"  # (the plural possessive: the clubs' transfers)
    at = start - len(before) + m.start(1)
    if not any(o.start <= at < o.end for o in others) and another_doer(glossary, concept, word):
        return word  # (a search by guards: Mum's search is hers, another thing)
    if not _foreign_noun(word, at, others, known) or _person(word) or wordnet.names_a_place(base_word(word.lower())):
        return ""
    from pipeline.glossary.domain import domain_words, stem  # (domain.py builds on this module)

    # (a word the glossary itself writes owns its things: his family's parcel; the club's transfer is another's)
    return "" if stem(word) in domain_words(glossary) else word


OBJECT_RE = re.compile(r"\s+((?:(?:%s)\s+){0,2})([^\W\d_]+)" % "|".join(sorted(DETERMINERS["en"])), re.I)


def verb_object(text: str, end: int, others: list[Hit], known: frozenset) -> str:
    """The foreign noun acted on by the verb that ends at ``end`` (“downgraded *the charge*”, “containing
    *explosives*”; not “was downgraded by them”, nor someone: “downgraded the newcomer”), or ""."""
    if not (text[end:end + 1] == " " and text[end + 1:end + 2].isalpha()):
        return ""
    m = OBJECT_RE.match(mask(text[end:end + 60]))  # (only determiners between the verb and its object)
    if not m:
        return ""
    word = m.group(2)
    return word if _foreign_noun(word, end + m.start(2), others, known) and not _someone(word) else ""


# The phrases after a noun term that say what it is of, or where it goes: a transfer of the case, to a university.
PREPOSITIONS = "of|to|into|from"
PREPOSITION_RE = re.compile(r" (%s) " % PREPOSITIONS, re.I)
# The subject of a passive: a noun, perhaps followed by its own prepositional phrase of up to three words (“the
# charge *against Pavel Zhuk* was downgraded”: what is downgraded is the charge, not Zhuk), then the auxiliaries.
PASSIVE_RE = re.compile(r"([^\W\d_]+)(?:\s+(?:of|against|for|on|in|at|from|with|by)(?:\s+[^\W\d_]+){1,3})?"
                        r"\s+(?:(?:was|were|is|are|be|been|being|got|gets|has|have|had)\s+){1,2}$")


def passive_subject(text: str, start: int, others: list[Hit], known: frozenset) -> str:
    """The foreign noun a passive verb term is said of (“the hurricane was downgraded”, “the charge against Pavel
    Zhuk was downgraded”), or "" — never someone (:func:`_someone`): a newcomer downgraded is the glossary's."""
    before = mask(text[max(0, start - 80):start])
    m = PASSIVE_RE.search(before)
    if not m:
        return ""
    word = m.group(1)
    at = start - len(before) + m.start(1)
    return word if _foreign_noun(word, at, others, known) and not _someone(word) else ""


def _person(word: str) -> bool:
    """A noun WordNet knows as a person in one of its first senses (noun.person): who, not what kind of thing."""
    w = word.lower()
    return w in SEX_NOUNS or wordnet.names_a_person(w) or wordnet.names_a_person(base_word(w))


def _someone(word: str) -> bool:
    """A person or, by its first WordNet sense, a person's state (a *status*): what a caste downgrade acts on
    (“downgraded the newcomer”, “his status … was downgraded”), not a charge, a storm or a rating; a noun the tagged
    corpus met is a person only if it met it mostly so (“downgraded the first *count*”: never the nobleman)."""
    met = wordnet.met_as_person(word.lower(), base_word(word.lower()))
    if met or (met is None and _person(word)):
        return True
    found = wordnet.senses(word.lower()) or wordnet.senses(base_word(word.lower()))
    return bool(found) and wordnet.lexfile(found[0]) == wordnet.STATE


PHRASE_WORDS_RE = re.compile(r"[^\W\d_]+")
ENDS = ",;:.!?"  # punctuation that ends a phrase (not a quotation mark, a bracket or a dash)


def phrase_noun(text: str, start: int, others: list[Hit], known: frozenset, gerunds: bool = True) -> str:
    """The head noun of the phrase at ``start`` when it is foreign (“to *a university*”, “of *the case*”), past
    determiners and adjectives (and, with ``gerunds``, an -ing form before a noun: the *sewing* shop); "" at a name
    (of Azat), a word the prison or the concept knows (of prisoners), another glossary term, or a word that is no
    noun (“to Perm took …”)."""
    tail = mask(text[start:start + 60])
    end = 0
    last = ""  # a foreign word that is a noun and an adjective: the head if the phrase ends after it (to economy,)
    for n, m in enumerate(PHRASE_WORDS_RE.finditer(tail)):
        word = m.group(0)
        gap = tail[end:m.start()].strip(" \u00a0-")
        if word[:1].isupper() and not gap and n < 3 and _attributive(tail, m.end()):
            end = m.end()
            continue  # a name before a noun says whose or where: “the regional FSB *archive*”
        if n >= 4 or word[:1].isupper() or gap:
            return last if gap and gap[0] in ENDS else ""  # (too far, a name, or punctuation: the phrase has ended)
        end = m.end()
        base = base_word(word)
        if last and fold(word) in CLOSERS:
            return last  # (a word that is a noun or an adjective, then a preposition: “of his flat in 2012”)
        last = ""
        if base in NEUTRAL:
            continue
        at = start + m.start()
        if base in known or fold(word) in known or any(o.start <= at < o.end for o in others):
            return ""
        pos = word_classes(word.lower())
        if "NOUN" in pos and "ADJ" not in pos:
            return word
        if "ADJ" not in pos:
            if gerunds and _gerund_before_noun(word, pos, tail, m.end()):
                continue  # (modifies the noun after it, as an adjective does: “the *sewing* shop”)
            return ""
        last = word if "NOUN" in pos else ""
    rest = tail[end:].lstrip()
    return last if not rest or rest[0] in ENDS else ""


def _gerund_before_noun(word: str, pos: frozenset, tail: str, end: int) -> bool:
    """Whether ``word`` (ending at ``end`` of ``tail``) is a verb's -ing form that the lexicon knows only as a verb,
    right before a lower-case content word: English morphology's attributive gerund (“the *sewing* shop”, “the
    *waiting* room”), which modifies the noun after it as an adjective does; any other verb ends the phrase (“to
    Perm *took* …”)."""
    if pos != {"VERB"} or not word.endswith("ing") or tail[end:end + 1] != " ":
        return False
    m = PHRASE_WORDS_RE.match(tail, end + 1)
    return bool(m and m.group(0).islower() and m.group(0) not in FUNCTION_WORDS)


def _attributive(tail: str, end: int) -> bool:
    """Whether the word ending at ``end`` modifies a lower-case content word right after it (“FSB archive”),
    rather than ending the phrase (“of Azat to Kirov”, “to Perm took …”)."""
    for _ in range(3):  # (names may run: “the Kazan FSB museum”)
        m = PHRASE_WORDS_RE.match(tail, end + 1) if tail[end:end + 1] == " " else None
        if not m or not m.group(0)[:1].isupper():
            break
        end = m.end()
    return bool(m and m.group(0).islower() and m.group(0) not in FUNCTION_WORDS)


# The prepositions that chain a noun's own phrase (“a long visit to her husband in the colony”, “a parcel to the
# gates of the SIZO”): where that phrase ends is next to the term, however many words away.
CHAIN_PREPOSITIONS = frozenset("of to into from in at inside".split())
CHAIN_GROUPS = 3  # prepositional phrases, each of at most three words after its preposition


@lru_cache(maxsize=4096)
def phrase_end(text: str, end: int) -> int:
    """Where the prepositional phrases that follow a noun ending at ``end`` end (``end`` when none does): a
    preposition, then determiners, adjectives and the noun; ended by punctuation, by a word of another kind
    (was, and, that) or by a fourth word."""
    tail = mask(text[end:end + 120])
    pos, groups, words, reach = 0, 0, -1, 0
    for m in PHRASE_WORDS_RE.finditer(tail):
        if tail[pos:m.start()].strip(" \u00a0-"):
            break  # punctuation: the phrase has ended
        w = m.group(0).lower()
        if w in CHAIN_PREPOSITIONS and words != 0:
            groups += 1
            if groups > CHAIN_GROUPS:
                break
            words = 0
        elif words < 0 or words >= 3 or (w in FUNCTION_WORDS and w not in DETERMINERS["en"]):
            break
        else:
            words += 1
            reach = m.end()
        pos = m.end()
    return end + reach


# A verb term's destination, past a pronoun object: “downgraded her to economy”.
DESTINATION_RE = re.compile(r"\s+(?:(?:her|him|them|it|me|us|you)\s+|(?:(?:%s)\s+)?[^\W\d_]+\s+)?to\s+"
                            % "|".join(sorted(DETERMINERS["en"])), re.I)  # (or a noun: “downgraded my mother to”)
PARTICIPLE_RE = re.compile(r"\s+(?:for\s+)?([^\W\d_]+ing)\b", re.I)  # containing …, for repairing …


def another_kind(glossary: Glossary, text: str, hit: Hit, others: list[Hit], conditional: bool) -> str:
    """Why the words of ``hit``'s own phrase make it another thing than the glossary's ("" when they do not)."""
    if not prone(hit):
        return ""
    pos = _head(hit.term)
    known = known_words(glossary, hit.concept)
    if "VERB" in pos and "NOUN" not in pos and not nominal(text, hit.start):
        thing = verb_object(text, hit.end, others, known) or passive_subject(text, hit.start, others, known)
        if thing:
            return f"what is “{hit.form}” here is “{thing}”, another thing"
        to = DESTINATION_RE.match(text, hit.end)  # downgraded her *to economy*: lowered into another thing
        thing = phrase_noun(text, to.end(), others, known) if to else ""
        return f"“{hit.form} … to … {thing}” is another thing" if thing else ""
    if "NOUN" not in pos:
        return ""
    word = modifier(text, hit, others, known)
    if word:
        return f"“{word} {hit.form}” is another kind of {hit.form}"
    word = possessor(glossary, text, hit.start, others, known, hit.concept)
    if word:
        return f"the “{hit.form}” of “{word}” is another thing"
    m = PARTICIPLE_RE.match(text, hit.end) if text.find("ing", hit.end + 2, hit.end + 40) > 0 else None
    if m:  # a parcel “containing explosives”; a common fund “for repairing its tractors” (what it is for)
        thing = verb_object(text, m.end(1), others, known)
        if thing and "VERB" in parts_of_speech(m.group(1).lower()):
            return f"“{hit.form} {' '.join(m.group(0).split())} … {thing}” is another thing"
    # (a conditional term's “of” phrase is judged with the message's context: sense.py; where it goes — a short
    # visit *to the museum* — is read here, as for any everyday noun)
    prep = PREPOSITION_RE.match(text, hit.end)
    if prep and not (conditional and prep.group(1).lower() == "of"):
        noun = phrase_noun(text, prep.end(), others, known)
        if noun and ((conditional and _person(noun)) or place_head(text, prep, noun, glossary, hit)
                     or (prep.group(1).lower() == "from" and wordnet.names_people(noun))):  # (parcels from my parish)
            noun = ""  # (a short visit to her son: a relative visits someone, the glossary's; a transfer to a region)
        # (“a parcel to the gates of the SIZO”: a phrase that goes on to prison is prison's; and a term whose every
        # WordNet sense is the glossary's — a police van “used by police to transport prisoners” — has no other
        # sense for its phrase to name: “a police van to the station” is the prisoners')
        if noun and not _reaches_prison(glossary, text, hit, others) and _other_senses(glossary, hit):
            return f"“{hit.form} {prep.group(1).lower()} … {noun}” is another sense"
        # (a short visit *to Berlin* is a trip: the glossary's visit is at no place its definition names)
        place = place_name(text, prep.end()) if prep.group(1).lower() in ("to", "into") else ""
        if place and not has_places(glossary, hit.concept) and not _reaches_prison(glossary, text, hit, others):
            return f"“{hit.form} {prep.group(1).lower()} {place}” goes to a place on the map, another sense"
        # (nor to a building: the short visit “from relatives …” is received, not made, so a short visit *to the
        # prison hospital* is a trip there; to a person — her son — it is the relatives' visit)
        if prep.group(1).lower() in ("to", "into") and not has_places(glossary, hit.concept):
            thing = phrase_noun(text, prep.end(), [], frozenset())
            at = text.find(thing, prep.end()) if thing else -1
            own = next((o for o in others if o.start <= at < o.end), None)
            if own is not None and text[own.end:own.end + 2] not in ("'s", "’s"):
                thing = ""  # (to the colony, the glossary's own place: where relatives visit; not its workshop)
            if thing and not _person(thing):
                return (f"“{hit.form} {prep.group(1).lower()} … {thing}” goes to a place or a thing, and the "
                        f"glossary's “{hit.concept.term}” goes to none")
    return ""


def _other_senses(glossary: Glossary, hit: Hit) -> bool:
    from pipeline.glossary.topic import other_senses  # (topic reads phrase's own readings)

    return bool(other_senses(glossary, hit))


def _reaches_prison(glossary: Glossary, text: str, hit: Hit, others: list[Hit]) -> bool:
    """Whether the phrase after ``hit`` (:func:`phrase_end`) holds another glossary term that is not a name."""
    end = phrase_end(text, hit.end)
    return any(o.concept.id != hit.concept.id and says_prison(glossary, o.concept) and hit.end < o.start and o.end <= end
               for o in others)
