"""Materials: every card set, sheet or sample paper an activity refers to is supplied in full.

An activity names the module's materials it uses by id (`materials:`); loading already rejects
an unknown id. This rule catches the rest: an activity whose text talks about cards, a sheet or
a sample paper but lists no material, and a material an audience's activity uses that the
module does not give that audience.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import ERROR, Problem
from .context import Context
from .text import ModuleText

SEVERITY = ERROR
"""The built-in modules supply their materials in full, so a missing one fails the check."""
MENTIONS = re.compile(
    r"(?<![\w-])(?:"
    r"(?<!blank )(?<!index )(?<!sticky )(?<!post-it )(?<!anonymous )(?<!commitment )cards(?! numbered)"
    r"|the (?:[\w'-]+ )?card"
    r"|(?<!flip chart )(?<!flipchart )(?<!blank )sheets?(?! of paper)"
    r"|worksheets?|handouts?|templates?|checklists?"
    r"|samples? [a-z]+"
    r"|(?:one-page|printed|sample|example) timelines?"
    r"|(?:trainer's|printed) list"
    r")(?![\w-])",
    re.IGNORECASE,
)
"""Words for printed material, not for stationery or what participants write: blank cards, flip chart
sheets, anonymous cards."""
WRITTEN_ON = re.compile(
    r"\b(?:write|writes|writing|written|finish|fill in|hand it in|keep the card|your card|on a card)\b",
    re.IGNORECASE,
)
"""In the same sentence as 'the card', these say it is a card participants write on: stationery."""
SENTENCE = re.compile(r"[^.!?]*[.!?]?")
FIELDS = ("instructions", "alternative", "facilitator_notes", "equipment")


def materials(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """An activity that mentions printed material lists it; each audience gets what its activities use."""
    module = doc.module
    for index, activity in enumerate(module.activities):
        if not activity.materials:
            yield from _unlisted(doc, index, activity)
    for view in ctx.views(module):
        offered = {m.id for m in view.materials}
        for activity in view.activities:
            index = next(i for i, a in enumerate(module.activities) if a.id == activity.id)
            for m_index, material_id in enumerate(activity.materials):
                if material_id not in offered:
                    yield doc.finding(
                        ("activities", index, "materials", m_index),
                        "materials",
                        SEVERITY,
                        (
                            f"{view.audience_id} gets this activity but not material {material_id!r}: add "
                            f"{view.audience_id} to that material's 'audiences', or leave its 'audiences' out"
                        ),
                    )


def _unlisted(doc: ModuleText, index: int, activity) -> Iterator[Problem]:
    for name in FIELDS:
        value = getattr(activity, name)
        texts = (
            [(name, value)]
            if isinstance(value, str)
            else [(f"{name}[{i}]", text) for i, text in enumerate(value or ())]
        )
        for field, text in texts:
            match = _printed_mention(text)
            if match:
                passage = next((p for p in doc.passages if p.field == f"activities[{index}].{field}"), None)
                message = (
                    f"mentions {match[0]!r} but the activity lists no materials: add it under the "
                    "module's 'materials' with its full content, and its id to this activity's "
                    "'materials'"
                )
                if passage is not None:
                    yield passage.finding(match.start(), "materials", SEVERITY, message)
                else:
                    yield doc.finding(("activities", index, name), "materials", SEVERITY, message)
                return


def _printed_mention(text: str) -> re.Match | None:
    """Return the first mention of printed material that is not a card to write on."""
    for match in MENTIONS.finditer(text):
        sentence = next(s for s in SENTENCE.finditer(text) if s.start() <= match.start() <= s.end())
        if not WRITTEN_ON.search(sentence[0]):
            return match
    return None
