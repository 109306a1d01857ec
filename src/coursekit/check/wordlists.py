"""The word lists `coursekit check` uses. Plain data: read them, or copy and adapt them.

Patterns are regular expressions matched case-insensitively at word boundaries unless a
comment says otherwise. Sources: the coursekit content brief (sections 1.2, 1.3, 5.3, 6).
"""

from __future__ import annotations

# --- G1: stories ------------------------------------------------------------------------------

THIRD_PARTY_NAMES = (
    # People named in passing in the source transcripts, who did not consent (content brief 1.2).
    "Bill Bamber",      # a psychiatrist named in Anthony's story
    "Robin Williams",   # a council contact named in Lee's story
    "Paul Hollywood",   # named in passing in Mark's story
    # Named in a transcript only as a guess ("ports / Portrait"): do not name it unless verified.
    "Porchlight",
)

INVENTED_OUTCOME_TOPIC = r"recovery[- ]friendly|employment event"
"""Text about WY-FI's recovery-friendly workplace case, whose list of outcomes is empty."""

OUTCOME_CLAIMS = (
    r"outcomes? (?:included|were|was|are)",
    r"result(?:ed|s)? in",
    r"led to",
    r"as a result",
    r"(?:helped|enabled|supported) (?!by\b)\w+",
    r"(?:increased|improved|reduced|boosted|raised|doubled|halved)",
    r"(?:got|found|gained|secured|started|moved into|went into) (?:paid |new )?(?:jobs?|work|employment)",
    r"(?:into|back to|back into) (?:paid )?(?:work|employment)",
    r"signed up",
    r"(?:employers|workplaces|businesses|companies|organisations) (?:have )?(?:adopted|signed|joined|"
    r"took on|taken on|employed|hired|used)",
    r"hired",
    r"\d+",
)
"""Claims of what the recovery-friendly workplace case achieved: the source reports none."""

DISCLAIMERS = ("no", "not", "none", "nothing", "never", "empty", "unknown", "nobody")
"""A sentence with one of these says the outcomes are missing; it is not an invented outcome."""

# --- G2: sensitive material -------------------------------------------------------------------

SENSITIVE = (
    r"abus(?:e|ed|es|ive|ing)",
    r"homeless(?:ness)?",
    r"addict(?:s|ed|ion|ions)?",
    r"detox",
    r"trauma(?:s|tic|tised|tized)?",
    r"self[- ]harm(?:ing)?",
    r"suicid(?:e|al)",
    r"violen(?:ce|t)",
)

# --- G3: payment, benefits and legal claims ---------------------------------------------------

CLAIM_WORDS = (
    r"£",
    r"(?-i:ESA|PIP|DWP)",  # case-sensitive: 'pip' and 'esa' are not claims
    r"Universal Credit",
    r"Jobcentre",
    r"on benefits",
    r"benefit rules",
    r"welfare benefits",
    r"Care Act",
    # 'statutory services' (public bodies) is a name, not a legal claim; 'statutory guidance' is one.
    r"statutory(?!\s+(?:services?|agenc(?:y|ies)|bod(?:y|ies)|sector|partners?|organisations?|providers?))",
    r"legal dut(?:y|ies)",
    r"the law",
    r"tax(?:es|ed|able)?",
    r"National Insurance",
    r"Permitted Work",
    r"payment rates?",
)

PERSONAL_ADVICE = (
    r"you will not lose (?:your |any )?benefits?",
    r"you won't lose (?:your |any )?benefits?",
    r"you can't lose (?:your |any )?benefits?",
    r"your benefits? (?:will not|won't) (?:be affected|change|stop)",
    r"you will keep (?:all )?your benefits?",
    r"you can earn",
    r"you are allowed to earn",
    r"you can keep (?:all )?(?:the|your) (?:money|payment)",
)
"""Phrasing that gives one person benefits advice. Signpost to independent advice instead."""

# --- G4: outcomes -----------------------------------------------------------------------------

UNMEASURABLE = ("understand", "know", "be aware", "appreciate", "learn about", "become familiar")

