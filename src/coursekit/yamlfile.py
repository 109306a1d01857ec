"""Read YAML and Markdown-with-front-matter files, keeping line numbers for messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Parsed:
    """A parsed file: its data, the line of every key and list item, and any Markdown body."""

    data: Any
    lines: dict[Loc, int]
    body: str = ""
    body_line: int = 1


class ParseFailure(Exception):
    """Internal: the file could not be parsed; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text, or fail with a problem naming the file."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseFailure([Problem(shown, None, None, (
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file with UTF-8 encoding"))]) from None
    if not text.strip():
        raise ParseFailure([Problem(shown, None, None, "is empty; see docs/authoring.md for what it needs")])
    return text


def parse_yaml(text: str, shown: str, first_line: int = 1) -> Parsed:
    """Parse YAML text safely, returning its data and a map from key paths to line numbers."""
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise ParseFailure([Problem(shown, line, None, f"malformed YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ParseFailure([Problem(shown, None, None, f"malformed YAML: {exc}")]) from None
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, problems, shown, first_line)
    if problems:
        raise ParseFailure(problems)
    return Parsed(data, lines)


def _compose_and_construct(text: str):
    # libyaml's parser, where installed, is many times faster than PyYAML's pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse_front_matter(text: str, shown: str) -> Parsed:
    """Split '---' front matter from a Markdown body and parse the front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ParseFailure([Problem(shown, 1, None, (
            "must start with YAML front matter: a line '---', the module's fields, then '---'"))])
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            parsed = parse_yaml("".join(lines[1:index]), shown, first_line=2)
            body = "".join(lines[index + 1:])
            return Parsed(parsed.data, parsed.lines, body, index + 2)
    raise ParseFailure([Problem(shown, 1, None, "front matter is not closed: add a line '---' after it")])


def _walk(node: yaml.Node, loc: Loc, lines: dict, problems: list, shown: str, first: int) -> None:
    lines[loc] = node.start_mark.line + first
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(Problem(shown, key_node.start_mark.line + first, _dotted(loc + (key,)),
                                        "appears twice in the same place; keep one"))
            seen.add(key)
            _walk(value_node, loc + (key,), lines, problems, shown, first)
            lines[loc + (key,)] = key_node.start_mark.line + first
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, problems, shown, first)


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """Return the line of the longest known prefix of loc."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


dotted = _dotted
