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


class InvalidArgumentError(InputError, ValueError):
    """An SDK call got a value it cannot use (an unknown status, a file name given as text)."""


class ArgumentTypeError(InvalidArgumentError, TypeError):
    """An SDK call got a value of the wrong type."""


class NotFoundError(InvalidArgumentError, KeyError):
    """A lookup by id found nothing (also a KeyError, as a mapping's would be)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ConfigurationError(ClaimdeskError):
    """The model or server configuration is wrong; the message names the setting to fix.

    ``str(error)`` speaks the SDK's terms (``model=``); ``cli_message`` the command line's
    (``--model``), for the same problem.
    """

    def __init__(
        self, message: str, *, setting: str | None = None, cli_message: str | None = None
    ) -> None:
        super().__init__(message)
        self.setting = setting
        self.cli_message = cli_message or message


class UnknownModelError(ConfigurationError):
    def __init__(self, model: str) -> None:
        problem = f"unknown model {model!r}: use 'offline' or 'openai:NAME'"
        super().__init__(
            f"{problem} (pass model= or set CLAIMDESK_MODEL)",
            setting="CLAIMDESK_MODEL",
            cli_message=f"{problem} (set --model or CLAIMDESK_MODEL; 'claimdesk models' lists "
            "them)",
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
