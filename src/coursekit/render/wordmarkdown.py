"""Markdown (a material's full text, an activity's instructions) as Word paragraphs, lists and tables.

Python-Markdown turns the text into HTML, which is walked element by element into python-docx
calls: headings become heading styles, lists stay lists (nested, and numbered lists restart at
1), tables stay tables with a header row. Raw HTML in the text is shown as text, never obeyed.
"""

from __future__ import annotations

import re

from ..body import writing_lines
from . import word

BLOCKS = {"p", "ul", "ol", "table", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div"}
MAX_LIST_DEPTH = 3
"""Word's built-in list styles go three levels deep ('List Bullet', 'List Bullet 2', 'List Bullet 3')."""


def add_markdown(document, text: str, heading_level: int = 3) -> None:
    """Add Markdown text to the document; its top headings become `heading_level` headings."""
    import markdown
    from lxml import html

    # Escaping '<' keeps any HTML in the content as visible text.
    source = writing_lines(text).replace("&", "&amp;").replace("<", "&lt;")
    rendered = markdown.markdown(source, extensions=["tables", "sane_lists"])
    root = html.fragment_fromstring(rendered, create_parent="div")
    # The text's own top heading level, whatever it is ('###' in a material), becomes heading_level:
    # a document's headings must not skip levels for screen-reader navigation.
    top = min((int(e.tag[1]) for e in root.iter() if e.tag in HEADINGS), default=1)
    _blocks(document, root, heading_level - top + 1)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _blocks(document, parent, heading_level: int) -> None:
    for element in parent:
        tag = element.tag
        if tag in HEADINGS:
            level = min(heading_level + int(tag[1]) - 1, 9)
            _inline(document.add_heading(level=level), element)
        elif tag in ("ul", "ol"):
            _list(document, element, depth=1)
        elif tag == "table":
            _table(document, element)
        elif tag == "blockquote":
            for paragraph in element.iter("p"):
                _inline(document.add_paragraph(style="Quote"), paragraph)
        elif tag == "pre":
            for line in element.text_content().rstrip("\n").split("\n"):
                document.add_paragraph(line, style="No Spacing")
        elif tag == "div":
            _blocks(document, element, heading_level)
        elif tag != "hr":
            _inline(document.add_paragraph(), element)


def _list(document, element, depth: int) -> None:
    kind = "List Number" if element.tag == "ol" else "List Bullet"
    style = kind if depth == 1 else f"{kind} {min(depth, MAX_LIST_DEPTH)}"
    start = element.get("start", "1")
    first = int(start) if start.isdigit() else 1
    number = word.restarted_numbering(document, style, first) if element.tag == "ol" else None
    for item in element.findall("li"):
        paragraph = document.add_paragraph(style=style)
        if number is not None:
            word.number(paragraph, number)
        _inline(paragraph, item, skip=("ul", "ol"))
        for nested in item:
            if nested.tag in ("ul", "ol"):
                _list(document, nested, depth + 1)


def _table(document, element) -> None:
    rows = [[_text(cell) for cell in row.findall("*")] for row in element.iter("tr")]
    if rows:
        word.table(document, rows[0], rows[1:])


def _inline(paragraph, element, skip: tuple[str, ...] = (), bold: bool = False, italic: bool = False) -> None:
    """Add the element's text to the paragraph as runs, keeping bold and italic."""
    if element.text:
        _run(paragraph, element.text, bold, italic)
    for child in element:
        if child.tag in skip:
            continue
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag in BLOCKS:  # a paragraph inside a list item: keep its words in the item
            _inline(paragraph, child, skip, bold, italic)
        else:
            _inline(
                paragraph,
                child,
                skip,
                bold or child.tag in ("strong", "b"),
                italic or child.tag in ("em", "i"),
            )
        if child.tail:
            _run(paragraph, child.tail, bold, italic)


def _run(paragraph, text: str, bold: bool, italic: bool) -> None:
    text = re.sub(r"\s+", " ", text)  # a line break inside a Markdown paragraph is a space
    if not paragraph.runs:
        text = text.lstrip()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None


def _text(cell) -> str:
    return " ".join(cell.text_content().split())
