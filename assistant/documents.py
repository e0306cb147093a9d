"""Read documents the user gives: files or stdin, with optional YAML front matter.

No document larger than ``CLAIMDESK_MAX_INPUT_BYTES`` (default 2 MB, some 300,000 words) is
read: a file is refused by its size before it is read, standard input once the limit is passed,
so memory stays bounded whatever is given.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from assistant import webpages
from assistant.claims import Document
from assistant.errors import (
    ArgumentTypeError,
    ConfigurationError,
    InputError,
    InputTooLargeError,
    InvalidArgumentError,
)
from assistant.sanitising import scrub

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELDS = ("title", "date", "outlet")
LIMIT_VARIABLE = "CLAIMDESK_MAX_INPUT_BYTES"
DEFAULT_MAX_INPUT_BYTES = 2_000_000


def max_input_bytes() -> int:
    """The largest document read, in bytes: ``CLAIMDESK_MAX_INPUT_BYTES``, else 2 MB."""
    value = os.environ.get(LIMIT_VARIABLE, "").strip().replace("_", "")
    if not value:
        return DEFAULT_MAX_INPUT_BYTES
    if not value.isdigit() or int(value) <= 0:
        raise ConfigurationError(
            f"{LIMIT_VARIABLE}={value!r} is not a positive number of bytes", setting=LIMIT_VARIABLE
        )
    return int(value)


def _megabytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1_000:.1f} kB" if size >= 1_000 else f"{size} bytes"


def refuse_oversized(size: int, where: str, *, more: bool = False) -> None:
    """InputTooLargeError when ``size`` bytes pass the limit (``more``: at least that many)."""
    limit = max_input_bytes()
    if size > limit:
        amount = "" if more else f" {_megabytes(size)},"
        raise InputTooLargeError(
            f"{where}:{amount} over the {_megabytes(limit)} limit for one document; split "
            f"it, or raise {LIMIT_VARIABLE} (now {limit})",
            path=where,
            size=size,
            limit=limit,
        )


def read_limited(stream: BinaryIO, where: str) -> bytes:
    """At most the limit from ``stream`` (standard input); InputTooLargeError past it."""
    limit = max_input_bytes()
    data = stream.read(limit + 1)
    refuse_oversized(len(data), where, more=True)
    return data


def _front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(
            f"{where}: front matter is not valid YAML ({_yaml_problem(exc)})", path=where
        ) from exc
    except ValueError as exc:  # a timestamp-shaped value that is no real date: 2026-13-45
        message = f"{where}: front matter has an impossible date ({exc})"
        raise InputError(message, path=where) from exc
    if not isinstance(meta, dict):
        raise InputError(f"{where}: front matter must be 'key: value' lines", path=where)
    return {k: meta[k] for k in _FIELDS if meta.get(k) is not None}, text[match.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: the problem and where it is."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"{exc.problem or exc.context}, line {mark.line + 1} column {mark.column + 1}"
    return " ".join(str(exc).split())


def _as_date(value: Any, where: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD", path=where) from exc


def _decoded(raw: bytes, where: str) -> str:
    """UTF-8 (with or without a byte-order mark), or UTF-16 with one (Windows 'Unicode')."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-16 text (byte {exc.start})", path=where) from exc
        if "\0" not in text:
            return text
    if b"\0" in raw:
        raise InputError(f"{where}: looks like a binary file, not text", path=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start})", path=where) from exc


def _page(text: str, where: str) -> tuple[dict[str, Any], str]:
    """The article of an HTML page and its title, date and outlet."""
    page = webpages.article(text, where)
    meta = {"title": page.title, "date": page.date, "outlet": page.outlet}
    return {k: v for k, v in meta.items() if v is not None}, page.text


def parse_document(raw: bytes, where: str, **overrides: Any) -> Document:
    """A Document from raw bytes; clear errors for binary, non-UTF-8 or empty input. Text that
    starts like an HTML page is reduced to its article (webpages.py)."""
    return _parse(raw, where, None, overrides)


