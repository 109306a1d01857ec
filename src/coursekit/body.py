"""The module body: audience-only blocks and source citations. Pure functions, no I/O.

A body is Markdown. Two additions:

    ::: only commissioners senior-leaders
    Text for these audiences only.
    :::

and citations of sources by id, written ``[@scie-guide-51]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = re.compile(r"^:::\s*only\s+(?P<ids>.+?)\s*$")
CLOSE = re.compile(r"^:::\s*$")
CITATION = re.compile(r"\[@(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\]")
FENCE = re.compile(r"^\s*(```|~~~)")
"""A line that opens or closes a fenced code block: nothing inside one is coursekit syntax."""
MAX_INDENT = 80
"""The deepest indentation of a body line, in columns (a tab counts 4): 20 levels of nested lists.
Python-Markdown recurses once per level, so a few hundred levels end in a RecursionError."""


@dataclass(frozen=True)
class BodyIssue:
    """Something wrong in a body, at an offset from the body's first line (0-based)."""

    offset: int
    message: str


@dataclass(frozen=True)
class Block:
    """A run of body lines, for every audience (audiences=None) or for some."""

    start: int
    lines: tuple[str, ...]
    audiences: tuple[str, ...] | None


def blocks(body: str) -> tuple[list[Block], list[BodyIssue]]:
    """Split a body into shared and audience-only blocks, reporting marker mistakes and deep nesting."""
    result: list[Block] = []
    issues: list[BodyIssue] = []
    current: list[str] = []
    start, audiences, opened_at, fenced = 0, None, None, False
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
        if fenced or FENCE.match(line):
            current.append(line)
        elif opening and audiences is not None:
            issues.append(
                BodyIssue(
                    offset,
                    "'::: only' blocks cannot be nested; close the one "
                    f"opened on the line {opened_at + 1} of the body first",
                )
            )
        elif opening or (closing and audiences is not None):
            result.append(Block(start, tuple(current), audiences))
            current, start = [], offset + 1
            audiences = tuple(opening["ids"].split()) if opening else None
            opened_at = offset if opening else None
        elif closing:
            issues.append(
                BodyIssue(offset, "':::' closes nothing; remove it or add '::: only <audience>' above")
            )
        elif line.startswith(":::"):
            issues.append(
                BodyIssue(
                    offset,
                    f"unknown block marker {line.strip()!r}; "
                    "write '::: only <audience-id> ...' and close with ':::'",
                )
            )
        else:
            current.append(line)
    if audiences is not None:
        issues.append(BodyIssue(opened_at, "'::: only' block is never closed; add a line ':::' after it"))
    result.append(Block(start, tuple(current), audiences))
    return [b for b in result if b.lines], issues


def _indent(line: str) -> int:
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def for_audience(body: str, audience_id: str) -> str:
    """Return the body as one audience sees it: shared blocks plus their own."""
    parts = blocks(body)[0]
    kept = [b.lines for b in parts if b.audiences is None or audience_id in b.audiences]
    return "\n".join(line for lines in kept for line in lines).strip() + "\n"


def citations(text: str) -> list[tuple[int, str]]:
    """Return (0-based line offset, source id) for every citation in the text."""
    return [
        (offset, m["id"]) for offset, line in enumerate(text.splitlines()) for m in CITATION.finditer(line)
    ]
