"""The text of a module, cut into passages that know their file line, field and audiences."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import body as body_syntax
from .. import readability, yamlfile
from ..schema import Module
from ..yamlfile import Loc, dotted, line_of, parse_front_matter
from .model import Finding

LEARNER = "learner"
"""Text in plan.learner_text: what a learner reads and readability is scored on."""
SHOWN = "shown"
"""Also shown to learners: titles, alternatives, content notes, credits, glossary definitions."""
TRAINER = "trainer"
"""Seen by trainers only: facilitator notes, materials, co-delivery, audience focus."""

_KEY = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:(?=\s|$))?\s*(?:[|>][-+0-9]*\s*$)?")
_ITEM = re.compile(r"^\s*-\s+(?:[|>][-+0-9]*\s*$)?")
"""What comes before a value on its first line: a key (or a list dash) and any block indicator."""
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![\w'])'(?:[^']|'\w)*'(?![\w])", re.S)


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

    def finding(self, index: int, rule: str, severity: str, message: str) -> Finding:
        """Return a finding about the text at `index` of this passage."""
        return Finding(self.path, self.line_at(index), self.field, rule, severity, message)


@dataclass(frozen=True)
class ModuleText:
    """A module with its passages and the line of every front-matter field."""

    module: Module
    passages: tuple[Passage, ...]
    lines: dict[Loc, int]

    @property
    def path(self) -> str:
        return self.module.path

    def line(self, *loc: str | int) -> int | None:
        """Return the line of a front-matter field (or of its nearest known parent)."""
        return line_of(self.lines, loc)

    def passage(self, *loc: str | int) -> Passage:
        """Return the passage of a front-matter field."""
        return next(p for p in self.passages if p.field == dotted(loc))

    def finding(self, loc: tuple, rule: str, severity: str, message: str) -> Finding:
        """Return a finding about a front-matter field."""
        return Finding(self.path, self.line(*loc), dotted(loc) or None, rule, severity, message)


def read_module(module: Module, root: Path) -> ModuleText:
    """Re-read a loaded module's file for line numbers and cut its text into passages."""
    text = (root / module.path).read_text(encoding="utf-8-sig")
    lines = _front_matter_lines(text, module.path)
    file_lines = tuple(text.splitlines())
    fields = [Passage(module.path, dotted(loc), line_of(lines, loc) or 1, value, audiences, role,
                      asserts=_asserts(loc, module), file_lines=file_lines)
              for loc, value, audiences, role in _fields(module)]
    return ModuleText(module, tuple(fields) + _body(module), lines)


def _front_matter_lines(text: str, shown: str) -> dict[Loc, int]:
    """Map each front-matter field to its line, as the loader does, with libyaml when installed.

    The file has already loaded, so only the line map is needed; libyaml builds it about 30
    times faster than the pure-Python parser.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return parse_front_matter(text, shown).lines
    lines = text.splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    return yamlfile.line_map("".join(lines[1:end]), shown, first_line=2)


def _asserts(loc: tuple, module: Module) -> bool:
    if loc[0] in ("outcomes", "reflection") or loc[-1] in ("prompt", "title"):
        return False
    if loc[0] == "questions" and loc[-1] == "text":
        return module.questions[loc[1]].options[loc[3]].correct
    return True


def _body(module: Module) -> tuple[Passage, ...]:
    passages = []
    for block in body_syntax.blocks(module.body)[0]:
        for unit in readability.units("\n".join(block.lines)):
            passages.append(Passage(module.path, "body", module.body_line + block.start + unit.offset,
                                    unit.text, block.audiences, LEARNER, unit.kind))
    return tuple(passages)


def _fields(module: Module):
    """Yield (loc, text, audiences, role) for every text field of the front matter."""
    yield ("title",), module.title, None, SHOWN
    yield ("summary",), module.summary, None, LEARNER
    for audience_id, use in module.audiences.items():
        yield ("audiences", audience_id, "focus"), use.focus, (audience_id,), TRAINER
    for name in ("outcomes", "key_messages", "reflection"):
        for i, item in enumerate(getattr(module, name)):
            yield (name, i, "text"), item.text, item.audiences, LEARNER
    for i, activity in enumerate(module.activities):
        yield from _activity(i, activity)
    for i, story in enumerate(module.stories):
        yield from _story(i, story)
    for i, question in enumerate(module.questions):
        yield ("questions", i, "prompt"), question.prompt, question.audiences, LEARNER
        for j, option in enumerate(question.options):
            yield ("questions", i, "options", j, "text"), option.text, question.audiences, LEARNER
            yield ("questions", i, "options", j, "feedback"), option.feedback, question.audiences, LEARNER
    for i, term in enumerate(module.glossary):
        yield ("glossary", i, "definition"), term.definition, None, SHOWN
    for i, note in enumerate(module.content_notes):
        yield from _note(("content_notes", i), note, None)
    if module.co_delivery:
        yield ("co_delivery",), module.co_delivery, None, TRAINER


def _activity(i: int, activity):
    where, audiences = ("activities", i), activity.audiences
    yield where + ("title",), activity.title, audiences, SHOWN
    yield where + ("instructions",), activity.instructions, audiences, LEARNER
    if activity.alternative:
        yield where + ("alternative",), activity.alternative, audiences, SHOWN
    yield where + ("facilitator_notes",), activity.facilitator_notes, audiences, TRAINER
    for j, material in enumerate(activity.materials):
        yield where + ("materials", j), material, audiences, TRAINER


def _story(i: int, story):
    where, audiences = ("stories", i), story.audiences
    yield where + ("title",), story.title, audiences, SHOWN
    yield where + ("storyteller",), story.storyteller, audiences, SHOWN
    yield where + ("attribution",), story.attribution, audiences, SHOWN
    yield where + ("text",), story.text, audiences, LEARNER
    if story.content_note:
        yield from _note(where + ("content_note",), story.content_note, audiences)


def _note(where: tuple, note, audiences):
    for part in ("about", "choice", "support"):
        yield where + (part,), getattr(note, part), audiences, SHOWN
