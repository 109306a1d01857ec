"""Suggest the name a user probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice closest to word, if any is close enough."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return '; did you mean 'x'?' for the closest choice, or an empty string."""
    match = closest(word, choices)
    return f"; did you mean {match!r}?" if match else ""
