"""The one-pass deck writer: decks python-pptx and LibreOffice read back, byte-identical each time."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lo_pdf import convert_to_pdf, pdf_words
from pptx import Presentation

from coursekit.render.deck_theme import build_theme
from coursekit.render.pptx_writer import DeckProperties, Paragraph, SlideSpec, write_deck

PROPERTIES = DeckProperties("Working together", "Trainer slides for frontline staff", dt.date(2026, 11, 22))
SLIDES = [
    SlideSpec("Title Slide", "Working together", subtitle="Frontline staff"),
    SlideSpec(
        "Teaching Point",
        "Power is shared",
        (Paragraph("People know their lives best"), Paragraph("and staff know the service", level=1)),
        notes=("Say it slowly.", "Then pause."),
    ),
    SlideSpec(
        "Activity",
        "Talk in pairs",
        (Paragraph("Talk about a time someone listened."),),
        subtitle="20 min · led by Sam",
        notes=("Timing: 20 minutes.",),
    ),
    SlideSpec("Break", "Break", subtitle="Back at 11:15"),
]


def reopen(data: bytes):
    return Presentation(io.BytesIO(data))


def test_python_pptx_reads_back_titles_bodies_notes_and_layouts():
    deck = reopen(write_deck(build_theme(), SLIDES, PROPERTIES))
    assert len(deck.slides) == 4
    assert [s.shapes.title.text_frame.text for s in deck.slides] == [s.title for s in SLIDES]
    assert [s.slide_layout.name for s in deck.slides] == [
        "Title Slide",
        "Teaching Point",
        "Activity",
        "Break",
    ]
    assert [s.notes_slide.notes_text_frame.text for s in deck.slides] == [
        "",
        "Say it slowly.\nThen pause.",
        "Timing: 20 minutes.",
        "",
    ]
    point = deck.slides[1].placeholders[1].text_frame.paragraphs
    assert [(p.text, p.level) for p in point] == [
        ("People know their lives best", 0),
        ("and staff know the service", 1),
    ]
    activity = {p.placeholder_format.idx: p.text_frame.text for p in deck.slides[2].placeholders}
    assert activity == {
        0: "Talk in pairs",
        1: "Talk about a time someone listened.",
        13: "20 min · led by Sam",
    }
    assert deck.slides[0].placeholders[1].text_frame.text == "Frontline staff"
    assert deck.slides[3].placeholders[1].text_frame.text == "Back at 11:15"  # large, in the body


def test_every_run_is_british_english():
    deck = reopen(write_deck(build_theme(), SLIDES, PROPERTIES))
    runs = [
        r
        for s in deck.slides
        for shape in s.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for r in p.runs
    ]
    runs += [r for s in deck.slides for p in s.notes_slide.notes_text_frame.paragraphs for r in p.runs]
    assert runs and {r._r.rPr.get("lang") for r in runs} == {"en-GB"}


def test_text_is_escaped_never_markup():
    hostile = "Fish & chips <b>bold</b> \"quoted\" 'single' ]]> </a:t><a:t>"
    spec = SlideSpec("Teaching Point", hostile, (Paragraph(hostile),), notes=(hostile,))
    slide = reopen(write_deck(build_theme(), [spec], PROPERTIES)).slides[0]
    assert slide.shapes.title.text_frame.text == hostile
    assert slide.placeholders[1].text_frame.text == hostile
    assert slide.notes_slide.notes_text_frame.text == hostile


def test_characters_xml_cannot_hold_are_dropped_and_line_breaks_kept():
    spec = SlideSpec("Teaching Point", "Bell\x07 and null\x00", (Paragraph("first line\nsecond line"),))
    slide = reopen(write_deck(build_theme(), [spec], PROPERTIES)).slides[0]
    assert slide.shapes.title.text_frame.text == "Bell and null"
    assert slide.placeholders[1].text_frame.text == "first line\vsecond line"  # python-pptx's <a:br/>


def test_same_input_gives_identical_bytes_with_fixed_times_and_properties():
    first = write_deck(build_theme(), SLIDES, PROPERTIES)
    assert write_deck(build_theme(), SLIDES, PROPERTIES) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = reopen(first).core_properties
    assert (props.title, props.subject, props.language) == (PROPERTIES.title, PROPERTIES.subject, "en-GB")
    assert props.created == props.modified == dt.datetime(2026, 11, 22)


def test_slides_are_numbered_in_order_past_nine():
    specs = [SlideSpec("Teaching Point", f"Slide {n}") for n in range(1, 13)]
    deck = reopen(write_deck(build_theme(), specs, PROPERTIES))
    assert [s.shapes.title.text_frame.text for s in deck.slides] == [f"Slide {n}" for n in range(1, 13)]
    assert len({s.slide_id for s in deck.slides}) == 12


def test_an_unknown_layout_is_refused():
    with pytest.raises(ValueError, match=r"^the template has no layout named 'Quiz'$"):
        write_deck(build_theme(), [SlideSpec("Quiz", "A quiz")], PROPERTIES)


def test_a_template_that_already_has_slides_is_refused():
    template = Presentation()
    template.slides.add_slide(template.slide_layouts[0])
    with pytest.raises(ValueError, match=r"^the template presentation already has slides$"):
        write_deck(template, SLIDES[:1], PROPERTIES)


def organisation_template() -> Presentation:
    """An organisation's template, made inline: Office's layouts with its own title style."""
    template = Presentation()
    for layout in template.slide_layouts:
        if layout.name == "Blank":
            layout.name = "Our blank page"
    return template


OFFICE_SLIDES = [
    SlideSpec("Title Slide", "Our course", subtitle="For staff"),
    SlideSpec("Section Header", "Module 1", subtitle="Why it matters"),
    SlideSpec(
        "Title and Content",
        "Key messages",
        (Paragraph("Share power"), Paragraph("Pay people")),
        subtitle="10 min",
        notes=("Read them aloud.",),
    ),
]


def test_a_template_deck_uses_its_placeholders_by_layout_name():
    deck = reopen(write_deck(organisation_template(), OFFICE_SLIDES, PROPERTIES))
    assert [s.slide_layout.name for s in deck.slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
    ]
    assert "Our blank page" in [layout.name for layout in deck.slide_layouts]
    bodies = [s.placeholders[1].text_frame.text for s in deck.slides]
    # no details line on Office layouts: the subtitle leads the body
    assert bodies == ["For staff", "Why it matters", "10 min\nShare power\nPay people"]
    assert deck.slides[2].notes_slide.notes_text_frame.text == "Read them aloud."


@pytest.mark.libreoffice
def test_libreoffice_converts_a_template_deck(tmp_path):
    deck = tmp_path / "template-deck.pptx"
    deck.write_bytes(write_deck(organisation_template(), OFFICE_SLIDES, PROPERTIES))
    words = pdf_words(convert_to_pdf(deck, tmp_path))
    assert max(w.page for w in words) == 3
    text = " ".join(w.text for w in words)
    assert "Our course" in text and "Share power" in text and "Pay people" in text
    assert all(w.y_min >= 0 and w.y_max <= w.page_height for w in words)
