"""A session: one delivery of a course, for one group, on the clock, from one short YAML file.

    session = load_session(Path("sessions/housing-officers.yml"), project)
    planned = plan_session(project, session)          # pure
    planned.timeline.parts[0].times()                 # the run-sheet

Loading reports every problem at once, each naming the file, line and field. Planning picks the
modules as the session's audience gets them (a new audience gets what its `based_on` audience
gets: no module edits), fills the local-context slots and times every block (timeline.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from . import slots, timeline
from .errors import WARNING, ContentError, Problem
from .model import Project
from .plan import CoursePlan, plan_course
from .schema import DEFAULT_START, ClockTime, Label, Minutes, Model, Slug
from .suggest import did_you_mean
from .validation import read_mapping
from .yamlfile import Loc, ParseFailure, dotted, line_of


def _local_text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {value!r}")
    if re.search(r"[<>{}]", value):
        raise ValueError("must be plain text: no '<', '>', '{' or '}'")
    return " ".join(value.split())


LocalText = Annotated[str, BeforeValidator(_local_text)]


class BreakSpec(Model):
    """A break at a fixed time: `after_minutes` from the start of its part, or `at` a clock time."""

    after_minutes: Annotated[int, Field(strict=True, ge=0)] | None = None
    at: ClockTime | None = None
    minutes: Minutes
    lunch: StrictBool = False
    """True to show it as lunch."""

    @model_validator(mode="after")
    def _one_time(self) -> BreakSpec:
        if (self.after_minutes is None) == (self.at is None):
            raise ValueError("give the break either 'after_minutes' or 'at' (one of them)")
        return self


class PartSpec(Model):
    """One sitting of a session: a day, a half day, a follow-up."""

    title: Label
    date: dt.date | None = None
    start: ClockTime = DEFAULT_START
    minutes: Minutes
    """Time in the room, breaks included."""
    modules: tuple[Slug, ...] | None = None
    """The modules of this part; default: the session's modules fill the parts in order."""
    breaks: tuple[BreakSpec, ...] | None = None


class Facilitator(Model):
    """Someone who delivers the session."""

    name: Label
    role: Literal["lead", "co-trainer"]
    lived_experience: StrictBool = False
    """True for a co-trainer with lived experience (paid like any other trainer)."""


class SessionFile(Model):
    """The fields of a session file (sessions/NAME.yml)."""

    title: Label
    audience: Slug
    """An existing audience id, or a new one (then give based_on)."""
    audience_name: Label | None = None
    """A new audience's name, such as 'Housing officers'. Default: made from its id."""
    based_on: Slug | None = None
    """For a new audience: the existing audience whose material it gets."""
    modules: tuple[Slug, ...] | None = None
    """Module ids in order. Default: the audience's (or its base's) default course."""
    date: dt.date | None = None
    start: ClockTime | None = None
    minutes: Minutes | None = None
    """Total time in the room, breaks included (or give parts)."""
    parts: tuple[PartSpec, ...] | None = Field(default=None, min_length=1)
    breaks: tuple[BreakSpec, ...] | None = None
    """Fixed breaks. Default: one at least every 90 minutes (60 for lived-experience groups), lunch
    on a part of 5 hours or more."""
    mode: Literal["in-person", "online"] = "in-person"
    facilitators: tuple[Facilitator, ...] = ()
    local: dict[Slug, LocalText] = Field(default_factory=dict)
    """Values for the local-context slots: organisation, area, support and the modules' own."""
    slides_template: Annotated[str, Field(strict=True, min_length=1)] | None = None
    """The organisation's .pptx, relative to the session file."""


class Session(SessionFile):
    """A loaded session file and where it came from."""

    path: str
    """The file as shown in messages."""
    folder: Path
    """The folder holding the file (slides_template is relative to it)."""
    lines: dict = Field(default_factory=dict, repr=False)

    def line(self, *loc) -> int | None:
        return line_of(self.lines, loc)

    @property
    def template(self) -> Path | None:
        return self.folder / self.slides_template if self.slides_template else None

    def sittings(self) -> tuple[PartSpec, ...]:
        """The parts, a one-sitting session being one part."""
        if self.parts is not None:
            return self.parts
        return (
            PartSpec.model_construct(
                title=self.title,
                date=self.date,
                start=self.start or DEFAULT_START,
                minutes=self.minutes,
                modules=None,
                breaks=self.breaks,
            ),
        )


@dataclass(frozen=True)
class SessionPlan:
    """Everything a session's renderers need."""

    plan: CoursePlan
    """The course as this session runs it: slots filled, trims applied, timeline attached."""
    session: Session
    timeline: timeline.Timeline
    local: dict[str, str]
    """Every slot of the session with its value, or its placeholder when empty."""
    warnings: tuple[Problem, ...] = ()


_FIELD_NAMES = frozenset(n for m in (SessionFile, PartSpec, BreakSpec, Facilitator) for n in m.model_fields)


