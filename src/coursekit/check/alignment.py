"""Constructive alignment: outcomes, activities and questions point at each other, per audience."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import WARNING, Problem
from ..schema import ITEM_LISTS
from .context import Context
from .text import ModuleText

OUTCOMES_PER_VIEW = (3, 5)
MIN_QUESTIONS = 3


def alignment(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Each outcome an audience sees has a core activity and a question; each activity serves an outcome."""
    module = doc.module
    index = {item.id: i for i, item in enumerate(module.outcomes)}
    for i, activity in enumerate(module.activities):
        if not activity.outcomes:
            yield doc.finding(
                ("activities", i, "outcomes"),
                "alignment",
                WARNING,
                "activity serves no outcome: list the outcomes it helps learners reach",
            )
    for view in ctx.views(module):
        seen = {o.id for o in view.outcomes}
        core = tuple(a for a in view.activities if not a.optional)
        for outcome in view.outcomes:
            for what, items in (("activity", view.activities), ("question", view.questions)):
                if not any(outcome.id in item.outcomes for item in items):
                    yield doc.finding(
                        ("outcomes", index[outcome.id]),
                        "alignment",
                        WARNING,
                        (
                            f"{view.audience_id} sees outcome {outcome.id!r} but gets no {what} for it: "
                            f"add one, or link an existing {what} to it in its 'outcomes'"
                        ),
                    )
            served = any(outcome.id in a.outcomes for a in view.activities)
            if served and not any(outcome.id in a.outcomes for a in core):
                yield doc.finding(
                    ("outcomes", index[outcome.id]),
                    "alignment",
                    WARNING,
                    (
                        f"{view.audience_id} reaches outcome {outcome.id!r} only in optional activities, "
                        "which a plan drops first: serve it in a core activity, or drop the outcome"
                    ),
                )
        for activity in view.activities:
            if activity.outcomes and not seen & set(activity.outcomes):
                where = next(i for i, a in enumerate(module.activities) if a.id == activity.id)
                yield doc.finding(
                    ("activities", where, "outcomes"),
                    "alignment",
                    WARNING,
                    (
                        f"{view.audience_id} gets this activity but none of its outcomes "
                        f"({', '.join(activity.outcomes)}): link it to an outcome that audience sees"
                    ),
                )


def items_for_no_audience(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """An item with an empty audiences list reaches nobody: it is dead text to maintain."""
    for name in ITEM_LISTS:
        for index, item in enumerate(getattr(doc.module, name)):
            if item.audiences == ():
                yield doc.finding(
                    (name, index, "audiences"),
                    "no-audience",
                    WARNING,
                    "is empty, so no course shows this item: list the audiences it is for, or delete it",
                )


def counts(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Each audience sees 3 to 5 outcomes and at least 3 questions."""
    low, high = OUTCOMES_PER_VIEW
    for view in ctx.views(doc.module):
        where = ("audiences", view.audience_id)
        if not low <= len(view.outcomes) <= high:
            yield doc.finding(
                where,
                "outcome-count",
                WARNING,
                (
                    f"{view.audience_id} sees {len(view.outcomes)} outcomes: give each audience {low} to {high}"
                ),
            )
        if len(view.questions) < MIN_QUESTIONS:
            yield doc.finding(
                where,
                "question-count",
                WARNING,
                (
                    f"{view.audience_id} gets {len(view.questions)} knowledge-check questions: "
                    f"give each audience at least {MIN_QUESTIONS}"
                ),
            )


def answer_length_cue(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """The right answer is not given away by being the longest option in most of an audience's questions."""
    for view in ctx.views(doc.module):
        asked = [q for q in view.questions if len(q.options) > 2]
        cued = [q for q in asked if _longest_is_right(q)]
        if len(asked) >= MIN_QUESTIONS and len(cued) * 2 > len(asked):
            yield doc.finding(
                ("audiences", view.audience_id),
                "answer-length-cue",
                WARNING,
                (
                    f"for {view.audience_id}, the right answer is the longest option in {len(cued)} of "
                    f"{len(asked)} questions, so it can be guessed from its length: make the wrong answers as "
                    "full and as plausible as the right one"
                ),
            )


def _longest_is_right(question) -> bool:
    right = next(o for o in question.options if o.correct)
    return all(len(right.text) > len(o.text) for o in question.options if o is not right)
