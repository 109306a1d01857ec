"""Local-context slots: `{{ slot-name }}` in module text, filled per session. Pure: no I/O.

Any text of a module (body, instructions, notes, titles...) may say ``{{ area }}`` or
``{{ local-group }}``: a name in lower case with hyphens, between double braces (spaces inside
the braces are optional). Every course has the slots `organisation`, `area` and `support`; a
module declares any others under `slots`, with a line saying what to fill in.

Planning fills each slot from the session's `local` values, then from the organisation's
defaults, and otherwise with a visible placeholder such as "[your area]", never a silent gap.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from pydantic import BaseModel

from .model import Project
from .plan import CoursePlan, ModuleView, build_plan
from .schema import ITEM_LISTS, Module
from .textfields import replaced, text_fields

SLOT = re.compile(r"\{\{(?P<inside>[^{}\n]*)\}\}")
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COURSE_SLOTS: dict[str, str] = {
    "organisation": "the organisation the session is for, such as 'Northtown Council housing team'",
    "area": "the place the participants work in, such as 'Northtown'",
    "support": "where participants can get help after the session, such as 'your employee assistance "
    "programme on 0800 000 000'",
}
"""Slots every course has, with what to fill in."""
PLACEHOLDERS = {"support": "[where to get support locally]"}


def slot_names(text: str) -> list[tuple[int, str]]:
    """Return (offset, name) of every `{{ ... }}` in the text; a bad name is returned as written."""
    return [(m.start(), m["inside"].strip()) for m in SLOT.finditer(text)]


def is_slot_name(name: str) -> bool:
    return bool(NAME.match(name))


def placeholder(name: str) -> str:
    """Return the visible text an empty slot gets, such as '[your area]'."""
    return PLACEHOLDERS.get(name, f"[your {name.replace('-', ' ')}]")


def declared(modules: Iterable[Module]) -> dict[str, str]:
    """Return every slot the modules may use: the course slots and each module's own, with descriptions."""
    slots = dict(COURSE_SLOTS)
    for module in modules:
        for name, description in module.slots.items():
            slots.setdefault(name, description)
    return slots


def used(plan: CoursePlan) -> set[str]:
    """Return the name of every slot the plan's text uses."""
    return {name for text in _plan_texts(plan) for _, name in slot_names(text)}


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace every slot in the text with its value, or its placeholder when it has none."""
    return SLOT.sub(lambda m: values.get(m["inside"].strip()) or placeholder(m["inside"].strip()), text)


def default_course(
    project: Project, audience_id: str, outputs: tuple[str, ...] = ("site", "slides")
) -> CoursePlan:
    """Plan an audience's default course with its slots filled: the organisation's values first,
    then the audience's own, then visible placeholders. What build and check both plan."""
    audience = project.audience(audience_id)
    return fill_plan(build_plan(project, audience_id, outputs), {**audience.local, **project.local})


def fill_plan(plan: CoursePlan, values: Mapping[str, str]) -> CoursePlan:
    """Return the plan with every slot in every text field filled (placeholders for empty ones)."""
    views = tuple(_fill_view(view, values) for view in plan.modules)
    return dataclasses.replace(
        plan,
        audience=fill_item(plan.audience, values),
        modules=views,
        glossary=tuple(fill_item(term, values) for term in plan.glossary),
    )


def fill_item(item: BaseModel, values: Mapping[str, str]) -> BaseModel:
    """Return the item with its marked text fields filled, rebuilt with model_copy."""
    for found in text_fields(item):
        if SLOT.search(found.text):
            item = replaced(item, found.loc, fill(found.text, values))
    return item


def _fill_view(view: ModuleView, values: Mapping[str, str]) -> ModuleView:
    def each(items):
        return tuple(fill_item(item, values) for item in items)

    return dataclasses.replace(
        view,
        module=fill_item(view.module, values).model_copy(update={"body": fill(view.module.body, values)}),
        focus=fill(view.focus, values),
        body=fill(view.body, values),
        **{name: each(getattr(view, name)) for name in ITEM_LISTS},
    )


def _plan_texts(plan: CoursePlan) -> Iterable[str]:
    yield from (f.text for f in text_fields(plan.audience))
    for view in plan.modules:
        yield view.body
        yield view.focus
        yield from (
            f.text for f in text_fields(view.module) if f.audiences is None or view.audience_id in f.audiences
        )
    for term in plan.glossary:
        yield from (f.text for f in text_fields(term))
