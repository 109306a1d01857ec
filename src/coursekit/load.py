"""Load and validate a project: modules/, audiences/, sources.yml and mkdocs.yml.

Every problem in every file is collected and raised together as one ContentError.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import mkdocsconf, schema
from .crossref import check_references
from .discover import find_file, find_files
from .errors import ContentError, Problem
from .model import Project, SourceFile
from .schema import Audience, AudienceFile, Module, ModuleMeta
from .suggest import did_you_mean
from .yamlfile import Loc, ParseFailure, dotted, line_of, parse_front_matter, parse_yaml, read_text

MODULE_GLOB = "*.md"
AUDIENCE_GLOBS = ("*.yml", "*.yaml")


@dataclass(frozen=True)
class _Loaded:
    item: Any
    shown: str
    lines: dict[Loc, int]
    text_lines: tuple[str, ...] = ()

    def source_file(self) -> SourceFile:
        return SourceFile(self.shown, self.lines, self.text_lines)


def load_project(root: Path) -> Project:
    """Read and validate every module, audience and source under root, and the site settings."""
    problems: list[Problem] = []
    modules = _load_all(root, "modules", (MODULE_GLOB,), _load_module, problems)
    audiences = _load_all(root, "audiences", AUDIENCE_GLOBS, _load_audience, problems)
    shared = _load_sources(root, problems)
    mkdocs, mkdocs_problems = mkdocsconf.load(root)
    problems += mkdocs_problems
    if not modules and not problems:
        problems.append(Problem("modules", None, None, "has no module files (*.md)"))
    if not audiences and not problems:
        problems.append(Problem("audiences", None, None, "has no audience files (*.yml)"))
    problems += _unique_ids(modules, "module") + _unique_ids(audiences, "audience")
    problems += check_references(modules, audiences, shared, _broken_ids(problems, root))
    if problems:
        raise ContentError(problems)
    sources = {s.item.id: s.item for s in shared}
    for loaded in modules:
        sources.update({s.id: s for s in loaded.item.sources})
    files = {entry.shown: entry.source_file() for entry in [*modules, *audiences]}
    return Project(
        root=root,
        modules=tuple(sorted((m.item for m in modules), key=lambda m: m.id)),
        audiences=tuple(sorted((a.item for a in audiences), key=lambda a: a.id)),
        sources=tuple(sorted(sources.values(), key=lambda s: s.id)),
        files=types.MappingProxyType(files),
        mkdocs=types.MappingProxyType(mkdocs),
    )


def _load_all(root: Path, folder: str, globs: Iterable[str], loader, problems: list) -> list[_Loaded]:
    paths, unusable = find_files(root, folder, globs)
    problems.extend(unusable)
    loaded = []
    for path in paths:
        shown = path.relative_to(root).as_posix()
        try:
            loaded.append(loader(path, shown))
        except ParseFailure as failure:
            problems.extend(failure.problems)
    return loaded


def _load_module(path: Path, shown: str) -> _Loaded:
    text = read_text(path, shown)
    parsed = parse_front_matter(text, shown)
    if not isinstance(parsed.data, dict):
        raise ParseFailure([Problem(shown, 2, None, "front matter must be a mapping of fields")])
    meta = validate(ModuleMeta, parsed.data, shown, parsed.lines)
    module = Module.model_construct(**dict(meta), body=parsed.body, path=shown, body_line=parsed.body_line)
    return _Loaded(module, shown, parsed.lines, tuple(text.splitlines()))


def _load_audience(path: Path, shown: str) -> _Loaded:
    text = read_text(path, shown)
    parsed = parse_yaml(text, shown)
    if not isinstance(parsed.data, dict):
        raise ParseFailure([Problem(shown, 1, None, "must be a mapping of fields (id, name, ...)")])
    audience = validate(AudienceFile, parsed.data, shown, parsed.lines)
    loaded = Audience.model_construct(**dict(audience), path=shown)
    return _Loaded(loaded, shown, parsed.lines, tuple(text.splitlines()))


def _load_sources(root: Path, problems: list) -> list[_Loaded]:
    path, unusable = find_file(root, "sources.yml")
    problems.extend(unusable)
    if path is None:
        return []
    try:
        parsed = parse_yaml(read_text(path, "sources.yml"), "sources.yml")
        if not isinstance(parsed.data, dict):
            raise ParseFailure([Problem("sources.yml", 1, None, "must be a mapping with a 'sources' list")])
        listing = validate(schema.SourceList, parsed.data, "sources.yml", parsed.lines)
    except ParseFailure as failure:
        problems.extend(failure.problems)
        return []
    return [_Loaded(s, "sources.yml", {k[2:]: v for k, v in parsed.lines.items() if k[:2] == ("sources", i)})
            for i, s in enumerate(listing.sources)]


def validate(model: type[BaseModel], data: dict, shown: str, lines: dict[Loc, int],
             field_names: frozenset[str] | None = None):
    """Validate data against a model, or raise ParseFailure with a problem per error (file, line, field).

    field_names are the keys an unknown key is compared with (default: every content-model field).
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        names = _FIELD_NAMES if field_names is None else field_names
        raise ParseFailure([_problem_from(error, shown, lines, names) for error in exc.errors()]) from None


def _problem_from(error: dict, shown: str, lines: dict[Loc, int], names: frozenset[str]) -> Problem:
    loc = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}{did_you_mean(str(loc[-1]), names)}"
    elif kind == "missing":
        message = "is required but missing; add it"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        message = f"must be a whole number, not {value!r}"
    elif kind == "string_type":
        message = f"must be text, not {value!r}"
    elif kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        message = f"must be a date written YYYY-MM-DD, not {value!r}"
    elif kind == "bool_type":
        message = f"must be true or false, not {value!r}"
    elif kind == "value_error":
        message = str(error["ctx"]["error"])
    else:
        message = error["msg"][0].lower() + error["msg"][1:]
    return Problem(shown, line_of(lines, loc), dotted(loc) or None, message)


def _collect_field_names() -> frozenset[str]:
    names: set[str] = set()
    for value in vars(schema).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.update(value.model_fields)
    return frozenset(names - {"body", "path", "body_line"})


_FIELD_NAMES = _collect_field_names()


def _unique_ids(loaded: list[_Loaded], what: str) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for entry in loaded:
        ident = entry.item.id
        if ident in first:
            problems.append(Problem(entry.shown, entry.lines.get(("id",)), "id",
                                    f"{what} id {ident!r} is already used by {first[ident]}; ids must be unique"))
        else:
            first[ident] = entry.shown
    return problems


def _broken_ids(problems: list[Problem], root: Path) -> set[str]:
    """Return the ids of files that failed to load, read as leniently as possible.

    References to them are not reported: the file's own problems already are.
    """
    ids = set()
    for shown in {p.path for p in problems}:
        path = root / shown
        try:
            # Only a regular file: opening a named pipe would wait for a writer forever.
            text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
            match = re.search(r"^id:\s*['\"]?([^'\"\s#]+)", text, re.M)
        except (OSError, UnicodeDecodeError):
            match = None
        ids.add(match[1] if match else path.stem)
    return ids
