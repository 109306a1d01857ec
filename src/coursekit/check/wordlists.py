"""The word lists `coursekit check` uses. Plain data: read them, or copy and adapt them.

Patterns are regular expressions matched case-insensitively at word boundaries unless a
comment says otherwise. Sources: the coursekit content brief (sections 1.2, 1.3, 5.3, 6).
"""

from __future__ import annotations

# --- G1: stories ------------------------------------------------------------------------------

THIRD_PARTY_NAMES = (
    # (full name, other ways a writer may name them) of people named in passing in the source
    # transcripts, who did not consent (content brief 1.2). A title before the surname (Dr, Mr,
    # Mrs, Ms, Miss, Professor) is matched too.
    ("Bill Bamber", ("Bamber", "William Bamber")),  # a psychiatrist named in Anthony's story
    ("Robin Williams", ("Robin W",)),  # a council contact named in Lee's story
    ("Paul Hollywood", ("Hollywood",)),  # named in passing in Mark's story
    # Named in a transcript only as a guess ("ports / Portrait"): do not name it unless verified.
    ("Porchlight", ("Porch Light",)),
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
    (
        r"(?:employers|workplaces|businesses|companies|organisations) (?:have )?(?:adopted|signed|joined|"
        r"took on|taken on|employed|hired|used)"
    ),
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
    r"self[- ]harm(?:s|ed|ing)?",
    r"suicid(?:e|es|al)",
    r"violen(?:ce|t)",
    r"overdos(?:e|es|ed|ing)",
)

DISTRESSING = (
    # (pattern, topic) of material that may distress wherever it appears: a content note must
    # name the topic (any of its words) for the module to cover it.
    (
        r"self[- ]harm(?:s|ed|ing)?|self[- ]injur(?:y|ies|ing|ed)|cut(?:s|ting)? (?:themselves|himself|herself|myself|yourself)",
        "self-harm",
    ),
    (
        r"suicid(?:e|es|al)|took (?:his|her|their) own life|kill(?:ed|ing)? (?:himself|herself|themselves)",
        "suicide",
    ),
    (r"overdos(?:e|es|ed|ing)", "overdose"),
    (
        (
            r"(?<!from )(?<!harm and )abus(?:e|ed|es|ive|ing)|rap(?:e|ed)|sexual(?:ly)? (?:assault(?:ed)?|exploit(?:ed|ation))|"
            r"groom(?:ed|ing)|traffick(?:ed|ing)|modern slavery"
        ),
        "abuse",
    ),
    (r"(?:death|deaths|died|dying|bereave(?:d|ment)|passed away|funeral)", "a death"),
    (r"murder(?:s|ed)?|kill(?:s|ed|ing)?", "a death"),
    (r"violen(?:ce|t)|assault(?:s|ed)?|stabb(?:ed|ing)|beaten(?: up)?|gangsters?|gangs?", "violence"),
)
"""Activities, body text and notes that mention these need a content note that covers them."""

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
    r"(?-i:JSA|HMRC)",
    r"Housing Benefit",
    r"Pension Credit",
    r"Council Tax (?:Reduction|Support)",
    r"(?:national )?(?:minimum|living) wage",
    r"earnings (?:limits?|disregards?|thresholds?)",
    r"(?:are|is|be) disregarded",
    # the Equality Act 2010, the Mental Health Act; not Think Local Act Personal, a name
    r"(?-i:(?!(?:The|This|That|An?)\s)[A-Z]\w+(?:\s+(?:and|of|for)\s+[A-Z]\w+|\s+[A-Z]\w+)*\s+Act(?!\s+[A-Z]))(?:\s+\d{4})?",
    r"legally (?:required|obliged|bound)",
    r"by law",
    r"legal (?:requirements?|rights?|obligations?)",
    r"(?:affects?|affecting|affected) (?:\w+ ){0,2}benefits?",
    r"benefits? (?:\w+ ){0,2}(?:be |being )?(?:affected|reduced|stopped|sanctioned|suspended)",
)

