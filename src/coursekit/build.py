"""Build courses: load → plan → render into a staging folder → swap into place.

A failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from .citations import resolve_plan
from .courselength import course_problems, course_timeline, online_timeline
from .errors import Problem
from .model import BuildSettings, Project
from .organisation import Brand, Release
from .outputdir import MARKER, staged_output
from .plan import CoursePlan
from .render import OUTPUTS, ordered
from .slots import default_course


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    out: Path
    plans: tuple[CoursePlan, ...]
    files: tuple[Path, ...]
    notices: tuple[str, ...] = ()
    """What the build left out and why, one line each, for the person who ran it."""
    warnings: tuple[Problem, ...] = ()
    """Courses whose plan is more than 10% off their stated length, modules with no activity."""


def build(
    project: Project,
    audience_ids: list[str],
    outputs: tuple[str, ...],
    out: Path,
    slides_template: Path | None = None,
    scorm_version: str = "12",
) -> BuildResult:
    """Build the given audiences' courses into out, replacing what was there only on success.

    slides_template is an organisation's .pptx (layouts, no slides) to build the decks on;
    scorm_version is "12" or "2004", for the LMS packages.
    """
    plans, warnings = [], []
    if slides_template is None and project.organisation and project.organisation.slides_template:
        slides_template = project.root / project.organisation.slides_template
    for audience_id in audience_ids:
        plan = default_course(project, audience_id, outputs)
        timed = course_timeline(plan)
        plans.append(dataclasses.replace(plan, timeline=timed, online=online_timeline(plan)))
        warnings += course_problems(project, plan)
    result = build_plans(
        tuple(plans),
        outputs,
        out,
        slides_template,
        project.mkdocs,
        scorm_version,
        brand=project.brand,
        changelog=project.changelog,
    )
    return dataclasses.replace(result, warnings=tuple(warnings), notices=project.notices + result.notices)


def build_plans(
    plans: tuple[CoursePlan, ...],
    outputs: tuple[str, ...],
    out: Path,
    slides_template: Path | None = None,
    mkdocs=None,
    scorm_version: str = "12",
    session=None,
    brand: Brand | None = None,
    changelog: tuple[Release, ...] = (),
) -> BuildResult:
    """Render planned courses through every registered output into out, replacing it only on success.

    session is the SessionPlan when building a session (renderers find it in settings.session);
    brand and changelog are the organisation's (settings.brand, settings.changelog).
    """
    out = out.resolve()
    outputs = ordered(outputs)
    if slides_template is not None and "slides" in outputs:
        from .render.slides import check_template

        check_template(slides_template)
    settings = BuildSettings(
        outputs=outputs,
        slides_template=slides_template,
        mkdocs=mkdocs or {},
        scorm_version=scorm_version,
        session=session,
        brand=brand or Brand(),
        changelog=changelog,
    )
    with staged_output(out) as staging:
        files = _render_all(plans, settings, staging)
        _write_marker(staging, plans, outputs)
    files = tuple(out / f.relative_to(staging) for f in files)
    return BuildResult(out, plans, files, consent_notices(plans, outputs))


def consent_notices(plans, outputs: tuple[str, ...]) -> tuple[str, ...]:
    """Say, per course and output, which stories were left out because consent does not cover them."""
    from .plan import for_use

    notices = []
    for plan in plans:
        for output in OUTPUTS:
            if output.name not in outputs:
                continue
            withheld = for_use(plan, output.use).withheld
            if withheld:
                names = ", ".join(w.story.id for w in withheld)
                notices.append(
                    f"{plan.id}: {output.description} leaves out {len(withheld)} "
                    f"stor{'y' if len(withheld) == 1 else 'ies'} whose consent does not cover "
                    f"{output.use} in this course: {names}"
                )
    return tuple(notices)


def _render_all(plans, settings: BuildSettings, staging: Path) -> list[Path]:
    from .render import landing

    files: list[Path] = []
    for plan in map(resolve_plan, plans):
        for output in OUTPUTS:
            if output.name in settings.outputs:
                files += output.render(plan, staging, settings)
    files += landing.render(plans, staging, settings.brand, settings.scorm_version)
    return files


def _write_marker(staging: Path, plans, outputs) -> None:
    from . import __version__

    record = {
        "generator": "coursekit",
        "version": __version__,
        "courses": [p.id for p in plans],
        "outputs": list(outputs),
    }
    (staging / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
