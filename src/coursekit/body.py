"""The module body: audience-only and story-tied blocks, and source citations. Pure functions, no I/O.

A body is Markdown. Two additions. Blocks:

    ::: only commissioners senior-leaders
    Text for these audiences only.
    :::

    ::: story lee-pods
    Text that retells part of a story: shown only where that story is.
    :::

    ::: instead-of lee-pods
    The same point without the story: shown only where that story is not.
    :::

(clauses combine on one line: ``::: only staff story lee-pods``), and citations of sources by id,
written ``[@scie-guide-51]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

OPEN = re.compile(r"^:::\s*(?P<clauses>(?:only|story|instead-of)\b.*?)\s*$")
CLOSE = re.compile(r"^:::\s*$")
CITATION = re.compile(r"\[@(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\]")
SPACED_CITATION = re.compile(r"[ \t]*" + CITATION.pattern)
"""A citation with the spaces before it: what goes when a citation is taken out or numbered."""
FENCE = re.compile(r"^\s*(```|~~~)")
"""A line that opens or closes a fenced code block: nothing inside one is coursekit syntax."""
MAX_INDENT = 80
"""The deepest indentation of a body line, in columns (a tab counts 4): 20 levels of nested lists.
Python-Markdown recurses once per level, so a few hundred levels end in a RecursionError."""
KEYWORDS = ("only", "story", "instead-of")


@dataclass(frozen=True)
class BodyIssue:
    """Something wrong in a body, at an offset from the body's first line (0-based)."""

    offset: int
    message: str


@dataclass(frozen=True)
class Opener:
    """What a '::: ...' line limits its block to."""

    audiences: tuple[str, ...] | None = None
    story: str | None = None
    instead_of: str | None = None

    def marker(self) -> str:
        """The '::: ...' line that opens a block like this one."""
        clauses = [f"only {' '.join(self.audiences)}"] if self.audiences else []
        clauses += [f"story {self.story}"] if self.story else []
        clauses += [f"instead-of {self.instead_of}"] if self.instead_of else []
        return "::: " + " ".join(clauses)


@dataclass(frozen=True)
class Block:
    """A run of body lines, for every audience (audiences=None) or for some, and perhaps tied to a
    story: shown only where it is (story) or only where it is not (instead_of)."""

    start: int
    lines: tuple[str, ...]
    audiences: tuple[str, ...] | None
    story: str | None = None
    instead_of: str | None = None

    def is_shown(self, audience_id: str, stories: set[str] | None = None) -> bool:
        """Return True if the block belongs in this audience's course, given the stories it shows
        (None: every block of the audience, whatever it is tied to)."""
        if self.audiences is not None and audience_id not in self.audiences:
            return False
        return stories is None or shown_with(self.story, self.instead_of, stories)


def shown_with(story: str | None, instead_of: str | None, stories: set[str]) -> bool:
    """Return True if text tied to `story`, or standing in for `instead_of`, belongs where these
    stories are shown (the one rule for body blocks and items alike)."""
    return (story is None or story in stories) and (instead_of is None or instead_of not in stories)


def parse_opener(clauses: str) -> Opener | str:
    """Return what an opening line's clauses say, or a message saying what is wrong with them."""
    found: dict[str, list[str]] = {}
    keyword = None
    for word in clauses.split():
        if word in KEYWORDS:
            if word in found:
                return f"'{word}' appears twice in one '::: ' line"
            keyword, found[word] = word, []
        else:
            found[keyword].append(word)
    empty = next((k for k, ids in found.items() if not ids), None)
    if empty:
        return f"'{empty}' needs {'an audience id' if empty == 'only' else 'a story id'} after it"
    several = next((k for k in ("story", "instead-of") if len(found.get(k, ())) > 1), None)
    if several:
        return f"'{several}' takes one story id; open a block for each story"
    if "story" in found and "instead-of" in found:
        return "a block is either 'story' or 'instead-of', not both"
    return Opener(
        tuple(found["only"]) if "only" in found else None,
        found.get("story", [None])[0],
        found.get("instead-of", [None])[0],
    )