OBSERVABLE_VERBS = frozenset("""
    adapt agree analyse apply arrange ask assess audit build calculate challenge check choose
    classify co-design co-produce commit compare complete contrast cost create critique decide
    define demonstrate describe design develop devise discuss distinguish draft estimate evaluate
    explain find give identify illustrate interpret invite judge justify label lead list locate
    make map match measure monitor name negotiate offer order outline pick place plan practise
    predict prepare present prioritise produce propose rank rate recognise recommend record
    reflect rehearse report respond review revise rewrite role-play run say score select set
    share show signpost sketch sort spot state suggest summarise support tailor take tell test
    trace translate use weigh write
""".split())
"""Verbs whose result someone can see or hear (revised Bloom's taxonomy, UK spelling)."""

OBSERVABLE_PHRASES = frozenset({
    "carry out", "feed back", "point out", "pick out", "set up", "sum up", "speak up", "work out",
    "write down", "put together", "work with", "talk through",
})

# --- Language ---------------------------------------------------------------------------------

JARGON = (
    "co-production", "commissioning", "commissioner", "tokenism", "tokenistic", "lived experience",
    "peer worker", "trauma-informed", "asset-based", "strengths-based", "stakeholder",
    "multiple disadvantage", "dual diagnosis", "safeguarding", "reciprocity", "honorarium",
    "consultation", "co-design",
)
"""Terms a learner may not know: a module that uses one must have it in its glossary."""

COMMON_ACRONYMS = frozenset({"UK", "OK", "TV"})
"""Acronyms everyone knows (GOV.UK style does not expand them); all others need a glossary entry."""

DENY = (
    # (pattern, suggestion)
    (r"addicts?", "people who use drugs"),
    (r"junkies?", "people who use drugs"),
    (r"the homeless(?!\s+(?:link|sector|services?|charit(?:y|ies)|pods?|hostels?|projects?|teams?|"
     r"prevention|support|people|person|population|community))", "people experiencing homelessness"),
    (r"homeless (?:people|persons?|men|women)", "people experiencing homelessness"),
    (r"hard[- ]to[- ]reach", "not yet reached, or easy to ignore"),
    (r"service[- ]users?", "people who use services"),
    (r"suffer(?:s|ed|ing)? from", "lives with, or has"),
    (r"commit(?:s|ted|ting)? suicide", "died by suicide"),
    (r"mentally ill", "people with mental health problems"),
    (r"offenders?", "people with convictions"),
    (r"prostitutes?", "people who sell sex"),
    (r"alcoholics?", "people who are dependent on alcohol"),
    (r"substance abus(?:e|ers?)", "drug and alcohol use, or people who use drugs or alcohol"),
    (r"non-compliant", "say what happened, for example 'has not taken up this offer yet'"),
    (r"frequent flyers?", "people who use services often"),
    (r"attention[- ]seeking", "seeking connection or help"),
    (r"manipulative", "describe the behaviour and the need behind it"),
)
"""Stigmatising or deficit words with a person-first alternative. A quoted term is a mention."""

TRANSCRIPTION_ERRORS = (
    # (pattern, what the source means) from content brief 1.2. Matched anywhere except in the
    # `corrections` field, which records them on purpose.
    (r"main coalition", "MEAM (Making Every Adult Matter) coalition"),
    (r"(?-i:meme)", "MEAM"),
    (r"Camdenton", "Camden and Islington"),
    (r"Canton and Islington", "Camden and Islington"),
    (r"trusty millions", "trustee meetings"),
    (r"Takes the city", "It Takes a City"),
    (r"Came between Peterborough", "Cambridgeshire and Peterborough"),
    (r"catching knives", "Catching Lives"),
    (r"language of forum", "Lancashire User Forum"),
    (r"Jill diagnosis", "dual diagnosis"),
    (r"upscale rather than", "upskill rather than dumb down"),
    (r"22 people\b[^.]{0,60}\bmanagement (?:team|committee)", "two people on the management team"),
    (r"article production", "co-production"),
    (r"trauma and reform", "trauma-informed"),
    (r"(?-i:Q y)", "QI (quality improvement)"),
    (r"health education in England", "Health Education England"),
    (r"the bank, the page was blank", "a blank page"),
)

OWN_WORDS_RUN = 9
"""A run of this many words shared with a source transcript is copying, not paraphrase."""
