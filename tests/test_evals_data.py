"""Loaders and adapters parse the published formats (tiny fixtures; real data when present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evals import emergent, fnc1, polnear
from assistant.evals.gold import load_gold
from tests.evals_support import FIXTURES, GOLD_FILE, data_folder


@pytest.fixture
def shared_data() -> Path:
    path = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


def test_gold_loader_reads_records_and_article_texts() -> None:
    articles = load_gold(GOLD_FILE)
    assert [a.id for a in articles] == ["port-strike", "bridge-closure"]
    port = articles[0]
    assert port.text.startswith("Dockworkers at the port of Westhaven")
    assert [c.status for c in port.record.claims] == ["confirmed", "denied", "unverified"]
    assert port.record.claims[1].sources[0].kind == "named_official"
    assert port.record.non_claims == ["Follow us on social media for more updates."]


def test_gold_loader_names_the_bad_line(tmp_path: Path) -> None:
    good = GOLD_FILE.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    record["claims"][0]["status"] = "probably"
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "port-strike.txt").write_text("text", encoding="utf-8")
    bad = tmp_path / "gold.jsonl"
    bad.write_text(good + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: claims\.0\.status"):
        load_gold(bad)


def test_gold_loader_rejects_missing_article(tmp_path: Path) -> None:
    line = GOLD_FILE.read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "gold.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read article"):
        load_gold(tmp_path / "gold.jsonl")


def test_fnc1_pairs_headlines_with_bodies_and_maps_labels(tmp_path: Path) -> None:
    pairs = fnc1.load(data_folder("fnc1", tmp_path))
    assert [p.expected for p in pairs] == ["confirmed", "denied", "unverified", "not_addressed"]
    assert pairs[1].claim == "Springfield dam has a crack"
    assert pairs[1].document.startswith("Officials in Springfield")
    assert '"There is no crack,"' in pairs[1].document
    assert len({p.id for p in pairs}) == 4


def test_fnc1_reports_missing_column(tmp_path: Path) -> None:
    (tmp_path / "train_bodies.csv").write_text("Body ID,text\n0,x\n", encoding="utf-8")
    (tmp_path / "train_stances.csv").write_text("Headline,Body ID,Stance\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        fnc1.load(tmp_path)


def test_fnc1_reports_unknown_stance(tmp_path: Path) -> None:
    (tmp_path / "train_bodies.csv").write_text("Body ID,articleBody\n0,x\n", encoding="utf-8")
    (tmp_path / "train_stances.csv").write_text(
        "Headline,Body ID,Stance\nh,0,maybe\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="unknown stance 'maybe'"):
        fnc1.load(tmp_path)


def test_emergent_maps_for_against_observing() -> None:
    pairs = emergent.load(FIXTURES / "emergent")
    assert [p.expected for p in pairs] == ["confirmed", "denied", "unverified"]
    assert pairs[0].claim == "Robot wins chess title"
    assert pairs[1].document == "Organisers deny robot won chess title"
    assert pairs[0].id == "emergent-0"


def test_polnear_reads_source_spans_of_the_first_annotator() -> None:
    articles = polnear.load(FIXTURES / "polnear")
    assert len(articles) == 1
    article = articles[0]
    assert article.id == "sample-article"
    assert [s.text for s in article.sources] == ["Senator Lee", "Officials"]
    for source in article.sources:
        start, end = source.fragments[0]
        assert article.text[start:end] == source.text


def test_brat_discontinuous_spans() -> None:
    spans = polnear.parse_ann("T1\tSource 0 3;10 14\tabc defg\nT2\tCue 4 8\tsaid\n", "x.ann")
    assert len(spans) == 1
    assert spans[0].fragments == ((0, 3), (10, 14))


def test_real_emergent_and_polnear_parse(shared_data: Path) -> None:
    pairs = emergent.load(shared_data / "emergent")
    assert len(pairs) == 2071
    assert sum(p.expected == "denied" for p in pairs) == 304
    articles = polnear.load(shared_data / "polnear")
    assert len(articles) == 84
    for article in articles:
        for source in article.sources:
            text = " ".join(article.text[a:b] for a, b in source.fragments)
            assert text == source.text


def test_real_fnc1_parses(shared_data: Path) -> None:
    pairs = fnc1.load(shared_data / "fnc1")
    assert len(pairs) == 49_972
    assert sum(p.expected == "denied" for p in pairs) / len(pairs) == pytest.approx(
        0.017, abs=0.001
    )
