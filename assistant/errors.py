"""Exceptions, split by who must act: the user (input, configuration), the server, or the model.

Every error carries its data as attributes and a one-line message fit for a terminal, with any
secret masked (see redaction.py).
"""

from __future__ import annotations

from assistant.redaction import redact
from assistant.sanitising import scrub


class ClaimdeskError(Exception):
    """Base class for every error the assistant raises on purpose."""

    def __init__(self, message: str = "") -> None:
        super().__init__(" ".join(redact(scrub(str(message))).split()))


# --- the user must act -------------------------------------------------------------------------


class InputError(ClaimdeskError):
    """A document the user gave cannot be read or is empty."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ConfigurationError(ClaimdeskError):
    """The model or server configuration is wrong; the message names the setting to fix."""

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


class UnknownModelError(ConfigurationError):
    def __init__(self, model: str) -> None:
        super().__init__(
            f"unknown model {model!r}: use 'offline' or 'openai:NAME' "
            "(set with --model or CLAIMDESK_MODEL)",
            setting="CLAIMDESK_MODEL",
        )
        self.model = model


# --- the server or its operator must act -------------------------------------------------------


class ModelServerError(ClaimdeskError):
    """The model server answered with an error or could not be reached."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class AuthenticationError(ModelServerError):
    """401/403: the API key is missing, wrong or lacks permission."""


class RequestRejectedError(ModelServerError):
    """400/404/422: the server will not answer this request as sent (model name, parameters)."""


class UnreachableError(ModelServerError):
    """The server could not be reached at all (connection refused, DNS, timeouts) and had not
    answered before: an eval stops on it."""


class MalformedResponseError(ModelServerError):
    """The server's answer was not a usable chat completion: truncated, empty, not JSON, or JSON
    of another shape."""


class RetriesExhaustedError(ModelServerError):
    """Transient failures (429, 5xx, timeouts) outlasted the retry budget."""

    def __init__(self, message: str, *, attempts: int, status_code: int | None = None) -> None:
        super().__init__(message, status_code=status_code)
        self.attempts = attempts


# --- the model misbehaved ----------------------------------------------------------------------


class ModelOutputError(ClaimdeskError):
    """The model's answer cannot be used; no verdict is defaulted in its place."""


class InvalidOutputError(ModelOutputError):
    """The model's output stayed invalid after the allowed re-asks."""

    def __init__(self, message: str, *, attempts: int, last_error: str) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_error = last_error


class RefusalError(ModelOutputError):
    def __init__(self, refusal: str) -> None:
        super().__init__(f"the model refused: {refusal}")
        self.refusal = redact(refusal)


class TruncatedOutputError(ModelOutputError):
    """The model stopped at its token limit before finishing its answer."""


class ContentFilterError(ModelOutputError):
    """The server's content filter stopped the answer."""


class InputTooLargeError(InputError):
    """A document is larger than CLAIMDESK_MAX_INPUT_BYTES allows."""

    def __init__(self, message: str, *, path: str | None = None, size: int, limit: int) -> None:
        super().__init__(message, path=path)
        self.size = size
        self.limit = limit
