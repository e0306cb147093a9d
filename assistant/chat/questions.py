"""Recognise what kind of question a journalist asked, by rules.

The offline engine answers from this reading of the question; the chat session also uses it to
send "is X confirmed?" questions to the claim check. A question that points back ("who said
that?", "did anyone confirm it?", "and the second one?") is marked ``back``: its subject is the
previous answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.claims import STATUSES, Stance, Status
from assistant.textsim import content_stems

IntentKind = Literal[
    "stance",  # who denied / confirmed / declined to comment on X; what did X deny
    "said",  # what did <name or role> say
    "who_said",  # who said / reported that
    "choose",  # "the second one": an item of the previous answer's list
    "anonymous",  # what rests on anonymous sources
    "reports",  # what rests on media reports (or on one outlet's report)
    "check",  # is X true / confirmed / denied
    "status",  # which claims are denied
    "sources",  # who are the sources
    "overview",  # summarize, what is this about
    "timeline",  # when, in which document
    "topic",  # anything else: what the documents say about it
]

_DENY = (
    r"(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed)?|dismiss(?:es|ed)?|refute(?:s|d)?|"
    r"rebut(?:s|ted)?)"
)
_CONFIRM = (
    r"(?:confirm(?:s|ed|ing)?|corroborat(?:e|es|ed)|verif(?:y|ies|ied)|"
    r"back(?:s|ed)?\s+(?:it\s+)?up)"
)
_DECLINE = (
    r"(?:declin(?:e|es|ed|ing)\s+to\s+comment|refus(?:e|es|ed)\s+to\s+comment|"
    r"no\s+comment|(?:would|will|did)\s*(?:n't|\s+not)\s+(?:comment|say|respond)|"
    r"(?:has|have|had)\s*(?:n't|\s+not)\s+(?:commented|responded|said)|(?:yet\s+to|not)\s+comment|"
    r"commented|comment(?:s|ed)?\s+on|stay(?:s|ed)?\s+silent|respond(?:ed)?)"
)
_STANCE_WORDS: tuple[tuple[str, Stance], ...] = (
    (_DECLINE, "declines_comment"),
    (_DENY, "denies"),
    (_CONFIRM, "confirms"),
)
_AUX = r"(?:did|does|do|has|have|had|is|was)"
_SPEAK = r"(?:say|said|tell|told|state|stated|claim|claimed|write|wrote|think|mean|add|added)"
_POINTING = frozenset(
    {"it", "that", "this", "them", "these", "those", "they", "so", "one", "this one", "that one"}
    | {"the claim", "that claim", "this claim", "that story", "this story", "that report"}
    | {"this report", "the same", "same", "he", "she", "him", "her"}
)
_STATUS_WORDS: dict[str, Status] = {
    "confirmed": "confirmed",
    "verified": "confirmed",
    "true": "confirmed",
    "correct": "confirmed",
    "accurate": "confirmed",
    "on the record": "confirmed",
    "denied": "denied",
    "unverified": "unverified",
    "unconfirmed": "unverified",
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "other": 2}


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    party: str | None = None
    topic: str | None = None
    status: Status | None = None
    stance: Stance | None = None
    ordinal: int | None = None
    back: bool = False
    verdict: bool = False  # "is X true / confirmed / denied?": asks for the claim check's verdict


def _clean(question: str) -> str:
    text = question.strip().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[?.!]+$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def _strip_tail(text: str) -> str:
    """'the written proposal confirmed anywhere' without 'anywhere', 'in the documents'."""
    text = re.sub(r"\s+(?:anywhere|at all|really|actually|so far|yet)$", "", text)
    text = re.sub(r"\s+(?:in|by)\s+(?:the\s+)?(?:documents?|articles?|reporting|story)$", "", text)
    lead = r"^(?:the\s+)?(?:claims?|reports?|story|stories|allegations?|rumou?rs?)\s+that\s+"
    return re.sub(lead, "", text, flags=re.IGNORECASE).strip()


def points_back(topic: str | None) -> bool:
    """Whether a question's subject is a pronoun for the previous answer ("it", "that")."""
    if topic is None:
        return True
    return topic.strip().casefold() in _POINTING or not content_stems(topic)


def read(question: str) -> Intent:
    """The kind of question and the party, topic, status or stance it is about."""
    text = _clean(question)
    lower = text.casefold()
    true = _IS_IT_TRUE.match(lower)  # "is it true that X?" asks about claim X, whatever X says
    topic = _span(text, true, "topic") if true else ""
    if topic and not points_back(topic):
        return Intent("check", topic=topic, verdict=True)
    for reader in _READERS:
        intent = reader(text, lower)
        if intent is not None:
            return intent
    return _topic(text, lower)


