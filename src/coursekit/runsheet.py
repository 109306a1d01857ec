"""The run-sheet: a session's timeline as text, block by block on the clock. Pure."""

from __future__ import annotations

from .plan import CoursePlan
from .timeline import Part, Timeline
from .timetext import breaks_note
from .timetext import short_duration as duration

COLUMNS = "{time:<6} {minutes:>4}  {block:<58} {lead:<22} {materials}"


def runsheet(plan: CoursePlan, timeline: Timeline, heading: str = "") -> list[str]:
    """Return the run-sheet lines: each part's blocks with clock time, minutes, lead and materials,
    then what was cut to fit."""
    titles = {(view.id, m.id): m.title for view in plan.modules for m in view.material_index.values()}
    lines = [heading] if heading else []
    for number, part in enumerate(timeline.parts, start=1):
        lines += ["", _part_heading(number, part, len(timeline.parts)), ""]
        lines.append(
            COLUMNS.format(
                time="Time", minutes="Min", block="Block", lead="Lead", materials="Materials"
            ).rstrip()
        )
        for at, block in part.times():
            materials = "; ".join(titles.get((block.module_id, m), m) for m in block.materials)
            lines.append(
                COLUMNS.format(
                    time=at.strftime("%H:%M"),
                    minutes=block.minutes,
                    block=_shorten(block.title, 58),
                    lead=block.lead or "",
                    materials=materials,
                ).rstrip()
            )
        lines.append(f"{part.end.strftime('%H:%M'):<6}       End")
    lines += ["", f"Total: {duration(timeline.minutes)} in the room, {breaks_note(timeline)}."]
    if timeline.cut:
        lines += ["", "Cut to fit:"] + [f"  - {text}" for text in timeline.cut]
    else:
        lines += ["", "Nothing was cut."]
    return lines


def _part_heading(number: int, part: Part, count: int) -> str:
    when = f"{part.date.isoformat()}, " if part.date else ""
    label = f"Part {number}: {part.title}" if count > 1 else part.title
    return (
        f"{label} ({when}{part.start.strftime('%H:%M')} to {part.end.strftime('%H:%M')}, "
        f"{duration(part.minutes)})"
    )


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
