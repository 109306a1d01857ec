"""Checks that need more than one file: ids that other files refer to must exist."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from . import body as body_syntax
from .errors import Problem
from .schema import ITEM_LISTS, STORY_TIED, STORY_USING
from .suggest import did_you_mean as _hint
from .textfields import text_fields
from .yamlfile import dotted as _field


def check_references(modules: list, audiences: list, shared: list, broken: set[str]) -> list[Problem]:
    """Return every broken reference between modules, audiences and sources.

    Ids in `broken` belong to files that failed to load: references to them are not reported.
    """
    module_ids = {m.item.id for m in modules} | broken
    audience_ids = {a.item.id for a in audiences} | broken
    problems = _source_clashes(modules, shared)
    source_ids = {s.item.id for s in shared} | {s.id for m in modules for s in m.item.sources}
    for entry in audiences:
        problems += _audience_refs(entry, modules, broken)
    story_ids = {s.id for m in modules for s in m.item.stories}
    for entry in modules:
        problems += _module_refs(entry, module_ids, audience_ids, source_ids)
        problems += [] if broken else _story_refs(entry, story_ids)
    return problems + _prerequisite_cycles(modules, module_ids)


def _audience_refs(entry, modules: list, broken: set[str]) -> list[Problem]:
    audience, problems = entry.item, []
    by_id = {m.item.id: m for m in modules}
    for index, module_id in enumerate(audience.modules):
        line = entry.lines.get(("modules", index))
        field = f"modules[{index}]"
        if module_id in broken and module_id not in by_id:
            continue
        if module_id not in by_id:
            problems.append(
                Problem(
                    entry.shown, line, field, f"no module has id {module_id!r}{_hint(module_id, set(by_id))}"
                )
            )
        elif audience.id not in by_id[module_id].item.audiences:
            problems.append(
                Problem(
                    entry.shown,
                    line,
                    field,
                    (
                        f"module {module_id!r} does not say how it serves {audience.id!r}: "
                        f"add '{audience.id}' under 'audiences' in {by_id[module_id].shown}"
                    ),
                )
            )
    problems += _audience_parts(entry)
    problems += _guest_needed(entry, by_id)
    repeated = sorted({m for m in audience.modules if audience.modules.count(m) > 1})
    if repeated:
        problems.append(
            Problem(
                entry.shown,
                entry.lines.get(("modules",)),
                "modules",
                f"module {repeated[0]!r} is listed more than once",
            )
        )
    return problems


def _guest_needed(entry, by_id: dict) -> list[Problem]:
    """A course whose blocks a guest leads must say who the guest is."""
    audience = entry.item
    if audience.guest is not None:
        return []
    problems = []
    for index, module_id in enumerate(audience.modules):
        module = by_id[module_id].item if module_id in by_id else None
        if module is None or audience.id not in module.audiences:
            continue
        led = [
            f"activity {a.id!r}" for a in module.activities if a.led_by == "guest" and a.is_for(audience.id)
        ]
        if module.audiences[audience.id].input_by == "guest":
            led.insert(0, "its teaching input")
        if led:
            message = (
                f"module {module_id!r} gives {', '.join(led)} to a guest, but this audience names no guest: "
                "add 'guest:' with a title (the role) and a briefing"
            )
            problems.append(
                Problem(entry.shown, entry.lines.get(("modules", index)), f"modules[{index}]", message)
            )
    return problems


def _audience_parts(entry) -> list[Problem]:
    """Each module of the course is taught in exactly one part, and the parts fill its length."""
    audience, problems = entry.item, []
    if audience.parts is None:
        return problems
    in_parts = [m for part in audience.parts for m in part.modules]
    for index, module_id in enumerate(audience.modules):
        if module_id not in in_parts:
            message = f"module {module_id!r} is in no part: add it to the 'modules' of one of the 'parts'"
            problems.append(
                Problem(entry.shown, entry.lines.get(("modules", index)), f"modules[{index}]", message)
            )
    for p_index, part in enumerate(audience.parts):
        for m_index, module_id in enumerate(part.modules):
            loc = ("parts", p_index, "modules", m_index)
            field = f"parts[{p_index}].modules[{m_index}]"
            if module_id not in audience.modules:
                message = (
                    f"module {module_id!r} is not in this course's 'modules': add it there, or remove it here"
                )
                problems.append(Problem(entry.shown, entry.lines.get(loc), field, message))
            elif in_parts.count(module_id) > 1 and in_parts.index(module_id) != _position(
                audience, p_index, m_index
            ):
                message = (
                    f"module {module_id!r} is already in an earlier part: a module is taught in one part"
                )
                problems.append(Problem(entry.shown, entry.lines.get(loc), field, message))
    total = sum(part.minutes for part in audience.parts)
    if total != audience.length_minutes:
        message = (
            f"is {audience.length_minutes} but the parts add up to {total} min: make length_minutes {total}, "
            "or change the parts' minutes"
        )
        problems.append(Problem(entry.shown, entry.lines.get(("length_minutes",)), "length_minutes", message))
    return problems


def _position(audience, part_index: int, module_index: int) -> int:
    return sum(len(part.modules) for part in audience.parts[:part_index]) + module_index


def _module_refs(entry, module_ids: set, audience_ids: set, source_ids: set) -> list[Problem]:
    module, shown, lines = entry.item, entry.shown, entry.lines
    problems: list[Problem] = []

    def bad(loc: tuple, message: str) -> None:
        problems.append(Problem(shown, lines.get(loc) or lines.get(loc[:2]), _field(loc), message))

    for audience_id in module.audiences:
        if audience_id not in audience_ids:
            bad(
                ("audiences", audience_id),
                f"no audience has id {audience_id!r}{_hint(audience_id, audience_ids)}",
            )
    for index, prereq in enumerate(module.prerequisites):
        if prereq not in module_ids or prereq == module.id:
            bad(
                ("prerequisites", index),
                f"no other module has id {prereq!r}{_hint(prereq, module_ids - {module.id})}",
            )
    outcome_ids = {o.id for o in module.outcomes}
    for name in ITEM_LISTS:
        for index, item in enumerate(getattr(module, name)):
            for a_index, audience_id in enumerate(item.audiences or ()):
                if audience_id not in module.audiences:
                    bad(
                        (name, index, "audiences", a_index),
                        f"{audience_id!r} is not one of this module's audiences ({', '.join(module.audiences)})",
                    )
            for o_index, outcome_id in enumerate(getattr(item, "outcomes", ()) if name != "outcomes" else ()):
                if outcome_id not in outcome_ids:
                    bad(
                        (name, index, "outcomes", o_index),
                        f"no outcome of this module has id {outcome_id!r}{_hint(outcome_id, outcome_ids)}",
                    )
    for index, note in enumerate(module.content_notes):
        for a_index, audience_id in enumerate(note.audiences or ()):
            if audience_id not in module.audiences:
                bad(
                    ("content_notes", index, "audiences", a_index),
                    f"{audience_id!r} is not one of this module's audiences ({', '.join(module.audiences)})",
                )
    for index, term in enumerate(module.glossary):
        for match in body_syntax.CITATION.finditer(term.definition):
            if match["id"] not in source_ids:
                bad(("glossary", index, "definition"), _unknown_source(match["id"], source_ids))
        for a_index, audience_id in enumerate(term.audiences or ()):
            if audience_id not in module.audiences:
                bad(
                    ("glossary", index, "audiences", a_index),
                    f"{audience_id!r} is not one of this module's audiences ({', '.join(module.audiences)})",
                )
    for name in ITEM_LISTS:
        for index, item in enumerate(getattr(module, name)):
            for found in text_fields(item):
                for match in body_syntax.CITATION.finditer(found.text):
                    if match["id"] not in source_ids:
                        bad((name, index, *found.loc), _unknown_source(match["id"], source_ids))
    for index, message in enumerate(module.key_messages):
        for s_index, source_id in enumerate(message.sources):
            if source_id not in source_ids:
                bad(("key_messages", index, "sources", s_index), _unknown_source(source_id, source_ids))
    material_ids = {m.id for m in module.materials}
    for index, activity in enumerate(module.activities):
        for m_index, material_id in enumerate(activity.materials):
            if material_id not in material_ids:
                bad(
                    ("activities", index, "materials", m_index),
                    (
                        f"no material of this module has id {material_id!r}{_hint(material_id, material_ids)}; "
                        "add it under 'materials' with its full content"
                    ),
                )
    for index, story in enumerate(module.stories):
        if story.source not in source_ids:
            bad(("stories", index, "source"), _unknown_source(story.source, source_ids))
        for a_index, audience_id in enumerate(story.consent.audiences or ()):
            if audience_id not in module.audiences:
                bad(
                    ("stories", index, "consent", "audiences", a_index),
                    f"{audience_id!r} is not one of this module's audiences ({', '.join(module.audiences)})",
                )
    problems += _body_problems(entry, set(module.audiences), source_ids)
    return problems


def _story_refs(entry, story_ids: set) -> list[Problem]:
    """Items and body blocks tied to a story must name one that exists (in any module)."""
    module, problems = entry.item, []
    for name in STORY_TIED + STORY_USING:
        for index, item in enumerate(getattr(module, name)):
            for key in ("story", "instead_of"):
                tied = getattr(item, key, None)
                for story_id in (tied,) if isinstance(tied, str) else tied or ():
                    if story_id in story_ids:
                        continue
                    loc = (name, index, key)
                    line = entry.lines.get(loc) or entry.lines.get(loc[:2])
                    problems.append(
                        Problem(entry.shown, line, _field(loc), _unknown_story(story_id, story_ids))
                    )
    for part in body_syntax.blocks(module.body)[0]:
        story_id = part.story or part.instead_of
        if story_id and story_id not in story_ids:
            line = module.body_line + part.start - 1
            problems.append(Problem(entry.shown, line, "body", _unknown_story(story_id, story_ids)))
    return problems


def _unknown_story(story_id: str, story_ids: set) -> str:
    return (
        f"no story has id {story_id!r}{_hint(story_id, story_ids)}; tie the text to a story of this library"
    )


def _body_problems(entry, audiences: set, source_ids: set) -> list[Problem]:
    module, problems = entry.item, []
    parts, issues = body_syntax.blocks(module.body)
    for issue in issues:
        problems.append(Problem(entry.shown, module.body_line + issue.offset, "body", issue.message))
    for part in parts:
        for audience_id in part.audiences or ():
            if audience_id not in audiences:
                problems.append(
                    Problem(
                        entry.shown,
                        module.body_line + part.start - 1,
                        "body",
                        (f"'::: only' names {audience_id!r}, which is not one of this module's audiences"),
                    )
                )
    for offset, source_id in body_syntax.citations(module.body):
        if source_id not in source_ids:
            problems.append(
                Problem(
                    entry.shown, module.body_line + offset, "body", _unknown_source(source_id, source_ids)
                )
            )
    return problems


def _unknown_source(source_id: str, source_ids: set) -> str:
    return (
        f"no source has id {source_id!r}{_hint(source_id, source_ids)}; "
        "add it to sources.yml or to this module's 'sources'"
    )


def _source_clashes(modules: list, shared: list) -> list[Problem]:
    seen = {s.item.id: "sources.yml" for s in shared}
    problems = []
    for entry in modules:
        for index, source in enumerate(entry.item.sources):
            if source.id in seen:
                problems.append(
                    Problem(
                        entry.shown,
                        entry.lines.get(("sources", index, "id")),
                        f"sources[{index}].id",
                        f"source id {source.id!r} is already defined in {seen[source.id]}",
                    )
                )
            seen[source.id] = entry.shown
    return problems


def _prerequisite_cycles(modules: list, module_ids: set) -> list[Problem]:
    graph = {m.item.id: [p for p in m.item.prerequisites if p in module_ids] for m in modules}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        cycle = exc.args[1]
        where = {m.item.id: m for m in modules}[cycle[0]]
        return [
            Problem(
                where.shown,
                where.lines.get(("prerequisites",)),
                "prerequisites",
                "prerequisites form a cycle: " + " -> ".join(cycle) + "; remove one of them",
            )
        ]
    return []
