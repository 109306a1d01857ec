"""An organisation's project layered on the built-in library: replace, add, attach, reuse.

The built-in library loads first. The project's modules, audiences and sources come next: the
same id replaces, a new id adds. Files in additions/ attach items to one module by its id. An
audience with `based_on` gets, in every module that does not name it, what its base audience gets.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from . import body as body_syntax
from .discover import find_files
from .errors import Problem
from .schema import (
    ITEM_LISTS,
    Activity,
    Audience,
    Contact,
    ContentNote,
    GlossaryTerm,
    KeyMessage,
    LocalExample,
    Material,
    Model,
    Module,
    Story,
)
from .suggest import did_you_mean
from .validation import field_names, read_mapping
from .yamlfile import ParseFailure

BUILTIN_PREFIX = "built-in:"
"""Shown before the path of a built-in file, such as 'built-in:modules/jargon.md'."""
ADDITIONS = "additions"
BUILT_IN, REPLACED, LOCAL, WITH_ADDITIONS = "built-in", "replaced", "local", "built-in + additions"


def is_layered(root: Path) -> bool:
    """Return True if root is an organisation's project on the built-in library.

    A folder with organisation.yml is one; so is a folder with only modules/ or only audiences/.
    A folder with both modules/ and audiences/ and no organisation.yml is a course of its own.
    """
    if (root / "organisation.yml").is_file():
        return True
    return (root / "modules").is_dir() != (root / "audiences").is_dir()


def is_project(root: Path) -> bool:
    """Return True if root holds a project of any kind (never silently the built-in course)."""
    return any((root / name).exists() for name in ("organisation.yml", "modules", "audiences"))


@dataclass(frozen=True)
class Origin:
    """Where a module came from."""

    kind: str
    """built-in, replaced, local or 'built-in + additions'."""
    path: str
    """The module's file as shown in messages."""
    builtin_version: str | None = None
    """For a replaced module, the version of the built-in module it replaces."""
    additions: str | None = None
    """For a built-in module with additions, the additions file."""


class Additions(Model):
    """additions/<module-id>.yml: the organisation's own items, attached to one module."""

    activities: tuple[Activity, ...] = ()
    stories: tuple[Story, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    materials: tuple[Material, ...] = ()
    content_notes: tuple[ContentNote, ...] = ()
    key_messages: tuple[KeyMessage, ...] = ()
    local_examples: tuple[LocalExample, ...] = ()
    support: tuple[Contact, ...] = ()


_ADDITION_NAMES = field_names(
    [Additions, Activity, Story, GlossaryTerm, Material, ContentNote, KeyMessage, LocalExample, Contact]
)
_WITH_IDS = ("activities", "stories", "materials")


def shown_path(shown: str, root: Path, builtin: Path) -> Path:
    """Return the file on disk of a path as shown in messages."""
    if shown.startswith(BUILTIN_PREFIX):
        return builtin / shown.removeprefix(BUILTIN_PREFIX)
    return root / shown


def replacement_notice(shown: str, module_id: str, builtin_version: str, version: str) -> str:
    """The line a build prints when the project replaces a built-in module."""
    return f"{shown} replaces the built-in module {module_id!r} (built-in {builtin_version}, yours {version})"


def load_additions(
    root: Path, module_ids: set[str], problems: list[Problem]
) -> dict[str, tuple[str, Additions]]:
    """Read additions/*.yml: module id -> (file as shown, its additions)."""
    folder = root / ADDITIONS
    found: dict[str, tuple[str, Additions]] = {}
    if not folder.is_dir():
        return found
    # The same discovery as modules/ and audiences/: links, pipes and folders named x.yml are reported.
    paths, unusable = find_files(root, ADDITIONS, ("*.yml", "*.yaml"))
    problems.extend(unusable)
    for path in paths:
        shown = path.relative_to(root).as_posix()
        try:
            holds = "additions (activities, local_examples, ...)"
            additions = read_mapping(path, shown, Additions, _ADDITION_NAMES, holds).data
        except ParseFailure as failure:
            problems.extend(failure.problems)
            continue
        if path.stem not in module_ids:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    (
                        f"no module has id {path.stem!r}{did_you_mean(path.stem, module_ids)}: name the file after "
                        "the id of the module it adds to"
                    ),
                )
            )
            continue
        found[path.stem] = (shown, additions)
    return found


def attach(module: Module, shown: str, additions: Additions) -> tuple[Module, list[Problem]]:
    """Return the module with the additions appended, and any id they reuse."""
    problems = []
    for name in _WITH_IDS:
        taken = {item.id for item in getattr(module, name)}
        for index, item in enumerate(getattr(additions, name)):
            if item.id in taken:
                problems.append(
                    Problem(
                        shown,
                        None,
                        f"{name}[{index}].id",
                        (f"module {module.id!r} already has {name} id {item.id!r}; choose another id"),
                    )
                )
    update = {name: getattr(module, name) + getattr(additions, name) for name in Additions.model_fields}
    return module.model_copy(update=update), problems


def serve_like(module: Module, audience_id: str, base_id: str) -> Module:
    """Return the module serving audience_id as it serves base_id (unless it names audience_id)."""
    if audience_id in module.audiences or base_id not in module.audiences:
        return module
    update: dict = {"audiences": {**module.audiences, audience_id: module.audiences[base_id]}}
    for name in ITEM_LISTS:
        update[name] = tuple(_also_for(item, audience_id, base_id) for item in getattr(module, name))
    update["body"] = _body_also_for(module.body, audience_id, base_id)
    return module.model_copy(update=update)


def _also_for(item, audience_id: str, base_id: str):
    if item.audiences is None or base_id not in item.audiences:
        return item
    return item.model_copy(update={"audiences": (*item.audiences, audience_id)})


def _body_also_for(body: str, audience_id: str, base_id: str) -> str:
    def widen(line: str) -> str:
        opening = body_syntax.OPEN.match(line)
        parsed = body_syntax.parse_opener(opening["clauses"]) if opening else None
        if isinstance(parsed, body_syntax.Opener) and base_id in (parsed.audiences or ()):
            return dataclasses.replace(parsed, audiences=(*parsed.audiences, audience_id)).marker()
        return line

    # Same number of lines, so every line number in messages stays right.
    return "\n".join(widen(line) for line in body.split("\n"))


def based_on_problems(
    audiences: list[Audience], shown: dict[str, str], lines: dict[str, dict]
) -> list[Problem]:
    """Return a problem for every based_on that names no audience, or that chains."""
    by_id = {a.id: a for a in audiences}
    problems = []
    for audience in audiences:
        base = audience.based_on
        if base is None:
            continue
        line = lines[audience.id].get(("based_on",))
        if base not in by_id:
            problems.append(
                Problem(
                    shown[audience.id],
                    line,
                    "based_on",
                    f"no audience has id {base!r}{did_you_mean(base, set(by_id))}",
                )
            )
        elif by_id[base].based_on is not None:
            problems.append(
                Problem(
                    shown[audience.id],
                    line,
                    "based_on",
                    (f"audience {base!r} is itself based on {by_id[base].based_on!r}; name that one instead"),
                )
            )
    return problems


def version_key(version: str) -> tuple[int, ...]:
    """Return a version such as '1.2' as numbers to compare."""
    return tuple(int(part) for part in re.findall(r"\d+", version))
