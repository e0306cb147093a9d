"""Who a source is, across documents: normalised names of people, bodies and outlets.

Two mentions name the same party when their name tokens (lower case, punctuation, honorifics and
possessives removed) are equal or one set contains the other ("Baloch" and "Mumtaz Zahra Baloch";
"the Foreign Office" and "Pakistan's Foreign Office"). Outlets are recognised inside media-report
source names ("a Harbour Ledger report", "Reuters, citing officials").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from assistant.claims import Document

_TOKEN = re.compile(r"[a-z0-9]+")
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame prof professor the".split())
# Words that describe a report rather than name whose report it is.
_REPORT_WORDS = frozenset(
    """a an the report reports reported reporting media news press local international foreign
    according to citing cited earlier article articles story stories outlet outlets newspaper
    newspapers paper broadcaster website agency agencies wire unnamed unattributed several some
    other by in of on said says""".split()
)
UNNAMED_REPORT = "unnamed media reports"
# Where a report's own name ends and what it cites begins: "Reuters, citing five officials".
_ATTRIBUTION = re.compile(r",|\b(?:citing|quoting|according to|which cited)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def tokens(name: str) -> tuple[str, ...]:
    """Lower-case word tokens of a name, possessive 's and honorifics dropped."""
    text = re.sub(r"['\u2019]s\b", "", name.lower())
    return tuple(t for t in _TOKEN.findall(text) if t not in _HONORIFICS)


def same_party(a: str, b: str) -> bool:
    """Whether two written names plausibly refer to the same person or body."""
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta


def outlet_key(outlet: str) -> str:
    return " ".join(tokens(outlet))


def document_outlet(document: Document) -> str:
    """The key under which a document's own reporting is counted: its outlet, else its id."""
    return outlet_key(document.outlet) if document.outlet else f"document {document.id}"


def document_label(document: Document) -> str:
    """How a document is named to a person: outlet, else title, else id."""
    return document.outlet or document.title or document.id


def cited_outlet(report_name: str, outlets: Sequence[str]) -> str:
    """The outlet a media-report source names: one of ``outlets`` (keys) when it contains one,
    else the report's own distinctive words, else :data:`UNNAMED_REPORT`."""
    words = set(tokens(report_name))
    for key in outlets:
        if key and set(key.split()) <= words:
            return key
    own_part = _ATTRIBUTION.split(report_name, maxsplit=1)[0]
    distinctive = [t for t in tokens(own_part) if t not in _REPORT_WORDS]
    return " ".join(distinctive) if distinctive else UNNAMED_REPORT


def first_match(name: str, known: Iterable[str]) -> str | None:
    """The first already-seen name that refers to the same party as ``name``."""
    return next((k for k in known if same_party(name, k)), None)
