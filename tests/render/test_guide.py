"""The facilitator guide: reopened with python-docx, built twice, and converted by LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as dt

import yaml
from conftest import (
    assert_accessible_docx,
    assert_fixed_stamps,
    audience_text,
    docx_blocks,
    docx_tables,
    long_day,
    module_text,
    one_module,
    pdf_text,
    timed_module,
    valid_files,
    write_tree,
)

from coursekit.courselength import course_timeline
from coursekit.load import load_project
from coursekit.model import BuildSettings
from coursekit.plan import build_plan
from coursekit.render import guide, output
from coursekit.timeline import Block, Part, Timeline

SETTINGS = BuildSettings(outputs=("guide",))
WITHHELD_STORY = """\
  - id: kims-story
    title: KIMS-TITLE Kim speaks up
    storyteller: Kim
    attribution: Told by Kim.
    source: example-story
    consent:
      status: granted
      covers: [site]
      recorded_by: Test team
      recorded_on: 2026-11-01
      review_by: 2027-11-01
      attribution_form: First name only.
    replacement: REPLACEMENT-POINT People speak up when they are asked well.
    text: KIMS-TEXT Kim spoke up at a meeting.
reflection:
"""


TIMELINE = Timeline(
    parts=(
        Part(
            "Morning",
            dt.date(2026, 12, 3),
            dt.time(9, 30),
            (
                Block("welcome", 10, "Welcome"),
                Block("activity", 30, "Talk in pairs", "intro", "pairs", materials=("listening-cards",)),
                Block("break", 15, "Break"),
                Block("check-out", 5, "Check-out", lead="Alex"),
            ),
        ),
    ),
    cut=("Dropped the optional activity 'Cost a meeting'",),
)


def make_guide(project, tmp_path, audience="staff", timeline=None):
    plan = build_plan(load_project(project), audience)
    if timeline is not None:
        from coursekit.plan import for_use

        return guide.render(for_use(plan, "print"), tmp_path / "out", SETTINGS, timeline)[0]
    return output("guide").render(plan, tmp_path / "out", SETTINGS)[0]


def texts(path) -> list[str]:
    return [text for _, text in docx_blocks(path)]


def test_title_page_and_sections(project, tmp_path):
    path = make_guide(project, tmp_path)
    assert path == tmp_path / "out/staff/downloads/staff-facilitator-guide.docx"
    blocks = docx_blocks(path)
    assert blocks[:5] == [
        ("Title", "Staff course"),
        ("Subtitle", "Facilitator guide"),
        ("Subtitle", "For Staff"),
        ("Subtitle", "Edition: 22 November 2026"),
        ("Subtitle", "Total time: 30 min of contact time, not counting breaks"),
    ]
    headings = [text for style, text in blocks if style == "Heading 1"]
    assert headings == [
        "Run-sheet",
        "Preparation checklist",
        "Opening and closing the session",
        "Module 1: Introduction",
        "What to do if someone is distressed",
        "Briefing for the co-trainer with lived experience",
        "If a storyteller says no",
    ]
    assert_accessible_docx(path, "Staff course: facilitator guide")


def test_run_sheet_without_a_timeline_lists_modules_and_activities(project, tmp_path):
    run_sheet = docx_tables(make_guide(project, tmp_path))[0]
    assert run_sheet == [
        ["Block", "Minutes", "Who leads", "Materials"],
        ["Module 1: Introduction", "30", "", ""],
        ["Talk in pairs", "30", "Co-trainer (lived experience)", "Listening cards"],
    ]


def test_run_sheet_from_a_timeline_has_clock_times_breaks_and_cuts(project, tmp_path):
    path = make_guide(project, tmp_path, timeline=TIMELINE)
    assert docx_tables(path)[0] == [
        ["Time", "Block", "Minutes", "Who leads", "Materials"],
        ["09:30", "Welcome", "10", "Either trainer", ""],
        ["09:40", "Talk in pairs", "30", "Co-trainer (lived experience)", "Listening cards"],
        ["10:10", "Break", "15", "", ""],
        ["10:25", "Check-out", "5", "Alex", ""],
    ]
    lines = texts(path)
    assert ("Subtitle", "Total time: 1 h, breaks included") in docx_blocks(path)
    assert "Morning, 3 December 2026" in lines
    assert "Ends at 10:30." in lines
    cut = lines.index("Cut to fit the time")
    assert lines[cut + 1] == "Dropped the optional activity 'Cost a meeting'"
    briefing = lines[lines.index("Briefing for the co-trainer with lived experience") :]
    assert "Talk in pairs" in briefing


def test_preparation_checklist_gathers_equipment_and_print_numbers(project, tmp_path):
    path = make_guide(project, tmp_path)
    lines = texts(path)
    assert "A timer (for Talk in pairs)" in lines
    assert any(line.startswith("Numbers are worked out for 12 participants, the default") for line in lines)
    printing = docx_tables(path)[1]
    assert printing[0] == ["What", "Used for", "How many", "Print for 12"]
    assert ["Listening cards", "Module 1: Talk in pairs", "one between two", "6"] in printing
    assert ["Participant handout and materials pack", "everyone", "one per person", "12"] in printing
    assert ["Evaluation form", "the end of the course", "one per person", "12"] in printing


def test_a_handout_on_request_is_printed_for_the_trainers_and_anyone_who_asks(tmp_path):
    audience = audience_text("staff", "[a]") + "handout: on-request\n"
    path = make_guide(write_tree(tmp_path / "p", one_module(timed_module("a"), audience)), tmp_path)
    whole_pack = [row for row in docx_tables(path)[1] if row[0] == "Participant handout and materials pack"]
    assert whole_pack == [
        [
            "Participant handout and materials pack",
            "the trainers, and anyone who asks for the whole pack",
            "one per trainer, and two spare",
            "4",
        ]
    ]
    assert any(
        line.endswith("people take home the sheets the activities hand out, not the whole pack.")
        for line in texts(path)
    )


def test_module_script_has_focus_sources_story_consent_activity_and_answers(project, tmp_path):
    lines = texts(make_guide(project, tmp_path))
    assert "Focus for this audience: Everyday practice." in lines
    assert "Describe one benefit of working together." in lines
    assert "People know their own lives best. Sources: Example Org, Sam's story (2022)" in lines
    consent = lines.index(
        "Consent: published-public (retold from a published public story, with credit; the storyteller has "
        "not been asked); may be used in site, slides, print; recorded by Test team on 1 November 2026; "
        "review by 1 November 2027."
    )
    assert lines[consent - 1] == "Sam joins a group"
    note = lines.index(
        "Read this content note aloud first: Mentions homelessness. Skip it or read it later. "
        "Support: Talk to your trainer."
    )
    assert lines.index("Sam joined a group and helped to change a service.") == note + 1
    assert "Who leads: Co-trainer (lived experience)" in lines
    assert "SECRET-FACILITATOR-NOTE keep time and check in." in lines
    assert "Materials, for the activity and its alternative: Listening cards (in the handout)." in lines
    assert "Ways to contribute: spoken, written." in lines
    assert "Right answer: Working together as equals in the NHS" in lines
    assert "Working together as equals in the NHS (right answer): Yes, power is shared." in lines
    assert "A survey: No, a survey is consultation." in lines
    assert "What will you try first?" in lines


def test_a_story_without_print_consent_is_left_out_and_its_replacement_used(tmp_path):
    module = module_text().replace("reflection:\n", WITHHELD_STORY, 1)
    root = write_tree(tmp_path / "p", dict(valid_files(), **{"modules/intro.md": module}))
    lines = texts(make_guide(root, tmp_path))
    everything = "\n".join(lines)
    assert "KIMS-TITLE" not in everything and "KIMS-TEXT" not in everything
    assert "One story is not printed here: its recorded consent does not cover printed papers." in lines
    assert "Teach this point instead: REPLACEMENT-POINT People speak up when they are asked well." in lines


def test_co_trainer_is_briefed_and_paid_as_a_trainer(project, tmp_path):
    path = make_guide(project, tmp_path)
    lines = texts(path)
    briefing = lines[lines.index("Briefing for the co-trainer with lived experience") :]
    assert ["Talk in pairs", "Module 1: Introduction", "30"] in docx_tables(path)[-1]
    assert any(
        line.startswith("Paid preparation time of at least 2 h") for line in briefing
    )  # 2 x 30 led + 60
    assert any(
        line.startswith("A debrief with the lead trainer straight after the session") for line in briefing
    )
    assert any(
        line.startswith("You can stop at any point in the session, without giving a reason")
        for line in briefing
    )
    assert any(
        line.startswith(
            "You are paid as a trainer, at the same rate as the lead trainer, for "
            "preparation and debrief time too."
        )
        for line in briefing
    )
    everything = " ".join(lines).casefold()
    assert "volunteer" not in everything and "involvement rate" not in everything


def test_distress_protocol_pauses_offers_a_choice_names_a_person_and_signposts(project, tmp_path):
    blocks = docx_blocks(make_guide(project, tmp_path))
    steps = [text for style, text in blocks if style == "List Number"]
    assert steps[0].startswith("Pause.")
    assert steps[1].startswith("Offer a choice")
    assert steps[2].startswith("Today's support person checks in with them in private")
    assert "Signpost support, as the course tells participants: Ask your trainer." in steps
    assert any("Write their name here" in text for _, text in blocks)


def test_two_builds_are_byte_identical(project, tmp_path):
    first = make_guide(project, tmp_path / "one", timeline=TIMELINE).read_bytes()
    second = make_guide(project, tmp_path / "two", timeline=TIMELINE)
    assert first == second.read_bytes()
    assert_fixed_stamps(second, dt.date(2026, 11, 22))


def test_libreoffice_opens_the_guide(project, tmp_path):
    text = pdf_text(make_guide(project, tmp_path, timeline=TIMELINE), tmp_path)
    for heading in (
        "Run-sheet",
        "Preparation checklist",
        "Module 1: Introduction",
        "What to do if someone is distressed",
        "Briefing for the co-trainer with lived experience",
        "Listening cards",
        "09:40",
    ):
        assert heading in text


def test_the_teaching_input_gives_each_scripted_message_its_script(tmp_path):
    script = "SCRIPT-WORDS " + " ".join(["word"] * 649)  # five minutes spoken, one for questions
    messages = [{"text": "Ask first.", "sources": ["example-story"], "script": script}]
    files = one_module(timed_module("a", key_messages=messages))
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    heading = lines.index("Teaching input: key messages")
    assert lines[heading + 1] == "About 6 min of input, one slide a message."
    assert lines[heading + 3] == "Say: " + script


def test_the_guide_scripts_the_opening_and_the_check_out(project, tmp_path):
    lines = texts(make_guide(project, tmp_path))
    opening = lines.index("Opening and closing the session")
    assert lines[opening + 1] == "Welcome"
    assert "Check-in: ground rules, support and stepping out" in lines[opening:]
    assert any(
        "we cannot promise that everyone will" in line
        and "one limit: if we hear that someone may be at risk" in line
        for line in lines
    )
    assert "Say where support is: Ask your trainer." in lines
    assert any(line.startswith("Hand out the evaluation form") for line in lines)


def test_before_the_session_lists_what_each_module_needs_arranged_and_access(tmp_path):
    module = timed_module("a").replace(
        "    focus: Everyday practice.\n",
        "    focus: Everyday practice.\n    prepare: [Book a welfare rights adviser.]\n",
    )
    files = one_module(module)
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    before = lines.index("Before the session")
    assert lines[before + 1] == "Book a welfare rights adviser. (Module a)"
    assert lines[before + 2].startswith("Two weeks before, ask every participant about access needs")
    assert lines[before + 3].startswith("Bring some copies of the handout in large print")
    assert any(line.startswith("Name the safeguarding lead for the day") for line in lines[before:])


def test_scripts_are_said_without_citations_and_stories_show_their_corrections(tmp_path):
    messages = [
        {"text": "Ask first.", "sources": ["example-story"], "script": "Ask who [@example-story] is missing."}
    ]
    story = {
        "id": "story-1",
        "title": "Story 1",
        "storyteller": "Sam",
        "attribution": "Told by Sam.",
        "source": "example-story",
        "text": "Sam joined a group.",
        "corrections": ["'22 people' is two people, as the storyteller says later."],
        "consent": {
            "status": "published-public",
            "covers": ["site", "slides", "print"],
            "recorded_by": "Test team",
            "recorded_on": "2026-11-01",
            "review_by": "2027-11-01",
            "attribution_form": "First name.",
        },
    }
    files = one_module(
        timed_module("a", key_messages=messages).replace(
            "stories: []\n", yaml.safe_dump({"stories": [story]}, sort_keys=False)
        )
    )
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    assert "Say: Ask who is missing." in lines
    assert "Checked against the source: what was corrected is listed at the end of this guide." in lines
    record = lines.index("How the stories were checked against their sources")
    assert "'22 people' is two people, as the storyteller says later." in lines[record:]


def test_an_audience_s_own_check_in_replaces_the_ground_rules_round(tmp_path):
    audience = (
        audience_text("staff", "[a]") + "check_in: BOARD-CHECK-IN One sentence on support and stepping out.\n"
    )
    files = one_module(timed_module("a"), audience)
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    check_in = lines.index("Check-in: support and stepping out")
    assert lines[check_in + 1] == "BOARD-CHECK-IN One sentence on support and stepping out."
    assert not any("Propose these ground rules" in line for line in lines)
    assert "Check-out: what we take away" in lines


def test_what_participants_do_before_the_session_is_the_first_thing_to_send(tmp_path):
    audience = audience_text("staff", "[a]") + "before: Bring one letter your service sends to people.\n"
    files = one_module(timed_module("a"), audience)
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    before = lines.index("Before the session")
    assert lines[before + 1] == (
        "Send participants what to do before the session: Bring one letter your service sends to people."
    )


def test_a_shared_activity_is_in_the_co_trainer_s_table_and_the_run_sheet_says_both(tmp_path):
    files = one_module(timed_module("a", activities=(("shared-task", 30, {"led_by": "both"}),)))
    path = make_guide(write_tree(tmp_path / "p", files), tmp_path)
    assert ["Activity shared-task", "Module 1: Module a", "30"] in docx_tables(path)[-1]
    assert any(
        "Both trainers, each leading a part" in row
        for table in docx_tables(path)
        for row in map(" ".join, table)
    )


GUEST = """\
guest:
  title: ADVISER-ROLE Welfare rights adviser
  briefing: GUEST-BRIEFING General information only; hand personal questions to a one-to-one.
