"""Learning alone: every activity on the site can be done by a person alone at a screen."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import WARNING, Problem
from .context import Context
from .text import ModuleText


def self_study(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """An activity has a self-study version, or is marked classroom-only."""
    for index, activity in enumerate(doc.module.activities):
        if not activity.self_study and not activity.classroom_only:
            yield doc.finding(
                ("activities", index),
                "self-study",
                WARNING,
                (
                    f"activity {activity.id!r} has no 'self_study' version: write what a person does "
                    "alone at a screen, or set 'classroom_only: true' so the site shows it as an "
                    "'in the session' note"
                ),
            )
