"""Validate the gold eval set in evals/gold/ (schema, labels, grounding of quotes, coverage).

See evals/GUIDE.md for how the set is annotated and how to add a case.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.claims import SOURCE_KINDS, STANCES, STATUSES

GOLD_DIR = Path(__file__).resolve().parent.parent / "evals" / "gold"
GOLD_FILE = GOLD_DIR / "gold.jsonl"
SEED_ID = "seed-pakistan-fo-china-security"

TAGS = frozenset(
    {
        "denial-by-party",
        "denial-without-standing",
        "declined-to-comment",
        "could-not-verify",
        "correction-retraction",
        "quote-within-quote",
        "two-outlets-one-anonymous-report",
        "numbers-and-dates",
        "pasted-headline",
        "share-boilerplate",
        "prompt-injection",
        "confirmed-on-record",
        "outlet-voice",
        "anonymous-only",
        "multiple-named-corroboration",
    }
)
RECORD_FIELDS = {"id", "article", "title", "outlet", "date", "tags", "claims", "non_claims"}
CLAIM_FIELDS = {"id", "text", "status", "status_reason", "sources"}
SOURCE_FIELDS = {"name", "role", "kind", "stance", "on_record", "quotes"}
# Tags whose hard case lives in text that must yield no claim.
TAGS_NEEDING_NON_CLAIMS = {"pasted-headline", "share-boilerplate", "prompt-injection"}
# Sources that can carry a claim as "confirmed" or "denied": a party speaking on the record.
STANDING_KINDS = {"named_official", "named_person", "organization", "document", "outlet"}
ON_RECORD_KINDS = {"named_official", "named_person", "organization", "outlet"}

MIN_ARTICLES = 25
MIN_DENIED = 15
MIN_PER_STATUS = 15
MIN_PER_KIND = 6
MIN_ARTICLES_PER_TAG = 2
MIN_WORDS, MAX_WORDS = 200, 900
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_QUOTE_MAP = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)


def norm(text: str) -> str:
    """Collapse whitespace and map curly quotes/apostrophes to straight ones."""
    return " ".join(text.translate(_QUOTE_MAP).split())


def _load() -> list[dict[str, Any]]:
    records = []
    with GOLD_FILE.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported as failure
                pytest.fail(f"gold.jsonl line {lineno}: invalid JSON: {exc}")
    return records


RECORDS = _load()
IDS = [r.get("id", f"#{i}") for i, r in enumerate(RECORDS)]


def _article_text(record: dict[str, Any]) -> str:
    path: Path = GOLD_DIR / str(record["article"])
    return path.read_text(encoding="utf-8")


def test_gold_file_not_empty() -> None:
    assert len(RECORDS) >= MIN_ARTICLES


def test_record_ids_unique() -> None:
    dupes = [i for i, n in Counter(IDS).items() if n > 1]
    assert not dupes, f"duplicate record ids: {dupes}"


def test_seed_present() -> None:
    assert SEED_ID in IDS


def test_every_article_file_is_in_gold() -> None:
    on_disk = {p.name for p in (GOLD_DIR / "articles").glob("*.txt")}
    referenced = {Path(r["article"]).name for r in RECORDS}
    assert on_disk == referenced


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_record_schema(record: dict[str, Any]) -> None:
    assert set(record) == RECORD_FIELDS
    assert isinstance(record["id"], str) and record["id"]
    assert record["article"] == f"articles/{record['id']}.txt"
    assert isinstance(record["title"], str) and record["title"].strip()
    assert record["outlet"] is None or (isinstance(record["outlet"], str) and record["outlet"])
    assert record["date"] is None or DATE_RE.match(record["date"])
    assert isinstance(record["tags"], list)
    assert set(record["tags"]) <= TAGS, set(record["tags"]) - TAGS
    assert len(record["tags"]) == len(set(record["tags"]))
    assert isinstance(record["non_claims"], list)
    assert all(isinstance(n, str) and n.strip() for n in record["non_claims"])
    assert isinstance(record["claims"], list) and record["claims"]
    claim_ids = [c.get("id") for c in record["claims"]]
    assert len(claim_ids) == len(set(claim_ids)), "claim ids must be unique within a record"
    for claim in record["claims"]:
        assert set(claim) == CLAIM_FIELDS, claim.get("id")
        assert isinstance(claim["text"], str) and claim["text"].strip()
        assert claim["status"] in STATUSES, claim["id"]
        assert isinstance(claim["status_reason"], str) and claim["status_reason"].strip()
        assert claim["sources"], f"{claim['id']} has no source"
        for source in claim["sources"]:
            assert set(source) == SOURCE_FIELDS, (claim["id"], source.get("name"))
            assert isinstance(source["name"], str) and source["name"].strip()
            assert source["role"] is None or isinstance(source["role"], str)
            assert source["kind"] in SOURCE_KINDS, (claim["id"], source["kind"])
            assert source["stance"] in STANCES, (claim["id"], source["stance"])
            assert isinstance(source["on_record"], bool)
            # Anonymous sources are never on the record; people, bodies and the outlet always
            # are. Documents and media reports can be either (a published filing vs a leaked
            # screenshot; a named outlet vs an anonymous forum post).
            if source["kind"] == "anonymous":
                assert source["on_record"] is False, (claim["id"], source["name"])
            elif source["kind"] in ON_RECORD_KINDS:
                assert source["on_record"] is True, (claim["id"], source["name"])
            assert isinstance(source["quotes"], list)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_article_file_and_length(record: dict[str, Any]) -> None:
    path = GOLD_DIR / record["article"]
    assert path.is_file(), path
    words = len(_article_text(record).split())
    if record["id"] != SEED_ID:
        assert MIN_WORDS <= words <= MAX_WORDS, f"{record['id']}: {words} words"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_quotes_are_verbatim(record: dict[str, Any]) -> None:
    text = norm(_article_text(record))
    missing = []
    for claim in record["claims"]:
        for source in claim["sources"]:
            for quote in source["quotes"]:
                if not quote.strip() or norm(quote) not in text:
                    missing.append((claim["id"], source["name"], quote))
    for non_claim in record["non_claims"]:
        if norm(non_claim) not in text:
            missing.append(("non_claim", "", non_claim))
    assert not missing, missing


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_every_claim_has_a_sourced_quote(record: dict[str, Any]) -> None:
    for claim in record["claims"]:
        assert any(s["quotes"] for s in claim["sources"]), claim["id"]


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_no_claim_quotes_inside_non_claims(record: dict[str, Any]) -> None:
    non_claims = [norm(n) for n in record["non_claims"]]
    for claim in record["claims"]:
        for source in claim["sources"]:
            for quote in source["quotes"]:
                q = norm(quote)
                assert not any(q in n or n in q for n in non_claims), (claim["id"], quote)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_status_is_consistent_with_sources(record: dict[str, Any]) -> None:
    """Cheap rubric checks: a denial needs a denier on the record; a confirmation a backer."""
    for claim in record["claims"]:
        sources = claim["sources"]
        if claim["status"] == "denied":
            assert any(
                s["stance"] == "denies" and s["kind"] in STANDING_KINDS and s["on_record"]
                for s in sources
            ), f"{claim['id']}: denied without an on-record denial"
        if claim["status"] == "confirmed":
            assert any(
                s["stance"] in {"asserts", "confirms"}
                and s["kind"] in STANDING_KINDS
                and s["on_record"]
                for s in sources
            ), f"{claim['id']}: confirmed without an on-record backer"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_tags_that_need_non_claims_have_them(record: dict[str, Any]) -> None:
    if TAGS_NEEDING_NON_CLAIMS & set(record["tags"]):
        assert record["non_claims"], record["id"]


def test_coverage_minima() -> None:
    statuses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    stances: Counter[str] = Counter()
    tag_articles: Counter[str] = Counter()
    for record in RECORDS:
        tag_articles.update(set(record["tags"]))
        for claim in record["claims"]:
            statuses[claim["status"]] += 1
            for source in claim["sources"]:
                kinds[source["kind"]] += 1
                stances[source["stance"]] += 1
    assert statuses["denied"] >= MIN_DENIED, statuses
    for status in STATUSES:
        assert statuses[status] >= MIN_PER_STATUS, statuses
    for kind in SOURCE_KINDS:
        assert kinds[kind] >= MIN_PER_KIND, kinds
    for stance in STANCES:
        assert stances[stance] >= 1, stances
    for tag in sorted(TAGS):
        assert tag_articles[tag] >= MIN_ARTICLES_PER_TAG, (tag, tag_articles[tag])
