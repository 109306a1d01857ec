"""The time model: every minute a session spends in the room, on the clock. Pure: no I/O.

A session is one or more parts (sittings). Each part is a run of blocks:

- it opens with a welcome and a check-in (safety set-up: ground rules, support, stepping out);
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
- A break goes at the last module boundary in the window when that leaves at least half the window
  before it (the break replaces the changeover); otherwise between the blocks where time runs out.
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
import itertools
import math
import re
from dataclasses import dataclass, replace
from typing import Literal

from .plan import CoursePlan, ModuleView

BlockKind = Literal[
    "welcome",
    "check-in",
    "input",
    "story",
    "activity",
    "check",
    "reflection",
    "changeover",
    "break",
    "lunch",
    "buffer",
    "check-out",
]

MIN_INPUT = 5
SPOKEN_WORDS_PER_MINUTE = 130
MIN_STORY = 2
QUESTION_MINUTES = 1
REFLECTION_MINUTES = 5
CHANGEOVER = {"in-person": 2, "online": 5}
BREAK_MINUTES = {"in-person": 15, "online": 10}
BREAK_EVERY = 90
LIVED_EXPERIENCE_AUDIENCE = "lived-experience-members"
LIVED_EXPERIENCE_BREAK_EVERY = 60
ONLINE_BREAK_EVERY = 60
LUNCH_FROM = 5 * 60
LONG_LUNCH_FROM = 6 * 60
LUNCH_MINUTES = 30
LONG_LUNCH_MINUTES = 45
BUFFER_SHARE = 0.10
MAX_DROP_TRIES = 2000
"""How many sets of modules to try when naming the fewest to drop, before dropping the largest."""
SHORT_PART = 120
"""A part shorter than this opens and closes in 5-minute blocks, not 10."""
MIN_SHORTENED = 10
LAST_STRETCH = 10
MIN_WINDOW = 30
"""Breaks are never placed closer together than this, however the spare time falls."""
WINDOW_STEP = 5
"""Breaks are never placed closer together than this, however the spare time falls."""
"""No break is taken for the last 10 minutes or less of teaching before the close."""
CLOSING = ("buffer", "check-out")


@dataclass(frozen=True)
class Block:
    """A stretch of time in the room."""

    kind: BlockKind
    minutes: int
    title: str
    module_id: str | None = None
    """None for welcome, breaks, buffer, check-in and check-out."""
    item_id: str | None = None
    """The activity or story id, when the block is one item."""
    lead: str | None = None
    """Facilitator name (or "lead"/"co-trainer" when unnamed)."""
    materials: tuple[str, ...] = ()
    """Material ids of the module this block uses."""


@dataclass(frozen=True)
class Part:
    """One sitting: a day, a half day, a follow-up."""

    title: str
    date: dt.date | None
    start: dt.time
    blocks: tuple[Block, ...]

    def times(self) -> list[tuple[dt.time, Block]]:
        """Return the clock time at which each block starts."""
        result, elapsed = [], 0
        for block in self.blocks:
            result.append((clock(self.start, elapsed), block))
            elapsed += block.minutes
        return result

    @property
    def minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)

    @property
    def end(self) -> dt.time:
        return clock(self.start, self.minutes)

    @property
    def module_ids(self) -> tuple[str, ...]:
        """The modules this part teaches, in order."""
        return tuple(dict.fromkeys(b.module_id for b in self.blocks if b.module_id))


@dataclass(frozen=True)
class Trim:
    """One cut made to fit: what, where, and (for a shortened activity) its new minutes."""

    action: Literal["drop", "shorten", "move-check"]
    module_id: str
    item_id: str | None
    minutes: int
    text: str


@dataclass(frozen=True)
class Timeline:
    """The clock-timed plan of a session."""

    parts: tuple[Part, ...]
    cut: tuple[str, ...]
    """What was trimmed to fit, in words, in the order it was cut."""
    trims: tuple[Trim, ...] = ()
    """The same cuts as data, to narrow the course plan."""

    @property
    def minutes(self) -> int:
        """Total minutes, breaks included."""
        return sum(part.minutes for part in self.parts)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(block for part in self.parts for block in part.blocks)


@dataclass(frozen=True)
class BreakAt:
    """A break the session file fixes: so many minutes after the part starts."""

    after_minutes: int
    minutes: int
    lunch: bool = False


@dataclass(frozen=True)
class Sitting:
    """The settings of one part."""

    title: str
    start: dt.time
    minutes: int | None
    """Time in the room, breaks included. None: as long as the content needs (with a 10% buffer)."""
    date: dt.date | None = None
    modules: tuple[str, ...] | None = None
    """The modules of this part; None: filled in order from the course."""
    breaks: tuple[BreakAt, ...] | None = None
    """Fixed breaks; None: the default rule."""
    expected: int | None = None
    """With minutes None: the length the part is meant to run, which sizes its opening and closing."""


@dataclass(frozen=True)
class TimeSettings:
    """How a session runs: its parts, its mode, how often it breaks, who leads."""

    sittings: tuple[Sitting, ...]
    mode: Literal["in-person", "online"] = "in-person"
    break_every: int = BREAK_EVERY
    lead: str = "lead"
    co_trainer: str | None = "co-trainer"
    """Who co-delivers; None when nobody does (the lead leads every block)."""
    checks_in_room: bool = True
    """False: knowledge checks are done on the site afterwards and get no time in the room."""

    @property
    def window(self) -> int:
        return min(self.break_every, ONLINE_BREAK_EVERY) if self.mode == "online" else self.break_every


class DoesNotFit(Exception):
    """The content cannot fit a part even after every trim."""

    def __init__(self, part_index: int, message: str):
        super().__init__(message)
        self.part_index = part_index
        self.message = message


@dataclass(frozen=True)
class _Cuts:
    dropped: frozenset[tuple[str, str]] = frozenset()
    shortened: tuple[tuple[tuple[str, str], int], ...] = ()
    checks_moved: frozenset[str] = frozenset()

    def minutes_of(self, module_id: str, activity) -> int:
        return dict(self.shortened).get((module_id, activity.id), activity.minutes)

    def add(self, trim: Trim) -> _Cuts:
        key = (trim.module_id, trim.item_id or "")
        if trim.action == "drop":
            return replace(self, dropped=self.dropped | {key})
        if trim.action == "shorten":
            return replace(self, shortened=(*self.shortened, (key, trim.minutes)))
        return replace(self, checks_moved=self.checks_moved | {trim.module_id})


def build_timeline(plan: CoursePlan, settings: TimeSettings) -> Timeline:
    """Time every block of the plan over the settings' parts, trimming to fit; raise DoesNotFit."""
    groups = _assign(plan.modules, settings)
    parts, trims = [], []
    for index, (sitting, views) in enumerate(zip(settings.sittings, groups, strict=False)):
        part, part_trims = _fit_part(index, sitting, views, settings)
        parts.append(part)
        if len(settings.sittings) > 1:
            part_trims = [replace(t, text=f"{sitting.title}: {t.text}") for t in part_trims]
        trims += part_trims
    return Timeline(tuple(parts), tuple(t.text for t in trims), tuple(trims))


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


