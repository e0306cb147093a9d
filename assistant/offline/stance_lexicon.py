"""Word lists the offline check reads stance with: readable data, no code.

Kept apart from the extraction engine's cue lists (lexicons.py) where the two tasks need
different words: the check reads a whole sentence's stance towards a typed claim and its lists
are tuned on FNC-1 and Emergent (bench/stance_dev.py), while the extraction engine's lists
parse who said what. Lists that mean the same for both live in lexicons.py and are used from
here (NEGATIONS, UNTRUE_PHRASES). Single words are matched against the lower-cased words of a
sentence (curly apostrophes made straight); phrases (with a space) against the lower-cased
sentence, on word boundaries.
"""

from __future__ import annotations

from assistant.offline import lexicons as lex

# Function words and newsroom filler that say nothing about what a claim is about.
STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for from with as is are was were be been being am
    it its it's this that these those he she they them his her hers their theirs has have had having
    do does did doing will would shall can could should may might must than then so such there here
    who whom whose which what when where why how also said says say saying told tell tells about
    over after before into onto out up down off more most some any all both each other another our
    ours we you your yours i me my mine us him itself himself herself themselves one just very
    now new news get gets got make makes made like if while because though although only
    per via yet still even really s t re ve ll d m""".split()
)

# Headline furniture: tabloid and web-page words that are not part of the assertion itself.
HEADLINE_NOISE = frozenset(
    """breaking report reports reported exclusive watch video videos photo photos pics picture
    pictures update updated updates live viral shocking amazing incredible stunning horrifying
    omg wow look see read first claim claims claimed rumor rumour rumors rumours alleged
    allegedly reportedly apparently""".split()
)

# Plain negation (shared with the extraction engine, see lexicons.NEGATIONS). In a claim it
# marks the claim as itself a denial ("X did not happen").
NEGATIONS = lex.NEGATIONS

# Words that call what was said untrue: the writer (or someone quoted) debunks the story.
REFUTE_WORDS = frozenset(
    """hoax hoaxes hoaxed hoaxer hoaxers fake faked fakes false falsely satire satirical
    satirist prank pranks pranked prankster pranksters debunk debunks debunked debunking
    debunker untrue bogus fabricated fabricate fabricates fabrication fabrications nonsense
    myth myths doctored photoshopped misleading""".split()
)
REFUTE_PHRASES = (*lex.UNTRUE_PHRASES, "not real", "no evidence")

# Words in a claim that make the claim itself a rejection ("... is a hoax", "X denies ...").
CLAIM_REFUTE_WORDS = REFUTE_WORDS | frozenset(
    """deny denies denied denial doubt doubts questions troll trolled trolls""".split()
)

# Words that put distance between a writer and an assertion: reported, not established.
HEDGE_WORDS = frozenset(
    """alleged allegedly reported reportedly report reports apparently purported purportedly
    supposedly rumor rumors rumored rumour rumours rumoured unconfirmed unverified claim claims
    claimed claiming speculation speculate speculated speculating speculative possibly may might
    could perhaps believed appear appears seem seems seemed unclear source sources""".split()
)
HEDGE_PHRASES = (
    "according to",
    "said to",
)

# Words in a claim that frame it as reported rather than asserted ("Report: ...", "... may ...").
CLAIM_HEDGE_WORDS = frozenset(
    """alleged allegedly reported reportedly report reports apparently purported purportedly
    supposedly rumor rumors rumored rumour rumours rumoured unconfirmed claim claims claimed
    claiming may might could say says source sources possibly probably likely believed fear fears
    feared suspected seemingly apparent sees eyes mulls considering expected predicts predicted
    forecast forecasts mystery""".split()
)

# A claim that opens with "<speaker>:" or ends with "-- <speaker>" is attributed, not asserted,
# when the speaker is one of these ("Official: ...", "... -- analyst").
SPEAKER_NOUNS = frozenset(
    """official officials analyst analysts report reports source sources senator rep lawmaker
    lawmakers police expert experts witness witnesses study media minister spokesman
    spokeswoman spokesperson insider insiders pentagon""".split()
)
# Punctuation in a claim that frames it as a question or an attributed quote ("Police: ...").
CLAIM_HEDGE_MARKS = ("?",)

# Phrases that say a party has not confirmed: evidence for "unverified" in a reason or a quote.
NOT_CONFIRMED_PHRASES = (
    "could not be verified",
    "could not be independently verified",
    "cannot be verified",
    "has not been verified",
    "not been confirmed",
    "has yet to",
    "have yet to",
    "declined to comment",
    "did not respond",
    "did not immediately respond",
    "would not confirm",
    "unable to confirm",
    "neither confirmed nor denied",
)

# Verbs of denial: which sentence carries the denial, and that a party rather than the writer
# rejects the claim.
DENIAL_WORDS = frozenset(
    """deny denies denied denying denial denials refute refutes refuted rebut rebuts rebutted
    dismiss dismisses dismissed reject rejects rejected retract retracts retracted""".split()
)

# Who is speaking: markers of anonymous sourcing and of another outlet's report.
# Words that contest a claim without denying it outright ("disputed", "questioned").
DISPUTE_WORDS = frozenset(
    """dispute disputes disputed contest contests contested doubted questioned trolled
    trolling""".split()
)

ANONYMOUS_MARKERS = (
    "sources",
    "a source",
    "an official who",
    "officials who",
    "unnamed",
    "anonymous",
    "not to be named",
    "condition of anonymity",
    "insider",
)
MEDIA_MARKERS = (
    "reported",
    "reports",
    "according to",
    "newspaper",
    "tabloid",
    "media",
)
