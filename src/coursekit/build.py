"""Build courses: load → plan → render into a staging folder → swap into place.

A failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError
from .model import BuildSettings, Project
from .plan import CoursePlan, build_plan
from .render import OUTPUTS, ordered

MARKER = ".coursekit-output.json"


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    out: Path
    plans: tuple[CoursePlan, ...]
    files: tuple[Path, ...]
    notices: tuple[str, ...] = ()
    """What the build left out and why, one line each, for the person who ran it."""


def build(project: Project, audience_ids: list[str], outputs: tuple[str, ...], out: Path,
          slides_template: Path | None = None, scorm_version: str = "12") -> BuildResult:
    """Build the given audiences' courses into out, replacing what was there only on success.

    slides_template is an organisation's .pptx (layouts, no slides) to build the decks on;
    scorm_version is "12" or "2004", for the LMS packages.
    """
    out = out.resolve()
    check_output_folder(out)
    outputs = ordered(outputs)
    if slides_template is not None and "slides" in outputs:
        from .render.slides import check_template

        check_template(slides_template)
    settings = BuildSettings(outputs=outputs, slides_template=slides_template, mkdocs=project.mkdocs,
                             scorm_version=scorm_version)
    plans = tuple(build_plan(project, audience_id, outputs) for audience_id in audience_ids)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".coursekit-build-", dir=out.parent))
    try:
        files = _render_all(plans, settings, staging)
        _write_marker(staging, plans, outputs)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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
                notices.append(f"{plan.id}: {output.description} leaves out {len(withheld)} "
                               f"stor{'y' if len(withheld) == 1 else 'ies'} whose consent does not cover "
                               f"{output.use}: {names}")
    return tuple(notices)


def check_output_folder(out: Path) -> None:
    """Refuse a folder that holds something coursekit did not make."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"{out}: is not empty and was not made by coursekit; "
                          "choose an empty or new folder, or remove this one")


def _render_all(plans, settings: BuildSettings, staging: Path) -> list[Path]:
    from .render import landing

    files: list[Path] = []
    for plan in plans:
        for output in OUTPUTS:
            if output.name in settings.outputs:
                files += output.render(plan, staging, settings)
    files.append(landing.render(plans, staging))
    return files


def _write_marker(staging: Path, plans, outputs) -> None:
    from . import __version__

    record = {"generator": "coursekit", "version": __version__,
              "courses": [p.id for p in plans], "outputs": list(outputs)}
    (staging / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    old = out.with_name(f".coursekit-old-{out.name}-{os.getpid()}")
    out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
