"""Markdown in Word: structure kept, numbered lists restarted, HTML shown as text."""

from __future__ import annotations

from docx import Document

from coursekit.render.wordmarkdown import add_markdown


def paragraphs(markdown: str, heading_level: int = 3) -> list[tuple[str, str]]:
    document = Document()
    add_markdown(document, markdown, heading_level)
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_headings_are_offset_and_inline_formatting_kept():
    document = Document()
    add_markdown(document, "# Top\n\n## Under\n\nSome **bold** and *slanted* words\nover two lines.")
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Heading 3", "Top"),
        ("Heading 4", "Under"),
        ("Normal", "Some bold and slanted words over two lines."),
    ]
    runs = document.paragraphs[2].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Some ", None, None),
        ("bold", True, None),
        (" and ", None, None),
        ("slanted", None, True),
        (" words over two lines.", None, None),
    ]


def test_raw_html_is_shown_as_text_not_obeyed():
    assert paragraphs("Hello <script>alert('x')</script> & <b>bye</b>") == [
        ("Normal", "Hello <script>alert('x')</script> & <b>bye</b>")
    ]


def test_each_numbered_list_starts_again_at_one():
    document = Document()
    add_markdown(document, "1. one\n2. two\n\nBetween.\n\n1. again")
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]
    numbering = document.part.numbering_part.element
    for num_id in (ids[0], ids[2]):
        override = numbering.num_having_numId(num_id).findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lvlOverride"
        )
        assert len(override) == 1


def test_nested_lists_and_tables_keep_their_structure():
    document = Document()
    add_markdown(document, "- top\n    - inner\n        - deepest\n\n| A | B |\n| --- | --- |\n| 1 | 2 |")
    assert [(p.style.name, p.text) for p in document.paragraphs if p.text] == [
        ("List Bullet", "top"),
        ("List Bullet 2", "inner"),
        ("List Bullet 3", "deepest"),
    ]
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["A", "B"], ["1", "2"]]


def test_a_text_whose_headings_start_at_three_hashes_does_not_skip_levels():
    assert paragraphs("### For every board\n\nText.\n\n#### Detail", heading_level=4) == [
        ("Heading 4", "For every board"),
        ("Normal", "Text."),
        ("Heading 5", "Detail"),
    ]


def test_a_line_of_underscores_is_a_space_to_write_in_not_dropped_as_a_rule():
    from docx import Document

    document = Document()
    add_markdown(document, "My line for the chair:\n\n______________________\n\nNext")
    assert [p.text for p in document.paragraphs] == ["My line for the chair:", "_" * 22, "Next"]


def test_a_numbered_list_the_text_starts_at_three_starts_at_three_in_word():
    import re

    document = Document()
    add_markdown(document, "1. First question\n\nA line between.\n\n2. Second question\n\n3. Third")
    starts = re.findall(r'startOverride w:val="(\d+)"', document.part.numbering_part.element.xml)
    assert starts == ["1", "2"]
