"""The coursekit command line. Each command parses options, calls one library function, reports.

This is the only place that catches CourseKitError: it prints 'Error: ...' lines on stderr
and exits 1. Heavy libraries (mkdocs, python-pptx) are imported inside the commands.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .render import OUTPUTS, output

app = typer.Typer(
    help="Build co-production training courses: a learner website and trainer slides per audience, "
    "from reusable modules (modules/*.md) and audiences (audiences/*.yml).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


Output = Enum("Output", {o.name: o.name for o in OUTPUTS}, type=str)


class ScormVersion(str, Enum):
    v12 = "12"
    v2004 = "2004"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coursekit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """coursekit: co-production training courses from reusable modules."""


ProjectOption = Annotated[
    Path,
    typer.Option(
        "--project",
        "-p",
        help="Folder holding modules/ and audiences/. Default: this folder, or the "
        "built-in co-production course if this folder has no modules/.",
    ),
]


@app.command()
def build(
    audience: Annotated[
        list[str] | None,
        typer.Option(
            "--audience", "-a", help="Build only this audience's course (repeat for more). Default: all."
        ),
    ] = None,
    only: Annotated[
        Output | None,
        typer.Option("--only", help="Build only one output: " + ", ".join(o.name for o in OUTPUTS) + "."),
    ] = None,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Output folder. It is replaced only if the whole build succeeds."),
    ] = Path("site"),
    slides_template: Annotated[
        Path | None,
        typer.Option(
            "--slides-template",
            help="Your organisation's PowerPoint (.pptx with its slide masters and no "
            "slides) to build the decks on. It needs layouts named 'Title Slide', 'Title and Content' and "
            "'Section Header'.",
        ),
    ] = None,
    scorm: Annotated[
        ScormVersion,
        typer.Option(
            "--scorm",
            help="LMS package format: SCORM 1.2 (most LMSs, the default) or SCORM 2004 4th edition.",
        ),
    ] = ScormVersion.v12,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Refuse to build (and change nothing) unless 'coursekit check --strict' passes."
        ),
    ] = False,
    run_check: Annotated[
        bool,
        typer.Option(
            "--check/--no-check",
            help="Run 'coursekit check' and show what it finds after the build (default). --no-check "
            "skips it, for a quick rebuild of content you have already checked.",
        ),
    ] = True,
    project: ProjectOption = Path("."),
) -> None:
    """Build each audience's course site, slide deck and LMS package into the output folder.

    Every problem 'coursekit check' finds is shown as a warning after the build.
    """
    import warnings

    from .build import build as run_build
    from .check import check_project

    with _reporting(), warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        loaded = _load(project)
        audience_ids = _audience_ids(loaded, audience)
        report = check_project(loaded) if run_check or strict else None
        if strict and report.failed(strict=True):
            _echo_check_warnings(report)
            typer.echo(
                f"Error: {_check_summary(report, True)} Nothing was built or changed "
                "(--strict). Run 'coursekit check' for details.",
                err=True,
            )
            raise typer.Exit(code=1)
        outputs = (only.value,) if only else tuple(o.name for o in OUTPUTS)
        result = run_build(loaded, audience_ids, outputs, out, slides_template, scorm.value)
    build_warnings = [str(w.message) for w in warned if w.category.__module__.startswith("coursekit")]
    for warning in build_warnings:
        typer.echo(f"Warning: {warning}", err=True)
    _warn(result.warnings)
    for plan in result.plans:
        made = [f for f in result.files if f.is_relative_to(result.out / plan.id)]
        # The registry names the SCORM 1.2 package; --scorm 2004 names it differently.
        main_file = output(plan.outputs[0]).main_file(plan.id).replace("scorm12", f"scorm{scorm.value}")
        typer.echo(
            f"{plan.id}: {len(plan.modules)} modules, {_in_the_room(plan)}, {len(made)} files "
            f"-> {_shown(result.out / plan.id / main_file)}"
        )
    for notice in result.notices:
        typer.echo(f"Note: {notice}", err=True)
    typer.echo(f"Built {len(result.plans)} course(s). Open {_shown(result.out / 'index.html')} in a browser.")
    if report is not None:
        _echo_check_warnings(report, already={*build_warnings, *(str(p) for p in result.warnings)})


def _echo_check_warnings(report, already: set[str] = frozenset()) -> None:
    """Show every problem `coursekit check` finds, one line each on stderr, except those the build
    itself has just warned about."""
    for finding in report.findings:
        if str(finding) not in already:
            typer.echo(f"Warning: {finding}", err=True)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="A new or empty folder for the project.")],
    name: Annotated[str, typer.Option("--name", help="Your organisation's name.")] = "Our organisation",
) -> None:
    """Start your organisation's own course on the built-in library, ready to build and keep in git."""
    from .build import build as run_build
    from .newproject import create_project

    with _reporting():
        create_project(folder, name)
        loaded = _load(folder)
        result = run_build(
            loaded, [a.id for a in loaded.audiences], tuple(o.name for o in OUTPUTS), folder / "site"
        )
    typer.echo(
        f"Made {_shown(folder)}: organisation.yml, modules/, audiences/, additions/, README.md, "
        "CHANGELOG.md and a CI workflow."
    )
    typer.echo(
        f"Built {len(result.plans)} course(s). Open {_shown(result.out / 'index.html')} in a browser. "
        f"Next: read {_shown(folder / 'README.md')}."
    )


