"""Loading and validation: every bad input gets its file, field and line, all in one run."""

from __future__ import annotations

import pytest
from conftest import audience_text, module_text, valid_files, write_tree

from coursekit.errors import ContentError
from coursekit.load import load_project


def line_no(text: str, needle: str) -> int:
    """Return the 1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def load_errors(tmp_path, changes: dict) -> list[str]:
    files = valid_files()
    files.update(changes)
    root = write_tree(tmp_path / "p", {k: v for k, v in files.items() if v is not None})
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return caught.value.lines()


def test_valid_project_loads(project):
    loaded = load_project(project)
    assert [m.id for m in loaded.modules] == ["intro"]
    assert [a.id for a in loaded.audiences] == ["bosses", "staff"]
    assert loaded.module("intro").activities[0].minutes == 30


def test_malformed_yaml_names_file_and_line(tmp_path):
    broken = module_text().replace("minutes: 30\nversion", "minutes: [30\nversion", 1)
    errors = load_errors(tmp_path, {"modules/intro.md": broken})
    assert len(errors) == 1
    assert errors[0].startswith("modules/intro.md: line ")
    assert "malformed YAML" in errors[0]


def test_misspelt_key_suggests_the_right_one(tmp_path):
    errors = load_errors(tmp_path, {"modules/intro.md": module_text().replace("summary:", "sumary:")})
    assert "modules/intro.md: line 4: sumary: unknown key 'sumary'; did you mean 'summary'?" in errors


def test_missing_required_field(tmp_path):
    text = module_text().replace("review_date: 2027-11-22\n", "")
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert errors == ["modules/intro.md: line 2: review_date: is required but missing; add it"]


def test_wrong_type_for_minutes(tmp_path):
    text = module_text().replace("    minutes: 30\n    type: pairs", "    minutes: ten\n    type: pairs")
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    line = line_no(text, "minutes: ten")
    assert errors == [
        f"modules/intro.md: line {line}: activities[0].minutes: must be a whole number, not 'ten'"
    ]


def test_duplicate_module_ids(tmp_path):
    errors = load_errors(tmp_path, {"modules/intro-copy.md": module_text(title="Copy")})
    assert errors == [
        (
            "modules/intro.md: line 2: id: module id 'intro' is already used by "
            "modules/intro-copy.md; ids must be unique"
        )
    ]


def test_audience_naming_a_missing_module(tmp_path):
    errors = load_errors(tmp_path, {"audiences/staff.yml": audience_text("staff", "[intro, intr]")})
    assert errors == [
        "audiences/staff.yml: line 5: modules[1]: no module has id 'intr'; did you mean 'intro'?"
    ]


def test_prerequisite_cycle(tmp_path):
    errors = load_errors(
        tmp_path,
        {
            "modules/intro.md": module_text(prerequisites="[second]"),
            "modules/second.md": module_text("second", "Second", prerequisites="[intro]"),
        },
    )
    assert len(errors) == 1
    assert "prerequisites form a cycle" in errors[0]
    assert "intro" in errors[0] and "second" in errors[0]


def test_file_that_is_not_utf8(tmp_path):
    errors = load_errors(tmp_path, {"modules/intro.md": module_text().encode("utf-8") + b"\xff\xfe caf\xe9"})
    assert errors[0].startswith("modules/intro.md: is not UTF-8 text (byte 0xff at offset")
    assert "save the file with UTF-8 encoding" in errors[0]


@pytest.mark.parametrize("name", ["modules/intro.md", "audiences/staff.yml"])
def test_empty_file(tmp_path, name):
    errors = load_errors(tmp_path, {name: "  \n"})
    assert f"{name}: is empty; see docs/authoring.md for what it needs" in errors


@pytest.mark.parametrize("bad_id", ["../escape", "a/b"])
def test_id_with_slash_or_dotdot(tmp_path, bad_id):
    errors = load_errors(tmp_path, {"modules/intro.md": module_text(module_id=bad_id)})
    assert any(
        e.startswith("modules/intro.md: line 2: id: ") and "must not contain '/', '\\' or '..'" in e
        for e in errors
    )


def test_every_problem_reported_in_one_run(tmp_path):
    errors = load_errors(
        tmp_path,
        {
            "modules/intro.md": module_text().replace("summary:", "sumary:"),
            "audiences/staff.yml": audience_text("staff").replace(
                "length_minutes: 30", "length_minutes: long"
            ),
            "audiences/bosses.yml": audience_text("bosses", "[intro, missing]"),
        },
    )
    assert len(errors) == 4  # the misspelt key is unknown, and 'summary' is then missing
    assert {e.split(":")[0] for e in errors} == {
        "modules/intro.md",
        "audiences/staff.yml",
        "audiences/bosses.yml",
    }


def test_broken_module_is_not_also_reported_as_missing(tmp_path):
    errors = load_errors(tmp_path, {"modules/intro.md": module_text().replace("summary:", "sumary:")})
    assert all(not e.startswith("audiences/") for e in errors)


def test_references_inside_a_module_are_checked(tmp_path):
    text = (
        module_text()
        .replace(
            "    outcomes: [describe]\n    instructions: Talk",
            "    outcomes: [describ]\n    instructions: Talk",
        )
        .replace("sources: [example-story]", "sources: [nowhere]")
        .replace("[@example-story]", "[@nowhere-else]")
    )
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert (
        f"modules/intro.md: line {line_no(text, '[describ]')}: activities[0].outcomes[0]: no outcome of this "
        "module has id 'describ'; did you mean 'describe'?"
    ) in errors
    assert any(
        f"line {line_no(text, '[nowhere]')}: key_messages[0].sources[0]: no source has id 'nowhere'" in e
        for e in errors
    )
    assert any(
        f"line {line_no(text, 'nowhere-else')}: body: no source has id 'nowhere-else'" in e for e in errors
    )


def test_text_tied_to_a_story_must_name_a_story_that_exists(tmp_path):
    text = (
        module_text().replace(
            "    sources: [example-story]\n", "    sources: [example-story]\n    story: sams-storey\n", 1
        )
        + "\n::: instead-of nobodys-story\nThe point.\n:::\n"
    )
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert (
        f"modules/intro.md: line {line_no(text, 'sams-storey')}: key_messages[0].story: no story has id "
        "'sams-storey'; did you mean 'sams-story'?; tie the text to a story of this library"
    ) in errors
    assert (
        f"modules/intro.md: line {line_no(text, '::: instead-of')}: body: no story has id 'nobodys-story'; "
        "did you mean 'sams-story'?; tie the text to a story of this library"
    ) in errors


def test_an_item_cannot_both_tell_a_story_and_stand_in_for_it(tmp_path):
    text = module_text().replace(
        "    sources: [example-story]\n",
        "    sources: [example-story]\n    story: sams-story\n    instead_of: sams-story\n",
        1,
    )
    [error] = load_errors(tmp_path, {"modules/intro.md": text})
    assert "key_messages[0]" in error
    assert "either tied to a story ('story') or stands in for one ('instead_of')" in error


@pytest.mark.parametrize(
    ("added", "message"),
    [
        ("    story: sams-story\n", "'story' needs 'if_withheld': what it says where the story is left out"),
        (
            "    if_withheld:\n      title: Plain\n",
            "'if_withheld' needs 'story': the id of the story it stands in for",
        ),
        (
            "    story: sams-story\n    if_withheld: {}\n",
            "give at least one field that replaces the item's own",
        ),
    ],
)
def test_an_activity_using_a_story_says_what_it_does_without_it(tmp_path, added, message):
    text = module_text().replace("    led_by: co-trainer\n", "    led_by: co-trainer\n" + added, 1)
    [error] = load_errors(tmp_path, {"modules/intro.md": text})
    assert error.startswith("modules/intro.md: line ") and "activities[0]" in error
    assert message in error


def test_audience_block_mistakes_in_body(tmp_path):
    text = (
        module_text()
        .replace("::: only bosses", "::: only managers")
        .replace("BOSSES-ONLY budget paragraph.\n:::\n", "text\n")
    )
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert any("body: '::: only managers' block is never closed" in e for e in errors)


def test_module_must_serve_the_audiences_that_use_it(tmp_path):
    text = module_text().replace("  bosses:\n    focus: Budgets and decisions.\n    minutes: 20\n", "")
    text = text.replace("    audiences: [bosses]\n", "").replace(
        "::: only bosses\nBOSSES-ONLY budget paragraph.\n:::\n", ""
    )
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert errors == [
        (
            "audiences/bosses.yml: line 5: modules[0]: module 'intro' does not say how it serves "
            "'bosses': add 'bosses' under 'audiences' in modules/intro.md"
        )
    ]


def test_question_needs_exactly_one_right_answer(tmp_path):
    text = module_text().replace("        correct: true\n", "")
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert any("questions[0].options: exactly one option must have 'correct: true'" in e for e in errors)


def test_missing_folders(tmp_path):
    root = write_tree(tmp_path / "p", {"sources.yml": "sources: []\n"})
    with pytest.raises(ContentError) as caught:
        load_project(root)
    assert caught.value.lines() == [
        f"audiences: folder not found in {root}",
        f"modules: folder not found in {root}",
    ]


def test_a_control_character_in_text_is_refused(tmp_path):
    text = module_text().replace(
        "instructions: Talk with a partner about a time someone listened to you.",
        'instructions: "Talk with \\x0b a partner."',
    )
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert errors == [
        (
            f"modules/intro.md: line {line_no(text, 'Talk with')}: activities[0].instructions: "
            "contains the control character U+000B, which documents cannot show; remove it"
        )
    ]


def test_pass_mark_over_100_is_refused(tmp_path):
    errors = load_errors(tmp_path, {"audiences/staff.yml": audience_text("staff") + "pass_mark: 101\n"})
    assert errors == ["audiences/staff.yml: line 10: pass_mark: input should be less than or equal to 100"]


@pytest.mark.parametrize(
    ("name", "holds"),
    [("audiences/staff.yml", "fields (id, name, ...)"), ("sources.yml", "fields: a 'sources' list")],
)
def test_a_yaml_file_that_is_not_a_mapping(tmp_path, name, holds):
    errors = load_errors(tmp_path, {name: "- just\n- a list\n"})
    assert f"{name}: line 1: must be a mapping of {holds}" in errors


def test_a_glossary_term_for_an_audience_the_module_does_not_serve(tmp_path):
    module = module_text().replace(
        "glossary:\n",
        "glossary:\n  - term: KPI\n    definition: Key performance indicator.\n    audiences: [boards]\n",
        1,
    )
    errors = load_errors(tmp_path, {"modules/intro.md": module})
    assert any(
        "glossary[0].audiences[0]: 'boards' is not one of this module's audiences" in error
        for error in errors
    ), errors


def test_a_course_that_gives_blocks_to_a_guest_must_name_the_guest(tmp_path):
    text = module_text().replace(
        "    focus: Budgets and decisions.\n", "    focus: Budgets and decisions.\n    input_by: guest\n", 1
    )
    text = text.replace("    led_by: co-trainer\n", "    led_by: guest\n", 1)
    errors = load_errors(tmp_path, {"modules/intro.md": text})
    assert errors == [
        "audiences/bosses.yml: line 5: modules[0]: module 'intro' gives its teaching input to a guest, but this "
        "audience names no guest: add 'guest:' with a title (the role) and a briefing",
        "audiences/staff.yml: line 5: modules[0]: module 'intro' gives activity 'pairs' to a guest, but this "
        "audience names no guest: add 'guest:' with a title (the role) and a briefing",
    ]


def test_a_source_id_used_twice_in_sources_yml_is_refused_at_its_line(tmp_path):
    from conftest import SOURCES

    twice = SOURCES + SOURCES.split("sources:\n", 1)[1]
    errors = load_errors(tmp_path, {"sources.yml": twice})
    second = [n for n, line in enumerate(twice.splitlines(), start=1) if "id: example-story" in line][1]
    assert errors == [
        f"sources.yml: line {second}: sources[1].id: id 'example-story' is used twice (first on line 2): "
        "give each source its own id, or merge the two"
    ]
