"""Fitting modules into parts: which part each module goes in, and what to trim when it does not fit."""

from __future__ import annotations

import itertools
import math

from ..plan import ModuleView
from .blocks import min_minutes, part_blocks
from .breaks import min_buffer, place_breaks, spread_buffer, spread_window
from .model import BUFFER_SHARE, MAX_DROP_TRIES, Block, Cuts, DoesNotFit, Part, Sitting, TimeSettings, Trim


def assign_modules(views: tuple[ModuleView, ...], settings: TimeSettings) -> list[list[ModuleView]]:
    """Put each module in a part: the modules a part names, then the rest in order, a module starting the next part when it does not fit untrimmed in what is left."""
    sittings = settings.sittings
    named = {m for s in sittings for m in s.modules or ()}
    by_id = {v.id: v for v in views}
    groups = [[by_id[m] for m in s.modules if m in by_id] if s.modules is not None else [] for s in sittings]
    open_parts = [i for i, s in enumerate(sittings) if s.modules is None]
    waiting = [v for v in views if v.id not in named]
    if waiting and not open_parts:
        open_parts = [len(sittings) - 1]
    position = 0
    for view in waiting:
        while position < len(open_parts) - 1:
            index = open_parts[position]
            trial = groups[index] + [view]
            if not groups[index] or untrimmed_fits(index, sittings[index], trial, settings):
                break
            position += 1
        groups[open_parts[position]].append(view)
    return groups


def untrimmed_fits(index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings) -> bool:
    """Return True if the modules fit the part with nothing trimmed."""
    _, room = place_breaks(part_blocks(index, sitting, views, Cuts(), settings), sitting, settings)
    return sitting.minutes is None or room >= min_buffer(sitting.minutes)


def fit_part(
    index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings
) -> tuple[Part, list[Trim]]:
    """Time one part, trimming one candidate at a time until it fits; raise DoesNotFit naming what to drop."""
    cuts, trims = Cuts(), []
    candidates = iter(trim_candidates(views, settings.checks_in_room))
    while True:
        blocks, room = place_breaks(part_blocks(index, sitting, views, cuts, settings), sitting, settings)
        if sitting.minutes is None or room >= min_buffer(sitting.minutes):
            spread = spread_buffer(
                blocks, room, at_end=sitting.breaks is not None, window=spread_window(settings)
            )
            return Part(sitting.title, sitting.date, sitting.start, tuple(spread)), trims
        trim = next(candidates, None)
        if trim is None:
            raise DoesNotFit(index, impossible_message(index, sitting, views, settings, blocks))
        cuts = cuts.add(trim)
        trims.append(trim)


def optional_drops(views, backwards: bool = False) -> list[Trim]:
    """A trim dropping each optional activity: in course order, or from the end when backwards."""
    turn = reversed if backwards else iter
    return [
        Trim("drop", v.id, a.id, 0, f"dropped the optional activity {a.title!r} ({v.title}, {a.minutes} min)")
        for v in turn(list(views))
        for a in turn(list(v.activities))
        if a.optional
    ]


def trim_candidates(views: list[ModuleView], checks_in_room: bool = True) -> list[Trim]:
    """Every trim that may be made, in the order to try them: drops, then shortenings, then checks moved."""
    backwards = list(reversed(views))
    drops = optional_drops(views, backwards=True)
    dropped = {(t.module_id, t.item_id) for t in drops}
    shortens = [
        Trim(
            "shorten",
            v.id,
            a.id,
            min_minutes(a),
            f"shortened {a.title!r} ({v.title}) from {a.minutes} to {min_minutes(a)} min",
        )
        for v in backwards
        for a in reversed(v.activities)
        if (v.id, a.id) not in dropped and min_minutes(a) < a.minutes
    ]
    moves = [
        Trim(
            "move-check",
            v.id,
            None,
            0,
            f"moved the knowledge check of {v.title!r} ({len(v.questions)} questions) to after "
            "the session, on the site",
        )
        for v in backwards
        if v.questions and checks_in_room
    ]
    return drops + shortens + moves


def impossible_message(
    index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings, blocks: list[Block]
) -> str:
    """Say why the part cannot fit even fully trimmed, naming the fewest modules to drop."""
    used = sum(b.minutes for b in blocks)
    need = math.ceil(used / (1 - BUFFER_SHARE))
    fully = Cuts()
    for trim in trim_candidates(views, settings.checks_in_room):
        fully = fully.add(trim)
    head = (
        f"the content needs about {need} min but the part has {sitting.minutes} min, even with optional "
        "activities dropped, activities at their minimum and checks moved after the session"
    )

    def fits(dropped) -> bool:
        kept = [v for v in views if v not in dropped]
        _, room = place_breaks(part_blocks(index, sitting, kept, fully, settings), sitting, settings)
        return room >= min_buffer(sitting.minutes)

    tried = 0
    for size in range(1, len(views)):
        # The fewest modules to drop is a search over combinations: past a few thousand tries
        # (a long course), the largest modules are dropped one by one instead.
        tried += math.comb(len(views), size)
        if tried > MAX_DROP_TRIES:
            break
        found = [
            (sum(v.minutes for v in d), [v.id for v in d])
            for d in itertools.combinations(views, size)
            if fits(d)
        ]
        if found:
            return drop_message(head, need, *min(found))
    dropped: list[ModuleView] = []
    for view in sorted(views, key=lambda v: -v.minutes)[:-1]:
        dropped.append(view)
        if fits(dropped):
            return drop_message(head, need, sum(v.minutes for v in dropped), [v.id for v in dropped])
    return f"{head}: make the part about {need} min"


def drop_message(head: str, need: int, minutes: int, ids: list[str]) -> str:
    """Name the modules to drop, their minutes and the length the part would need instead."""
    names = ", ".join(repr(i) for i in ids[:-1]) + (" and " if len(ids) > 1 else "") + repr(ids[-1])
    return (
        f"{head}: drop module{'s' if len(ids) > 1 else ''} {names} ({minutes} min of teaching) from "
        f"'modules', or make the part about {need} min"
    )
