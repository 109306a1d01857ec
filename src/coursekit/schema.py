"""The content model: what a module, an audience and a source may contain.

These frozen pydantic models are the boundary between user-written YAML and the
pipeline. Unknown keys are rejected so that a misspelt key is reported, not ignored.
Each field's docstring is the authoring reference (see docs/authoring.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)

from .body import shown_with

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 64
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
)


def _check_slug(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(
            f"is {len(value)} characters long; ids become file and folder names, "
            f"so use at most {MAX_ID_LENGTH} characters"
        )
    if value in WINDOWS_RESERVED:
        raise ValueError(
            f"{value!r} cannot be an id: ids become file and folder names, and Windows reserves "
            "CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9; choose another id"
        )
    if "/" in value or ".." in value or "\\" in value:
        raise ValueError(
            f"{value!r} must not contain '/', '\\' or '..': ids become file names; "
            "use lower-case letters, digits and hyphens"
        )
    if not re.match(SLUG_PATTERN, value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters, digits and single hyphens, "
            "for example 'nothing-about-us'"
        )
    return value


MAX_GLOSSARY_TERMS = 100


def _check_glossary(terms: tuple) -> tuple:
    # Every term becomes a tooltip definition on every page, so the site's build time grows with them.
    if len(terms) > MAX_GLOSSARY_TERMS:
        raise ValueError(
            f"has {len(terms)} terms; a module may define at most {MAX_GLOSSARY_TERMS}: keep the terms "
            "learners of this module need"
        )
    return terms


CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters no Word, PowerPoint or web page can hold as text (tabs and line breaks are fine)."""


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    control = CONTROL_CHARACTER.search(value)
    if control:
        raise ValueError(
            f"contains the control character U+{ord(control[0]):04X}, which documents cannot show; remove it"
        )
    return value.strip()


def _check_slide_line(value: str) -> str:
    words = len(value.split())
    if words > SLIDE_WORDS:
        raise ValueError(
            f"has {words} words; a slide line has at most {SLIDE_WORDS}: put the rest in the text"
        )
    return value


class Seen(str, Enum):
    """Who sees a text field."""

    LEARNER = "learner"
    """Learners only: the site and the LMS package."""
    TRAINER = "trainer"
    """Trainers only: speaker notes and the trainer's documents."""
    BOTH = "both"
    """Learners and trainers: the site, the slides and the handouts."""


@dataclass(frozen=True)
class Shown:
    """Marks a text field with who sees it and how `coursekit check` reads it.

    Declared once here, read by the planner, the checker and every renderer.
    """

    seen: Seen
    prose: bool = True
    """Running text that counts towards the reading level (titles and labels do not)."""
    asserts: bool = True
    """States facts, so its claims need sources (outcomes, prompts and titles do not)."""


Slug = Annotated[str, Field(strict=True), AfterValidator(_check_slug)]
Text = Annotated[str, Field(strict=True), AfterValidator(_check_text)]
Prose = Annotated[Text, Shown(Seen.BOTH)]
"""Running text learners and trainers read."""
Label = Annotated[Text, Shown(Seen.BOTH, prose=False, asserts=False)]
"""A title or name."""
Aside = Annotated[Text, Shown(Seen.BOTH, prose=False)]
"""Text learners see beside the teaching: credits, content notes, alternatives, definitions."""
SLIDE_WORDS = 12
SlideLine = Annotated[Text, AfterValidator(_check_slide_line), Shown(Seen.BOTH, prose=False)]
"""A few words on a slide, read at a glance from the back of a room."""
ShortOutcome = Annotated[
    Text, AfterValidator(_check_slide_line), Shown(Seen.BOTH, prose=False, asserts=False)
]
"""An outcome in a few words, as it follows "I can": states no facts of its own."""
Prompt = Annotated[Text, Shown(Seen.BOTH, asserts=False)]
"""An outcome, a question or a reflection prompt: read by learners, states no facts."""
TrainerText = Annotated[Text, Shown(Seen.TRAINER)]
"""Seen by trainers only."""
DEFAULT_START = dt.time(9, 30)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _clock_time(value) -> dt.time:
    if isinstance(value, dt.time):
        return value
    match = _TIME.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError('must be a time written "HH:MM" in quotes, for example "09:30"')
    return dt.time(int(match[1]), int(match[2]))


ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]
"""A time of day written "HH:MM"."""
Minutes = Annotated[StrictInt, Field(gt=0, le=24 * 60)]
CourseMinutes = Annotated[StrictInt, Field(gt=0, le=10_000)]
AudienceIds = tuple[Slug, ...] | None

