"""Accessible, printable Word documents (python-docx): the shared building blocks.

Every document uses Word's own heading styles, marks table header rows as headers (they repeat
on each printed page and screen readers announce them), is in UK English and carries its title
in the core properties. Saving goes through `package` so the bytes depend on the course only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..citations import credit, label
from ..plan import CoursePlan
from .package import reproducible_zip, stamp

LANGUAGE = "en-GB"
FONT = "Arial"
"""A plain sans-serif face, as accessible print guidance asks; LibreOffice shows it as Liberation Sans."""
BODY_POINTS = 12
HEADINGS = tuple(f"Heading {level}" for level in range(1, 7))
HEADING_COLOUR = "1F3864"
"""Dark blue: well over the 4.5:1 contrast on white that WCAG asks of text of any size."""
WRITING_LINES = 6
"""Empty lines left under a question for a handwritten answer."""
CITATION = re.compile(r"\s?\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")


def new_document(plan: CoursePlan, title: str, subject: str):
    """Return an empty A4 document in UK English, titled and dated from the plan."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = Document()
    lang = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    _plain_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    stamp(document.core_properties, title=title, subject=subject, date=plan.build_date)
    return document


def _plain_styles(document) -> None:
    """One sans-serif face throughout, body text at 12 pt, headings in a colour dark enough to read."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name in ("Normal", "Title", "Subtitle", *HEADINGS):
        font = document.styles[name].font
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for key in list(fonts.attrib):
            if key.endswith("Theme"):  # a theme font would win over the one named here
                del fonts.attrib[key]
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(key), FONT)
        if name != "Normal":
            font.color.rgb = RGBColor.from_string(HEADING_COLOUR)
            font.italic = False
    document.styles["Normal"].font.size = Pt(BODY_POINTS)


def title_page(document, title: str, lines: Iterable[str]) -> None:
    """Write the document title in the Title style, a few lines under it, then a page break."""
    from docx.enum.text import WD_BREAK

    document.add_heading(title, level=0)
    for line in lines:
        document.add_paragraph(line, style="Subtitle")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def table(document, header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float] = ()):
    """Add a grid table whose first row is marked as the header row; return it."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    first = grid.rows[0]
    first._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(first.cells, header, strict=False):
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        row = grid.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one printed page
        for cell, text in zip(row.cells, values, strict=False):
            cell.text = text
    if widths:
        grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = Cm(width)  # LibreOffice reads the grid, Word the cells: set both
        for cell in column.cells:
            cell.width = Cm(width)
    document.add_paragraph()
    return grid


def bullets(document, items: Iterable[str], style: str = "List Bullet") -> None:
    """Add each item as a paragraph of a bulleted list."""
    for item in items:
        document.add_paragraph(item, style=style)


def numbered(document, items: Iterable[str]) -> None:
    """Add each item as a paragraph of a numbered list that starts at 1."""
    num_id = restarted_numbering(document, "List Number")
    for item in items:
        number(document.add_paragraph(item, style="List Number"), num_id)


def labelled(document, label: str, text: str, style: str | None = None):
    """Add a paragraph that starts with a bold label, such as 'Who leads: ', and return it."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)
    return paragraph


def writing_space(document, label: str = "", lines: int = WRITING_LINES) -> None:
    """Leave room to write by hand: ruled lines, each a tab whose leader draws the line to the margin."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    if label:
        document.add_paragraph(label)
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for _ in range(lines):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(14)
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            width - Cm(0.1), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES
        )
        paragraph.add_run("\t")


def page_break(document) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def cite(text: str, plan: CoursePlan) -> str:
    """Replace [@source-id] citations with '(Author, year)', as every output cites, so no raw key reaches the page."""
    sources = {s.id: s for s in plan.sources}

    def credit_of(match: re.Match) -> str:
        source = sources.get(match[1])
        return f" {credit(source)}" if source else ""

    return CITATION.sub(credit_of, text)


def cited_at_foot(text: str, plan: CoursePlan) -> tuple[str, str]:
    """Split a sheet people keep into its text without citations and one line naming its sources,
    for the foot of the sheet: a citation next to a phone number makes a support card read like a
    legal document."""
    labels = dict.fromkeys(label(source) for source in _cited(text, plan))
    # A line the author wrote for the same purpose is left empty: the foot line replaces it.
    return EMPTY_FOOT.sub("", uncredited(text, plan)).rstrip(), "; ".join(labels)


def sources_at_foot(plan: CoursePlan, material) -> bool:
    """True if a sheet's sources go in one line at its foot: on cards, where a citation beside a
    phone number reads like a legal document, and for an audience whose pages cite by number
    (a low reading age). Other sheets, such as a board's pre-read, cite inline, claim by claim."""
    return material.kind == "cards" or plan.audience.citations == "numbered"


FOOT = "Where this comes from"
"""The label of a sheet's sources line, at its foot."""
EMPTY_FOOT = re.compile(
    rf"^[ \t]*(?:\*\*)?(?:{FOOT}|[^\n:*]{{0,40}}\b[Ss]ources\b[^\n:*]{{0,40}}):(?:\*\*)?[ \t.]*$\n?",
    re.MULTILINE,
)
"""An authored sources line ('Sources:', 'Sources for item 3:') its citations have left empty."""


def _cited(text: str, plan: CoursePlan) -> list:
    """The sources a text cites, in order: as [@source-id] keys, or as the '(Author, year)' credits
    the build writes in before rendering (citations.resolve_plan)."""
    found = {}
    for source in plan.sources:
        places = [at for mark in (f"[@{source.id}]", credit(source)) if (at := text.find(mark)) >= 0]
        if places:
            found[source.id] = (min(places), source)
    return [source for _, source in sorted(found.values(), key=lambda pair: pair[0])]


def uncredited(text: str, plan: CoursePlan) -> str:
    """Text without its citations, whether still [@source-id] keys or already written as
    '(Author, year)': for text read aloud, or whose sources go at the foot."""
    for source in plan.sources:
        # The space or line break before a credit goes with it ('April\n(SCIE, 2023).' becomes
        # 'April.'), but never a blank line: that would join two paragraphs.
        text = re.sub(r"(?<=\S)[ \t]*\n?[ \t]*" + re.escape(credit(source)), "", text)
        text = text.replace(credit(source), "")
    return STRANDED.sub("", uncited(text))


STRANDED = re.compile(r"^[ \t]*[.,;:][ \t]*(?:\n|$)", re.MULTILINE)
"""A line left holding only the full stop of a sources line whose citations were taken out."""


def uncited(text: str) -> str:
    """Text to say aloud: its [@source-id] citations taken out (the sources are listed beside it)."""
    return CITATION.sub("", text)


def listed(items: list[str]) -> str:
    """Items as a sentence lists them: 'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def minutes(total: int) -> str:
    """Say a length of time the way a timetable does: '45 min', '2 h', '6 h 30 min'."""
    hours, rest = divmod(total, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def save(document, path: Path) -> Path:
    """Write the document reproducibly and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(reproducible_zip(buffer.getvalue()))
    return path


def restarted_numbering(document, style: str, first: int = 1) -> int:
    """Return a new numbering id for this list, so it starts at 1 (or at `first`, for a list the
    text starts at 3, say, after lines between its items) instead of continuing the last."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    style_num = document.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), str(first))
    override.append(start)
    num.append(override)
    return num.numId


def number(paragraph, num_id: int) -> None:
    """Put the paragraph in the numbered list with this id."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
