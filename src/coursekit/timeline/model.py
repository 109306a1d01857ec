"""The time model's values: blocks, parts, trims, timelines and the settings that shape them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

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


CLOSING = ("buffer", "check-out")


CHECK_IN = "Check-in: ground rules, support and stepping out"
OWN_CHECK_IN = "Check-in: support and stepping out"
"""What the opening check-in is called: the standard round, or an audience's own."""
CHECK_OUT_UNTIL_NEXT = "Check-out: until next time"
"""What closes a sitting that is not the course's last."""
GUEST = "Guest"
"""Who the run-sheet shows for a guest's blocks when the course names no guest's role."""


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

    @property
    def has_breaks(self) -> bool:
        """True if the plan has a break or lunch."""
        return any(block.kind in ("break", "lunch") for block in self.blocks)

    def planned(self) -> set[tuple[str, str]]:
        """(module, activity id) of every activity the plan runs, and (module, "check") of each check."""
        return {(b.module_id, b.item_id or b.kind) for b in self.blocks if b.kind in ("activity", "check")}

    def module_minutes(self, module_id: str) -> int:
        """Minutes a module has in the room: its input, stories, activities, check and reflection."""
        return sum(block.minutes for block in self.blocks if block.module_id == module_id)


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
    guest: str | None = None
    """The role of the audience's guest, who leads the blocks given to a guest."""
    checks_in_room: bool = True
    """False: knowledge checks are done on the site afterwards and get no time in the room."""
    own_check_in: bool = False
    """True when the audience runs its own check-in (no ground-rules round), as a board does."""

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
class Cuts:
    dropped: frozenset[tuple[str, str]] = frozenset()
    shortened: tuple[tuple[tuple[str, str], int], ...] = ()
    checks_moved: frozenset[str] = frozenset()

    def minutes_of(self, module_id: str, activity) -> int:
        return dict(self.shortened).get((module_id, activity.id), activity.minutes)

    def add(self, trim: Trim) -> Cuts:
        key = (trim.module_id, trim.item_id or "")
        if trim.action == "drop":
            return replace(self, dropped=self.dropped | {key})
        if trim.action == "shorten":
            return replace(self, shortened=(*self.shortened, (key, trim.minutes)))
        return replace(self, checks_moved=self.checks_moved | {trim.module_id})


def clock(start: dt.time, minutes: int) -> dt.time:
    """Return the clock time `minutes` after start (wrapping at midnight)."""
    total = (start.hour * 60 + start.minute + minutes) % (24 * 60)
    return dt.time(total // 60, total % 60)
