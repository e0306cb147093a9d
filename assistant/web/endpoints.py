"""The JSON API the page uses and scripts can call: health, analyze, check, read, export.

Every route is a thin shell over the SDK (``Assistant.aanalyze``, ``Assistant.acheck``, the CLI's
document readers and renderers); none decides anything itself.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assistant import Analysis, __version__, rendering
from assistant.documents import read_document
from assistant.errors import InputError
from assistant.web import bodies
from assistant.web.desk import Desk
from assistant.web.problems import Problem

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
EXPORTS = {"json": ("application/json", ".json"), "markdown": ("text/markdown", ".md")}


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def _json(model_json: str) -> Response:
    return Response(model_json, media_type="application/json")


async def health(request: Request) -> JSONResponse:
    """Which engine answers; never a key, a base URL or any other setting."""
    engine = desk_of(request).assistant.engine
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "engine": engine.name,
            "model": engine.model,
            "prompt_version": engine.prompt_version,
            "history": desk_of(request).history is not None,
        }
    )


async def analyze(request: Request) -> Response:
    """``{"documents": [...]}`` -> the Analysis JSON (``claimdesk analyze --format json``)."""
    desk = desk_of(request)
    documents = bodies.documents(await bodies.json_body(request))
    analysis = await desk.assistant.aanalyze(documents)
    desk.remember(analysis)
    return _json(analysis.model_dump_json())


async def check(request: Request) -> Response:
    """``{"claim": ..., "documents": [...]}`` -> the Verdict JSON (``claimdesk check``)."""
    desk = desk_of(request)
    body = await bodies.json_body(request)
    claim = bodies.text(body, "claim")
    documents = bodies.documents(body)
    analysis = desk.known_analysis(documents)
    verdict = await desk.assistant.acheck(claim, documents, analysis=analysis)
    return _json(verdict.model_dump_json())


def _safe_suffix(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        raise Problem(400, f"{name}: read .txt, .md or .html files ({suffix or 'no suffix'})")
    return suffix


async def read(request: Request) -> JSONResponse:
    """A dropped file (raw bytes, ``?name=FILE``) read by the CLI's reader: its fields."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/octet-stream":
        raise Problem(415, "send the file's bytes as application/octet-stream", "media_type")
    name = PurePath(request.query_params.get("name", "").replace("\\", "/")).name
    if not name:
        raise Problem(400, "give the file's name as ?name=FILE")
    suffix = _safe_suffix(name)
    raw = await request.body()
    with tempfile.TemporaryDirectory(prefix="claimdesk-web-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(raw)
        try:
            document = read_document(path)
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name), path=name) from exc
    fields = document.model_dump(mode="json", include={"text", "title", "outlet", "date"})
    fields["title"] = fields["title"] or name
    return JSONResponse(fields)


async def export(request: Request) -> Response:
    """``{"analysis": {...}, "format": "json"|"markdown"}`` -> the file the CLI would write."""
    body = await bodies.json_body(request)
    kind = body.get("format", "json")
    if kind not in EXPORTS:
        raise Problem(400, "'format' must be 'json' or 'markdown'")
    try:
        analysis = Analysis.model_validate(body.get("analysis"))
    except ValidationError as exc:
        raise Problem(
            400, f"'analysis' is not an Analysis ({exc.error_count()} problem(s))"
        ) from exc
    media, suffix = EXPORTS[kind]
    text = analysis.model_dump_json(indent=2) if kind == "json" else rendering.markdown(analysis)
    text = text if text.endswith("\n") else text + "\n"
    disposition = f'attachment; filename="claimdesk-analysis{suffix}"'
    return Response(text, media_type=media, headers={"content-disposition": disposition})
