"""GNU gettext 0.21's own msgmerge tests, run against ``tamizdat merge`` (see tests/gettext_suite.py).

Every applicable script passes, or is listed here with the reason we differ on purpose (docs/catalogues.md
lists the same). A listed script that starts passing fails this test too, so the list stays true.
"""

import os
import shutil

import pytest

import gettext_suite as suite

# script → why our output differs from the expected file (docs/catalogues.md, "GNU's own tests")
DELIBERATE = {
    "msgmerge-2": "our error message for the duplicate definition is one line `FILE:LINE: …` (msgmerge writes "
                  "two lines and a count); the file is refused all the same",
    "msgmerge-9": "as msgmerge-2",
    "msgmerge-11": "the expected header wrapping predates gettext 0.21: GNU msgmerge 0.21 fails this script too",
    "msgmerge-19": "fuzzy policy: an old entry whose msgid is still in the template is offered for a new msgid "
                   "only at >= 85 % similarity (bench/merge_quality.py); msgmerge takes it at 60 %",
    "msgmerge-20": "carry policy: a fuzzy suggestion takes the new source's changed placeholder where its old "
                   "translation holds the old one verbatim ($pid -> %1; pipeline/catalog/carry.py)",
    "msgmerge-23": "as msgmerge-20 (%n -> %1)",
    "msgmerge-compendium-1": "translation-memory policy: a compendium hit comes in fuzzy, with a "
                             "'# memory: FILE' note (memory_exact = \"translated\" trusts exact hits)",
    "msgmerge-compendium-2": "as msgmerge-compendium-1",
    "msgmerge-compendium-3": "as msgmerge-compendium-1",
    "msgmerge-compendium-4": "as msgmerge-compendium-1; and with no old catalogue (/dev/null) we write no header, "
                             "where msgmerge takes the compendium's",
    "msgmerge-compendium-5": "as msgmerge-compendium-1, and our fuzzy policy for memory matches",
    "msgmerge-compendium-6": "as msgmerge-compendium-1: the '# memory: FILE' note names the compendium file, "
                             "which the script varies between runs it compares",
}


def _suite_or_skip():
    if not suite.SUITE.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{suite.SUITE} is missing")
        pytest.skip("../shared/gettext-tests is not here")
    for tool in ("msgfmt", "msgconv", "msgcat", "msgcmp"):
        if shutil.which(tool) is None:
            if os.environ.get("CI") == "true":
                pytest.fail(f"GNU {tool} is missing")
            pytest.skip(f"GNU {tool} is not installed")


def _applicable():
    return [s.name for s in suite.scripts() if suite.applicable(s)] if suite.SUITE.is_dir() else ["(suite missing)"]


def test_most_scripts_are_applicable():
    _suite_or_skip()
    assert len(_applicable()) >= 34
    assert set(DELIBERATE) <= set(_applicable())


@pytest.mark.parametrize("name", _applicable())
def test_gnu_msgmerge_script(name, tmp_path):
    _suite_or_skip()
    script = suite.SUITE / name
    (tmp_path / name).write_bytes(script.read_bytes())
    result = suite.run(script, tmp_path)
    assert not result.msgfmt_failures, f"msgfmt -c fails on our output, not on the inputs: {result.msgfmt_failures}"
    if name in DELIBERATE:
        assert result.status == "fail", f"{name} passes now: take it off DELIBERATE and docs/catalogues.md"
    else:
        assert result.status == "pass", result.output