def _span(text: str, match: re.Match[str], group: str) -> str:
    return _strip_tail(text[match.start(group) : match.end(group)].strip())


def _choose(text: str, lower: str) -> Intent | None:
    match = re.match(
        r"^(?:and|what about|how about|ok|okay|now)?[\s,]*(?:the\s+)?"
        r"(?P<n>first|second|third|fourth|fifth|last|other)\b(?:\s+(?:one|person|report|claim|"
        r"spokes\w+|statement|source|outlet|ministry))?$",
        lower,
    )
    if match is None:
        match = re.match(r"^(?:and\s+)?(?:number|no\.?|#)\s*(?P<n>[1-9])$", lower)
    if match is None:
        return None
    word = match.group("n")
    return Intent("choose", ordinal=int(word) if word.isdigit() else _ORDINALS[word], back=True)


_OVERVIEW = re.compile(
    r"^(?:(?:can you |please |could you )?(?:summari[sz]e|sum up|recap)\b|"
    r"(?:give me |what'?s |what is )?(?:a |an |the )?(?:short |quick |brief )?"
    r"(?:summary|overview|gist|rundown|tl;?dr)\b|"
    r"what(?:'s| is| are)\s+(?:this|these|the)\s+(?:articles?|story|stories|piece|documents?|"
    r"reports?|news)\s+about|what(?:'s| is)\s+(?:the\s+)?(?:story|news)(?:\s+here)?$|"
    r"what(?:'s|\s+is|\s+are)\s+(?:this|it|these|they)\s+(?:all\s+)?about|"
    r"what\s+happened$|what\s+do\s+(?:we|the\s+documents)\s+know$)"
)


_OVERVIEW_ANYWHERE = re.compile(
    r"\b(?:(?:main|key)\s+(?:points|claims|takeaways|facts|findings)|highlights|brief\s+me|"
    r"what'?s\s+going\s+on|bottom\s+line)\b"
)


def _overview(text: str, lower: str) -> Intent | None:
    short = len(lower.split()) <= 6  # "what are the key points?", not a question about one
    found = _OVERVIEW.search(lower) or (short and _OVERVIEW_ANYWHERE.search(lower))
    return Intent("overview") if found else None


_WHEN = re.compile(r"^(?:when|on\s+what\s+(?:date|day)|what\s+(?:date|day|time))\b\s*(?P<rest>.*)$")
_WHICH_DOC = re.compile(
    r"\b(?:in\s+)?(?:which|what)\s+(?:document|article|story|piece|report)s?\b\s*(?P<rest>.*)$"
)


def _timeline(text: str, lower: str) -> Intent | None:
    match = _WHEN.match(lower) or _WHICH_DOC.search(lower)
    if match is None:
        return None
    rest = text[match.start("rest") :]
    rest = re.sub(r"(?i)^(?:did|does|do|was|were|is|are|has|have|had|will)\s+", "", rest)
    rest = re.sub(r"(?i),?\s+and\s+when$", "", rest)
    return Intent("timeline", topic=_strip_tail(rest) or None, back=points_back(rest or None))


_ANONYMOUS = re.compile(
    r"\b(?:anonymous|anonymously|anonymity|unnamed|unidentified|unattributed|not\s+named|"
    r"nameless|who\s+(?:are|were)\s+not\s+named)\b"
)
_REPORTS = re.compile(
    r"\b(?:media|press|news(?:paper)?|radio|tv|television|outlet'?s?|other\s+outlets?)\s+reports?\b|"
    r"\b(?:rest|rests|resting|based|relies|rely|relying|come|comes|depends?|stands?)\s+"
    r"(?:only\s+|solely\s+|just\s+|entirely\s+)?(?:on|from)\s+(?:(?:the|a|an|other)\s+)?"
    r"(?P<outlet>[\w'\-. ]*?)\s*(?:reports?|reporting|stor(?:y|ies)|media|press|article)\b"
)


def _secondhand(text: str, lower: str) -> Intent | None:
    if _ANONYMOUS.search(lower):
        return Intent("anonymous")
    match = _REPORTS.search(lower)
    if match is None:
        return None
    outlet = match.groupdict().get("outlet")
    if outlet is not None:
        outlet = text[match.start("outlet") : match.end("outlet")].strip()
        generic = {"", "media", "news", "press", "other", "other media", "outside"}
        if outlet.casefold() in generic or points_back(outlet):
            outlet = None
    return Intent("reports", party=outlet)


