"""File-name slugs from titles."""

from __future__ import annotations

import re
import unicodedata

# ICAO Doc 9303 (the Russian passport standard since 2013) plus the Ukrainian
# and Belarusian letters: ASCII only, reversible enough for humans, no deps.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
    "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
}
# Ukrainian titles follow the national standard (Cabinet resolution 55, 2010) instead: г→h, и→y.
_TRANSLIT_UK = {**_TRANSLIT, "г": "h", "и": "y", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ю": "iu", "я": "ia"}
SLUG_MAX = 96


def slugify(title: str, lang: str = "") -> str:
    """A file-name slug from a title: Cyrillic transliterated, accents stripped, words joined by '-'."""
    table = _TRANSLIT_UK if lang.split("-")[0] == "uk" else _TRANSLIT
    out = []
    for ch in title.lower():
        if ch in table:
            out.append(table[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii"))
    words = re.findall(r"[a-z0-9]+", "".join(out))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX:
            break
        slug = candidate
    return slug
