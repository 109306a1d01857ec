"""What every rule gets besides the module: the project, today's date, the source transcripts."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Project
from ..plan import ModuleView, module_view
from ..schema import Module

_YEAR = re.compile(r"\b\d{4}\b")
"""Every named source has a year: text without one names none (a quick test before the slow one)."""


@dataclass(frozen=True)
class Context:
    """Shared inputs of one check run."""

    project: Project
    today: dt.date
    transcripts: dict[tuple[str, ...], str] | None = None
    """Each run of OWN_WORDS_RUN words in the source transcripts -> the file it is in; None when
    no sources folder is given."""
    source_texts: dict[str, str] | None = None
    """The text of each source transcript by file name; None when no sources folder is given."""

    def views(self, module: Module) -> list[ModuleView]:
        """Return the module as each of its audiences gets it: with the items tied to the stories
        that audience's course tells (or, outside its course, this module tells it)."""
        return [module_view(module, a, stories=self._told(module, a)) for a in module.audiences]

    def course(self, audience_id: str) -> list[ModuleView]:
        """Return the modules of an audience's default course as that audience gets them, with every
        item whatever story it is tied to."""
        audience = self.project.audience(audience_id)
        return [module_view(self.project.module(m), audience_id) for m in audience.modules]

    def _told(self, module: Module, audience_id: str) -> set[str]:
        audience = next((a for a in self.project.audiences if a.id == audience_id), None)
        modules = (
            [self.project.module(m) for m in audience.modules]
            if audience is not None and module.id in audience.modules
            else [module]
        )
        return {s.id for m in modules for s in m.stories if s.is_for(audience_id)}

    def dated(self, source_id: str) -> bool:
        """Return True if the source exists and has a date (not 'n.d.')."""
        return source_id in self._dated_ids

    def names_dated_source(self, text: str) -> bool:
        """Return True if the text names a dated source by author and year.

        For fields where a [@id] citation is not rendered: '(SCIE, 2021)', 'NHS England (2022)'
        or "NHS England's 2022 guidance" all name a source whose author and year match.
        """
        return bool(_YEAR.search(text) and self._author_years.search(text))

    def without_citations(self, text: str) -> str:
        """Blank out every named dated source ('SCIE, 2021'), keeping the other characters in place."""
        if not _YEAR.search(text):
            return text
        return self._author_years.sub(lambda m: " " * len(m[0]), text)

    @functools.cached_property
    def stories_by_teller(self) -> dict[str, list[str]]:
        """Each storyteller's name (see Story.names) with the ids of their stories in the project."""
        return self._stories_by(lambda story: story.names)

    @functools.cached_property
    def stories_by_title(self) -> dict[str, list[str]]:
        """Each story's title with the ids of the stories in the project that carry it."""
        return self._stories_by(lambda story: (story.title,))

    def _stories_by(self, keys) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for module in self.project.modules:
            for story in module.stories:
                for key in keys(story):
                    found.setdefault(key, []).append(story.id)
        return found

    @functools.cached_property
    def _dated_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.project.sources if s.date != "n.d.")

    @functools.cached_property
    def _author_years(self) -> re.Pattern:
        """One pattern for every dated source's author (or its short form) followed by its year."""
        patterns = []
        for source in self.project.sources:
            if source.date == "n.d.":
                continue
            author = source.author
            names = {author, re.sub(r"\s*\([^)]*\)", "", author), *re.findall(r"\(([^)]+)\)", author)}
            alternatives = "|".join(re.escape(n.strip()) for n in sorted(names) if n.strip())
            year = source.date[:4]
            patterns.append(rf"(?<!\w)(?:{alternatives})(?:['’]s)?(?:,\s*|\s*\(|\s+){year}\b")
        return re.compile("|".join(patterns) or r"(?!x)x")
