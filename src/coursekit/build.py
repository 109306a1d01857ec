"""Build courses: load → plan → render into a staging folder → swap into place.

A failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .load import Project
from .outputdir import MARKER, staged_output
from .plan import OUTPUTS, CoursePlan, build_plan


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    out: Path
    plans: tuple[CoursePlan, ...]
    files: tuple[Path, ...]


def build(project: Project, audience_ids: list[str], outputs: tuple[str, ...], out: Path,
          slides_template: Path | None = None) -> BuildResult:
    """Build the given audiences' courses into out, replacing what was there only on success.

    slides_template is an organisation's .pptx (layouts, no slides) to build the decks on.
    """
    out = out.resolve()
    if slides_template is not None and "slides" in outputs:
        from .render.slides import check_template

        check_template(slides_template)
    plans = tuple(build_plan(project, audience_id, outputs) for audience_id in audience_ids)
    with staged_output(out) as staging:
        files = _render_all(project, plans, outputs, staging, slides_template)
        _write_marker(staging, plans, outputs)
    return BuildResult(out, plans, tuple(out / f.relative_to(staging) for f in files))


def _render_all(project: Project, plans, outputs, staging: Path, slides_template: Path | None) -> list[Path]:
    from .render import landing, site, slides

    files: list[Path] = []
    for plan in plans:
        # The site goes first: MkDocs empties its site folder, which would delete the deck.
        if "site" in outputs:
            files += site.render(plan, staging, project.mkdocs_config)
        if "slides" in outputs:
            files += slides.render(plan, staging, slides_template)
    files.append(landing.render(plans, staging))
    return files


def _write_marker(staging: Path, plans, outputs) -> None:
    from . import __version__

    record = {"generator": "coursekit", "version": __version__,
              "courses": [p.id for p in plans], "outputs": [o for o in OUTPUTS if o in outputs]}
    (staging / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
