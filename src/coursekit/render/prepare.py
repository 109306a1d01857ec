"""What a trainer gathers and prints before a course: equipment, materials and copies. Pure."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ..plan import CoursePlan, ModuleView
from ..schema import Activity, Material

PARTICIPANTS = 12
"""The group size print numbers are worked out for, when the trainer has not said."""
GROUP_SIZE = 3
"""Small groups are threes: the size the built-in tasks are written for."""
TRAINERS = 2
COPIES_IN_WORDS = {
    "per-person": "one per person",
    "per-pair": "one between two",
    "per-group": f"one per group of {GROUP_SIZE}",
    "per-room": "one for the room",
}


@dataclass(frozen=True)
class PrintItem:
    """One thing to print, and how many."""

    title: str
    used_for: str
    copies: str
    """How the number is worked out, in words."""
    count: int


def copies_needed(copies: str, participants: int = PARTICIPANTS) -> int:
    """Return how many to print for a group of this size."""
    return {
        "per-person": participants,
        "per-pair": math.ceil(participants / 2),
        "per-group": math.ceil(participants / GROUP_SIZE),
        "per-room": 1,
    }[copies]


def materials_of(view: ModuleView) -> list[tuple[Material, list[Activity]]]:
    """Return each material this audience's activities use, with those activities, in order of use.

    Materials the module offers this audience that no activity names come last, so nothing the
    module supplies is lost from the printed pack.
    """
    by_id = view.material_index
    used: dict[str, list[Activity]] = {}
    for activity in view.activities:
        for material_id in activity.materials:
            if material_id in by_id:
                used.setdefault(material_id, []).append(activity)
    for material in view.materials:
        used.setdefault(material.id, [])
    return [(by_id[material_id], activities) for material_id, activities in used.items()]


def planned(plan: CoursePlan, view: ModuleView) -> list[Activity]:
    """The module's activities the course plan runs: all of them without a plan on the clock, else
    those with a block (extras the plan leaves out need no printing or equipment)."""
    if plan.timeline is None:
        return list(view.activities)
    ran = plan.timeline.planned()
    return [a for a in view.activities if (view.id, a.id) in ran]


def equipment(plan: CoursePlan) -> list[tuple[str, list[str]]]:
    """Return every piece of equipment the planned activities list, with the activities needing it."""
    needed: dict[str, tuple[str, list[str]]] = {}
    for view in plan.modules:
        for activity in planned(plan, view):
            for item in activity.equipment:
                needed.setdefault(item.casefold(), (item, []))[1].append(activity.title)
    return list(needed.values())


def print_list(plan: CoursePlan, participants: int = PARTICIPANTS) -> Iterator[PrintItem]:
    """Yield what to print for the course: the papers everyone gets, then each module's materials."""
    if plan.audience.handout == "everyone":
        yield PrintItem(
            "Participant handout and materials pack", "everyone", COPIES_IN_WORDS["per-person"], participants
        )
    else:
        yield PrintItem(
            "Participant handout and materials pack",
            "the trainers, and anyone who asks for the whole pack",
            "one per trainer, and two spare",
            TRAINERS + 2,
        )
    yield PrintItem("Evaluation form", "the end of the course", COPIES_IN_WORDS["per-person"], participants)
    yield PrintItem("This facilitator guide", "the trainers", "one per trainer", TRAINERS)
    for view in plan.modules:
        running = {a.id for a in planned(plan, view)}
        for material, activities in materials_of(view):
            if activities and not any(a.id in running for a in activities):
                continue  # only extras the plan leaves out use it
            used_for = f"Module {view.number}: " + (", ".join(a.title for a in activities) or view.title)
            yield PrintItem(
                material.title,
                used_for,
                COPIES_IN_WORDS[material.copies],
                copies_needed(material.copies, participants),
            )
