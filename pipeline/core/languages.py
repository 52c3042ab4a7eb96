"""Language codes, checked against Babel's CLDR data.

Pseudo-locales (``qps``, ``ar-pseudo``) are accepted so editors can preview
layout before translators start; they borrow the data of English / Arabic.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from typing import TYPE_CHECKING

from pipeline.core.errors import TamizdatError

if TYPE_CHECKING:  # pragma: no cover
    from babel import Locale

# Babel is imported when a code is first looked up, not with this module: most commands (check, extract,
# render of a known project) never ask, and importing it costs a run about 40 ms.

PSEUDO = {"qps": "en", "ar-pseudo": "ar"}


@lru_cache(maxsize=None)
def _known() -> tuple[str, ...]:
    from babel.localedata import locale_identifiers

    return tuple(sorted(locale_identifiers()))


@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    from babel import Locale

    return Locale.parse(PSEUDO.get(code, code).replace("-", "_"))


def validate(code: str, path: str | None = None, line: int | None = None) -> str:
    """Return ``code`` if CLDR knows it (``pt-BR`` and ``pt_BR`` both work); else raise naming close codes."""
    from babel import UnknownLocaleError

    if code in PSEUDO:
        return code
    try:
        _locale(code)
        return code
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    close = difflib.get_close_matches(code.replace("-", "_"), _known(), n=4, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise TamizdatError(f"unknown language code {code!r}{hint}", path, line)


def is_pseudo(code: str) -> bool:
    return code in PSEUDO


def native_name(code: str) -> str:
    """The language's name in itself, capitalised as in a menu ("Русский", "Deutsch", "français" → "Français")."""
    if code in PSEUDO:
        return {"qps": "Pseudo", "ar-pseudo": "Pseudo RTL"}[code]
    name = _locale(code).get_display_name(_locale(code)) or code
    return name[:1].upper() + name[1:]


def name_in(code: str, lang: str) -> str:
    """The name of language ``code`` as a sentence in ``lang`` writes it ("français", "Deutsch")."""
    if code in PSEUDO:
        return native_name(code)
    return _locale(code).get_display_name(_locale(lang)) or code


def is_rtl(code: str) -> bool:
    return _locale(code).character_order == "right-to-left"


def html_lang(code: str) -> str:
    """BCP 47 form for HTML ``lang``/``hreflang`` attributes (``pt_BR`` → ``pt-BR``)."""
    return code.replace("_", "-")


def plural_forms(code: str) -> str:
    """The Plural-Forms header value from CLDR, e.g. ``nplurals=2; plural=(n != 1);``."""
    from babel.messages.plurals import get_plural

    return str(get_plural(_locale(code)))
