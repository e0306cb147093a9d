"""Retries for transient server failures, owned by tenacity rather than the SDK.

Jittered exponential backoff that honours a server's Retry-After (capped), stopped by an attempt
limit and a wall-clock budget. Which exceptions are transient, and how long the server asked to
wait, are decided by the caller, so this module knows nothing about any SDK. The sleep functions
and the clock are injectable so tests never wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    RetryError,
    Retrying,
    retry_if_exception,
    wait_random_exponential,
)

T = TypeVar("T")
Judge = Callable[[BaseException], bool]
AskedWait = Callable[[BaseException], float | None]


@dataclass(frozen=True)
class RetryPolicy:
    """How long and how often to retry transient failures of one model call."""

    max_attempts: int = 5
    budget_s: float = 60.0
    first_wait_s: float = 0.5
    max_wait_s: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic


class Exhausted(Exception):
    """The retry budget ran out; carries the last failure and how many attempts were made."""

    def __init__(self, last: BaseException, attempts: int) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.last = last
        self.attempts = attempts


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait a server asked for in ``retry-after-ms`` or ``retry-after`` (seconds or a date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


class _Schedule:
    """The wait and stop rules of one call: Retry-After first, else jittered backoff."""

    def __init__(self, policy: RetryPolicy, asked_wait: AskedWait) -> None:
        self.policy = policy
        self.asked_wait = asked_wait
        self.started = policy.clock()
        self.backoff = wait_random_exponential(
            multiplier=policy.first_wait_s, max=policy.max_wait_s
        )

    def wait(self, state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome else None
        asked = self.asked_wait(failure) if failure is not None else None
        if asked is not None:
            return min(asked, self.policy.max_wait_s)
        return float(self.backoff(state))

    def stop(self, state: RetryCallState) -> bool:
        if state.attempt_number >= self.policy.max_attempts:
            return True
        elapsed = self.policy.clock() - self.started
        return elapsed + state.upcoming_sleep > self.policy.budget_s


def call_with_retries(
    call: Callable[[], T], policy: RetryPolicy, transient: Judge, asked_wait: AskedWait
) -> tuple[T, int]:
    """``call()``'s result and the number of attempts it took; raises Exhausted or the error."""
    schedule = _Schedule(policy, asked_wait)
    attempts = 0

    def attempt() -> T:
        nonlocal attempts
        attempts += 1
        return call()

    retrying = Retrying(
        retry=retry_if_exception(transient),
        wait=schedule.wait,
        stop=schedule.stop,
        sleep=policy.sleep,
    )
    try:
        return retrying(attempt), attempts
    except RetryError as error:
        raise Exhausted(_last_failure(error), attempts) from None


async def acall_with_retries(
    call: Callable[[], Awaitable[T]], policy: RetryPolicy, transient: Judge, asked_wait: AskedWait
) -> tuple[T, int]:
    """Async twin of :func:`call_with_retries`."""
    schedule = _Schedule(policy, asked_wait)
    attempts = 0

    async def attempt() -> T:
        nonlocal attempts
        attempts += 1
        return await call()

    retrying = AsyncRetrying(
        retry=retry_if_exception(transient),
        wait=schedule.wait,
        stop=schedule.stop,
        sleep=policy.async_sleep,
    )
    try:
        return await retrying(attempt), attempts
    except RetryError as error:
        raise Exhausted(_last_failure(error), attempts) from None


def _last_failure(error: RetryError) -> BaseException:
    failure = error.last_attempt.exception()
    return failure if failure is not None else error
