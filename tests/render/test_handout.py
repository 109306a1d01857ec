"""The participant handout and materials pack: every material in full, nothing for trainers only."""

from __future__ import annotations

import datetime as dt

from conftest import assert_accessible_docx, assert_fixed_stamps, docx_blocks, docx_tables, pdf_text

from coursekit.load import load_project
from coursekit.model import BuildSettings
from coursekit.plan import build_plan
from coursekit.render import output

SETTINGS = BuildSettings(outputs=("handout",))


def make_handout(project, tmp_path, audience="staff"):
    plan = build_plan(load_project(project), audience)
    return output("handout").render(plan, tmp_path / "out", SETTINGS)[0]


def test_sections_in_order(project, tmp_path):
    path = make_handout(project, tmp_path)
    assert path == tmp_path / "out/staff/downloads/staff-handout.docx"
    headings = [(style, text) for style, text in docx_blocks(path) if style.startswith(("Heading", "Title"))]
    assert headings == [
        ("Title", "Staff course"),
        ("Heading 1", "Before you start"),
        ("Heading 1", "What you will be able to do"),
        ("Heading 2", "Module 1: Introduction"),
        ("Heading 1", "Module 1: Introduction"),
        ("Heading 2", "Stories in module 1"),
        ("Heading 3", "Sam joins a group"),
        ("Heading 2", "Activities"),
        ("Heading 3", "Talk in pairs (30 min)"),
        ("Heading 2", "Materials for module 1"),
        ("Heading 3", "Listening cards"),
        ("Heading 2", "Reflection: module 1"),
        ("Heading 1", "Check your learning, on paper"),
        ("Heading 2", "Module 1: Introduction"),
        ("Heading 1", "Glossary"),
        ("Heading 1", "Sources"),
        ("Heading 1", "Certificate of attendance"),
    ]
    assert ("Normal", "took part in Staff course.") in docx_blocks(path)  # whatever the knowledge checks say
    assert_accessible_docx(path, "Staff course: participant handout")


def test_every_material_is_printed_in_full_with_its_lists_and_tables(project, tmp_path):
    path = make_handout(project, tmp_path)
    blocks = docx_blocks(path)
    assert ("Normal", "Materials: Listening cards (in full below).") in blocks
    assert ("Normal", "Cards to cut out: one between two.") in blocks
    assert ("Normal", "Cut out the cards. Take turns to read one aloud.") in blocks
    assert ("List Number", "CARD-ONE A time someone listened to you.") in blocks
    assert ("List Number", "CARD-TWO A time you changed your mind.") in blocks
    assert ("List Bullet", "Things to notice") in blocks
    assert ("List Bullet 2", "NESTED-ITEM who spoke first") in blocks
    assert [["Card", "Question"], ["CARD-THREE", "What helped you to speak?"]] in docx_tables(path)


def test_an_activity_without_materials_says_so(project, tmp_path):
    blocks = docx_blocks(make_handout(project, tmp_path, "bosses"))
    texts = [text for _, text in blocks]
    activity = texts.index("Cost a meeting (20 min)")
    assert texts[activity + 1 : activity + 3] == [
        "Work out what one co-produced meeting costs.",
        "This activity needs no printed materials.",
    ]
    assert "This module has no printed materials." in texts
    assert "Listening cards" not in texts  # the staff's material is not in the bosses' pack


def test_no_facilitator_notes_or_answers(project, tmp_path):
    everything = " ".join(text for _, text in docx_blocks(make_handout(project, tmp_path)))
    for trainer_only in (
        "SECRET-FACILITATOR-NOTE",
        "Right answer",
        "Yes, power is shared.",
        "No, a survey is consultation.",
        "Everyday practice.",
        "published-public",
    ):
        assert trainer_only not in everything


def test_reflection_has_room_to_write_and_the_glossary_is_a_table(project, tmp_path):
    path = make_handout(project, tmp_path)
    texts = [text for _, text in docx_blocks(path)]
    prompt = texts.index("What will you try first?")
    assert texts[prompt + 1 : prompt + 7] == ["\t"] * 6
    assert docx_tables(path)[-1] == [["Word", "What it means"], ["NHS", "National Health Service."]]


