"""Offline extract task: claims, sources and statuses by rules, in the LLM's output format.

Pipeline per paragraph: skip headings and boilerplate; split into sentences; find attributions
(attribution.py); resolve each speaker to a party (sourcing.py); then, sentence by sentence:

- an assertion (``X said that Y``, a quote) becomes a claim Y with X as its source;
- a denial of others' claims (``X denied claims that Y``) becomes claim Y, denied by X;
- a denial, "not confirmed" or "declined to comment" that points back (``these reports``,
  ``the report``, or nothing at all) attaches to the claim it refers to instead;
- a sentence with no attribution is the outlet's own voice and becomes a claim when it reports
  a checkable fact (claims_rules.py).

Statuses come from the rubric's precedence over the collected sources (assistant/rubric.py).
Evidence quotes are whole sentences of the text, so grounding finds them verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from assistant import rubric
from assistant.chunking import paragraphs
from assistant.claims import Source, Stance
from assistant.offline import claims_rules as rules
from assistant.offline import lexicons as lex
from assistant.offline.attribution import (
    ACCORDING,
    Attribution,
    attribute,
    find_cues,
    has_wider_cues,
    main_clause,
    said_parts,
    says_something,
)
from assistant.offline.continuation import (
    completes,
    continues,
    joined,
    leans_on_previous,
    resolved,
    subject,
)
from assistant.offline.drafts import DraftClaim
from assistant.offline.linking import (
    answers,
    contradicted,
    latest_reported,
    referent,
    restated,
)
from assistant.offline.segmentation import (
    Span,
    is_boilerplate,
    is_boilerplate_sentence,
    is_heading,
    plain,
    sentences,
)
from assistant.offline.sourcing import (
    OUTLET,
    Party,
    SpeakerMemory,
    classify,
    speaks_for,
    split_neither,
)

REPORT_WORDS = frozenset({"report", "reports", "media", "story", "stories", "reporting"})
MEDIA_REPORTS = Party("media reports", None, "media_report", True)


def _merged_sources(draft: DraftClaim) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for src in draft.sources:
        key = (src.party.name.casefold(), src.stance)
        entry = merged.setdefault(
            key,
            {
                "name": src.party.name,
                "role": src.party.role,
                "kind": src.party.kind,
                "stance": src.stance,
                "on_record": src.party.on_record,
                "quotes": [],
            },
        )
        if src.quote not in entry["quotes"]:
            entry["quotes"].append(src.quote)
    return list(merged.values())


def claim_output(draft: DraftClaim) -> dict[str, Any]:
    """The claim as an ExtractionOutput item: the rules read each source's standing, and the
    status they propose is the rubric's over those sources."""
    sources = _merged_sources(draft)
    as_sources = [Source(**{k: v for k, v in s.items() if k != "quotes"}) for s in sources]
    read = rubric.with_standing(as_sources, draft.text)
    for source, reading in zip(sources, read, strict=True):
        source["standing"] = reading.standing
    claim_status, reason = rubric.decide(read)
    return {"text": draft.text, "status": claim_status, "status_reason": reason, "sources": sources}