def _stance_of(lower: str) -> tuple[Stance, re.Match[str]] | None:
    for pattern, stance in _STANCE_WORDS:
        match = re.search(rf"\b{pattern}", lower)
        if match:
            return stance, match
    return None


def _stance(text: str, lower: str) -> Intent | None:
    found = _stance_of(lower)
    if found is None:
        return None
    stance, verb = found
    head, tail = lower[: verb.start()].strip(), text[verb.end() :].strip()
    if re.match(r"^(?:is|are|was|were)\b", head) or re.search(r"\b(?:been|being)$", head):
        return None  # "is X confirmed?", "has X been denied?": a check
    tail = re.sub(r"(?i)^(?:on|about|to|that|the\s+claim\s+that|any\s+of)\s+", "", tail)
    tail = _strip_tail(tail)
    anyone = re.match(
        rf"^(?:who(?:\s+{_AUX})?|{_AUX}\s+(?:anyone|anybody|someone|any\s+one)|"
        r"(?:has|have|did)\s+(?:anyone|anybody)|which\s+\w+|who\s+else)$",
        head,
    )
    if anyone:
        topic = None if tail.casefold() in {"", "anything", "something", "it all"} else tail
        return Intent("stance", stance=stance, topic=topic, back=_back(topic, tail))
    party = re.match(rf"^(?:what|which\s+claims?|what\s+claims?)\s+{_AUX}\s+(?P<p>.+)$", head)
    if party is None:
        party = re.match(rf"^{_AUX}\s+(?P<p>.+?)$", head)
    if party is None:
        return None
    name = text[party.start("p") : verb.start()].strip()
    name = re.sub(r"(?i)\s+(?:already|ever|officially|publicly|actually|really)$", "", name)
    topic = None if tail.casefold() in {"", "anything", "it"} else tail
    return Intent("stance", stance=stance, party=name, topic=topic, back=tail.casefold() == "it")


def _back(topic: str | None, tail: str) -> bool:
    return topic is not None and points_back(tail)


_WHO_SAID = re.compile(
    r"^(?:who|which\s+(?:source|outlet|person|people|report))\s+(?:first\s+)?"
    r"(?:said|says|reported|reports|claimed|claims|asserted|alleged|is\s+behind|was\s+behind|"
    r"made|makes|stated|wrote|told|is\s+the\s+source\s+(?:of|for)|broke)\s*(?P<topic>.*)$"
)
_WHERE_FROM = re.compile(r"^(?:where\s+(?:does|did)\s+(?P<topic>.+?)\s+come\s+from|says\s+who)$")


_THEIR_SOURCES = re.compile(
    r"^(?:who|what)\s+(?:are|were|is|was)\s+(?:its|their|his|her|the\s+report'?s|"
    r"the\s+story'?s)\s+sources?$"
)


def _who_said(text: str, lower: str) -> Intent | None:
    if _THEIR_SOURCES.match(lower):
        return Intent("who_said", back=True)
    match = _WHO_SAID.match(lower) or _WHERE_FROM.match(lower)
    if match is None:
        return None
    topic = (match.groupdict().get("topic") or "").strip()
    topic = re.sub(r"^(?:that|so|it)\s+", "", topic) if len(topic.split()) > 1 else topic
    topic_text = _strip_tail(text[len(text) - len(topic) :]) if topic else ""
    back = not topic_text or points_back(topic_text)
    return Intent("who_said", topic=None if back else topic_text, back=back)


_SAID = re.compile(
    rf"^(?:what|how)\s+{_AUX}\s+(?P<party>.+?)\s+(?:have\s+to\s+)?(?:{_SPEAK}|respond|react|"
    r"answer|reply|responded|reacted)\b"
)
_SAID_NOUN = re.compile(
    r"^(?:what\s+(?:was|is|were|are)\s+)?(?P<party>.+?)'s?\s+(?:response|reaction|statement|"
    r"words|comments?|position|answer|side)$"
)


_ABOUT = re.compile(r"(?i)^(?:about|on|of|regarding|concerning)\s+(?P<topic>.+)$")


def _said(text: str, lower: str) -> Intent | None:
    """'what did X say?', 'what did X say about Y?', 'X's response'."""
    match = _SAID.match(lower) or _SAID_NOUN.match(lower)
    if match is None:
        return None
    party = text[match.start("party") : match.end("party")].strip()
    about = _ABOUT.match(text[match.end() :].strip())
    topic = _strip_tail(about.group("topic")) if about else None
    return Intent("said", party=party, topic=topic or None)