def test_two_builds_are_byte_identical(project, tmp_path):
    first, second = make_handout(project, tmp_path / "one"), make_handout(project, tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    assert_fixed_stamps(second, dt.date(2026, 11, 22))


def test_libreoffice_opens_the_handout(project, tmp_path):
    text = pdf_text(make_handout(project, tmp_path), tmp_path)
    for heading in (
        "Participant handout and materials pack",
        "What you will be able to do",
        "Materials for module 1",
        "Listening cards",
        "CARD-THREE",
        "NESTED-ITEM",
        "Glossary",
    ):
        assert heading in text


def test_stories_are_printed_after_their_content_notes(project, tmp_path):
    lines = [text for _, text in docx_blocks(make_handout(project, tmp_path))]
    note = next(i for i, line in enumerate(lines) if line.startswith("Content note: Mentions homelessness."))
    assert lines[note - 1] == "Sam joins a group"
    assert lines[note + 1] == "Sam joined a group and helped to change a service."
    credit = next(line for line in lines[note:] if line.startswith("Credit: "))
    assert credit.endswith(
        "Retold in our own words; the storyteller has not yet been asked about this course."
    )


def test_the_checks_are_on_paper_with_their_answers_when_learners_do_them_alone(tmp_path):
    from conftest import valid_files, write_tree

    files = valid_files()
    files["audiences/staff.yml"] += "checks_in_room: false\n"
    blocks = docx_blocks(make_handout(write_tree(tmp_path / "p", files), tmp_path))
    texts = [text for _, text in blocks]
    start = texts.index("Check your learning, on paper")
    assert texts[start + 3] == "1. What is co-production?"
    options = [text for style, text in blocks[start + 4 : start + 6]]
    assert sorted(options) == ["A. A survey", "B. Working together as equals in the NHS"] or sorted(
        options
    ) == [
        "A. Working together as equals in the NHS",
        "B. A survey",
    ]
    right = next(o for o in options if "equals" in o)[0]
    answers = texts.index("Answers to the paper checks")
    assert texts[answers + 2] == f"1. {right}: Working together as equals in the NHS Yes, power is shared."


def test_checks_the_trainers_run_in_the_room_are_printed_without_answers(project, tmp_path):
    texts = [text for _, text in docx_blocks(make_handout(project, tmp_path))]
    assert "1. What is co-production?" in texts and "Answers to the paper checks" not in texts
    assert "Your trainers go through the answers with you." in " ".join(texts)


def test_the_handout_lists_its_sources_in_full_before_the_certificate(project, tmp_path):
    blocks = docx_blocks(make_handout(project, tmp_path))
    certificate = blocks.index(("Heading 1", "Certificate of attendance"))
    assert ("List Bullet", "Example Org (2022). Sam's story.") in blocks[certificate - 3 : certificate]


def with_card_text(tmp_path, text: str):
    """The valid project, its listening cards opening with `text` instead of their first line."""
    from conftest import valid_files, write_tree

    files = valid_files()
    files["modules/intro.md"] = files["modules/intro.md"].replace(
        "      Cut out the cards. Take turns to read one aloud.", f"      {text}"
    )
    return write_tree(tmp_path / "p", files)


def test_a_sheet_people_keep_names_its_sources_at_its_foot_not_beside_a_phone_number(tmp_path):
    project = with_card_text(tmp_path, "Cut out the cards. Call 116 123 any time [@example-story].")
    blocks = docx_blocks(make_handout(project, tmp_path))
    assert ("Normal", "Cut out the cards. Call 116 123 any time.") in blocks
    assert ("Normal", "Where this comes from: Example Org, 2022. Full details under Sources.") in blocks


def test_a_sheet_s_sources_go_to_its_foot_in_a_real_build_too(tmp_path):
    from coursekit.citations import resolve_plan

    project = with_card_text(tmp_path, "Cut out the cards. Call 116 123 any time [@example-story].")
    # The build writes citations in as '(Author, year)' before any document is rendered.
    plan = resolve_plan(build_plan(load_project(project), "staff"))
    blocks = docx_blocks(output("handout").render(plan, tmp_path / "out", SETTINGS)[0])
    assert ("Normal", "Cut out the cards. Call 116 123 any time.") in blocks
    assert ("Normal", "Where this comes from: Example Org, 2022. Full details under Sources.") in blocks


def test_an_authored_sources_line_left_empty_gives_way_to_the_foot_line(tmp_path):
    project = with_card_text(
        tmp_path,
        "Cut out the cards. Take turns to read one aloud.\n\n      Where this comes from: [@example-story].",
    )
    texts = [text for _, text in docx_blocks(make_handout(project, tmp_path))]
    assert [t for t in texts if t.startswith("Where this comes from")] == [
        "Where this comes from: Example Org, 2022. Full details under Sources."
    ]


def test_a_citation_on_its_own_line_leaves_no_stray_full_stop_at_the_foot(tmp_path):
    from coursekit.citations import resolve_plan

    project = with_card_text(
        tmp_path,
        "Cut out the cards. Rules change, often every April\n      [@example-story]. Check them.\n\n"
        "      - One point\n\n      [@example-story].",
    )
    plan = resolve_plan(build_plan(load_project(project), "staff"))
    texts = [text for _, text in docx_blocks(output("handout").render(plan, tmp_path / "out", SETTINGS)[0])]
    assert "Cut out the cards. Rules change, often every April. Check them." in texts
    assert "." not in texts and not any(t.endswith(" .") for t in texts)


def test_an_authored_sources_line_its_citations_leave_empty_is_dropped(tmp_path):
    project = with_card_text(
        tmp_path, "Cut out the cards.\n\n      Sources for item 3: [@example-story] [@example-story]."
    )
    texts = [text for _, text in docx_blocks(make_handout(project, tmp_path))]
    assert not any(t.startswith("Sources for item 3") for t in texts)
    assert "Where this comes from: Example Org, 2022. Full details under Sources." in texts


def test_a_sheet_that_is_not_cards_cites_inline_unless_the_audience_cites_by_number(tmp_path):
    from conftest import valid_files, write_tree

    files = valid_files()
    files["modules/intro.md"] = (
        files["modules/intro.md"]
        .replace("    kind: cards\n", "    kind: sheet\n")
        .replace(
            "      Cut out the cards. Take turns to read one aloud.",
            "      The duty applies [@example-story].",
        )
    )
    texts = [t for _, t in docx_blocks(make_handout(write_tree(tmp_path / "p", files), tmp_path))]
    assert "The duty applies (Example Org, 2022)." in texts
    assert not any(t.startswith("Where this comes from") for t in texts)
    files["audiences/staff.yml"] += "citations: numbered\n"
    texts = [t for _, t in docx_blocks(make_handout(write_tree(tmp_path / "q", files), tmp_path / "q"))]
    assert "The duty applies." in texts


def test_the_handout_gives_the_same_edition_as_the_site_and_the_guide(project, tmp_path):
    from coursekit.organisation import Brand
    from coursekit.render.handout import handout_document

    plan = build_plan(load_project(project), "staff")
    brand = Brand(edition_version="2.1", edition_date=dt.date(2026, 11, 30))
    texts = [p.text for p in handout_document(plan, brand).paragraphs]
    assert "Edition: 2.1, 30 November 2026" in texts
