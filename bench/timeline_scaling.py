"""Whether merging and the timeline stay linear: combine 80 and 160 synthetic articles (the
multidoc_combine.py corpus, 20 claims each) and print the times and their ratio (target <= 2.5).

    python bench/timeline_scaling.py [SMALL] [CLAIMS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from multidoc_combine import article, claims_of

from assistant.multidoc import combine_documents


def seconds(n: int, k: int) -> float:
    documents = [article(i) for i in range(n)]
    per_document = [claims_of(i, k) for i in range(n)]
    started = time.perf_counter()
    combine_documents(documents, per_document)
    return time.perf_counter() - started


def main() -> None:
    small = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    one, two = seconds(small, k), seconds(2 * small, k)
    ratio = two / one
    print(
        f"documents {small}: {one:.3f} s, {2 * small}: {two:.3f} s -> ratio {ratio:.2f} "
        f"(target <= 2.5) {'ok' if ratio <= 2.5 else 'SLOW'}"
    )


if __name__ == "__main__":
    main()
