"""Look-alike letters of the Latin, Cyrillic and Greek scripts, as Unicode's confusables table lists them.

``textprep.unmix_word`` writes a mixed-script word in its main script: each letter of another script becomes its
single-letter look-alike in the main one (a Cyrillic ``с`` in ``colony``). The table is the confusable_homoglyphs
library's (Unicode's confusables), read for every character of the three scripts' blocks and kept here, because
loading the library's whole table (900 KB of JSON) cost 184 M instructions, about 40 ms, in every ``check`` that met
one mixed-script word: a tenth of checking forty catalogues. tests/test_glossary_lookalikes.py checks it against the
library installed; ``python -m pipeline.glossary.lookalikes`` prints it anew from the library.
"""

from __future__ import annotations

BLOCKS = ((0x0000, 0x0080), (0x00C0, 0x0250), (0x0370, 0x0400), (0x0400, 0x0500))  # the three scripts (textprep._script)

# script -> {letter of another script: its look-alike in this one} (letters without one are left out)
LOOKALIKES: dict[str, dict[str, str]] = {
    "LATIN": {
        'ͺ': 'i', 'Ϳ': 'J', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'L', 'Κ': 'K', 'Λ': 'Ʌ', 'Μ': 'M',
        'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Σ': 'Ʃ', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'α': 'a', 'β': 'ß', 'γ': 'y', 'ι': 'i',
        'κ': 'ĸ', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'σ': 'o', 'υ': 'u', 'ϐ': 'ß', 'ϒ': 'Y', 'Ϝ': 'F', 'ϩ': 'ƨ', 'ϰ': 'ĸ',
        'ϱ': 'p', 'ϲ': 'c', 'ϳ': 'j', 'Ϸ': 'Þ', 'ϸ': 'þ', 'Ϲ': 'C', 'Ϻ': 'M', 'Ͻ': 'Ɔ', 'Ѕ': 'S', 'І': 'L', 'Ј': 'J',
        'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'Л': 'Ʌ', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
        'У': 'Y', 'Х': 'X', 'Ь': 'B', 'а': 'a', 'г': 'r', 'е': 'e', 'к': 'ĸ', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y',
        'х': 'x', 'ь': 'ƅ', 'ѕ': 's', 'і': 'i', 'ј': 'j', 'ѡ': 'w', 'Ѵ': 'V', 'ѵ': 'v', 'Ү': 'Y', 'ү': 'y', 'һ': 'h',
        'ҽ': 'e', 'Ӏ': 'L', 'ӏ': 'i', 'Ә': 'Ə', 'ә': 'ǝ', 'ӡ': 'ȝ'
    },
    "CYRILLIC": {
        '3': 'З', '6': 'б', 'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'J': 'Ј', 'K': 'К', 'M': 'М', 'O': 'О',
        'P': 'Р', 'S': 'Ѕ', 'T': 'Т', 'V': 'Ѵ', 'X': 'Х', 'Y': 'У', 'a': 'а', 'b': 'ь', 'c': 'с', 'e': 'е', 'h': 'һ',
        'i': 'і', 'j': 'ј', 'l': 'і', 'o': 'о', 'p': 'р', 'r': 'г', 's': 'ѕ', 'v': 'ѵ', 'w': 'ѡ', 'x': 'х', 'y': 'у',
        'ĸ': 'к', 'ƅ': 'ь', 'Ə': 'Ә', 'ǝ': 'ә', 'ȝ': 'ӡ', 'Ʌ': 'Л', 'Ͷ': 'И', 'Γ': 'Г', 'Π': 'П', 'Φ': 'Ф', 'Ψ': 'Ѱ',
        'π': 'п', 'ψ': 'ѱ'
    },
    "GREEK": {
        "'": 'ʹ', 'A': 'Α', 'B': 'Β', 'C': 'Ϲ', 'E': 'Ε', 'F': 'Ϝ', 'H': 'Η', 'J': 'Ϳ', 'K': 'Κ', 'M': 'Μ', 'N': 'Ν',
        'O': 'Ο', 'P': 'Ρ', 'T': 'Τ', 'X': 'Χ', 'Y': 'Υ', 'Z': 'Ζ', 'a': 'α', 'c': 'ϲ', 'i': 'ι', 'j': 'ϳ', 'l': 'ι',
        'o': 'ο', 'p': 'ρ', 'u': 'υ', 'v': 'ν', 'y': 'γ', 'Þ': 'Ϸ', 'ß': 'β', 'þ': 'ϸ', 'ĸ': 'κ', 'Ɔ': 'Ͻ', 'Ʃ': 'Σ',
        'Ʌ': 'Λ', 'Г': 'Γ', 'И': 'Ͷ', 'П': 'Π', 'Ф': 'Φ', 'п': 'π', 'Ѱ': 'Ψ', 'ѱ': 'ψ'
    },
}


def from_library() -> dict[str, dict[str, str]]:
    """The table read from the confusable_homoglyphs library (what textprep asked of it letter by letter before)."""
    from confusable_homoglyphs import confusables

    from pipeline.glossary.textprep import _script

    table: dict[str, dict[str, str]] = {"LATIN": {}, "CYRILLIC": {}, "GREEK": {}}
    for lo, hi in BLOCKS:
        for ch in map(chr, range(lo, hi)):
            own = _script(ch)
            for script in table if own else ():
                if script == own:
                    continue
                found = confusables.is_confusable(ch, greedy=True, preferred_aliases=[script.lower()]) or []
                c = next((h["c"] for item in found for h in item["homoglyphs"]
                          if len(h["c"]) == 1 and _script(h["c"]) == script and h["c"].isalpha()), None)
                if c is not None:
                    # Keep the case of the letter it replaces (a look-alike table may pair С with c).
                    c = c.upper() if ch.isupper() else c.lower() if ch.islower() else c
                    if c != ch:
                        table[script][ch] = c
    return table


if __name__ == "__main__":  # pragma: no cover
    for name, letters in from_library().items():
        print(f'    "{name}": {letters!r},')