"""


def timed_guide(files, tmp_path):
    """Build the guide of the staff course planned on the clock, as `coursekit build` does."""
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    plan = dataclasses.replace(plan, timeline=course_timeline(plan))
    return guide.render(plan, tmp_path / "out", SETTINGS)[0]


def run_sheet_leads(path) -> dict[str, str]:
    return {row[1]: row[3] for row in docx_tables(path)[0][1:]}


def run_sheet_times(path) -> dict[str, str]:
    return {row[1]: row[0] for row in docx_tables(path)[0][1:]}


def test_the_co_trainer_s_crib_says_when_each_block_starts_and_who_takes_over(tmp_path):
    activities = (("mine", 20, {"led_by": "co-trainer"}), ("theirs", 20, {"led_by": "lead"}))
    path = timed_guide(one_module(timed_module("a", activities=activities)), tmp_path)
    crib = {row[1]: row for row in docx_tables(path)[-1][1:]}
    assert crib["Activity mine"] == [
        run_sheet_times(path)["Activity mine"],
        "Activity mine",
        "20",
        "Lead trainer: Activity theirs",
    ]
    assert (
        crib["Check-in: ground rules, support and stepping out"][3]
        == "Lead trainer: 1. Module a: teaching input"
    )


def test_a_guest_leads_their_blocks_on_the_run_sheet_and_gets_a_briefing_and_a_booking(tmp_path):
    module = timed_module("a", activities=(("money-talk", 30, {"led_by": "guest"}),))
    files = one_module(module, audience_text("staff", "[a]") + GUEST)
    path = timed_guide(files, tmp_path)
    lines = texts(path)
    assert run_sheet_leads(path)["Activity money-talk"] == "ADVISER-ROLE Welfare rights adviser"
    assert lines[lines.index("Before the session") + 1] == (
        "Book the guest, ADVISER-ROLE Welfare rights adviser, and send them their briefing (end of this guide)."
    )
    assert "Who leads: ADVISER-ROLE Welfare rights adviser" in lines
    briefing = lines.index("Briefing for the guest: ADVISER-ROLE Welfare rights adviser")
    assert (
        "GUEST-BRIEFING General information only; hand personal questions to a one-to-one."
        in lines[briefing:]
    )
    crib = docx_tables(path)[-1]
    assert crib[0] == ["Time", "Block", "Minutes", "Then"]
    [(start, minutes, then)] = [(r[0], r[2], r[3]) for r in crib if r[1] == "Activity money-talk"]
    assert (minutes, then) == ("30", "Both trainers, each leading a part: Check-out: what we take away")
    assert start == run_sheet_times(path)["Activity money-talk"]


def test_who_leads_a_shared_out_activity_matches_the_run_sheet(tmp_path):
    module = timed_module("a", activities=(("first", 15, {}), ("second", 15, {})))
    files = one_module(module)
    path = timed_guide(files, tmp_path)
    leads = run_sheet_leads(path)
    lines = texts(path)
    for activity in ("Activity first", "Activity second"):
        assert (
            f"Who leads: {leads[activity]}, as the run-sheet shares it out (either trainer can: swap if you "
            "both agree)"
        ) in lines
    assert {leads["Activity first"], leads["Activity second"]} == {
        "Lead trainer",
        "Co-trainer (lived experience)",
    }


def test_the_preparation_list_says_how_the_slides_are_made_readable_and_how_to_run_online(project, tmp_path):
    lines = texts(make_guide(project, tmp_path))
    assert (
        "The slides are in Arial, body text at 28 point and nothing below 24, in colours that meet the WCAG "
        "contrast minimum; their notes hold everything the trainer says, so send the deck beforehand to "
        "anyone using a screen reader or who would like to read ahead."
    ) in lines
    assert any(line.startswith("If you run the session online: turn on live captions") for line in lines)


HELD_BACK = {
    "id": "answers",
    "title": "ANSWER-LIST Signs to look for",
    "kind": "list",
    "held_back": True,
    "text": "SIGN-ONE asked too late.",
}


def test_a_held_back_material_is_in_the_guide_with_its_activity_and_not_in_the_handout(tmp_path):
    from coursekit.render import handout

    module = timed_module("a", activities=(("spot", 30, {"materials": ["answers"]}),), materials=[HELD_BACK])
    files = one_module(module)
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    lines = texts(output("guide").render(plan, tmp_path / "out", SETTINGS)[0])
    assert "Hand out after the report-back, not before: ANSWER-LIST Signs to look for" in lines
    assert "SIGN-ONE asked too late." in lines
    printed = [t for _, t in docx_blocks(handout.render(plan, tmp_path / "h", SETTINGS)[0])]
    assert "After the report-back, the trainers hand out: ANSWER-LIST Signs to look for." in printed
    assert "SIGN-ONE asked too late." not in printed


def test_every_story_with_a_replacement_shows_it_so_the_fallback_is_ready(tmp_path):
    module = timed_module("a", stories=(40,))
    module = module.replace(
        "  source: example-story\n",
        "  source: example-story\n  replacement: REPLACEMENT-POINT Ask people first.\n",
        1,
    )
    files = one_module(module)
    lines = texts(make_guide(write_tree(tmp_path / "p", files), tmp_path))
    assert (
        "If consent is withdrawn or not given in time, teach this point instead: REPLACEMENT-POINT Ask people first."
        in lines
    )
    assert any(
        line.startswith("If the answer is no: stop using the story and what is tied to it") for line in lines
    )


def test_the_guide_says_who_made_the_course_or_how_to_record_it_in_plain_words():
    from coursekit.organisation import Brand
    from coursekit.render.guide import made_by

    assert made_by(Brand(co_produced_by="Our members' group", co_delivered_by="Two paid co-trainers")) == [
        "Co-produced by: Our members' group",
        "Co-delivered by: Two paid co-trainers",
    ]
    [gap] = made_by(Brand())
    assert gap.startswith("How this course was made: written from published stories")
    assert "No one with lived experience has yet helped to write or check it" in gap
    assert "ask them how they want to be named" in gap and "co_produced_by" not in gap
    [own] = made_by(Brand(on_library=False))
    assert own.startswith("Who co-produced and who co-delivers this course is not recorded.")


def test_the_guide_says_what_goes_with_each_story_if_its_answer_is_no(tmp_path):
    uses = {"story": "story-1", "if_withheld": {"instructions": "Talk about a time you were heard."}}
    module = timed_module("a", stories=(40,), activities=(("talk", 30, uses),)) + (
        "\n::: story story-1\nSam was heard.\n:::\n"
    )
    lines = texts(make_guide(write_tree(tmp_path / "p", one_module(module)), tmp_path))
    [answer] = [line for line in lines if line.startswith("If the answer is no: ")]
    assert answer.endswith("Text that goes with it in this course: 1 passage of page text and 1 activity.")


def test_a_session_without_breaks_has_refreshments_around_it_not_at_the_breaks(project, tmp_path):
    no_break = dataclasses.replace(
        TIMELINE,
        parts=tuple(
            dataclasses.replace(p, blocks=tuple(b for b in p.blocks if b.kind != "break"))
            for p in TIMELINE.parts
        ),
    )
    lines = texts(make_guide(project, tmp_path, timeline=no_break))
    assert "Drinking water, and refreshments before and after the session." in lines
    assert any(line.endswith("show the plan on the clock: when it ends.") for line in lines)
    with_break = texts(make_guide(project, tmp_path / "b", timeline=TIMELINE))
    assert "Drinking water, and refreshments at the breaks." in with_break


def test_the_guide_ends_with_the_course_re_timed_for_a_video_call(project, tmp_path):
    from coursekit.courselength import course_timeline
    from coursekit.render.guide import guide_document

    plan = build_plan(load_project(project), "staff")
    timed = dataclasses.replace(plan, timeline=course_timeline(plan), online=course_timeline(plan, "online"))
    path = tmp_path / "guide.docx"
    guide_document(timed, timed.timeline).save(path)
    lines = texts(path)
    start = lines.index("Online run-sheet")
    assert lines[start + 1].startswith("The same course on a video call, re-timed with 10-minute breaks")
    assert "two sittings" not in lines[start + 1]  # an hour or so online needs no split
    assert any("The online run-sheet at the end of this guide re-times the course" in line for line in lines)
    without = tmp_path / "in-person.docx"
    guide_document(plan, course_timeline(plan)).save(without)
    assert "Online run-sheet" not in texts(without)


def test_the_online_summary_says_what_the_online_run_sheet_does():
    import datetime as dt

    from coursekit.render.guide import online_summary
    from coursekit.timeline.model import Block, Part, Timeline

    def timeline(*parts):
        return Timeline(
            tuple(Part(t, None, dt.time(9, 30), tuple(Block(k, m, k) for k, m in bl)) for t, bl in parts), ()
        )

    room = timeline(("Day", [("input", 200), ("break", 15), ("input", 100)]))
    one = timeline(("Day", [("input", 150), ("break", 10), ("input", 100), ("changeover", 5), ("input", 50)]))
    two = timeline(("Day: sitting 1 of 2", [("input", 170)]), ("Day: sitting 2 of 2", [("input", 170)]))
    said_one, said_two = online_summary(one, room), online_summary(two, room)
    assert "5-minute changeovers where modules meet without a break" in said_one
    assert "two sittings" not in said_one
    assert "changeovers" not in said_two
    assert "runs as two sittings on different days" in said_two
    assert "the second sitting's own welcome and check-out" in said_two


def test_a_key_message_another_trainer_says_is_labelled_with_who_says_it(tmp_path):
    words = " ".join(["word"] * 130)
    messages = [
        {
            "text": "The offer.",
            "sources": ["example-story"],
            "script": "OFFER " + words,
            "led_by": "co-trainer",
        },
        {"text": "How it counts.", "sources": ["example-story"], "script": "COUNTS " + words + " " + words},
    ]
    lines = texts(
        make_guide(write_tree(tmp_path / "p", one_module(timed_module("a", key_messages=messages))), tmp_path)
    )
    assert any(line.startswith("Co-trainer (lived experience) says: OFFER") for line in lines)
    assert any(line.startswith("Say: COUNTS") for line in lines)
    assert any(
        "of input, in turn: co-trainer (lived experience) for 2 min, then lead trainer for" in line
        for line in lines
    )


def test_an_audience_s_own_check_out_replaces_the_standard_steps(tmp_path):
    audience = audience_text("staff", "[a]") + "check_out: OWN-CLOSE Hand out the forms, privately.\n"
    lines = texts(make_guide(write_tree(tmp_path / "p", one_module(timed_module("a"), audience)), tmp_path))
    close = lines.index("Check-out: what we take away")
    assert lines[close + 1] == "OWN-CLOSE Hand out the forms, privately."
    assert not any(line.startswith("Each person says one word") for line in lines)


def test_each_sitting_s_own_check_out_is_in_the_guide_under_its_name(tmp_path):
    from conftest import HALF_DAY_AND_FOLLOW_UP, in_parts

    parts = HALF_DAY_AND_FOLLOW_UP.replace(
        "    modules: [a]\n", "    modules: [a]\n    check_out: HALF-CLOSE forms in the box.\n"
    )
    lines = texts(make_guide(write_tree(tmp_path / "p", in_parts(parts)), tmp_path))
    close = lines.index("Check-out: what we take away")
    assert lines[close + 1 : close + 4] == [
        "End of the sitting: Half day",
        "HALF-CLOSE forms in the box.",
        "End of any other sitting",
    ]


def test_a_content_note_read_aloud_carries_no_citations(tmp_path):
    from coursekit.citations import resolve_plan
    from coursekit.render.guide import guide_document

    note = {
        "about": "Mentions money worries.",
        "choice": "Skip it.",
        "support": "Text a line, free [@example-story].",
    }
    files = one_module(timed_module("a", content_notes=[note]))
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    path = tmp_path / "guide.docx"
    guide_document(plan).save(path)
    said = next(line for line in texts(path) if line.startswith("Read this aloud at the start: "))
    assert said.endswith("Support: Text a line, free.")


def test_the_guide_prints_what_the_course_says_without_each_story_so_no_rebuild_is_needed(tmp_path):
    uses = {"story": "story-1", "if_withheld": {"title": "PLAIN-TITLE", "instructions": "PLAIN-TASK Talk."}}
    module = timed_module("a", stories=(40,), activities=(("talk", 30, uses),)) + (
        "\n::: story story-1\nSam was heard.\n:::\n::: instead-of story-1\nTWIN-BODY People were heard.\n:::\n"
    )
    lines = texts(make_guide(write_tree(tmp_path / "p", one_module(module)), tmp_path))
    start = lines.index("If a storyteller says no")
    appendix = lines[start:]
    assert "Module 1, passage of page text" in appendix
    assert "TWIN-BODY People were heard." in appendix
    assert "Module 1, activity: PLAIN-TITLE" in appendix
    assert "PLAIN-TASK Talk." in appendix
    assert "Sam was heard." not in appendix
    assert "Module 1, leave out the passage of page text that starts: Sam was heard." in appendix


def test_a_sitting_the_course_goes_on_from_closes_without_the_final_paperwork(tmp_path):
    from coursekit.courselength import course_timeline, online_timeline
    from coursekit.render.guide import guide_document

    plan = build_plan(load_project(long_day(tmp_path / "p")), "staff")
    path = tmp_path / "guide.docx"
    guide_document(dataclasses.replace(plan, online=online_timeline(plan)), course_timeline(plan)).save(path)
    lines = texts(path)
    until = lines.index("Check-out: until next time")
    assert lines[until + 1] == "Each person says one word about how they are leaving, or passes."
    assert any(line.startswith("Collect and sign nothing yet") for line in lines[until:])
    in_room_only = tmp_path / "in-person.docx"
    guide_document(plan, course_timeline(plan)).save(in_room_only)
    assert "Check-out: until next time" not in texts(in_room_only)


def test_a_left_out_text_is_named_without_its_citations_in_a_real_build(tmp_path):
    from coursekit.citations import resolve_plan
    from coursekit.render.guide import guide_document

    message = {
        "text": "SAM-MESSAGE Sam was heard [@example-story].",
        "sources": ["example-story"],
        "story": "story-1",
    }
    module = timed_module("a", stories=(40,), key_messages=[message])
    # The build writes citations in as '(Author, year)' before any document is rendered.
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", one_module(module))), "staff"))
    path = tmp_path / "guide.docx"
    guide_document(plan).save(path)
    assert "Module 1, leave out the key message that starts: SAM-MESSAGE Sam was heard." in texts(path)


def test_a_story_s_consent_line_gives_its_purpose_and_the_audiences_it_covers():
    import datetime as dt

    from coursekit.render.trainers import consent_status
    from coursekit.schema import Consent

    consent = Consent(
        status="granted",
        covers=("site", "print"),
        purpose="Training staff in co-production, not for sale.",
        audiences=("staff",),
        recorded_by="the trainer",
        recorded_on=dt.date(2026, 11, 30),
        review_by=dt.date(2027, 11, 30),
        attribution_form="First name",
    )
    line = consent_status(consent)
    assert line.endswith(
        "may be used in site, print, for the audiences staff only; "
        "purpose: Training staff in co-production, not for sale"
    )
