"""The output registry: every output coursekit can build, in the order they are built.

Each output is one module with the same function::

    render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]

`out` is the staging root; a course lives in `out/<plan.id>/`. Modules are imported only when
an output is built, so `coursekit --help` stays fast. Adding an output is one module and one
line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One kind of output."""

    name: str
    """What `--only` calls it."""
    module: str
    """The module holding its `render` function."""
    main_file: Callable[[str], str]
    """The file a person opens first, relative to the course folder, from the course id."""
    description: str
    use: str
    """What a story's consent must cover for it to appear here: site, slides, print or lms."""

    def render(self, plan, out: Path, settings) -> list[Path]:
        """Build this output for one plan, narrowed to what consent allows, and return the files."""
        from ..plan import for_use

        return importlib.import_module(self.module).render(for_use(plan, self.use), out, settings)


OUTPUTS: tuple[Output, ...] = (
    # The site goes first: MkDocs empties its site folder, which would delete anything before it.
    Output("site", "coursekit.render.site", lambda course: "index.html", "the learner website", "site"),
    Output(
        "slides",
        "coursekit.render.slides",
        lambda course: f"downloads/{course}-slides.pptx",
        "the trainer's PowerPoint deck",
        "slides",
    ),
    Output(
        "guide",
        "coursekit.render.guide",
        lambda course: f"downloads/{course}-facilitator-guide.docx",
        "the facilitator guide (Word)",
        "print",
    ),
    Output(
        "handout",
        "coursekit.render.handout",
        lambda course: f"downloads/{course}-handout.docx",
        "the participant handout and materials pack (Word)",
        "print",
    ),
    Output(
        "evaluation",
        "coursekit.render.evaluation",
        lambda course: f"downloads/{course}-evaluation.docx",
        "the evaluation form (Word)",
        "print",
    ),
    Output(
        "scorm",
        "coursekit.render.scorm",
        lambda course: f"downloads/{course}-scorm12.zip",
        "the LMS package",
        "lms",
    ),
)
DEFAULT_OUTPUTS = tuple(output.name for output in OUTPUTS)


def output(name: str) -> Output:
    """Return the registered output with this name."""
    return next(o for o in OUTPUTS if o.name == name)


def ordered(names) -> tuple[str, ...]:
    """Return the given output names in registry order."""
    return tuple(o.name for o in OUTPUTS if o.name in set(names))


def link(plan, name: str) -> str | None:
    """Return the course-relative path of an output's main file, if that output is being built."""
    return output(name).main_file(plan.id) if name in plan.outputs else None
