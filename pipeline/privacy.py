"""Volunteers stay unnamed: a translator's name, e-mail or phone in a catalogue goes no further.

Poedit and Lokalize write the translator's real name and e-mail into
``Last-Translator`` and ``Language-Team``, and add ``# Name <e-mail>, YEAR.`` to
the header comment. Our volunteers may be at risk if named, and the
catalogues sit in a repository that may be public. So:

* nothing we publish (pages, review report, TMX, glossary exports) ever reads
  a catalogue's header or translator comments (tests hold every output to it);
* with ``[tool.tamizdat] translator_identity = "pseudonymous"`` (the default),
  ``update`` and ``build`` replace a header value that names a person with the
  project's ``team_name`` and drop header-comment lines carrying an e-mail;
  ``"keep"`` leaves them as the translators' tools wrote them;
* ``check`` warns about e-mail addresses and phone numbers in the header and
  in translator comments, without repeating them.
"""

from __future__ import annotations

import re

import polib

from pipeline.model import Finding

IDENTITY_CHOICES = ("pseudonymous", "keep")
DEFAULT_TEAM = "Tamizdat volunteers"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# 9 or more digits, optionally with +, spaces, dots, dashes or brackets between: a phone, not a date or a year.
PHONE = re.compile(r"(?<![\w-])\+?\(?\d(?:[\s().-]{0,2}\d){8,14}(?![\w-])")
_PLACEHOLDER_EMAILS = {"EMAIL@ADDRESS", "LL@li.org"}
_NOT_A_PERSON = {"", "automatically generated", "tamizdat pseudo", "full name <email@address>",
                 "language <ll@li.org>"}
_WHO = ("Last-Translator", "Language-Team")


def emails(text: str) -> list[str]:
    if not text or "@" not in text:
        return []  # (the common case, told without the regex's search of every position)
    return [m.group(0) for m in EMAIL.finditer(text) if m.group(0) not in _PLACEHOLDER_EMAILS]


_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


def phones(text: str) -> list[str]:
    """Phone numbers: 10-15 digits (international with +, or a domestic number), never a date."""
    found = []
    for m in PHONE.finditer(text or ""):
        digits = sum(c.isdigit() for c in m.group(0))
        if _DATE.search(m.group(0)) or not (10 <= digits <= 15 or m.group(0).startswith("+")):
            continue
        found.append(m.group(0))
    return found


def names_a_person(value: str, team: str, lang_name: str) -> bool:
    """True unless the header value is a placeholder, our own wording, the team or the language's name."""
    v = " ".join((value or "").split())
    return v.lower() not in _NOT_A_PERSON | {team.lower(), lang_name.lower(), f"{team} ({lang_name})".lower()}


def pseudonymize(po: polib.POFile, team: str, lang_name: str) -> None:
    """Replace header values that name a person with ``team``; drop header-comment lines with an e-mail."""
    from pipeline.catalog.header import set_header

    for key in _WHO:
        if key in po.metadata and names_a_person(po.metadata[key], team, lang_name):
            set_header(po.metadata, key, team)
    if po.header and emails(po.header):
        po.header = "\n".join(line for line in po.header.split("\n") if not emails(line))


def contact_findings(po: polib.POFile, path: str) -> list[Finding]:
    """Warnings for e-mail addresses and phone numbers in the header and translator comments (the
    finding says where, never what: the review report shows findings)."""
    found: list[Finding] = []

    def say(line: int, msgid: str, where: str, text: str) -> None:
        kinds = [k for k, hits in (("an e-mail address", emails(text)), ("a phone number", phones(text))) if hits]
        if kinds:
            found.append(Finding(path, line, msgid, "personal-data", "warning",
                                 f"{where} holds {' and '.join(kinds)}: volunteers may be at risk if named; "
                                 "remove it (translator_identity = \"pseudonymous\" does it for the header)"))

    say(1, "", "the header comment", po.header or "")
    for key, value in po.metadata.items():
        if not key.endswith("-Date"):
            say(1, "", f"the header field {key}", value)
    for entry in po:
        if entry.tcomment:
            say(getattr(entry, "linenum", 0) or 0, entry.msgid, "a translator comment", entry.tcomment)
    return found
