"""Trainer decks: reopened with python-pptx, and converted by LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess

from conftest import SOURCES, audience_text, convert_to_pdf, in_parts, require_tool, timed_module, write_tree
from pptx import Presentation

from coursekit.courselength import course_timeline
from coursekit.load import load_project
from coursekit.model import BuildSettings
from coursekit.plan import build_plan
from coursekit.render import slides
from coursekit.render.deck import deck_slides
from coursekit.timeline import Sitting, TimeSettings, build_timeline


def make_deck(project, tmp_path, audience="staff"):
    plan = build_plan(load_project(project), audience)
    return slides.render(plan, tmp_path / "out", BuildSettings(outputs=("slides",)))[0]


def titles_and_notes(path):
    deck = Presentation(str(path))
    return [(s.shapes.title.text_frame.text, s.notes_slide.notes_text_frame.text) for s in deck.slides]


def test_deck_structure_titles_and_notes(project, tmp_path):
    slides_ = titles_and_notes(make_deck(project, tmp_path))
    titles = [t for t, _ in slides_]
    assert titles[0] == "Staff course"
    assert titles.index("How we work together today") < titles.index("Module 1: Introduction")
    assert "Module 1: Introduction" in titles
    assert "Module 1: content note 1" not in titles  # the module has no module-level note
    assert "Module 1: what you will be able to do" in titles
    assert "Module 1, activity 1: Talk in pairs (30 min)" in titles
    assert "Module 1 check: question 1" in titles
    assert titles[-1] == "Thank you, and what happens next"
    assert len(set(titles)) == len(titles), "every slide title is unique"
    notes = dict(slides_)
    activity_notes = notes["Module 1, activity 1: Talk in pairs (30 min)"]
    assert "SECRET-FACILITATOR-NOTE" in activity_notes and "Timing: 30 minutes" in activity_notes
    assert "Materials: Listening cards" in activity_notes  # the title, not the id
    assert "Right answer: A" in notes["Module 1 check: question 1"]
    assert "one limit: if we hear that someone may be at risk" in notes["How we work together today"]
    assert notes["How we work together today"].endswith(
        "The lead trainer says the last rule, the limit of confidentiality, whoever leads the check-in: "
        "a co-trainer with lived experience is not cast as the one who reports."
    )


def test_built_in_decks_are_16_by_9_with_a_layout_per_kind_of_slide(project, tmp_path):
    deck = Presentation(str(make_deck(project, tmp_path)))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    layouts = {s.shapes.title.text_frame.text: s.slide_layout.name for s in deck.slides}
    assert layouts["Staff course"] == "Title Slide"
    assert layouts["Module 1: Introduction"] == "Section Header"
    assert layouts["Module 1: what you will be able to do"] == "Teaching Point"
    assert layouts["Module 1, activity 1: Talk in pairs (30 min)"] == "Activity"
    assert layouts["Module 1 check: question 1"] == "Check"
    assert layouts["Thank you, and what happens next"] == "Closing"


def test_template_decks_use_office_layouts_for_kinds_the_template_lacks(cli, project, tmp_path):
    result = cli(
        ["build", "--only", "slides", "--slides-template", str(organisation_template(tmp_path))], project
    )
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(project / "site/staff/downloads/staff-slides.pptx"))
    used = {s.slide_layout.name for s in deck.slides}
    assert used == {"Title Slide", "Title and Content", "Section Header"}
    assert deck.slide_width == Presentation().slide_width  # the template's own size


def test_each_audience_gets_its_own_activities(project, tmp_path):
    titles = [t for t, _ in titles_and_notes(make_deck(project, tmp_path, "bosses"))]
    assert "Module 1, activity 1: Cost a meeting (20 min)" in titles
    assert not [t for t in titles if "Talk in pairs" in t]


def test_libreoffice_opens_the_deck(project, tmp_path):
    pdftotext = require_tool("pdftotext", "the converted deck is read back as text (poppler-utils)")
    deck = make_deck(project, tmp_path)
    pdf = convert_to_pdf(deck, tmp_path)
    text = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words = " ".join(text.split()).casefold()  # the template sets section titles in capitals
    assert "module 1: introduction" in words
    assert "module 1, activity 1: talk in pairs (30 min)" in words
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == len(Presentation(str(deck)).slides)


def organisation_template(tmp_path, layout_rename=None, with_slide=False):
    """Make a .pptx template like an organisation's: the default masters, maybe changed."""
    prs = Presentation()
    if layout_rename:
        old, new = layout_rename
        next(layout for layout in prs.slide_layouts if layout.name == old).name = new
    if with_slide:
        prs.slides.add_slide(prs.slide_layouts[0])
    path = tmp_path / "brand.pptx"
    prs.save(str(path))
    return path


