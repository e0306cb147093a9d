"""The offline engine's word lists: the rules' data, kept apart from the code that applies them.

Everything here is lower-case English and deliberately general: nothing is keyed to one article.
Other offline tasks (checking, answering) import these lists too, so keep names stable.
"""

from __future__ import annotations

from typing import Final, Literal


def _phrases(text: str) -> tuple[str, ...]:
    """Comma-separated phrases (they may contain spaces) as a tuple."""
    return tuple(" ".join(p.split()) for p in text.split(",") if p.strip())


CueStance = Literal["asserts", "confirms", "denies", "declines_comment", "not_confirmed"]

# Abbreviations whose final period does not end a sentence (compared without the period).
ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm maj cpl gov sen rep rev fr st jr sr
    inc ltd co corp llc plc bros dept univ assn est approx vs etc no nos vol fig art sec ch
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g n.y l.a ft mt pp ave blvd rd hon pres supt insp
    atty gov't govt""".split()
)

# Speech verbs by the stance they give their speaker. Forms are listed out (no stemming needed).
CUES: Final[dict[CueStance, tuple[str, ...]]] = {
    "asserts": _phrases(
        """said, says, say, told, tells, added, adds, stated, states, stressed, stresses,
    emphasized, emphasised, emphasizes, emphasises, noted, notes, explained, explains,
    argued, argues, claimed, claims, insisted, insists, asserted, asserts, wrote, writes,
    announced, announces, reported, reports, clarified, clarifies, reiterated, reiterates,
    maintained, maintains, alleged, alleges, mentioned, mentions, revealed, reveals,
    disclosed, discloses, assured, assures, highlighted, highlights, pointed out, points
    out, underscored, underscores, suggested, suggests, testified, observed, remarked,
    declared, declares, saying, adding, stressing, emphasizing,
    emphasising, noting, explaining, arguing, claiming, insisting, asserting, writing,
    announcing, clarifying, reiterating, maintaining, alleging, mentioning, revealing,
    highlighting, pointing out, underscoring, suggesting, declaring, warned, warns, shows,
    show, showed"""
    ),
    "confirms": _phrases(
        """confirmed, confirms, did confirm, does confirm, acknowledged, acknowledges, admitted,
    admits, reaffirmed, reaffirms, verified, verifies, corroborated, conceded, concedes, confirming,
    acknowledging, admitting, reaffirming, conceding"""
    ),
    "denies": _phrases(
        """denied, denies, deny, rejected, rejects, dismissed, dismisses, refuted, refutes,
    disputed, disputes, rebuffed, contradicted, contradicts, debunked, denying, rejecting,
    dismissing, refuting, disputing, rebutted, rebuts, rebutting, repudiated, repudiates,
    repudiating, pushed back on, pushed back against, pushes back on, pushing back on,
    rubbished, rubbishes, contested, contests"""
    ),
    "declines_comment": _phrases(
        """declined to comment, declines to comment, refused to comment, refuses to comment,
    declined to confirm, refused to confirm, declined to discuss, would not comment, did not
    respond to requests for comment, did not respond to a request for comment, did not
    immediately respond to a request for comment, did not immediately respond to requests
    for comment, did not return requests for comment, did not return calls, declined to
    elaborate, declined to be interviewed, could not be reached for comment, was not
    available for comment, were not available for comment, was not immediately available for
    comment, were not immediately available for comment, did not return a message, did not
    return messages, did not return a message seeking comment, did not return a call, did not
    return a request for comment, did not return an email, did not reply, did not respond,
    declined to say, would not say, declined interview requests, no comment, declined to
    answer, refused to answer, declined to answer questions, declined to answer specific
    questions, would not answer"""
    ),
    "not_confirmed": _phrases(
        """has not confirmed, have not confirmed, had not confirmed, did not confirm, has not
    officially confirmed, have not officially confirmed, has yet to comment, have yet to
    comment, has yet to confirm, have yet to confirm, has yet to respond, have yet to
    respond, has not commented, have not commented, has not responded, have not responded,
    has neither confirmed nor denied, have neither confirmed nor denied, neither confirmed
    nor denied, could not confirm, could not immediately confirm, was unable to confirm,
    were unable to confirm, would not confirm, has not verified, have not verified, has not
    been able to confirm, have not been able to confirm, has not been able to independently
    confirm, have not been able to independently confirm, was not able to confirm, could not
    independently confirm, was unable to independently confirm"""
    ),
}

