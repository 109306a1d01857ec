"""Load and validate a project: modules/, audiences/, sources.yml and mkdocs.yml.

Every problem in every file is collected and raised together as one ContentError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import mkdocsconf, schema
from .crossref import check_references
from .discover import find_file, find_files
from .errors import ContentError, Problem
from .layers import (
    BUILT_IN,
    BUILTIN_PREFIX,
    LOCAL,
    REPLACED,
    WITH_ADDITIONS,
    Origin,
    attach,
    based_on_problems,
    is_layered,
    load_additions,
    replacement_notice,
    serve_like,
    shown_path,
)
from .model import Project, SourceFile
from .organisation import ask_first, brand_for, load_organisation, read_changelog
from .schema import Audience, AudienceFile, Module, ModuleMeta
from .validation import read_mapping
from .validation import validate as validate_model
from .versions import read_lock
from .yamlfile import Loc, ParseFailure, parse_front_matter, read_text

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
    """Read and validate every module, audience and source of a project, and the site settings.

    An organisation's project (see layers.is_layered) is loaded on top of the built-in library.
    """
    from .content import builtin_root

    library = builtin_root()
    if is_layered(root) and root.resolve() != library.resolve():
        return _load_layered(root, library)
    problems: list[Problem] = []
    modules = _load_all(root, "modules", (MODULE_GLOB,), _load_module, problems)
    audiences = _load_all(root, "audiences", AUDIENCE_GLOBS, _load_audience, problems)
    shared = _load_sources(root, problems)
    if not modules and not problems:
        problems.append(Problem("modules", None, None, "has no module files (*.md)"))
    if not audiences and not problems:
        problems.append(Problem("audiences", None, None, "has no audience files (*.yml)"))
    problems += _unique_ids(modules, "module") + _unique_ids(audiences, "audience")
    origins = {m.item.id: Origin(LOCAL if root != library else BUILT_IN, m.shown) for m in modules}
    return _finish(root, library, _Merged(modules, audiences, shared, origins), problems, None)


@dataclass
class _Merged:
    modules: list[_Loaded]
    audiences: list[_Loaded]
    shared: list[_Loaded]
    origins: dict[str, Origin]
    notices: tuple[str, ...] = ()


def _load_layered(root: Path, library: Path) -> Project:
    problems: list[Problem] = []
    organisation = _load_organisation(root, problems)
    base_modules = _load_all(library, "modules", (MODULE_GLOB,), _load_module, problems, BUILTIN_PREFIX)
    base_audiences = _load_all(library, "audiences", AUDIENCE_GLOBS, _load_audience, problems, BUILTIN_PREFIX)
    own_modules = _load_all(root, "modules", (MODULE_GLOB,), _load_module, problems, required=False)
    own_audiences = _load_all(root, "audiences", AUDIENCE_GLOBS, _load_audience, problems, required=False)
    for layer in (base_modules, own_modules):
        problems += _unique_ids(layer, "module")
    for layer in (base_audiences, own_audiences):
        problems += _unique_ids(layer, "audience")
    modules, origins, notices = _merge_modules(base_modules, own_modules)
    audiences, audience_notices = _merge_audiences(base_audiences, own_audiences)
    _default_pass_mark(audiences, organisation)
    shared = _merge_sources(_load_sources(library, problems, BUILTIN_PREFIX), _load_sources(root, problems))
    _attach_additions(root, modules, origins, problems)
    _serve_based_on(modules, audiences, problems)
    merged = _Merged(modules, audiences, shared, origins, tuple(notices + audience_notices))
    lock, lock_problems = read_lock(root)
    problems += lock_problems
    project = _finish(root, library, merged, problems, organisation)
    return dataclasses.replace(project, layered=True, version_lock=types.MappingProxyType(lock))


def _finish(root: Path, library: Path, merged: _Merged, problems: list[Problem], organisation) -> Project:
    mkdocs, mkdocs_problems = mkdocsconf.load(root)
    problems += mkdocs_problems
    problems += check_references(
        merged.modules, merged.audiences, merged.shared, _broken_ids(problems, root, library)
    )
    changelog = _load_changelog(root, library, problems)
    if problems:
        raise ContentError(problems)
    sources = {s.item.id: s.item for s in merged.shared}
    for loaded in merged.modules:
        sources.update({s.id: s for s in loaded.item.sources})
    files = {entry.shown: entry.source_file() for entry in [*merged.modules, *merged.audiences]}
    modules = tuple(sorted((m.item for m in merged.modules), key=lambda m: m.id))
    if organisation is not None and organisation.public_stories == "ask-first":
        modules = tuple(map(ask_first, modules))
    return Project(
        root=root,
        modules=modules,
        audiences=tuple(sorted((a.item for a in merged.audiences), key=lambda a: a.id)),
        sources=tuple(sorted(sources.values(), key=lambda s: s.id)),
        files=types.MappingProxyType(files),
        mkdocs=types.MappingProxyType(mkdocs),
        organisation=organisation,
        origins=types.MappingProxyType(dict(sorted(merged.origins.items()))),
        notices=merged.notices,
        brand=brand_for(organisation, root, _library_edition(modules), on_library=_on_library(root, library)),
        changelog=changelog,
        library=library,
    )


def _on_library(root: Path, library: Path) -> bool:
    return root.resolve() == library.resolve() or is_layered(root)


def _library_edition(modules: tuple[Module, ...]) -> tuple[str, dt.date]:
    from . import __version__

    return __version__, max((m.updated for m in modules), default=dt.date(2026, 1, 1))


def _load_organisation(root: Path, problems: list[Problem]):
    try:
        return load_organisation(root)
    except ParseFailure as failure:
        problems.extend(failure.problems)
        return None


def _load_changelog(root: Path, library: Path, problems: list[Problem]) -> tuple:
    if root.resolve() == library.resolve():
        return ()
    try:
        return read_changelog(root)
    except ParseFailure as failure:
        problems.extend(failure.problems)
        return ()


def _merge_modules(library: list[_Loaded], own: list[_Loaded]):
    by_id = {entry.item.id: entry for entry in library}
    origins = {entry.item.id: Origin(BUILT_IN, entry.shown) for entry in library}
    notices = []
    for entry in own:
        module = entry.item
        replaced = by_id.get(module.id)
        if replaced is None:
            origins[module.id] = Origin(LOCAL, entry.shown)
        else:
            origins[module.id] = Origin(REPLACED, entry.shown, replaced.item.version)
            notices.append(replacement_notice(entry.shown, module.id, replaced.item.version, module.version))
        by_id[module.id] = entry
    return list(by_id.values()), origins, notices


def _merge_audiences(library: list[_Loaded], own: list[_Loaded]):
    by_id = {entry.item.id: entry for entry in library}
    notices = [
        f"{entry.shown} replaces the built-in audience {entry.item.id!r}"
        for entry in own
        if entry.item.id in by_id
    ]
    by_id.update({entry.item.id: entry for entry in own})
    return list(by_id.values()), notices


def _default_pass_mark(audiences: list[_Loaded], organisation) -> None:
    """Give the organisation's pass mark to every audience that does not set its own."""
    if organisation is None or organisation.pass_mark is None:
        return
    for position, entry in enumerate(audiences):
        if entry.item.pass_mark is None:
            audience = entry.item.model_copy(update={"pass_mark": organisation.pass_mark})
            audiences[position] = dataclasses.replace(entry, item=audience)


