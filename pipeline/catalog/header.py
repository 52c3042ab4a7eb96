"""The header of a catalogue, as msginit writes it and msgmerge updates it.

Its fields in msginit's order (a field we add goes where msginit would put it, since order matters to a
diff), the language's fields filled where missing or still the template's placeholders, what msgmerge
changes (the template's dates, a Language guessed from Language-Team, the standard fields first), the
header's lines written back as they were read where their values did not change, and the charset a
merged catalogue needs.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from babel.core import UnknownLocaleError

from pipeline.catalog.model import Catalog
from pipeline.core import languages
from pipeline.core.errors import TamizdatError

GENERATOR = "tamizdat"  # X-Generator of every catalogue we write

# Header fields in the order msginit writes them; used to place a field we add.
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def header_lang(lang: str) -> str:
    """gettext spells region subtags with an underscore (``pt_BR``)."""
    return lang.replace("-", "_")


def nplurals(po: Catalog, default: int = 2) -> int:
    pf = po.metadata.get("Plural-Forms", "")
    for part in pf.split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "nplurals":
            try:
                return max(1, int(value.strip()))
            except ValueError:
                break
    return default


def set_header(meta: dict, field: str, value: str) -> None:
    """Set ``field`` in place, or insert it where msginit would put it (order matters to a diff)."""
    if field in meta:
        meta[field] = value
        return
    items = list(meta.items())
    rank = HEADER_ORDER.index(field) if field in HEADER_ORDER else len(HEADER_ORDER)
    pos = len(items)
    for i, (k, _) in enumerate(items):
        if k in HEADER_ORDER and HEADER_ORDER.index(k) > rank:
            pos = i
            break
    items.insert(pos, (field, value))
    meta.clear()
    meta.update(items)


def english_name(lang: str) -> str:
    try:
        from babel import Locale

        return Locale.parse(languages.PSEUDO.get(lang, lang).replace("-", "_")).get_display_name("en") or lang
    except (ValueError, TypeError, UnknownLocaleError):  # unknown to Babel: the code itself is still a usable team name
        return lang


def _placeholder(meta: dict, field: str) -> bool:
    """Absent, or still the template's placeholder (a real value, even an odd one, is the translator's)."""
    value = meta.get(field)
    return value is None or "INTEGER" in value or "LANGUAGE" in value or "LL@li.org" in value


# msgmerge writes these header fields first, in this order, and every other field after them as it was.
KNOWN_FIELDS = HEADER_ORDER[:10]


def language_from_team(team: str) -> str:
    """msgmerge's guess of a missing Language from Language-Team ("German <de@li.org>" → ``de``): the code
    whose English name starts the field; empty when none does (the ``LANGUAGE`` placeholder)."""
    name = team.split("<")[0].strip()
    return _english_names().get(name.lower(), "") if name else ""


@functools.lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    from babel import Locale, localedata

    names: dict[str, str] = {}
    for code in sorted(localedata.locale_identifiers(), key=len):
        if "_" not in code:
            try:
                names.setdefault((Locale.parse(code).english_name or "").lower(), code)
            except (ValueError, UnknownLocaleError):
                continue
    return names


def _msgmerge_header(meta: dict, pot: Catalog | None) -> None:
    """What msgmerge does to a header: the template's Report-Msgid-Bugs-To and POT-Creation-Date, a missing
    Language guessed from Language-Team, and the standard fields first, in their standard order."""
    if pot is not None:
        for name in ("Report-Msgid-Bugs-To", "POT-Creation-Date"):
            if name in pot.metadata:
                meta[name] = pot.metadata[name]
    if "Language" not in meta and "Language-Team" in meta:
        meta["Language"] = language_from_team(meta["Language-Team"])
    items = [(k, meta[k]) for k in KNOWN_FIELDS if k in meta] + [(k, v) for k, v in meta.items()
                                                                 if k not in KNOWN_FIELDS]
    meta.clear()
    meta.update(items)


def update_header(po: Catalog, pot: Catalog | None, lang: str | None) -> None:
    """msgmerge's header changes (:func:`_msgmerge_header`); then, when the language is known, its fields
    where missing or still template placeholders. A catalogue with no header gets none, as with msgmerge.

    Values a translator or their editor set are kept, so an update does not
    fight Poedit over the header: Language only fills an empty field, and
    Plural-Forms from CLDR replaces a placeholder, or fills a missing one when
    the catalogue has plural entries (msgfmt needs it then).
    """
    meta = po.metadata
    if not meta:
        return
    _msgmerge_header(meta, pot)
    if not lang:
        return
    if not meta.get("Language", "").strip() or _placeholder(meta, "Language"):
        set_header(meta, "Language", header_lang(lang))
    if _placeholder(meta, "Language-Team"):
        set_header(meta, "Language-Team", english_name(lang))
    plural = any(e.msgid_plural for e in po) or (pot is not None and any(e.msgid_plural for e in pot))
    pf = meta.get("Plural-Forms")
    if (pf is not None and _placeholder(meta, "Plural-Forms")) or (plural and not (pf or "").strip()):
        try:
            set_header(meta, "Plural-Forms", languages.plural_forms(lang))
        except (ValueError, TypeError, UnknownLocaleError):  # a code Babel does not know: leave the field as it was
            pass


def header_lines_in_order(po: Catalog) -> None:
    """Lay the header out in the order of its fields now (msgmerge puts the standard fields first): each
    line as it was read while its value is unchanged, the changed and new ones written afresh."""
    saved = po.original_header
    if saved is None or saved.metadata == po.metadata and list(saved.metadata) == list(po.metadata):
        return
    lines: dict[str, str] = {}
    loose: list[str] = []  # lines that are not "Field: value"
    for line in saved.msgstr.split("\n")[:-1] if saved.msgstr.endswith("\n") else saved.msgstr.split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip()
        if sep and key:
            if key not in lines and saved.metadata.get(key) == po.metadata.get(key) == value.strip():
                lines[key] = line
        else:
            loose.append(line)
    text = "".join(lines.get(k, f"{k}: {v}") + "\n" for k, v in po.metadata.items())
    po.original_header = dataclasses.replace(saved, msgstr=text + "".join(f"{x}\n" for x in loose),
                                             metadata=dict(po.metadata))


def texts(po: Catalog):
    for e in po:
        yield from (e.msgid, e.msgid_plural or "", e.msgctxt or "", e.msgstr, e.tcomment or "", e.comment or "")
        yield from e.msgstr_plural.values()


def output_charset(out: Catalog, pot: Catalog, pot_ascii: bool | None = None) -> None:
    """UTF-8 instead of the old catalogue's charset when, as msgmerge does, the template brings non-ASCII
    text in another charset, or when that charset cannot hold the merged text (a KOI8-R catalogue and a
    template with "Überlauf")."""
    from pipeline.catalog.po.base import charset_of, python_codec

    charset = charset_of(out)
    if charset.upper().replace("-", "") == "UTF8" or "Content-Type" not in out.metadata:
        return
    if pot_ascii is None:
        pot_ascii = all(t.isascii() for t in texts(pot))
    convert = charset_of(pot).upper() != charset.upper() and not pot_ascii
    if not convert:
        try:
            codec = python_codec(charset, out.fpath or "<catalog>")
            for text in texts(out):
                text.encode(codec)
        except (UnicodeEncodeError, TamizdatError):
            convert = True
    if convert:
        content_type = out.metadata["Content-Type"]
        out.metadata["Content-Type"] = re.sub(r"charset=[^ \t\n;]*", "charset=UTF-8", content_type) \
            if "charset=" in content_type else f"{content_type}; charset=UTF-8"
        out.encoding = "utf-8"
