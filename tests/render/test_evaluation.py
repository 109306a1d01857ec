"""The evaluation form: tied to the outcomes, accessible, reproducible, opened by LibreOffice."""

from __future__ import annotations

import datetime as dt

from conftest import (
    SOURCES,
    assert_accessible_docx,
    assert_fixed_stamps,
    audience_text,
    docx_blocks,
    docx_tables,
    in_parts,
    pdf_text,
    timed_module,
    write_tree,
)

from coursekit.load import load_project
from coursekit.model import BuildSettings
from coursekit.plan import build_plan
from coursekit.render import output

SETTINGS = BuildSettings(outputs=("evaluation",))


def make_form(project, tmp_path, audience="staff"):
    plan = build_plan(load_project(project), audience)
    return output("evaluation").render(plan, tmp_path / "out", SETTINGS)[0]


def test_sections(project, tmp_path):
    path = make_form(project, tmp_path)
    assert path == tmp_path / "out/staff/downloads/staff-evaluation.docx"
    headings = [text for style, text in docx_blocks(path) if style == "Heading 1"]
    assert headings == [
        "Your confidence, before and after",
        "What worked, and what to change",
        "One thing I will do",
        "You said, we did",
        "Optional: equality and access",
        "Slip: a way to reach you (optional)",
        "For the trainer: the follow-up at 6 to 8 weeks",
    ]
    assert_accessible_docx(path, "Staff course: evaluation form")


def test_confidence_before_and_after_on_each_outcome(project, tmp_path):
    assert docx_tables(make_form(project, tmp_path))[0] == [
        ["I can…", "Before", "After"],
        ["Module 1: Describe one benefit of working together.", "1   2   3   4   5", "1   2   3   4   5"],
    ]


def test_commitment_follow_up_report_back_and_an_optional_question(project, tmp_path):
    texts = [text for _, text in docx_blocks(make_form(project, tmp_path))]
    assert "What worked well for you?" in texts and "What should we change?" in texts
    assert any(
        text.startswith("Did anything make you feel you had to share more about yourself") for text in texts
    )
    assert "Write one thing you will do differently because of this course." in texts
    assert any("in 6 to 8 weeks to ask how it went" in text for text in texts)
    slip = texts.index("Slip: a way to reach you (optional)")  # contact details apart from the answers
    assert texts[slip + 1].startswith("Hand this in on its own, not with your form.")
    assert "Follow-up date (the trainer fills this in): ____ / ____ / ________" in texts
    assert any(
        text.startswith(
            'The trainers read every form and tell everyone who took part, in a short "you said, we did" note'
        )
        for text in texts
    )
    assert any(text.startswith("This question is optional. You do not have to answer it") for text in texts)


