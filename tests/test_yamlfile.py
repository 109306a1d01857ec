"""Small hostile YAML and text files: each is a clear error at once, never a hang or a traceback.

Each case runs the real command in its own process with a timeout, so an input that once ran
for minutes or exhausted memory fails the test rather than hanging it.
"""

from __future__ import annotations

import pytest
from conftest import module_text, valid_files

from coursekit.yamlfile import parse_front_matter, parse_yaml

MODULE = "modules/intro.md"


def line_no(text: str, needle: str) -> int:
    """Return the 1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def with_module(text: str | bytes) -> dict:
    return dict(valid_files(), **{MODULE: text})


def front_matter_with(extra: str) -> str:
    """Return the valid module with extra YAML lines added at the top of its front matter."""
    return module_text().replace("---\n", "---\n" + extra, 1)


def test_line_map_names_every_key_and_item():
    parsed = parse_yaml("a:\n  b: 1\n  c:\n    - x\n    - y: 2\n", "f.yml")
    assert parsed.data == {"a": {"b": 1, "c": ["x", {"y": 2}]}}
    assert parsed.lines == {
        (): 1,
        ("a",): 1,
        ("a", "b"): 2,
        ("a", "c"): 3,
        ("a", "c", 0): 4,
        ("a", "c", 1): 5,
        ("a", "c", 1, "y"): 5,
    }


def test_alias_bomb_is_refused_without_expanding(refused_build):
    # Nine levels of nine aliases: a billion strings if expanded.
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    levels += [
        f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=False)
    ]
    bomb = "".join(levels)
    assert len(bomb) < 600
    text = front_matter_with(bomb)
    lines = refused_build(with_module(text))
    assert (
        f"Error: {MODULE}: line {line_no(text, 'b: &b')}: b[0]: repeats a value with a YAML alias (*name); "
        "coursekit files may not use aliases, which can expand a small file enormously: write the value out"
        in lines
    )


@pytest.mark.parametrize("depth", [985, 999])
@pytest.mark.parametrize("kind", ["lists", "mappings"])
def test_deep_nesting_is_refused_without_a_traceback(refused_build, depth, kind):
    if kind == "lists":
        deep = "deep: " + "[" * depth + "]" * depth + "\n"
    else:
        deep = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "end\n"
    text = front_matter_with(deep)
    # The front matter itself is level 1, so level 51 is the list in 'deep' or the value of k49.
    line = 2 if kind == "lists" else line_no(text, "k49:")
    assert refused_build(with_module(text))[0] == (
        f"Error: {MODULE}: line {line}: nests lists and mappings more than 50 levels deep; coursekit files "
        "need only a few levels: check the indentation"
    )


def test_a_50_mb_module_is_refused_before_reading(refused_build):
    text = module_text()
    padding = 50_000_000 - len(text.encode())
    huge = text + ("Words in a very long body. " * (padding // 27 + 1))[:padding]
    assert refused_build(with_module(huge))[0] == (
        f"Error: {MODULE}: is 50.0 MB; a file may be at most 2 MB: split it into smaller files"
    )


def test_tab_indentation_names_tabs_and_line(refused_build):
    text = module_text().replace(
        "  staff:\n    focus: Everyday practice.", "  staff:\n\tfocus: Everyday practice."
    )
    assert refused_build(with_module(text))[0] == (
        f"Error: {MODULE}: line {line_no(text, chr(9) + 'focus')}: is indented with a tab; YAML needs spaces "
        "for indentation: replace the tab with spaces"
    )


def test_nul_byte_in_the_body_is_refused(refused_build):
    text = module_text().replace("## ", "## Why\x00 ", 1)
    line = line_no(text, "\x00")
    column = text.splitlines()[line - 1].index("\x00") + 1
    assert refused_build(with_module(text))[0] == (
        f"Error: {MODULE}: line {line}: contains the control character U+0000 in column {column}; remove it "
        "(most editors do not show it)"
    )


def test_escape_character_in_an_audience_file_is_refused(refused_build):
    files = dict(valid_files())
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace("tone: Warm.", "tone: Warm\x1b[31m.")
    assert refused_build(files)[0] == (
        "Error: audiences/staff.yml: line 8: contains the control character U+001B in column 11; remove it "
        "(most editors do not show it)"
    )


def test_python_tag_in_a_module_is_refused_and_never_run(refused_build, tmp_path):
    marker = tmp_path / "ran"
    text = front_matter_with(f"x: !!python/object/apply:os.system ['touch {marker}']\n")
    assert refused_build(with_module(text))[0] == (
        f"Error: {MODULE}: line 2: x: uses the YAML tag '!!python/object/apply:os.system', which coursekit "
        "does not allow (tags can run code or read outside the file): write a plain value"
    )
    assert not marker.exists()


def test_an_indented_rule_inside_a_value_does_not_close_the_front_matter():
    text = "---\nid: a\nnotes: |\n  Fill in the form.\n  ---\n  Sign here.\ntitle: A\n---\nBody text.\n"
    parsed = parse_front_matter(text, "modules/a.md")
    assert parsed.data == {"id": "a", "notes": "Fill in the form.\n---\nSign here.\n", "title": "A"}
    assert parsed.body == "Body text.\n"
    assert parsed.body_line == 9