class Extractor:
    """Builds claims from one document's paragraphs, sentence by sentence."""

    def __init__(self, text: str, outlet: Party = OUTLET) -> None:
        self.text = text
        self.outlet = outlet  # the publication's own voice, by name when the request gives it
        self.claims: list[DraftClaim] = []
        self.memory = SpeakerMemory(text)
        self.index = 0  # number of the sentence being read
        self.speaker: Attribution | None = None  # who spoke in the previous sentence
        self.paragraph_first = 1  # number of the current paragraph's first sentence
        self.plain: Span | None = None  # the previous sentence, if unattributed and no claim
        self.read: list[dict[str, Any]] = []  # every attribution, as AttributionOutput items
        # negated statements by parties with standing, for claims others make after them
        self.denials: list[tuple[list[Party], str, str]] = []

    def run(self, spans: Sequence[Span]) -> list[DraftClaim]:
        for span in spans:
            line = self.text[span.start : span.end]
            if is_heading(line) or is_boilerplate(line):
                continue
            self.paragraph_first = self.index + 1
            whole = line.strip()  # a one-sentence paragraph was just found no boilerplate
            for sentence in sentences(self.text, span.start, span.end):
                self.index += 1
                said = self.text[sentence.start : sentence.end]
                if said.strip() == whole or not is_boilerplate_sentence(self.text, sentence, span):
                    self.sentence(sentence)
        return [c for c in self.claims if c.sources]

    def sentence(self, span: Span) -> None:
        quote = self.text[span.start : span.end]
        first = len(self.claims)
        found, said = self._read(span, quote)
        self._answered_in_sentence(first, quote)
        self.plain = span if not found and not said and len(self.claims) == first else None

    def _answered_in_sentence(self, first: int, quote: str) -> None:
        """ "X is not closing, the company said, after posts claiming it would close ...": a
        party's negated statement and the report it answers in one sentence. The report's
        claim is denied by the party; the negated statement is the denial, not a claim."""
        new = self.claims[first:]
        reported = [c for c in new if c.reported]
        if len(reported) != 1:
            return
        denials = [c for c in new if c not in reported and _negated_by_party(c)]
        if not denials:
            return
        for denial in denials:
            reported[0].add([s.party for s in denial.sources], "denies", quote)
            reported[0].text = _named_like(reported[0].text, denial.text)
            self.claims.remove(denial)

    def _read(self, span: Span, quote: str) -> tuple[list[Attribution], bool]:
        """The sentence's attributions, and whether it has a verb of saying at all."""
        found = attribute(self.text, span)
        if not found and _opens_with_quote(quote) and self.speaker is not None:
            found = [self._continued_quote(span, quote, self.speaker)]
        if not found and self._debunked(quote):
            return found, True  # the outlet's debunk of a claim: no plain sentence
        said = bool(found) or says_something(quote)
        if not said:
            if not self._carries_on(span, quote):
                self._outlet(quote, quote)
        elif not found and (lead := main_clause(self.text, span)):
            self._outlet(lead, quote)  # "X withdrew a story after the developer said ..."
        for attribution in found:
            before = len(self.claims)
            self.attribution(attribution, quote)
            if attribution.lead:  # read after, so the sentence's stance never targets it
                self._outlet(attribution.lead, quote, at=before)
        direct = [a for a in found if a.direct and a.speaker]
        self.speaker = direct[-1] if direct else None
        if not found and has_wider_cues(quote):
            self._wider(span)
        return found, said

    def _previous(self) -> DraftClaim | None:
        """The last claim, if the previous sentence of this paragraph made it."""
        last = self.claims[-1] if self.claims else None
        first_here = self.index == self.paragraph_first
        return None if last is None or first_here or last.sentence != self.index - 1 else last

    def _carries_on(self, span: Span, quote: str) -> bool:
        """An outlet sentence leaning on the previous one's subject ("Its shares have gained
        34 percent this year"): joined to the claim that sentence made, or to the sentence
        itself when it was too slight to be a claim alone ("Ortiz was first elected in 2018.
        She chairs the housing committee ...")."""
        last = self._previous()
        if not continues(quote, last.text if last is not None else ""):
            return False
        if last is not None and all(s.party == self.outlet for s in last.sources):
            if not completes(last.text, quote):
                named = leans_on_previous(quote)
                return named and self._own_claim(quote, subject(last.text))
            last.text = joined(last.text, quote)
            last.add([self.outlet], last.sources[0].stance, quote)
            return True
        before = self.plain
        if before is None or last is not None or self.index == self.paragraph_first:
            return False
        text = joined(self.text[before.start : before.end], quote)
        if not rules.is_outlet_claim(text) or rules.is_hedged(text):
            return False
        self._new(text, [self.outlet], "asserts", self.text[before.start : span.end])
        return True

    def _own_claim(self, quote: str, name: str | None) -> bool:
        """A long follow-on: its own claim, the pronoun replaced by the subject before."""
        text = resolved(quote, name) if name else ""
        if not text or not rules.is_outlet_claim(text) or rules.is_hedged(text):
            return False
        self._new(rules.claim_text(text), [self.outlet], "asserts", quote)
        return True

    def _adds_to_previous(self, content: str, parties: Sequence[Party], quote: str) -> bool:
        """A speaker's statement leaning on what they said in the sentence before ("Two
        patients have been hospitalized, she said. She said both were in stable condition"):
        one claim of the two."""
        last = self._previous()
        if last is None or not leans_on_previous(content) or not continues(content):
            return False
        if not any(s.party.name == parties[0].name for s in last.sources):
            return False
        last.text = joined(last.text, content)
        last.add(parties[:1], next(s.stance for s in last.sources), quote)
        return True

    def _debunked(self, quote: str) -> bool:
        """ "That report, however, is false." in the outlet's own voice: the outlet rules
        against the reported claim it points back to (a debunk), as the check's reader reads
        it; the sentence is no claim of its own."""
        if not rules.calls_untrue(quote):
            return False
        hint = quote if rules.refers_to_report(quote) else rules.disowned(quote)
        return self._attach(hint, [self.outlet], "denies", quote) or True

    def _wider(self, span: Span) -> None:
        """Attributions only the wider reading finds ("Trump wants ...", "the poll found") in a
        sentence the narrow reading found none in: listed, never made into claims, their
        speakers resolved but not remembered."""
        for attribution in attribute(self.text, span, broad=True):
            names = split_neither(attribution.speaker) if attribution.speaker else []
            parties = [self.memory.resolve(n, attribution.role) for n in names]
            self._record(attribution, [p for p in parties if p is not None])

    def _record(self, attribution: Attribution, parties: Sequence[Party]) -> None:
        """Keep the attribution for the document's list of who said what."""
        at = attribution.cue_at
        if at is None or (self.read and self.read[-1]["at"] == at.start):
            return
        speaker = attribution.speaker
        party = (
            parties[0]
            if parties
            else (classify(speaker, attribution.role) if speaker else self.outlet)
        )
        relative = _RELATIVE_BEFORE.search(self.text, max(0, at.start - 40), at.start)
        if speaker and relative and _ends_with(self.text, relative.start(), speaker):
            speaker = relative.group(1)  # "an architect who said": the source is "who"
        self.read.append(
            {
                "at": at.start,
                "source": speaker,
                "cue": self.text[at.start : at.end],
                "content": attribution.content if _worded(attribution.content) else "",
                "name": party.name,
                "role": party.role,
                "kind": party.kind,
                "stance": attribution.stance,
                "on_record": party.on_record,
            }
        )

    def _continued_quote(self, span: Span, quote: str, previous: Attribution) -> Attribution:
        """A quotation without attribution right after a quoted speaker continues their
        quote ("... ," Achterberg said. "Eleven of them are children.")."""
        content = quote.strip().strip('"\u201c\u201d').strip()
        return replace(
            previous,
            content=content,
            sentence=span,
            cue="said",
            stance="asserts",
            direct=True,
            hearsay=False,
            clause=True,
            statement=False,
            exhortation=False,
            lead="",
            cited=(),
        )

    def _outlet(self, statement: str, quote: str, at: int | None = None) -> None:
        """A statement in the outlet's own voice; hedged ("reportedly") means not vouched for.
        ``at``: where it goes among the claims (a main clause before those of its sentence)."""
        if rules.is_outlet_claim(statement):
            stance: Stance = "not_confirmed" if rules.is_hedged(statement) else "asserts"
            self._new(rules.claim_text(statement), [self.outlet], stance, quote)
            if at is not None:
                self.claims.insert(at, self.claims.pop())

    def _parties(self, attribution: Attribution) -> list[Party]:
        if not attribution.speaker:
            return [self.outlet]
        names = split_neither(attribution.speaker)
        parties = [self.memory.resolve(n, attribution.role) for n in names]
        found = [p for p in parties if p is not None]
        for party in found:
            self.memory.remember(party)
        return found

    def attribution(self, attribution: Attribution, quote: str) -> None:
        parties = self._parties(attribution)
        self._record(attribution, parties)
        if attribution.exhortation or not parties:
            return
        parts = _statements(attribution.content)
        if parts == [attribution.content]:
            self._stance(attribution, parties, quote)
            return
        for part in parts:
            self._stance(replace(attribution, content=part), parties, quote)

    def _stance(self, attribution: Attribution, parties: list[Party], quote: str) -> None:
        if attribution.stance in {"not_confirmed", "declines_comment"}:
            self._withheld(attribution, parties, quote)
            if described := _described(self.text, attribution):
                # "X, which owns 22 percent of the stock, did not return a message": the
                # outlet's background fact stands on its own
                fact = described.split(None, 1)[1]  # without "which"
                self._outlet(f"{attribution.speaker} {fact}", quote)
        elif attribution.stance == "denies":
            self._denial(attribution, parties, quote)
        else:
            self._assertion(attribution, parties, quote)

    def _new(
        self,
        text: str,
        parties: Sequence[Party],
        stance: Stance,
        quote: str,
        reported: bool = False,
    ) -> DraftClaim:
        claim = DraftClaim(text, sentence=self.index, reported=reported)
        claim.add(parties, stance, quote)
        self.claims.append(claim)
        return claim

    def _attach(self, hint: str, parties: Sequence[Party], stance: Stance, quote: str) -> bool:
        names = [p.name for p in parties if p.kind != "outlet"]
        target = referent(self.claims, hint, self.index, names, denial=stance == "denies")
        if target is not None:
            target.add(parties, stance, quote)
        return target is not None

    def _withheld(self, att: Attribution, parties: list[Party], quote: str) -> None:
        """ "has yet to comment", "declined to comment", "could not be verified"."""
        content = att.content
        standalone = rules.is_assertion(content) and rules.is_clause(content)
        if not att.speaker and standalone and not rules.leans_on_pronoun(content):
            # the outlet: "<claim> could not be independently verified"
            self._new(rules.claim_text(content), parties, att.stance, quote, reported=True)
            return
        if not rules.words(content) and att.role and rules.refers_to_report(att.role):
            content = att.role  # "Harborline, the operator named in the report, declined"
        self._attach(content, parties, att.stance, quote)

    def _denial(self, att: Attribution, parties: list[Party], quote: str) -> None:
        content = self._resolved(att.content, parties[0])
        if att.hearsay or (att.clause and rules.is_assertion(content, plans_ok=True)):
            earlier = restated(self.claims, content)
            if earlier is not None:  # "Police denied that officers had fired tear gas"
                earlier.add(parties, "denies", quote)
                return
            text = rules.claim_text(content)
            self._new(text, parties, "denies", quote, reported=att.hearsay)
            return
        names = [p.name for p in parties]
        target = referent(self.claims, content, self.index, names, denial=True)
        if target is None:
            return
        target.add(parties, "denies", quote)
        if REPORT_WORDS & {w.lower() for w in rules.words(content)} and not _asserted(target):
            # "denied the reports" of a claim nobody in the text asserts: the reports are its
            # only origin. Never beside a source that asserts it (that is the report denied).
            target.add([MEDIA_REPORTS], "asserts", quote)

    def _responds(self, att: Attribution, parties: list[Party], quote: str) -> bool:
        """A quote that dismisses, declines or cannot confirm: a stance on an earlier claim."""
        content = att.content
        if rules.is_dismissal(content) or rules.rejects_in_quote(content):
            # "That is false", "The report was untrue", "We reject these allegations"
            hint = content if rules.refers_to_report(content) else rules.disowned(content)
            return self._attach(hint, parties, "denies", quote) or True
        if rules.declines_in_quote(content):
            return self._attach(content, parties, "declines_comment", quote) or True
        if rules.withholds_confirmation(content):
            return self._attach(content, parties, "not_confirmed", quote) or True
        if not _has_standing(parties[0]):
            return False
        if att.stance == "confirms":  # the party concerned confirms what was reported
            target = restated(self.claims, content)
            if target is not None:
                target.add(parties, "confirms", quote)
            return target is not None
        if rules.is_negated(content):
            self.denials.append((parties, content, quote))
        target = contradicted(self.claims, content, parties[0].name)
        if target is not None:
            target.add(parties, "denies", quote)
        return target is not None

    def _answered_before(self, claim: DraftClaim) -> None:
        """A claim made after a party with standing denied it ("No one at Meridian approved
        this announcement" ... "Castellanos said a Meridian executive had approved it")."""
        if not self.denials:
            return
        speakers = {s.party.name for s in claim.sources}
        for parties, content, quote in reversed(self.denials):
            if speakers.isdisjoint(p.name for p in parties) and answers(claim.text, content):
                claim.add(parties, "denies", quote)
                return

    def _assertion(self, att: Attribution, parties: list[Party], quote: str) -> None:
        if self._responds(att, parties, quote):
            return
        cited = [_second_hand(classify(name), parties[0]) for name in att.cited]
        if self._elaborates(att, parties, cited, quote):
            return
        text = self._assertion_text(att, parties[0], bool(cited))
        if text is None:
            self._adds_to_previous(att.content, parties, quote)
            return
        claim = self._new(text, parties, att.stance, quote, reported=att.hearsay)
        if cited:
            claim.add(cited, "asserts", quote)
        self._answered_before(claim)

    def _assertion_text(self, att: Attribution, party: Party, cites: bool) -> str | None:
        if att.cue == ACCORDING:
            att = replace(att, content=_with_tail(self.text, att))
        if att.statement:
            speaker = party.name if rules.leans_on_pronoun(att.speaker) else att.speaker
            return rules.claim_text(f"{speaker} {att.cue} {att.content}")
        named = self._titled_before(att) if _opens_with_person(att.content) else None
        content = self._resolved(att.content, party, att.direct, named)
        if not att.direct and party.kind in {"named_official", "named_person"}:
            # "Eirik Hald said his crew had not been to sea" (a denial's "his" is another's)
            content = rules.with_owner(content, party.name, rules.PERSONAL_POSSESSIVES)
        reported = att.hearsay or cites or party.kind in {"media_report", "anonymous", "document"}
        reported = reported or att.stance == "confirms"  # a confirmed plan is checkable
        reported = reported or (not att.direct and rules.is_scheduled(content))
        if not rules.is_assertion(content, plans_ok=reported):
            return None
        if att.direct and rules.has_first_person(content):
            # "We have hired 120 workers" is checkable; "I'm not worried" is not.
            if not rules.anchored(content):
                return None
            owned = _ours_named(content, party)
            return rules.claim_text(owned) if owned else rules.attributed(party.name, content)
        if party.kind == "organization" and rules.opens_with_possessive(content):
            # "Rebels said their fighters shot down ...": the claim keeps whose fighters
            return rules.attributed(party.name, content)
        if _not_checkable(content):
            return None
        described = _described(self.text, att)
        if described and content.startswith(party.name) and party.name == att.speaker:
            # "Local 1127, which represents 1,450 workers, said it would ...": kept together
            content = f"{party.name}, {described},{content[len(party.name) :]}"
        return rules.claim_text(content)

    def _titled_before(self, att: Attribution) -> Party | None:
        """The last person named with a title in the sentence before the cue ("Chief
        Executive Maureen Kaplan addressed a report by FreightInsider, which said she ...")."""
        if att.cue_at is None:
            return None
        found = None
        for match in _TITLED.finditer(self.text, att.sentence.start, att.cue_at.start):
            party = classify(match.group())
            if party.kind == "named_official" and party.role and party.name != att.speaker:
                found = party
        return found

    def _resolved(
        self, content: str, party: Party, direct: bool = False, named: Party | None = None
    ) -> str:
        """Content with a leading pronoun replaced by whom it stands for, where cheap: the
        speaker ("it" for an organization, "she" for a person), else the person ``named`` with
        a title in the sentence, else the last person named. In a direct quote "he" is someone
        other than the speaker: left alone."""
        if direct:
            return content
        content = _first_person_resolved(content, party)
        if party.kind == "anonymous" or _indefinite(party.name):
            # "One resident said she had complained": the resident
            return rules.with_subject(content, party.name)
        if party.kind == "organization":
            content = rules.with_subject(content, party.name, rules.ORGANIZATION_PRONOUNS)
        elif party.kind == "named_person":  # "it" is no person: a company named like one
            content = rules.with_subject(content, party.name, frozenset({"it"}))
        person = party if party.kind in {"named_official", "named_person"} else None
        person = person or named or self.memory.resolve("she")
        return rules.with_subject(content, person.name) if person else content

    def _elaborates(
        self, att: Attribution, parties: list[Party], cited: list[Party], quote: str
    ) -> bool:
        """ "The report also mentioned a written proposal": more from a report already quoted,
        same claim (a whole clause with its own subject is a claim of its own)."""
        words = att.speaker.split() or [""]
        definite = words[0].lower() in {"the", "this", "that"} and len(words) <= 3
        anaphoric = definite and not any(w[:1].isupper() for w in words[1:])
        if parties[0].kind != "media_report" or not anaphoric:
            return False
        if rules.is_clause(att.content) and not rules.leans_on_pronoun(att.content):
            return False  # "The report also said X had been questioned": a claim of its own
        target = latest_reported(self.claims)
        if target is None:
            return False
        target.add(parties, "asserts", quote)
        if cited:
            target.add(cited, "asserts", quote)
        detail = rules.without_quote_marks(att.content).strip().rstrip(".")
        target.text = rules.claim_text(
            f"{target.text.rstrip('.')}; {att.speaker.lower()} also {att.cue} {detail}"
        )
        return True


