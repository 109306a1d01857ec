"""The content model: what a module, an audience and a source may contain.

These frozen pydantic models are the boundary between user-written YAML and the
pipeline. Unknown keys are rejected so that a misspelt key is reported, not ignored.
Each field's docstring is the authoring reference (see docs/authoring.md).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _check_slug(value: str) -> str:
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


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


Slug = Annotated[str, Field(strict=True), AfterValidator(_check_slug)]
Text = Annotated[str, Field(strict=True), AfterValidator(_check_text)]
Minutes = Annotated[StrictInt, Field(gt=0, le=24 * 60)]
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
SourceKind = Literal["story", "framework", "guidance", "law", "research", "payment", "leaflet"]


class Model(BaseModel):
    """Base for every content model: immutable, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ForAudiences(Model):
    """An item that can be limited to some audiences."""

    audiences: AudienceIds = None
    """Audience ids this item is for. Leave out to use it for every audience of the module."""

    def is_for(self, audience_id: str) -> bool:
        """Return True if this item belongs in the given audience's course."""
        return self.audiences is None or audience_id in self.audiences


class ContentNote(Model):
    """A note shown before material that may distress, with a choice and support."""

    about: Text
    """What is coming, specifically (for example: 'a story that mentions abuse and homelessness')."""
    choice: Text
    """What the learner can do instead: skip, read later, do the alternative activity."""
    support: Text
    """Who or where to go to for support."""


class AudienceUse(Model):
    """How a module is used for one audience."""

    emphasis: Emphasis = "core"
    """core, adapted (changed for this audience) or optional."""
    minutes: Minutes | None = None
    """Session length for this audience, if it differs from the module's minutes."""
    focus: Text
    """What this audience's version concentrates on, in a sentence (shown to trainers)."""


class Outcome(ForAudiences):
    """A learning outcome: by the end, learners can ..."""

    id: Slug
    text: Text
    """Starts with an observable verb (describe, list, draft), never 'understand' or 'know'."""


class KeyMessage(ForAudiences):
    """A short message the module must get across, traceable to sources."""

    text: Text
    sources: tuple[Slug, ...] = Field(min_length=1)
    """Ids of the sources this message rests on."""


class Activity(ForAudiences):
    """Something learners do, with timing, instructions and notes for the trainer."""

    id: Slug
    title: Text
    minutes: Minutes
    type: ActivityType
    outcomes: tuple[Slug, ...] = ()
    """Ids of the outcomes this activity serves."""
    instructions: Text
    """What learners do, addressed to them. Shown on the learner site."""
    facilitator_notes: Text
    """How to run it, what to watch for. Never shown to learners."""
    alternative: str | None = None
    """A different way to do it, for anyone who would rather not (required when sensitive)."""
    ways_to_contribute: tuple[WayToContribute, ...] = ()
    """How people can take part: spoken, written, anonymous, creative, online, movement."""
    materials: tuple[Text, ...] = ()
    sensitive: StrictBool = False
    """True if the activity touches material that may distress."""


class Story(ForAudiences):
    """A case study retold in our own words, with its provenance."""

    id: Slug
    title: Text
    storyteller: Text
    """Who told it, as the public story names them (for example 'Lee, It Takes a City')."""
    attribution: Text
    """The credit line shown with the story."""
    source: Slug
    """Id of the source the story comes from."""
    consent_scope: Text
    """What the storyteller's consent or the publication covers, and any limits."""
    text: Text
    """The story, paraphrased. Never embellished; reported figures say they are reported."""
    content_note: ContentNote | None = None
    """Required when the story may distress."""
    corrections: tuple[Text, ...] = ()
    """Transcription fixes applied to the source (for reviewers)."""


class Option(Model):
    """One answer to a knowledge-check question."""

    text: Text
    correct: StrictBool = False
    feedback: Text
    """Why this answer is right or wrong, shown after the learner chooses it."""


class Question(ForAudiences):
    """A knowledge-check question with one right answer and feedback for every option."""

    id: Slug
    prompt: Text
    outcomes: tuple[Slug, ...] = ()
    options: tuple[Option, ...] = Field(min_length=2, max_length=6)

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: tuple[Option, ...]) -> tuple[Option, ...]:
        if sum(option.correct for option in options) != 1:
            raise ValueError("exactly one option must have 'correct: true'")
        return options


class Reflection(ForAudiences):
    """A reflection question for learners to think about."""

    text: Text


class GlossaryTerm(Model):
    """A term or acronym and its plain-English meaning."""

    term: Text
    definition: Text


class Source(Model):
    """A dated public source: a story, framework, law or guidance."""

    id: Slug
    title: Text
    author: Text
    """The organisation or people responsible."""
    date: Annotated[str, Field(strict=True, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$")]
    """Publication date: YYYY, YYYY-MM or YYYY-MM-DD, or 'n.d.' when the source gives none."""
    kind: SourceKind
    url: Annotated[str, Field(strict=True, pattern=r"^https?://\S+$")] | None = None
    accessed: dt.date | None = None
    """When the URL was last checked."""
    time_sensitive: StrictBool = False
    """True for rates, thresholds and rules that change (check before each delivery)."""
    note: str | None = None


class SourceList(Model):
    """The shared source list in sources.yml."""

    sources: tuple[Source, ...]


class ModuleMeta(Model):
    """The YAML front matter of a module file. The Markdown after it is the module body."""

    id: Slug
    title: Text
    summary: Text
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
    glossary: tuple[GlossaryTerm, ...] = ()
    sources: tuple[Source, ...] = ()
    """Sources used only by this module (shared ones live in sources.yml)."""
    content_notes: tuple[ContentNote, ...] = ()
    """Shown at the top of the module page, before any distressing material."""
    prerequisites: tuple[Slug, ...] = ()
    """Ids of modules to take first."""
    co_delivery: str | None = None
    """How a trainer with lived experience co-delivers this module, and how they are paid."""

    @model_validator(mode="after")
    def _ids_unique(self) -> ModuleMeta:
        for name in ("outcomes", "activities", "stories", "questions"):
            ids = [item.id for item in getattr(self, name)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"{name}: duplicate id {dupes[0]!r}; each id must be unique")
        return self


class Module(ModuleMeta):
    """A loaded module: its front matter plus its Markdown body and where it came from."""

    body: str
    path: str
    body_line: int
    """Line in the file where the body starts (for error messages)."""


class Audience(Model):
    """An audience and its default course."""

    id: Slug
    name: Text
    description: Text
    """Who they are, in a sentence or two."""
    course_title: Text
    modules: tuple[Slug, ...] = Field(min_length=1)
    """Module ids of the default course, in order."""
    length_minutes: Minutes
    """Default course length in minutes of contact time (breaks not counted)."""
    reading_level: Annotated[float, Field(ge=1, le=18)]
    """Highest Flesch-Kincaid grade for learner text (NHS aim: reading age 9-11, about grade 4-6)."""
    tone: Text
    """Notes on tone for writers and trainers."""
    support: Text
    """How learners on this course get support (shown on the welcome page)."""
    pass_mark: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    """Share of knowledge-check questions (0-100) a learner must answer right first time to pass
    in an LMS. None: the LMS package reports completion only."""