# Plain negation, for both tasks: a negated restatement is a denial (extraction), a negated
# claim is itself a denial (check). Other words ending in "n't" count too.
NEGATIONS: Final = frozenset(
    """not no never nobody nothing none neither nor cannot isn't wasn't aren't weren't doesn't
    didn't don't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't""".split()
)

# Subordinating conjunctions: in "..., after two outlets reported that ..." the speaker follows.
SUBORDINATORS: Final = frozenset(
    "after as when because while since although though before until once whereas".split()
)
# Things a party can deny (as opposed to "rejected an offer", "denied bail").
DENIABLE_OBJECTS: Final = frozenset(
    """wrongdoing involvement charges charge responsibility knowledge link links role guilt
    existence it this that them any allegation accusation""".split()
)
# Quotes that decline to comment or say the speaker cannot confirm, by their own words.
QUOTED_DECLINES: Final = _phrases(
    """does not comment, do not comment, doesn't comment, don't comment, will not comment,
    won't comment, no comment, not going to comment, cannot comment, can't comment"""
)

# More verbs that attribute a statement, belief or stance to someone ("Trump wants ...", "the
# poll found ...", "she called for ..."). Read only for the attributions a document lists (who
# said what), never to make claims: a belief or a wish is not a checkable assertion.
ATTRIBUTION_CUES: Final = _phrases(
    """believe, believes, believed, think, thinks, thought, want, wants, wanted, hope, hopes,
    hoped, fear, fears, feared, worry, worries, worried, expect, expects, predicted, predicts,
    predict, estimated, estimates, know, knows, knew, agreed, agrees, agree, found, finds,
    cited, cites, citing, recalled, recalls, recalling, described, describes, describing,
    responded, responds, replied, replies, continued, continues, promised, promises,
    promising, pledged, pledges, pledging, vowed, vows, vowing, accused, accuses, accusing,
    criticized, criticizes, criticised, criticises, criticizing, attacked, attacks, blasted,
    blasts, slammed, slams, condemned, condemns, praised, praises, questioned, questions,
    proposed, proposes, proposing, complained, complains, countered, counters, boasted,
    bragged, joked, tweeted, tweets, testified, testifies, signaled, signalled, signals,
    indicated, indicates, called for, calls for, call for, calling for, pointed to, points to,
    demanded, demands, urged, urges, asked, asks, called, calls, calling, show, shows,
    showed, shown, argue, insist, claim, announce, acknowledge, admit, warn, suggest,
    recommend, recommended, recommends, contend, contends, contended, conclude, concluded,
    concludes, said, say, says, told, tells, wrote, writes, added, noted, according to"""
)

# Plain verbs of saying: a sentence with one is never in the outlet's own voice.
SAY_CUES: Final = frozenset(
    _phrases(
        """said, says, say, told, tells, according to, stated, states, wrote, writes, added,
        adds, explained, explains, insisted, insists, argued, argues"""
    )
)

# Verbs that only make sense when followed by "that ..." or a quotation; without one they are
# not speech ("added to the list", "reports surfaced").
NEEDS_CLAUSE: Final = frozenset(
    """added adds adding suggested suggests suggesting noted notes noting mentioned mentions
    mentioning maintained maintains maintaining observed claims reports reported stated states
    highlighted highlights highlighting underscored underscores underscoring revealed reveals
    revealing disclosed discloses pointed points declared claimed claim claiming""".split()
)

# Cues whose object is a noun phrase ("reaffirmed Beijing's support"): the claim is the statement.
STATEMENT_CUES: Final = frozenset(
    """announced announces reaffirmed reaffirms confirmed confirms acknowledged acknowledges
    reiterated reiterates""".split()
)

# Passive forms in the outlet's own voice: the outlet itself has not confirmed.
OUTLET_NOT_CONFIRMED: Final = _phrases(
    """could not be independently verified, could not be independently confirmed, could not be
    verified, could not be confirmed, has not been independently verified, has not been
    verified, has not been confirmed, have not been independently verified, have not been
    verified, have not been confirmed, was not immediately verified, could not immediately
    be verified, could not immediately be confirmed"""
)

# "X called the reports speculation": words that turn "called"/"described as" into a denial.
DISMISSIVE_WORDS: Final = frozenset(
    """speculation speculations speculative baseless false fake untrue rumour rumours rumor
    rumors nonsense fabricated fabrication fabrications propaganda misleading lies lie
    unfounded groundless absurd ridiculous fiction hoax incorrect inaccurate wrong smear
    smears slander libel libellous defamatory fantasy fantasies invented concocted
    distortion distorted""".split()
)
# Phrases that call something untrue, for both tasks (the check's REFUTE_PHRASES add to them).
UNTRUE_PHRASES: Final = _phrases(
    """no truth, not true, never happened, did not happen, didn't happen, made up"""
)
# Phrases that call something untrue without a dismissive word: "there is no truth in it".
DISMISSIVE_PHRASES: Final = UNTRUE_PHRASES + _phrases(
    """without merit, without foundation, without basis, no basis, no merit, no foundation,
    not accurate, not correct, not the case, not based on fact, not based on facts, no such,
    nothing to do with, no question of"""
)

