"""The built-in 16:9 deck theme: layouts per kind of slide, readable colours, nothing shrunk."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lo_pdf import convert_to_pdf, pdf_words
from pptx.util import Emu

from coursekit.render.deck_theme import KIND_LAYOUTS, Brand, build_theme, contrast_ratio, palette
from coursekit.render.pptx_writer import DeckProperties, Paragraph, SlideSpec, write_deck

FORTY_WORDS = (
    "Work in pairs and talk about a time when someone made a decision about your life without "
    "asking you first. Say how it felt, what you would have said, and what one change would have "
    "made it better for you and the people around you"
)
PROPERTIES = DeckProperties("Theme course", "Trainer slides", dt.date(2026, 11, 22))


def test_theme_is_16_by_9_with_a_named_layout_for_each_kind_of_slide():
    theme = build_theme()
    assert (Emu(theme.slide_width).inches, Emu(theme.slide_height).inches) == pytest.approx(
        (13.333, 7.5), abs=0.001
    )
    names = [layout.name for layout in theme.slide_layouts]
    assert set(KIND_LAYOUTS.values()) <= set(names)
    assert {"Title Slide", "Title and Content", "Section Header"} <= set(names)
    assert len(set(names)) == len(names)
    for layout in theme.slide_layouts:
        indexes = {p.placeholder_format.idx for p in layout.placeholders}
        assert {0, 1} <= indexes, layout.name


def test_theme_never_shrinks_text_and_uses_arial():
    data = write_deck(build_theme(), [SlideSpec("Teaching Point", "A point")], PROPERTIES)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = b"".join(package.read(n) for n in package.namelist() if n.endswith(".xml"))
    assert b"normAutofit" not in xml
    master = zipfile.ZipFile(io.BytesIO(data)).read("ppt/slideMasters/slideMaster1.xml").decode()
    assert 'typeface="Arial"' in master


def test_default_colours_read_at_4_5_to_1_or_better():
    colours = palette(Brand())
    for text, background in colours.pairs().values():
        assert contrast_ratio(text, background) >= 4.5


def test_a_pale_brand_colour_gets_dark_text_instead():
    colours = palette(Brand(name="Sunny", primary="#FFD500"))
    assert colours.strong_text == "1F1F1F"  # white on yellow would be 1.4:1
    assert colours.heading == "1F1F1F"  # yellow titles on white would not read either


def test_brand_colour_must_be_six_hex_digits():
    with pytest.raises(
        ValueError, match=r"brand primary colour must be six hex digits like 1D4F91, not 'blue'"
    ):
        build_theme(Brand(primary="blue"))


def test_brand_name_appears_on_the_title_layout_escaped():
    theme = build_theme(Brand(name="Care & <Support>"))
    title_layout = next(layout for layout in theme.slide_layouts if layout.name == "Title Slide")
    texts = [shape.text_frame.text for shape in title_layout.shapes if shape.has_text_frame]
    assert "Care & <Support>" in texts


def kind_slides() -> list[SlideSpec]:
    body = (Paragraph(FORTY_WORDS), Paragraph("Second level point", level=1))
    return [
        SlideSpec("Title Slide", "Working together", subtitle="Frontline staff · 2 h 30 min"),
        SlideSpec("Section Header", "Module 1: Nothing about us", subtitle="40 min · why it matters"),
        SlideSpec("Teaching Point", "Lived experience is expertise", body),
        SlideSpec("Content Note", "Before the next story", body),
        SlideSpec("Story", "Anthony's story", body, subtitle="Told with consent"),
        SlideSpec("Activity", "Who is in the room?", body, subtitle="15 min · led by Sam"),
        SlideSpec(
            "Check", "What is co-production?", (Paragraph("A. Working as equals"), Paragraph("B. A survey"))
        ),
        SlideSpec("Reflection", "What will you change?", body),
        SlideSpec("Break", "Break", subtitle="Back at 11:15"),
        SlideSpec("Closing", "Thank you", body),
        SlideSpec("Title and Content", "Course plan", body),
    ]


@pytest.mark.libreoffice
def test_libreoffice_renders_every_kind_at_24_pt_or_more_inside_the_page(tmp_path):
    deck = tmp_path / "theme.pptx"
    slides = kind_slides()
    deck.write_bytes(write_deck(build_theme(), slides, PROPERTIES))
    words = pdf_words(convert_to_pdf(deck, tmp_path))
    assert max(w.page for w in words) == len(slides)
    # Poppler gives each word's box, not its font size; the box is a fixed multiple of the size for a
    # font, so measure that multiple on a title whose size the theme sets (36 pt on content slides).
    title = [w for w in words if w.page == 3 and w.text == "expertise"]
    ratio = title[0].height / 36
    too_small = [(w.page, w.text, round(w.height / ratio, 1)) for w in words if w.height / ratio < 23.9]
    assert not too_small, f"text below 24 pt: {too_small[:5]}"
    outside = [
        (w.page, w.text)
        for w in words
        if w.x_min < 0 or w.y_min < 0 or w.x_max > w.page_width or w.y_max > w.page_height
    ]
    assert not outside, f"text outside the slide: {outside[:5]}"
    body_box_bottom = 7.15 * 72
    below = [(w.page, w.text) for w in words if w.page > 2 and w.y_max > body_box_bottom]
    assert not below, f"body runs out of its box: {below[:5]}"
    text = " ".join(w.text for w in words)
    assert "15 min · led by Sam" in text and "Back at 11:15" in text
