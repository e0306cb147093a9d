"""The assistant's own time per article: everything but the model (rendering, validation,
grounding, merging), measured with the fake model answering instantly.

Targets: under 5 ms for the seed article and under 100 ms for a 20,000-word article, one core.
Run: python bench/analyze_overhead.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant, Document
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel

SEED = Path(__file__).resolve().parents[1] / "examples" / "pakistan-fo-china-security.txt"
WORDS = (
    "council budget library transit housing police school harbour bridge clinic water "
    "contract audit tender permit zoning"
).split()


def long_article(words: int) -> str:
    """A synthetic article of about ``words`` words, paragraphs of distinct sentences."""
    paragraphs, count, i = [], 0, 0
    while count < words:
        topic = WORDS[i % len(WORDS)]
        sentence = (
            f"Officials said the {topic} plan number {i} would cost {i * 17} thousand "
            f"dollars, according to a report by the city auditor released on day {i}."
        )
        paragraphs.append(" ".join([sentence] * 3))
        count += len(sentence.split()) * 3
        i += 1
    return "\n".join(paragraphs)


def answer(request: ModelRequest) -> dict[str, Any]:
    """Claim every paragraph of the part, quoting its first sentence (5 quotes per claim)."""
    claims = []
    for paragraph in request.inputs["paragraphs"]:
        first = paragraph.split(". ")[0]
        sources = [
            {
                "name": f"source {k}",
                "role": None,
                "kind": "named_official",
                "stance": "asserts",
                "on_record": True,
                "quotes": [first],
            }
            for k in range(2)
        ]
        claims.append(
            {
                "text": first,
                "status": "confirmed",
                "status_reason": "Named officials.",
                "sources": sources,
            }
        )
    return {"claims": claims}


def per_article_ms(document: Document, repeats: int) -> tuple[float, int, int]:
    assistant = Assistant(FunctionModel(answer))
    assistant.analyze(document)  # warm caches
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        analysis = assistant.analyze(document)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(analysis.claims), analysis.usage.model_calls


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cases = [
        ("seed article", Document.from_text(SEED.read_text(encoding="utf-8")), 200, 5.0),
        ("20,000-word article", Document.from_text(long_article(20_000)), 10, 100.0),
    ]
    for name, document, repeats, target in cases:
        ms, claims, calls = per_article_ms(document, repeats)
        words = len(document.text.split())
        verdict = "ok" if ms < target else "OVER TARGET"
        print(
            f"{name}: {words} words, {calls} model calls, {claims} claims: "
            f"{ms:.2f} ms per article (median of {repeats}; target < {target:g} ms) {verdict}"
        )


if __name__ == "__main__":
    main()
