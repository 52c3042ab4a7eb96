"""The page's language: what it declares, read leniently, else what its text is.

Declarations come in every shape real servers send: ``ru-RU``, ``ru_RU``,
``de, at, ch`` (a list of countries in ``content-language``), ``EN``,
``x-default``. We take the first part that names a language CLDR knows.
When nothing is declared, the language is identified from the article's text
with py3langid (langid.py's model, 97 languages, shipped inside the package,
no download), which on the 20 pages of bench/pages/newspaper4k in 9 languages
names all correctly; our old rule only told Cyrillic pages apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bs4 import BeautifulSoup

from pipeline.core import languages
from pipeline.core.errors import TamizdatError
from pipeline.ingest.dom import json_ld, meta_content

# Below this many letters the identifier's guess is not worth more than a question to the editor.
MIN_LETTERS = 40
# langid's normalised probability under which the text is taken as undecided (the import warns
# whenever the language was guessed, so a weak but right guess is worth more than a refusal).
MIN_CONFIDENCE = 0.5


def find_lang(soup: BeautifulSoup) -> str | None:
    """The language the page declares, or None. The caller identifies it from the
    article's own text when the page says nothing (:func:`detect_language`)."""
    for value in _declared(soup):
        if isinstance(value, str) and (code := lenient_code(value)):
            return code
    return None


def _declared(soup: BeautifulSoup) -> Iterator[object]:
    """The page's language declarations, most authoritative first, each read only if the ones before it
    say nothing usable (most pages answer at <html lang>; the metadata and JSON-LD walks cost more)."""
    html = soup.find("html")
    if html:
        yield html.get("lang")
        yield html.get("xml:lang")
    yield meta_content(soup, "content-language", "dc.language", "og:locale")
    for m in soup.find_all("meta"):
        equiv = m.get("http-equiv")
        if equiv is not None and str(equiv).lower() == "content-language":
            yield m.get("content")
    for n in json_ld(soup):
        if isinstance(n.get("inLanguage"), str):
            yield n.get("inLanguage")


def lenient_code(value: str) -> str | None:
    """The first language CLDR knows in a declared value, or None ("de, at, ch" → "de")."""
    for part in re.split(r"[,;\s]+", value.strip()):
        part = part.split(";")[0].strip()
        if not part or part.lower() in ("x-default", "und", "mul", "zxx"):
            continue
        code = primary_lang(part)
        try:
            languages.validate(code)
        except TamizdatError:
            continue
        return code
    return None


def primary_lang(code: str) -> str:
    code = code.replace("_", "-")
    primary = code.split("-")[0].lower()
    # Keep regional variants only where the written language really differs.
    if primary in ("pt", "zh", "sr") and "-" in code:
        parts = code.split("-")
        return f"{primary}-{parts[1].upper() if len(parts[1]) == 2 else parts[1].title()}"
    return primary


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The language of ``text`` as a CLDR code, or None when the text is too short or the guess too weak."""
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(text[:20000])
    if prob < MIN_CONFIDENCE:
        return None
    return code