@app.command("list")
def list_content(project: ProjectOption = Path(".")) -> None:
    """List the modules and audiences, with their minutes."""
    from .plan import build_plan

    with _reporting():
        loaded = _load(project)
    typer.echo(f"Modules ({len(loaded.modules)}):")
    for module in loaded.modules:
        origin = loaded.origins[module.id].kind if module.id in loaded.origins else ""
        typer.echo(
            f"  {module.id:<45} {module.minutes:>4} min  v{module.version:<6} {origin:<21} {module.title}"
        )
    typer.echo(f"Audiences ({len(loaded.audiences)}):")
    for audience in loaded.audiences:
        plan = build_plan(loaded, audience.id)
        typer.echo(
            f"  {audience.id:<45} {plan.total_minutes:>4} min  {len(plan.modules)} modules  {audience.name}"
        )


class Format(str, Enum):
    text = "text"
    json = "json"


@app.command()
def check(
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too, not only on errors.")
    ] = False,
    output_format: Annotated[
        Format, typer.Option("--format", help="text: one line per finding; json: findings and a summary.")
    ] = Format.text,
    sources_dir: Annotated[
        Path | None,
        typer.Option(
            "--sources-dir",
            exists=True,
            file_okay=False,
            help="Folder of source transcripts (*.txt): "
            "report text that repeats nine or more of their words in a row. Default: not checked.",
        ),
    ] = None,
    update_versions: Annotated[
        bool,
        typer.Option(
            "--update-versions",
            help="Record each of your own modules' current version and content in "
            "coursekit.lock (commit it), so a later change without a new version is caught.",
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Check the modules and audiences against the quality standard (hard gates, alignment, language,
    readability, safety)."""
    from .check import check_project

    if output_format is Format.json:
        loaded = _load_for_json(project, strict)
    else:
        with _reporting():
            loaded = _load(project)
    if update_versions:
        with _reporting():
            loaded = _update_versions(loaded)
    report = check_project(loaded, sources_dir)
    if output_format is Format.json:
        _echo_json(report.findings, report.summary(strict))
    else:
        for finding in report.findings:
            typer.echo(f"{finding.severity.capitalize()}: {finding}")
        typer.echo(_check_summary(report, strict))
    raise typer.Exit(code=1 if report.failed(strict) else 0)


def _update_versions(loaded):
    from .errors import CourseKitError
    from .load import load_project
    from .versions import write_lock

    if not loaded.layered:
        raise CourseKitError(
            "--update-versions is for an organisation's project (with organisation.yml); this folder has none"
        )
    path = write_lock(loaded)
    typer.echo(f"Recorded module versions in {_shown(path)}.", err=True)
    return load_project(loaded.root)


def _load_for_json(project: Path, strict: bool):
    """Load the project; if it cannot be loaded, print the load problems as JSON findings and exit 1."""
    from .errors import ContentError, CourseKitError, Problem

    try:
        return _load(project)
    except ContentError as error:
        problems = error.problems
    except CourseKitError as error:
        problems = [Problem(str(project), None, None, str(error).removeprefix(f"{project}: "))]
    summary = {"errors": len(problems), "warnings": 0, "files": 0, "strict": strict, "failed": True}
    _echo_json(problems, summary)
    raise typer.Exit(code=1)


def _echo_json(findings, summary: dict) -> None:
    import json

    typer.echo(json.dumps({"findings": [f.as_dict() for f in findings], "summary": summary}, indent=2))


def _check_summary(report, strict: bool) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    counts = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if not report.failed(strict):
        return f"Checked {report.files} files: {counts}; passed{' (strict)' if strict else ''}."
    because = " (--strict: warnings count)" if strict and not errors else ""
    return f"Checked {report.files} files: {counts}; failed{because}."


session_app = typer.Typer(
    help="Plan and build one session: a course for one group, on the clock.", no_args_is_help=True
)
app.add_typer(session_app, name="session")


@session_app.command("new")
def session_new(
    name: Annotated[str, typer.Argument(help="The session's name: sessions/NAME.yml is written.")],
    project: ProjectOption = Path("."),
) -> None:
    """Write sessions/NAME.yml, commented, ready to edit (never overwrites)."""
    from .errors import OutputError
    from .newsession import new_session_text
    from .schema import SLUG_PATTERN

    with _reporting():
        if not re.match(SLUG_PATTERN, name):
            raise OutputError(
                f"{name!r}: a session name uses lower-case letters, digits and hyphens, "
                "for example 'housing-officers'"
            )
        path = Path("sessions") / f"{name}.yml"
        if path.exists():
            raise OutputError(f"{path}: already exists; edit it, or choose another name")
        text = new_session_text(_load(project), name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    typer.echo(f"Wrote {path}. Edit it, then run: coursekit session plan {path}")


SessionFileArgument = Annotated[Path, typer.Argument(help="The session file, such as sessions/NAME.yml.")]


@session_app.command("plan")
def session_plan(file: SessionFileArgument, project: ProjectOption = Path(".")) -> None:
    """Print the run-sheet: clock time, block, minutes, who leads, materials; then what was cut."""
    from .runsheet import runsheet

    with _reporting():
        planned = _plan_session(file, _load(project))
    _warn(planned.warnings)
    session = planned.session
    heading = f"{session.title}: for {planned.plan.audience.name.lower()}, {session.mode}"
    for line in runsheet(planned.plan, planned.timeline, heading):
        typer.echo(line)


@session_app.command("build")
def session_build(
    file: SessionFileArgument,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output folder. Default: sessions/out/<file name>/. It is replaced only if the "
            "whole build succeeds.",
        ),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Build everything for one session (every registered output) into its own folder."""
    from .build import build_plans

    with _reporting():
        loaded = _load(project)
        planned = _plan_session(file, loaded)
        folder = out or Path("sessions") / "out" / file.stem
        outputs = tuple(o.name for o in OUTPUTS)
        result = build_plans(
            (planned.plan,),
            outputs,
            folder,
            planned.session.template,
            loaded.mkdocs,
            session=planned,
            brand=loaded.brand,
            changelog=loaded.changelog,
        )
    _warn(planned.warnings)
    for notice in result.notices:
        typer.echo(f"Note: {notice}", err=True)
    typer.echo(f"{planned.session.title}: {len(result.files)} files -> {_shown(result.out)}")
    typer.echo(
        f"Open {_shown(result.out / planned.plan.id / output('site').main_file(planned.plan.id))} "
        "in a browser."
    )


def _plan_session(file: Path, loaded):
    from .session import load_session, plan_session

    return plan_session(loaded, load_session(file, loaded))


def _warn(problems) -> None:
    for problem in problems:
        typer.echo(f"Warning: {problem}", err=True)


def _load(project: Path):
    from .content import builtin_root
    from .layers import is_project
    from .load import load_project

    if is_project(project):
        return load_project(project)
    if project != Path("."):
        from .errors import CourseKitError

        found = "has no organisation.yml, modules/ or audiences/" if project.is_dir() else "no such folder"
        raise CourseKitError(
            f"{project}: {found}; --project must be a course project folder "
            "(make one with: coursekit init FOLDER)"
        )
    typer.echo(
        "No organisation.yml, modules/ or audiences/ here, so using the built-in co-production course.",
        err=True,
    )
    return load_project(builtin_root())


def _audience_ids(project, wanted: list[str] | None) -> list[str]:
    from .suggest import closest

    known = [a.id for a in project.audiences]
    for audience_id in wanted or []:
        if audience_id not in known:
            match = closest(audience_id, known)
            hint = f"did you mean {match!r}? " if match else ""
            raise typer.BadParameter(
                f"no audience {audience_id!r}; {hint}choose from: {', '.join(known)}",
                param_hint="'--audience'",
            )
    return list(dict.fromkeys(wanted)) if wanted else known


def _in_the_room(plan) -> str:
    """'7 h in the room' when the course is planned on the clock, else its teaching minutes."""
    if plan.timeline is None:
        return f"{plan.total_minutes} min"
    from .timetext import short_duration

    return f"{short_duration(plan.timeline.minutes)} in the room"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@contextmanager
def _reporting():
    from .errors import ContentError, CourseKitError
    from .outputdir import Stopped

    try:
        yield
    except KeyboardInterrupt:
        typer.echo("Interrupted; nothing was changed.", err=True)
        raise typer.Exit(code=130) from None
    except Stopped as stop:
        typer.echo(str(stop), err=True)
        raise typer.Exit(code=stop.exit_code) from None
    except CourseKitError as error:
        for line in error.lines():
            typer.echo(f"Error: {line}", err=True)
        if isinstance(error, ContentError):
            count = len(error.problems)
            typer.echo(
                f"{count} problem{'s' if count != 1 else ''} found; nothing was built or changed.", err=True
            )
        raise typer.Exit(code=1) from None
