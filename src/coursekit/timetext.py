"""Times and dates as people say them: one way of writing each for every output."""

from __future__ import annotations


def duration(minutes: int) -> str:
    """Return minutes as '45 minutes', '1 hour' or '2 hours 30 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def short_duration(minutes: int) -> str:
    """Return minutes as '45 min', '1 h' or '2 h 30 min', for slides and tables."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def breaks_note(timeline) -> str:
    """'breaks included' when the plan has a break or lunch; 'no break needed' for a short session."""
    return "breaks included" if timeline.has_breaks else "no break needed"


def long_date(date) -> str:
    """Return a date as '30 November 2026'."""
    return f"{date.day} {date:%B %Y}"
