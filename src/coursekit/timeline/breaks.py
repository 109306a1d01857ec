"""Where breaks and lunch go, and how the spare time (the buffer) is shared out."""

from __future__ import annotations

import math

from .model import (
    BREAK_MINUTES,
    BUFFER_SHARE,
    CLOSING,
    LAST_STRETCH,
    LONG_LUNCH_FROM,
    LONG_LUNCH_MINUTES,
    LUNCH_FROM,
    LUNCH_MINUTES,
    MIN_WINDOW,
    WINDOW_STEP,
    Block,
    BreakAt,
    Sitting,
    TimeSettings,
)


def min_buffer(minutes: int) -> int:
    """The least spare time a part of these minutes must keep: 10%."""
    return math.floor(minutes * BUFFER_SHARE)


def natural_buffer(blocks: list[Block]) -> int:
    """Spare time for a part as long as its content needs: 10% of the whole."""
    used = sum(b.minutes for b in blocks)
    return max(1, round(used * BUFFER_SHARE / (1 - BUFFER_SHARE)))


def buffer_room(blocks: list[Block], sitting: Sitting) -> int:
    """Return the minutes left for the buffer: the part's less the blocks', or 10% of a natural part."""
    if sitting.minutes is None:
        return natural_buffer(blocks)
    return sitting.minutes - sum(b.minutes for b in blocks)


def spread_buffer(
    blocks: list[Block], buffer: int, at_end: bool = False, window: int | None = None
) -> list[Block]:
    """Share the buffer out as spare time at the end of each stretch (before its break, or before the
    check-out), in proportion to the stretch's teaching, so the clock stays honest all day.

    at_end puts it all before the check-out, so that breaks the session file fixes keep their times.
    window, when given, keeps each stretch within it where the spare time can go elsewhere.
    """
    if buffer <= 0:
        return list(blocks)
    segments = split_stretches(blocks)
    weights = [sum(b.minutes for b in seg if b.kind != "check-out") for pause, seg in segments if not pause]
    if at_end:
        weights = [0] * len(weights)
    shares_list = shares_of(buffer, weights)
    if window is not None and not at_end:
        lengths = [sum(b.minutes for b in seg) for pause, seg in segments if not pause]
        shares_list = capped_shares(shares_list, [max(window - n, 0) for n in lengths])
    shares = iter(shares_list)
    out: list[Block] = []
    for pause, seg in segments:
        if pause:
            out += seg
            continue
        share = next(shares)
        spare = [Block("buffer", share, "Spare time (buffer)")] if share else []
        out += seg[:-1] + spare + seg[-1:] if seg[-1].kind == "check-out" else seg + spare
    return out


def capped_shares(shares: list[int], room: list[int]) -> list[int]:
    """Move spare time out of stretches it would push past their room into stretches with room to
    spare, most room first; what fits nowhere stays with the last stretch."""
    capped = [min(share, cap) for share, cap in zip(shares, room, strict=True)]
    left = sum(shares) - sum(capped)
    for i in sorted(range(len(capped)), key=lambda i: capped[i] - room[i]):
        extra = min(left, room[i] - capped[i])
        capped[i] += extra
        left -= extra
    capped[-1] += left
    return capped


def split_stretches(blocks: list[Block]) -> list[tuple[bool, list[Block]]]:
    """Split blocks into stretches and pauses (breaks, lunch): (is_pause, blocks)."""
    segments: list[tuple[bool, list[Block]]] = []
    for block in blocks:
        pause = block.kind in ("break", "lunch")
        if pause or not segments or segments[-1][0]:
            segments.append((pause, [block]))
        else:
            segments[-1][1].append(block)
    return segments


def shares_of(total: int, weights: list[int]) -> list[int]:
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


def longest_stretch(blocks: list[Block]) -> int:
    """Minutes of the longest run between breaks."""
    return max(
        (sum(b.minutes for b in seg) for pause, seg in split_stretches(blocks) if not pause), default=0
    )


def spread_window(settings: TimeSettings) -> int | None:
    """The window spare time keeps stretches within: online only, where breaks come every hour and
    sit at module boundaries, so spare time goes where there is room rather than by teaching time."""
    return settings.window if settings.mode == "online" else None


def place_breaks(blocks: list[Block], sitting: Sitting, settings: TimeSettings) -> tuple[list[Block], int]:
    """Return the blocks with breaks and lunch placed, and the minutes left for the buffer.

    Breaks are placed on the teaching first; when the spare time, shared out, would stretch a run
    past the break window, the teaching window shrinks 5 minutes at a time and the breaks are
    placed again: breaks come as late as the window allows.
    """
    if sitting.breaks is not None:
        placed = fixed_breaks(blocks, sitting.breaks)
        return placed, buffer_room(placed, sitting)
    window = teaching = settings.window
    place = together_breaks if settings.mode == "online" else default_breaks
    while True:
        placed = place(blocks, teaching, settings)
        length = (
            sitting.minutes
            if sitting.minutes is not None
            else sum(b.minutes for b in placed) + natural_buffer(placed)
        )
        if length >= LUNCH_FROM:
            placed = with_lunch(placed, length)
        room = buffer_room(placed, sitting)
        longest = longest_stretch(spread_buffer(placed, max(room, 0), window=spread_window(settings)))
        short_of_time = sitting.minutes is not None and room < min_buffer(sitting.minutes)
        if longest <= window or short_of_time or teaching - WINDOW_STEP < MIN_WINDOW:
            return placed, room
        teaching -= WINDOW_STEP