# Cues that introduce advice or demands: what follows is not a factual assertion.
# A speaker's state of mind is not a checkable fact ("he was delighted", "she is focused on
# Saturday", "worried about after-school jobs").
FEELINGS: Final = frozenset(
    """delighted pleased happy glad disappointed proud thrilled saddened shocked excited
    grateful confident optimistic concerned worried surprised sorry upset angry frustrated
    focused relieved heartbroken devastated hopeful satisfied""".split()
)
# Irregular past tenses that are never participles: a verb wherever they stand ("parents
# began circulating a letter" is no speaker phrase).
IRREGULAR_PAST: Final = frozenset(
    """began took gave went came became ran saw wrote grew knew drew flew threw spoke broke
    chose rose fell ate forgot withdrew drove overtook undertook shook swore stole froze
    forgave arose""".split()
)
# What a news outlet does with a story: the sentence is about the reporting, not a claim
# ("The broadcaster carried a near-identical account", "The newsletter cited three people").
MEDIA_ACTS: Final = frozenset(
    """carried cited published repeated aired ran quoted attributed reprinted syndicated
    picked""".split()
)
# Verbs of taking part in an exchange: "Baloch responded to media questions, clarifying that
# ..." has no claim before the participle, only the act of speaking.
SPEECH_ACTS: Final = frozenset(
    """responded replied echoed spoke commented answered addressed briefed reiterated
    tweeted posted wrote argued""".split()
)
# "Court filings show ...": a document speaking; any other subject of "show" is no speaker.
SHOW_CUES: Final = frozenset({"shows", "show", "showed"})
# Warnings are statements when a clause follows ("warned that nurses had filed 47
# complaints"), advice when an addressee and an action do ("warned residents to stay away").
WARNING_VERBS: Final = frozenset("warned warns cautioned cautions".split())
EXHORTATION_VERBS: Final = frozenset(
    _phrases(
        """advised, advises, urged, urges, called on, calls on, called upon, appealed, appeals,
        asked, asks, encouraged, encourages, recommended, recommends, warned, warns, demanded,
        demands, requested, requests, invited, invites, cautioned, cautions, implored, pleaded,
        begged, instructed, directed"""
    )
)
EXHORTATION_OPENERS: Final = _phrases(
    """we advise, we urge, we call on, we appeal, we ask, we request, we encourage, i urge, i
    ask, i call on, let us, let's, please, don't, do not, never"""
)

# Words that make content a prediction, a wish or an opinion rather than a checkable fact.
MODALS: Final = frozenset(
    """will would could might may shall should must ought won't wouldn't shouldn't can't""".split()
)
# Markers of a plan or schedule, checkable when reported with a date or a figure.
PLAN_MARKERS: Final = frozenset(_phrases("expected to, is set to, are set to, plans to, going to"))
OPINION_MARKERS: Final = _phrases(
    """likely to, expected to, is set to, are set to, plans to, hopes to, aims to, going to,
    i think,
    i believe, i feel, in my opinion, in my view, we believe, we think, i hope, we hope,
    it is important, it's important, i'm sure, i am sure, i want to, we want to, i'd like,
    we'd like, i wish, i'd bet"""
)

# Hedges: the outlet reports something without vouching for it (the claim stays unverified).
HEDGES: Final = _phrases(
    """reportedly, allegedly, purportedly, apparently, appears to, appear to, appeared to,
    seems to, seem to, seemed to, is believed to, are believed to, was believed to, is thought
    to, are thought to, is said to, are said to, was said to, is understood to, rumoured,
    rumored, unconfirmed, it is assumed, it's assumed, it is claimed, may have, might have,
    could have, supposedly"""
)

