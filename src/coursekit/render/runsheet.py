"""The run-sheet: every block in order with its time, who leads and what it uses. Pure.

With a session's Timeline the run-sheet has clock times, breaks and changeovers; for an
audience's default course it lists each module and its activities with their minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..plan import CoursePlan, ModuleView
from ..timeline.model import GUEST
from ..timetext import long_date

if TYPE_CHECKING:
    from ..timeline import Block, Timeline

LEADS = {
    "lead": "Lead trainer",
    "co-trainer": "Co-trainer (lived experience)",
    "either": "Either trainer",
    "both": "Both trainers, each leading a part",
    "lead and co-trainer": "Both trainers, each leading a part",
}
NOBODY_LEADS = ("break", "lunch", "buffer")


@dataclass(frozen=True)
class Row:
    """One line of a run-sheet."""

    time: str
    """Clock time, such as '09:30'; empty without a timeline."""
    block: str
    minutes: int
    lead: str
    materials: str
    module: bool = False
    """True for a module's heading row in a run-sheet without a timeline."""


@dataclass(frozen=True)
class Sitting:
    """The rows of one part of a session (or of the whole default course)."""

    title: str
    rows: tuple[Row, ...]
    ends: str = ""
    """Clock time the part ends; empty without a timeline."""


def run_sheet(plan: CoursePlan, timeline: Timeline | None = None) -> list[Sitting]:
    """Return the run-sheet, one Sitting per part of the session (one for a default course)."""
    if timeline is None:
        return [_course_sheet(plan)]
    return [_part_sheet(plan, part) for part in timeline.parts]


def _course_sheet(plan: CoursePlan) -> Sitting:
    rows = []
    for view in plan.modules:
        rows.append(Row("", f"Module {view.number}: {view.title}", view.minutes, "", "", module=True))
        titles = {m.id: m.title for m in view.material_index.values()}
        for activity in view.activities:
            rows.append(
                Row(
                    "",
                    activity.title,
                    activity.minutes,
                    role_words(plan, activity.led_by),
                    "; ".join(titles.get(m, m) for m in activity.materials),
                )
            )
    return Sitting(plan.audience.course_title, tuple(rows))


def _part_sheet(plan: CoursePlan, part) -> Sitting:
    rows = tuple(
        Row(
            f"{start:%H:%M}",
            block.title,
            block.minutes,
            lead_of(plan, block),
            "; ".join(material_titles(plan, block)),
        )
        for start, block in part.times()
    )
    title = f"{part.title}, {long_date(part.date)}" if part.date else part.title
    return Sitting(title, rows, f"{_ends(part):%H:%M}")


def lead_of(plan: CoursePlan, block: Block) -> str:
    """Return who leads a block, in words: its named lead, or its activity's role."""
    if block.lead:
        return LEADS.get(block.lead, block.lead)
    activity = _activity(plan, block)
    if activity is not None:
        return role_words(plan, activity.led_by)
    return "" if block.kind in NOBODY_LEADS else LEADS["either"]


def role_words(plan: CoursePlan, role: str) -> str:
    """Return a lead role in words: the guest's role for a guest, else the trainer role."""
    if role == "guest":
        return plan.audience.guest.title if plan.audience.guest else GUEST
    return LEADS[role]


def planned_lead(plan: CoursePlan, view: ModuleView, activity) -> str:
    """Return who leads an activity as the plan's run-sheet gives it, or its role without a time line."""
    if plan.timeline is not None:
        for part in plan.timeline.parts:
            for block in part.blocks:
                if block.kind == "activity" and (block.module_id, block.item_id) == (view.id, activity.id):
                    return lead_of(plan, block)
    return role_words(plan, activity.led_by)


def led_by_co_trainer(plan: CoursePlan, block: Block) -> bool:
    """Return True if the co-trainer leads this block."""
    activity = _activity(plan, block)
    return block.lead in ("co-trainer", "lead and co-trainer") or (
        activity is not None and activity.led_by in ("co-trainer", "both")
    )


def material_titles(plan: CoursePlan, block: Block) -> list[str]:
    """Return the titles of the materials a block uses."""
    views = [v for v in plan.modules if block.module_id in (None, v.id)]
    titles = {m.id: m.title for v in views for m in v.material_index.values()}
    return [titles.get(material_id, material_id) for material_id in block.materials]


def _activity(plan: CoursePlan, block: Block):
    if block.item_id is None:
        return None
    return next(
        (
            a
            for v in plan.modules
            if block.module_id in (None, v.id)
            for a in v.activities
            if a.id == block.item_id
        ),
        None,
    )


def _ends(part) -> dt.time:
    start = dt.datetime.combine(dt.date(2000, 1, 1), part.start)
    return (start + dt.timedelta(minutes=sum(b.minutes for b in part.blocks))).time()
