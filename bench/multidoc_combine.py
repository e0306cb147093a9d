"""How long merging claims across many documents takes (independence, chains, timeline).

Builds N synthetic articles, each carrying the same K claims with a mix of anonymous sources,
media reports citing other articles, named officials and a late denial, then times
``combine_documents``. Prints documents, claims, sources and seconds.

    python bench/multidoc_combine.py [N] [K]
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta

from assistant.claims import Claim, Document, Source
from assistant.multidoc import combine_documents

WORDS = """harbour bridge tunnel airport railway hospital school library stadium reservoir dam
mine factory refinery pipeline turbine satellite vaccine budget tariff pension subsidy treaty
embargo election ceasefire border reactor""".split()


def source(name: str, kind: str, stance: str = "asserts") -> Source:
    return Source(name=name, kind=kind, stance=stance, on_record=kind != "anonymous")  # type: ignore[arg-type]


def article(n: int) -> Document:
    day = date(2026, 1, 1) + timedelta(days=n)
    return Document.from_text(f"article {n}", outlet=f"Outlet {n}", date=day)


def claims_of(n: int, k: int) -> list[Claim]:
    out = []
    for i in range(k):
        sources = [
            source(f"officials familiar with the {WORDS[i % len(WORDS)]} plan", "anonymous"),
            source(f"Outlet {max(n - 1, 0)}", "media_report"),
            source(f"Minister Number{n % 7}", "named_official"),
        ]
        if n % 10 == 9:
            sources.append(source(f"Ministry {i}", "organization", "denies"))
        a, b, c = (WORDS[(3 * i + j) % len(WORDS)] for j in range(3))
        text = f"Officials approved {a} {b} {c} measure {i} costing {1000 + i} million"
        out.append(Claim(id="", text=text, status="unverified", status_reason="r", sources=sources))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    documents = [article(i) for i in range(n)]
    per_document = [claims_of(i, k) for i in range(n)]
    started = time.perf_counter()
    claims, order = combine_documents(documents, per_document)
    elapsed = time.perf_counter() - started
    sources = sum(len(c.sources) for c in claims)
    print(
        f"documents={n} claims_in={n * k} claims_out={len(claims)} sources={sources} "
        f"order={order} seconds={elapsed:.3f}"
    )


if __name__ == "__main__":
    main()