# Capitalised words in a row ("Chief Executive Maureen Kaplan"), read as a titled name.
_TITLED = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){2,5}")
_DESCRIBED = re.compile(r",\s+((?:which|who)\s+(?:[^,\"]|,(?=\d))+),\s*$")


def _described(text: str, att: Attribution) -> str:
    """The background fact a relative clause gives about the speaker before the cue
    ("Local 1127, which represents about 1,450 workers at the plant, said ..."): "which
    represents about 1,450 workers at the plant", or "" (none, or nothing to check in it)."""
    if att.cue_at is None or not att.speaker:
        return ""
    at = text.rfind(att.speaker, att.sentence.start, att.cue_at.start)
    if at < 0:
        return ""
    match = _DESCRIBED.match(text, at + len(att.speaker), att.cue_at.start)
    if match is None or not any(ch.isdigit() for ch in match.group(1)):
        return ""
    return match.group(1).strip()


def _opens_with_person(content: str) -> bool:
    """ "she planned to ...", "he had been ...": a leading personal pronoun to resolve."""
    first = rules.words(content)[:1]
    return bool(first) and first[0].lower() in {"he", "she"}


def _with_tail(text: str, att: Attribution) -> str:
    """ "X had 88 million users, according to its letter, down from 95 million": the content
    with what follows the source, unless someone else speaks there."""
    at, end = att.cue_at, att.sentence.end
    if at is None or not text[att.sentence.start : at.start].strip():
        return att.content  # "According to X, ...": the content is what follows
    comma = text.find(",", at.end, end)
    tail = text[comma + 1 : end].strip().rstrip(".") if comma >= 0 else ""
    if not _worded(tail) or find_cues(plain(tail)):
        return att.content
    return f"{att.content.rstrip(' ,')}, {tail}"


