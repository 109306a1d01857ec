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
from .load import Project
from .plan import OUTPUTS, CoursePlan, build_plan

MARKER = ".coursekit-output.json"


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    out: Path
    plans: tuple[CoursePlan, ...]
    files: tuple[Path, ...]


@dataclass(frozen=True)
class BuildSettings:
    """Options for the renderers (stand-in until the output registry lands)."""

    scorm_version: str = "12"


def build(project: Project, audience_ids: list[str], outputs: tuple[str, ...], out: Path,
          slides_template: Path | None = None, settings: BuildSettings = BuildSettings()) -> BuildResult:
    """Build the given audiences' courses into out, replacing what was there only on success.

    slides_template is an organisation's .pptx (layouts, no slides) to build the decks on.
    """
    out = out.resolve()
    check_output_folder(out)
    if slides_template is not None and "slides" in outputs:
        from .render.slides import check_template

        check_template(slides_template)
    plans = tuple(build_plan(project, audience_id, outputs) for audience_id in audience_ids)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".coursekit-build-", dir=out.parent))
    try:
        files = _render_all(project, plans, outputs, staging, slides_template, settings)
        _write_marker(staging, plans, outputs)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(out, plans, tuple(out / f.relative_to(staging) for f in files))


def check_output_folder(out: Path) -> None:
    """Refuse a folder that holds something coursekit did not make."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"{out}: is not empty and was not made by coursekit; "
                          "choose an empty or new folder, or remove this one")


def _render_all(project: Project, plans, outputs, staging: Path, slides_template: Path | None,
                settings: BuildSettings) -> list[Path]:
    from .render import landing, site, slides

    files: list[Path] = []
    for plan in plans:
        # The site goes first: MkDocs empties its site folder, which would delete the deck.
        if "site" in outputs:
            files += site.render(plan, staging, project.mkdocs_config)
        if "slides" in outputs:
            files += slides.render(plan, staging, slides_template)
        if "scorm" in outputs:
            files += _render_scorm(project, plan, outputs, staging, settings)
    files.append(landing.render(plans, staging))
    return files


def _render_scorm(project: Project, plan, outputs, staging: Path, settings: BuildSettings) -> list[Path]:
    from .render import scorm, site

    if "site" in outputs:
        return scorm.render(plan, staging, settings)
    # Only the package is wanted: build the site it wraps aside, and keep just the zip.
    with tempfile.TemporaryDirectory(prefix="coursekit-scorm-") as aside:
        site.render(plan, Path(aside), project.mkdocs_config)
        (made,) = scorm.render(plan, Path(aside), settings)
        target = staging / made.relative_to(aside)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(made, target)
    return [target]


def _write_marker(staging: Path, plans, outputs) -> None:
    from . import __version__

    record = {"generator": "coursekit", "version": __version__,
              "courses": [p.id for p in plans], "outputs": [o for o in OUTPUTS if o in outputs]}
    (staging / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    old = out.with_name(f".coursekit-old-{out.name}-{os.getpid()}")
    out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