# Heads of speaker phrases that denote unnamed people.
ANONYMOUS_HEADS: Final = frozenset(
    """source sources official officials insider insiders person people persons diplomat
    diplomats aide aides officer officers employee employees staffer staffers resident
    residents witness witnesses analyst analysts expert experts executive executives member
    members individual individuals investigator investigators someone activists activist
    protesters doctors doctor scientists scientist researchers researcher critics supporters
    neighbors neighbours friends friend relatives relative locals observers campaigners
    lawyers eyewitnesses eyewitness users commentators man woman men women nurse nurses
    teacher teachers worker workers student students parent parents player players fans
    passengers patients customers volunteers soldiers fighters survivors victims owner owners
    homeowners shoppers drivers commuters tenants neighbours' locals pharmacists farmers
    engineers traders merchants shopkeepers villagers fishermen miners pilots mothers fathers
    protesters demonstrators participants attendees guests viewers listeners readers
    colleagues classmates tenant supervisor supervisors managers
    shopkeeper""".split()
)
ANONYMOUS_MARKERS: Final = _phrases(
    """familiar with, asked not to be named, did not name, not named, unidentified,
    declined to be named, not authorized, not authorised, condition of anonymity, spoke
    anonymously, unnamed, anonymous, close to the, who requested anonymity, briefed on, with
    knowledge of"""
)

# Plural heads that, after a named body, mean the body speaking: "county health officials".
INSTITUTIONAL_HEADS: Final = frozenset({"officials", "authorities", "officers", "executives"})
# "report" is a document, not the media, with these words: "the quarterly report".
DOCUMENT_REPORT_MODIFIERS: Final = frozenset(
    """quarterly annual earnings financial audit auditor's inspection official government
    police autopsy coroner's court internal incident investigation commission committee
    ministry department agency company's""".split()
)

# Media: generic report nouns and outlet names (lower case, matched on word boundaries).
REPORT_NOUNS: Final = frozenset(
    """report reports reporting media newspaper newspapers paper tabloid broadcaster
    broadcasters channel outlet outlets magazine wire website blog daily weekly
    news journal times herald tribune gazette telegraph chronicle tv television radio
    mailonline variety examiner inquirer post sun beacon wrap mirror express star observer
    standard globe register dispatch bulletin monitor posts tweets rumors rumours newsletter
    newsletters story stories article articles courier ledger sentinel courant mercury enquirer
    advertiser mail site""".split()
)
OUTLETS: Final = _phrases(
    """reuters, associated press, the ap, afp, agence france-presse, bloomberg, bbc, cnn, fox
    news, nbc, abc news, cbs, msnbc, npr, new york times, washington post, wall street
    journal, the guardian, financial times, the times, the telegraph, daily mail, the sun,
    the independent, al jazeera, xinhua, tass, ria novosti, the hindu, times of india,
    der spiegel, le monde, politico, axios, buzzfeed, tmz, the verge, techcrunch, usa today,
    los angeles times, new york post, daily beast, huffington post, sky news, itv,
    channel 4, france 24, deutsche welle, yonhap, kyodo, nikkei, south china morning post,
    global times, people's daily, state media, state television, state tv, local media, the
    mirror, the express, mashable, gawker, cbc"""
)

# Written things that speak: documents.
DOCUMENT_NOUNS: Final = frozenset(
    """proposal letter letters filing filings memo memorandum document documents statement
    study survey lawsuit complaint indictment affidavit record records dataset data figures
    transcript court papers release report's communique email emails order ruling
    verdict judgment judgement resolution bill decree notice census summary audit manifest
    contract agreement lease charter testimony deposition warrant subpoena invoice""".split()
)

# Bodies that speak as themselves.
ORGANIZATION_NOUNS: Final = frozenset(
    """office ministry ministries department departments government governments police army
    military company companies firm corporation agency commission council committee party
    embassy consulate court administration authority authorities board union bank
    university institute organization organisation foundation group navy airforce
    cabinet parliament congress senate legislature secretariat spokesman's presidency
    prosecutors prosecution house kremlin pentagon fbi cia nato un who fo isi inc ltd llc
    corp co plc team club league federation association command center centre service
    services force forces guard corps observatory network coalition alliance movement charity
    society hospital school college church council's airline airport station
    police's air airways airlines city state country town county province region municipality
    village bureau regulator panel tribunal research securities capital partners holdings labs
    systems technologies foods motors logistics entertainment pharmaceuticals therapeutics
    energy insurance ventures fire health transit election prison border customs
    immigration district districts utility clinic agencies firms pharmacy pharmacies stores
    restaurants homes""".split()
)

# Titles and offices: a named person carrying one speaks as an official.
TITLES: Final = frozenset(
    """spokesperson spokesman spokeswoman minister president prime secretary senator governor
    mayor ambassador envoy chief director commissioner chairman chairwoman chair ceo cfo
    coo founder official general colonel inspector sheriff superintendent judge prosecutor
    attorney representative rep sen gov mp lawmaker congressman congresswoman head leader
    deputy adviser advisor officer captain lieutenant sergeant commander king queen prince
    princess pope premier chancellor manager executive counsel lawyer administrator
    president-elect vice speaker treasurer auditor marshal admiral major coach
    spokesperson's councillor councilor councilman councilwoman alderman publicist agent aide
    economist""".split()
)

