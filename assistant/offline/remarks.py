"""What people say in the documents, as offline chat answers quote it, read from the
attributions (the one reading of who said what): who declined to comment, who said a thing is
not so, who confirmed it, each with the sentence that holds the statement."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.chat.said import Said, names_speaker, speaker_label
from assistant.claims import Attribution
from assistant.offline.claims_rules import is_negated
from assistant.offline.lines import Line, document_lines, line_at

# Words saying a thing is not so, in what someone said ("pure fiction", "made up").
DENIAL = re.compile(
    r"(?i)\b(?:untrue|not\s+true|false|rubbish|nonsense|made\s+up|baseless|no\s+truth|"
    r"inaccurate|not\s+(?:received|happened)|fiction|fabricated|fake|incorrect|misleading)\b"
)
# A "not confirmed" statement that is a refusal to comment ("has yet to comment").
NO_COMMENT = re.compile(r"(?i)\b(?:comment|respond|responded|reached|reply|replied|return)")
# What someone said that is itself a refusal ('said the company "does not comment on rumors"').
REFUSING = re.compile(
    r"(?i)\b(?:(?:does|do|did|would|will)\s*(?:not|n't)\s+(?:comment|discuss)|no\s+statement|"
    r"no\s+comment|declined?\s+to\s+comment|can(?:no|')t\s+(?:tell|say|comment|discuss))"
)
# What someone said that leaves a thing unknown ("the cause had not been determined").
UNKNOWN = re.compile(
    r"(?i)\b(?:(?:could|can|was|were|has|have)\s*(?:not|n't)\s+(?:been\s+able\s+to\s+)?"
    r"(?:independently\s+)?(?:confirm|verify|determine)|neither\s+confirm\s+nor\s+deny|"
    r"(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+(?:determined|established|confirmed))"
)


@dataclass(frozen=True)
class Remark:
    """A statement of the documents: who (as the attribution resolves them) and its sentence."""

    party: str
    line: Line
    attribution: Attribution

    def by(self, party: str) -> bool:
        """Whether ``party`` (a name, role or body) names who made the remark."""
        return names_speaker(party, speaker_label(self.attribution))


def _remarks(said: Said, wanted: Callable[[Attribution, Line], bool]) -> list[Remark]:
    """The attributions ``wanted`` keeps (given the sentence holding the cue), each with that
    sentence, one per sentence."""
    order = {d.id: n for n, d in enumerate(said.documents)}
    chosen = sorted(
        (a for a in said.attributions if a.document_id in order),
        key=lambda a: (order[a.document_id], a.cue.start),
    )
    found: dict[tuple[str, int], Remark] = {}
    lines: dict[str, list[Line]] = {}  # each document split into sentences once
    for attribution in chosen:
        document = said.document(attribution.document_id)
        line = None
        if document is not None:
            if document.id not in lines:
                lines[document.id] = [one for par in document_lines([document]) for one in par]
            line = line_at(lines[document.id], attribution.cue.start)
        if line is not None and line.key not in found and wanted(attribution, line):
            found[line.key] = Remark(attribution.name, line, attribution)
    return list(found.values())


def _content(attribution: Attribution) -> str:
    return attribution.content.quote if attribution.content else ""


def refusals(said: Said) -> list[Remark]:
    """Who declined to comment, did not respond or has yet to comment, and where."""
    return _remarks(said, lambda a, _: _refuses(a))


def _refuses(attribution: Attribution) -> bool:
    if attribution.stance == "declines_comment" or REFUSING.search(_content(attribution)):
        return True
    return (
        attribution.stance == "not_confirmed"
        and NO_COMMENT.search(attribution.cue.quote) is not None
    )


def non_confirmations(said: Said) -> list[Remark]:
    """Who could not confirm, or would neither confirm nor deny."""
    return _remarks(said, lambda a, _: _leaves_unknown(a))


def _leaves_unknown(attribution: Attribution) -> bool:
    if _refuses(attribution):
        return False
    return (
        attribution.stance == "not_confirmed" or UNKNOWN.search(_content(attribution)) is not None
    )


def denials(said: Said) -> list[Remark]:
    """Who denied something, or said it is false, fiction, made up ... (in what they said, or
    further on in the sentence: 'told reporters that "no clinics are closing" and that the
    report was "pure fiction."')."""
    return _remarks(said, _denies)


def _denies(attribution: Attribution, line: Line) -> bool:
    if attribution.stance == "denies" or DENIAL.search(_content(attribution)):
        return True
    after = line.document.text[attribution.cue.end : line.end]
    return DENIAL.search(after) is not None


def confirmations(said: Said) -> list[Remark]:
    """Who confirmed something ("X confirmed that ...")."""
    return _remarks(said, lambda a, _: a.stance == "confirms")


def negations(said: Said) -> list[Remark]:
    """Statements that say no, not or never: weaker signs of a denial."""
    return _remarks(said, lambda a, _: is_negated(_content(a)))


def speaker_of(line: Line, said: Said) -> str | None:
    """Who speaks in a sentence: the speaker of the first attribution whose cue it holds."""
    for remark in _remarks(said, lambda a, _: a.document_id == line.document.id):
        if remark.line.key == line.key:
            return remark.party
    return None