def _parse(raw: bytes, where: str, html: bool | None, overrides: dict[str, Any]) -> Document:
    """``parse_document``; ``html`` True reads a page, None looks at the text to tell."""
    text = _decoded(raw, where)
    is_page = webpages.looks_like_html(text) if html is None else html
    meta, body = _page(text, where) if is_page else _front_matter(text, where)
    if is_page:
        meta["extracted_from"] = "html"
    meta.update({k: v for k, v in overrides.items() if v is not None})
    if not body.strip():
        raise InputError(f"{where}: the document is empty", path=where)
    meta["date"] = _as_date(meta.get("date"), where)
    meta.setdefault("title", None)
    return Document.from_text(
        body, **{k: (str(v) if k != "date" and v is not None else v) for k, v in meta.items()}
    )


def _is_page_file(path: Path) -> bool | None:
    """True for a .html/.htm file; None (look at the text) for any other."""
    return True if path.suffix.lower() in webpages.HTML_SUFFIXES else None


def read_document(path: str | Path, **overrides: Any) -> Document:
    where = scrub(str(path))  # a file name may hold bytes that are not UTF-8
    file = Path(path)
    if not file.exists():
        raise InputError(f"{where}: no such file", path=where)
    if file.is_dir():
        raise InputError(f"{where}: is a directory, not a text file", path=where)
    try:
        refuse_oversized(file.stat().st_size, where)
        with file.open("rb") as handle:
            raw = read_limited(handle, where)
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror})", path=where) from exc
    return _parse(raw, where, _is_page_file(file), overrides)


def read_titled_document(path: str | Path, **overrides: Any) -> Document:
    """``read_document``, titled by the file's name when its front matter gives no title."""
    document = read_document(path, **overrides)
    if document.title is None:
        document = document.model_copy(update={"title": scrub(Path(path).name)})
    return document


DocumentInput = str | Path | Document
"""One document as SDK callers give it: its text, a file to read, or a Document."""


def as_document(item: object, where: str = "text") -> Document:
    """One document from what SDK callers pass: a text, a Path to read, or a Document."""
    if isinstance(item, Document):
        if not item.text.strip():
            raise InputError(f"{where}: the document is empty", path=None)
        refuse_oversized(len(item.text.encode("utf-8", "replace")), where)
        return item
    if isinstance(item, Path):
        return read_titled_document(item)
    if isinstance(item, str):
        _refuse_file_name(item, where)
        raw = scrub(item).encode()
        refuse_oversized(len(raw), where)
        return parse_document(raw, where)
    raise ArgumentTypeError(
        f"{where}: expected a str, Document or Path (or a list of them), not {type(item).__name__}"
    )


FILE_LIKE = re.compile(r"^[^\s]+\.(txt|md|markdown|html?|json|text)$", re.IGNORECASE)


def _refuse_file_name(text: str, where: str) -> None:
    """A str is the article's text; one that names a file is almost surely a mistake."""
    candidate = text.strip()
    if not candidate or "\n" in candidate or len(candidate) > 4096:
        return
    try:
        exists = Path(candidate).expanduser().is_file()
    except (OSError, ValueError):  # not a possible path at all
        return
    if exists:
        raise InvalidArgumentError(
            f"{where}: {candidate!r} is the name of a file, but a str is read as the article's "
            f"text; pass Path({candidate!r}) to read the file"
        )
    if FILE_LIKE.match(candidate):
        raise InvalidArgumentError(
            f"{where}: {candidate!r} looks like a file name, but no such file exists and a str "
            "is read as the article's text; pass the text itself, or Path(...) of a file"
        )


def as_documents(data: DocumentInput | Sequence[DocumentInput]) -> list[Document]:
    """Normalise what SDK callers pass: a text, a Path, a Document, or a list or tuple of them."""
    if isinstance(data, list | tuple):
        names = [f"document {n}" for n in range(1, len(data) + 1)]
        documents = [as_document(d, name) for d, name in zip(data, names, strict=True)]
        refuse_repeats(documents, names)
    else:
        documents = [as_document(data)]
    if not documents:
        raise InputError("no documents given")
    return documents


def refuse_repeats(documents: Sequence[Document], names: Sequence[str]) -> None:
    """InputError when two documents have the same text (one file given twice, or a copy)."""
    first: dict[str, str] = {}
    for document, name in zip(documents, names, strict=True):
        if document.id in first:
            raise InputError(f"{name}: same text as {first[document.id]}", path=name)
        first[document.id] = name
