"""The text of a module, cut into passages that know their file line, field and audiences."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .. import body as body_syntax
from .. import readability
from ..errors import Problem
from ..model import Project
from ..schema import ITEM_LISTS, Audience, Module, Seen, Shown
from ..textfields import text_fields
from ..yamlfile import Loc, dotted, line_of

LEARNER = "learner"
"""Running text a learner reads: readability is scored on it."""
SHOWN = "shown"
"""Also shown to learners: titles, alternatives, content notes, credits, glossary definitions."""
TRAINER = "trainer"
"""Seen by trainers only: facilitator notes, materials, co-delivery, audience focus."""

_KEY = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:(?=\s|$))?\s*(?:[|>][-+0-9]*\s*$)?")
_ITEM = re.compile(r"^\s*-\s+(?:[|>][-+0-9]*\s*$)?")
"""What comes before a value on its first line: a key (or a list dash) and any block indicator."""
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![\w'])'(?:[^']|'\w)*'(?![\w])", re.DOTALL)


@dataclass(frozen=True)
class Passage:
    """One piece of a module's text: a front-matter field, or a paragraph or list item of the body."""

    path: str
    field: str
    """Dotted field, such as ``activities[2].instructions``, or ``body``."""
    line: int
    """Line of the field's key, or of the body unit's first line."""
    text: str
    audiences: tuple[str, ...] | None
    """Audiences that see it; None for every audience of the module."""
    role: str
    """LEARNER, SHOWN or TRAINER."""
    kind: str = "field"
    """``field``, or for the body: paragraph, item, heading, quote or row."""
    asserts: bool = True
    """False for text that states no facts: outcomes, questions, wrong answers, reflection prompts."""
    stories: tuple[str, ...] = ()
    """The stories the text belongs or is tied to: a story's own fields, or an item or body block
    with 'story:' (shown only where that story is; an activity or material may use several)."""
    file_lines: tuple[str, ...] = dataclasses.field(default=(), repr=False, compare=False)
    """The file's lines, to find the line of a word inside a wrapped YAML value."""

    def is_for(self, audience_id: str) -> bool:
        """Return True if this audience sees the passage."""
        return self.audiences is None or audience_id in self.audiences

    def line_at(self, index: int) -> int:
        """Return the file line of the character at `index` of the text."""
        if self.kind != "field":
            return self.line + self.text.count("\n", 0, index)
        target, seen = len(self.text[:index].split()), 0
        for number in range(self.line, len(self.file_lines) + 1):
            content = self.file_lines[number - 1]
            if number == self.line:
                content = (_ITEM if self.field.endswith("]") else _KEY).sub("", content, count=1)
            words = content.split()
            if seen + len(words) > target:
                return number
            seen += len(words)
        return self.line

    def quoted(self, start: int, end: int) -> bool:
        """Return True if text[start:end] sits inside quotation marks: a mention, not a use."""
        return any(m.start() < start and end <= m.end() for m in _QUOTED.finditer(self.text))

    def finding(self, index: int, rule: str, severity: str, message: str) -> Problem:
        """Return a finding about the text at `index` of this passage."""
        return Problem(self.path, self.line_at(index), self.field, message, rule, severity)


@dataclass(frozen=True)
class Document:
    """A checked file: its passages and the line of every field."""

    path: str
    passages: tuple[Passage, ...]
    lines: dict[Loc, int]

    def line(self, *loc: str | int) -> int | None:
        """Return the line of a field (or of its nearest known parent)."""
        return line_of(self.lines, loc)

    def passage(self, *loc: str | int) -> Passage:
        """Return the passage of a field."""
        return next(p for p in self.passages if p.field == dotted(loc))

    def finding(self, loc: tuple, rule: str, severity: str, message: str) -> Problem:
        """Return a finding about a field."""
        return Problem(self.path, self.line(*loc), dotted(loc) or None, message, rule, severity)


@dataclass(frozen=True)
class ModuleText(Document):
    """A module with its passages and the line of every front-matter field."""

    module: Module | None = None

    @property
    def glossary_terms(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.module.glossary)

    @property
    def glossary_definitions(self) -> tuple[str, ...]:
        return tuple(t.definition for t in self.module.glossary)


@dataclass(frozen=True)
class AudienceText(Document):
    """An audience file with its passages; its text is read before any module of its course."""

    audience: Audience | None = None
    glossary_terms: tuple[str, ...] = ()
    """The terms of its course's glossary (every glossary of its modules)."""
    glossary_definitions: tuple[str, ...] = ()


def read_module(module: Module, project: Project) -> ModuleText:
    """Cut a loaded module's text into passages that know their line, field, audiences and role."""
    where = project.file(module.path)
    fields = [
        Passage(
            module.path,
            dotted(f.loc),
            where.line(f.loc) or 1,
            f.text,
            f.audiences,
            _role(f.shown),
            asserts=f.asserts,
            stories=_tie(module, f.loc),
            file_lines=where.text_lines,
        )
        for f in text_fields(module)
    ]
    return ModuleText(module.path, tuple(fields) + _body(module), dict(where.lines), module)


def read_audience(audience: Audience, project: Project) -> AudienceText:
    """Cut an audience file's text into passages that know their line, field and role."""
    where = project.file(audience.path)
    fields = tuple(
        Passage(
            audience.path,
            dotted(f.loc),
            where.line(f.loc) or 1,
            f.text,
            (audience.id,),
            _role(f.shown),
            asserts=f.asserts,
            file_lines=where.text_lines,
        )
        for f in text_fields(audience)
    )
    entries = [t for m in audience.modules for t in project.module(m).glossary]
    return AudienceText(
        audience.path,
        fields,
        dict(where.lines),
        audience,
        tuple(t.term for t in entries),
        tuple(t.definition for t in entries),
    )


def _tie(module: Module, loc: Loc) -> tuple[str, ...]:
    """The stories a field's text goes with: a story's own, or those its item is tied to or uses."""
    if len(loc) < 2 or loc[0] not in ITEM_LISTS:
        return ()
    item = getattr(module, loc[0])[loc[1]]
    if loc[0] == "stories":
        return (item.id,)
    # What an activity or material says where its story is left out goes with no story.
    if loc[2:3] == ("if_withheld",):
        return ()
    return getattr(item, "story_ids", ())


def _role(shown: Shown) -> str:
    if shown.seen is Seen.TRAINER:
        return TRAINER
    return LEARNER if shown.prose else SHOWN


def _body(module: Module) -> tuple[Passage, ...]:
    passages = []
    for block in body_syntax.blocks(module.body)[0]:
        for unit in readability.units("\n".join(block.lines)):
            passages.append(
                Passage(
                    module.path,
                    "body",
                    module.body_line + block.start + unit.offset,
                    unit.text,
                    block.audiences,
                    LEARNER,
                    unit.kind,
                    stories=(block.story,) if block.story else (),
                )
            )
    return tuple(passages)
