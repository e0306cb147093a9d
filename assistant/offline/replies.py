"""What every offline chat answer is built from: the request's claims, documents and previous
turn, and the reply shape (text plus verbatim quotes, each naming its claim when it has one)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.chat.answers import NOT_IN_DOCUMENTS
from assistant.chat.questions import Intent
from assistant.chat.said import Said
from assistant.claims import Attribution, Claim, Document, Source
from assistant.matching import claims_about, source_label
from assistant.offline.lines import Line
from assistant.wordforms import roots

MAX_CITATIONS = 12
# Words that point at claims without saying what they are about.
POINTERS = roots("claim claims report reports story allegation allegations anything thing news")

Reply = dict[str, Any]


@dataclass
class Context:
    """What a question is answered from."""

    claims: list[Claim]
    documents: list[Document]
    previous: list[Claim] = field(default_factory=list)  # the claims the last answer cited
    previous_text: str = ""
    first_turn: bool = True
    previous_question: str = ""
    previous_quotes: list[str] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    @classmethod
    def from_inputs(cls, inputs: Mapping[str, Any]) -> Context:
        claims = [Claim.model_validate(c) for c in inputs.get("claims", [])]
        documents = [Document.model_validate(d) for d in inputs.get("documents", [])]
        history = list(inputs.get("history", []))
        last = history[-1] if history else {}
        ids = list(dict.fromkeys(last.get("claims", [])))
        by_id = {c.id: c for c in claims}
        previous = [by_id[i] for i in ids if i in by_id]
        answer, question = str(last.get("answer", "")), str(last.get("question", ""))
        quotes = [str(q) for q in last.get("quotes", [])]
        attributions = [Attribution.model_validate(a) for a in inputs.get("attributions", [])]
        return cls(claims, documents, previous, answer, not history, question, quotes, attributions)

    @property
    def said(self) -> Said:
        """Who said what in the documents (their attributions), for answers about speakers."""
        return Said(self.attributions, self.documents, self.claims)

    def pool(self, intent: Intent) -> list[Claim]:
        """The claims a question is about: the previous answer's, the topic's, or all."""
        if intent.back:  # the last answer's claims, else its question's; first: everything
            if self.previous or self.first_turn:
                return list(self.previous or self.claims)
            return topic_claims(self.previous_question, self.claims)
        if intent.topic and roots(intent.topic) - POINTERS:
            return topic_claims(intent.topic, self.claims)
        return list(self.claims)

    def owner(self, line: Line) -> str | None:
        """The claim whose evidence overlaps a sentence of the documents, if any."""
        for claim in self.claims:
            for evidence in claim.evidence:
                same = evidence.document_id == line.document.id
                if same and evidence.start < line.end and line.start < evidence.end:
                    return claim.id
        return None


def topic_claims(topic: str, claims: Sequence[Claim]) -> list[Claim]:
    """The claims best matching a topic (the close runners-up too)."""
    matches = claims_about(topic, claims)
    if not matches:
        return []
    return [m.claim for m in matches if m.score >= matches[0].score - 0.15]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def claim_line(claim: Claim) -> str:
    return f"- {claim.id} ({claim.status}): {claim.text}"


def quoted(source: Source) -> str:
    """': "first quote"' for a source with evidence, else nothing."""
    return f": \u201c{source.evidence[0].quote}\u201d" if source.evidence else ""


def not_said(what: str) -> Reply:
    return {"text": f"{NOT_IN_DOCUMENTS} {what}.", "citations": []}


def reply(
    lines: Sequence[str],
    cited: Sequence[tuple[Claim, Source]],
    *,
    extra_quotes: Sequence[Line] = (),
    context: Context | None = None,
) -> Reply:
    citations: list[dict[str, str | None]] = []
    for claim, source in cited:
        for evidence in source.evidence[:1]:
            entry: dict[str, str | None] = {"claim_id": claim.id, "quote": evidence.quote}
            if entry not in citations:
                citations.append(entry)
    for line in extra_quotes:
        owner = context.owner(line) if context else None
        entry = {"claim_id": owner, "quote": line.text}
        if entry not in citations:
            citations.append(entry)
    return {"text": "\n".join(lines), "citations": citations[:MAX_CITATIONS]}


def who(source: Source) -> str:
    record = "on the record" if source.on_record else "not on the record"
    return f"{source_label(source)} ({source.kind.replace('_', ' ')}, {record})"


def report(claims: Sequence[Claim]) -> Reply:
    """Each claim's status, the reason, and every source with its first quote."""
    lines, cited = [], []
    for claim in claims:
        lines += [f"{claim.id} is {claim.status}: {claim.text}", f"  {claim.status_reason}"]
        for source in claim.sources:
            lines.append(f"  {source.stance.replace('_', ' ')}: {who(source)}{quoted(source)}")
            cited.append((claim, source))
    return reply(lines, cited)


def status_report(topic: str, claims: list[Claim]) -> Reply:
    """How the documents stand on ``topic``: the matching claims, their status and sources."""
    best = topic_claims(topic, claims)
    return report(best[:3]) if best else not_said(f"anything about {topic}")
