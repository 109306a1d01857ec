"""Honest lengths for the audiences' default courses: planned on the clock like a session. Pure.

An audience's `length_minutes` is its time in the room, breaks included. Its course is planned
as one part starting at 09:30 (timeline.py, no trimming): a plan more than 10% longer or shorter
than the stated length is a warning (rule G5-course-length), and so is a module that gives the
audience no activity (rule G5-no-activity).
"""

from __future__ import annotations

import datetime as dt

from . import timeline
from .errors import WARNING, Problem
from .model import Project
from .plan import CoursePlan
from .timetext import short_duration

DEFAULT_START = dt.time(9, 30)
LENGTH_TOLERANCE = 0.10


def natural_timeline(plan: CoursePlan) -> timeline.Timeline:
    """Return the course as long as its content needs: every block, breaks, lunch and a 10% buffer."""
    settings = timeline.natural_settings(
        DEFAULT_START,
        expected=plan.audience.length_minutes,
        break_every=timeline.break_every(plan.audience.id),
    )
    return timeline.build_timeline(plan, settings)


def course_timeline(plan: CoursePlan) -> timeline.Timeline:
    """Return the course planned at its stated length when everything fits untrimmed, else its natural plan."""
    audience = plan.audience
    sitting = timeline.Sitting(audience.course_title, DEFAULT_START, audience.length_minutes)
    settings = timeline.TimeSettings((sitting,), break_every=timeline.break_every(audience.id))
    try:
        stated = timeline.build_timeline(plan, settings)
    except timeline.DoesNotFit:
        stated = None
    return stated if stated is not None and not stated.trims else natural_timeline(plan)


def course_problems(project: Project, plan: CoursePlan) -> list[Problem]:
    """Return warnings about one audience's default course: its length, and modules without an activity."""
    audience = plan.audience
    where = project.file(audience.path)
    natural = natural_timeline(plan)
    stated = audience.length_minutes
    problems = []
    if abs(natural.minutes - stated) > stated * LENGTH_TOLERANCE:
        direction = "longer" if natural.minutes > stated else "shorter"
        problems.append(
            Problem(
                audience.path,
                where.line(("length_minutes",)),
                "length_minutes",
                (
                    f"the course plans to {short_duration(natural.minutes)} in the room (teaching, activities, "
                    f"stories, checks, reflections, changeovers, breaks and a 10% buffer), "
                    f"{abs(natural.minutes - stated) * 100 // stated}% {direction} than the "
                    f"{short_duration(stated)} stated: make length_minutes about {natural.minutes}, or "
                    f"{'shorten or drop modules' if direction == 'longer' else 'add content'} (the deck's course "
                    "plan slide shows every block on the clock)"
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