ActivityType = Literal[
    "input",
    "story",
    "discussion",
    "pairs",
    "small-group",
    "individual",
    "role-play",
    "quiz",
    "plenary",
    "reflection",
    "case-study",
    "planning",
]
WayToContribute = Literal["spoken", "written", "anonymous", "creative", "online", "movement"]
Emphasis = Literal["core", "adapted", "optional"]
LeadRole = Literal["lead", "co-trainer", "either", "both", "guest"]
"""Who leads an activity: one trainer, either (shared out in turn), both (each leads a part), or
the audience's guest (a welfare rights adviser, say)."""
MaterialKind = Literal["cards", "sheet", "sample", "timeline", "list", "case", "form", "handout"]
Copies = Literal["per-person", "per-pair", "per-group", "per-room"]
OutputUse = Literal["site", "slides", "print", "lms", "commercial"]
"""Where a story may appear: the site, the trainer's slides and notes, printed papers, the LMS
package, and reuse that is sold."""
ConsentStatus = Literal["published-public", "permission-sought", "granted", "refused", "withdrawn"]
SourceKind = Literal["story", "framework", "guidance", "law", "research", "payment", "leaflet"]


class Model(BaseModel):
    """Base for every content model: immutable, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


ITEM_LISTS = ("outcomes", "key_messages", "activities", "stories", "questions", "reflection", "materials")
"""The lists of a module whose items can each be limited to some audiences (see ForAudiences)."""
STORY_TIED = ("key_messages", "questions", "reflection")
"""The lists whose items can be tied to a story, or stand in for one (see StoryTied)."""
STORY_USING = ("activities", "materials")
"""The lists whose items can use a story and say something else where it is left out (see UsesStory)."""


class ForAudiences(Model):
    """An item that can be limited to some audiences."""

    audiences: AudienceIds = None
    """Audience ids this item is for. Leave out to use it for every audience of the module."""

    def is_for(self, audience_id: str) -> bool:
        """Return True if this item belongs in the given audience's course."""
        return self.audiences is None or audience_id in self.audiences


class StoryTied(ForAudiences):
    """An item that can retell part of a story, or stand in for it where the story is left out."""

    story: Slug | None = None
    """Id of the story this item retells part of or names its storyteller from: the item is shown
    only where that story is (in this course, and covered by its consent for the output)."""
    instead_of: Slug | None = None
    """Id of a story this item stands in for: shown only where that story is not."""

    @model_validator(mode="after")
    def _one_tie(self) -> StoryTied:
        if self.story and self.instead_of:
            raise ValueError(
                "an item is either tied to a story ('story') or stands in for one ('instead_of')"
            )
        return self

    @property
    def story_ids(self) -> tuple[str, ...]:
        """The story it is tied to, if any, as a tuple (as an activity's or material's)."""
        return (self.story,) if self.story else ()

    def is_shown_with(self, stories: set[str]) -> bool:
        """Return True if the item belongs in an output that shows these stories."""
        return shown_with(self.story, self.instead_of, stories)


class ContentNote(ForAudiences):
    """A note shown before material that may distress, with a choice and support (a module's note
    can be limited to the audiences whose version has that material)."""

    about: Aside
    """What is coming, specifically (for example: 'a story that mentions abuse and homelessness')."""
    choice: Aside
    """What the learner can do instead: skip, read later, do the alternative activity."""
    support: Aside
    """Who or where to go to for support."""


