"""A model that wraps another: it passes every request on and names itself as the inner model.

Wrappers (the eval cache, the eval meter) subclass it and override ``complete``/``acomplete``
to act around the inner call, so the engine's identity is forwarded in one place.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.models.base import Capabilities, Model, ModelRequest, ModelResponse


class ModelWrapper:
    """Implements the Model interface by delegating everything to ``inner``."""

    def __init__(self, model: Model) -> None:
        self.inner = model

    @property
    def engine_name(self) -> str:
        return self.inner.engine_name

    @property
    def model_name(self) -> str:
        return self.inner.model_name

    @property
    def context_chars(self) -> int:
        return self.inner.context_chars

    @property
    def capabilities(self) -> Capabilities:
        """The inner model's, except streaming unless this wrapper also streams."""
        inner = self.inner.capabilities
        if inner.streams and not _streams_itself(self):
            return replace(inner, streams=False)
        return inner

    def complete(self, request: ModelRequest) -> ModelResponse:
        return self.inner.complete(request)

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        return await self.inner.acomplete(request)


def _streams_itself(wrapper: ModelWrapper) -> bool:
    """Whether the wrapper's class implements streaming. Not ``isinstance(..., StreamingModel)``:
    on Python 3.11 a protocol check reads every member, ``capabilities`` among them, which
    would ask this property again (a RecursionError, depending on the members' set order)."""
    return all(callable(getattr(type(wrapper), name, None)) for name in ("stream", "astream"))
