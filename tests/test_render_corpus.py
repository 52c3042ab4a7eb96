"""Render keeps a document exactly: a corpus of tricky HTML (tables, forms, definition lists, ruby, bdi,
nested inline, comments, character references, pre, SVG/MathML, legacy and XHTML pages) goes through
extract and render with an empty catalogue and with a pseudo translation."""

import re
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from pipeline.catalog.extract import segments_of
from pipeline.segment.htmltext import decode_document
from pipeline.render import Translation, render

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "data" / "html" / "tricky").glob("*.html"))
_ATTR = re.compile(r"""[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


class _StartTags(HTMLParser):
    """The attributes of every start tag as the document spells them (the standard library's tokenizer)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text()[1 + len(tag):-1].rstrip("/")
        if attrs and tag not in ("html", "meta"):  # render sets the page's language and charset
            self.tags.append((tag, _ATTR.findall(raw)))

    handle_startendtag = handle_starttag


def spelled_attributes(html: str) -> list[tuple[str, list[str]]]:
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.tags


def nodes(html: str, text: bool = True) -> list:
    """Every element (tag, attributes, text, tail) and comment; ``text=False``: only the structure, comments
    in any place (a translation moves a comment inside a translated block to its start)."""
    root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    def norm(s):
        return re.sub(r"[ \t\n\r\f]+", " ", s or "").strip()

    out, comments = [], []
    for el in root.iter():
        if el.tag is etree.Comment:
            comments.append(el.text)
        elif isinstance(el.tag, str):
            attrs = {k: v for k, v in el.attrib.items() if k not in ("lang", "dir")}
            if el.tag == "meta" and ("charset" in attrs or attrs.get("http-equiv", "").lower() == "content-type"):
                continue  # render always declares UTF-8, adding the element if the source had none
            out.append((el.tag, attrs, norm(el.text), norm(el.tail)) if text else (el.tag, sorted(attrs)))
    return out + (comments if text else sorted(comments))


def pseudo(msgid: str) -> str:
    parts = re.split(r"(<[^<>]+>|&lt;|&amp;)", msgid)
    return "".join(p if p.startswith(("<", "&")) else p.swapcase().replace("a", "ä") for p in parts)


def rendered(data: bytes, fn=None, lang: str = "en") -> str:
    _, seg = segments_of(data, "t.html")
    translations = {} if fn is None else {u.msgid: Translation(fn(u.msgid), 1) for u in seg.units}
    return render(seg, translations, source_lang="en", target_lang=lang).html


def test_the_corpus_is_there():
    assert len(CORPUS) >= 35


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_empty_catalogue_gives_back_the_same_document_and_the_same_attribute_bytes(path):
    data = path.read_bytes()
    out = rendered(data)
    source = decode_document(data)
    assert nodes(out) == nodes(source)
    assert spelled_attributes(out) == spelled_attributes(source)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_pseudo_translation_keeps_every_element_attribute_and_comment(path):
    data = path.read_bytes()
    out = rendered(data, pseudo, lang="de")
    assert nodes(out, text=False) == nodes(decode_document(data), text=False)


LINKS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Links</title>
<link rel="canonical" href="https://example.org/статья?id=1&amp;x=2"></head><body>
<p>See <a href="files/a b.html" title="A &quot;file&quot;">the file</a>, <a href='/статья?q=x y&amp;p=2#часть'>the
article</a>, <a href="caf&#233;.html?a=1&b=2">the caf&eacute;</a> and <a href=plain.html>this</a>.</p>
<p><img src="images/фото 1.jpg" srcset="images/фото 1.jpg 1x, images/фото@2x.jpg 2x" alt="Photo"></p>
</body></html>"""


def test_link_targets_are_byte_identical_in_a_translated_page():
    out = rendered(LINKS.encode(), lambda m: pseudo(m), lang="de")
    for spelled in ['href="https://example.org/статья?id=1&amp;x=2"', 'href="files/a b.html"',
                    "href='/статья?q=x y&amp;p=2#часть'", 'href="caf&#233;.html?a=1&b=2"', "href=plain.html",
                    'src="images/фото 1.jpg"', 'srcset="images/фото 1.jpg 1x, images/фото@2x.jpg 2x"']:
        assert spelled in out
    assert "%20" not in out and "%D1" not in out
    # A translated attribute is new text, escaped; the source's spelling of it is gone.
    assert """title='ä "FILE"'""" in out


def test_only_a_real_charset_declaration_decides_the_encoding():
    data = ('<html><head><meta charset="UTF-8" data-charset="windows-1252"><title>T</title></head>'
            "<body><p>Café — “quotes”</p></body></html>").encode()
    _, seg = segments_of(data, "t.html")
    assert [u.msgid for u in seg.units] == ["T", "Café — “quotes”"]
    fake = '<html><head><meta data-charset="koi8-r"></head><body><p>Café</p></body></html>'.encode()
    assert [u.msgid for u in segments_of(fake, "t.html")[1].units] == ["Café"]


def test_table_summary_header_abbreviation_site_name_and_buttons_are_extracted_and_translated():
    data = b"""<html><head><title>T</title><meta property="og:site_name" content="Tamizdat"></head><body>
<table summary="Sentences by region"><tr><th abbr="Reg.">Region</th></tr></table>
<form><input type="submit" value="Send"><input type="text" name="q" value="data"></form></body></html>"""
    _, seg = segments_of(data, "t.html")
    assert [u.msgid for u in seg.units] == ["T", "Tamizdat", "Sentences by region", "Reg.", "Region", "Send"]
    root = lxml.html.document_fromstring(rendered(data, str.upper, lang="de"))
    assert root.find(".//table").get("summary") == "SENTENCES BY REGION"
    assert root.find(".//th").get("abbr") == "REG."
    assert root.find(".//meta[@property='og:site_name']").get("content") == "TAMIZDAT"
    assert [i.get("value") for i in root.iter("input")] == ["SEND", "data"]


def test_comments_inside_a_translated_block_are_kept_before_its_text():
    data = b"<html><body><p><!-- a -->A paragraph<!-- b -->. <em>x<!-- c -->y</em></p></body></html>"
    out = rendered(data, lambda m: "Un paragraphe. <em>xy</em>", lang="fr")
    assert "<p><!-- a --><!-- b --><!-- c -->Un paragraphe. <em>xy</em></p>" in out