class AudienceUse(Model):
    """How a module is used for one audience."""

    emphasis: Emphasis = "core"
    """core, adapted (changed for this audience) or optional."""
    minutes: Minutes | None = None
    """Session length for this audience, if it differs from the module's minutes."""
    input_minutes: Minutes | None = None
    """Minutes of teaching input (talk, slides) besides the activities. Default: the minutes less
    the activities' minutes, at least 5."""
    input_by: Literal["lead", "co-trainer", "guest"] = "lead"
    """Who gives the teaching input: the lead trainer, the co-trainer with lived experience, or the
    audience's guest."""
    focus: TrainerText
    """What this audience's version concentrates on, in a sentence (shown to trainers)."""
    co_delivery: TrainerText | None = None
    """How the co-trainer with lived experience shares this audience's version (replaces the
    module's co_delivery for this audience)."""
    prepare: tuple[TrainerText, ...] = ()
    """What to arrange before this audience's session (book an adviser, send a joining letter):
    listed in the guide's preparation checklist."""
    before: Prose | None = None
    """What learners read or do before the course day for this module (a part of its page, say): the
    page's "On the course day" box says it, and the guide lists it to send out."""


class Outcome(ForAudiences):
    """A learning outcome: by the end, learners can ..."""

    id: Slug
    text: Prompt
    """Starts with an observable verb (describe, list, draft), never 'understand' or 'know'."""
    short: ShortOutcome | None = None
    """The outcome in at most 12 words, as it follows "I can" (for example: 'write a short message to
    leave a group'): shown on the outcome slides and the evaluation form; the full text stays on the
    site and in the guide."""


class KeyMessage(StoryTied):
    """A short message the module must get across, traceable to sources."""

    text: Prose
    sources: tuple[Slug, ...] = Field(min_length=1)
    """Ids of the sources this message rests on."""
    slide: SlideLine | None = None
    """What the message's slide shows, in at most 12 words; the full text goes in the notes. Without
    it the slide shows the full text."""
    script: TrainerText | None = None
    """The teaching input for this message: what the trainer says, in their own voice, with the
    example or question that lands it. Spoken at about 130 words a minute; the module's input time
    is at least the scripts' spoken time plus a minute a message for questions."""
    led_by: Literal["lead", "co-trainer", "guest"] | None = None
    """Who says this message's script, when not whoever gives the module's input (its input_by):
    the run-sheet then splits the input into a block for each speaker in turn."""


class StandIn(Model):
    """What an item says where its story is left out: each field given replaces the item's own."""

    @model_validator(mode="after")
    def _says_something(self) -> StandIn:
        if not self.model_fields_set:
            raise ValueError("give at least one field that replaces the item's own")
        return self


class ActivityStandIn(StandIn):
    """What an activity says where the story it uses is left out: each field given replaces the
    activity's own (its time, outcomes and materials stay)."""

    title: Label | None = None
    instructions: Prose | None = None
    slide: SlideLine | None = None
    facilitator_notes: TrainerText | None = None
    alternative: Aside | None = None
    self_study: Annotated[Text, Shown(Seen.LEARNER)] | None = None


class MaterialStandIn(StandIn):
    """What a material says where the story it retells is left out."""

    title: Label | None = None
    text: Prose | None = None


class UsesStory(Model):
    """An activity or material that uses a story, with what it says where the story is left out."""

    story: Slug | tuple[Slug, ...] | None = None
    """Id of the story it uses or names its storyteller from, or a list of ids when it uses several
    (an activity that reads two stories): its if_withheld is used where any of them is left out."""

    @property
    def story_ids(self) -> tuple[str, ...]:
        """The ids of the stories it uses (none, one or several)."""
        if self.story is None:
            return ()
        return (self.story,) if isinstance(self.story, str) else self.story

    @model_validator(mode="after")
    def _stands_in(self) -> UsesStory:
        if self.story and self.if_withheld is None:
            raise ValueError("'story' needs 'if_withheld': what it says where the story is left out")
        if self.if_withheld is not None and not self.story:
            raise ValueError("'if_withheld' needs 'story': the id of the story it stands in for")
        return self

    def without_story(self, stories: set[str]):
        """Return the item as it is where its story is not shown (itself, if every story it uses is)."""
        if all(story_id in stories for story_id in self.story_ids):
            return self
        update = {k: getattr(self.if_withheld, k) for k in self.if_withheld.model_fields_set}
        return self.model_copy(update=update)


