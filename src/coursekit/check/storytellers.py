"""Consent reaches every mention: a storyteller is named only in text that goes where their story goes.

A build leaves a story out of any output its consent does not cover. Text elsewhere that names the
storyteller ("as Lee found…") would stay behind and tell part of the story anyway, so it must go with
the story: a key message, question or reflection tied with ``story: <id>`` (and an ``instead_of`` twin
where its point must stay), a ``::: story <id>`` body block, or an activity or material with
``story: <id>`` and ``if_withheld`` (what it says without the story). Any other field says it without
the person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .. import body as body_syntax
from ..errors import WARNING, Problem
from ..schema import STORY_TIED, STORY_USING
from .context import Context
from .text import AudienceText, ModuleText, Passage

IMPERATIVE_NEXT = frozenset(
    [
        "the",
        "a",
        "an",
        "any",
        "each",
        "every",
        "your",
        "their",
        "it",
        "its",
        "where",
        "which",
        "what",
        "who",
        "how",
        "one",
        "two",
        "three",
        "all",
        "up",
    ]
)
"""Words after a sentence-opening name that make it a verb ("Mark the stage"), not a person."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*+]|\d+[.)])?\s*)$")


def named_outside_story(doc: ModuleText | AudienceText, ctx: Context) -> Iterator[Problem]:
    """Report every storyteller's name in text that does not go with one of their stories."""
    yield from _outside_story(
        doc, ctx, ctx.stories_by_teller, "storyteller-named", mentions, lambda name: (name, "their stories")
    )


def titled_outside_story(doc: ModuleText | AudienceText, ctx: Context) -> Iterator[Problem]:
    """Report a story's title in text that does not go with the story: 'read "A blank page" first'
    points to the story as surely as its teller's name, and stays behind where the story is left out."""
    yield from _outside_story(
        doc,
        ctx,
        ctx.stories_by_title,
        "story-title-named",
        _title_mentions,
        lambda title: (f"the story '{title}'", "it"),
    )


def _title_mentions(text: str, titles) -> Iterator[re.Match]:
    return _title_pattern(frozenset(titles)).finditer(text)


@functools.lru_cache(maxsize=8)
def _title_pattern(titles: frozenset[str]) -> re.Pattern:
    return re.compile(r"(" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) + r")")


def _outside_story(
    doc, ctx: Context, table: dict[str, list[str]], rule: str, find, said
) -> Iterator[Problem]:
    """Report each mention (found by `find` from the table's keys) in text that goes with none of
    the mentioned key's stories; `said` gives the key as the message names it, and what it is outside."""
    if not table:
        return
    own = set() if isinstance(doc, AudienceText) else {s.id for s in doc.module.stories}
    for passage in doc.passages:
        if passage.field.startswith("stories["):
            continue
        for match in find(passage.text, table):
            stories = sorted(table[match[1]], key=lambda story_id: story_id not in own)
            if not set(passage.stories) & set(stories):
                message = _message(*said(match[1]), stories, passage)
                yield passage.finding(match.start(), rule, WARNING, message)
                break


def mentions(text: str, names) -> Iterator[re.Match]:
    """Yield each mention of one of the names in the text (match[1] is the name), leaving out a
    name that opens a sentence as a verb."""
    return (m for m in _pattern(frozenset(names)).finditer(text) if not _is_verb(text, m))


@functools.lru_cache(maxsize=8)
def _pattern(names: frozenset[str]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b(?:\W+(\w+))?")


def _is_verb(text: str, match: re.Match) -> bool:
    return bool(_SENTENCE_START.search(text[: match.start()])) and (match[2] or "") in IMPERATIVE_NEXT


def _message(name: str, outside: str, stories: list[str], passage: Passage) -> str:
    listed = ", ".join(stories[:3]) + (f" and {len(stories) - 3} more" if len(stories) > 3 else "")
    head = passage.field.split("[")[0].split(".")[0]
    leaves = f"names {name} outside {outside} ({listed}): where consent leaves the story out, this would still tell part of it"
    if passage.path.startswith("audiences") or head not in (*STORY_TIED, *STORY_USING, "body"):
        return f"{leaves}. This field cannot go with a story: say it without the person"
    if ".if_withheld." in passage.field:
        return f"names {name} in what it says where the story is left out: say it without the person"
    if head in STORY_USING:
        return (
            f"{leaves}. Give the {'activity' if head == 'activities' else 'material'} 'story: <id>' "
            "and an 'if_withheld' with its text without the person"
        )
    where = "a '::: story <id>' block" if head == "body" else "'story: <id>'"
    return (
        f"{leaves}. Tie it to the story it retells with {where} and, if its point must stay, add an "
        "'instead_of' version without the person"
    )


def tied_stories_told(ctx: Context) -> Iterator[Problem]:
    """An item or body block tied to a story shows only in courses that tell that story: report each
    course where it never shows because its story is not in it."""
    for audience in ctx.project.audiences:
        views = ctx.course(audience.id)
        told = {s.id for view in views for s in view.stories}
        for view in views:
            yield from _untold(view, told, audience.id, ctx)


def _untold(view, told: set[str], audience_id: str, ctx: Context) -> Iterator[Problem]:
    doc = ctx.project.file(view.module.path)
    for name in STORY_TIED:
        for item in getattr(view, name):
            if item.story and item.story not in told:
                index = getattr(view.module, name).index(item)
                yield Problem(
                    view.module.path,
                    doc.line((name, index, "story")),
                    f"{name}[{index}].story",
                    _untold_message(item.story, audience_id),
                    "tied-story-not-told",
                    WARNING,
                )
    for block in body_syntax.blocks(view.module.body)[0]:
        if block.story and block.story not in told and block.is_shown(audience_id):
            yield Problem(
                view.module.path,
                view.module.body_line + block.start - 1,
                "body",
                _untold_message(block.story, audience_id),
                "tied-story-not-told",
                WARNING,
            )


def _untold_message(story_id: str, audience_id: str) -> str:
    return (
        f"is tied to story {story_id!r}, which the {audience_id!r} course does not tell, so it never "
        "shows there: tie it to a story that course tells, limit it to other audiences, or give it an "
        "'instead_of' version"
    )
