"""Citations in every text field, not only module bodies. Pure: no I/O.

Writers cite a source as [@source-id] anywhere. A module's body is turned into links to the
Sources page by the site; every other field (activities, questions, materials, notes) gets a plain
'(Author, year)' here before rendering, so no raw id reaches a page, a slide or a handout. Scripts
keep theirs: they are said aloud without citations, with their sources listed beside them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from .body import CITATION, SPACED_CITATION
from .plan import CoursePlan, ModuleView
from .schema import ITEM_LISTS, Source
from .textfields import replaced, text_fields
from .timetext import long_date

SPOKEN = ("script",)
"""Fields read aloud: their citations stay for the renderer to leave out."""
BARE = ("support",)
"""Fields that say where to get support: shown to people who may be struggling, so without a
bracketed source (the source is still on the course's Sources page)."""


def short_author(author: str) -> str:
    """The author as a citation names it: the abbreviation in brackets, or the name before a comma
    without a lower-case note in brackets ('UK Parliament (legislation.gov.uk)' is 'UK Parliament')."""
    match = re.search(r"\(([A-Z][A-Za-z]+)\)", author)
    return match[1] if match else _QUALIFIER.sub("", author.split(",")[0])


_QUALIFIER = re.compile(r"\s*\([a-z][^()]*\)")
"""A note in brackets that says what the author is or where it was found, not what it is called."""


def label(source: Source, full_date: bool = False) -> str:
    """'SCIE, 2021' (or its cite_as): how running text names a source; full_date keeps month and day."""
    return source.cite_as or f"{short_author(source.author)}, {source.date if full_date else source.date[:4]}"


def credit(source: Source) -> str:
    """'(SCIE, 2021)': how a source is cited in running text."""
    return f"({label(source)})"


def reference_text(source: Source) -> str:
    """A source in full, as plain text for print: author, date, title, address, when it was read."""
    address = f" {source.url}." if source.url else ""
    accessed = f" Accessed {long_date(source.accessed)}." if source.accessed else ""
    check = " Check before use: this changes." if source.time_sensitive else ""
    return f"{source.author} ({source.date}). {source.title}.{address}{accessed}{check}{cited_as(source)}"


def cited_as(source: Source) -> str:
    """' Cited in the text as (...).' for a source whose own citation label does not start with its
    author, so a reader can find '(Interview with a MEAM manager, n.d.)' in the list; else ''."""
    if not source.cite_as or source.cite_as.startswith(short_author(source.author)):
        return ""
    return f" Cited in the text as {credit(source)}."


def cited_ids(item: BaseModel) -> Iterator[tuple[tuple, str]]:
    """Yield (location, source id) of every citation in the item's text fields."""
    for found in text_fields(item):
        for match in CITATION.finditer(found.text):
            yield found.loc, match["id"]


def resolve_plan(plan: CoursePlan) -> CoursePlan:
    """Return the plan with every citation outside bodies and scripts (in its modules, its glossary
    and its audience's text) written as '(Author, year)'."""
    by_id = {source.id: source for source in plan.sources}

    def resolve(text: str) -> str:
        return CITATION.sub(lambda m: credit(by_id[m["id"]]) if m["id"] in by_id else m[0], text)

    return dataclasses.replace(
        plan,
        audience=_resolved(plan.audience, resolve),
        modules=tuple(_resolved_view(view, resolve) for view in plan.modules),
        glossary=tuple(_resolved(term, resolve) for term in plan.glossary),
    )


def _resolved_view(view: ModuleView, resolve: Callable[[str], str]) -> ModuleView:
    lists = {name: tuple(_resolved(item, resolve) for item in getattr(view, name)) for name in ITEM_LISTS}
    return dataclasses.replace(
        view, module=_resolved(view.module, resolve), focus=resolve(view.focus), **lists
    )


def _resolved(item: BaseModel, resolve: Callable[[str], str]) -> BaseModel:
    for found in text_fields(item):
        # The body keeps its citations: the site links them to the Sources page.
        if found.loc != ("body",) and found.loc[-1] not in SPOKEN and CITATION.search(found.text):
            text = SPACED_CITATION.sub("", found.text) if found.loc[-1] in BARE else resolve(found.text)
            item = replaced(item, found.loc, text)
    return item