_STATUS_LIST = re.compile(
    r"^(?:which|what)\s+(?:claims?\s+|things?\s+|parts?\s+)?(?:are|is|were|was|have\s+been|has\s+"
    r"been)\s+(?P<status>confirmed|verified|denied|unverified|unconfirmed|on\s+the\s+record)$"
)
_SOURCES = re.compile(
    r"^(?:who\s+(?:are|were)\s+the\s+sources|what\s+(?:are\s+the\s+)?sources|who\s+is\s+quoted|"
    r"who\s+(?:spoke|speaks)|which\s+sources|list\s+(?:the\s+)?sources|who\s+are\s+the\s+people)"
)


def _status_list(text: str, lower: str) -> Intent | None:
    if _SOURCES.match(lower):
        return Intent("sources")
    match = _STATUS_LIST.match(lower)
    if not match:
        return None
    word = re.sub(r"\s+", " ", match.group("status"))
    return Intent("status", status=_STATUS_WORDS[word])


_CHECK_TAIL = re.compile(
    r"\s+(?:(?:been|being)\s+)?(?:really\s+|actually\s+|officially\s+)?"
    r"(?:confirmed|true|verified|correct|accurate|denied|backed\s+up|corroborated|right|false|"
    r"real|happening|the\s+case)(?:\s+(?:anywhere|at\s+all|by\s+.+|in\s+.+|or\s+not))?$"
)
_IS_IT_TRUE = re.compile(
    r"^(?:is|was)\s+it\s+(?:true|confirmed|correct|right|accurate)(?:\s+that)?\s*(?P<topic>.*)$"
)
_SPEECH_OR_DOCUMENT = re.compile(
    r"(?i)\b(?:say|said|says|mention(?:s|ed)?|report(?:s|ed)?|comment(?:s|ed)?|quote(?:s|d)?|"
    r"talk(?:s|ed)?|tell|told|write|wrote|cite(?:s|d)?|name(?:s|d)?|article|document|story|"
    r"piece|text|anyone|anybody|someone)\b"
)
_YES_NO = re.compile(r"^(?:is|are|was|were|has|have|had|did|does|do|will|would)\s+(?P<topic>.+)$")


def _check(text: str, lower: str) -> Intent | None:
    match = _IS_IT_TRUE.match(lower)
    if match is None:
        match = _YES_NO.match(lower)
    if match is None:
        return None
    topic = text[match.start("topic") :]
    tail = _CHECK_TAIL.search(topic.casefold())
    if tail is not None:
        topic = topic[: tail.start()]
    happened = re.search(r"(?i)\s+(?:really\s+)?happen$", _strip_tail(topic))
    topic = re.sub(r"(?i)\s+(?:really\s+)?happen$", "", _strip_tail(topic))
    verdict = match.re is _IS_IT_TRUE or tail is not None or happened is not None
    verdict = verdict or _SPEECH_OR_DOCUMENT.search(topic) is None  # "was X fired?": a claim
    if not topic or points_back(topic):
        return Intent("check", back=True, verdict=verdict)
    return Intent("check", topic=topic, verdict=verdict)


_TOPIC = re.compile(
    r"^(?:(?:tell\s+me|talk\s+to\s+me|what\s+do\s+(?:we|you|the\s+documents)\s+know|what\s+is\s+"
    r"known|what\s+(?:do|does)\s+(?:it|the\s+\w+)\s+say)\s+about|what\s+about|how\s+about|"
    r"explain|more\s+on|details\s+on|and)\s+(?P<topic>.+)$"
)


def _topic(text: str, lower: str) -> Intent:
    match = _TOPIC.match(lower)
    topic = _strip_tail(text[match.start("topic") :]) if match else text
    return Intent("topic", topic=topic, back=points_back(topic))


_READERS = (
    _choose,
    _overview,
    _timeline,
    _who_said,
    _secondhand,
    _status_list,
    _stance,
    _said,
    _check,
)


def check_topic(question: str) -> str | None:
    """X in "is X confirmed anywhere?" / "is X true?" / "did X happen?", else None ("" when X
    points back). Other yes/no questions ("was the ambassador recalled?") are answered from the
    claims, not sent to the check."""
    intent = read(question)
    if intent.kind != "check" or not intent.verdict:
        return None
    return intent.topic or ""


__all__ = ["STATUSES", "Intent", "check_topic", "points_back", "read"]
