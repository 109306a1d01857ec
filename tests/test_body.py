"""Module bodies: nesting that Markdown cannot render is a clear error, not a traceback."""

from __future__ import annotations

from conftest import module_text, valid_files

from coursekit.body import blocks


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