def test_decks_build_on_an_organisation_template(cli, project, tmp_path):
    template = organisation_template(tmp_path, layout_rename=("Blank", "Our blank page"))
    result = cli(["build", "--only", "slides", "--slides-template", str(template)], project)
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(project / "site/staff/downloads/staff-slides.pptx"))
    assert "Our blank page" in [layout.name for layout in deck.slide_layouts]


def test_unusable_templates_are_explained(cli, project, tmp_path):
    template = organisation_template(tmp_path, layout_rename=("Section Header", "Divider"), with_slide=True)
    result = cli(["build", "--slides-template", str(template)], project)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        f"Error: {template}: has 1 slide(s); coursekit adds its own, so delete them and save it again "
        "with only the slide masters and layouts" in lines
    )
    assert any(
        line.startswith(f"Error: {template}: has no layout named 'Section Header' (it has: ")
        for line in lines
    )
    not_pptx = write_tree(tmp_path, {"notes.pptx": "just text"}) / "notes.pptx"
    result = cli(["build", "--slides-template", str(not_pptx)], project)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {not_pptx}: is not a PowerPoint (.pptx) file")
    assert not (project / "site").exists()


def test_a_template_layout_without_a_text_placeholder_is_explained(cli, project, tmp_path):
    prs = Presentation()
    section = next(layout for layout in prs.slide_layouts if layout.name == "Section Header")
    body = next(p for p in section.placeholders if p.placeholder_format.idx == 1)
    body._element.getparent().remove(body._element)
    template = tmp_path / "no-text.pptx"
    prs.save(str(template))
    result = cli(["build", "--only", "slides", "--slides-template", str(template)], project)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {template}: layout 'Section Header' needs a title placeholder and a text placeholder "
        "(idx 1) for the slide's text; add them to the layout in the slide master"
    )
    assert not (project / "site").exists()


def test_the_course_plan_slides_show_the_clock_and_the_breaks(tmp_path):
    files = {f"modules/{m}.md": timed_module(m, activities=((f"{m}-talk", 40, {}),)) for m in "abc"}
    files.update({"audiences/staff.yml": audience_text("staff", "[a, b, c]"), "sources.yml": SOURCES})
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 240),)))
    slides_ = deck_slides(dataclasses.replace(plan, timeline=timed))
    plan_slides = [s for s in slides_ if s.title.startswith("Course plan")]
    assert [s.title for s in plan_slides] == ["Course plan (1 of 2)", "Course plan (2 of 2)"]
    assert [row for s in plan_slides for row in s.body] == [
        "09:30 Welcome and check-in (20 min)",
        "09:50 Module 1: Module a (45 min)",
        "10:35 Spare time (19 min)",
        "10:54 Break (15 min)",
        "11:09 Module 2: Module b (45 min)",
        "11:54 Spare time (13 min)",
        "12:07 Break (15 min)",
        "12:22 Module 3: Module c (45 min)",
        "13:07 Spare time and check-out (23 min), ending at 13:30",
    ]
    assert slides_[0].subtitle.startswith("Staff · 4 h ·")
    assert plan_slides[0].notes == (
        "Total time in the room: 4 h, breaks included, with 45 minutes of spare time, shared over 3 "
        "stretches, for the discussions that run over."
    )


def test_long_instructions_go_to_the_handout_not_the_slide(tmp_path):
    from conftest import module_text, valid_files

    long = " ".join(["Talk with a partner about a time someone listened to you."] * 8)
    module = module_text().replace(
        "instructions: Talk with a partner about a time someone listened to you.", f"instructions: {long}"
    )
    root = write_tree(tmp_path / "p", dict(valid_files(), **{"modules/intro.md": module}))
    deck = Presentation(str(make_deck(root, tmp_path)))
    slide = next(s for s in deck.slides if "activity 1" in s.shapes.title.text_frame.text)
    body = [
        p.text
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 1
        for p in shape.text_frame.paragraphs
    ]
    assert body == [
        "Talk with a partner about a time someone listened to you.",
        "Full instructions: handout, module 1, Talk in pairs.",
    ]
    assert long in slide.notes_slide.notes_text_frame.text


