"""Shared material for the chat tests: the seed article and an analysis of it by hand.

The claims follow the rubric's worked example for the seed article; every quote is located in the
text by assistant.grounding, so the evidence offsets are real.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.claims import Analysis, Claim, Document, EngineInfo, Source
from assistant.documents import read_document
from assistant.grounding import locate

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "pakistan-fo-china-security.txt"

FO = ("Pakistan's Foreign Office (FO)", None, "organization")
PARTIES = frozenset({"named_official", "named_person", "organization", "document"})
BALOCH = ("Mumtaz Zahra Baloch", "FO Spokesperson", "named_official")
MEDIA = ("a media report", None, "media_report")
ANONYMOUS = ("five Pakistani security and government sources", None, "anonymous")
MINISTRIES = ("Pakistan's interior and planning ministries", None, "organization")
LIN = ("Lin Jian", "China's Foreign Ministry spokesperson", "named_official")
OUTLET = ("the outlet", None, "outlet")

# (claim text, status, reason, [(party, stance, quote), ...])
SEED_CLAIMS: list[tuple[str, str, str, list[tuple[tuple[str, str | None, str], str, str]]]] = [
    (
        "China is pressuring Islamabad to allow Chinese security personnel to protect Chinese "
        "nationals in Pakistan.",
        "denied",
        "Denied on the record by Pakistan's Foreign Office; the claim rests on media reports.",
        [
            (FO, "denies", "denied claims that China is pressuring Islamabad"),
            (BALOCH, "denies", "motivated by an agenda to create confusion"),
            (MEDIA, "asserts", "Reports surfaced this week suggesting that Beijing has pushed"),
        ],
    ),
    (
        "Beijing pushed for its own security staff to protect Chinese nationals in Pakistan and "
        "made a written proposal.",
        "unverified",
        "Rests on a media report citing anonymous sources; neither government has confirmed it.",
        [
            (MEDIA, "asserts", "The media report, citing"),
            (ANONYMOUS, "asserts", "five Pakistani security and government sources"),
            (MINISTRIES, "not_confirmed", "interior and planning ministries have yet to comment"),
        ],
    ),
    (
        "China's Foreign Ministry spokesperson Lin Jian reaffirmed Beijing's support for Pakistan "
        "in its fight against terrorism.",
        "confirmed",
        "Affirmed on the record by Lin Jian (named official).",
        [(LIN, "confirms", "Lin Jian reaffirmed Beijing's support for Pakistan")],
    ),
    (
        "A blast in Bisham, Khyber Pakhtunkhwa, in March killed five Chinese nationals.",
        "confirmed",
        "Reported by the outlet in its own voice as established fact.",
        [(OUTLET, "asserts", "In March, a blast in Bisham, Khyber Pakhtunkhwa, killed five")],
    ),
    (
        "Pakistan and China have robust dialogue and cooperation on counterterrorism and the "
        "security of Chinese nationals.",
        "confirmed",
        "Affirmed on the record by Mumtaz Zahra Baloch (named official).",
        [(BALOCH, "asserts", "Pakistan and China have robust dialogue and cooperation")],
    ),
]


def seed_document() -> Document:
    return read_document(SEED).model_copy(update={"title": SEED.name})


def _source(
    document: Document, party: tuple[str, str | None, str], stance: str, quote: str
) -> Source:
    evidence = locate(document, quote)
    assert evidence is not None, quote
    name, role, kind = party
    data: dict[str, Any] = {"name": name, "role": role, "kind": kind, "stance": stance}
    on_record = kind != "anonymous"
    standing = on_record and kind in PARTIES
    return Source.model_validate(
        {**data, "on_record": on_record, "standing": standing, "evidence": [evidence]}
    )


def seed_claims(document: Document, *, numbered: bool = True) -> list[Claim]:
    claims = []
    for i, (text, status, reason, sources) in enumerate(SEED_CLAIMS, start=1):
        built = [_source(document, *s) for s in sources]
        claims.append(
            Claim.model_validate(
                {
                    "id": f"c{i}" if numbered else "",
                    "text": text,
                    "status": status,
                    "status_reason": reason,
                    "sources": built,
                }
            )
        )
    return claims


def seed_analysis(engine: EngineInfo | None = None) -> Analysis:
    document = seed_document()
    info = engine or EngineInfo(name="function", model="scripted", prompt_version="test")
    return Analysis(documents=[document], claims=seed_claims(document), engine=info)


def extraction_reply(document: Document) -> dict[str, Any]:
    """The seed claims as a model's answer to an ``extract`` request (ExtractionOutput JSON)."""
    claims = []
    for claim in seed_claims(document, numbered=False):
        sources = [
            {
                "name": s.name,
                "role": s.role,
                "kind": s.kind,
                "stance": s.stance,
                "on_record": s.on_record,
                "standing": s.standing,
                "quotes": [e.quote for e in s.evidence],
            }
            for s in claim.sources
        ]
        claims.append(
            {
                "text": claim.text,
                "status": claim.status,
                "status_reason": claim.status_reason,
                "sources": sources,
            }
        )
    return {"claims": claims}


def seed_offline_cache(home: Path) -> None:
    """Store the hand-made seed claims as the offline engine's kept reading of the seed.

    Lets the chat command run end to end in a subprocess (``--model offline``) whether or not
    the offline extractor exists yet: the cache is consulted before the engine is asked.
    """
    from assistant import Assistant
    from assistant.analysis import Reading
    from assistant.chat.history import DB_NAME, History, engine_key
    from assistant.claims import Usage

    assistant = Assistant("offline")
    history = History(home / DB_NAME)
    try:
        document = seed_document()
        key = engine_key(assistant.engine, assistant.model)
        reading = Reading(seed_claims(document, numbered=False))
        history.store_reading(document, key, reading, Usage())
    finally:
        history.close()