_BENEFITS = r"(?:benefits?|Universal Credit|UC|ESA|PIP|JSA|Housing Benefit|claims?|payments?|entitlements?)"
_NOT = r"(?:will not|won't|wo n't|cannot|can't|can not|do not|don't|does not|doesn't|shouldn't|should not|will never|never)"
PERSONAL_ADVICE = (
    rf"you {_NOT} (?:\w+ )?lose (?:\w+ ){{0,2}}{_BENEFITS}",
    rf"your {_BENEFITS}(?: \w+){{0,3}} {_NOT} (?:be )?(?:affected|change|changed|stop|stopped|reduced?|cut|go down)",
    rf"{_NOT} (?:\w+ )?(?:affect|change|reduce|stop|cut|touch) (?:your|any of your) {_BENEFITS}",
    (
        rf"without (?:it |this |that |the money |the payment )?(?:affecting|changing|reducing|touching) "
        rf"(?:your|any of your) {_BENEFITS}"
    ),
    r"you (?:will |'ll |can |may )?(?:still )?keep (?:all (?:of )?)?your " + _BENEFITS,
    rf"(?:count|counts|be counted) against (?:your|any of your) {_BENEFITS}",
    rf"your {_BENEFITS} (?:is|are|will be|will stay|stays?|remains?) (?:safe|protected|the same|unaffected)",
    rf"(?:don't|do not|no need to) worry about (?:your|losing your) {_BENEFITS}",
    rf"{_NOT} count (?:as income )?(?:for|towards|against|as income for) (?:your )?{_BENEFITS}",
    (
        r"you (?:can|could|may) (?:\S+ ){0,6}still (?:claim|get|receive|keep) (?:your |any )?"
        r"(?:benefits?|Universal Credit|ESA|PIP|JSA|Housing Benefit)"
    ),
    (
        r"you (?:can|could|may|are allowed to|'re allowed to) (?:still )?(?:earn|keep|be paid|get paid|receive) "
        r"(?:up to |as much as )?£?\d[\d,.]*"
    ),
    r"you can earn",
    r"you are allowed to earn",
    r"you can keep (?:all )?(?:the|your) (?:money|payment)",
    (
        r"you (?:do not|don't|won't|will not) (?:need|have) to (?:tell|inform|declare (?:it )?to|report (?:it )?to) "
        r"(?:the )?(?:DWP|Jobcentre|job centre|council|HMRC|your work coach)"
    ),
)
"""Phrasing that gives one person benefits advice. Signpost to independent advice instead."""

# --- G4: outcomes -----------------------------------------------------------------------------

UNMEASURABLE = ("understand", "know", "be aware", "appreciate", "learn about", "become familiar")

OBSERVABLE_VERBS = frozenset(
    [
        "adapt",
        "agree",
        "analyse",
        "apply",
        "arrange",
        "ask",
        "assess",
        "audit",
        "build",
        "calculate",
        "challenge",
        "check",
        "choose",
        "classify",
        "co-design",
        "co-produce",
        "commit",
        "compare",
        "complete",
        "contrast",
        "cost",
        "create",
        "critique",
        "decide",
        "define",
        "demonstrate",
        "describe",
        "design",
        "develop",
        "devise",
        "discuss",
        "distinguish",
        "draft",
        "estimate",
        "evaluate",
        "explain",
        "find",
        "give",
        "identify",
        "illustrate",
        "interpret",
        "invite",
        "judge",
        "justify",
        "label",
        "lead",
        "list",
        "locate",
        "make",
        "map",
        "match",
        "measure",
        "monitor",
        "name",
        "negotiate",
        "offer",
        "order",
        "outline",
        "pick",
        "place",
        "plan",
        "practise",
        "predict",
        "prepare",
        "present",
        "prioritise",
        "produce",
        "propose",
        "rank",
        "rate",
        "recognise",
        "recommend",
        "record",
        "reflect",
        "rehearse",
        "report",
        "respond",
        "review",
        "revise",
        "rewrite",
        "role-play",
        "run",
        "say",
        "score",
        "select",
        "set",
        "share",
        "show",
        "signpost",
        "sketch",
        "sort",
        "spot",
        "state",
        "suggest",
        "summarise",
        "support",
        "tailor",
        "take",
        "tell",
        "test",
        "trace",
        "translate",
        "use",
        "weigh",
        "write",
    ]
)
"""Verbs whose result someone can see or hear (revised Bloom's taxonomy, UK spelling)."""

