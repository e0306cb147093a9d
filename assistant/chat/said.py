"""Who said what, answered from ``Analysis.attributions`` for every engine.

"What did the clerk say?", "what did the ministry say about the quotas?" and "the second one"
after a "Which one?" list are answered by code from the attributions the engine read (offline
rules or an LLM, grounded like evidence), so the answer is the same whoever read the article and
every quote is a verbatim span of it. A role that fits several speakers gets a numbered list to
choose from. A party no attribution names is looked for among the claims' sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.chat.answers import NOT_IN_DOCUMENTS, Answer
from assistant.chat.citations import verify_all
from assistant.chat.questions import Intent, points_back, read
from assistant.claims import Analysis, Attribution, Claim, Document, Evidence
from assistant.matching import covers, names, names_party
from assistant.outputs import AnswerOutput
from assistant.wordforms import roots, spelled_out

MAX_STATEMENTS = 6
MAX_SPEAKERS = 4
MAX_CITATIONS = 12
STATEMENT_REACH = 600  # a statement quoted whole (speaker, cue, content) when no longer
REPORT_WORDS = roots("report reports story stories article outlet newspaper paper media press")
REPORT_KINDS = frozenset({"media_report", "outlet"})
# "what does the article say about X?" asks about the documents, not about a speaker
DOCUMENT_WORDS = roots("article articles document documents piece text")
# What a body's name says it is, when the question names the kind of body ("the union").
BODY_NAMES = {"union": frozenset({"union", "workers", "teamsters", "guild", "federation"})}
OPTION = re.compile(r"^\s*(\d+)\.\s+(.+?)(?:\s+\(.*?\))?(?:\s+\u2014\s.*)?$")
_OUTLET_TAIL = re.compile(r"(?:['\u2019]s?)?\s+(?:report|reports|story|article|reporting)$")
_ARTICLES = frozenset({"The", "A", "An"})
_OPENING = frozenset({'"', "\u201c"})
_CLOSING = frozenset({'"', "\u201d"})
# The sentence ends (at or just after the statement's last character) and the next opens with
# a quotation: '... the gains. "A good chunk ..."'
_QUOTE_NEXT = re.compile(r"^.{0,2}?[.!?][\"\u201d\u2019]?\s+[\"\u201c][^\n]{0,300}$")
_CAPITALISED = re.compile(r"\b[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*")
_VERB = {
    "asserts": "",
    "confirms": "confirmed: ",
    "denies": "denied: ",
    "declines_comment": "declined to comment: ",
    "not_confirmed": "did not confirm: ",
}

Reply = dict[str, Any]


@dataclass(frozen=True)
class Speaker:
    """One party and what the documents have them say, in document order."""

    name: str
    role: str | None
    said: tuple[Attribution, ...]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True)
class Said:
    """What an answer about speakers is built from."""

    attributions: Sequence[Attribution]
    documents: Sequence[Document]
    claims: Sequence[Claim]

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == document_id), None)


def said_question(question: str, previous_text: str) -> Intent | None:
    """The question as one every engine answers from the attributions: "what did X say (about
    Y)?" naming a party (not "she", not "the article"), or "the second one" after a "Which
    one?" list; None for any other question."""
    intent = read(question)
    if intent.kind == "choose" and previous_text.startswith("Which one?"):
        option = chosen_option(previous_text, intent.ordinal or 1)
        return Intent("said", party=option) if option else None
    party = intent.party or ""
    if intent.kind != "said" or points_back(party) or roots(party) & DOCUMENT_WORDS:
        return None
    return intent


def said_answer(analysis: Analysis, intent: Intent, question: str) -> Answer:
    """The answer to a question about what someone said, every quote verified."""
    said = Said(analysis.attributions, analysis.documents, analysis.claims)
    output = AnswerOutput.model_validate(what_said(intent, said))
    citations, problems = verify_all(analysis, output)
    warning = "could not verify: " + "; ".join(problems) if problems else None
    return Answer(
        question=question,
        text=output.text,
        citations=citations,
        verified=not problems and bool(citations),
        warning=warning,
    )