def blocks(body: str) -> tuple[list[Block], list[BodyIssue]]:
    """Split a body into shared and limited blocks, reporting marker mistakes and deep nesting."""
    result: list[Block] = []
    issues: list[BodyIssue] = []
    current: list[str] = []
    start, opener, opened_at, fenced = 0, None, None, False
    too_deep = next(
        (offset for offset, line in enumerate(body.splitlines()) if _indent(line) > MAX_INDENT), None
    )
    if too_deep is not None:
        issues.append(
            BodyIssue(
                too_deep,
                f"is indented more than {MAX_INDENT} columns; Markdown can nest lists "
                f"at most {MAX_INDENT // 4} levels deep: indent it less",
            )
        )
    for offset, line in enumerate(body.splitlines()):
        fenced = fenced != bool(FENCE.match(line))
        opening, closing = OPEN.match(line), CLOSE.match(line)
        parsed = parse_opener(opening["clauses"]) if opening else None
        if fenced or FENCE.match(line):
            current.append(line)
        elif isinstance(parsed, str):
            issues.append(BodyIssue(offset, f"{parsed}; for example '::: only staff story lee-pods'"))
        elif opening and opener is not None:
            issues.append(
                BodyIssue(
                    offset,
                    "'::: ' blocks cannot be nested; close the one "
                    f"opened on the line {opened_at + 1} of the body first",
                )
            )
        elif opening or (closing and opener is not None):
            result.append(_block(start, current, opener))
            current, start = [], offset + 1
            opener = parsed
            opened_at = offset if opening else None
        elif closing:
            issues.append(
                BodyIssue(offset, "':::' closes nothing; remove it or add '::: only <audience>' above")
            )
        elif line.startswith(":::"):
            issues.append(
                BodyIssue(
                    offset,
                    f"unknown block marker {line.strip()!r}; write '::: only <audience-id> ...', "
                    "'::: story <story-id>' or '::: instead-of <story-id>' and close with ':::'",
                )
            )
        else:
            current.append(line)
    if opener is not None:
        marker = body.splitlines()[opened_at].strip()
        issues.append(BodyIssue(opened_at, f"'{marker}' block is never closed; add a line ':::' after it"))
    result.append(_block(start, current, opener))
    return [b for b in result if b.lines], issues


def _block(start: int, lines: list[str], opener: Opener | None) -> Block:
    opener = opener or Opener()
    return Block(start, tuple(lines), opener.audiences, opener.story, opener.instead_of)


def _indent(line: str) -> int:
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def for_audience(body: str, audience_id: str, stories: Iterable[str] | None = None) -> str:
    """Return the body as one audience sees it: shared blocks plus their own; given the stories their
    course shows, only the blocks tied to those and the instead-of blocks of the others."""
    shown = None if stories is None else set(stories)
    kept = [b.lines for b in blocks(body)[0] if b.is_shown(audience_id, shown)]
    return "\n".join(line for lines in kept for line in lines).strip() + "\n"


def story_ids(body: str) -> set[str]:
    """Return the ids of every story a body's blocks are tied to."""
    return {s for b in blocks(body)[0] for s in (b.story, b.instead_of) if s}


def citations(text: str) -> list[tuple[int, str]]:
    """Return (0-based line offset, source id) for every citation in the text."""
    return [
        (offset, m["id"]) for offset, line in enumerate(text.splitlines()) for m in CITATION.finditer(line)
    ]


WRITING_LINE = re.compile(r"^([ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)(_{3,})[ \t]*$", re.MULTILINE)
"""A line (or list item) of only underscores: a space to write in on a sheet, which Markdown would
draw as a rule."""


def writing_lines(markdown: str) -> str:
    """Keep a sheet's lines of underscores as lines to write on, not horizontal rules."""
    return WRITING_LINE.sub(lambda m: m[1] + "\\_" * len(m[2]), markdown)
