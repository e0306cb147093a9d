"""One-to-one matching of predicted claims and sources to gold."""

from __future__ import annotations

import pytest

from assistant.claims import Claim, Evidence, Source
from assistant.evals import matching
from assistant.evals.score_gold import match_claims
from tests.evals_support import gold_articles


def test_assign_is_one_to_one_best_first() -> None:
    scores = {("a", "x"): 0.9, ("a", "y"): 0.8, ("b", "x"): 0.85, ("b", "y"): 0.1}
    pairs = matching.assign(["a", "b"], ["x", "y"], lambda p, g: scores[(p, g)], 0.3)
    # a takes x (0.9); b cannot have x and its score for y is under the threshold
    assert pairs == [(0, 0, 0.9)]


def test_assign_breaks_ties_by_index() -> None:
    pairs = matching.assign([1, 2], [1, 2], lambda p, g: 0.5, 0.3)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0), (1, 1)]


def test_span_overlap_uses_the_smaller_side() -> None:
    assert matching.span_overlap([(0, 10)], [(5, 25)]) == 0.5
    assert matching.span_overlap([(0, 10)], []) == 0.0


def test_name_similarity() -> None:
    assert matching.name_similarity("Baloch", "Mumtaz Zahra Baloch") == 1.0
    assert matching.name_similarity("media reports", "a media report") == 1.0
    assert matching.name_similarity("Ana Ruiz", "the union") == 0.0


def _claim(text: str, article_text: str, quote: str, status: str = "confirmed") -> Claim:
    start = article_text.index(quote)
    evidence = Evidence(document_id="d", quote=quote, start=start, end=start + len(quote))
    source = Source(name="x", kind="outlet", stance="asserts", on_record=True, evidence=[evidence])
    return Claim.model_validate(
        {"id": "p", "text": text, "status": status, "status_reason": "r", "sources": [source]}
    )


def test_paraphrased_claims_match_their_gold_claim_by_text_and_evidence() -> None:
    article = gold_articles()["port-strike"]
    text = article.text
    raise_quote = "the union has asked for a 12 percent raise"
    predicted = [
        _claim("The union asked for a 12 percent pay raise, sources say", text, raise_quote),
        _claim("Port authority to sell terminal", text, "There is no plan to sell the terminal"),
        _claim("Weather was fine", text, "Follow us on social media"),
    ]
    matched = match_claims(article, predicted)
    assert matched == {2: 0, 1: 1}  # gold c3 <- predicted 0, gold c2 <- predicted 1


def test_evidence_decides_a_loose_paraphrase() -> None:
    article = gold_articles()["port-strike"]
    loose = "Westhaven port will be privatised"  # text similarity to gold c2 about 0.43
    on_denial = _claim(loose, article.text, "There is no plan to sell the terminal")
    on_strike = _claim(loose, article.text, "Dockworkers at the port of Westhaven walked off")
    assert match_claims(article, [on_denial]) == {1: 0}
    assert match_claims(article, [on_strike]) == {}


def test_claim_score_discounts_text_without_shared_evidence() -> None:
    gold = "The Westhaven Port Authority plans to privatise the container terminal."
    text = matching.similarity("Port authority to sell terminal", gold)
    assert matching.claim_score("Port authority to sell terminal", [(0, 10)], gold, [(0, 10)]) == (
        pytest.approx(text)
    )
    assert matching.claim_score("Port authority to sell terminal", [(0, 10)], gold, [(50, 60)]) == (
        pytest.approx(0.6 * text)
    )