PERSONAL_PRONOUNS: Final = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: Final = frozenset({"they", "it", "we", "i"})
ROLE_NOUNS: Final = TITLES | frozenset({"official", "source", "lawyer", "company"})

# Words that start an adverbial chunk, which cannot be a speaker ("On Monday, ...").
ADVERBIAL_OPENERS: Final = frozenset(
    """on in at during after before earlier later last this next however meanwhile also but
    yet still moreover furthermore separately then now today yesterday tomorrow since while
    when although though despite amid according for from by with without over under""".split()
)
# Function words that never sit inside a speaker phrase ("six victims during an assault").
NOT_IN_SPEAKERS: Final = frozenset(
    """during than after before when while because if since until into thus far about
    what where so you you're i'm we're they're""".split()
)
# Adverbs that may sit between a speaker and the cue ("the report also mentioned").
SPEAKER_ADVERBS: Final = frozenset(
    """also later earlier previously repeatedly again further reportedly recently initially
    then officially publicly privately separately explicitly firmly strongly flatly
    categorically swiftly quickly immediately emphatically however has have had too first
    thus far now""".split()
)
# Time words that may follow a cue ("the government said Sunday").
TIME_WORDS: Final = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    on earlier later last this week month year morning evening afternoon night in a
    statement interview briefing recently""".split()
)
AUXILIARIES: Final = frozenset(
    """is are was were be been has have had do does did will would can could should may
    might must shall""".split()
)
CONJUNCTIONS: Final = frozenset(
    """and but while as because after when since although though that which where so or
    if""".split()
)

# Anaphora pointing back at a reported claim ("these talks", "the report").
REPORT_ANAPHORS: Final = frozenset(
    """report reports claim claims allegation allegations story stories rumour rumours rumor
    rumors speculation speculations talks suggestion suggestions account accounts reporting
    assertion assertions accusation accusations news letter letters video videos footage
    document documents photo photos image images email emails criticism posts figures
    version""".split()
)

# Lines that are page furniture, never claims (matched case-insensitively at a line's start).
BOILERPLATE_PATTERNS: Final = (
    r"^follow\s+(us\b|@|.{1,60}?\bon\s+(google|twitter|facebook|instagram|x\b|youtube|"
    r"linkedin|telegram|whats ?app|tiktok|threads))",
    r"^(subscribe|sign up|click here|tap here|read more|read also|also read|see also|"
    r"related:|related stories|related articles|advertisement|sponsored content|copyright|"
    r"all rights reserved|reporting by|editing by|additional reporting by|write to|"
    r"like us on|join us on|join our|download the|share this|share on)\b",
    r"^(photo|image|video|picture|graphic|file photo|posted|updated|published|source)\s*[:|]",
    r"^\W*(\u00a9|\(c\))",
    r"\bcontributed (reporting )?to this (report|story|article)\.?$",
)
# A line mentioning a social network or newsletter together with a call to action.
SOCIAL_NETWORKS: Final = (
    r"\b(google news|facebook|twitter|instagram|youtube|whats ?app|tiktok|telegram|"
    r"newsletter|linkedin)\b"
)
CALLS_TO_ACTION: Final = r"\b(follow|subscribe|sign up|join|like us|latest updates|stay updated)\b"
# "By Jane Doe" or "By Jane Doe, Reuters": a byline, when the line is this short.
BYLINE: Final = r"^[Bb]y\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)+\s*([,|].*)?$"
BYLINE_MAX_WORDS = 8

# Event verbs: sentences in the outlet's voice with one of these report something that happened.
EVENT_WORDS: Final = frozenset(
    """killed kill kills died dead death deaths injured wounded arrested detained charged
    convicted sentenced attacked attack attacks bombed blast explosion exploded crashed
    crash fired shot seized captured launched signed approved passed voted elected resigned
    appointed fined sued won lost rose fell dropped increased decreased reported announced
    claimed targeted struck destroyed damaged collapsed evacuated met visited released
    opened closed banned raided invaded fled escaped discovered found""".split()
)
NUMBER_WORDS: Final = frozenset(
    """one two three four five six seven eight nine ten eleven twelve dozen dozens hundred
    hundreds thousand thousands million millions billion billions percent first second
    third""".split()
)
