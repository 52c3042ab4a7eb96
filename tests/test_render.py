"""Skeleton + msgstr → HTML: faithful with no translation, safe with any translation."""

import re
from pathlib import Path

import lxml.html
import pytest

from pipeline.catalog.extract import segments_of
from pipeline.render import Translation, render
from pipeline.segment import Attr, Run

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "articles" / "azat-miftakhov-caste.html"

RICH = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rich &amp; page</title>
<meta name="description" content="About it"></head><body><article><h1>Title <em>here</em></h1>
<p>Text with <a href="https://example.org/a" title="Tip">a link</a>, <strong>bold <em>nested</em></strong>,
<br>a break, <img src="p.png" alt="Photo"> and <span translate="no">IK-17</span>.</p>
<ul><li>One</li><li><p>Two</p></li></ul><blockquote><p>Quote</p></blockquote>
<pre>  keep  this </pre><script>var s = "<b>x</b>";</script><p class="notranslate">Fixed</p></article></body></html>"""


def dom(html: str):
    """A comparable view of a document: (tag, attributes, whitespace-normalised text, tail) for every node."""
    root = lxml.html.document_fromstring(html)
    def norm(s: str | None) -> str:
        return re.sub(r"[ \t\n\r\f]+", " ", s or "").strip()

    return [(el.tag, dict(el.attrib), norm(el.text), norm(el.tail)) for el in root.iter()
            if isinstance(el.tag, str)]


def translate_all(html: bytes, fn, lang="de", **kw):
    _, seg = segments_of(html, "t.html")
    tr = {u.msgid: Translation(fn(u.msgid), 7) for u in seg.units}
    return render(seg, tr, source_lang="en", target_lang=lang, **kw)


def pseudo(msgid: str) -> str:
    # Change every text character, keep every placeholder and escape as it is.
    parts = re.split(r"(<[^<>]+>|&lt;|&amp;)", msgid)
    return "".join(p if p.startswith(("<", "&")) else p.swapcase().replace("a", "ä") for p in parts)


@pytest.mark.parametrize("source", [RICH.encode(), SAMPLE.read_bytes()], ids=["rich", "sample"])
def test_empty_catalogue_gives_back_the_source_document(source):
    _, seg = segments_of(source, "t.html")
    out = render(seg, {}, source_lang="en", target_lang="en").html
    assert dom(out) == dom(source.decode())


def test_untranslated_entries_keep_source_text_marked_with_its_language():
    _, seg = segments_of(RICH.encode(), "t.html")
    out = render(seg, {"One": Translation("Eins")}, source_lang="en", target_lang="de").html
    root = lxml.html.document_fromstring(out)
    assert root.get("lang") == "de"
    lis = root.findall(".//li")
    assert lis[0].text == "Eins" and lis[0].get("lang") is None
    assert lis[1].find("p").get("lang") == "en"


def test_pseudo_translation_changes_every_text_and_nothing_else():
    out = translate_all(RICH.encode(), pseudo).html
    before, after = dom(RICH), dom(out)
    assert [(t, {k: v for k, v in a.items() if k not in ("alt", "title", "content", "lang")}) for t, a, _, _ in after] \
        == [(t, {k: v for k, v in a.items() if k not in ("alt", "title", "content", "lang")}) for t, a, _, _ in before]
    _, seg_after = segments_of(out.encode(), "t.html")
    _, seg_before = segments_of(RICH.encode(), "t.html")
    assert [u.msgid for u in seg_after.units] == [pseudo(u.msgid) for u in seg_before.units]
    assert 'var s = "<b>x</b>";' in out and ">Fixed<" in out and ">IK-17<" in out
    assert "  keep  this " not in out and "  KEEP  THIS " in out


def test_translator_may_reorder_placeholders_and_links_keep_their_target():
    html = b'<html><body><p>See <a href="https://e.org/x">this</a> and <em>that</em>.</p></body></html>'
    out = translate_all(html, lambda m: "Siehe <em>das</em> und <a1>dies</a1>.").html
    assert '<p>Siehe <em>das</em> und <a href="https://e.org/x">dies</a>.</p>' in out


def test_rtl_language_gets_dir():
    out = translate_all(b"<html><body><p>Hi</p></body></html>", lambda m: "مرحبا", lang="ar").html
    root = lxml.html.document_fromstring(out)
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"


def test_output_declares_utf8_even_for_a_legacy_source():
    data = (ROOT / "tests" / "data" / "html" / "cp1251.html").read_bytes()
    _, seg = segments_of(data, "t.html")
    out = render(seg, {}, source_lang="ru", target_lang="ru").html
    assert '<meta charset="utf-8">' in out and "windows-1251" not in out


HOSTILE = [
    "<script>alert(1)</script>",
    "<a1 href=\"javascript:alert(1)\">x</a1> <em>y</em>",
    "<a1 onclick=alert(1)>x</a1><em>y</em>",
    "<a1>x</a1><em>y</em><img src=x onerror=alert(1)>",
    "<a1>x</a1><em>y</em><!-- --><script>alert(1)</script>",
    "<a1>x</a1><em>y</em><![CDATA[<script>alert(1)</script>]]>",
    "<a1>x</a1><em>y</em></p><script>alert(1)</script><p>",
    "<a1>x</a1><em>y</em><style>*{display:none}</style>",
    "<a1>x<a1>y</a1></a1><em>z</em>",
    "<a1>x</a1><em>y</em><iframe src=//evil>",
    "<A1>x</A1><em>y</em>",
    "<a1>x</a1><em>y</em><a2>z</a2>",
    "<a1>x</a1><em>y<a1>z</a1></em>",
    "<a1>x<em>y</a1></em>",
    "<a1>x</a1><em/>",
    "<a1>x</a1><em>y</em>&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a1>x</a1><em>y</em>&#60;script&#62;alert(1)&#60;/script&#62;",
    "<a1>x</a1><em>y</em><svg onload=alert(1)>",
    "<a1>x</a1><em>y</em><math><mi xlink:href=javascript:alert(1)>",
    "<a1>x</a1><em>y</em><?php evil ?>",
    "<a1\n>x</a1><em>y</em>",
    "<a1 >x</a1><em>y</em>",
    "<em>y</em>",
    "javascript:alert(1) <a1>x</a1><em>y</em>",
    "<a1>x</a1><em>y</em>\" onmouseover=\"alert(1)",
]


@pytest.mark.parametrize("msgstr", HOSTILE)
def test_hostile_translations_inject_nothing(msgstr):
    html = b'<html><head><title>T</title></head><body><p>Go <a href="https://e.org/safe">here</a> <em>now</em></p>' \
           b'<p><img src="p.png" alt="Photo"></p></body></html>'
    _, seg = segments_of(html, "t.html")
    tr = {u.msgid: Translation(msgstr, 3) for u in seg.units}
    result = render(seg, tr, source_lang="en", target_lang="de")
    root = lxml.html.document_fromstring(result.html)
    allowed = {("html", frozenset({"lang"})), ("head", frozenset()), ("title", frozenset()),
               ("title", frozenset({"lang"})), ("meta", frozenset({"charset"})), ("body", frozenset()),
               ("p", frozenset()), ("p", frozenset({"lang"})), ("a", frozenset({"href"})), ("em", frozenset()),
               ("img", frozenset({"src", "alt"}))}
    for el in root.iter():
        assert isinstance(el.tag, str), f"unexpected node {el!r}"
        assert (el.tag, frozenset(el.attrib)) in allowed, (el.tag, dict(el.attrib))
    assert [a.get("href") for a in root.iter("a")] == ["https://e.org/safe"]
    assert [i.get("src") for i in root.iter("img")] == ["p.png"]
    # A refused msgstr is reported with its PO line and the source text stays.
    if len(root.findall(".//a")) and root.find(".//a").text == "here":
        assert any(f.line == 3 for f in result.findings)


def test_refused_translation_is_reported_with_po_line_and_strict_makes_it_an_error():
    html = b"<html><body><p>Go <em>now</em></p></body></html>"
    _, seg = segments_of(html, "t.html")
    result = render(seg, {"Go <em>now</em>": Translation("Los <b>jetzt</b>", 42)}, source_lang="en",
                    target_lang="de", po_path="de.po")
    (f,) = result.findings
    assert (f.file, f.line, f.severity) == ("de.po", 42, "warning") and "<b>" in f.message
    assert "Go <em>now</em>" in result.html
    _, seg = segments_of(html, "t.html")
    strict = render(seg, {"Go <em>now</em>": Translation("Los", 42)}, source_lang="en", target_lang="de",
                    strict=True)
    assert strict.findings[0].severity == "error" and "missing" in strict.findings[0].message


def test_attribute_translation_is_plain_text():
    html = b'<html><body><p><img src="a.png" alt="Photo"></p></body></html>'
    out = translate_all(html, lambda m: 'Foto" onerror="alert(1)').html
    img = lxml.html.document_fromstring(out).find(".//img")
    assert img.get("alt") == 'Foto" onerror="alert(1)' and img.get("onerror") is None


def test_units_are_runs_or_attributes():
    """What render fills is exactly what extract offers translators: text runs and translatable attributes,
    in document order, nothing from script, translate="no" or notranslate."""
    _, seg = segments_of(RICH.encode(), "t.html")
    assert all(isinstance(u, (Run, Attr)) for u in seg.units)
    assert [u.msgid for u in seg.units] == [s.text for s in seg.segments()]
    attrs = [(u.name, u.msgid) for u in seg.units if isinstance(u, Attr)]
    assert attrs == [("content", "About it"), ("title", "Tip"), ("alt", "Photo")]
    texts = [u.msgid for u in seg.units if isinstance(u, Run)]
    assert "Rich &amp; page" in texts and "One" in texts and "Two" in texts and "Quote" in texts
    assert not any("var s" in t or "Fixed" in t for t in texts)
