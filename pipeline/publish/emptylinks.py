"""A link with no text is never published: readers cannot see it, screen readers read its URL.

The seed's "you can learn from ." came from such a link. ``tamizdat check``
warns about it in every catalogue (check ``empty-link``); the page keeps the
text around it and drops the empty ``<a>``.
"""

from __future__ import annotations

from lxml import etree

from pipeline.segment.htmltext import remove_keep_tail


_VISIBLE = {"img", "svg", "picture", "video", "object", "embed", "iframe"}


def _empty(a: etree._Element) -> bool:
    if (a.text_content() or "").strip() or a.get("aria-label"):
        return False
    # An image, or an element named by aria-label, is something to see or hear.
    return not any(el.tag in _VISIBLE or el.get("aria-label") for el in a.iter() if isinstance(el.tag, str))


def drop_empty_links(root: etree._Element) -> int:
    """Remove every ``<a href>`` of the body that shows nothing; returns how many."""
    body = root.find("body")
    if body is None:
        return 0
    dropped = 0
    for a in list(body.iter("a")):
        if a.get("href") is not None and _empty(a):
            remove_keep_tail(a)
            dropped += 1
    return dropped
