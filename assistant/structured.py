"""Ask for structured output: validate, re-ask with the error, never default a verdict."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from assistant import prompts
from assistant.claims import Usage
from assistant.errors import (
    ContentFilterError,
    InvalidOutputError,
    RefusalError,
    TruncatedOutputError,
)
from assistant.models.base import ModelRequest, ModelResponse
from assistant.runner import Steps

OutputT = TypeVar("OutputT", bound=BaseModel)
MAX_REASKS = 2


def _check_finish(response: ModelResponse) -> None:
    if response.refusal or response.finish_reason == "refusal":
        raise RefusalError(response.refusal or "no reason given")
    if response.finish_reason == "length":
        raise TruncatedOutputError(
            "the model hit its output token limit before finishing; "
            "raise CLAIMDESK_MAX_TOKENS, or lower CLAIMDESK_CONTEXT_CHARS to send shorter parts"
        )
    if response.finish_reason == "content_filter":
        raise ContentFilterError("the server's content filter stopped the answer")


def _short(error: ValidationError) -> str:
    lines = [f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors()[:8]]
    return "; ".join(lines)


def structured(
    request: ModelRequest, output_type: type[OutputT], usage: Usage
) -> Steps[tuple[OutputT, ModelRequest, str]]:
    """Yield the request (and re-asks) until the answer validates as ``output_type``.

    Returns the parsed output, the request that produced it and the raw answer text, so a caller
    can re-ask about the content (for example quotes that are not in the document).
    """
    error = ""
    for attempt in range(MAX_REASKS + 1):
        response = yield request
        _check_finish(response)
        try:
            return output_type.model_validate_json(response.content), request, response.content
        except ValidationError as invalid:
            error = _short(invalid)
        if attempt < MAX_REASKS:
            usage.reasks += 1
            request = request.with_followup(
                response.content, prompts.render("reask_invalid", error=error)
            )
    raise InvalidOutputError(
        f"the model's answer stayed invalid after {MAX_REASKS} re-asks: {error}",
        attempts=MAX_REASKS + 1,
        last_error=error,
    )


def structured_grounded(
    request: ModelRequest,
    output_type: type[OutputT],
    usage: Usage,
    missing_quotes: Callable[[OutputT], list[tuple[str, str]]],
) -> Steps[OutputT]:
    """:func:`structured`, then one re-ask when ``missing_quotes`` finds quotes in the answer
    that are not evidence (not in the text, or too short or beside the point; each with the
    reason); the second answer is taken as it is (such quotes are dropped later, when the caller
    grounds them)."""
    output, asked, answer = yield from structured(request, output_type, usage)
    missing = missing_quotes(output)
    if missing:
        usage.reasks += 1
        followup = asked.with_followup(answer, prompts.render("reask_quotes", quotes=missing))
        output, _, _ = yield from structured(followup, output_type, usage)
    return output
