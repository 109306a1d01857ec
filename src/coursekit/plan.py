"""Plan a course for one audience. Pure: no file I/O, no printing.

The plan selects the audience's modules, keeps only the parts meant for that audience,
orders modules so prerequisites come first, and totals the timings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import body as body_syntax
from .model import Project
from .schema import (
    ITEM_LISTS,
    STORY_TIED,
    Activity,
    Audience,
    GlossaryTerm,
    KeyMessage,
    Material,
    Module,
    Outcome,
    Question,
    Reflection,
    Source,
    Story,
    StoryTied,
    UsesStory,
)
from .textfields import text_fields

if TYPE_CHECKING:
    from .timeline import Timeline


@dataclass(frozen=True)
class Withheld:
    """A story an output leaves out because its recorded consent does not cover that output."""

    story: Story
    use: str
    """The output it was left out of: site, slides, print or lms."""

    audience: str | None = None
    """The audience whose course it was left out of, when the consent names the audiences it covers."""

    @property
    def reason(self) -> str:
        consent = self.story.consent
        reason = f"consent is {consent.status!r} and covers {', '.join(consent.covers) or 'no output'}"
        if consent.audiences is not None and self.audience not in consent.audiences:
            reason += f", for the audiences {', '.join(consent.audiences) or 'none'} only"
        return reason


@dataclass(frozen=True)
class ModuleView:
    """One module as one audience gets it."""

    module: Module
    audience_id: str
    number: int
    """Position in the course, from 1."""
    minutes: int
    emphasis: str
    focus: str
    body: str
    outcomes: tuple[Outcome, ...]
    key_messages: tuple[KeyMessage, ...]
    activities: tuple[Activity, ...]
    stories: tuple[Story, ...]
    questions: tuple[Question, ...]
    reflection: tuple[Reflection, ...]
    materials: tuple[Material, ...] = ()
    digits: int = 2
    """How many digits page numbers have in this course, so pages sort in course order."""
    withheld: tuple[Withheld, ...] = ()
    """Stories left out of this output because their consent does not cover it."""

    @property
    def id(self) -> str:
        return self.module.id

    @property
    def before(self) -> str | None:
        """What this audience reads or does before the course day for this module."""
        return self.module.audiences[self.audience_id].before

    @property
    def material_index(self) -> dict[str, Material]:
        """Every material of the module by id, as this view gives it (its stand-in where its story is
        left out): an activity may use a material the module keeps for other audiences."""
        return {m.id: m for m in self.module.materials} | {m.id: m for m in self.materials}

    @property
    def title(self) -> str:
        return self.module.title

    @property
    def content_notes(self) -> tuple:
        """The module's content notes for this audience's version."""
        return tuple(note for note in self.module.content_notes if note.is_for(self.audience_id))

    @property
    def co_delivery(self) -> str | None:
        """How the co-trainer with lived experience shares this version: the audience's, else the module's."""
        return self.module.audiences[self.audience_id].co_delivery or self.module.co_delivery

    @property
    def input_by(self) -> str:
        """Who gives the teaching input: 'lead' or 'co-trainer'."""
        return self.module.audiences[self.audience_id].input_by

    def other_speaker(self, message) -> str | None:
        """Who says a key message's script when that is not whoever gives the module's input."""
        return message.led_by if message.led_by and message.led_by != self.input_by else None

    @property
    def prepare(self) -> tuple[str, ...]:
        """What to arrange before the session for this audience."""
        return self.module.audiences[self.audience_id].prepare

    @property
    def activity_minutes(self) -> int:
        """Total minutes of the activities this audience gets."""
        return sum(activity.minutes for activity in self.activities)

    @property
    def slug(self) -> str:
        """File name stem for this module in a course, such as '03-jargon'."""
        return f"{self.number:0{self.digits}d}-{self.module.id}"


@dataclass(frozen=True)
class CoursePlan:
    """Everything a renderer needs to produce one audience's course."""

    audience: Audience
    modules: tuple[ModuleView, ...]
    glossary: tuple[GlossaryTerm, ...]
    """Every term of the course's modules, first definition wins, sorted by term."""
    sources: tuple[Source, ...]
    """Every source the course's modules use, sorted by id."""
    build_date: dt.date
    """The latest 'updated' date of the course's modules: stamps outputs reproducibly."""
    outputs: tuple[str, ...]
    """The outputs being built, so one output can link to another."""
    use: str | None = None
    """The output this plan was narrowed to by consent (None: not yet narrowed)."""
    timeline: Timeline | None = None
    """The clock-timed plan (timeline.py), once the course is planned as a session."""
    online: Timeline | None = None
    """The same course planned for a video call, when the session is in person (the guide prints it)."""

    @property
    def withheld(self) -> tuple[Withheld, ...]:
        """Every story left out of this plan's output for want of consent."""
        return tuple(w for view in self.modules for w in view.withheld)

    @property
    def total_minutes(self) -> int:
        return sum(view.minutes for view in self.modules)

    @property
    def id(self) -> str:
        return self.audience.id


