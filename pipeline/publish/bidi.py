"""Left-to-right passages on right-to-left pages.

On an Arabic or Persian page, a passage left in the source language (an
untranslated entry, marked ``lang``) or kept as it is (``translate="no"``,
class ``notranslate``: an address, a name) would take the page's direction:
"Russia, Kirovskaya oblast" shows as ",Russia, Kirovskaya oblast". Such
passages get their own direction: ``dir="ltr"`` when their language is
written left to right, ``dir="auto"`` when kept as is (its first strong
letter decides).
"""

from __future__ import annotations

from lxml import etree

from pipeline.core import languages


def _is_rtl_lang(code: str) -> bool:
    try:
        return languages.is_rtl(code)
    except Exception:  # noqa: BLE001 - an unknown lang attribute in a source article: treat as left to right
        return False


def isolate_ltr_passages(root: etree._Element, lang: str) -> int:
    """Give each left-to-right passage of a right-to-left page its direction; returns how many."""
    if not _is_rtl_lang(lang):
        return 0
    body = root.find("body")
    if body is None:
        return 0
    marked = 0
    for el in body.iter():
        if not isinstance(el.tag, str) or el.get("dir"):
            continue
        code = el.get("lang")
        if code and not _is_rtl_lang(code):
            el.set("dir", "ltr")
            marked += 1
        elif el.get("translate") == "no" or "notranslate" in (el.get("class") or "").split():
            el.set("dir", "auto")
            marked += 1
    return marked
