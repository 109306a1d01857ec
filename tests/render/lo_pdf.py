"""Convert decks with LibreOffice and read back where every word landed (poppler's pdftotext)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import convert_to_pdf, require_tool  # noqa: F401 (re-exported for the deck tests)
from lxml import etree


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def pdf_words(pdf: Path) -> list[Word]:
    """Every word of the PDF with its box in points (origin top left)."""
    pdftotext = require_tool("pdftotext", "the converted deck is read back with poppler-utils")
    xml = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = etree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    words = []
    for number, page in enumerate(root.iter("{*}page"), start=1):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter("{*}word"):
            box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            words.append(Word(number, word.text or "", *box, width, height))
    return words
