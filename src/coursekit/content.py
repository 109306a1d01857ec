"""Where the built-in co-production course lives."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent / "course"
_CHECKOUT = Path(__file__).resolve().parents[2]


def builtin_root() -> Path:
    """Return the folder holding the built-in course's modules, audiences and settings."""
    if (_PACKAGED / "modules").is_dir():
        return _PACKAGED
    # An editable install runs from the source tree, where the course sits at the top level.
    return _CHECKOUT
