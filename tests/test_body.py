"""The module body: audience-only blocks and citations, with code fences left alone."""

from __future__ import annotations

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
        (1, "'::: only' block is never closed; add a line ':::' after it")
    ]


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
