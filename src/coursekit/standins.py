"""What a course says without one of its stories: every stand-in text, ready before anyone says no.

A storyteller can refuse or withdraw at any time, often days before a session. The trainer then
needs the versions written without the person in hand, not a rebuild, so the guide prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import body as body_syntax
from .plan import CoursePlan, ModuleView, module_view
from .schema import STORY_TIED


@dataclass(frozen=True)
class StandInText:
    """One piece of the course as it reads where a story is left out."""

    module: int
    kind: str
    """key message, passage of page text, question, reflection prompt, activity or material."""
    title: str
    """The activity's or material's title there ('' for the other kinds)."""
    text: str
    """What to say, show or hand out instead, as Markdown with the course's citations."""
    script: str = ""
    """For a key message: what the trainer says to teach it, when written."""
    leave_out: bool = False
    """True for text tied to the story that goes with it and has nothing in its place: text is
    then how it starts, for the trainer to find it."""


ITEM_TEXT = {"key_messages": "text", "questions": "prompt", "reflection": "text"}
ITEM_KIND = {"key_messages": "key message", "questions": "question", "reflection": "reflection prompt"}


def stand_ins(plan: CoursePlan, story_id: str) -> tuple[StandInText, ...]:
    """Everything the plan's course says in place of the story and what is tied to it, module by
    module: the items and page passages written to stand in for it, and the activities and materials
    the plan keeps as they read without it."""
    others = {s.id for view in plan.modules for s in view.stories} - {story_id}
    return tuple(text for view in plan.modules for text in _in_module(view, story_id, others))


def _in_module(view: ModuleView, story_id: str, others: set[str]) -> list[StandInText]:
    return _left_out(view, story_id) + _in_place(view, story_id, others)


def _left_out(view: ModuleView, story_id: str) -> list[StandInText]:
    found = [
        StandInText(
            view.number, ITEM_KIND[name], "", _opening(getattr(item, ITEM_TEXT[name])), leave_out=True
        )
        for name in STORY_TIED
        for item in getattr(view, name)
        if item.story == story_id
    ]
    return found + [
        StandInText(view.number, "passage of page text", "", _opening("\n".join(block.lines)), leave_out=True)
        for block in body_syntax.blocks(view.module.body)[0]
        if block.story == story_id and block.is_shown(view.audience_id)
    ]


OPENING_WORDS = 14
"""How much of a left-out text the guide quotes: enough to find it."""


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + (" ..." if len(words) > OPENING_WORDS else "")


def _in_place(view: ModuleView, story_id: str, others: set[str]) -> list[StandInText]:
    without = module_view(view.module, view.audience_id, view.number, view.digits, others)
    found = [
        StandInText(view.number, ITEM_KIND[name], "", getattr(item, ITEM_TEXT[name]), _script(item))
        for name in STORY_TIED
        for item in getattr(without, name)
        if item.instead_of == story_id
    ]
    found += [
        StandInText(view.number, "passage of page text", "", "\n".join(block.lines).strip())
        for block in body_syntax.blocks(view.module.body)[0]
        if block.instead_of == story_id and block.is_shown(view.audience_id)
    ]
    found += [
        StandInText(view.number, "activity", shown.title, shown.instructions)
        for shown in (a.without_story(others) for a in view.activities if story_id in a.story_ids)
    ]
    found += [
        StandInText(view.number, "material", shown.title, shown.text)
        for shown in (m.without_story(others) for m in view.materials if story_id in m.story_ids)
    ]
    return found


def _script(item) -> str:
    return getattr(item, "script", None) or ""