class Activity(UsesStory, ForAudiences):
    """Something learners do, with timing, instructions and notes for the trainer."""

    id: Slug
    title: Label
    minutes: Minutes
    type: ActivityType
    outcomes: tuple[Slug, ...] = ()
    """Ids of the outcomes this activity serves."""
    instructions: Prose
    """What learners do, addressed to them. Shown on the learner site."""
    slide: SlideLine | None = None
    """The task in at most 12 words, for its slide; without it the slide shows the instructions'
    first sentence when that is short, and points to the handout."""
    facilitator_notes: TrainerText
    """How to run it, what to watch for. Never shown to learners."""
    alternative: Aside | None = None
    """A different way to do it, for anyone who would rather not (required when sensitive)."""
    ways_to_contribute: tuple[WayToContribute, ...] = ()
    """How people can take part: spoken, written, anonymous, creative, online, movement."""
    materials: tuple[Slug, ...] = ()
    """Ids of the module's materials this activity uses (cards, sheets, sample papers)."""
    equipment: tuple[TrainerText, ...] = ()
    """What the room needs: flip chart, sticky notes, a timer."""
    sensitive: StrictBool = False
    """True if the activity touches material that may distress."""
    self_study: Annotated[Text, Shown(Seen.LEARNER)] | None = None
    """The version a person does alone at a screen, written for that (shown on the site)."""
    classroom_only: StrictBool = False
    """True for an activity that only works in a room: the site shows a short 'in the session' note."""
    optional: StrictBool = False
    """True if the activity can be dropped when a session is short of time."""
    min_minutes: Minutes | None = None
    """The shortest the activity can run and still work, when a session must trim."""
    led_by: LeadRole = "either"
    """Who leads it: the lead trainer, the co-trainer with lived experience, or either."""
    if_withheld: ActivityStandIn | None = None
    """With 'story': what the activity says where that story is left out."""

    @model_validator(mode="after")
    def _min_fits(self) -> Activity:
        if self.classroom_only and self.self_study:
            raise ValueError("an activity with a self_study version is not classroom_only: remove one")
        if self.min_minutes is not None and self.min_minutes > self.minutes:
            raise ValueError(f"min_minutes ({self.min_minutes}) is more than minutes ({self.minutes})")
        return self


class Material(UsesStory, ForAudiences):
    """A card set, sheet, sample paper or other handout an activity uses, with its full content."""

    id: Slug
    title: Label
    kind: MaterialKind
    text: Prose
    """The full content, as Markdown: every card, every line of the sheet."""
    copies: Copies = "per-group"
    """How many to print."""
    held_back: bool = False
    """True: the trainer hands it out only after the groups report back (an answer list, say), so it
    is printed with the activity in the facilitator guide, not in the participant handout."""
    if_withheld: MaterialStandIn | None = None
    """With 'story': what the material says where that story is left out."""


class Consent(Model):
    """What a storyteller agreed to, recorded as data so a build can honour it."""

    status: ConsentStatus
    """published-public (retold from a public story, with credit), permission-sought, granted,
    refused or withdrawn."""
    covers: tuple[OutputUse, ...] = ()
    """The outputs the consent or the publication covers."""
    purpose: Annotated[Text, Shown(Seen.TRAINER, prose=False, asserts=False)] | None = None
    """What the story may be used for, in the storyteller's terms (for a public story, what it was
    published for and what this course uses it for)."""
    audiences: tuple[Slug, ...] | None = None
    """The audiences whose courses the consent covers (a storyteller may agree to staff training
    but not to a board briefing); leave out for every audience of the story."""
    recorded_by: Annotated[Text, Shown(Seen.TRAINER, prose=False, asserts=False)]
    recorded_on: dt.date
    review_by: dt.date
    """When the consent expires or must be checked again."""
    attribution_form: Annotated[Text, Shown(Seen.TRAINER, prose=False, asserts=False)]
    """How the storyteller chose to be credited (or, for a public story, how it credits them)."""
    note: TrainerText | None = None

    @model_validator(mode="after")
    def _nothing_covered_without_consent(self) -> Consent:
        if self.status in ("refused", "withdrawn", "permission-sought") and self.covers:
            raise ValueError(f"status {self.status!r} covers no output: remove 'covers' or change the status")
        if self.review_by < self.recorded_on:
            raise ValueError("review_by is before recorded_on")
        return self

    def allows(self, use: str, audience: str | None = None) -> bool:
        """Return True if the consent covers this output (and, given one, this audience's course)."""
        for_audience = audience is None or self.audiences is None or audience in self.audiences
        return self.status in ("published-public", "granted") and use in self.covers and for_audience


