"""Every output type's JSON schema obeys OpenAI's strict structured-output rules.

Strict mode requires every object to list all its properties as required and to forbid extra
properties, and allows no defaults. The SDK rewrites schemas towards those rules, so the raw
pydantic schema is checked too: the output types themselves must already be strict, or the
json_object mode (which relies on the prompt and a grammar) would see a looser contract.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from openai.lib._pydantic import to_strict_json_schema
from pydantic import BaseModel

from assistant import outputs
from assistant.models.openai import strict_schema

OUTPUT_TYPES = [
    kind
    for name, kind in inspect.getmembers(outputs, inspect.isclass)
    if issubclass(kind, BaseModel) and kind.__module__ == outputs.__name__ and name[0] != "_"
]


def _nodes(schema: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every sub-schema with its path."""
    if isinstance(schema, dict):
        yield path, schema
        for key, value in schema.items():
            yield from _nodes(value, f"{path}.{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from _nodes(value, f"{path}[{index}]")


def strict_violations(schema: dict[str, Any]) -> list[str]:
    problems = []
    for path, node in _nodes(schema):
        if "default" in node:
            problems.append(f"{path}: has a default")
        if node.get("type") != "object" and "properties" not in node:
            continue
        if node.get("additionalProperties") is not False:
            problems.append(f"{path}: additionalProperties is not false")
        properties = set(node.get("properties", {}))
        if set(node.get("required", [])) != properties:
            problems.append(f"{path}: not every property is required")
    return problems


def test_every_output_type_is_found() -> None:
    names = {kind.__name__ for kind in OUTPUT_TYPES}
    assert {"ExtractionOutput", "VerdictOutput", "AnswerOutput"} <= names


@pytest.mark.parametrize("output_type", OUTPUT_TYPES, ids=lambda kind: kind.__name__)
def test_strict_schema_sent_by_the_engine_obeys_the_rules(output_type: type[BaseModel]) -> None:
    schema = strict_schema(output_type)
    assert schema == to_strict_json_schema(output_type)
    assert strict_violations(schema) == []


@pytest.mark.parametrize("output_type", OUTPUT_TYPES, ids=lambda kind: kind.__name__)
def test_raw_pydantic_schema_is_already_strict(output_type: type[BaseModel]) -> None:
    assert strict_violations(output_type.model_json_schema()) == []


def test_the_checker_catches_loose_schemas() -> None:
    class Loose(BaseModel):
        name: str
        note: str | None = None

    problems = strict_violations(Loose.model_json_schema())
    assert "$.properties.note: has a default" in problems
    assert "$: additionalProperties is not false" in problems
    assert "$: not every property is required" in problems