def module_view(
    module: Module, audience_id: str, number: int = 1, digits: int = 2, stories: set[str] | None = None
) -> ModuleView:
    """Return the parts of a module meant for one audience; given the stories the course shows, with
    only the items and body blocks tied to those (None: every item, whatever story it is tied to)."""
    use = module.audiences[audience_id]

    def pick(items):
        return tuple(
            _as_shown(_own_note(item, audience_id), stories)
            for item in items
            if item.is_for(audience_id)
            and (stories is None or not isinstance(item, StoryTied) or item.is_shown_with(stories))
        )

    return ModuleView(
        module=module,
        audience_id=audience_id,
        number=number,
        minutes=use.minutes or module.minutes,
        emphasis=use.emphasis,
        focus=use.focus,
        body=body_syntax.for_audience(module.body, audience_id, stories),
        digits=digits,
        **{name: pick(getattr(module, name)) for name in ITEM_LISTS},
    )


def build_plan(
    project: Project, audience_id: str, outputs: tuple[str, ...] = ("site", "slides")
) -> CoursePlan:
    """Plan the default course of one audience."""
    audience = project.audience(audience_id)
    return plan_course(project, audience, audience.modules, audience.id, outputs)


def plan_course(
    project: Project,
    audience: Audience,
    module_ids: tuple[str, ...],
    served_as: str,
    outputs: tuple[str, ...] = ("site", "slides"),
) -> CoursePlan:
    """Plan a course of the given modules for an audience that gets what audience `served_as` gets.

    served_as is the audience's own id, or for a session's new audience the one it is based on:
    the views are that audience's (their audience_id is served_as).
    """
    modules = order_by_prerequisites([project.module(m) for m in module_ids])
    digits = max(2, len(str(len(modules))))
    told = {s.id for m in modules for s in m.stories if s.is_for(served_as)}
    views = tuple(module_view(m, served_as, n, digits, told) for n, m in enumerate(modules, start=1))
    glossary = used_terms(merge_glossary(modules, served_as), views)
    cited = used_sources(views) | {s for term in glossary for _, s in body_syntax.citations(term.definition)}
    return CoursePlan(
        audience=audience,
        modules=views,
        glossary=glossary,
        sources=tuple(project.source(s) for s in sorted(cited)),
        build_date=max(m.updated for m in modules),
        outputs=outputs,
    )


def for_use(plan: CoursePlan, use: str) -> CoursePlan:
    """Return the plan narrowed to one output: stories whose consent does not cover it are withheld."""
    audience = plan.audience.id
    shown = {s.id for view in plan.modules for s in view.stories if s.consent.allows(use, audience)}
    views = []
    for view in plan.modules:
        kept = tuple(s for s in view.stories if s.id in shown)
        withheld = tuple(Withheld(s, use, audience) for s in view.stories if s.id not in shown)
        views.append(dataclasses.replace(_showing(view, shown), stories=kept, withheld=withheld))
    narrowed = dataclasses.replace(plan, modules=tuple(views), use=use)
    if plan.timeline is None:
        return narrowed
    online = _retitled(plan.online, views) if plan.online else None
    return dataclasses.replace(narrowed, timeline=_retitled(plan.timeline, views), online=online)


WITHHELD_BLOCK = "In place of a story: its point"
"""What the time line calls a withheld story's time: its title may name the storyteller."""


