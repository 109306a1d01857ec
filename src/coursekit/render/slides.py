"""Render a course plan as a PowerPoint deck with speaker notes, on the built-in theme or a template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError, Problem
from ..model import BuildSettings
from ..plan import CoursePlan
from ..templatefile import open_template
from . import link
from .deck import LAYOUTS, Slide, deck_slides
from .deck_theme import OFFICE_FALLBACK, build_theme
from .deck_theme import Brand as ThemeBrand

if TYPE_CHECKING:
    from .pptx_writer import SlideSpec


def check_template(path: Path) -> None:
    """Fail with a clear message unless path is a usable .pptx template (layouts, no slides)."""
    presentation = open_template(path)
    problems = []
    if len(presentation.slides):
        problems.append(
            f"has {len(presentation.slides)} slide(s); coursekit adds its own, so delete them "
            "and save it again with only the slide masters and layouts"
        )
    layouts = {}
    for layout in presentation.slide_layouts:
        layouts.setdefault(layout.name, layout)
    for wanted in LAYOUTS:
        if wanted not in layouts:
            problems.append(
                f"has no layout named {wanted!r} (it has: {', '.join(layouts)}); rename the "
                "matching layout in the slide master"
            )
        elif not {0, 1} <= {p.placeholder_format.idx for p in layouts[wanted].placeholders}:
            problems.append(
                f"layout {wanted!r} needs a title placeholder and a text placeholder (idx 1) for the "
                "slide's text; add them to the layout in the slide master"
            )
    if problems:
        raise ContentError([Problem(str(path), None, None, p) for p in problems])


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Write the course's deck into its downloads folder and return its path.

    Without a template the deck uses the built-in 16:9 theme; with one, its layouts by name.
    """
    from .pptx_writer import DeckProperties, write_deck

    template = settings.slides_template
    presentation = open_template(template) if template is not None else build_theme(_theme_brand(settings))
    names = {layout.name for layout in presentation.slide_layouts}
    properties = DeckProperties(
        title=plan.audience.course_title,
        subject=f"Trainer slides for {plan.audience.name}",
        date=plan.build_date,
    )
    slides = deck_slides(plan, settings.brand)
    data = write_deck(presentation, [_spec(slide, names) for slide in slides], properties)
    path = out / plan.id / link(plan, "slides")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return [path]


def _theme_brand(settings: BuildSettings) -> ThemeBrand:
    """The organisation's name and primary colour for the built-in theme (a given template wins)."""
    return ThemeBrand(name=settings.brand.name, primary=settings.brand.primary.removeprefix("#"))


def _spec(slide: Slide, layouts: set[str]) -> SlideSpec:
    from .pptx_writer import Paragraph, SlideSpec

    layout = slide.layout if slide.layout in layouts else OFFICE_FALLBACK[slide.layout]
    return SlideSpec(
        layout=layout,
        title=slide.title,
        body=tuple(Paragraph(text) for text in slide.body),
        subtitle=slide.subtitle,
        notes=tuple(slide.notes.split("\n\n")),
        hidden=slide.hidden,
    )
