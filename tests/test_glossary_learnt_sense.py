"""The learnt sense decision (pipeline/glossary/learnt_sense.py): an everyday-ambiguous glossary word whose sentence
reads as its everyday sense is a question naming the evidence, never silence; prison prose keeps its errors; a
model file that is missing or broken is one line naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import require, run_cli
from pipeline.checks import glossary_checks
from pipeline.checks.registry import Checked, Context
from pipeline.core.errors import TamizdatError
from pipeline.glossary import learnt_sense, load_glossary, wordnet
from pipeline.glossary.sense_features import NAMES

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"
BANK = ("The transfer reached my account on Monday, minus the bank's commission.",
        "Die Überweisung kam am Montag auf meinem Konto an, abzüglich der Provision der Bank.")
COLONY = ("His transfer to the colony in Perm took three weeks.",
          "Seine Reise in die Kolonie in Perm dauerte drei Wochen.")


@pytest.fixture(scope="module", autouse=True)
def _wordnet():
    require(wordnet.folder() is not None, "WordNet 3.0 (Debian wordnet-base) is not installed")


def _model(path: Path, weights: dict[str, float], lexicon: dict[str, float], threshold: float = 0.9) -> Path:
    """A model file in the trainer's format whose weights say what the test needs (values unscaled)."""
    path.write_text(json.dumps({
        "threshold": threshold, "bias": 0.0, "lexicon": lexicon,
        "features": {n: {"weight": weights.get(n, 0.0), "mean": 0.0, "scale": 1.0} for n in NAMES},
    }), encoding="utf-8")
    return path


def _findings(src: str, dst: str) -> list[tuple[str, str]]:
    glossary = load_glossary(GLOSSARY)
    return [(r[1], r[2]) for r in glossary_checks.check(Checked(src, dst), Context("de", glossary))
            if r[0] == "glossary-missing"]


@pytest.fixture
def everyday_banking(tmp_path, monkeypatch) -> Path:
    # the lexicon says banking words are everyday prose; another glossary concept says prison
    path = _model(tmp_path / "model.json", {"lexicon": -2.0, "other concepts": -6.0},
                  {"bank": -3.0, "account": -3.0, "commiss": -3.0})
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(path))
    return path


def test_a_bank_transfer_with_no_prison_cue_is_a_question_that_names_its_words(everyday_banking):
    [(severity, message)] = _findings(*BANK)
    assert severity == "warning"
    assert "reads as its everyday sense" in message and "“bank”" in message


def test_a_transfer_to_a_colony_with_a_wrong_rendering_stays_an_error(everyday_banking):
    [(severity, _message)] = _findings(*COLONY)
    assert severity == "error"


def test_the_bundled_model_keeps_prison_prose_an_error(monkeypatch):
    monkeypatch.delenv("TAMIZDAT_SENSE_MODEL", raising=False)
    assert learnt_sense.model_path() == learnt_sense.BUNDLED
    assert [s for s, _m in _findings(*COLONY)] == ["error"]
    src = "The colony commander refused his transfer to the hospital, and the roosters were made to clean the yard."
    dst = "Der Leiter der Kolonie verweigerte seine Verlegung ins Krankenhaus, und die Gockel mussten den Hof fegen."
    assert "error" in [s for s, _m in _findings(src, dst)]


def test_switched_off_the_hand_rules_decide_alone(monkeypatch):
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", "none")
    assert learnt_sense.model() is None
    assert [s for s, _m in _findings(*BANK)] == ["error"]


PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "{src}"
msgstr "{dst}"
'''


@pytest.mark.parametrize("content", [None, "{not json", '{"threshold": 0.9}'])
def test_a_missing_or_broken_model_file_is_one_line_naming_it(tmp_path, monkeypatch, content):
    po = tmp_path / "de.po"
    po.write_text(PO.format(src=BANK[0], dst=BANK[1]), encoding="utf-8")
    model = tmp_path / "sense.json"
    if content is not None:
        model.write_text(content, encoding="utf-8")
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(model))
    r = run_cli("check", po, "--glossary", GLOSSARY, cwd=tmp_path)
    assert r.returncode != 0 and not r.stdout.strip(), r.stdout + r.stderr  # (no report that reads as complete)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip() and not ln.startswith("note:")]
    assert len(lines) == 1 and lines[0].startswith(f"tamizdat: error: {model}: "), r.stderr


def test_the_costly_features_are_skipped_only_where_no_values_of_them_could_reach_the_threshold(monkeypatch):
    """The check stops reading features where even the most everyday values of the rest stay below the threshold
    (learnt_sense.Model.reachable); on every labelled message of heldout13 and heldout14 the decision is the one the
    whole vector gives, and most of them stop early."""
    import csv

    from pipeline.glossary import sense_features
    from pipeline.glossary.source_reading import read_source

    monkeypatch.delenv("TAMIZDAT_SENSE_MODEL", raising=False)
    glossary, model = load_glossary(GLOSSARY), learnt_sense.model()
    assert model is not None
    decided = skipped = 0
    for part in ("heldout13", "heldout14"):
        with open(ROOT / "tests" / "data" / "glossary" / f"pairs-{part}.tsv", encoding="utf-8") as f:
            sources = {row[3] for row in csv.reader(f, delimiter="\t") if len(row) > 4 and not row[0].startswith("#")}
        for src in sorted(sources):
            source = read_source(glossary, src)
            for cid, hs in source.occurrences.items():
                if not all(sense_features.ambiguous(glossary, h) for h in hs):
                    continue
                args = (glossary, src, hs, source.hits, len(source.occurrences) - 1, bool(source.fits.get(cid)),
                        model.lexicon)
                whole = sense_features.features(*args)
                assert whole is not None
                early = sense_features.features(*args, model.reachable)
                decided += 1
                if early is None:
                    skipped += 1
                    assert model.probability(whole[0]) < model.threshold
                else:
                    assert early == whole
    assert decided > 50 and skipped > decided / 2


def test_a_learnt_question_read_for_one_translation_is_the_whole_readings_for_the_next(tmp_path, monkeypatch):
    # (a translation's findings ask the learnt decision only of their own concepts: source_reading.complete_source)
    from pipeline.glossary.source_reading import read_source

    # the lexicon says banking words are everyday prose; a name beside them says nothing
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(_model(tmp_path / "model.json", {"lexicon": -2.0},
                                                          {"bank": -3.0, "account": -3.0, "commiss": -3.0})))

    src = "The transfer from Miftakhov reached my account on Monday, minus the bank's commission."
    ru = "Деньги от Мифтахова пришли на мой счёт в понедельник, за вычетом комиссии банка."
    later = load_glossary(GLOSSARY)
    first = glossary_checks.check(Checked(src, "Die Überstellung von Miftakow kam am Montag auf meinem Konto an, "
                                               "abzüglich der Provision der Bank."), Context("de", later))
    assert [p.check for p in first] == ["proper-name"]
    full = load_glossary(GLOSSARY)
    read_source(full, src)  # (read whole at once)
    expected = glossary_checks.check(Checked(src, ru), Context("ru", full))
    assert [(p.check, p.severity) for p in expected] == [("glossary-missing", "warning")]
    assert "reads as its everyday sense" in expected[0].message
    assert glossary_checks.check(Checked(src, ru), Context("ru", later)) == expected


# Model forms (bench/sense_fit.py FORMS): a model file names its form; each is one sum of log-odds that the check's
# early stop bounds as it bounds the logistic form's.
WIRE = ("The transfer took two days and cost us a fortune.", "Die Überweisung dauerte zwei Tage und kostete uns ein Vermögen.")


def _form_model(path: Path, form: str, extra: dict, weights: dict[str, float] | None = None,
                means: dict[str, float] | None = None, threshold: float = 0.9) -> Path:
    _model(path, weights or {}, {}, threshold)
    data = json.loads(path.read_text(encoding="utf-8"))
    for name, m in (means or {}).items():
        data["features"][name]["mean"] = m
    data.update(form=form, **extra)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("prior, severity", [(6.0, "warning"), (-6.0, "error")])
def test_a_concepts_own_prior_decides_a_sentence_that_says_nothing_either_way(tmp_path, monkeypatch, prior, severity):
    """Form ``concept``: with every feature weightless, the concept's own prior is the whole decision — a concept
    whose uses are mostly everyday makes a silent sentence a question, one whose uses are prison's keeps it an
    error."""
    path = _form_model(tmp_path / "m.json", "concept", {"concepts": {"etap": prior}, "concept default": -6.0})
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(path))
    [(got, message)] = _findings(*WIRE)
    assert got == severity
    assert got == "error" or "the word is mostly everyday in the labelled prose" in message


def test_a_product_with_the_article_turns_the_words_lean_round(tmp_path):
    """Form ``interactions``: a product of the article's prison share and the sentence's lexicon lets everyday
    words weigh toward the everyday sense in an everyday article and not in a prison one, which no single weight
    can; the early stop bounds the product exactly (never stops where the whole vector reaches the threshold)."""
    pair = {"of": ["article prison", "lexicon"], "weight": 2.0, "mean": 0.0, "scale": 1.0}
    path = _form_model(tmp_path / "m.json", "interactions", {"pairs": [pair]}, means={"article prison": 0.5},
                       threshold=0.5)
    m = learnt_sense.load(path)
    everyday_words = [0.0] * len(NAMES)
    everyday_words[NAMES.index("lexicon")] = -3.0
    in_prison = list(everyday_words)
    in_prison[NAMES.index("article prison")] = 1.0
    assert m.probability(everyday_words) > 0.9 > 0.1 > m.probability(in_prison)
    for x in (everyday_words, in_prison):
        reaches = m.probability(x) >= m.threshold
        assert all(m.reachable(x, k) for k in range(1, 6)) if reaches else not m.reachable(x, 5)


def test_a_model_file_of_a_form_this_version_does_not_read_is_refused(tmp_path):
    path = _form_model(tmp_path / "m.json", "forest", {})
    with pytest.raises(TamizdatError, match="form this version does not read: forest"):
        learnt_sense.load(path)
    pair = {"of": ["lexicon", "plural"], "weight": 1.0, "mean": 0.0, "scale": 1.0}
    with pytest.raises(TamizdatError, match="product this version cannot read: lexicon x plural"):
        learnt_sense.load(_form_model(tmp_path / "p.json", "interactions", {"pairs": [pair]}))


VANS = ("Police vans will be parked outside the stadium before the derby.",
        "Vor dem Derby werden Polizeiwagen vor dem Stadion stehen.")
PRISON_VAN = ("A prison van will be parked outside the stadium before the derby.",
              "Vor dem Derby wird ein Polizeiwagen vor dem Stadion stehen.")


@pytest.mark.parametrize("learnt, severities", [(["avtozak|polic van"], ["warning", "error"]), ([], ["error", "error"])])
def test_a_variant_the_labelled_prose_shows_in_an_everyday_sense_is_asked_though_wordnet_gives_it_none(
        tmp_path, monkeypatch, learnt, severities):
    """WordNet glosses a *police van* with penal words, so only the model file's learnt ambiguity (the variants the
    training sets show in an everyday sense: bench/sense_fit.learnt_ambiguity) has the decision asked about it; the
    concept's other variants (*prison van*) are not, and the word is then no prison cue of its article either."""
    from pipeline.glossary.document import summary

    path = _form_model(tmp_path / "m.json", "concept", {"concepts": {"avtozak": 6.0}, "concept default": -6.0,
                                                        "ambiguous": learnt})
    monkeypatch.setenv("TAMIZDAT_SENSE_MODEL", str(path))
    assert [[s for s, _m in _findings(*pair)] for pair in (VANS, PRISON_VAN)] == [[s] for s in severities]
    glossary = load_glossary(GLOSSARY)
    assert summary(glossary, None, VANS[0]).concepts == (frozenset() if learnt else {"avtozak"})
