"""Render a course plan as a PowerPoint deck with speaker notes (python-pptx)."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import ContentError, Problem
from ..model import BuildSettings
from ..plan import CoursePlan
from ..templatefile import open_template
from . import link
from .deck import LAYOUTS, Slide, deck_slides
from .package import reproducible_zip, stamp


def check_template(path: Path) -> None:
    """Fail with a clear message unless path is a usable .pptx template (layouts, no slides)."""
    presentation = open_template(path)
    problems = []
    if len(presentation.slides):
        problems.append(f"has {len(presentation.slides)} slide(s); coursekit adds its own, so delete them "
                        "and save it again with only the slide masters and layouts")
    names = [layout.name for layout in presentation.slide_layouts]
    for wanted in LAYOUTS:
        if wanted not in names:
            problems.append(f"has no layout named {wanted!r} (it has: {', '.join(names)}); rename the "
                            "matching layout in the slide master")
    if problems:
        raise ContentError([Problem(str(path), None, None, p) for p in problems])


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Write the course's deck into its downloads folder and return its path."""
    presentation = open_template(settings.slides_template)
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    for slide in deck_slides(plan, settings.brand):
        _add(presentation, layouts[slide.layout], slide)
    if settings.slides_template is None:
        _brand_title_slide(presentation, settings.brand)
    stamp(presentation.core_properties, title=plan.audience.course_title,
          subject=f"Trainer slides for {plan.audience.name}", date=plan.build_date)
    path = out / plan.id / link(plan, "slides")
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    presentation.save(buffer)
    path.write_bytes(reproducible_zip(buffer.getvalue()))
    return [path]


def _add(presentation, layout, spec: Slide) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE

    slide = presentation.slides.add_slide(layout)
    _set_text(slide.shapes.title.text_frame, [spec.title])
    body = [p for p in slide.placeholders if p.placeholder_format.idx == 1]
    if body:
        frame = body[0].text_frame
        _set_text(frame, [spec.subtitle] if spec.subtitle else list(spec.body))
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        frame.word_wrap = True
    _set_text(slide.notes_slide.notes_text_frame, spec.notes.split("\n\n"))


PICTURE_LOGOS = (".png", ".jpg", ".jpeg")
"""Logo files PowerPoint shows as pictures; an SVG logo is left to the organisation's template."""


def _brand_title_slide(presentation, brand) -> None:
    """On the built-in theme, put the organisation's logo on the title slide (a template has its own)."""
    from pptx.util import Emu

    if brand.logo is None or brand.logo.suffix.lower() not in PICTURE_LOGOS:
        return
    slide = presentation.slides[0]
    height = Emu(presentation.slide_height // 8)
    margin = Emu(presentation.slide_height // 24)
    picture = slide.shapes.add_picture(str(brand.logo), margin, margin, height=height)
    picture.name = "Logo"
    _describe(picture, f"{brand.name} logo")


def _describe(picture, text: str) -> None:
    # python-pptx has no API for alternative text; it lives on the picture's cNvPr element.
    picture._element.nvPicPr.cNvPr.set("descr", text)


def _set_text(frame, paragraphs: list[str]) -> None:
    from pptx.enum.lang import MSO_LANGUAGE_ID

    frame.text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        frame.add_paragraph().text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.language_id = MSO_LANGUAGE_ID.ENGLISH_UK

