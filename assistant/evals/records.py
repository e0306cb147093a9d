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
    error: str = ""  # what went wrong in plain words: "missed", "extra", "wrong status", ...
    error_detail: str = ""
    spans: list[tuple[int, int]] = Field(default_factory=list)  # predicted evidence offsets
    expected_spans: list[tuple[int, int]] = Field(default_factory=list)  # gold quote offsets


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


class ReportDocument(_Record):
    """The text an item group (an article, an FNC-1 body) was read from, for offsets."""

    title: str = ""
    text: str


class GateResult(_Record):
    """One threshold the run was held to (``--min-macro-f1``, ``--min-denied-recall``,
    ``--min-claim-recall``)."""

    metric: str
    name: str
    minimum: float
    value: float | None
    passed: bool


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
    run_id: int | None = None  # the id it is saved under (claimdesk eval runs)


class EvalReport(_Record):
    meta: EvalMeta
    metrics: dict[str, float | None]
    per_label: list[LabelScore] = Field(default_factory=list)
    confusion: Confusion | None = None
    failures: list[Failure] = Field(default_factory=list)
    items: list[ItemResult] = Field(default_factory=list)
    documents: dict[str, ReportDocument] = Field(default_factory=dict)
    latencies_s: list[float] = Field(default_factory=list)  # one per job that asked the model
    gates: list[GateResult] = Field(default_factory=list)