class Story(ForAudiences):
    """A case study retold in our own words, with its provenance."""

    id: Slug
    title: Label
    storyteller: Aside
    """Who told it, as the public story names them (for example 'Lee, It Takes a City')."""
    known_as: tuple[Label, ...] | None = None
    """The names the course calls the storyteller by (for example 'Lee'). Leave out to use the
    one-word names in storyteller: 'Lee, It Takes a City, and Tom, then ...' gives Lee and Tom."""
    attribution: Aside
    """The credit line shown with the story."""
    source: Slug
    """Id of the source the story comes from."""
    consent: Consent
    """What the storyteller agreed to; a build leaves the story out of any output it does not cover."""
    replacement: Prose | None = None
    """What to use instead where consent does not cover an output: the teaching point, no story."""
    text: Prose
    """The story, paraphrased. Never embellished; reported figures say they are reported."""
    content_note: ContentNote | None = None
    """Required when the story may distress."""
    read_by: Literal["lead", "co-trainer", "guest"] = "co-trainer"
    """Who reads it aloud when it has its own time on the run-sheet: the co-trainer with lived
    experience by default; the lead trainer for a staff member's story, say."""
    corrections: tuple[Annotated[Text, Shown(Seen.TRAINER, prose=False, asserts=False)], ...] = ()
    """Transcription fixes applied to the source: printed in the facilitator guide, so held to the
    same checks as other trainer text (no long quotes of the transcript, for one)."""

    @property
    def names(self) -> tuple[str, ...]:
        """The names that, written anywhere else, would tell part of this story."""
        if self.known_as is not None:
            return self.known_as
        first, *rest = (part.strip() for part in self.storyteller.split(","))
        parts = [first] + [part.removeprefix("and ") for part in rest if part.startswith("and ")]
        return tuple(p for p in parts if re.fullmatch(r"[A-Z][a-z'-]+", p))


class Option(Model):
    """One answer to a knowledge-check question."""

    text: Prose
    correct: StrictBool = False
    feedback: Prose
    """Why this answer is right or wrong, shown after the learner chooses it."""


class Question(StoryTied):
    """A knowledge-check question with one right answer and feedback for every option."""

    id: Slug
    prompt: Prompt
    outcomes: tuple[Slug, ...] = ()
    options: tuple[Option, ...] = Field(min_length=2, max_length=6)

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: tuple[Option, ...]) -> tuple[Option, ...]:
        if sum(option.correct for option in options) != 1:
            raise ValueError("exactly one option must have 'correct: true'")
        return options


class Reflection(StoryTied):
    """A reflection question for learners to think about."""

    text: Prompt


class GlossaryTerm(ForAudiences):
    """A term or acronym and its plain-English meaning (for some audiences only, if it says so)."""

    term: Label
    definition: Aside