OBSERVABLE_PHRASES = frozenset(
    {
        "carry out",
        "feed back",
        "point out",
        "pick out",
        "set up",
        "sum up",
        "speak up",
        "work out",
        "write down",
        "put together",
        "work with",
        "talk through",
    }
)

# --- Language ---------------------------------------------------------------------------------

JARGON = (
    "co-production",
    "commissioning",
    "commissioner",
    "tokenism",
    "tokenistic",
    "lived experience",
    "peer worker",
    "trauma-informed",
    "asset-based",
    "strengths-based",
    "stakeholder",
    "multiple disadvantage",
    "dual diagnosis",
    "safeguarding",
    "reciprocity",
    "honorarium",
    "consultation",
    "co-design",
    "outcomes framework",
    "personalisation",
    "Housing First",
    "peer support",
    "integrated care board",
    "integrated care system",
    "social prescribing",
    "procurement",
    "place-based",
    "system leadership",
    "psychologically informed environment",
    "recovery capital",
    "key performance indicator",
    "care coordination",
    "logic model",
    "intersectionality",
    "service design",
)
"""Terms a learner may not know: a module that uses one must have it in its glossary."""

LATINATE_ENDINGS = ("isation", "ization", "ality", "ological", "ationality", "ivity", "icity")
"""Long words with these endings (4+ syllables) are often abstract: say it in plain words."""

EVERYDAY_LONG_WORDS = frozenset(
    [
        "organisation",
        "organisations",
        "organization",
        "organizations",
        "opportunity",
        "confidentiality",
        "personality",
        "nationality",
        "hospitality",
        "sexuality",
        "university",
        "universities",
        "activity",
        "activities",
        "community",
        "communities",
        "responsibility",
        "responsibilities",
        "electricity",
        "creativity",
        "productivity",
        "equality",
        "inequality",
        "inequalities",
        "publicity",
        "ethnicity",
    ]
)
"""Long words with those endings that most readers know."""

COMMON_ACRONYMS = frozenset({"UK", "OK", "TV"})
"""Acronyms everyone knows (GOV.UK style does not expand them); all others need a glossary entry."""

