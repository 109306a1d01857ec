"""Convert decks with LibreOffice and read back where every word landed (poppler's pdftotext)."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import require_tool
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


def convert_to_pdf(deck: Path, tmp_path: Path) -> Path:
    """Convert deck to PDF with LibreOffice in its own profile; return the PDF's path."""
    soffice = require_tool("soffice", "decks are checked by opening them in LibreOffice")
    out = tmp_path / "pdf"
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    return out / (deck.stem + ".pdf")


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