def load_session(path: Path, project: Project, shown: str | None = None) -> Session:
    """Read and validate a session file against the project; raise ContentError with every problem."""
    shown = shown or _shown(path)
    if not path.is_file():
        raise ContentError([Problem(shown, None, None, "session file not found")])
    try:
        read = read_mapping(path, shown, SessionFile, _FIELD_NAMES, "fields (title, audience, ...)")
    except ParseFailure as failure:
        raise ContentError(failure.problems) from None
    session = Session.model_construct(**dict(read.data), path=shown, folder=path.parent, lines=read.lines)
    problems = _shape_problems(session) or _reference_problems(session, project)
    if problems:
        raise ContentError(problems)
    return session


def _shape_problems(session: Session) -> list[Problem]:
    if session.parts is not None:
        given = [
            name for name in ("minutes", "start", "date", "breaks") if getattr(session, name) is not None
        ]
        if given:
            return [
                Problem(
                    session.path,
                    session.line(given[0]),
                    given[0],
                    (
                        f"give either 'minutes' (one sitting) or 'parts', not both: move "
                        f"{', '.join(repr(g) for g in given)} into each part, or remove 'parts'"
                    ),
                )
            ]
    elif session.minutes is None:
        return [
            Problem(
                session.path,
                None,
                "minutes",
                (
                    "is required but missing: give 'minutes' (total time in the room, breaks included) or 'parts'"
                ),
            )
        ]
    return []


def _reference_problems(session: Session, project: Project) -> list[Problem]:
    audience_ids = {a.id for a in project.audiences}
    problems: list[Problem] = []

    def bad(loc: Loc, message: str) -> None:
        problems.append(Problem(session.path, session.line(*loc), dotted(loc), message))

    if session.audience in audience_ids and session.based_on:
        bad(
            ("based_on",),
            f"{session.audience!r} is an existing audience, so it takes no 'based_on'; "
            "remove it, or give the session a new audience id",
        )
    elif session.audience not in audience_ids and session.based_on is None:
        bad(
            ("audience",),
            f"no audience has id {session.audience!r}: for a new audience, add 'based_on' naming "
            f"the existing audience it builds on ({', '.join(sorted(audience_ids))})"
            f"{did_you_mean(session.audience, audience_ids)}",
        )
    elif session.based_on is not None and session.based_on not in audience_ids:
        bad(
            ("based_on",),
            f"no audience has id {session.based_on!r}{did_you_mean(session.based_on, audience_ids)}",
        )
    if problems:
        return problems
    served_as = served_audience(session)
    module_ids = {m.id for m in project.modules}
    lists = [(("modules",), session.modules or ())]
    lists += [(("parts", i, "modules"), part.modules or ()) for i, part in enumerate(session.parts or ())]
    for loc, ids in lists:
        for index, module_id in enumerate(ids):
            where = (*loc, index)
            if module_id not in module_ids:
                bad(where, f"no module has id {module_id!r}{did_you_mean(module_id, module_ids)}")
            elif served_as not in project.module(module_id).audiences:
                serving = sorted(m.id for m in project.modules if served_as in m.audiences)
                bad(
                    where,
                    f"module {module_id!r} has nothing for {served_as!r}; its modules are: "
                    f"{', '.join(serving)}",
                )
    problems += _part_module_problems(session)
    known = slots.declared(project.module(m) for m in session_module_ids(session, project) if m in module_ids)
    for name in session.local:
        if name not in known:
            bad(
                ("local", name),
                f"no slot named {name!r}{did_you_mean(name, known)}; the slots of this "
                f"session are: {', '.join(sorted(known))}",
            )
    return problems


def _part_module_problems(session: Session) -> list[Problem]:
    problems, seen = [], {}
    chosen = set(session.modules) if session.modules is not None else None
    for i, part in enumerate(session.parts or ()):
        for j, module_id in enumerate(part.modules or ()):
            loc = ("parts", i, "modules", j)
            if module_id in seen:
                problems.append(
                    Problem(
                        session.path,
                        session.line(*loc),
                        dotted(loc),
                        f"module {module_id!r} is already in part {seen[module_id] + 1}; "
                        "a module is taught once",
                    )
                )
            elif chosen is not None and module_id not in chosen:
                problems.append(
                    Problem(
                        session.path,
                        session.line(*loc),
                        dotted(loc),
                        f"module {module_id!r} is not in the session's 'modules'; add it there",
                    )
                )
            seen[module_id] = i
    return problems


def served_audience(session: Session) -> str:
    """Return the audience whose material the session's audience gets."""
    return session.based_on or session.audience


def session_module_ids(session: Session, project: Project) -> tuple[str, ...]:
    """Return the session's modules: its own list, the parts' lists, or the audience's default course."""
    if session.modules is not None:
        return session.modules
    if session.parts and all(part.modules is not None for part in session.parts):
        return tuple(m for part in session.parts for m in part.modules)
    return project.audience(served_audience(session)).modules