def test_scripted_key_messages_get_a_slide_each_with_the_script_in_the_notes(tmp_path):
    messages = [
        {"text": "FIRST-MESSAGE Ask first.", "sources": ["example-story"], "script": "SCRIPT-WORDS Ask who."},
        {"text": "SECOND-MESSAGE Pay people.", "sources": ["example-story"]},
    ]
    files = {
        "modules/a.md": timed_module("a", key_messages=messages),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    taught = [(s.title, s.body, s.notes) for s in deck if "key message" in s.title]
    assert taught == [
        ("Module 1: key message 1 of 2", ("FIRST-MESSAGE Ask first.",), "Say: SCRIPT-WORDS Ask who."),
        (
            "Module 1: key message 2 of 2",
            ("SECOND-MESSAGE Pay people.",),
            "Make this point in your own words.",
        ),
    ]


def test_a_course_with_checks_for_afterwards_has_no_check_slides(tmp_path):
    audience = audience_text("staff", "[a]") + "checks_in_room: false\n"
    files = {
        "modules/a.md": timed_module("a", questions=3),
        "audiences/staff.yml": audience,
        "sources.yml": SOURCES,
    }
    titles = [
        s.title for s in deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    ]
    assert "Module 1: Module a" in titles
    assert not [t for t in titles if "check" in t]
    in_room = {**files, "audiences/staff.yml": audience_text("staff", "[a]")}
    titles = [
        s.title for s in deck_slides(build_plan(load_project(write_tree(tmp_path / "q", in_room)), "staff"))
    ]
    assert "Module 1 check: question 3" in titles


def test_extras_the_plan_leaves_out_stay_in_the_deck_hidden_from_the_slide_show(tmp_path):
    module = timed_module("a", questions=2, activities=(("main", 30, {}), ("extra", 20, {"optional": True})))
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 60),)))
    assert [t.action for t in timed.trims] == ["drop"]
    path = slides.render(
        dataclasses.replace(plan, timeline=timed), tmp_path / "out", BuildSettings(outputs=("slides",))
    )[0]
    shown = {s.shapes.title.text_frame.text: s._element.get("show") for s in Presentation(str(path)).slides}
    assert shown["Module 1, activity 1: Activity main (30 min)"] is None
    assert shown["Module 1, activity 2: Activity extra (20 min), optional extra"] == "0"
    assert shown["Module 1 check: question 1"] is None


