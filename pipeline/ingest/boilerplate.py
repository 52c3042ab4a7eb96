"""What is never article text: menus, sidebars, share buttons, comment forms, hidden parts."""

from __future__ import annotations

import re
from collections import Counter

from bs4 import Tag

from pipeline.ingest.dom import (SKIP_STRINGS, attr, class_words, count_words, embedded_post, in_running_text,
                                node_text, tags_of)

# Whole elements that are never article text.
DROP_TAGS = {
    "script": "scripts", "style": "scripts", "noscript": "scripts", "template": "scripts",
    "link": "scripts", "meta": "scripts",
    "form": "forms", "button": "forms", "input": "forms", "select": "forms", "textarea": "forms",
    "fieldset": "forms", "label": "forms",
    "nav": "menus", "aside": "sidebars", "footer": "footers", "header": "headers",
    "iframe": "embeds", "object": "embeds", "embed": "embeds", "svg": "embeds", "canvas": "embeds",
    "video": "embeds", "audio": "embeds",
}
ROLE_DROP = {"navigation": "menus", "complementary": "sidebars", "search": "forms", "banner": "headers",
             "contentinfo": "footers", "form": "forms"}

# Words of class/id values (split at '-', '_' and spaces) that mark boilerplate.
CLASS_WORDS = {
    "menu": "menus", "menus": "menus", "nav": "menus", "navigation": "menus", "navbar": "menus",
    "breadcrumb": "menus", "breadcrumbs": "menus", "pager": "menus", "pagination": "menus",
    "skip": "skip links", "invisible": "skip links", "focusable": "skip links",
    "switcher": "language switchers", "langues": "language switchers", "languages": "language switchers",
    "sidebar": "sidebars", "widget": "sidebars", "widgets": "sidebars", "xoxo": "sidebars",
    "related": "sidebars", "relatedposts": "sidebars", "popular": "sidebars",
    "share": "share buttons", "sharing": "share buttons", "sharedaddy": "share buttons",
    "social": "share buttons", "addtoany": "share buttons", "a2a": "share buttons", "partage": "share buttons",
    "likes": "share buttons", "print": "share buttons",
    "comment": "comments", "comments": "comments", "respond": "comments", "reagir": "comments",
    "captcha": "comments", "disqus": "comments",
    "footer": "footers", "pied": "footers", "colophon": "footers", "copyright": "footers",
    "header": "headers", "masthead": "headers", "branding": "headers",
    "tags": "tags", "taxonomy": "tags", "taxonomies": "tags", "categories": "tags",
    "utility": "tags",
    "meta": "metadata", "submitted": "metadata", "byline": "metadata", "author": "metadata",
    "posted": "metadata", "dateline": "metadata",
    "newsletter": "ads", "subscribe": "ads", "advert": "ads", "advertisement": "ads", "banner": "ads",
    "promo": "ads", "donate": "ads", "rating": "ads", "counter": "ads",
    "offscreen": "hidden",
}
# Ambiguous words, boilerplate only as a whole class value ("path" but not "path-node").
CLASS_TOKENS = {"screen-reader-text": "skip links", "sr-only": "skip links", "visually-hidden": "skip links",
                "element-hidden": "hidden", "rdf-meta": "hidden", "hidden": "hidden", "is-hidden": "hidden",
                "path": "menus", "fil": "menus", "links": "tags", "nav-links": "menus"}
# Classes CMSs derive from the post's own taxonomy or type ("tag-social", "category-share"):
# they describe the article, not the box it sits in.
CLASS_PREFIXES_IGNORED = ("tag-", "category-", "format-", "status-", "type-", "postid-", "page-", "node-",
                          "path-", "i18n-", "section-", "field-label-", "field--label-")


def boilerplate_reason(tag: Tag) -> str | None:
    """Why ``tag`` is boilerplate, or None if it may hold article text."""
    if tag.name in DROP_TAGS:
        return DROP_TAGS[tag.name]
    role = attr(tag, "role").lower()
    if role in ROLE_DROP:
        return ROLE_DROP[role]
    if tag.has_attr("hidden") or (tag.get("aria-hidden") == "true" and not tag.find("img")):
        return "hidden"
    style = tag.get("style")
    if isinstance(style, str) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style):
        return "hidden"
    if embedded_post(tag):
        return None
    for token in class_words(tag):
        low = token.lower()
        if low in CLASS_TOKENS:
            return CLASS_TOKENS[low]
        if low.startswith(CLASS_PREFIXES_IGNORED):
            continue
        for word in re.split(r"[-_\s]+", low):
            if word in CLASS_WORDS:
                return CLASS_WORDS[word]
    return None


# Reasons a class gives that describe a phrase as well as a box: inside a sentence the phrase is the
# sentence's ("<p><span class="dateline">CAIRO —</span> Gunmen opened fire …").
RUNNING_TEXT_REASONS = {"metadata"}


def inside_boilerplate(tag: Tag) -> bool:
    return any(boilerplate_reason(p) for p in tag.parents
               if isinstance(p, Tag) and p.name not in ("html", "body", "[document]"))


# A "sidebar" holding more than this share of the article's words, and of its paragraphs' words, is a
# layout column.
LAYOUT_SHARE = 0.5


def _paragraph_words(tag: Tag) -> int:
    return sum(count_words(node_text(p)) for p in tags_of(tag, ("p",)))


def drop_boilerplate(root: Tag, dropped: Counter) -> int:
    """Remove boilerplate under ``root``; returns the number of words removed."""
    words = 0
    root_words, root_text = _paragraph_words(root), count_words(node_text(root))
    for tag in list(root.find_all(True)):
        if tag.decomposed or tag.parent is None:
            continue
        reason = boilerplate_reason(tag)
        if reason == "sidebars" and tag.name not in DROP_TAGS and _paragraph_words(tag) > LAYOUT_SHARE * root_words \
                and count_words(node_text(tag)) > LAYOUT_SHARE * root_text:
            # Most of the article, and of its paragraphs, in a "sidebar" element: a layout's column
            # ("l-sidebar-fixed l-article-body-segment", "content-with-sidebar-wrp"), not a sidebar (a list
            # of teasers has links and headlines, not paragraphs). What it holds is judged instead.
            continue
        if reason in ("share buttons", "sidebars") and tag.name not in DROP_TAGS:
            # A quoted post's wrapper is named like a share bar or a widget ("social-media-embed",
            # "article-widget"): the post stays in its place, the wrapper and its own controls go. (In an
            # <aside>, a footer or the comments a post goes with them.)
            for post in [b for b in tags_of(tag, ("blockquote",)) if embedded_post(b)]:
                tag.insert_before(post.extract())
        if reason and not (reason in RUNNING_TEXT_REASONS and in_running_text(tag)):
            words += count_words(node_text(tag))
            dropped[reason] += 1
            tag.decompose()
    for c in list(root.find_all(string=lambda s: isinstance(s, SKIP_STRINGS))):
        c.extract()
    return words
