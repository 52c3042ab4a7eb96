"""Write: the imported article as the pipeline's source document, and what the import did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.core import languages

if TYPE_CHECKING:
    from pipeline.ingest import Imported


def render_document(imp: Imported) -> str:
    """The article as the pipeline's source document (metadata in <head>, body in <article>)."""
    from html import escape

    a = imp.article
    head = [
        '<meta charset="utf-8">',
        f"<title>{escape(a.title, quote=False)}</title>",
    ]
    if a.description:
        head.append(f'<meta name="description" content="{escape(a.description)}">')
    if a.author:
        head.append(f'<meta name="author" content="{escape(a.author)}">')
    if a.date:
        head.append(f'<meta name="date" content="{escape(a.date)}">')
    if a.source_url:
        head.append(f'<link rel="canonical" href="{escape(a.source_url)}">')
    body = "\n".join(imp.blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(languages.html_lang(a.lang))}">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n<article>\n"
        + f"<h1>{escape(a.title, quote=False)}</h1>\n"
        + body
        + "\n</article>\n</body>\n</html>\n"
    )


def summary(imp: Imported) -> list[str]:
    """Human-readable lines: what was kept and what was dropped."""
    k = imp.kept
    def counted(n: int, name: str) -> str:
        return f"{n} {name[:-1] if n == 1 else name}"

    kept_parts = [counted(k[name], name) for name in ("paragraphs", "headings", "lists", "quotes", "links", "images")
                  if k.get(name)]
    dropped_parts = [f"{n} {reason}" for reason, n in sorted(imp.dropped.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [
        f"found the article by {imp.method} (page encoding {imp.encoding})",
        f"kept: {', '.join(kept_parts) or 'nothing'} — {k.get('words', 0)} words",
        f"dropped: {imp.dropped_words} words around it"
        + (f" ({', '.join(dropped_parts)})" if dropped_parts else ""),
    ]