def test_two_builds_are_byte_identical(project, tmp_path):
    first, second = make_form(project, tmp_path / "one"), make_form(project, tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    assert_fixed_stamps(second, dt.date(2026, 11, 22))


def test_libreoffice_opens_the_form(project, tmp_path):
    text = pdf_text(make_form(project, tmp_path), tmp_path)
    for heading in (
        "Your confidence, before and after",
        "You said, we did",
        "Optional: equality and access",
        "Describe one benefit of working together.",
    ):
        assert heading in text


def test_a_course_in_sittings_has_a_form_for_each_and_the_follow_up_asks_about_the_commitment(tmp_path):
    path = make_form(write_tree(tmp_path / "p", in_parts()), tmp_path)
    blocks = docx_blocks(path)
    texts = [text for _, text in blocks]
    first = blocks.index(("Heading 1", "Form for the sitting: Half day"))
    second = blocks.index(("Heading 1", "Form for the sitting: Follow-up, 6 to 8 weeks later"))
    assert [text for style, text in blocks[first:second] if style == "Heading 2"] == [
        "Your confidence, before and after",
        "What worked, and what to change",
        "One thing I will do",
    ]
    end = blocks.index(("Heading 1", "You said, we did"))
    assert [text for style, text in blocks[second:end] if style == "Heading 2"] == [
        "Your confidence, before and after",
        "What worked, and what to change",
        "The thing you said you would do",
    ]
    assert any(
        t.startswith(
            "Keep a copy: at the follow-up session (Follow-up, 6 to 8 weeks later) we will ask how it went."
        )
        for t in texts
    )
    assert "Did you do the thing you wrote down? What happened?" in texts[second:]
    assert any(t.endswith("Fill it in only if you cannot come to the follow-up session.") for t in texts)
    tables = docx_tables(path)
    assert [row[0] for row in tables[0][1:]] == ["Module 1: Describe one benefit of working together."]
    assert [row[0] for row in tables[1][1:]] == ["Module 2: Describe one benefit of working together."]


def test_the_follow_up_questions_are_ready_for_the_6_to_8_week_contact(project, tmp_path):
    lines = [text for _, text in docx_blocks(make_form(project, tmp_path))]
    start = lines.index("For the trainer: the follow-up at 6 to 8 weeks")
    assert (
        "Anyone paid to take part in the course is paid for their time in the follow-up too."
        in lines[start + 1]
    )
    assert "Did you do the thing you wrote down? What happened?" in lines[start:]


def test_past_sixteen_outcomes_each_module_is_rated_once_on_its_main_outcome(tmp_path):
    outcomes = [
        {"id": f"o{n}", "text": f"Describe point {n} of working together.", "short": f"describe point {n}"}
        for n in range(5)
    ]
    files = {
        f"modules/{m}.md": timed_module(
            m,
            outcomes=outcomes,
            activities=((f"{m}-talk", 30, {"outcomes": ["o0", "o1", "o2", "o3", "o4"]}),),
        )
        for m in "abcd"
    }
    files |= {"audiences/staff.yml": audience_text("staff", "[a, b, c, d]"), "sources.yml": SOURCES}
    rows = docx_tables(make_form(write_tree(tmp_path / "p", files), tmp_path))[0]
    assert [row[0] for row in rows[1:]] == [f"Module {number}: describe point 0" for number in (1, 2, 3, 4)]


def test_an_outcome_s_short_form_is_what_the_form_asks_about(tmp_path):
    outcomes = [
        {
            "id": "describe",
            "text": "Describe one benefit of working together, with an example from your own service.",
            "short": "describe one benefit of working together",
        }
    ]
    files = {
        "modules/a.md": timed_module("a", outcomes=outcomes),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    rows = docx_tables(make_form(write_tree(tmp_path / "p", files), tmp_path))[0]
    assert [row[0] for row in rows[1:]] == ["Module 1: describe one benefit of working together"]


def test_a_course_with_a_commitment_card_never_asks_for_an_action_again(tmp_path):
    from conftest import valid_files
    from docx import Document

    from coursekit.render.deck import deck_slides
    from coursekit.render.trainers import opening_and_closing

    files = valid_files()
    files["audiences/staff.yml"] += "commitment: the commitment card from the last module\n"
    project = write_tree(tmp_path / "p", files)
    blocks = docx_blocks(make_form(project, tmp_path))
    texts = [text for _, text in blocks]
    assert (
        "Your one action goes on the commitment card from the last module, so there is nothing to "
        "write here. Keep it: in 6 to 8 weeks we will ask how it went, if you would like that: fill in the "
        "slip on the last page and hand it in separately, so this form stays anonymous."
    ) in texts
    slip = texts.index("Slip: a way to reach you (optional)")  # the card may go home; the slip is handed in
    assert texts[slip + 1].endswith(
        "Leave it blank if you already handed in a way to reach you with the commitment card from the last module."
    )
    assert not any(text.startswith("Write one thing you will do") for text in texts)
    plan = build_plan(load_project(project), "staff")
    closing = next(s for s in deck_slides(plan) if s.title == "Thank you, and what happens next")
    assert (
        closing.body[0]
        == "Keep the commitment card from the last module: we will ask how it went, if you want us to."
    )
    assert closing.notes.startswith(
        "Close the session: collect the evaluation forms. People keep the commitment card from the last module;"
    )
    document = Document()
    opening_and_closing(document, plan)
    said = [p.text for p in document.paragraphs]
    assert any(
        t.endswith(
            "Nobody is asked for an action out loud: that is what the commitment card from the last module is for."
        )
        for t in said
    )


def test_a_commitment_card_with_its_own_contact_strip_is_the_one_way_to_reach_people(tmp_path):
    from conftest import valid_files

    from coursekit.render.deck import deck_slides

    files = valid_files()
    files["audiences/staff.yml"] += 'commitment: the "My next step" card\ncommitment_contact: true\n'
    project = write_tree(tmp_path / "p", files)
    texts = [text for _, text in docx_blocks(make_form(project, tmp_path))]
    assert "Slip: a way to reach you (optional)" not in texts
    assert any(
        'tick the contact strip on the "My next step" card and hand the strip in, on its own' in t
        for t in texts
    )
    closing = next(
        s for s in deck_slides(build_plan(load_project(project), "staff")) if s.title.startswith("Thank")
    )
    assert (
        'collect the contact strip from the "My next step" card only from those who tick it' in closing.notes
    )


def test_a_contact_strip_without_a_commitment_card_is_refused(tmp_path, cli):
    from conftest import valid_files

    files = valid_files()
    files["audiences/staff.yml"] += "commitment_contact: true\n"
    result = cli(["check"], write_tree(tmp_path / "p", files))
    assert result.exit_code == 1
    assert "audiences/staff.yml" in result.stderr and "commitment_contact needs commitment" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_follow_up_asks_whether_each_thing_rated_in_the_room_has_been_done_at_work(project, tmp_path):
    path = make_form(project, tmp_path)
    rated, practice = docx_tables(path)[0], docx_tables(path)[-1]
    assert practice[0] == ["Since the course, I have…", "Done?", "One example"]
    assert [row[0] for row in practice[1:]] == [row[0] for row in rated[1:]]
    assert {row[1] for row in practice[1:]} == {"Yes / Not yet / Not for me"}


def test_an_audience_s_own_follow_up_questions_replace_the_table_made_from_outcomes(tmp_path):
    audience = audience_text("staff", "[a]") + (
        "follow_up:\n  - OWN-Q1 Have you asked a group what it can decide?\n  - OWN-Q2 Were you paid on time?\n"
    )
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    path = make_form(write_tree(tmp_path / "p", files), tmp_path)
    lines = [text for _, text in docx_blocks(path)]
    practice = lines.index("What you have put into practice")
    assert [line for line in lines[practice:] if line.startswith("OWN-Q")] == [
        "OWN-Q1 Have you asked a group what it can decide?",
        "OWN-Q2 Were you paid on time?",
    ]
    assert not any(t[0][0] == "Since the course, I have…" for t in docx_tables(path))
