"""Does a claim get one status whichever way it is asked? Measured over the gold articles.

For every claim ``analyze`` finds in each gold article, the script asks again in two ways and
counts agreement with the analysed status:

- ``check(claim.text, same document)`` (a fresh Assistant per article, so the check analyses the
  document itself, as a user running ``claimdesk check`` would);
- the chat: "Is it true that <claim>?" in a session over the document, reading the status the
  answer names.

It runs the offline engine, and then a fake LLM (a scripted FunctionModel that reads each article
as the gold annotation does, proposing the gold statuses) to show the LLM path decides statuses
through the same rubric: its statuses, the overrules and the agreement are printed too.

    python bench/coherence.py            # both engines over evals/gold
    python bench/coherence.py --engine offline
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import Assistant, Document
from assistant.evals.gold import GoldArticle, load_gold
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel

GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold" / "gold.jsonl"
TARGET = 0.95
PARTIES = frozenset({"named_official", "named_person", "organization", "document"})
_CHECKED = re.compile(r"^Checked against the documents: (confirmed|denied|unverified)\.")


@dataclass
class Tally:
    claims: int = 0
    check_agrees: int = 0
    chat_agrees: int = 0
    overruled: int = 0
    flips: Counter[str] = field(default_factory=Counter)

    def rate(self, agreeing: int) -> float:
        return agreeing / self.claims if self.claims else 0.0


def chat_status(text: str) -> str:
    """The status a chat answer names ("Checked against the documents: denied. ...")."""
    match = _CHECKED.match(text)
    if match:
        return match.group(1)
    return "not_addressed" if "(checked)" in text else "no status"


def gold_reader(articles: Sequence[GoldArticle]) -> FunctionModel:
    """A fake LLM: reads each article as its gold annotation does (claims, sources, quotes,
    statuses), with standing for named parties on the record; a claim it is asked to check
    outside its reading is not addressed."""
    by_id = {a.id: a for a in articles}

    def answer(request: ModelRequest) -> dict[str, Any]:
        if request.task != "extract":
            return {"status": "not_addressed", "reason": "Not in my reading.", "sources": []}
        article = by_id[request.inputs["document_id"]]
        return {"claims": [_claim(c) for c in article.record.claims]}

    return FunctionModel(answer, name="gold-reader")


def _claim(claim: Any) -> dict[str, Any]:
    sources = []
    for source in claim.sources:
        data = source.model_dump()
        sources.append({**data, "standing": data["on_record"] and data["kind"] in PARTIES})
    return {
        "text": claim.text,
        "status": claim.status,
        "status_reason": claim.status_reason,
        "sources": sources,
    }


def measure(articles: Sequence[GoldArticle], build: Callable[[], Assistant]) -> Tally:
    tally = Tally()
    for article in articles:
        record = article.record
        document = Document(id=record.id, text=article.text, title=record.title)
        analysis = build().analyze(document)
        checker = build()  # analyses the document again, as a separate `claimdesk check` would
        chat = build().session([document])
        for claim in analysis.claims:
            tally.claims += 1
            tally.overruled += claim.overruled is not None
            verdict = checker.check(claim.text, [document])
            said = chat_status(chat.ask(f"Is it true that {claim.text}?").text)
            tally.check_agrees += verdict.status == claim.status
            tally.chat_agrees += said == claim.status
            if verdict.status != claim.status:
                tally.flips[f"check {claim.status} -> {verdict.status}"] += 1
            if said != claim.status:
                tally.flips[f"chat {claim.status} -> {said}"] += 1
    return tally


def report(name: str, tally: Tally, seconds: float) -> bool:
    check, chat = tally.rate(tally.check_agrees), tally.rate(tally.chat_agrees)
    print(f"{name}: {tally.claims} claims in {seconds:.1f} s")
    print(f"  analyze vs check agreement: {check:.1%} ({tally.check_agrees}/{tally.claims})")
    print(f"  analyze vs chat agreement:  {chat:.1%} ({tally.chat_agrees}/{tally.claims})")
    print(f"  claims whose status the rubric overruled: {tally.overruled}")
    for flip, count in tally.flips.most_common():
        print(f"    {flip}: {count}")
    return check >= TARGET and chat >= TARGET


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="the gold JSONL file")
    parser.add_argument("--engine", choices=["offline", "fake", "both"], default="both")
    args = parser.parse_args(argv)
    articles = load_gold(args.gold)
    print(f"{len(articles)} gold articles from {args.gold}; target agreement {TARGET:.0%}")
    engines: list[tuple[str, Callable[[], Assistant]]] = []
    if args.engine in {"offline", "both"}:
        engines.append(("offline engine", lambda: Assistant("offline")))
    if args.engine in {"fake", "both"}:
        engines.append(("fake LLM (gold reader)", lambda: Assistant(gold_reader(articles))))
    met = True
    for name, build in engines:
        started = time.perf_counter()
        tally = measure(articles, build)
        met = report(name, tally, time.perf_counter() - started) and met
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