def _statements(content: str) -> list[str]:
    """The things said in one content ("that A and that B"); a part leaning on the one before
    ("that it had boarded the ship, and that its 19 crew members were being questioned") stays
    joined to it."""
    parts: list[str] = []
    for part in said_parts(content):
        if parts and leans_on_previous(part):
            parts[-1] = f"{parts[-1].rstrip(' ,;')}, and {part}"
        else:
            parts.append(part)
    return parts


_OUR = frozenset({"our"})


def _ours_named(content: str, party: Party) -> str:
    """A quote opening with "Our" from a speaker for a body ("Our forces conducted a strike
    ...", the army's spokesman said): "the army's forces conducted ...", when no other first
    person remains; else ""."""
    body = speaks_for(party)
    owned = rules.with_owner(content, body, _OUR) if body else content
    return "" if owned == content or rules.has_first_person(owned) else owned


def _first_person_resolved(content: str, party: Party) -> str:
    """Indirect speech that kept the speaker's own pronouns ("Okafor said we received a
    letter"): "we"/"our" are the body the speaker speaks for, "I"/"my" the speaker."""
    body = speaks_for(party)
    if body:
        content = rules.with_subject(content, body, frozenset({"we"}))
        content = rules.with_owner(content, body, frozenset({"our"}))
    if party.kind in {"named_official", "named_person"}:
        content = rules.with_subject(content, party.name, frozenset({"i"}))
        content = rules.with_owner(content, party.name, frozenset({"my"}))
    return content