def what_said(intent: Intent, said: Said) -> Reply:
    """What the party asked about said (about the topic, when one is asked about)."""
    party = intent.party or ""
    found = speakers(party, said)
    if not found:
        return _from_claims(party, said)
    if intent.topic:
        narrowed = _about(intent.topic, found, said)
        if not narrowed:
            lead = f"{NOT_IN_DOCUMENTS} what {party} said about {intent.topic}."
            everything = _answer(party, found, said)
            return {**everything, "text": f"{lead} What they did say:\n{everything['text']}"}
        found = narrowed
    return _answer(party, found, said)


def _answer(party: str, found: list[Speaker], said: Said) -> Reply:
    if len(found) > 1 and not _one_name(party, found):
        return _which_one(party, found, said)
    return _statements(found, said)


def chosen_option(previous_text: str, ordinal: int) -> str | None:
    """The party the ``ordinal``-th line of a "Which one?" list names (-1: the last one)."""
    options = [m.group(2) for m in map(OPTION.match, previous_text.splitlines()) if m]
    index = ordinal - 1 if ordinal > 0 else len(options) - 1
    return options[index] if options and 0 <= index < len(options) else None


def speakers(party: str, said: Said) -> list[Speaker]:
    """The speakers ``party`` names (outlets, for "the report"), each with their statements.
    A party that is exactly one speaker's name is that speaker alone; when no speaker fits
    every word ("the hospital spokeswoman"), those fitting its last word."""
    if roots(party) and roots(party) <= REPORT_WORDS:
        return _outlets(said)
    outlet = [s for s in _outlets(said) if s.name.casefold() == party.strip().casefold()]
    if outlet:  # "the second one" after a list of outlets
        return outlet
    query = spelled_out(party)
    found = _matching(query, said)
    head = query.split()[-1] if query.split() else query
    if not found and roots(head) and roots(head) != roots(query):
        found = _matching(head, said)
    exact = [s for s in found if s.name.casefold() == party.strip().casefold()]
    return exact or _fold_roles(found)


def _matching(query: str, said: Said) -> list[Speaker]:
    matching = [a for a in said.attributions if names_speaker(query, speaker_label(a))]
    named = [_named_next(a, said) if not _proper(a.name) else a for a in matching]
    return _grouped([a for a in named if a is not None] or matching)


def _named_next(attribution: Attribution, said: Said) -> Attribution | None:
    """'One analyst questioned the gains. "...," said Anita Desai.': a speaker given only by
    role, whose next sentence quotes a named speaker, is that speaker (the role carried over)."""
    later = [
        a
        for a in said.attributions
        if a.document_id == attribution.document_id and a.cue.start > attribution.cue.end
    ]
    if not later:
        return attribution
    following = min(later, key=lambda a: a.cue.start)
    document = said.document(attribution.document_id)
    end = max(s.end for s in (attribution.cue, attribution.content) if s)
    between = document.text[end - 1 : following.cue.start] if document else ""
    if not _QUOTE_NEXT.match(between) or not _proper(following.name):
        return attribution
    role = following.role or attribution.name
    return following.model_copy(update={"role": role})


def _fold_roles(found: list[Speaker]) -> list[Speaker]:
    """A bare role ("the state attorney general") joins the one named speaker found with it."""
    named = [s for s in found if _proper(s.name)]
    if len(named) != 1 or len(named) == len(found):
        return found
    said = sorted((a for s in found for a in s.said), key=lambda a: (a.document_id, a.cue.start))
    return [Speaker(named[0].name, named[0].role, tuple(said))]


def names_speaker(query: str, label: str) -> bool:
    """Whether the query names the party; "the union" names "United Auto Workers Local 1127"
    (bodies whose names do not say what they are)."""
    if names(query, label):
        return True
    bodies = [words for body, words in BODY_NAMES.items() if body in roots(query)]
    return any(words & set(label.casefold().split()) for words in bodies)


