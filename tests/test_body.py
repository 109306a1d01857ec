"""The module body: audience-only blocks and citations, with code fences left alone."""

from __future__ import annotations

from coursekit import body


def test_audience_blocks_are_kept_only_for_their_audiences():
    text = "Shared.\n::: only bosses\nBosses only.\n:::\nShared again.\n"
    assert body.for_audience(text, "bosses") == "Shared.\nBosses only.\nShared again.\n"
    assert body.for_audience(text, "staff") == "Shared.\nShared again.\n"


def test_markers_inside_a_code_fence_are_text_not_syntax():
    text = "Write it like this:\n\n```\n::: only bosses\nText.\n:::\n```\n"
    parts, issues = body.blocks(text)
    assert issues == []
    assert body.for_audience(text, "staff") == text


def test_an_unclosed_block_is_reported_at_its_line():
    _, issues = body.blocks("One.\n::: only bosses\nTwo.\n")
    assert [(i.offset, i.message) for i in issues] == [
        (1, "'::: only' block is never closed; add a line ':::' after it")]


def test_citations_are_found_with_their_line():
    assert body.citations("A [@scie-guide-51].\nB [@nice-ng44] and [@tlap].") == [
        (0, "scie-guide-51"), (1, "nice-ng44"), (1, "tlap")]
