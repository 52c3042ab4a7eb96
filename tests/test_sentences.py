"""``segmentation = "sentence"``: one catalogue entry per sentence, and nothing lost when a project switches."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_sample, run_cli
from pipeline.catalog import pofile
from pipeline.core.sentences import join, split, split_with_gaps

SLUG = "azat-miftakhov-caste"


def test_sentences_end_where_a_reader_sees_an_end():
    assert split("А. С. Пушкин родился в 1799 г. в Москве. Он писал стихи.") == [
        "А. С. Пушкин родился в 1799 г. в Москве.", "Он писал стихи."]
    assert split("Mr. Smith met Dr. Jones. They talked.") == ["Mr. Smith met Dr. Jones.", "They talked."]
    assert split("Am 18. Januar 2021 verurteilte ihn das Gericht. Später nicht.") == [
        "Am 18. Januar 2021 verurteilte ihn das Gericht.", "Später nicht."]
    assert split("«Мы не сдадимся!» — сказал он. Суд продолжился.") == [
        "«Мы не сдадимся!» — сказал он.", "Суд продолжился."]
    # A sentence never splits a link, and joining gives the text back with its own spacing.
    text = "See <a1>the report. It is long</a1>.\u00a0Then write."
    sentences, gaps = split_with_gaps(text)
    assert sentences == ["See <a1>the report. It is long</a1>.", "Then write."]
    assert join(sentences, gaps) == text


def test_abbreviations_initials_lists_and_lower_case_continuations_do_not_end_a_sentence():
    # Cases from bench/sentence_quality.py's development data (UD treebanks, pySBD's golden rules).
    assert split("Ещё в XIX в. её использовали. Л.Н. Толстой писал.") == [
        "Ещё в XIX в. её использовали.", "Л.Н. Толстой писал."]
    assert split("Я народився у м. Харків. Нині я мешкаю на вул. Сводоби 12, кв. 0.") == [
        "Я народився у м. Харків.", "Нині я мешкаю на вул. Сводоби 12, кв. 0."]
    assert split("Wir brauchen z. B. Wasser. „Und auch keine Lust.“ Wir gehen.") == [
        "Wir brauchen z. B. Wasser.", "„Und auch keine Lust.“", "Wir gehen."]
    assert split("• 3. Seien Sie achtsam! • 4. Nehmen Sie Fisch!") == ["• 3. Seien Sie achtsam!", "• 4. Nehmen Sie Fisch!"]
    assert split("She works at Yahoo! in the accounting department. I live in the U.S. for now.") == [
        "She works at Yahoo! in the accounting department.", "I live in the U.S. for now."]
    assert split("Let's ask Jane and co. They should know.") == ["Let's ask Jane and co.", "They should know."]
    # A sentence may begin with a link; one never ends inside it.
    assert split("Read this. <a1>The report. It is long</a1> and sad.") == [
        "Read this.", "<a1>The report. It is long</a1> and sad."]


def test_boundaries_on_public_treebank_text_stay_as_measured():
    # bench/sentence_quality.py's data: Universal Dependencies paragraphs in five languages, gold boundaries.
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import sentence_quality as bench

    for lang in bench.LANGS:
        right, given, gold = bench.score(bench.ours, lang, bench.paragraphs(bench.DATA / "ud" / f"{lang}.txt"))
        assert gold >= 19 and right / given >= 0.97 and right / gold >= 0.85, (lang, right, given, gold)


def _set_segmentation(project: Path, mode: str | None) -> None:
    cfg = project / "pyproject.toml"
    text = re.sub(r'\nsegmentation = "\w+"', "", cfg.read_text(encoding="utf-8"))
    if mode:
        text = text.replace("[tool.tamizdat]\n", f'[tool.tamizdat]\nsegmentation = "{mode}"\n', 1)
    cfg.write_text(text, encoding="utf-8")


def _entries(path: Path) -> dict[str, tuple[str, bool]]:
    return {e.msgid: (e.msgstr, "fuzzy" in e.flags) for e in pofile.parse(path.read_bytes(), str(path))
            if e.msgid and not e.obsolete}


def test_extract_by_sentence_keeps_links_whole_and_legends_with_their_sentence(tmp_path: Path):
    out = tmp_path / "a.pot"
    proc = run_cli("extract", Path("articles") / f"{SLUG}.html", "-o", out, "--segmentation", "sentence")
    assert proc.returncode == 0, proc.stderr
    pot = pofile.parse(out.read_bytes(), str(out))
    msgids = [e.msgid for e in pot if e.msgid]
    assert "The sentence was later reduced by three months." in msgids
    told = next(e for e in pot if "<a1>told DOXA</a1>" in e.msgid)
    assert told.msgid.count("<a1>") == told.msgid.count("</a1>") == 1
    assert any(line.startswith("a1 = https://") for line in told.comment.split("\n"))
    for e in pot:
        for line in (e.comment or "").split("\n"):
            m = re.match(r"([a-z]+\d*) = ", line)
            if m:
                assert f"<{m.group(1)}" in e.msgid  # a legend only where its placeholder is
    paragraphs = run_cli("extract", Path("articles") / f"{SLUG}.html", "-o", tmp_path / "p.pot")
    assert paragraphs.returncode == 0
    assert len(msgids) > len([e for e in pofile.parse((tmp_path / "p.pot").read_bytes(), "p.pot") if e.msgid])


def test_switching_segmentation_back_and_forth_loses_nothing(tmp_path: Path):
    project = copy_sample(tmp_path / "project")
    assert run_cli("build", cwd=project).returncode == 0
    before = {lang: _entries(project / "locales" / lang / f"{SLUG}.po") for lang in ("ru", "de", "fr")}
    pages = {lang: (project / "site" / lang / f"{SLUG}.html").read_bytes() for lang in ("ru", "de", "fr")}

    _set_segmentation(project, "sentence")
    proc = run_cli("update", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "from sentences" in proc.stderr
    ru = _entries(project / "locales" / "ru" / f"{SLUG}.po")
    assert "The sentence was later reduced by three months." in ru
    assert all(msgstr and not fuzzy for msgstr, fuzzy in ru.values())  # every sentence kept its translation
    fr_text = (project / "locales" / "fr" / f"{SLUG}.po").read_text(encoding="utf-8")
    for msgstr, _ in before["fr"].values():  # where French restructured a paragraph, it stays (fuzzy or obsolete)
        assert msgstr.split(" ")[0] in fr_text
    assert run_cli("build", cwd=project).returncode == 0
    for lang in ("ru", "de"):  # rendered sentence by sentence, the page is what the paragraphs gave
        assert (project / "site" / lang / f"{SLUG}.html").read_bytes() == pages[lang]

    _set_segmentation(project, None)
    proc = run_cli("update", cwd=project)
    assert proc.returncode == 0, proc.stderr
    for lang in ("ru", "de", "fr"):
        assert _entries(project / "locales" / lang / f"{SLUG}.po") == before[lang]
    assert run_cli("build", cwd=project).returncode == 0
    for lang in ("ru", "de", "fr"):
        assert (project / "site" / lang / f"{SLUG}.html").read_bytes() == pages[lang]


def test_a_block_with_an_untranslated_sentence_stays_in_the_source_language(tmp_path: Path):
    src = tmp_path / "a.html"
    src.write_text('<html lang="en"><head><title>T</title></head><body><p>First one. Second one.</p>'
                   '<p>Third one. Fourth one.</p></body></html>', encoding="utf-8")
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "First one."\nmsgstr "Erster."\n\nmsgid "Second one."\nmsgstr "Zweiter."\n\n'
                  'msgid "Third one."\nmsgstr "Dritter."\n', encoding="utf-8")
    out = tmp_path / "out.html"
    proc = run_cli("render", src, po, "-o", out)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<p>Erster. Zweiter.</p>" in html
    assert '<p lang="en">Third one. Fourth one.</p>' in html


def test_an_unknown_segmentation_is_a_one_line_error(tmp_path: Path):
    project = copy_sample(tmp_path / "project")
    _set_segmentation(project, "word")
    proc = run_cli("update", cwd=project)
    assert proc.returncode == 1
    assert 'segmentation must be "paragraph" or "sentence"' in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
