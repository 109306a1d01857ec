"""The module body: audience-only blocks and citations, with code fences left alone."""

from __future__ import annotations

import pytest
from conftest import module_text, valid_files

from coursekit import body
from coursekit.body import blocks


def test_audience_blocks_are_kept_only_for_their_audiences():
    text = "Shared.\n::: only bosses\nBosses only.\n:::\nShared again.\n"
    assert body.for_audience(text, "bosses") == "Shared.\nBosses only.\nShared again.\n"
    assert body.for_audience(text, "staff") == "Shared.\nShared again.\n"


def test_markers_inside_a_code_fence_are_text_not_syntax():
    text = "Write it like this:\n\n```\n::: only bosses\nText.\n:::\n```\n"
    _parts, issues = body.blocks(text)
    assert issues == []
    assert body.for_audience(text, "staff") == text


def test_an_unclosed_block_is_reported_at_its_line():
    _, issues = body.blocks("One.\n::: only bosses\nTwo.\n")
    assert [(i.offset, i.message) for i in issues] == [
        (1, "'::: only bosses' block is never closed; add a line ':::' after it")
    ]


def test_story_blocks_show_only_where_their_story_is_and_instead_of_blocks_where_it_is_not():
    text = "Shared.\n::: story lee\nLee's view.\n:::\n::: instead-of lee\nOne man's view.\n:::\n"
    assert body.for_audience(text, "staff", {"lee"}) == "Shared.\nLee's view.\n"
    assert body.for_audience(text, "staff", set()) == "Shared.\nOne man's view.\n"


def test_only_and_story_clauses_combine_on_one_line():
    text = "::: only bosses story lee\nFor bosses, with Lee.\n:::\n"
    assert body.for_audience(text, "bosses", {"lee"}) == "For bosses, with Lee.\n"
    assert body.for_audience(text, "bosses", set()) == "\n"
    assert body.for_audience(text, "staff", {"lee"}) == "\n"


def test_without_stories_given_every_block_of_the_audience_is_kept():
    text = "::: story lee\nA.\n:::\n::: instead-of lee\nB.\n:::\n"
    assert body.for_audience(text, "staff") == "A.\nB.\n"
    assert body.story_ids(text) == {"lee"}


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("::: story", "'story' needs a story id after it"),
        ("::: only", "'only' needs an audience id after it"),
        ("::: story lee tom", "'story' takes one story id; open a block for each story"),
        ("::: story lee instead-of tom", "a block is either 'story' or 'instead-of', not both"),
        ("::: only a only b", "'only' appears twice in one '::: ' line"),
    ],
)
def test_a_malformed_marker_is_reported_with_what_is_wrong(marker, message):
    _, issues = body.blocks(f"One.\n{marker}\nTwo.\n:::\n")
    assert issues[0].offset == 1
    assert issues[0].message == f"{message}; for example '::: only staff story lee-pods'"


def test_citations_are_found_with_their_line():
    assert body.citations("A [@scie-guide-51].\nB [@nice-ng44] and [@tlap].") == [
        (0, "scie-guide-51"),
        (1, "nice-ng44"),
        (1, "tlap"),
    ]


def test_lists_nested_300_levels_deep_are_refused(refused_build):
    text = module_text() + "\n" + "".join("    " * level + "- item\n" for level in range(300))
    line = text.splitlines().index(" " * 84 + "- item") + 1
    assert refused_build({**valid_files(), "modules/intro.md": text})[0] == (
        f"Error: modules/intro.md: line {line}: body: is indented more than 80 columns; Markdown can nest lists "
        "at most 20 levels deep: indent it less"
    )


def test_ordinary_nesting_and_tabs_are_fine():
    body = "- one\n    - two\n\t\t- three\n" + " " * 80 + "- twenty levels\n"
    assert blocks(body)[1] == []


def test_lines_of_underscores_stay_lines_to_write_on_in_any_markdown_page():
    from coursekit.render.mkdocs_hooks import on_page_markdown

    page = "Your line:\n\n______\n\n    ____\n\n1. ___\n- ___\n\nA word__with underscores."
    assert on_page_markdown(page) == (
        "Your line:\n\n\\_\\_\\_\\_\\_\\_\n\n    \\_\\_\\_\\_\n\n1. \\_\\_\\_\n- \\_\\_\\_\n\n"
        "A word__with underscores."
    )
