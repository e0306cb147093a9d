"""One corpus item through the pipeline: its analysis record, or its error record.

The same two functions serve every engine of a corpus run (one process, Ray workers, Batch API
collection). An unreachable server, a refused key or a wrong setting stops the run instead of
failing every item: nothing is recorded for that item, so a rerun picks it up.
"""

from __future__ import annotations

from assistant._assistant import Assistant
from assistant.batch.records import Record, error_record, ok_record
from assistant.claims import Document
from assistant.errors import AuthenticationError, ConfigurationError, UnreachableError

FATAL = (UnreachableError, AuthenticationError, ConfigurationError)


def analyze_item(assistant: Assistant, document: Document) -> Record:
    try:
        return ok_record(document.id, assistant.analyze(document))
    except FATAL:
        raise
    except Exception as error:
        return error_record(document.id, error)


async def aanalyze_item(assistant: Assistant, document: Document) -> Record:
    try:
        return ok_record(document.id, await assistant.aanalyze(document))
    except FATAL:
        raise
    except Exception as error:
        return error_record(document.id, error)
