"""Plain text from Markdown, for reading levels and slides."""

from __future__ import annotations

from coursekit.readability import plain, prose


def test_markdown_marks_go_but_blanks_to_fill_stay():
    assert prose("Co-production is when **staff** and ____ share power [@scie].") == (
        "Co-production is when staff and ____ share power."
    )


def test_links_keep_their_words_and_wrapped_lines_join():
    assert plain("Read [the guide](https://x.example/)\nfrom SCIE") == "Read the guide from SCIE."


def test_plain_joins_wrapped_lines_and_ends_units():
    markdown = (
        "## A heading\n\nA sentence that is\nwrapped over lines. And another\none\n\n"
        "- a list item\n  carried on\n- second item;\n1. third\n\n```\ncode\n```\n"
    )
    assert plain(markdown) == (
        "A heading. A sentence that is wrapped over lines. And another one. "
        "a list item carried on. second item. third."
    )


def test_a_wrapped_line_that_starts_with_a_number_keeps_it():
    from coursekit.readability import prose

    assert prose("That is consultation, step\n4. It becomes co-design.") == (
        "That is consultation, step 4. It becomes co-design."
    )
    assert prose("- one\n- two\n\n3. three") == "one two three"


def test_a_number_wrapped_inside_a_paragraph_is_not_a_list():
    from coursekit.readability import plain

    assert plain("That is consultation, step\n4. It becomes co-design.") == (
        "That is consultation, step 4. It becomes co-design."
    )
    assert plain("Steps:\n1. one\n2. two") == "Steps: one. two."  # a list that starts at 1 still is one