def _retitled(timeline: Timeline, views: list[ModuleView]) -> Timeline:
    """The time line with the titles this output gives: a withheld story's time is untitled, and an
    activity is called what it says without its story."""
    withheld = {(w.story.id, view.id) for view in views for w in view.withheld}
    activities = {(a.id, view.id): a.title for view in views for a in view.activities}

    def title(block):
        if block.kind == "story" and (block.item_id, block.module_id) in withheld:
            return dataclasses.replace(block, title=WITHHELD_BLOCK)
        if block.kind == "activity" and (block.item_id, block.module_id) in activities:
            return dataclasses.replace(block, title=activities[block.item_id, block.module_id])
        return block

    parts = tuple(dataclasses.replace(p, blocks=tuple(map(title, p.blocks))) for p in timeline.parts)
    return dataclasses.replace(timeline, parts=parts)


def _showing(view: ModuleView, stories: set[str]) -> ModuleView:
    """Return the view with only the items and body blocks tied to these stories (and those standing
    in for the others), and its activities and materials as they read without the others: the
    activities the plan kept, which may be fewer than the module's."""
    fresh = module_view(view.module, view.audience_id, stories=stories)
    return dataclasses.replace(
        view,
        body=fresh.body,
        activities=tuple(_as_shown(a, stories) for a in view.activities),
        materials=fresh.materials,
        **{n: getattr(fresh, n) for n in STORY_TIED},
    )


def _own_note(item, audience_id: str):
    """A story as this audience reads it: without a content note limited to other audiences."""
    if isinstance(item, Story) and item.content_note and not item.content_note.is_for(audience_id):
        return item.model_copy(update={"content_note": None})
    return item


def _as_shown(item, stories: set[str] | None):
    """An activity or material as it reads where these stories are shown (None: as written)."""
    return item.without_story(stories) if stories is not None and isinstance(item, UsesStory) else item


def order_by_prerequisites(modules: list[Module]) -> list[Module]:
    """Keep the given order, except that a module moves after any prerequisite in the list."""
    ids = {m.id for m in modules}
    placed: list[Module] = []
    waiting = list(modules)
    while waiting:
        done = {m.id for m in placed}
        ready = next(
            (m for m in waiting if all(p in done or p not in ids for p in m.prerequisites)), waiting[0]
        )  # a cycle cannot reach here: loading rejects cycles
        placed.append(ready)
        waiting.remove(ready)
    return placed


def merge_glossary(modules: list[Module], audience_id: str | None = None) -> tuple[GlossaryTerm, ...]:
    """Merge module glossaries, keeping the audience's terms: the first definition of a term wins."""
    terms: dict[str, GlossaryTerm] = {}
    for module in modules:
        for entry in module.glossary:
            if audience_id is None or entry.is_for(audience_id):
                terms.setdefault(entry.term.casefold(), entry)
    return tuple(sorted(terms.values(), key=lambda t: t.term.casefold()))


def used_terms(glossary: tuple[GlossaryTerm, ...], views: tuple[ModuleView, ...]) -> tuple[GlossaryTerm, ...]:
    """Keep the terms the course's own text uses: a jargon buster explains the words its readers meet."""
    texts = [text for view in views for text in (view.body, view.title, view.module.summary)]
    texts += [
        found.text
        for view in views
        for name in ITEM_LISTS
        for item in getattr(view, name)
        for found in text_fields(item)
    ]
    words = "\n".join(texts).casefold()
    return tuple(
        t for t in glossary if re.search(rf"(?<!\w){re.escape(t.term.casefold())}(?:s|es)?(?!\w)", words)
    )


def used_sources(views: tuple[ModuleView, ...]) -> set[str]:
    """Return ids of every source the given module views rest on or cite, in any text field."""
    ids: set[str] = set()
    for view in views:
        ids.update(s for message in view.key_messages for s in message.sources)
        ids.update(story.source for story in view.stories)
        ids.update(source_id for _, source_id in body_syntax.citations(view.body))
        texts = [
            found.text for name in ITEM_LISTS for item in getattr(view, name) for found in text_fields(item)
        ]
        texts += _module_level_texts(view)
        ids.update(source_id for text in texts for _, source_id in body_syntax.citations(text))
    return ids


def _module_level_texts(view: ModuleView) -> list[str]:
    """The module's own text fields this audience's version shows: content notes, co-delivery, its
    focus and preparation (not the items, the body or the glossary, which are counted apart)."""
    texts = []
    for found in text_fields(view.module):
        head = found.loc[0]
        if head in (*ITEM_LISTS, "body", "glossary") or (
            head == "audiences" and found.loc[1] != view.audience_id
        ):
            continue
        texts.append(found.text)
    return texts