_VERB_GROUP = lex.AUXILIARIES | lex.MODALS
# Descriptions that stand for a named firm or product ("the service" for "Chatterbox").
_DESCRIPTORS = frozenset(
    "service app company firm platform network site website product device brand".split()
)


def _named_like(text: str, denial: str) -> str:
    """ "The service would close on Dec. 31" answered by "The messaging app Chatterbox is not
    shutting down": the definite description takes the denial's named subject."""
    words, named = text.split(), denial.split()
    verb = next((i for i, w in enumerate(words) if w.lower() in _VERB_GROUP), 0)
    subject_end = next((i for i, w in enumerate(named) if w.lower() in _VERB_GROUP), 0)
    subject = named[:subject_end]
    described = verb == 2 and words[0] == "The" and words[1] in _DESCRIPTORS
    if not described or not any(w[:1].isupper() for w in subject[1:]):
        return text
    return " ".join([*subject, *words[verb:]])


_RELATIVE_BEFORE = re.compile(r"\b(who|which)\s+(?:(?:also|later|had|has|have)\s+)?$")


def _negated_by_party(claim: DraftClaim) -> bool:
    """A negated claim that only parties with standing assert on the record ("Ashford have
    received no offer", the club said): a denial, worded as the party's own statement."""
    standing = all(s.stance == "asserts" and _has_standing(s.party) for s in claim.sources)
    return bool(claim.sources) and standing and rules.is_negated(claim.text)