def test_each_story_has_a_slide_with_its_note_first_and_its_text_in_the_notes(tmp_path):
    files = {
        "modules/a.md": timed_module("a", stories=(40,)),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    [story] = [s for s in deck if s.layout == "Story"]
    assert (story.title, story.subtitle, story.body) == (
        "Module 1: Story 1",
        "",
        ("Told by Sam. Full credit in the notes and handout.",),  # short enough for the slide
    )
    assert "Credit, in full: Told by Sam." in story.notes
    assert "Read it aloud: about 2 min." in story.notes and " ".join(["word"] * 40) in story.notes
    assert (
        "Consent: published-public (retold from a published public story, with credit; the storyteller has not been asked); may be used in site, slides, print."
        in story.notes
    )


def test_a_course_in_sittings_closes_one_and_welcomes_people_back_to_the_next(tmp_path):
    plan = build_plan(load_project(write_tree(tmp_path / "p", in_parts())), "staff")
    titles = [s.title for s in deck_slides(dataclasses.replace(plan, timeline=course_timeline(plan)))]
    end, back = (
        titles.index("Check-out: end of Half day"),
        titles.index("Welcome back: Follow-up, 6 to 8 weeks later"),
    )
    assert titles.index("Module 1: Module a") < end < back < titles.index("Module 2: Module b")


def test_each_sitting_has_its_own_course_plan_slide(tmp_path):
    plan = build_plan(load_project(write_tree(tmp_path / "p", in_parts())), "staff")
    slides_ = deck_slides(dataclasses.replace(plan, timeline=course_timeline(plan)))
    plans = {s.title: s.body for s in slides_ if s.title.startswith("Course plan")}
    assert list(plans) == ["Course plan: Half day", "Course plan: Follow-up, 6 to 8 weeks later"]
    assert [rows[-1][-5:] for rows in plans.values()] == ["10:30", "10:10"]
    assert not any("Module 2" in row for row in plans["Course plan: Half day"])


def test_a_module_title_slide_shows_a_short_summary_and_the_notes_the_whole_of_it(tmp_path):
    long = "A long first sentence " + "that goes on " * 10 + "and on. Then more."
    modules = {
        "a": timed_module("a", summary="Short and clear. Then detail."),
        "b": timed_module("b", summary=long),
    }
    files = {f"modules/{m}.md": text for m, text in modules.items()}
    files.update({"audiences/staff.yml": audience_text("staff", "[a, b]"), "sources.yml": SOURCES})
    slides_ = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    short, too_long = (
        next(s for s in slides_ if s.title == f"Module {n}: Module {m}") for n, m in ((1, "a"), (2, "b"))
    )
    assert short.subtitle.endswith(" · Short and clear.")
    assert "·" not in too_long.subtitle
    assert f"What the module is about: {long}" in too_long.notes


def test_a_key_message_with_a_slide_line_shows_the_line_and_keeps_the_full_text_in_the_notes(tmp_path):
    message = {
        "text": "FULL-MESSAGE Ask people first, before any option is drawn up.",
        "slide": "Ask first",
        "sources": ["example-story"],
        "script": "SCRIPT-WORDS Ask who.",
    }
    files = {
        "modules/a.md": timed_module("a", key_messages=[message]),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    (taught,) = [s for s in deck if "key message" in s.title]
    assert taught.body == ("Ask first",)
    assert taught.notes == (
        "The message in full: FULL-MESSAGE Ask people first, before any option is drawn up.\n\n"
        "Say: SCRIPT-WORDS Ask who."
    )


def _activity_body(instructions: str, tmp_path, slide_line: str | None = None) -> tuple[str, ...]:
    extra = {"instructions": instructions} | ({"slide": slide_line} if slide_line else {})
    files = {
        "modules/a.md": timed_module("a", activities=(("task", 30, extra),)),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    return next(s for s in deck if "activity 1" in s.title).body


def test_a_first_sentence_too_long_for_a_slide_is_never_cut_short(tmp_path):
    sentence = " ".join(["word"] * 45) + "."
    assert _activity_body(sentence + " Then talk.", tmp_path) == (
        "Full instructions: handout, module 1, Activity task.",
    )


def test_an_activity_s_slide_line_is_what_its_slide_shows(tmp_path):
    assert _activity_body("Talk in pairs.", tmp_path, "Test one real paper; agree the recommendations") == (
        "Test one real paper; agree the recommendations",
        "Full instructions: handout, module 1, Activity task.",
    )


def test_a_story_an_activity_uses_points_the_trainer_to_that_activity_not_to_read_it_aloud(tmp_path):
    files = {
        "modules/a.md": timed_module(
            "a", activities=(("task", 30, {"instructions": "Read Sam's story, then talk."}),), stories=(200,)
        ),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    story = next(s for s in deck if s.title == "Module 1: Story 1")
    assert story.notes.startswith(
        "Used in the activity that names it: its facilitator notes say whether to read it aloud or recap "
        "it. The text, for reference:"
    )
    assert "Read it aloud" not in story.notes


def test_the_outcome_slide_shows_each_outcome_s_short_form(tmp_path):
    outcomes = [
        {"id": "describe", "text": "Describe one benefit, with an example.", "short": "describe one benefit"}
    ]
    files = {
        "modules/a.md": timed_module("a", outcomes=outcomes),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    assert next(s for s in deck if s.title == "Module 1: what you will be able to do").body == (
        "describe one benefit",
    )


def test_a_co_delivery_sentence_said_in_an_earlier_module_is_not_repeated(tmp_path):
    from conftest import module_text

    from coursekit.render.deck import co_delivery_notes

    shared = "The co-trainer is paid as a trainer. If they cannot continue, the lead takes over."

    def module(module_id: str, own: str) -> str:
        text = module_text(module_id, module_id.title())
        return text.replace("prerequisites:", f"co_delivery: {own} {shared}\nprerequisites:", 1)

    files = {
        "modules/intro.md": module("intro", "The co-trainer reads the story."),
        "modules/second.md": module("second", "The co-trainer leads the task."),
        "audiences/staff.yml": audience_text("staff", "[intro, second]"),
        "audiences/bosses.yml": audience_text("bosses", "[intro]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert co_delivery_notes(plan.modules) == {
        "intro": f"The co-trainer reads the story. {shared}",
        "second": "The co-trainer leads the task. Its other points are as in the co-delivery note of module 1.",
    }


def test_facilitator_notes_in_labelled_lines_keep_their_lines_in_the_speaker_notes(tmp_path):
    notes = "**Set-up:** Groups of four.\n\n**Watch for:** One voice taking over.\n\n- A timer"
    files = {
        "modules/a.md": timed_module("a", activities=(("task", 30, {"facilitator_notes": notes}),)),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    slide = next(s for s in deck if "activity 1" in s.title)
    assert (
        "Facilitator notes: Set-up: Groups of four.\n\nWatch for: One voice taking over.\n\nA timer\n\n"
        in (slide.notes)
    )


def test_labelled_lines_stay_apart_when_the_instructions_are_too_long_for_the_slide(tmp_path):
    notes = "**Set-up:** Groups of four.\n\n**Watch for:** One voice taking over."
    long = "Read the case and talk it through with your partner. " * 12
    task = {"facilitator_notes": notes, "instructions": long}
    files = {
        "modules/a.md": timed_module("a", activities=(("task", 30, task),)),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    slide = next(s for s in deck if "activity 1" in s.title)
    assert slide.notes.startswith("Instructions: Read the case")
    assert (
        "\n\nFacilitator notes: Set-up: Groups of four.\n\nWatch for: One voice taking over.\n\n"
        in slide.notes
    )


def test_a_story_read_only_in_an_extra_the_plan_leaves_out_is_read_aloud(tmp_path):
    extra = {"optional": True, "instructions": "Read 'Story 1' and talk."}
    files = {
        "modules/a.md": timed_module("a", stories=(40,), activities=(("core", 20, {}), ("extra", 30, extra))),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    story = next(s for s in deck if s.title == "Module 1: Story 1")
    assert story.notes.startswith("Read it aloud: about 2 min.")
    assert "Used in the activity that names it" not in story.notes


def test_the_course_plan_rows_tile_the_clock_changeovers_included(tmp_path):
    import re

    files = {f"modules/{m}.md": timed_module(m, activities=((f"{m}-talk", 25, {}),)) for m in "ab"}
    files.update({"audiences/staff.yml": audience_text("staff", "[a, b]"), "sources.yml": SOURCES})
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 90),)))
    rows = [
        r
        for s in deck_slides(dataclasses.replace(plan, timeline=timed))
        if s.title.startswith("Course plan")
        for r in s.body
    ]
    assert any(b.kind == "changeover" for b in timed.blocks)

    def minutes(clock: str) -> int:
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    starts = [minutes(r[:5]) for r in rows]
    spans = [re.search(r"\((\d+) min(?:, then (\d+) min to move on)?\)", r) for r in rows]
    lengths = [int(m[1]) + int(m[2] or 0) for m in spans]
    assert [s + n for s, n in zip(starts, lengths, strict=True)][:-1] == starts[1:]
    assert any(m[2] for m in spans)  # the module's own minutes, as everywhere else, then the move


def test_a_module_slide_times_only_what_the_plan_keeps_and_names_the_extras(tmp_path):
    deck = main_and_extra_deck(tmp_path)
    notes = next(s.notes for s in deck if s.title == "Module 1: Module a")
    assert (
        "Activities: Activity main: 30 min. Extras, only if there is time: Activity extra: 20 min." in notes
    )


def test_an_audience_s_own_check_out_is_what_the_closing_slide_tells_the_trainer(tmp_path):
    audience = audience_text("staff", "[a]") + "check_out: OWN-CLOSE forms into the box by the door.\n"
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    deck = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    closing = next(s for s in deck if s.title == "Thank you, and what happens next")
    assert closing.notes.startswith(
        "Close the session as the guide's check-out says: OWN-CLOSE forms into the box"
    )


def test_a_content_note_slide_shows_the_choice_and_the_support(tmp_path):
    note = {"about": "Hard times.", "choice": "Skip it.", "support": "Talk to the named person."}
    files = {
        "modules/a.md": timed_module("a", content_notes=[note]),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    slides_ = deck_slides(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    [slide] = [s for s in slides_ if s.title == "Module 1: content note 1"]
    assert slide.body == ("Hard times.", "Your choice: Skip it.", "Support: Talk to the named person.")


def test_a_sitting_s_check_out_slide_follows_the_audience_s_own_check_out(tmp_path):
    files = in_parts()
    files["audiences/staff.yml"] += "check_out: A private written evaluation, then thanks.\n"
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    slides_ = deck_slides(dataclasses.replace(plan, timeline=course_timeline(plan)))
    [end] = [s for s in slides_ if s.title == "Check-out: end of Half day"]
    assert end.notes.startswith("Close as the guide's check-out for this course says")
    assert "names their commitment" not in end.notes


def test_what_was_cut_to_fit_is_said_once_on_the_first_plan_slide(tmp_path):
    deck = main_and_extra_deck(tmp_path)
    with_cut = [s.title for s in deck if "Cut to fit this session" in s.notes]
    assert with_cut == [next(s.title for s in deck if s.title.startswith("Course plan"))]


def test_the_outcome_slide_notes_say_how_the_module_gets_there_in_its_planned_activities(tmp_path):
    deck = main_and_extra_deck(tmp_path)
    notes = next(s.notes for s in deck if s.title == "Module 1: what you will be able to do")
    assert notes == (
        "Do not read the outcomes out. Say in a sentence how the module gets there: "
        "through 'Activity main' (30 min)."
    )


def test_a_module_split_by_a_break_is_named_in_full_once_on_the_plan(tmp_path):
    files = {
        "modules/a.md": timed_module("a", activities=(("one", 60, {}), ("two", 60, {}))),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 180),)))
    rows = [
        r
        for s in deck_slides(dataclasses.replace(plan, timeline=timed))
        if s.title.startswith("Course plan")
        for r in s.body
    ]
    assert sum("Module 1: Module a" in r for r in rows) == 1
    assert any(r[6:].startswith("Module 1, continued (") for r in rows), rows


def test_each_sitting_s_own_check_out_is_what_its_check_out_slide_tells_the_trainer(tmp_path):
    from conftest import HALF_DAY_AND_FOLLOW_UP

    parts = HALF_DAY_AND_FOLLOW_UP.replace(
        "    modules: [a]\n", "    modules: [a]\n    check_out: HALF-CLOSE forms in the box.\n"
    ).replace("    modules: [b]\n", "    modules: [b]\n    check_out: FOLLOW-CLOSE one word each.\n")
    plan = build_plan(load_project(write_tree(tmp_path / "p", in_parts(parts))), "staff")
    deck = deck_slides(dataclasses.replace(plan, timeline=course_timeline(plan)))
    half = next(s for s in deck if s.title == "Check-out: end of Half day")
    closing = next(s for s in deck if s.title == "Thank you, and what happens next")
    assert "HALF-CLOSE forms in the box." in half.notes and "FOLLOW-CLOSE" not in half.notes
    assert "FOLLOW-CLOSE one word each." in closing.notes and "HALF-CLOSE" not in closing.notes


def test_the_support_line_on_slides_carries_no_citation(tmp_path):
    from coursekit.citations import resolve_plan

    audience = audience_text("staff", "[a]").replace(
        "support:", "support: Text SHOUT to 85258 [@example-story].", 1
    )
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    shown = [line for slide in deck_slides(plan) for line in slide.body if "85258" in line]
    assert shown and all("Example Org" not in line for line in shown)


def main_and_extra_deck(tmp_path):
    """The deck of a one-hour course whose module has a 30-minute task and a 20-minute optional extra."""
    files = {
        "modules/a.md": timed_module("a", activities=(("main", 30, {}), ("extra", 20, {"optional": True}))),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 60),)))
    return deck_slides(dataclasses.replace(plan, timeline=timed))
