"""``claimdesk chat``'s conversation on a streaming fake engine, for the pseudo-terminal test.

Run as ``python -m tests.live_chat_script GATE``: the answer streams its first words, then waits
until the file GATE exists before sending the rest, so the test can see text arrive early.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant import Assistant, Session
from assistant.cli import chat
from assistant.models.function import scripted
from tests.chat_support import seed_analysis

ANSWER = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}


def gated(gate: Path) -> Callable[[str], Iterator[str]]:
    def pieces(raw: str) -> Iterator[str]:
        middle = raw.index("denied")
        yield raw[:middle]
        while not gate.exists():
            time.sleep(0.02)
        yield raw[middle:]

    return pieces


def main(gate: Path) -> None:
    model = scripted([ANSWER], stream=True, chunk_size=gated(gate))
    assistant = Assistant(model)
    analysis = seed_analysis(assistant.engine)
    chat._converse(Session(assistant, analysis.documents, analysis=analysis), None)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