def _merge_sources(library: list[_Loaded], own: list[_Loaded]) -> list[_Loaded]:
    own_ids = {entry.item.id for entry in own}
    return [entry for entry in library if entry.item.id not in own_ids] + own


def _attach_additions(root: Path, modules: list[_Loaded], origins: dict, problems: list[Problem]) -> None:
    index = {entry.item.id: position for position, entry in enumerate(modules)}
    for module_id, (shown, additions) in load_additions(root, set(index), problems).items():
        entry = modules[index[module_id]]
        module, clashes = attach(entry.item, shown, additions)
        problems += clashes
        modules[index[module_id]] = dataclasses.replace(entry, item=module)
        origin = origins[module_id]
        kind = WITH_ADDITIONS if origin.kind == BUILT_IN else origin.kind
        origins[module_id] = dataclasses.replace(origin, kind=kind, additions=shown)


def _serve_based_on(modules: list[_Loaded], audiences: list[_Loaded], problems: list[Problem]) -> None:
    items = [a.item for a in audiences]
    found = based_on_problems(
        items, {a.item.id: a.shown for a in audiences}, {a.item.id: a.lines for a in audiences}
    )
    problems += found
    bases = {a.id for a in items if a.based_on is None}
    for audience in items:
        if audience.based_on in bases:
            for position, entry in enumerate(modules):
                module = serve_like(entry.item, audience.id, audience.based_on)
                modules[position] = dataclasses.replace(entry, item=module)