class Source(Model):
    """A dated public source: a story, framework, law or guidance."""

    id: Slug
    title: Label
    author: Label
    """The organisation or people responsible."""
    date: Annotated[str, Field(strict=True, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$")]
    """Publication date: YYYY, YYYY-MM or YYYY-MM-DD, or 'n.d.' when the source gives none."""
    kind: SourceKind
    url: Annotated[str, Field(strict=True, pattern=r"^https?://\S+$")] | None = None
    accessed: dt.date | None = None
    """When the URL was last checked."""
    time_sensitive: StrictBool = False
    """True for rates, thresholds and rules that change (check before each delivery)."""
    cite_as: Label | None = None
    """How the text cites it, instead of author and year, where one author has many sources (for
    example 'NHS Act 2006, s242' rather than 'UK Parliament, 2022')."""
    note: str | None = None
    transcript: Annotated[str, Field(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$")] | None = None
    """File name of the source's transcript in the sources folder (`coursekit check --sources-dir`):
    every name and number in a story from this source must appear in it."""


class SourceList(Model):
    """The shared source list in sources.yml."""

    sources: tuple[Source, ...]


class Contact(Model):
    """Someone learners or trainers can turn to."""

    name: Label
    """Who: a person, a team or a service."""
    how: Aside
    """How to reach them: a phone number, an email address, a room."""


class LocalExample(Model):
    """An example from the organisation's own services, shown with the module."""

    title: Label
    text: Prose
    trainer_notes: TrainerText | None = None
    """How to use the example in the session (speaker notes only)."""


class ModuleMeta(Model):
    """The YAML front matter of a module file. The Markdown after it is the module body."""

    id: Slug
    title: Label
    summary: Prose
    minutes: Minutes
    """Core session length in minutes."""
    version: Annotated[str, Field(strict=True, pattern=r"^\d+\.\d+(\.\d+)?$")]
    updated: dt.date
    """Date of this version."""
    review_date: dt.date
    """When the module must next be reviewed."""
    audiences: dict[Slug, AudienceUse] = Field(min_length=1)
    outcomes: tuple[Outcome, ...] = Field(min_length=1)
    key_messages: tuple[KeyMessage, ...] = ()
    activities: tuple[Activity, ...] = ()
    stories: tuple[Story, ...] = ()
    questions: tuple[Question, ...] = ()
    reflection: tuple[Reflection, ...] = ()
    glossary: Annotated[tuple[GlossaryTerm, ...], AfterValidator(_check_glossary)] = ()
    sources: tuple[Source, ...] = ()
    """Sources used only by this module (shared ones live in sources.yml)."""
    content_notes: tuple[ContentNote, ...] = ()
    """Shown at the top of the module page, before any distressing material."""
    materials: tuple[Material, ...] = ()
    """Cards, sheets and sample papers that activities use, in full."""
    prerequisites: tuple[Slug, ...] = ()
    """Ids of modules to take first."""
    co_delivery: TrainerText | None = None
    """How a trainer with lived experience co-delivers this module, and how they are paid."""
    local_examples: tuple[LocalExample, ...] = ()
    """Examples from the organisation's own services (usually attached from additions/)."""
    support: tuple[Contact, ...] = ()
    """Local people or services to turn to about this module's subject."""
    slots: dict[Slug, TrainerText] = Field(default_factory=dict)
    """Local-context slots this module's text uses as {{ slot-name }}, each with what to fill in
    (for example 'local-group: a co-production group near the participants'). Every course also
    has organisation, area and support."""

    @model_validator(mode="after")
    def _ids_unique(self) -> ModuleMeta:
        for name in ("outcomes", "activities", "stories", "questions", "materials"):
            ids = [item.id for item in getattr(self, name)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"{name}: duplicate id {dupes[0]!r}; each id must be unique")
        return self


class Module(ModuleMeta):
    """A loaded module: its front matter, its Markdown body and the file it came from."""

    body: str
    path: str
    body_line: int
    """Line in the file where the body starts (for error messages)."""


class Guest(Model):
    """Someone from outside the training team who leads part of a course, named by role, never by name."""

    title: Label
    """The role, as the run-sheet shows it (for example: 'Welfare rights adviser from a local advice
    service')."""
    briefing: TrainerText
    """What the guest needs to know: what they cover, the limits (general information only, say),
    confidentiality, who they hand over to, and their fee."""


class AudiencePart(Model):
    """One sitting of an audience's default course: a day, a half day, a follow-up weeks later."""

    title: Label
    """What the sitting is called, with when it happens: 'Follow-up, 6 to 8 weeks later'."""
    start: ClockTime | None = None
    """When it starts, "HH:MM"; default: the course's start."""
    minutes: CourseMinutes
    """Time in the room, breaks included."""
    modules: tuple[Slug, ...] = Field(min_length=1)
    """The course's modules taught in this sitting, in order."""
    check_out: TrainerText | None = None
    """How this sitting closes, when it differs from the others (the end of a half day and of a
    short follow-up weeks later): replaces the audience's check_out for this sitting."""


class AudienceFile(Model):
    """An audience file: an audience and its default course."""

    id: Slug
    name: Label
    description: Prose
    """Who they are, in a sentence or two."""
    course_title: Label
    modules: tuple[Slug, ...] = Field(min_length=1)
    """Module ids of the default course, in order."""
    length_minutes: CourseMinutes
    """Default course length: minutes in the room, breaks, lunch and check-in included. The
    course is planned on the clock at this length; a plan more than 10% off it is a warning."""
    start: ClockTime = DEFAULT_START
    """When the course starts in the room, "HH:MM" in quotes (default "09:30")."""
    parts: tuple[AudiencePart, ...] | None = Field(default=None, min_length=1)
    """Sittings, when the course runs in more than one: each names its modules, and their minutes
    add up to length_minutes."""
    reading_level: Annotated[float, Field(ge=1, le=18)]
    """Highest Flesch-Kincaid grade for learner text (NHS aim: reading age 9-11, about grade 4-6)."""
    tone: TrainerText
    """Notes on tone for writers and trainers."""
    support: Aside
    """How learners on this course get support (shown on the welcome page)."""
    based_on: Slug | None = None
    """An audience whose share of each module this audience gets, where a module does not name it:
    how an organisation's own audience uses built-in modules without copying them."""
    local: dict[Slug, Prose] = Field(default_factory=dict)
    """Values for {{ slots }} in this audience's default course, where the organisation gives none:
    for a built-in course, honest wording that says who sets the local detail."""
    before: Prose | None = None
    """What participants do or bring before the session (pre-reading, a live piece of work): shown
    on the welcome page and in the guide's preparation list, to send out beforehand."""
    check_in: TrainerText | None = None
    """How the check-in runs for this audience, replacing the standard ground-rules round (a board
    briefing, say, needs a sentence on support and stepping out)."""
    check_out: TrainerText | None = None
    """The audience's own check-out, in the guide in place of the standard steps (a go-round, the
    evaluation form, support, thanks): for a course whose close runs differently, such as a
    members' day that ends with a private form, one contact strip and signed certificates."""
    follow_up: tuple[TrainerText, ...] = ()
    """Questions for the 6 to 8 week follow-up about what people have done since, in this audience's
    own terms (a member: 'Have you asked a group what it can decide?'): printed on the evaluation
    form's follow-up page in place of the table made from the outcomes."""
    checks_in_room: bool = True
    """False: the knowledge checks are for reading afterwards on the site, so the session gives them
    no time and the deck no slides (a board briefing, for example)."""
    commitment: Label | None = None
    """Where participants write their one action during the course (for example 'the commitment card
    from the bridge'): the closing slide, the check-out and the evaluation form point to it instead
    of asking for an action again; the form's contact slip is for anyone who did not hand one in."""
    commitment_contact: StrictBool = False
    """True when the commitment card has its own tear-off strip for a way to reach the person: the
    evaluation form then points to that strip and has no contact slip of its own, so people are
    asked for their details once."""
    learner_outcomes: Literal["full", "i-can"] = "full"
    """How the learner pages list a module's outcomes: in full, or (i-can) as short 'I can ...'
    lines from each outcome's `short`, easier to read; the guide keeps the full text."""
    handout: Literal["everyone", "on-request"] = "everyone"
    """Who gets the whole participant handout and materials pack: everyone, or (on-request) the
    trainers and anyone who asks, when people take home only the sheets the activities hand out."""
    citations: Literal["author-date", "numbered"] = "author-date"
    """How the learner pages cite sources in their text: '(SCIE, 2021)' links, or small numbers that
    link to notes at the foot of the page (easier to read for an audience with a low reading age)."""
    guest: Guest | None = None
    """A guest who leads the blocks marked `led_by: guest` or `input_by: guest` in this course."""
    pass_mark: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    """Share of knowledge-check questions (0-100) a learner must answer right first time to pass
    in an LMS. None: the LMS package reports completion only."""

    @model_validator(mode="after")
    def _contact_strip_needs_a_card(self) -> AudienceFile:
        if self.commitment_contact and not self.commitment:
            raise ValueError("commitment_contact needs commitment: name the card whose strip people hand in")
        return self

    def own_check_out(self, sitting: str | None = None) -> str | None:
        """The check-out of the sitting of this title (without one, the course's last sitting), if
        it has its own."""
        parts = self.parts or ()
        part = next((p for p in parts if p.title == sitting), None) if sitting else (parts or (None,))[-1]
        return part.check_out if part else None

    def check_out_for(self, sitting: str | None = None) -> str | None:
        """How the sitting closes: its own check-out, else the audience's (None for the standard
        steps)."""
        return self.own_check_out(sitting) or self.check_out


class Audience(AudienceFile):
    """A loaded audience and the file it came from."""

    path: str
