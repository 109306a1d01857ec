"""Durations are written one way everywhere."""

from __future__ import annotations

import pytest

from coursekit.timetext import duration, short_duration


@pytest.mark.parametrize(
    ("minutes", "long", "short"),
    [
        (1, "1 minute", "1 min"),
        (45, "45 minutes", "45 min"),
        (60, "1 hour", "1 h"),
        (90, "1 hour 30 minutes", "1 h 30 min"),
        (390, "6 hours 30 minutes", "6 h 30 min"),
    ],
)
def test_durations(minutes, long, short):
    assert duration(minutes) == long
    assert short_duration(minutes) == short