def session_audience(session: Session, project: Project):
    """Return the session's audience: an existing one, or a new one made from its base."""
    if session.based_on is None:
        return project.audience(session.audience)
    base = project.audience(session.based_on)
    name = session.audience_name or session.audience.replace("-", " ").capitalize()
    return base.model_copy(
        update={
            "id": session.audience,
            "name": name,
            "course_title": session.title,
            "modules": session_module_ids(session, project),
            "parts": None,  # the session's own parts say when it runs
        }
    )


def plan_session(
    project: Project,
    session: Session,
    defaults: Mapping[str, str] | None = None,
    outputs: tuple[str, ...] = ("site", "slides"),
) -> SessionPlan:
    """Plan a session: its modules for its audience, slots filled, every block on the clock.

    defaults are the organisation's values for slots the session leaves empty (a hook: none yet).
    Raises ContentError when the content cannot fit, naming the modules to drop.
    """
    audience = session_audience(session, project)
    course = plan_course(
        project, audience, session_module_ids(session, project), served_audience(session), outputs
    )
    defaults = {**audience.local, **project.local} if defaults is None else defaults
    local, warnings = _slot_values(session, project, course, defaults)
    course = slots.fill_plan(course, local)
    settings = time_settings(session, audience)
    try:
        timed = timeline.build_timeline(course, settings)
    except timeline.DoesNotFit as failure:
        loc = ("parts", failure.part_index, "minutes") if session.parts else ("minutes",)
        raise ContentError(
            [Problem(session.path, session.line(*loc), dotted(loc), failure.message)]
        ) from None
    warnings += _lead_warnings(session) + _no_activity_warnings(session, course)
    return SessionPlan(timeline.apply_cuts(course, timed), session, timed, local, tuple(warnings))


def time_settings(session: Session, audience) -> timeline.TimeSettings:
    """Return the time model's settings for a session."""
    sittings = tuple(
        timeline.Sitting(
            part.title,
            part.start,
            part.minutes,
            part.date,
            part.modules,
            None if part.breaks is None else tuple(_break_at(b, part.start) for b in part.breaks),
        )
        for part in session.sittings()
    )
    leads = [f.name for f in session.facilitators if f.role == "lead"]
    co_trainers = [f.name for f in session.facilitators if f.role == "co-trainer"]
    lead = " and ".join(leads) or "lead"
    co_trainer = (
        " and ".join(co_trainers) if co_trainers else (None if session.facilitators else "co-trainer")
    )
    return timeline.TimeSettings(
        sittings,
        session.mode,
        timeline.break_every(audience.id, session.based_on),
        lead,
        co_trainer,
        checks_in_room=audience.checks_in_room,
        own_check_in=audience.check_in is not None,
        guest=audience.guest.title if audience.guest else None,
    )


def _break_at(spec: BreakSpec, start: dt.time) -> timeline.BreakAt:
    if spec.after_minutes is not None:
        after = spec.after_minutes
    else:
        after = (spec.at.hour * 60 + spec.at.minute) - (start.hour * 60 + start.minute)
    return timeline.BreakAt(after, spec.minutes, spec.lunch)


def _slot_values(
    session: Session, project: Project, course: CoursePlan, defaults: Mapping[str, str]
) -> tuple[dict[str, str], list[Problem]]:
    names = set(slots.declared(view.module for view in course.modules)) | slots.used(course)
    values, warnings = {}, []
    for name in sorted(names):
        value = session.local.get(name) or defaults.get(name, "")
        if not value:
            where = ("local", name) if name in session.local else ("local",)
            warnings.append(
                Problem(
                    session.path,
                    session.line(*where),
                    f"local.{name}",
                    (
                        f"slot {name!r} is empty: add it under local in {session.path} "
                        f"(until then the outputs say {slots.placeholder(name)!r})"
                    ),
                    rule="slots",
                    severity=WARNING,
                )
            )
            value = slots.placeholder(name)
        values[name] = value
    return values, warnings


def _no_activity_warnings(session: Session, course: CoursePlan) -> list[Problem]:
    """A module that gives the session's audience no activity is teaching without doing."""
    problems = []
    for view in course.modules:
        if view.activities:
            continue
        listed = session.modules or ()
        loc = ("modules", listed.index(view.id)) if view.id in listed else ("audience",)
        problems.append(
            Problem(
                session.path,
                session.line(*loc),
                dotted(loc),
                (
                    f"module {view.id!r} gives {served_audience(session)!r} no activity: choose another module, or tag "
                    f"an activity for it in {view.module.path}"
                ),
                rule="G5-no-activity",
                severity=WARNING,
            )
        )
    return problems


def _lead_warnings(session: Session) -> list[Problem]:
    if not session.facilitators or any(f.role == "co-trainer" for f in session.facilitators):
        return []
    return [
        Problem(
            session.path,
            session.line("facilitators"),
            "facilitators",
            (
                "no co-trainer: every block is led by the lead trainer; this course is written to be co-delivered "
                "with a trainer with lived experience"
            ),
            rule="session",
            severity=WARNING,
        )
    ]


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
