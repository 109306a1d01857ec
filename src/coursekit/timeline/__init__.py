"""The time model: every minute a session spends in the room, on the clock. Pure: no I/O.

A session is one or more parts (sittings). Each part is a run of blocks:

- it opens with a welcome and a check-in (safety set-up: ground rules, support, stepping out), 5
  minutes each in a part under two hours, else 10; an audience's own check-in takes 2 minutes less;
  later parts open with a welcome back and check-in;
- each module gets its teaching input, then each story read aloud, each activity, its knowledge
  check (1 minute a question) and its reflection (5 minutes);
- modules are separated by a changeover;
- breaks come at least every `break_every` minutes, and a part of 5 hours or more has a lunch;
- each part closes with a check-out; spare time (the buffer, at least 10% of the part) is shared
  out at the end of each stretch, before its break or the check-out.

Rules, in numbers (the constants below):

- Teaching input: the module's minutes for the audience minus its core (not optional) activities, or the
  audience's declared `input_minutes`; never less than the key messages' scripts take to say (at
  130 words a minute, plus a minute a scripted message for questions), nor than 5 minutes.
- A story read aloud: its words at 130 words a minute, at least 2 minutes; none when an activity's
  instructions name the story (its title or its storyteller's first name): it is read there.
- In person: 2-minute changeovers, 15-minute breaks at least every 90 minutes (60 for groups of
  people with lived experience). Online: 5-minute changeovers, 10-minute breaks at least every
  60 minutes (screens tire people sooner), whatever the audience.
- No break is taken for the last 10 minutes or less of a part's teaching.
- In person, a break goes at the last module boundary in the window when that leaves at least half
  the window before it (the break replaces the changeover); otherwise between the blocks where time
  runs out. Online, where breaks come more often than modules end, breaks go where they part the
  fewest things that belong together: at module boundaries first, else between two tasks, and only
  as a last resort straight after the opening, an input or a story, or just before a reflection or
  check; among equally good placements, the most even stretches. Spare time then goes where a
  stretch has room, so no stretch passes the hour when it need not.
- Online, a day of more than four hours is planned as two sittings on different days, split at the
  module boundary that gives the most even halves (`courselength.online_timeline`).
- Lunch: 30 minutes on a part of 5 hours or more, 45 on a part of 6 hours or more, replacing the
  break nearest the middle of the part.
- The part's total equals its minutes: whatever the blocks leave goes into the buffer, which must
  be at least 10% of the part. It is shared out over the stretches between breaks in proportion
  to their teaching, and no stretch, spare time included, runs past the break window: when one
  would, breaks come earlier (fixed breaks keep their times and the spare time goes at the end).

When the content does not fit, it is trimmed in this order, one item at a time, working back
from the end of the part, until it fits: drop optional activities; shorten activities to their
`min_minutes` (default two thirds of their minutes, at least 10); move knowledge checks to after
the session (learners do them on the site). Each cut is recorded in `Timeline.cut`. When it
still cannot fit, `DoesNotFit` names the smallest set of modules to drop.

Parts are filled in order. A module never splits across parts: one that does not fit in what is
left of a part starts the next part (the last part takes the rest, trimmed). A part may instead
list its own modules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..plan import CoursePlan
from .blocks import input_minutes, input_turns, min_minutes, read_in_activity, scripted_minutes, story_minutes
from .fitting import assign_modules, fit_part, optional_drops
from .model import (
    BREAK_EVERY,
    CHECK_OUT_UNTIL_NEXT,
    LIVED_EXPERIENCE_AUDIENCE,
    LIVED_EXPERIENCE_BREAK_EVERY,
    Block,
    BreakAt,
    Cuts,
    DoesNotFit,
    Part,
    Sitting,
    Timeline,
    TimeSettings,
    Trim,
    clock,
)

__all__ = [
    "Block",
    "BreakAt",
    "DoesNotFit",
    "Part",
    "Sitting",
    "TimeSettings",
    "Timeline",
    "Trim",
    "apply_cuts",
    "break_every",
    "build_timeline",
    "clock",
    "closing_until_next",
    "input_minutes",
    "input_turns",
    "min_minutes",
    "natural_settings",
    "optional_drops",
    "read_in_activity",
    "scripted_minutes",
    "story_minutes",
]


def build_timeline(plan: CoursePlan, settings: TimeSettings) -> Timeline:
    """Time every block of the plan over the settings' parts, trimming to fit; raise DoesNotFit."""
    groups = assign_modules(plan.modules, settings)
    parts, trims = [], []
    for index, (sitting, views) in enumerate(zip(settings.sittings, groups, strict=False)):
        part, part_trims = fit_part(index, sitting, views, settings)
        parts.append(part)
        if len(settings.sittings) > 1:
            part_trims = [replace(t, text=f"{sitting.title}: {t.text}") for t in part_trims]
        trims += part_trims
    return Timeline(tuple(parts), tuple(t.text for t in trims), tuple(trims))


def closing_until_next(part: Part) -> Part:
    """The part, closing with the short check-out of a sitting the course goes on from: the
    evaluation, contact strip and certificates belong to the end of the course."""
    blocks = tuple(
        replace(b, title=CHECK_OUT_UNTIL_NEXT) if b.kind == "check-out" else b for b in part.blocks
    )
    return replace(part, blocks=blocks)


def natural_settings(start: dt.time = dt.time(9, 30), expected: int | None = None, **options) -> TimeSettings:
    """Settings for one part as long as the content needs: a course's honest length.

    expected is the length the course claims, so a short briefing gets short opening and closing
    blocks in its honest plan too, as it would at its stated length.
    """
    return TimeSettings((Sitting("The course", start, None, expected=expected),), **options)


def break_every(*audience_ids: str | None) -> int:
    """Return how often a group needs a break: every 60 minutes for people with lived experience
    (the audience, or the audience a session's new audience is based on), else every 90."""
    return LIVED_EXPERIENCE_BREAK_EVERY if LIVED_EXPERIENCE_AUDIENCE in audience_ids else BREAK_EVERY


def apply_cuts(plan: CoursePlan, timeline: Timeline) -> CoursePlan:
    """Return the plan as the timeline runs it: dropped activities gone, shortened ones at their new
    minutes, and outcomes that only a dropped activity served gone with them."""
    cuts = Cuts()
    for trim in timeline.trims:
        cuts = cuts.add(trim)
    views = []
    for view in plan.modules:
        kept = tuple(
            a.model_copy(update={"minutes": cuts.minutes_of(view.id, a)})
            for a in view.activities
            if (view.id, a.id) not in cuts.dropped
        )
        served = {o for item in (*kept, *view.questions) for o in item.outcomes}
        outcomes = tuple(o for o in view.outcomes if o.id in served)
        views.append(replace(view, activities=kept, outcomes=outcomes))
    return replace(plan, modules=tuple(views), timeline=timeline)
