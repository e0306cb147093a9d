"""A scripted LLM for the multidoc fixtures: the extraction answer a careful model would give for
each article, keyed by the article's title, so tests exercise merging and independence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.claims import Document
from assistant.documents import read_document
from assistant.models.base import ModelRequest
from assistant.models.function import Answer, FunctionModel
from tests import wire

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "multidoc"
FILES = ("a_ledger.txt", "b_courier.txt", "c_gazette.txt", "d_ledger_correction.txt")

SALE = "The Vell Port Authority plans to sell its east terminal to a private operator"
RESIGNED = "The port's chief engineer Paul Brandt resigned"
FIRE = "A fire on Sunday destroyed most of the grain stored in Warehouse 7"


def source(
    name: str, kind: str, stance: str, quotes: list[str], *, role: str | None = None
) -> dict[str, Any]:
    """A wire-format source; anonymous sources are the only ones off the record here."""
    return wire.source(
        name, quotes, kind=kind, stance=stance, on_record=kind != "anonymous", role=role
    )


def claim(text: str, status: str, reason: str, sources: list[dict[str, Any]]) -> dict[str, Any]:
    return wire.claim(text, status, sources, reason)


LEDGER = [
    claim(
        SALE,
        "unverified",
        "Rests on three anonymous officials.",
        [
            source(
                "three officials who asked not to be named",
                "anonymous",
                "asserts",
                ["according to three officials who asked not to be named"],
            )
        ],
    ),
    claim(
        RESIGNED,
        "confirmed",
        "Reported by the Ledger in its own voice.",
        [source("The Harbour Ledger", "outlet", "asserts", ["Paul Brandt, resigned on Friday"])],
    ),
    claim(
        FIRE,
        "confirmed",
        "Affirmed on the record by fire chief Dana Ruiz.",
        [
            source(
                "Dana Ruiz",
                "named_official",
                "asserts",
                ['the blaze "destroyed most of the grain in the building"'],
                role="fire chief",
            )
        ],
    ),
]

COURIER = [
    claim(
        SALE,
        "unverified",
        "Rests on a Harbour Ledger report citing anonymous officials.",
        [
            source(
                "the Harbour Ledger",
                "media_report",
                "asserts",
                ["the Harbour Ledger reported on Monday"],
            ),
            source(
                "three officials who asked not to be named",
                "anonymous",
                "asserts",
                ["citing three officials who asked not to be named"],
            ),
            source(
                "Coastal Courier",
                "outlet",
                "not_confirmed",
                ["The Courier could not independently verify the report."],
            ),
        ],
    ),
    claim(
        "Chief engineer Paul Brandt has resigned",
        "unverified",
        "Rests on a Harbour Ledger report.",
        [
            source(
                "the Harbour Ledger",
                "media_report",
                "asserts",
                ["Chief engineer Paul Brandt has resigned, according to the Harbour Ledger."],
            )
        ],
    ),
    claim(
        "Sunday's fire destroyed most of the grain stored in Warehouse 7",
        "confirmed",
        "Affirmed on the record by warehouse owner Tom Okafor.",
        [
            source(
                "Tom Okafor",
                "named_person",
                "asserts",
                ["We lost nearly everything"],
                role="warehouse owner",
            )
        ],
    ),
]

GAZETTE = [
    claim(
        "The Vell Port Authority plans to sell the east terminal",
        "denied",
        "Denied on the record by port authority spokesperson Ilse Marten.",
        [
            source(
                "Ilse Marten",
                "named_official",
                "denies",
                ["There is no plan to sell the east terminal to anyone"],
                role="port authority spokesperson",
            )
        ],
    ),
]

CORRECTION = [
    claim(
        "The port's chief engineer Paul Brandt resigned",
        "unverified",
        "The Ledger retracted its earlier report.",
        [source("The Harbour Ledger", "outlet", "denies", ["Brandt has not resigned."])],
    ),
]

BY_TITLE: dict[str, list[dict[str, Any]]] = {
    "Port authority weighs sale of east terminal": LEDGER,
    "Report says Vell port to sell terminal": COURIER,
    "Port authority denies terminal sale": GAZETTE,
    "Correction: port's chief engineer has not resigned": CORRECTION,
}


def extraction_answer(request: ModelRequest) -> Answer:
    """The scripted extraction for the article in ``request`` (extract requests only)."""
    assert request.task == "extract", request.task
    return {"claims": BY_TITLE[request.inputs["title"]]}


def extraction_model() -> FunctionModel:
    return FunctionModel(extraction_answer, name="multidoc-script")


def documents(*names: str, undated: bool = False) -> list[Document]:
    """The fixture articles (all four by default), read with their front matter."""
    docs = [read_document(FIXTURES / name) for name in (names or FILES)]
    if undated:
        docs = [d.model_copy(update={"date": None}) for d in docs]
    return docs
