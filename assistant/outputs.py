"""What a model must return for each task: the wire-format types its answers validate against.

These are deliberately flat and strict (every property required, no extra keys, no defaults) so
the same JSON schema works in OpenAI strict ``json_schema`` mode and in ``json_object`` mode with
the schema in the prompt. Quotes are plain strings here; code locates them (see grounding.py).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from assistant.claims import SourceKind, Stance, Status, VerdictStatus


class _Output(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceOutput(_Output):
    name: str
    role: str | None
    kind: SourceKind
    stance: Stance
    on_record: bool
    standing: bool
    quotes: list[str]


class ClaimOutput(_Output):
    text: str
    status: Status
    status_reason: str
    sources: list[SourceOutput]


class AttributionOutput(_Output):
    """One attributed statement: the speaker, cue and content as written, and who speaks."""

    source: str
    cue: str
    content: str
    name: str
    role: str | None
    kind: SourceKind
    stance: Stance
    on_record: bool


class ExtractionOutput(_Output):
    """Answer to an ``extract`` request: every check-worthy claim in the passage and every
    attributed statement in it (who said what)."""

    claims: list[ClaimOutput]
    attributions: list[AttributionOutput]

    @model_validator(mode="before")
    @classmethod
    def _attributions_may_be_missing(cls, data: Any) -> Any:
        """The schema requires ``attributions``, but an answer without the key still gives its
        claims (a weak model, or a scripted one written before attributions): read as none."""
        if isinstance(data, dict) and "attributions" not in data:
            return {**data, "attributions": []}
        return data


class VerdictOutput(_Output):
    """Answer to a ``check`` request: the status of one user-typed claim."""

    status: VerdictStatus
    reason: str
    sources: list[SourceOutput]


class CitationOutput(_Output):
    claim_id: str | None
    quote: str


class AnswerOutput(_Output):
    """Answer to an ``answer`` request: a chat reply with the citations behind it."""

    text: str
    citations: list[CitationOutput]


@cache
def json_schema(output_type: type[BaseModel]) -> dict[str, Any]:
    """The output type's JSON schema, built once per type (pydantic rebuilds it on every call)."""
    return output_type.model_json_schema()


@cache
def schema_text(output_type: type[BaseModel]) -> str:
    """:func:`json_schema` as compact JSON text, as the prompts show it."""
    return json.dumps(json_schema(output_type), separators=(",", ":"))
