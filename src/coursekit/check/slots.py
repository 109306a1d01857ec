"""Rule `slots`: every `{{ slot }}` in a module names a slot the course has."""

from __future__ import annotations

from collections.abc import Iterator

from .. import slots as slot_syntax
from ..errors import ERROR, Problem
from ..suggest import did_you_mean
from .context import Context
from .text import ModuleText


def unknown_slots(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """A slot used in text is one of organisation, area, support or the module's own `slots`."""
    known = slot_syntax.declared([doc.module])
    for passage in doc.passages:
        for offset, name in slot_syntax.slot_names(passage.text):
            if not slot_syntax.is_slot_name(name):
                yield passage.finding(
                    offset,
                    "slots",
                    ERROR,
                    (
                        f"'{{{{{name}}}}}' is not a slot: write a slot name in lower case with hyphens, "
                        "such as {{ area }}"
                    ),
                )
            elif name not in known:
                yield passage.finding(
                    offset,
                    "slots",
                    ERROR,
                    (
                        f"unknown slot {name!r}: use one of {', '.join(sorted(known))}, or declare it under "
                        f"'slots' with what to fill in{did_you_mean(name, known)}"
                    ),
                )
