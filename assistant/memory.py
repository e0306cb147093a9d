"""What an Assistant remembers of the documents it has read: each one's reading (its claims and
attributions), so that checks and chats over them do not read them again.

Readings are remembered packed, one JSON bytes object each, not as live claims, sources and
evidence: 256 readings of FNC-1 bodies are some 43,000 objects, which the garbage collector walks
as they pile up and which make it run more often (half the GC time of an offline analysis, ~3 %
of its throughput); packed they are no objects to walk at all, and some 7x smaller.
The readings recalled last are also held unpacked, so a run of checks against one
document gets the very same reading back (and reuses what was combined from it).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from pydantic import TypeAdapter

from assistant.analysis import Reading

_READING = TypeAdapter(Reading)
Key = TypeVar("Key", bound=Hashable)


class Readings(Generic[Key]):
    """Readings by key, the newest last; ``held`` of them (the last recalled) also unpacked."""

    def __init__(self, held: int) -> None:
        self.held = held
        self._packed: OrderedDict[Key, bytes] = OrderedDict()
        self._unpacked: OrderedDict[Key, Reading] = OrderedDict()

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __len__(self) -> int:
        return len(self._packed)

    def keep(self, key: Key, reading: Reading, size: int) -> None:
        """Remember ``reading`` as the newest, forgetting the oldest beyond ``size``."""
        self._packed[key] = _READING.dump_json(reading)
        self._packed.move_to_end(key)
        self._unpacked.pop(key, None)  # an earlier reading of this key
        while len(self._packed) > size:
            oldest, _ = self._packed.popitem(last=False)
            self._unpacked.pop(oldest, None)

    def hold(self, key: Key, reading: Reading) -> None:
        """Hold ``reading``, remembered under ``key``, unpacked as the last recalled."""
        self._unpacked[key] = reading
        self._unpacked.move_to_end(key)
        while len(self._unpacked) > self.held:
            self._unpacked.popitem(last=False)

    def recall(self, key: Key) -> Reading:
        """The reading remembered under ``key`` (KeyError if none), held unpacked from now."""
        reading = self._unpacked.get(key)
        if reading is None:
            reading = _READING.validate_json(self._packed[key])
        self.hold(key, reading)
        return reading