def speaker_label(attribution: Attribution) -> str:
    """Who made a statement, in every form the documents give: name, role, words as written."""
    written = attribution.source.quote if attribution.source else ""
    parts = [attribution.name, attribution.role or "", written]
    return ", ".join(p for p in parts if p)


def _grouped(attributions: Sequence[Attribution]) -> list[Speaker]:
    """One speaker per name; a bare surname ("Baloch") joins the full name it ends."""
    groups: dict[str, list[Attribution]] = {}
    roles: dict[str, str | None] = {}
    for attribution in attributions:
        key = _key(attribution.name, groups)
        groups.setdefault(key, []).append(attribution)
        roles[key] = roles.get(key) or attribution.role
    return [Speaker(name, roles[name], tuple(found)) for name, found in groups.items()]


def _key(name: str, groups: dict[str, list[Attribution]]) -> str:
    folded = name.casefold()
    for known in groups:
        other = known.casefold()
        if folded == other or (_proper(name) and folded.split()[-1:] == other.split()[-1:]):
            if len(name) > len(known):
                groups[name] = groups.pop(known)
                return name
            return known
    return name


def _proper(name: str) -> bool:
    """Whether a name is a proper name: a capitalised word after its first, or one capitalised
    word ("Harrow"); "One analyst" and "The company" are not."""
    words = name.split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())


def _outlets(said: Said) -> list[Speaker]:
    """The named outlets whose reports the documents cite ("Market Wire's report" is Market
    Wire; "A second report, on the website WheelBase, said" is WheelBase), each with what its
    reports say."""
    named = []
    for attribution in (a for a in said.attributions if a.kind in REPORT_KINDS):
        name = _outlet_name(attribution, said)
        if name:
            named.append(attribution.model_copy(update={"name": name}))
    return _grouped(named)


def _outlet_name(attribution: Attribution, said: Said) -> str:
    name = _OUTLET_TAIL.sub("", attribution.name).strip()
    if _proper(name):
        return " ".join(w for w in name.split() if w not in _ARTICLES)
    document, source = said.document(attribution.document_id), attribution.source
    if document is None or source is None or source.end > attribution.cue.start:
        return ""
    aside = document.text[source.end : attribution.cue.start]  # ", on the website WheelBase,"
    proper = _CAPITALISED.findall(aside)
    return proper[-1] if proper else ""


def _one_name(party: str, found: list[Speaker]) -> bool:
    """Whether the question named a person or body (capitalised) that every match shares."""
    words = [w for w in re.findall(r"[A-Z][\w'\u2019-]+", party) if w not in _ARTICLES]
    return bool(words) and all(words[-1] in s.name for s in found)


def _which_one(party: str, found: list[Speaker], said: Said) -> Reply:
    lines = [f"Which one? {len(found)} in the documents fit \u201c{party}\u201d:"]
    citations = []
    for number, speaker in enumerate(found, 1):
        first = speaker.said[0]
        document = said.document(first.document_id)
        title = (document.title if document else None) or first.document_id
        lines.append(f"{number}. {speaker.name}{_role(speaker)} \u2014 in {title}")
        citations.append(_citation(first, said))
    lines.append("Ask about one by name, or say \u201cthe first one\u201d.")
    return _reply(lines, citations)


def _role(speaker: Speaker) -> str:
    return f" ({speaker.role})" if speaker.role else ""


def _statements(found: list[Speaker], said: Said) -> Reply:
    lines: list[str] = []
    citations = []
    for speaker in found:
        lines.append(f"{speaker.label} said:")
        for attribution in speaker.said[:MAX_STATEMENTS]:
            lines.append(f"- \u201c{_shown(attribution, said)}\u201d")
            citations.append(_citation(attribution, said))
    return _reply(lines, citations)


