"""Plain text from Markdown, for reading levels and slides."""

from __future__ import annotations

from coursekit.readability import plain, prose


def test_markdown_marks_go_but_blanks_to_fill_stay():
    assert prose("Co-production is when **staff** and ____ share power [@scie].") == (
        "Co-production is when staff and ____ share power.")


def test_links_keep_their_words_and_wrapped_lines_join():
    assert plain("Read [the guide](https://x.example/)\nfrom SCIE") == "Read the guide from SCIE."
