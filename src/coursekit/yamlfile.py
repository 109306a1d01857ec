"""Read YAML and Markdown-with-front-matter files, keeping line numbers for messages.

Every file is held to limits (see docs/authoring.md, "Limits") so that a small hostile or
broken file is a clear error at once, never a hang, a huge expansion or a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
"""The largest file coursekit reads (a long module is about 50 kB)."""
MAX_DEPTH = 50
"""The deepest nesting of lists and mappings in a YAML file (modules need about six levels)."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
# libyaml's parser, where installed, is many times faster than PyYAML's pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def _fail(shown: str, line: int | None, message: str, field: str | None = None) -> ParseFailure:
    return ParseFailure([Problem(shown, line, field, message)])


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text within the size limit, or fail with a problem naming the file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(shown, size)
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(
            shown,
            None,
            f"cannot be read ({exc.strerror or exc}); check that it is a file you are allowed to open",
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(shown, len(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            shown,
            None,
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file with UTF-8 encoding",
        ) from None
    if not text.strip():
        raise _fail(shown, None, "is empty; see docs/authoring.md for what it needs")
    _check_characters(text, shown)
    return text


def _too_big(shown: str, size: int) -> ParseFailure:
    return _fail(
        shown,
        None,
        f"is {size / 1_000_000:.1f} MB; a file may be at most "
        f"{MAX_FILE_BYTES / 1_000_000:g} MB: split it into smaller files",
    )


def _check_characters(text: str, shown: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise _fail(
            shown,
            line,
            f"contains the control character U+{ord(found[0]):04X} in column {column}; "
            "remove it (most editors do not show it)",
        )


def parse_yaml(text: str, shown: str, first_line: int = 1) -> Parsed:
    """Parse YAML text safely, returning its data and a map from key paths to line numbers.

    The node tree is mapped (and checked for aliases, depth and unusual tags) before any
    Python data is built, so nothing is ever expanded.
    """
    loader = _LOADER(text)
    try:
        node = _guarded(loader.get_single_node, text, shown, first_line)
        if node is None:
            return Parsed(None, {})
        lines = _line_map(node, shown, first_line)
        data = _guarded(lambda: loader.construct_document(node), text, shown, first_line)
    finally:
        loader.dispose()
    return Parsed(data, lines)


def line_map(text: str, shown: str, first_line: int = 1) -> dict[Loc, int]:
    """Return the line map of YAML text without building its data (for a file that already loaded)."""
    loader = _LOADER(text)
    try:
        node = _guarded(loader.get_single_node, text, shown, first_line)
    finally:
        loader.dispose()
    return {} if node is None else _line_map(node, shown, first_line)


def _guarded(step, text: str, shown: str, first_line: int):
    try:
        return step()
    except yaml.MarkedYAMLError as exc:
        raise _marked_problem(exc, text, shown, first_line) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + first_line
        raise _fail(
            shown, line, f"contains a character YAML does not allow ({exc.reason}); remove it"
        ) from None
    except yaml.YAMLError as exc:
        raise _fail(shown, None, f"malformed YAML: {exc}") from None


def _marked_problem(exc: yaml.MarkedYAMLError, text: str, shown: str, first_line: int) -> ParseFailure:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else None
    source_lines = text.splitlines()
    source = source_lines[mark.line] if mark and mark.line < len(source_lines) else ""
    if "tab" in (exc.problem or "") or "\t" in re.match(r"[ \t?:-]*", source)[0]:
        return _fail(
            shown,
            line,
            "is indented with a tab; YAML needs spaces for indentation: replace the tab with spaces",
        )
    if "nesting depth" in (exc.problem or ""):
        return _fail(shown, line, _too_deep())
    what = " ".join(filter(None, [exc.context, exc.problem]))
    return _fail(shown, line, f"malformed YAML: {what}")


def _too_deep() -> str:
    return (
        f"nests lists and mappings more than {MAX_DEPTH} levels deep; coursekit files need only a "
        "few levels: check the indentation"
    )


def _line_map(root: yaml.Node, shown: str, first: int) -> dict[Loc, int]:
    """Map every key path to its line, refusing aliases, deep nesting and unusual tags.

    Iterative, so that no nesting depth can exhaust Python's stack.
    """
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    visited: set[int] = set()
    stack: list[tuple[yaml.Node, Loc, int]] = [(root, (), 1)]
    while stack:
        node, loc, depth = stack.pop()
        if id(node) in visited:
            # An alias shares its anchor's node, whose mark is the anchor's: name the enclosing line.
            line = lines[loc] if loc and isinstance(loc[-1], str) else lines[loc[:-1]]
            raise _fail(
                shown,
                line,
                "repeats a value with a YAML alias (*name); coursekit files may not "
                "use aliases, which can expand a small file enormously: write the value out",
                _dotted(loc) or None,
            )
        visited.add(id(node))
        line = lines.setdefault(loc, node.start_mark.line + first)
        if node.tag not in _CORE_TAGS:
            raise _fail(
                shown,
                line,
                f"uses the YAML tag {_shown_tag(node.tag)!r}, which coursekit does not "
                "allow (tags can run code or read outside the file): write a plain value",
                _dotted(loc) or None,
            )
        if depth > MAX_DEPTH:
            raise _fail(shown, line, _too_deep())
        if isinstance(node, yaml.MappingNode):
            stack += reversed(_mapping_children(node, loc, depth, lines, problems, shown, first))
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed([(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)])
    if problems:
        raise ParseFailure(problems)
    return lines


def _mapping_children(
    node: yaml.MappingNode, loc: Loc, depth: int, lines: dict, problems: list, shown: str, first: int
) -> list[tuple[yaml.Node, Loc, int]]:
    children = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + first
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(
                    shown,
                    key_line,
                    _dotted(loc) or None,
                    "has a list or mapping as a key; keys must be plain words",
                )
            )
            continue
        key = key_node.value
        if key in seen:
            problems.append(
                Problem(shown, key_line, _dotted((*loc, key)), "appears twice in the same place; keep one")
            )
        seen.add(key)
        lines[(*loc, key)] = key_line
        children.append((value_node, (*loc, key), depth + 1))
    return children


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def parse_front_matter(text: str, shown: str) -> Parsed:
    """Split '---' front matter from a Markdown body and parse the front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise _fail(
            shown, 1, "must start with YAML front matter: a line '---', the module's fields, then '---'"
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":  # at the start of the line: an indented '---' is inside a YAML value
            parsed = parse_yaml("".join(lines[1:index]), shown, first_line=2)
            body = "".join(lines[index + 1 :])
            return Parsed(parsed.data, parsed.lines, body, index + 2)
    raise _fail(shown, 1, "front matter is not closed: add a line '---' after it")


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
