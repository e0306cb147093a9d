"""An Assistant remembers the readings of the documents it analysed packed, not as live objects
(the garbage collector would walk them through every later analysis), and recalls them equal to
what was read: checks against them read nothing again and give what a fresh reading gives."""

from __future__ import annotations

import gc
from pathlib import Path

from assistant import Assistant
from assistant.analysis import Reading
from assistant.claims import Claim, Usage
from assistant.documents import as_documents
from assistant.memory import Readings
from assistant.offline.engine import OfflineModel

FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures" / "extraction").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FIXTURES[:3]]


def live_claims() -> int:
    gc.collect()
    return sum(isinstance(o, Claim) for o in gc.get_objects())


def test_analysed_readings_are_remembered_without_live_claims() -> None:
    assistant = Assistant(OfflineModel())
    before = live_claims()
    for text in TEXTS:
        assert assistant.analyze(text).claims  # the analysis is dropped at once
    assert live_claims() == before
    assert assistant.unknown(as_documents(TEXTS)) == []


def test_recalled_readings_equal_fresh_ones_and_are_held_for_further_checks() -> None:
    assistant = Assistant(OfflineModel())
    documents = as_documents(TEXTS)
    for text in TEXTS:
        assistant.analyze(text)
    recalled = assistant.readings(documents, Usage())
    fresh = Assistant(OfflineModel()).readings(documents, Usage())
    assert recalled == fresh
    again = assistant.readings(documents, Usage())
    assert all(a is b for a, b in zip(again, recalled, strict=True))


def test_the_oldest_readings_are_forgotten_beyond_the_size() -> None:
    memory: Readings[str] = Readings(held=1)
    for key in "abc":
        memory.keep(key, Reading(), size=2)
    assert "a" not in memory and "b" in memory and "c" in memory and len(memory) == 2
    held = memory.recall("b")
    assert memory.recall("b") is held
    memory.keep("b", Reading(), size=2)  # read again: the held reading was of the old one
    assert memory.recall("b") is not held