def _ends_with(text: str, end: int, phrase: str) -> bool:
    """Whether ``text[:end]``, commas and spaces stripped from its end, ends with ``phrase``
    (without copying the text before ``end``)."""
    while end > 0 and text[end - 1] in ", ":
        end -= 1
    return text.endswith(phrase, 0, end)


def _worded(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _indefinite(name: str) -> bool:
    """ "a crane operator", "one tenant", "another resident": an unnamed person."""
    first = name.split()[:1]
    return bool(first) and first[0].lower() in {"a", "an", "one", "another"}


def _not_checkable(content: str) -> bool:
    """Leans on a pronoun it cannot resolve, states a generality or a feeling, or is about
    how a story was reported."""
    if rules.leans_on_pronoun(content) or rules.is_generic(content):
        return True
    return rules.is_feeling(content) or rules.is_about_reporting(content)


def _opens_with_quote(sentence: str) -> bool:
    return sentence[:1] in '"\u201c'


def _asserted(claim: DraftClaim) -> bool:
    """Whether any source in the text (a report, the outlet, a party) asserts the claim."""
    return any(s.stance == "asserts" for s in claim.sources)


def _has_standing(party: Party) -> bool:
    return party.on_record and party.kind in {"named_official", "named_person", "organization"}


def _second_hand(cited: Party, speaker: Party) -> Party:
    """A source known only through a media report is not on the record in these documents."""
    if speaker.kind == "media_report" and cited.on_record:
        return replace(cited, on_record=False)
    return cited


def _spans(inputs: Mapping[str, Any]) -> tuple[str, list[Span]]:
    text = inputs.get("text")
    if isinstance(text, str) and inputs.get("spans") is not None:
        return text, [Span(int(s), int(e)) for s, e in inputs["spans"]]
    joined = "\n".join(inputs.get("paragraphs") or [])
    return joined, paragraphs(joined)


def extract(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Every check-worthy claim in the passage, as an ``ExtractionOutput``-shaped dict.

    ``inputs`` are the extract request's inputs: ``text`` (the full document) and ``spans``
    (this part's paragraphs as (start, end) offsets); ``paragraphs`` alone also works. An
    ``outlet`` name, when given, names the publication's own voice (else "the outlet").
    """
    text, spans = _spans(inputs)
    name = inputs.get("outlet")
    return read_paragraphs(text, tuple(spans), name.strip() if isinstance(name, str) else None)


@lru_cache(maxsize=8)
def read_paragraphs(text: str, spans: tuple[Span, ...], outlet_name: str | None) -> dict[str, Any]:
    """:func:`extract` of these paragraphs of ``text``, read once for the analysis of a document
    and the offline check of claims against it (party_check.py); callers must not change it."""
    outlet = replace(OUTLET, name=outlet_name) if outlet_name else OUTLET
    extractor = Extractor(text, outlet)
    drafts = extractor.run(spans)
    in_order = sorted(extractor.read, key=lambda a: int(a["at"]))
    read = [{k: v for k, v in a.items() if k != "at"} for a in in_order]
    return {"claims": [claim_output(d) for d in drafts], "attributions": read}
