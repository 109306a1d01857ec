"""Rules over an audience's whole default course: G5-course-length and G5-no-activity."""

from __future__ import annotations

from collections.abc import Iterator

from ..courselength import course_problems
from ..errors import Problem
from ..slots import default_course
from .context import Context


def course_lengths(ctx: Context) -> Iterator[Problem]:
    """Each audience's course plans to within 10% of its length_minutes, and every module gives it an activity."""
    for audience in ctx.project.audiences:
        yield from course_problems(ctx.project, default_course(ctx.project, audience.id))