def scripted_minutes(view: ModuleView) -> int:
    """Minutes the module's input scripts take: spoken at SPOKEN_WORDS_PER_MINUTE, a minute each for questions."""
    scripts = [m.script for m in view.key_messages if m.script]
    if not scripts:
        return 0
    words = sum(len(script.split()) for script in scripts)
    return math.ceil(words / SPOKEN_WORDS_PER_MINUTE) + len(scripts)


def read_in_activity(story, view: ModuleView) -> bool:
    """Return True if an activity names the story (its title, or its storyteller's first name).

    That activity's minutes include reading it, so it gets no block of its own.
    """
    teller = story.storyteller.split(",")[0].split()[0]
    return any(
        story.title in a.instructions or re.search(rf"\b{re.escape(teller)}\b", a.instructions)
        for a in view.activities
    )


def story_minutes(story) -> int:
    """Time to read a story aloud."""
    return max(MIN_STORY, math.ceil(len(story.text.split()) / SPOKEN_WORDS_PER_MINUTE))


def clock(start: dt.time, minutes: int) -> dt.time:
    """Return the clock time `minutes` after start (wrapping at midnight)."""
    total = (start.hour * 60 + start.minute + minutes) % (24 * 60)
    return dt.time(total // 60, total % 60)


# --- assigning modules to parts --------------------------------------------------------------


def _assign(views: tuple[ModuleView, ...], settings: TimeSettings) -> list[list[ModuleView]]:
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
            if not groups[index] or _untrimmed_fits(index, sittings[index], trial, settings):
                break
            position += 1
        groups[open_parts[position]].append(view)
    return groups


def _untrimmed_fits(index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings) -> bool:
    _, room = _placed(_blocks(index, sitting, views, _Cuts(), settings), sitting, settings)
    return sitting.minutes is None or room >= _min_buffer(sitting.minutes)


# --- fitting one part ------------------------------------------------------------------------


def _fit_part(
    index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings
) -> tuple[Part, list[Trim]]:
    cuts, trims = _Cuts(), []
    candidates = iter(_trim_candidates(views, settings.checks_in_room))
    while True:
        blocks, room = _placed(_blocks(index, sitting, views, cuts, settings), sitting, settings)
        if sitting.minutes is None or room >= _min_buffer(sitting.minutes):
            spread = _spread(blocks, room, at_end=sitting.breaks is not None)
            return Part(sitting.title, sitting.date, sitting.start, tuple(spread)), trims
        trim = next(candidates, None)
        if trim is None:
            raise DoesNotFit(index, _impossible(index, sitting, views, settings, blocks))
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


def _trim_candidates(views: list[ModuleView], checks_in_room: bool = True) -> list[Trim]:
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


def _impossible(
    index: int, sitting: Sitting, views: list[ModuleView], settings: TimeSettings, blocks: list[Block]
) -> str:
    used = sum(b.minutes for b in blocks)
    need = math.ceil(used / (1 - BUFFER_SHARE))
    fully = _Cuts()
    for trim in _trim_candidates(views, settings.checks_in_room):
        fully = fully.add(trim)
    head = (
        f"the content needs about {need} min but the part has {sitting.minutes} min, even with optional "
        "activities dropped, activities at their minimum and checks moved after the session"
    )

    def fits(dropped) -> bool:
        kept = [v for v in views if v not in dropped]
        _, room = _placed(_blocks(index, sitting, kept, fully, settings), sitting, settings)
        return room >= _min_buffer(sitting.minutes)

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
            return _drop_message(head, need, *min(found))
    dropped: list[ModuleView] = []
    for view in sorted(views, key=lambda v: -v.minutes)[:-1]:
        dropped.append(view)
        if fits(dropped):
            return _drop_message(head, need, sum(v.minutes for v in dropped), [v.id for v in dropped])
    return f"{head}: make the part about {need} min"


def _drop_message(head: str, need: int, minutes: int, ids: list[str]) -> str:
    names = ", ".join(repr(i) for i in ids[:-1]) + (" and " if len(ids) > 1 else "") + repr(ids[-1])
    return (
        f"{head}: drop module{'s' if len(ids) > 1 else ''} {names} ({minutes} min of teaching) from "
        f"'modules', or make the part about {need} min"
    )


def _min_buffer(minutes: int) -> int:
    return math.floor(minutes * BUFFER_SHARE)


def _natural_buffer(blocks: list[Block]) -> int:
    used = sum(b.minutes for b in blocks)
    return max(1, round(used * BUFFER_SHARE / (1 - BUFFER_SHARE)))


def _room(blocks: list[Block], sitting: Sitting) -> int:
    """Return the minutes left for the buffer: the part's less the blocks', or 10% of a natural part."""
    if sitting.minutes is None:
        return _natural_buffer(blocks)
    return sitting.minutes - sum(b.minutes for b in blocks)


def _spread(blocks: list[Block], buffer: int, at_end: bool = False) -> list[Block]:
    """Share the buffer out as spare time at the end of each stretch (before its break, or before the
    check-out), in proportion to the stretch's teaching, so the clock stays honest all day.

    at_end puts it all before the check-out, so that breaks the session file fixes keep their times.
    """
    if buffer <= 0:
        return list(blocks)
    segments = _segments(blocks)
    weights = [sum(b.minutes for b in seg if b.kind != "check-out") for pause, seg in segments if not pause]
    if at_end:
        weights = [0] * len(weights)
    shares = iter(_shares(buffer, weights))
    out: list[Block] = []
    for pause, seg in segments:
        if pause:
            out += seg
            continue
        share = next(shares)
        spare = [Block("buffer", share, "Spare time (buffer)")] if share else []
        out += seg[:-1] + spare + seg[-1:] if seg[-1].kind == "check-out" else seg + spare
    return out


def _segments(blocks: list[Block]) -> list[tuple[bool, list[Block]]]:
    """Split blocks into stretches and pauses (breaks, lunch): (is_pause, blocks)."""
    segments: list[tuple[bool, list[Block]]] = []
    for block in blocks:
        pause = block.kind in ("break", "lunch")
        if pause or not segments or segments[-1][0]:
            segments.append((pause, [block]))
        else:
            segments[-1][1].append(block)
    return segments


def _shares(total: int, weights: list[int]) -> list[int]:
    """Split total in proportion to weights, in whole minutes that add up to it (largest remainder)."""
    whole = sum(weights)
    if not whole:
        return [0] * (len(weights) - 1) + [total]
    raw = [total * w / whole for w in weights]
    shares = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (shares[i] - raw[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _longest_stretch(blocks: list[Block]) -> int:
    return max((sum(b.minutes for b in seg) for pause, seg in _segments(blocks) if not pause), default=0)


# --- blocks ----------------------------------------------------------------------------------


def _blocks(
    index: int, sitting: Sitting, views: list[ModuleView], cuts: _Cuts, settings: TimeSettings
) -> list[Block]:
    length = sitting.minutes if sitting.minutes is not None else sitting.expected
    short = length is not None and length < SHORT_PART
    opening = 5 if short else 10
    co = settings.co_trainer or settings.lead
    if index == 0:
        blocks = [
            Block("welcome", opening, "Welcome and introductions", lead=settings.lead),
            Block("check-in", opening, "Check-in: ground rules, support and stepping out", lead=co),
        ]
    else:
        blocks = [Block("check-in", opening, "Welcome back and check-in", lead=co)]
    for number, view in enumerate(views):
        if number:
            blocks.append(Block("changeover", CHANGEOVER[settings.mode], "Changeover"))
        blocks += _module_blocks(view, cuts, settings)
    names = settings.lead if not settings.co_trainer else f"{settings.lead} and {settings.co_trainer}"
    blocks.append(Block("check-out", opening, "Check-out: what we take away", lead=names))
    return blocks


def _module_blocks(view: ModuleView, cuts: _Cuts, settings: TimeSettings) -> list[Block]:
    co = settings.co_trainer or settings.lead
    title = f"{view.number}. {view.title}"
    blocks = [Block("input", input_minutes(view), f"{title}: teaching input", view.id, lead=settings.lead)]
    blocks += [
        Block("story", story_minutes(s), f"Story: {s.title}", view.id, s.id, lead=co)
        for s in view.stories
        if not read_in_activity(s, view)
    ]
    shared = 0
    for activity in view.activities:
        if (view.id, activity.id) in cuts.dropped:
            continue
        if activity.led_by == "either":
            lead = settings.lead if shared % 2 == 0 else co
            shared += 1
        else:
            lead = co if activity.led_by == "co-trainer" else settings.lead
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


# --- breaks ----------------------------------------------------------------------------------


def _placed(blocks: list[Block], sitting: Sitting, settings: TimeSettings) -> tuple[list[Block], int]:
    """Return the blocks with breaks and lunch placed, and the minutes left for the buffer.

    Breaks are placed on the teaching first; when the spare time, shared out, would stretch a run
    past the break window, the teaching window shrinks 5 minutes at a time and the breaks are
    placed again: breaks come as late as the window allows.
    """
    if sitting.breaks is not None:
        placed = _fixed_breaks(blocks, sitting.breaks)
        return placed, _room(placed, sitting)
    window = teaching = settings.window
    while True:
        placed = _default_breaks(blocks, teaching, settings)
        length = (
            sitting.minutes
            if sitting.minutes is not None
            else sum(b.minutes for b in placed) + _natural_buffer(placed)
        )
        if length >= LUNCH_FROM:
            placed = _lunch(placed, length)
        room = _room(placed, sitting)
        longest = _longest_stretch(_spread(placed, max(room, 0)))
        short_of_time = sitting.minutes is not None and room < _min_buffer(sitting.minutes)
        if longest <= window or short_of_time or teaching - WINDOW_STEP < MIN_WINDOW:
            return placed, room
        teaching -= WINDOW_STEP


def _default_breaks(blocks: list[Block], window: int, settings: TimeSettings) -> list[Block]:
    pause = Block("break", BREAK_MINUTES[settings.mode], "Break")
    out: list[Block] = []
    since = 0
    left = sum(b.minutes for b in blocks if b.kind not in CLOSING)
    for block in blocks:
        if block.kind in CLOSING:
            out.append(block)
            continue
        if since and since + block.minutes > window and left > LAST_STRETCH:
            at = _boundary(out, window)
            if at is not None:
                out[at] = pause
                since = sum(b.minutes for b in out[at + 1 :])
            if since and since + block.minutes > window:
                out.append(pause)
                since = 0
        out.append(block)
        since += block.minutes
        left -= block.minutes
    return out


def _boundary(out: list[Block], window: int) -> int | None:
    """Return the latest changeover since the last break that leaves half a window before it."""
    start = max((i + 1 for i, b in enumerate(out) if b.kind in ("break", "lunch")), default=0)
    before = 0
    best = None
    for i in range(start, len(out)):
        if out[i].kind == "changeover" and before >= window / 2:
            best = i
        before += out[i].minutes
    return best


def _lunch(blocks: list[Block], length: int) -> list[Block]:
    starts, elapsed = [], 0
    for i, block in enumerate(blocks):
        if block.kind == "break":
            starts.append((abs(elapsed - length / 2), i))
        elapsed += block.minutes
    if not starts:
        return blocks
    at = min(starts)[1]
    minutes = LONG_LUNCH_MINUTES if length >= LONG_LUNCH_FROM else LUNCH_MINUTES
    return [*blocks[:at], Block("lunch", minutes, "Lunch"), *blocks[at + 1 :]]


def _fixed_breaks(blocks: list[Block], breaks: tuple[BreakAt, ...]) -> list[Block]:
    out = list(blocks)
    for wanted in sorted(breaks, key=lambda b: b.after_minutes):
        pause = Block(
            "lunch" if wanted.lunch else "break", wanted.minutes, "Lunch" if wanted.lunch else "Break"
        )
        offsets, elapsed = [], 0
        for i, block in enumerate(out):
            elapsed += block.minutes
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.kind not in CLOSING and block.kind not in ("break", "lunch"):
                offsets.append((abs(elapsed - wanted.after_minutes), i + 1))
        if not offsets:
            continue
        at = min(offsets)[1]
        if out[at].kind == "changeover":
            out[at] = pause
        elif out[at - 1].kind == "changeover":  # a break replaces the changeover it meets
            out[at - 1] = pause
        else:
            out.insert(at, pause)
    return out


def apply_cuts(plan: CoursePlan, timeline: Timeline) -> CoursePlan:
    """Return the plan as the timeline runs it: dropped activities gone, shortened ones at their new
    minutes, and outcomes that only a dropped activity served gone with them."""
    cuts = _Cuts()
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
