"""The work done for each (claim, document) pair of a check gives what the plain forms it
replaced gave (reference versions written out here): the matcher's roots of a claim with its
quotes, the relevance of each sentence, a document cut into parts, and the quote rule asked
once per quote and source for both the re-ask check and the grounding."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant, evidence, matching
from assistant.chunking import chunk
from assistant.claims import Claim, Document
from assistant.offline import relevance
from assistant.offline.passages import index_text
from assistant.wordforms import roots

SEED = Path(__file__).resolve().parents[1] / "examples" / "pakistan-fo-china-security.txt"
QUERIES = [
    "Chinese security personnel will be deployed in Pakistan",
    "Pakistan will hold talks with China on security",
    "China is pressuring Islamabad to allow Chinese security personnel in Pakistan",
    "the Foreign Office",
    "The moon is made of cheese",
    "Five Chinese nationals were killed in a blast in Bisham",
]
WORDS = st.text(alphabet="ab Ab's'’.-1\n", max_size=40)


@settings(max_examples=500, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4))
def test_roots_of_parts_are_the_roots_of_the_parts_joined(parts: list[str]) -> None:
    assert roots(" ".join(parts)) == frozenset().union(*(roots(p) for p in parts))


def claims_about_as_before(query: str, claims: list[Claim]) -> list[tuple[str, float]]:
    def coverage(text: str) -> float:
        wanted = roots(query) - matching._POINTERS
        return len(wanted & roots(text)) / len(wanted) if wanted else 0.0

    found = []
    for claim in claims:
        joined = " ".join([claim.text, *(e.quote for e in claim.evidence)])
        score = max(coverage(claim.text), coverage(joined) * 0.95)
        if score >= matching.CLAIM_MATCH:
            found.append((claim.id, score + matching.similarity(query, claim.text) / 10))
    return sorted(found, key=lambda m: -m[1])


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    return Assistant(model="offline").analyze(SEED.read_text()).claims


@pytest.mark.parametrize("query", QUERIES)
def test_claims_about_scores_as_before(query: str, seed_claims: list[Claim]) -> None:
    found = [(m.claim.id, m.score) for m in matching.claims_about(query, seed_claims)]
    assert found == claims_about_as_before(query, seed_claims)


def test_seed_queries_match_some_claims(seed_claims: list[Claim]) -> None:
    assert all(matching.claims_about(q, seed_claims) for q in QUERIES[:3])


def passages_as_before(claim: str, text: str) -> list[tuple[int, float]]:
    document = index_text(text)
    terms = relevance.claim_terms(claim)
    if not terms.weights:
        return []
    weights = {t: relevance._term_weight(terms, document, t) for t in terms.weights}
    total = sum(weights.values())
    short = relevance.is_short(document)
    scored = []
    for i, sentence in enumerate(document.sentences):
        share = sum(w for t, w in weights.items() if t in sentence.stems) / total
        if share >= relevance.PASSAGE_COVERAGE or short:
            scored.append((i, share))
    return scored


SENTENCES = st.lists(
    st.sampled_from(
        [
            "China denied the report.",
            "Security personnel were deployed in Pakistan!",
            "The Foreign Office spoke on Thursday.",
            "Talks on security will be held.",
            "Nothing here",
            "Pakistan",
        ]
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(QUERIES), SENTENCES)
def test_relevant_passages_and_shares_are_as_before(claim: str, sentences: list[str]) -> None:
    text = " ".join(sentences)
    measured = relevance.measure(claim, text)
    found = [(p.index, p.coverage) for p in measured.passages]
    assert found == passages_as_before(claim, text)  # the same floats, not nearly


def test_relevance_on_the_seed_is_as_before() -> None:
    text = SEED.read_text()
    for claim in QUERIES:
        found = [(p.index, p.coverage) for p in relevance.measure(claim, text).passages]
        assert found == passages_as_before(claim, text)
    assert relevance.measure(QUERIES[0], text).passages


def test_a_document_is_cut_once_and_each_caller_gets_its_own_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant import chunking

    text = SEED.read_text()
    cut: list[str] = []
    real = chunking.paragraphs

    def counting(whole: str) -> object:
        cut.append(whole)
        return real(whole)

    monkeypatch.setattr(chunking, "paragraphs", counting)
    chunking._chunks.cache_clear()
    first = chunk(text, 900)
    first.append(first[0])
    again = chunk(text, 900)
    assert len(cut) == 1  # the second caller reuses the first cut
    assert len(again) == len(first) - 1 and len(again) > 1
    assert [(c.start, c.end) for c in chunk(text, 10**6)] == [(again[0].start, again[-1].end)]


def test_the_quote_rule_is_asked_once_per_quote_for_recheck_and_grounding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: Counter[str] = Counter()
    plain = evidence.problem

    def counting(
        document: Document, found: evidence.Evidence, claim: str, source: object
    ) -> str | None:
        asked[found.quote] += 1
        return plain(document, found, claim, source)  # type: ignore[arg-type]

    judged = evidence._judged

    def unshared(find: object, quote: str, claim: str, source: object, verdicts: object) -> object:
        return judged(find, quote, claim, source, {})  # type: ignore[arg-type]

    text = SEED.read_text()
    with monkeypatch.context() as every_time:  # the reference: each quote judged at each step
        every_time.setattr(evidence, "_judged", unshared)
        reference = Assistant(model="offline")
        reference.analyze(text)
        expected = [reference.check(c, text).model_dump(exclude={"usage"}) for c in QUERIES[:2]]
    monkeypatch.setattr(evidence, "problem", counting)
    assistant = Assistant(model="offline")
    assistant.analyze(text)
    for claim, same in zip(QUERIES[:2], expected, strict=True):  # read by the offline reader
        asked.clear()
        verdict = assistant.check(claim, text)
        assert verdict.sources and asked
        assert max(asked.values()) == 1  # the re-ask check's answer is the grounding's
        assert verdict.model_dump(exclude={"usage"}) == same


def test_a_documents_key_digests_every_field() -> None:
    from assistant import _assistant

    text = SEED.read_text()
    plain = Document.from_text(text)
    titled = Document.from_text(text, title="seed")
    for document in (plain, titled, plain):
        expected = hashlib.sha256(document.model_dump_json().encode("utf-8")).hexdigest()
        assert _assistant._digest(document) == expected
    assert _assistant._digest(plain) != _assistant._digest(titled)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aZ1'’ .-İK\u212a", max_size=30))
def test_words_are_the_words_lower_cased_one_by_one(text: str) -> None:
    from assistant.offline.passages import _WORD, words_of

    assert words_of(text) == [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="no tis r.u'", max_size=30))
def test_phrases_counted_as_by_one_search_each(text: str) -> None:
    import re

    from assistant.offline import stance

    phrases = ("not true", "is not", "rumour", "t", "'s")
    expected = sum(len(re.findall(rf"\b{re.escape(p)}\b", text)) for p in phrases)
    assert stance._phrase_count(text, phrases) == expected