def _about(topic: str, found: list[Speaker], said: Said) -> list[Speaker]:
    """The speakers' statements about a topic: those whose content, or the claims they
    source, cover it."""
    by_id = {c.id: c for c in said.claims}
    narrowed = []
    for speaker in found:
        kept = [a for a in speaker.said if _covers(topic, _about_text(a, by_id))]
        if kept:
            narrowed.append(Speaker(speaker.name, speaker.role, tuple(kept)))
    return narrowed


def who_said(topic: str, said: Said) -> Reply | None:
    """Who said something about ``topic``: the statements whose content (or claims) cover it,
    by speaker; None when no statement does."""
    every = _grouped(list(said.attributions))
    found = _about(topic, every, said)
    return _statements(found[:MAX_SPEAKERS], said) if found else None


def _about_text(attribution: Attribution, by_id: dict[str, Claim]) -> str:
    claims = [by_id[i].text for i in attribution.claim_ids if i in by_id]
    content = attribution.content.quote if attribution.content else attribution.cue.quote
    return " ".join([content, *claims])


def _covers(topic: str, text: str) -> bool:
    return covers(roots(topic), text)


def _shown(attribution: Attribution, said: Said) -> str:
    """What a statement says: its content as an assertion; with its cue when it denies,
    confirms or declines ("reaffirmed Beijing's support", "declined to comment on ...");
    the whole statement when it reports no content."""
    content = attribution.content
    if content is not None and attribution.stance == "asserts":
        return _unquoted(content.quote)
    document = said.document(attribution.document_id)
    cue = attribution.cue
    after = content is not None and cue.end <= content.start <= cue.end + STATEMENT_REACH
    if content is not None and document is not None and after:
        return _unquoted(document.text[cue.start : content.end])
    return _unquoted(_whole(attribution, said).quote)


def _unquoted(text: str) -> str:
    """A quotation without the marks around it (the answer puts its own)."""
    text = text.strip()
    inner = text[1:].rstrip(".,")[:-1]
    marks = _OPENING | _CLOSING
    if text[:1] in _OPENING and text.rstrip(".,")[-1:] in _CLOSING and not set(inner) & marks:
        return inner.strip()
    return text


def _whole(attribution: Attribution, said: Said) -> Evidence:
    """The statement as one verbatim span, speaker, cue and content together, when they stand
    close; else its content (or its cue)."""
    spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    document = said.document(attribution.document_id)
    if document is None or end - start > STATEMENT_REACH:
        return attribution.content or attribution.cue
    return Evidence(document_id=document.id, quote=document.text[start:end], start=start, end=end)


def _citation(attribution: Attribution, said: Said) -> dict[str, str | None]:
    claim_id = attribution.claim_ids[0] if attribution.claim_ids else None
    return {"claim_id": claim_id, "quote": _whole(attribution, said).quote}


def _from_claims(party: str, said: Said) -> Reply:
    """No attribution names the party: the claims' sources that do, with their quotes."""
    lines: list[str] = []
    citations: list[dict[str, str | None]] = []
    for claim in said.claims:
        for source in claim.sources:
            if names_party(spelled_out(party), source) and source.evidence:
                quote = source.evidence[0].quote
                lines += [
                    f"{Speaker(source.name, source.role, ()).label} said:",
                    f"- {_VERB[source.stance]}\u201c{quote}\u201d",
                ]
                citations.append({"claim_id": claim.id, "quote": quote})
    if not lines:
        return {"text": f"{NOT_IN_DOCUMENTS} what {party or 'they'} said.", "citations": []}
    return _reply(lines, citations)


def _reply(lines: Sequence[str], citations: Sequence[dict[str, str | None]]) -> Reply:
    unique: list[dict[str, str | None]] = []
    for citation in citations:
        if citation not in unique:
            unique.append(citation)
    return {"text": "\n".join(lines), "citations": unique[:MAX_CITATIONS]}
