"""The loaded project: every module, audience and source, with where each came from. No I/O.

`load.py` builds it once; the planner, the checker and the renderers only read it.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .layers import Origin
from .organisation import Brand, Organisation, Release
from .schema import Audience, Module, Source

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceFile:
    """Where a loaded file's values are: the line of every key and list item, and its lines."""

    path: str
    """The file, relative to the project root."""
    lines: Mapping[Loc, int]
    """1-based line of each key path, such as ``("activities", 0, "minutes")``."""
    text_lines: tuple[str, ...] = field(default=(), repr=False)
    """The file's lines, to find the line of a word inside a wrapped value."""

    def line(self, loc: Loc) -> int | None:
        """Return the line of loc, or of its nearest known parent."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


@dataclass(frozen=True)
class Project:
    """Everything a build or a check needs, validated."""

    root: Path
    modules: tuple[Module, ...]
    """Sorted by id."""
    audiences: tuple[Audience, ...]
    """Sorted by id."""
    sources: tuple[Source, ...]
    """Shared and module sources, sorted by id."""
    files: Mapping[str, SourceFile] = field(default_factory=lambda: types.MappingProxyType({}))
    """Every loaded file by its path relative to the root."""
    mkdocs: Mapping = field(default_factory=lambda: types.MappingProxyType({}))
    """The site settings read from mkdocs.yml, already checked."""
    organisation: Organisation | None = None
    """organisation.yml, checked; None for a project without one, such as the built-in course."""
    origins: Mapping[str, Origin] = field(default_factory=lambda: types.MappingProxyType({}))
    """Where each module came from (built-in, replaced, local, built-in + additions), by module id."""
    notices: tuple[str, ...] = ()
    """What the project replaces in the built-in library, one line each, for the person building."""
    brand: Brand = field(default_factory=Brand)
    """The name, logo, colours and edition every output shows."""
    changelog: tuple[Release, ...] = ()
    """The project's CHANGELOG.md sections, as written (newest first)."""
    library: Path | None = None
    """The built-in library's folder, where files shown as 'built-in:...' are."""
    layered: bool = False
    """True for an organisation's project on the built-in library."""
    version_lock: Mapping[tuple[str, str], str] = field(default_factory=lambda: types.MappingProxyType({}))
    """coursekit.lock: (module id, version) -> the content hash recorded for that version."""

    @property
    def local(self) -> Mapping[str, str]:
        """The organisation's local-context values ({{ slot }} defaults); empty without one."""
        return types.MappingProxyType(dict(self.organisation.local) if self.organisation else {})

    def module(self, module_id: str) -> Module:
        """Return the module with this id."""
        return next(m for m in self.modules if m.id == module_id)

    def audience(self, audience_id: str) -> Audience:
        """Return the audience with this id."""
        return next(a for a in self.audiences if a.id == audience_id)

    def source(self, source_id: str) -> Source:
        """Return the source with this id."""
        return next(s for s in self.sources if s.id == source_id)

    def file(self, path: str) -> SourceFile:
        """Return where the values of a loaded file are (an empty map for an unknown file)."""
        return self.files.get(path) or SourceFile(path, {})


@dataclass(frozen=True)
class BuildSettings:
    """How to build: which outputs, on which template. Every renderer receives it."""

    outputs: tuple[str, ...]
    """The outputs being built, in registry order, so one output can link to another."""
    slides_template: Path | None = None
    """An organisation's .pptx (layouts, no slides) to build the decks on."""
    mkdocs: Mapping = field(default_factory=dict)
    """The site settings read from the project's mkdocs.yml."""
    brand: Brand = field(default_factory=Brand)
    """The organisation's name, logo, colours and edition: for the site, landing page, decks,
    certificate, LMS package title and trainer documents."""
    changelog: tuple[Release, ...] = ()
    """The project's changelog, shown on the site as 'What changed'."""
    scorm_version: str = "12"
    """The LMS package's SCORM version: "12" (SCORM 1.2) or "2004" (SCORM 2004 4th edition)."""
    session: object | None = None
    """The SessionPlan (session.py) when building a session: its run-sheet, facilitators and local
    values. None for an audience's default course."""
