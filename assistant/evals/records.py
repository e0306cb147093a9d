"""What an eval run produces: per-item results, label scores and the report saved as JSON.

The JSON dump of :class:`EvalReport` is what ``--json`` writes and ``--compare`` reads back.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemResult(_Record):
    """One scored unit: a stance pair, a gold claim, a non-claim, an extra claim or a source."""

    id: str
    kind: str
    group: str
    correct: bool
    expected: str
    predicted: str
    subject: str
    excerpt: str = ""
    evidence: list[str] = Field(default_factory=list)
    detail: str = ""
    failure: str | None = None


class Failure(_Record):
    """A document run that raised instead of answering (its items are scored wrong)."""

    id: str
    kind: str  # "parse_failure" or "error"
    message: str


class LabelScore(_Record):
    label: str
    precision: float | None
    recall: float | None
    f1: float | None
    support: int


class Confusion(_Record):
    """Counts: rows are expected labels, columns predicted labels (plus any extra columns)."""

    rows: list[str]
    columns: list[str]
    counts: list[list[int]]


class EvalMeta(_Record):
    dataset: str
    data_path: str
    engine: str
    model: str
    prompt_version: str
    date: str
    claimdesk_version: str
    items_available: int
    items_run: int
    limit: int | None = None
    sample: int | None = None
    seed: int | None = None
    concurrency: int = 1
    cache: bool = True


class EvalReport(_Record):
    meta: EvalMeta
    metrics: dict[str, float | None]
    per_label: list[LabelScore] = Field(default_factory=list)
    confusion: Confusion | None = None
    failures: list[Failure] = Field(default_factory=list)
    items: list[ItemResult] = Field(default_factory=list)
