"""HTML → segments: what translators see as msgids."""

import pytest

from pipeline.catalog.extract import build_pot, segments_of
from pipeline.core.errors import TamizdatError


def msgids(html: str | bytes) -> list[str]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return [u.msgid for u in segments_of(data, "t.html")[1].units]


def segs(html: str):
    return segments_of(html.encode("utf-8"), "t.html")[1].segments()


def doc(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_every_text_block_is_one_entry():
    html = doc("<h1>Title</h1><p>Para</p><ul><li>One</li></ul><dl><dt>T</dt><dd>D</dd></dl>"
               "<table><caption>Cap</caption><tr><th>H</th><td>C</td></tr></table>"
               "<figure><figcaption>Fig</figcaption></figure><blockquote>Quote</blockquote>"
               "<details><summary>Sum</summary></details><form><label>Lab</label>"
               "<select><option>Opt</option></select></form>", "<title>Page</title>")
    assert msgids(html) == ["Page", "Title", "Para", "One", "T", "D", "Cap", "H", "C", "Fig", "Quote", "Sum",
                            "Lab", "Opt"]


def test_nested_blocks_give_the_inner_block_and_loose_text():
    assert msgids(doc("<ul><li><p>Inner</p></li><li>Loose <ul><li>Nested</li></ul></li></ul>")) == [
        "Inner", "Loose", "Nested"]


def test_inline_elements_become_attribute_less_placeholders():
    ids = msgids(doc('<p>A <a href="https://x.org/1" class="c">link</a>, <em class="e">em</em>, '
                     '<strong>s</strong> and <a href="/2">two</a>.<br>Next <img src="i.png" alt="pic"></p>'))
    assert "A <a1>link</a1>, <em>em</em>, <strong>s</strong> and <a2>two</a2>.<br/>Next <img/>" in ids
    assert "pic" in ids


def test_repeated_names_are_numbered_and_legend_names_link_targets():
    (seg,) = [s for s in segs(doc('<p><em>a</em> <em>b</em> <a href="https://e.org/x">c</a></p>'))
              if s.kind == "text"]
    assert seg.text == "<em1>a</em1> <em2>b</em2> <a1>c</a1>"
    assert "a1 = https://e.org/x" in seg.comments


def test_literal_angle_bracket_and_ampersand_are_escaped():
    assert msgids(doc("<p>1 &lt; 2 &amp;&amp; &lt;em&gt; is not a tag</p>")) == [
        "1 &lt; 2 &amp;&amp; &lt;em> is not a tag"]


def test_whitespace_collapsed_but_nbsp_kept_and_pre_preserved():
    ids = msgids(doc("<p>  many \n\t spaces <em> here </em> 5&nbsp;km  </p><pre>a  b\n  c</pre>"))
    assert ids == ["many spaces <em>here</em> 5\u00a0km", "a  b\n  c"]


def test_entities_decoded():
    assert msgids(doc("<p>caf&eacute; &#8212; &laquo;x&raquo;</p>")) == ["café — «x»"]


def test_never_extracted():
    html = doc("<script>var a='<p>x</p>'</script><style>p{}</style><template><p>T</p></template>"
               "<p translate='no'>No</p><div class='notranslate x'><p>No2</p></div><p>Yes</p>")
    assert msgids(html) == ["Yes"]


def test_translate_no_inline_is_an_opaque_placeholder():
    (seg,) = segs(doc("<p>Write to <span translate='no'>FKU IK-17</span> now</p>"))
    assert seg.text == "Write to <span/> now"
    assert any("FKU IK-17" in c for c in seg.comments)


def test_translatable_attributes_and_meta():
    ids = msgids(doc("<p title='Tip'>T</p><input placeholder='Name'><button aria-label='Close'>x</button>",
                     "<meta name='description' content='Desc'><meta property='og:title' content='OG'>"
                     "<meta name='robots' content='index'>"))
    assert {"Tip", "Name", "Close", "Desc", "OG"} <= set(ids)
    assert "index" not in ids


def test_translator_comments_and_its_loc_note():
    s = segs(doc("<!-- translators: keep the address in Russian --><p>Addr</p><p its-loc-note='Careful'>N</p>"))
    assert s[0].comments == ["translators: keep the address in Russian"]
    assert s[1].comments == ["Careful"]


def test_identical_texts_are_one_entry_with_references():
    data = doc("<h1>Same</h1>\n<p>Other</p>\n<p>Same</p>").encode()
    _, seg = segments_of(data, "a.html")
    po = build_pot([("a.html", seg.segments())], project_id="a", source_lang="en", creation_date="2026-01-01 00:00+0000")
    same = po.find("Same")
    assert len(same.occurrences) == 2
    assert len(po) == 2


@pytest.mark.parametrize("name,expected", [("cp1251.html", "Политзаключённый Азат Мифтахов\u00a0— математик."),
                                           ("koi8r.html", "Этап в колонию общего режима.")])
def test_legacy_encodings(name, expected):
    from pathlib import Path

    data = (Path(__file__).parent / "data" / "html" / name).read_bytes()
    assert expected in msgids(data)


def test_bom_utf16():
    data = "\ufeff<html><body><p>Привет</p></body></html>".encode("utf-16-le")
    assert msgids(data) == ["Привет"]


def test_undecodable_file_is_a_one_line_error_with_line():
    data = b"<html><head><meta charset='utf-8'></head>\n<body>\n<p>bad \xff byte</p></body></html>"
    with pytest.raises(TamizdatError) as err:
        msgids(data)
    assert err.value.line == 3 and "utf-8" in str(err.value) and "\n" not in str(err.value)
