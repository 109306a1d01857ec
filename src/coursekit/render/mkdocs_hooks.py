"""MkDocs hooks coursekit adds to every course site build (never a project's own hooks).

MkDocs loads this file by path, not as part of the package, so imports are absolute.
"""

from __future__ import annotations

from coursekit.body import writing_lines
from coursekit.render.sanitize import clean


def on_page_markdown(markdown: str, **_) -> str:
    """A sheet's line of underscores is a space to write in, not a horizontal rule."""
    return writing_lines(markdown)


def on_page_content(html: str, **_) -> str:
    """Clean the page's HTML before the theme wraps it and search indexes it."""
    return clean(html)