def _load_all(
    root: Path,
    folder: str,
    globs: Iterable[str],
    loader,
    problems: list,
    prefix: str = "",
    required: bool = True,
) -> list[_Loaded]:
    if not required and not (root / folder).is_dir():
        return []
    paths, unusable = find_files(root, folder, globs)
    problems.extend(unusable)
    # A folder's README.md explains the folder to its maintainers; it is not a module.
    paths = [p for p in paths if p.name.lower() != "readme.md"]
    loaded = []
    for path in paths:
        shown = prefix + path.relative_to(root).as_posix()
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
    read = read_mapping(path, shown, AudienceFile, _FIELD_NAMES, "fields (id, name, ...)")
    loaded = Audience.model_construct(**dict(read.data), path=shown)
    return _Loaded(loaded, shown, read.lines, tuple(read.text.splitlines()))


def _load_sources(root: Path, problems: list, prefix: str = "") -> list[_Loaded]:
    path, unusable = find_file(root, "sources.yml")
    problems.extend(unusable)
    shown = prefix + "sources.yml"
    if path is None:
        return []
    try:
        read = read_mapping(path, shown, schema.SourceList, _FIELD_NAMES, "fields: a 'sources' list")
    except ParseFailure as failure:
        problems.extend(failure.problems)
        return []
    loaded = [
        _Loaded(s, shown, {k[2:]: v for k, v in read.lines.items() if k[:2] == ("sources", i)})
        for i, s in enumerate(read.data.sources)
    ]
    problems.extend(_repeated_source_ids(loaded))
    return loaded


def _repeated_source_ids(loaded: list[_Loaded]) -> list[Problem]:
    first: dict[str, int | None] = {}
    problems = []
    for index, entry in enumerate(loaded):
        line = entry.lines.get(("id",))
        if entry.item.id in first:
            where = f" (first on line {first[entry.item.id]})" if first[entry.item.id] else ""
            problems.append(
                Problem(
                    entry.shown,
                    line,
                    f"sources[{index}].id",
                    f"id {entry.item.id!r} is used twice{where}: give each source its own id, or merge the two",
                )
            )
        first.setdefault(entry.item.id, line)
    return problems


def validate(
    model: type[BaseModel],
    data: dict,
    shown: str,
    lines: dict[Loc, int],
    field_names: frozenset[str] | None = None,
):
    """Validate data against a model, or raise ParseFailure with a problem per error (file, line, field).

    field_names are the keys an unknown key is compared with (default: every content-model field).
    """
    return validate_model(model, data, shown, lines, _FIELD_NAMES if field_names is None else field_names)


def _validate(model: type[BaseModel], data: dict, shown: str, lines: dict[Loc, int]):
    return validate(model, data, shown, lines)


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
            problems.append(
                Problem(
                    entry.shown,
                    entry.lines.get(("id",)),
                    "id",
                    f"{what} id {ident!r} is already used by {first[ident]}; ids must be unique",
                )
            )
        else:
            first[ident] = entry.shown
    return problems


def _broken_ids(problems: list[Problem], root: Path, library: Path) -> set[str]:
    """Return the ids of files that failed to load, read as leniently as possible.

    References to them are not reported: the file's own problems already are.
    """
    ids = set()
    for shown in {p.path for p in problems}:
        path = shown_path(shown, root, library)
        try:
            # Only a regular file: opening a named pipe would wait for a writer forever.
            text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
            match = re.search(r"^id:\s*['\"]?([^'\"\s#]+)", text, re.M)
        except (OSError, UnicodeDecodeError):
            match = None
        ids.add(match[1] if match else path.stem)
    return ids
