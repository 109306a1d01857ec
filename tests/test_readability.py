"""Readability: Markdown to plain text."""

from __future__ import annotations

from coursekit.readability import plain


def test_plain_joins_wrapped_lines_and_ends_units():
    markdown = (
        "## A heading\n\nA sentence that is\nwrapped over lines. And another\none\n\n"
        "- a list item\n  carried on\n- second item;\n1. third\n\n```\ncode\n```\n"
    )
    assert plain(markdown) == (
        "A heading. A sentence that is wrapped over lines. And another one. "
        "a list item carried on. second item. third."
    )
