"""Limits in the content model: ids that work as file names everywhere, long courses, glossary size."""

from __future__ import annotations

import re

import pytest
from conftest import audience_text, module_text, valid_files, write_tree

from coursekit.errors import ContentError
from coursekit.load import load_project

MODULE = "modules/intro.md"


def line_no(text: str, needle: str) -> int:
    """Return the 1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_300_character_id_is_refused(refused_build):
    long_id = "a" * 300
    text = module_text().replace("id: intro", f"id: {long_id}", 1)
    assert (
        f"Error: {MODULE}: line 2: id: is 300 characters long; ids become file and folder names, so use "
        "at most 64 characters"
    ) in refused_build(dict(valid_files(), **{MODULE: text}))


@pytest.mark.parametrize("reserved", ["con", "aux", "nul", "com1", "lpt9"])
def test_windows_reserved_names_are_refused_as_ids(refused_build, reserved):
    files = dict(valid_files(), **{f"audiences/{reserved}.yml": audience_text(reserved)})
    assert refused_build(files)[0] == (
        f"Error: audiences/{reserved}.yml: line 1: id: {reserved!r} cannot be an id: ids become file and "
        "folder names, and Windows reserves CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9; choose another id"
    )


def test_names_that_only_contain_a_reserved_word_are_fine(tmp_path):
    files = dict(valid_files(), **{MODULE: re.sub(r"\bstaff\b", "console-staff", module_text())})
    files["audiences/staff.yml"] = audience_text("console-staff")
    project = load_project(write_tree(tmp_path, files))
    assert "console-staff" in [a.id for a in project.audiences]


def test_a_long_course_can_state_its_length(tmp_path):
    files = dict(valid_files())
    files["audiences/staff.yml"] = audience_text("staff").replace(
        "length_minutes: 30", "length_minutes: 10000"
    )
    assert load_project(write_tree(tmp_path / "ok", files)).audience("staff").length_minutes == 10_000
    files["audiences/staff.yml"] = audience_text("staff").replace(
        "length_minutes: 30", "length_minutes: 10001"
    )
    with pytest.raises(ContentError) as raised:
        load_project(write_tree(tmp_path / "too-long", files))
    assert str(raised.value) == (
        "audiences/staff.yml: line 6: length_minutes: input should be less than or equal to 10000"
    )


def test_10000_glossary_terms_are_a_clear_limit(refused_build):
    text = module_text()
    terms = "".join(f"  - term: T{n}X\n    definition: Meaning {n}.\n" for n in range(10_000))
    start, end = text.index("glossary:\n"), text.index("prerequisites:")
    text = text[:start] + "glossary:\n" + terms + text[end:]
    assert refused_build({**valid_files(), MODULE: text})[0] == (
        f"Error: {MODULE}: line {line_no(text, 'glossary:')}: glossary: has 10000 terms; a module may define "
        "at most 100: keep the terms learners of this module need"
    )


def test_a_slide_line_over_twelve_words_is_refused(refused_build):
    line = " ".join(["word"] * 13)
    text = module_text().replace(
        "  - text: People know their own lives best.\n",
        f"  - text: People know their own lives best.\n    slide: {line}\n",
        1,
    )
    assert refused_build(dict(valid_files(), **{MODULE: text}))[0] == (
        f"Error: {MODULE}: line {line_no(text, 'slide: word')}: key_messages[0].slide: has 13 words; a "
        "slide line has at most 12: put the rest in the text"
    )
