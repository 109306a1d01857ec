"""Honest lengths for the audiences' default courses: planned on the clock like a session. Pure.

An audience's `length_minutes` is its time in the room, breaks included; a course with `parts`
runs in several sittings (a half day, then a follow-up), each planned on its own clock from 09:30.
The course is planned at its stated length when its core fits, leaving out optional activities
that do not; otherwise it gets its natural plan, as long as its content needs. A part whose core
content (optional activities left out) plans more than 10% longer or shorter than the part is a
warning (rule G5-course-length), and so is a module that gives the audience no activity
(rule G5-no-activity).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from . import timeline
from .errors import WARNING, Problem
from .model import Project
from .plan import CoursePlan
from .schema import Audience
from .timetext import short_duration

LENGTH_TOLERANCE = 0.10


def natural_timeline(plan: CoursePlan, mode: str = "in-person") -> timeline.Timeline:
    """Return the course as long as its content needs: every block, breaks, lunch and a 10% buffer."""
    sittings = tuple(
        timeline.Sitting(title, start, None, modules=modules, expected=minutes)
        for title, start, minutes, modules in _parts(plan.audience)
    )
    return timeline.build_timeline(plan, _settings(plan, sittings, mode))


ONLINE_SITTING_MAX = 240
"""Minutes of one online sitting past which the course is planned as two sittings on different days."""


def online_timeline(plan: CoursePlan) -> timeline.Timeline:
    """Return the course planned for a video call: as course_timeline in "online" mode, with any part
    longer than four hours on a screen split into two sittings on different days, at the module
    boundary that gives the most even sittings; the first closes with a check-out until next time."""
    planned = course_timeline(plan, "online")
    sittings = []
    for (title, start, _, _), part in zip(_parts(plan.audience), planned.parts, strict=True):
        modules = part.module_ids
        if part.minutes <= ONLINE_SITTING_MAX or len(modules) < 2:
            sittings.append(((title, start, modules),))
            continue
        sittings.append(_even_split(plan, title, start, modules))
    if all(len(group) == 1 for group in sittings):
        return planned
    flat = tuple(
        timeline.Sitting(title, start, None, modules=modules)
        for group in sittings
        for title, start, modules in group
    )
    split = timeline.build_timeline(core_plan(plan), _settings(plan, flat, "online"))
    continued = [index < len(group) - 1 for group in sittings for index in range(len(group))]
    parts = tuple(
        timeline.closing_until_next(part) if goes_on else part
        for part, goes_on in zip(split.parts, continued, strict=True)
    )
    drops = timeline.optional_drops(plan.modules)
    return dataclasses.replace(split, parts=parts, cut=tuple(t.text for t in drops), trims=tuple(drops))


def _even_split(
    plan: CoursePlan, title: str, start: dt.time, modules: tuple[str, ...]
) -> tuple[tuple[str, dt.time, tuple[str, ...]], ...]:
    """Two sittings of one part, split at the module boundary that gives the most even halves."""
    core = core_plan(plan)

    def longer_half(at: int) -> int:
        halves = (modules[:at], modules[at:])
        sittings = tuple(timeline.Sitting(title, start, None, modules=half) for half in halves)
        built = timeline.build_timeline(core, _settings(plan, sittings, "online"))
        return max(part.minutes for part in built.parts)

    at = min(range(1, len(modules)), key=longer_half)
    return (
        (f"{title}: sitting 1 of 2", start, modules[:at]),
        (f"{title}: sitting 2 of 2", start, modules[at:]),
    )


def course_timeline(plan: CoursePlan, mode: str = "in-person") -> timeline.Timeline:
    """Return the course planned at its stated length, leaving out optional activities that do not
    fit; when anything more would have to go, the natural plan of its core (every optional
    activity left out, and the warning of course_problems says by how much it runs over).

    mode "online" plans the same course for a video call: shorter, more frequent breaks and longer
    changeovers."""
    sittings = tuple(
        timeline.Sitting(title, start, minutes, modules=modules)
        for title, start, minutes, modules in _parts(plan.audience)
    )
    try:
        stated = timeline.build_timeline(plan, _settings(plan, sittings, mode))
    except timeline.DoesNotFit:
        stated = None
    if stated is not None and all(trim.action == "drop" for trim in stated.trims):
        return stated
    drops = timeline.optional_drops(plan.modules)
    core = natural_timeline(core_plan(plan), mode)
    return dataclasses.replace(core, cut=tuple(t.text for t in drops), trims=tuple(drops))


def core_plan(plan: CoursePlan) -> CoursePlan:
    """Return the plan without its optional activities: what the course must make time for."""
    views = tuple(
        dataclasses.replace(view, activities=tuple(a for a in view.activities if not a.optional))
        for view in plan.modules
    )
    return dataclasses.replace(plan, modules=views)


def _parts(audience: Audience) -> list[tuple[str, dt.time, int, tuple[str, ...] | None]]:
    if audience.parts is None:
        return [(audience.course_title, audience.start, audience.length_minutes, None)]
    return [(part.title, part.start or audience.start, part.minutes, part.modules) for part in audience.parts]


def _settings(
    plan: CoursePlan, sittings: tuple[timeline.Sitting, ...], mode: str = "in-person"
) -> timeline.TimeSettings:
    audience = plan.audience
    return timeline.TimeSettings(
        sittings,
        mode=mode,
        break_every=timeline.break_every(audience.id),
        checks_in_room=audience.checks_in_room,
        own_check_in=audience.check_in is not None,
        guest=audience.guest.title if audience.guest else None,
    )


def course_problems(project: Project, plan: CoursePlan) -> list[Problem]:
    """Return warnings about one audience's default course: its length, and modules without an activity."""
    audience = plan.audience
    where = project.file(audience.path)
    natural = natural_timeline(core_plan(plan))
    problems = []
    for index, ((title, _, stated, _), part) in enumerate(zip(_parts(audience), natural.parts, strict=True)):
        if abs(part.minutes - stated) <= stated * LENGTH_TOLERANCE:
            continue
        direction = "longer" if part.minutes > stated else "shorter"
        loc = ("parts", index, "minutes") if audience.parts else ("length_minutes",)
        field = f"parts[{index}].minutes" if audience.parts else "length_minutes"
        what = f"the part {title!r}" if audience.parts else "the course"
        problems.append(
            Problem(
                audience.path,
                where.line(loc),
                field,
                (
                    f"{what} plans to {short_duration(part.minutes)} in the room (teaching, core activities, "
                    f"stories, checks, reflections, changeovers, breaks and a 10% buffer), "
                    f"{abs(part.minutes - stated) * 100 // stated}% {direction} than the "
                    f"{short_duration(stated)} stated: make it about {part.minutes} min, or "
                    f"{'shorten, make optional or drop' if direction == 'longer' else 'add'} content (the "
                    "deck's course plan slide shows every block on the clock)"
                ),
                rule="G5-course-length",
                severity=WARNING,
            )
        )
    for index, view in enumerate(plan.modules):
        if not view.activities:
            position = audience.modules.index(view.id) if view.id in audience.modules else index
            problems.append(
                Problem(
                    audience.path,
                    where.line(("modules", position)),
                    f"modules[{position}]",
                    (
                        f"module {view.id!r} gives {audience.id!r} no activity: tag an activity for it in "
                        f"{view.module.path}, or drop the module"
                    ),
                    rule="G5-no-activity",
                    severity=WARNING,
                )
            )
    return problems