DENY = (
    # (pattern, suggestion)
    (r"addicts?", "people who use drugs"),
    (r"junkies?", "people who use drugs"),
    (
        (
            r"the homeless(?!\s+(?:link|sector|services?|charit(?:y|ies)|pods?|hostels?|projects?|teams?|"
            r"prevention|support|people|person|population|community))"
        ),
        "people experiencing homelessness",
    ),
    (r"homeless (?:people|persons?|men|women)", "people experiencing homelessness"),
    (r"service[- ]users?", "people who use services"),
    (r"suffer(?:s|ed|ing)? (?:from|with)", "lives with, or has"),
    (r"sufferers?", "people living with"),
    (r"schizophrenics?", "people with schizophrenia"),
    (r"psychotics?(?! (?:episodes?|illness|symptoms?|disorders?|experiences?))", "people with psychosis"),
    (r"(?:the )?mentally[- ]ill", "people with mental health problems"),
    (r"(?:drug|substance|alcohol) (?:abusers?|misusers?)", "people who use drugs or alcohol"),
    (r"crack ?heads?|druggies|druggy", "people who use drugs"),
    (r"lunatics?|nutters?|psychos?|mental cases?", "people with mental health problems"),
    (r"hard[- ]to[- ](?:engage|help|house|reach)", "not yet reached, or easy to ignore"),
    (r"beds? blockers?", "people waiting to leave hospital"),
    (r"wheelchair[- ]bound|confined to a wheelchair", "wheelchair user"),
    (r"(?:the )?(?:disabled|handicapped)(?= people| persons?)|handicapped", "disabled people"),
    (r"retard(?:ed|s)?", "people with a learning disability"),
    (r"commit(?:s|ted|ting)? suicide", "died by suicide"),
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

_TWENTY_TWO = r"(?:22|twenty[- ]two)"
TRANSCRIPTION_ERRORS = (
    # (pattern, what the source means) from content brief 1.2. Matched anywhere except in the
    # `corrections` field, which records them on purpose. Numbers match spelled out too.
    (r"main coalition", "MEAM (Making Every Adult Matter) coalition"),
    (r"(?-i:memes?)", "MEAM"),
    (r"involved and inclusion manager", "Involvement and Inclusion Manager"),
    (r"(?-i:Ken)(?! \w)", "Kent"),
    (r"Camdenton", "Camden and Islington"),
    (r"Canton and Islington", "Camden and Islington"),
    (r"trusty millions?", "trustee meetings"),
    (r"Takes the city", "It Takes a City"),
    (r"Came between Peterborough", "Cambridgeshire and Peterborough"),
    (r"catching (?:knives|life)", "Catching Lives"),
    (r"language of forum", "Lancashire User Forum"),
    (r"in the Churchill", "in a church hall"),
    (r"Jill diagnosis", "dual diagnosis"),
    (r"(?-i:AP) and hard results", "KPIs and hard results"),
    (r"upscale rather than", "upskill rather than dumb down"),
    (r"done down", "dumbed down"),
    (r"11 Cambridge", "Lee"),
    (r"street support dot net", "StreetSupport.net"),
    (r"a dozen tweets", "a dozen to 15 people"),
    (r"(?:78|seventy[- ]eight) years", "7 to 8 years"),
    (
        rf"{_TWENTY_TWO} people\b[^.]{{0,60}}\bmanagement (?:team|committee)",
        "two people on the management team",
    ),
    (
        rf"{_TWENTY_TWO} people (?:who live experience|on (?:our|the|that) management)",
        "two people on the management team",
    ),
    (r"article production", "co-production"),
    (r"trauma and reform(?:ed)?", "trauma-informed"),
    (r"(?-i:Q y)", "QI (quality improvement)"),
    (r"(?-i:C C G)", "clinical commissioning group (CCG)"),
    (r"health education in England", "Health Education England"),
    (r"the bank, the page was blank", "a blank page"),
    (r"hard work but were called in", "unclear in the source: do not quote it"),
)

OWN_WORDS_RUN = 9
"""A run of this many words shared with a source transcript is copying, not paraphrase."""

# --- Wellbeing and fair pay -------------------------------------------------------------------

DISCLOSURE_PRESSURE = (
    (
        r"(?:share|describe|tell (?:us|the group|your partner) about|talk about|recall) (?:a|one) "
        r"(?:time|moment|occasion|experience) (?:when |that )?you (?:were|felt|have been|had|went)"
    ),
    r"share (?:a |their |your )?(?:own )?personal (?:experience|story|stories|history)",
    r"share (?:their|your) (?:own )?(?:experiences?|stories|story|history) of",
    (
        r"(?:tell|share with|talk to) (?:the group|the room|everyone|us|your partner|the class|the others?)"
        r"(?: \w+){0,2} (?:about|how) (?:your own|a time you|your (?:own )?(?:experience|story|crisis|diagnosis|"
        r"trauma|addiction|recovery|mental health))"
    ),
    r"(?:share|describe|talk about|tell (?:us|the group) about) your own (?:experience|story|history)",
    (
        r"(?:share|describe|talk about) your (?:experience|story|history) of "
        r"(?:crisis|trauma|abuse|addiction|homelessness|self-harm|mental (?:ill )?health|services|recovery)"
    ),
    (
        r"(?:everyone|each person|each of you|all learners|go round and) (?:must |should |will |has to |to )?"
        r"(?:shares?|tells?|says?|talks? about|describes?) "
        r"(?:\w+ ){0,3}(?:their|your) (?:own )?(?:experiences?|story|stories|diagnos[ie]s|history|trauma|crisis|"
        r"recovery|addiction|journey)"
    ),
    r"share (?:your|their) (?:own )?(?:lived experience|personal story|story)",
    (
        r"(?:think (?:of|about)|remember|recall) a time (?:when )?you (?:were|felt|had|went|have been)[^.]{0,80}"
        r"\b(?:share|tell|talk about|describe) (?:it|this|that)"
    ),
    (
        r"(?:share|say|tell (?:us|the group|everyone)|disclose) (?:\w+ ){0,3}(?:their|your) (?:own )?(?:diagnos[ie]s|"
        r"history of|trauma|crisis|addiction|recovery journey|mental health (?:history|diagnosis|condition))"
    ),
    r"(?:ask|invite|encourage|expect|get) (?:\w+ ){0,3}to disclose",
)
"""Activities that ask people to disclose their own history, crisis or diagnosis."""

DISCLOSURE_CHOICE = (
    r"if you (?:want|wish|like|would like|'d like|choose|prefer|are comfortable|feel comfortable|feel able)",
    r"only if",
    r"(?:do not|don't|never) (?:have|need) to",
    r"(?:is|are) (?:optional|your choice)",
    r"you (?:can|may) (?:choose|pass|skip|decide)",
    r"choose (?:whether|what|how much)",
    r"(?:a|an|the) (?:made-up|fictional|invented|example) ",
    r"or (?:use|talk about|choose|pick) (?:a|an|the|someone)",
    r"no one (?:has|needs) to",
    r"nobody (?:has|needs) to",
    r"without (?:sharing|saying|disclosing)",
    r"whether (?:you|they) (?:would |will |might )?(?:have|need) to",
)
"""A clear choice that makes sharing optional."""

UNPAID_CO_DELIVERY = (
    r"volunteer (?:co-?)?(?:trainers?|facilitators?|presenters?|speakers?|tutors?|co-deliverers?)",
    (
        r"(?:co-?)?(?:trainers?|facilitators?|co-deliver(?:y|ers?)|co-?deliver(?:s|ing)?)(?: \w+){0,4} "
        r"(?:as|on a) (?:a )?(?:volunteers?|voluntary basis|goodwill basis)"
    ),
    r"unpaid",
    r"as (?:a )?(?:\w+ )?volunteers?|voluntarily|on a (?:voluntary|goodwill) basis",
    (
        r"volunteers? (?:with lived experience |from \w+ )?(?:co-?deliver|co-?facilitat|co-?train|deliver|run|lead|"
        r"present|help (?:to )?(?:deliver|run))"
    ),
    r"(?:rely|relies|relying) on (?:their |people's )?goodwill",
    (
        r"(?:do not|don't|does not|doesn't|won't|will not|cannot|can't) (?:\w+ )?pay (?:\w+ ){0,3}"
        r"(?:co-?trainers?|trainers?|facilitators?|co-?deliverers?|peers?|people with lived experience)"
    ),
    r"no (?:payment|pay|fee) (?:is |will be )?(?:offered|given|made|available)",
    r"(?:only|just) (?:\S+ ){0,2}expenses|expenses only",
    (
        r"in return for (?:a |their |your )?(?:lunch|a meal|meals|food|refreshments|a voucher|vouchers|"
        r"experience|a reference|expenses only|a certificate|tea and biscuits)"
    ),
    r"(?:give|giving|gives|donate|donating) (?:their|your) time (?:for free|freely|free of charge)",
    r"(?:for free|free of charge|without pay(?:ment)?|for no pay(?:ment)?)",
    (
        r"(?:co-?deliver(?:y|s|ing)?|co-?train(?:er|ers|ing)?|co-?facilitat(?:e|es|ing|or|ors)|deliver(?:y|s|ing)? "
        r"(?:the|this) (?:session|module|course|training))(?: \w+){0,6} (?:as )?(?:volunteers?|voluntarily)"
    ),
)
"""Co-delivery described as unpaid or volunteering: people who co-deliver are paid (content brief 5.3)."""

UNPAID_CONTEXT = r"co-?deliver|co-?train|co-?facilitat|trainer|facilitat|deliver|present|speak|teach|run the"
"""A sentence about delivering the course: 'for free' elsewhere (free parking) is not about pay."""
