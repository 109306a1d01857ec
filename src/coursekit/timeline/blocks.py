"""What each module puts on the clock: its input, stories, activities, check and reflection."""

from __future__ import annotations

import dataclasses
import math
import re

from ..plan import ModuleView
from .breaks import shares_of
from .model import (
    CHANGEOVER,
    CHECK_IN,
    GUEST,
    MIN_INPUT,
    MIN_SHORTENED,
    MIN_STORY,
    OWN_CHECK_IN,
    QUESTION_MINUTES,
    REFLECTION_MINUTES,
    SHORT_PART,
    SPOKEN_WORDS_PER_MINUTE,
    Block,
    Cuts,
    Sitting,
    TimeSettings,
)


def min_minutes(activity) -> int:
    """The shortest an activity may run: its min_minutes, or two thirds of it (at least 10)."""
    if activity.min_minutes is not None:
        return activity.min_minutes
    return min(activity.minutes, max(MIN_SHORTENED, round(activity.minutes * 2 / 3)))


def input_minutes(view: ModuleView) -> int:
    """Teaching input of a module: declared, or its minutes less its core activities; never less than its
    scripts take to say (plus a minute a scripted message for questions), nor than 5."""
    declared = getattr(view.module.audiences.get(view.audience_id), "input_minutes", None)
    core = sum(a.minutes for a in view.activities if not a.optional)
    stated = declared if declared is not None else view.minutes - core
    return max(MIN_INPUT, stated, scripted_minutes(view))


def input_turns(view: ModuleView) -> list[tuple[str, int]]:
    """Who gives the module's input, in turn, and for how many minutes: one turn, unless key
    messages name their own speaker; then the input's minutes are shared in proportion to each
    turn's scripts (words, and a minute a message for questions)."""
    total = input_minutes(view)
    turns: list[tuple[str, int]] = []
    for message in view.key_messages:
        who = message.led_by or view.input_by
        weight = len((message.script or "").split()) + SPOKEN_WORDS_PER_MINUTE * bool(message.script)
        if turns and turns[-1][0] == who:
            turns[-1] = (who, turns[-1][1] + weight)
        else:
            turns.append((who, weight))
    if len(turns) < 2 or not all(weight for _, weight in turns):
        return [(view.input_by, total)]
    minutes = shares_of(total, [weight for _, weight in turns])
    return [(who, share) for (who, _), share in zip(turns, minutes, strict=True)]


def scripted_minutes(view: ModuleView) -> int:
    """Minutes the module's input scripts take: spoken at SPOKEN_WORDS_PER_MINUTE, a minute each for questions."""
    scripts = [m.script for m in view.key_messages if m.script]
    if not scripts:
        return 0
    words = sum(len(script.split()) for script in scripts)
    return math.ceil(words / SPOKEN_WORDS_PER_MINUTE) + len(scripts)


def read_in_activity(story, view: ModuleView) -> bool:
    """Return True if an activity uses the story ('story:' names it) or names it (its title, or its
    storyteller's first name).

    That activity's minutes include reading it, so it gets no block of its own.
    """
    teller = story.storyteller.split(",")[0].split()[0]
    title = " ".join(story.title.split())
    return any(
        story.id in a.story_ids
        or title in " ".join(a.instructions.split())
        or re.search(rf"\b{re.escape(teller)}\b", a.instructions)
        for a in view.activities
    )


def story_minutes(story) -> int:
    """Time to read a story aloud."""
    return max(MIN_STORY, math.ceil(len(story.text.split()) / SPOKEN_WORDS_PER_MINUTE))


def part_blocks(
    index: int, sitting: Sitting, views: list[ModuleView], cuts: Cuts, settings: TimeSettings
) -> list[Block]:
    """Return the blocks of one part: its opening, each module's blocks with changeovers, and the check-out."""
    length = sitting.minutes if sitting.minutes is not None else sitting.expected
    short = length is not None and length < SHORT_PART
    opening = 5 if short else 10
    # An audience's own check-in is a sentence or two, not a round of ground rules.
    check_in = opening - 2 if settings.own_check_in else opening
    co = settings.co_trainer or settings.lead
    if index == 0:
        blocks = [
            Block("welcome", opening, "Welcome and introductions", lead=settings.lead),
            Block("check-in", check_in, OWN_CHECK_IN if settings.own_check_in else CHECK_IN, lead=co),
        ]
    else:
        blocks = [Block("check-in", opening, "Welcome back and check-in", lead=co)]
    for number, view in enumerate(views):
        if number:
            blocks.append(Block("changeover", CHANGEOVER[settings.mode], "Changeover"))
        blocks += module_blocks(view, cuts, settings)
    names = settings.lead if not settings.co_trainer else f"{settings.lead} and {settings.co_trainer}"
    blocks.append(Block("check-out", opening, "Check-out: what we take away", lead=names))
    return blocks


def module_blocks(view: ModuleView, cuts: Cuts, settings: TimeSettings) -> list[Block]:
    """Return one module's blocks: input, stories read aloud, activities (as trimmed), check and reflection."""
    co = settings.co_trainer or settings.lead
    title = f"{view.number}. {view.title}"
    named = {"lead": settings.lead, "co-trainer": co, "guest": settings.guest or GUEST}
    blocks = [
        Block(
            "input", minutes, f"{title}: teaching input{', continued' if n else ''}", view.id, lead=named[who]
        )
        for n, (who, minutes) in enumerate(input_turns(view))
    ]
    # A story read only in an activity the plan drops is read aloud in a block of its own.
    kept = dataclasses.replace(
        view, activities=tuple(a for a in view.activities if (view.id, a.id) not in cuts.dropped)
    )
    blocks += [
        Block("story", story_minutes(s), f"Story: {s.title}", view.id, s.id, lead=named[s.read_by])
        for s in view.stories
        if not read_in_activity(s, kept)
    ]
    shared = 0
    for activity in view.activities:
        if (view.id, activity.id) in cuts.dropped:
            continue
        if activity.led_by == "either":
            lead = settings.lead if shared % 2 == 0 else co
            shared += 1
        elif activity.led_by == "both":
            lead = settings.lead if co == settings.lead else f"{settings.lead} and {co}"
        else:
            lead = named[activity.led_by]
        blocks.append(
            Block(
                "activity",
                cuts.minutes_of(view.id, activity),
                activity.title,
                view.id,
                activity.id,
                lead,
                activity.materials,
            )
        )
    if view.questions and settings.checks_in_room and view.id not in cuts.checks_moved:
        blocks.append(
            Block(
                "check",
                len(view.questions) * QUESTION_MINUTES,
                f"Knowledge check ({len(view.questions)} questions)",
                view.id,
                lead=settings.lead,
            )
        )
    if view.reflection:
        blocks.append(Block("reflection", REFLECTION_MINUTES, "Reflection", view.id, lead=co))
    return blocks
