"""What every rule gets besides the module: the project, today's date, the source transcripts."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Project
from ..plan import ModuleView, module_view
from ..schema import Module


@dataclass(frozen=True)
class Context:
    """Shared inputs of one check run."""

    project: Project
    today: dt.date
    transcripts: dict[tuple[str, ...], str] | None = None
    """Each run of OWN_WORDS_RUN words in the source transcripts -> the file it is in; None when
    no sources folder is given."""

    def views(self, module: Module) -> list[ModuleView]:
        """Return the module as each of its audiences gets it."""
        return [module_view(module, audience_id) for audience_id in module.audiences]

    def dated(self, source_id: str) -> bool:
        """Return True if the source exists and has a date (not 'n.d.')."""
        return source_id in self._dated_ids

    def names_dated_source(self, text: str) -> bool:
        """Return True if the text names a dated source by author and year.

        For fields where a [@id] citation is not rendered: '(SCIE, 2021)', 'NHS England (2022)'
        or "NHS England's 2022 guidance" all name a source whose author and year match.
        """
        return any(pattern.search(text) for pattern in self._author_years)

    @functools.cached_property
    def _dated_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.project.sources if s.date != "n.d.")

    @functools.cached_property
    def _author_years(self) -> tuple[re.Pattern, ...]:
        patterns = []
        for source in self.project.sources:
            if source.date == "n.d.":
                continue
            author = source.author
            names = {author, re.sub(r"\s*\([^)]*\)", "", author), *re.findall(r"\(([^)]+)\)", author)}
            alternatives = "|".join(re.escape(n.strip()) for n in sorted(names) if n.strip())
            year = source.date[:4]
            patterns.append(re.compile(rf"(?<!\w)(?:{alternatives})(?:['’]s)?(?:,\s*|\s*\(|\s+){year}\b"))
        return tuple(patterns)