def default_breaks(blocks: list[Block], window: int, settings: TimeSettings) -> list[Block]:
    """Place a break whenever teaching would run past the window, at a module boundary where one is near."""
    pause = Block("break", BREAK_MINUTES[settings.mode], "Break")
    out: list[Block] = []
    since = 0
    left = sum(b.minutes for b in blocks if b.kind not in CLOSING)
    for block in blocks:
        if block.kind in CLOSING:
            out.append(block)
            continue
        if since and since + block.minutes > window and left > LAST_STRETCH:
            at = break_boundary(out, window)
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


LEADS_IN = ("welcome", "check-in", "input", "story")
"""Blocks that lead into the next one: a break straight after them parts the opening, or an
input or story from its task."""

CLOSES = ("check", "reflection")
"""Blocks that close the module before them: a break straight before them strands them."""

PARTS_TOGETHER = 10
"""What a break costs that parts an input or story from its task, or a module from its reflection."""

INSIDE_MODULE = 3
"""What a break costs inside a module, between two of its tasks or after the opening."""


def together_breaks(blocks: list[Block], window: int, settings: TimeSettings) -> list[Block]:
    """Place breaks no more than `window` minutes of teaching apart, where they part the fewest
    things that belong together: at module boundaries (replacing the changeover) where they can,
    else between two tasks, and only as a last resort between an input and its task.

    Online, breaks come every hour, more often than modules end, so where they fall matters more
    than how late they come."""
    pause = Block("break", BREAK_MINUTES[settings.mode], "Break")
    teaching = [b for b in blocks if b.kind not in CLOSING]
    closing = blocks[len(teaching) :]
    cuts = _cuts(teaching)
    total = _minutes(teaching, 0, len(teaching))
    # best[k]: the cheapest breaks up to cut k, as (cost, sum of squared stretch minutes, cuts);
    # among equally cheap ones the most even stretches win.
    best: dict[int, tuple[int, int, tuple[int, ...]]] = {-1: (0, 0, ())}
    for k, (end, start, cost) in enumerate(cuts):
        if _minutes(teaching, start, len(teaching)) <= LAST_STRETCH:
            continue
        options = [
            _extend(best[j], cost + 1, _minutes(teaching, _start_of(cuts, j), end), k)
            for j in best
            if _fits(teaching, _start_of(cuts, j), end, window)
        ]
        if options:
            best[k] = min(options)
    closing_minutes = sum(b.minutes for b in closing if b.kind == "check-out")
    ends = [
        _extend(best[j], 0, _minutes(teaching, _start_of(cuts, j), len(teaching)), None)
        for j in best
        if _fits(teaching, _start_of(cuts, j), len(teaching), window - closing_minutes)
    ]
    if not ends:
        return default_breaks(blocks, window, settings)
    if total <= window:
        return list(blocks)
    chosen = min(ends)[2]
    out: list[Block] = []
    at = 0
    for k in chosen:
        end, start, _ = cuts[k]
        out += [*teaching[at:end], pause]
        at = start
    return out + teaching[at:] + closing


def _cuts(teaching: list[Block]) -> list[tuple[int, int, int]]:
    """Every place a break can go, as (end of the stretch before, start of the one after, cost)."""
    cuts = []
    for i in range(1, len(teaching)):
        before, after = teaching[i - 1], teaching[i]
        if after.kind == "changeover":
            cuts.append((i, i + 1, 0))
        elif before.kind == "changeover":
            continue
        elif before.kind in LEADS_IN or after.kind in CLOSES:
            cuts.append((i, i, PARTS_TOGETHER))
        else:
            cuts.append((i, i, INSIDE_MODULE))
    return cuts


def _extend(
    path: tuple[int, int, tuple[int, ...]], cost: int, stretch: int, cut: int | None
) -> tuple[int, int, tuple[int, ...]]:
    spent, evenness, cuts = path
    return spent + cost, evenness + stretch * stretch, cuts if cut is None else (*cuts, cut)


def _minutes(teaching: list[Block], start: int, end: int) -> int:
    return sum(b.minutes for b in teaching[start:end])


def _start_of(cuts: list[tuple[int, int, int]], k: int) -> int:
    return 0 if k < 0 else cuts[k][1]


def _fits(teaching: list[Block], start: int, end: int, window: int) -> bool:
    """A stretch fits when its teaching is within the window, or it is one block on its own."""
    return end - start <= 1 or _minutes(teaching, start, end) <= window


def break_boundary(out: list[Block], window: int) -> int | None:
    """Return the latest changeover since the last break that leaves half a window before it."""
    start = max((i + 1 for i, b in enumerate(out) if b.kind in ("break", "lunch")), default=0)
    before = 0
    best = None
    for i in range(start, len(out)):
        if out[i].kind == "changeover" and before >= window / 2:
            best = i
        before += out[i].minutes
    return best


def with_lunch(blocks: list[Block], length: int) -> list[Block]:
    """Turn the break nearest the middle of the part into lunch."""
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


def fixed_breaks(blocks: list[Block], breaks: tuple[BreakAt, ...]) -> list[Block]:
    """Place the breaks a session file fixes at the block boundary nearest each one's time."""
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
