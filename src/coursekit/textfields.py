"""Every text field of a loaded item, with who sees it: read from the `Shown` marks on the schema.

The planner, the checker and the renderers all ask this module which text a learner or a
trainer sees, so the answer is written once, on the schema.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .schema import ForAudiences, Option, Seen, Shown

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class TextField:
    """One text value of an item, where it is and who sees it."""

    loc: Loc
    """Key path inside the file, such as ``("activities", 2, "instructions")``."""
    text: str
    shown: Shown
    audiences: tuple[str, ...] | None
    """Audiences whose course includes it; None for every audience of the module."""

    @property
    def learners_see(self) -> bool:
        return self.shown.seen is not Seen.TRAINER

    @property
    def asserts(self) -> bool:
        return self.shown.asserts


def text_fields(
    item: BaseModel, loc: Loc = (), audiences: tuple[str, ...] | None = None
) -> Iterator[TextField]:
    """Yield every marked text field of item and of the items inside it, in schema order."""
    if isinstance(item, ForAudiences) and item.audiences is not None:
        audiences = item.audiences
    for name, marks in _marked_fields(type(item)).items():
        value = getattr(item, name)
        yield from _values(value, marks, (*loc, name), audiences, item)


def _values(value, shown: Shown | None, loc: Loc, audiences, parent) -> Iterator[TextField]:
    if value is None:
        return
    if isinstance(value, str):
        if shown is not None:
            yield TextField(loc, value, _for_answer(shown, parent, loc), audiences)
    elif isinstance(value, BaseModel):
        yield from text_fields(value, loc, audiences)
    elif isinstance(value, tuple):
        for index, entry in enumerate(value):
            yield from _values(entry, shown, (*loc, index), audiences, parent)
    elif isinstance(value, dict):
        for key, entry in value.items():
            own = (key,) if isinstance(entry, BaseModel) and loc[-1:] == ("audiences",) else audiences
            yield from _values(entry, shown, (*loc, key), own, parent)


def _for_answer(shown: Shown, parent, loc: Loc) -> Shown:
    # A wrong answer states no fact: only the right answer's text is held to the claims rules.
    if isinstance(parent, Option) and loc[-1] == "text" and not parent.correct:
        return Shown(shown.seen, shown.prose, asserts=False)
    return shown


@functools.cache
def _marked_fields(model: type[BaseModel]) -> dict[str, Shown | None]:
    """Return each field that can hold text or items, with its Shown mark (None for containers)."""
    fields: dict[str, Shown | None] = {}
    for name, info in model.model_fields.items():
        mark = next((m for m in info.metadata if isinstance(m, Shown)), None) or _mark_in(info.annotation)
        if mark is not None or _holds_models(info.annotation):
            fields[name] = mark
    return fields


def _mark_in(annotation) -> Shown | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Shown):
            return meta
    for arg in typing.get_args(annotation):
        found = _mark_in(arg)
        if found is not None:
            return found
    return None


def _holds_models(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = typing.get_origin(annotation)
    if origin in (tuple, dict, typing.Union, types.UnionType):
        return any(_holds_models(arg) for arg in typing.get_args(annotation))
    return False


def replaced(value, loc: Loc, new):
    """Return value (a model, tuple or dict) with the text at loc replaced by new, rebuilt by copying."""
    if not loc:
        return new
    head, rest = loc[0], loc[1:]
    if isinstance(value, BaseModel):
        return value.model_copy(update={head: replaced(getattr(value, head), rest, new)})
    if isinstance(value, tuple):
        return (*value[:head], replaced(value[head], rest, new), *value[head + 1 :])
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, new)}
    raise TypeError(f"cannot set {loc!r} in {type(value).__name__}")
