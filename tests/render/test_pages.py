"""The course's generated Markdown pages, read before MkDocs turns them into HTML."""

from __future__ import annotations

import dataclasses
import re

from conftest import SOURCES, audience_text, in_parts, timed_module, write_tree

from coursekit.courselength import course_timeline
from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render.pages import minutes_on_your_own, module_page, sources_page, welcome_page
from coursekit.timetext import duration


def one_module_plan(tmp_path, module: str | None = None):
    """The staff plan of a project with one module, `a` (a timed module unless given)."""
    files = {
        "modules/a.md": module or timed_module("a"),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    return build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")


def test_the_welcome_page_says_which_modules_each_sitting_teaches(tmp_path):
    plan = build_plan(load_project(write_tree(tmp_path / "p", in_parts())), "staff")
    text = welcome_page(plan, None).text
    assert "In the room, the course runs in 2 sittings:\n\n" in text
    assert "- **Half day** (1 hour in the room): module 1\n" in text
    assert "- **Follow-up, 6 to 8 weeks later** (40 minutes in the room): module 2" in text


def test_a_course_in_one_sitting_says_nothing_about_sittings(tmp_path):
    plan = one_module_plan(tmp_path)
    assert "sittings" not in welcome_page(plan, None).text


def test_the_welcome_page_gives_the_time_in_the_room_and_on_your_own(tmp_path):
    files = {
        "modules/a.md": timed_module("a"),
        "audiences/staff.yml": audience_text("staff", "[a]").replace(
            "length_minutes: 30", "length_minutes: 60"
        ),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = dataclasses.replace(plan, timeline=course_timeline(plan))
    assert (
        "**How long it takes:** 1 hour in the room, no break needed (09:30 to 10:30); or about "
        f"{duration(minutes_on_your_own(plan))} on your own" in (welcome_page(timed, None).text)
    )
    assert (
        f"**How long it takes:** About {duration(minutes_on_your_own(plan))} on your own, in 1 module."
        in (welcome_page(plan, None).text)
    )


def test_a_module_page_says_its_time_on_your_own_and_counts_down_from_it(tmp_path):
    activities = (
        ("talk", 30, {"self_study": "Write it down."}),
        ("extra", 20, {"optional": True, "self_study": "Do more."}),
    )
    files = {
        "modules/a.md": timed_module("a", activities=activities, questions=3, reflection=True),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    text = module_page(plan, plan.modules[0]).text
    alone = int(re.search(r"About (\d+) minutes on your own\.", text)[1])
    first_left = int(re.search(r"Part 1 of \d+ · about (\d+) minutes left", text)[1])
    assert 50 <= first_left <= alone  # both self-study activities, extras included, and the reading


def test_the_course_time_on_your_own_is_its_module_pages_added_up(tmp_path):
    files = {
        "modules/a.md": timed_module("a", activities=(("talk", 30, {"self_study": "Write it."}),)),
        "modules/b.md": timed_module("b", activities=(("talk-b", 20, {"self_study": "Draw it."}),)),
        "audiences/staff.yml": audience_text("staff", "[a, b]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    pages = [module_page(plan, view).text for view in plan.modules]
    each = [int(re.search(r"About (\d+) minutes on your own\.", text)[1]) for text in pages]
    assert minutes_on_your_own(plan) == sum(each) >= 50
    assert f"about {duration(sum(each))} on your own" in welcome_page(plan, None).text.lower()


def test_what_to_do_before_the_session_is_on_the_welcome_page(tmp_path):
    audience = audience_text("staff", "[a]") + "before: Bring one letter your service sends to people.\n"
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert (
        "## Before the session\n\nBring one letter your service sends to people.\n"
        in welcome_page(plan, None).text
    )


def test_a_module_page_says_first_what_the_course_day_asks_of_it(tmp_path):
    module = timed_module("a", activities=(("core-talk", 20, {}), ("extra-talk", 15, {"optional": True})))
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]").replace(
            "length_minutes: 30", "length_minutes: 45"
        ),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = course_timeline(plan)
    text = module_page(dataclasses.replace(plan, timeline=timed), plan.modules[0]).text
    box = text.index('!!! abstract "On the course day"')
    assert box < text.index("## What you will be able to do")
    assert (
        f"In the room this module takes about {duration(timed.module_minutes('a'))}: you will do "
        "*Activity core-talk*. You need nothing from this page beforehand"
    ) in text
    assert "extra-talk" not in text[box : text.index("## What you will be able to do")]
    assert "On the course day" not in module_page(plan, plan.modules[0]).text


def test_a_module_page_without_pre_work_points_to_the_course_s_own_pre_work(tmp_path):
    audience = audience_text("staff", "[a]") + "before: Rate the self-assessment sheet.\n"
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    text = module_page(dataclasses.replace(plan, timeline=course_timeline(plan)), plan.modules[0]).text
    assert (
        "This page asks nothing of you beforehand: what to do before the course day is on the "
        "[welcome page](index.md)."
    ) in text
    assert "You need nothing from this page" not in text


def test_what_a_module_asks_before_the_course_day_is_in_its_box_and_in_the_guide(tmp_path):
    from conftest import docx_blocks, one_module

    from coursekit.render.guide import guide_document

    module = timed_module("a").replace(
        "    focus: Everyday practice.\n",
        "    focus: Everyday practice.\n    before: Read 'The rules' on this page (about 15 minutes).\n",
        1,
    )
    plan = build_plan(load_project(write_tree(tmp_path / "p", one_module(module))), "staff")
    timed = dataclasses.replace(plan, timeline=course_timeline(plan))
    text = module_page(timed, timed.modules[0]).text
    assert "Before the course day: Read 'The rules' on this page (about 15 minutes). The rest is here" in text
    assert "You need nothing from this page" not in text
    path = tmp_path / "guide.docx"
    guide_document(timed, timed.timeline).save(path)
    assert "Send out what to read first: Read 'The rules' on this page (about 15 minutes). (Module a)" in [
        t for _, t in docx_blocks(path)
    ]


def test_an_undated_web_source_says_when_it_was_accessed(tmp_path):
    sources = SOURCES + (
        "  - id: rules-page\n    title: Report a change\n    author: GOV.UK\n    date: n.d.\n"
        "    accessed: 2026-11-30\n    kind: guidance\n    url: https://www.gov.uk/example\n"
    )
    module = timed_module(
        "a", key_messages=[{"text": "Report changes [@rules-page].", "sources": ["rules-page"]}]
    )
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": sources,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert (
        "GOV.UK (n.d.). [Report a change](https://www.gov.uk/example). Accessed 30 November 2026."
        in sources_page(plan).text
    )


def test_a_story_says_under_its_credit_whether_the_storyteller_was_asked(tmp_path):
    module = timed_module("a", stories=(40,))
    pages = {}
    for status in ("published-public", "granted"):
        files = {
            "modules/a.md": module.replace("status: published-public", f"status: {status}"),
            "audiences/staff.yml": audience_text("staff", "[a]"),
            "sources.yml": SOURCES,
        }
        plan = build_plan(load_project(write_tree(tmp_path / status, files)), "staff")
        pages[status] = module_page(plan, plan.modules[0]).text
    assert (
        "*Told by Sam. Retold in our own words; the storyteller has not yet been asked about this course.*"
    ) in pages["published-public"]
    assert "*Told by Sam. Retold with the storyteller's permission.*" in pages["granted"]


def test_the_welcome_page_explains_the_course_s_citations_once_in_its_own_style(tmp_path):
    from conftest import valid_files

    files = valid_files()
    plan = build_plan(load_project(write_tree(tmp_path / "a", files)), "staff")
    assert (
        "**About the references.** Some sentences end in a short note in brackets, such as (Example Org, "
        "2022). It names who wrote the source and when"
    ) in welcome_page(plan, None).text
    files["audiences/staff.yml"] += "citations: numbered\n"
    plan = build_plan(load_project(write_tree(tmp_path / "b", files)), "staff")
    assert (
        "**About the references.** Some sentences end in a small raised number. It leads to a note at the "
        "foot of the page that says where the fact comes from. Select it to see the full source on the "
        "[Sources page](sources.md)."
    ) in welcome_page(plan, None).text


def test_a_material_two_activities_use_is_shown_once_on_the_page(tmp_path):
    card = {"id": "cards", "title": "Group cards", "kind": "cards", "text": "CARD-TEXT one group."}
    activities = (
        ("sort", 30, {"self_study": "Sort the cards.", "materials": ["cards"]}),
        ("again", 20, {"self_study": "Sort them again.", "materials": ["cards"]}),
    )
    files = {
        "modules/a.md": timed_module("a", activities=activities, materials=[card]),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    text = module_page(plan, plan.modules[0]).text
    assert text.count("CARD-TEXT one group.") == 1
    assert "*Group cards: shown above, under Activity sort.*" in text


def test_on_the_site_a_card_names_its_sources_at_its_foot_as_in_print(tmp_path):
    from coursekit.citations import resolve_plan

    card = {
        "id": "cards",
        "title": "Support cards",
        "kind": "cards",
        "text": "Call 116 123 [@example-story].",
    }
    sheet = {"id": "sheet", "title": "Rights", "kind": "handout", "text": "You can say no [@example-story]."}
    activities = (("sort", 30, {"self_study": "Read the cards.", "materials": ["cards", "sheet"]}),)
    files = {
        "modules/a.md": timed_module("a", activities=activities, materials=[card, sheet]),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    text = module_page(plan, plan.modules[0]).text
    assert "Call 116 123." in text
    assert "*Where this comes from: Example Org, 2022. Full details under [Sources](sources.md).*" in text
    assert "You can say no (Example Org, 2022)." in text
    files["audiences/staff.yml"] += "citations: numbered\n"
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "q", files)), "staff"))
    text = module_page(plan, plan.modules[0]).text
    assert "You can say no." in text and text.count("*Where this comes from: Example Org, 2022.") == 2


def test_every_site_ends_with_an_accessibility_page_that_says_whom_to_tell(tmp_path):
    from coursekit.organisation import Brand
    from coursekit.render.pages import course_pages
    from coursekit.schema import Contact

    plan = one_module_plan(tmp_path)
    built_in = course_pages(plan, None, Brand())[-1]
    assert "tell your trainer or the organisation running the course." in built_in.text
    brand = Brand(
        name="Riverside <Trust>",
        support=(Contact(name="Access team", how="access@example.org"),),
        builtin=False,
    )
    last = course_pages(plan, None, brand)[-1]
    assert (last.path, last.title) == ("accessibility.md", "Accessibility")
    assert "## How it is checked" in last.text and "has not yet been tested by disabled people" in last.text
    assert "tell your trainer or Riverside &lt;Trust>." in last.text  # escaped: no tag reaches the page
    assert "- **Access team**: access@example.org" in last.text


def test_without_listed_contacts_the_welcome_page_says_the_trainers_name_one(tmp_path):
    from coursekit.organisation import Brand
    from coursekit.schema import Contact

    plan = one_module_plan(tmp_path)
    bare = welcome_page(plan, None, Brand(), False).text
    assert "The trainers will tell you at the start who the named contact for this course is" in bare
    listed = welcome_page(plan, None, Brand(support=(Contact(name="Ana", how="0100"),)), False).text
    assert "- **Ana**: 0100" in listed and "The trainers will tell you at the start" not in listed


def test_sources_that_change_often_are_listed_together_under_one_check_before_use_line(tmp_path):
    from coursekit.schema import Source

    plan = one_module_plan(tmp_path)
    steady = Source(id="steady", title="A book", author="Org", date="2020", kind="guidance")
    rates = Source(id="rates", title="Rates", author="NIHR", date="2024", kind="payment", time_sensitive=True)
    page = sources_page(dataclasses.replace(plan, sources=(steady, rates))).text
    assert page.count("check the current version") == 1
    assert page.index("A book") < page.index("**These change often.**") < page.index("Rates")
    assert "Check before use: this changes." not in page


def test_a_source_cited_by_another_label_says_how_the_text_cites_it(tmp_path):
    from coursekit.citations import reference_text
    from coursekit.schema import Source

    plan = one_module_plan(tmp_path)
    act = Source(
        id="act",
        title="NHS Act",
        author="UK Parliament",
        date="2006",
        kind="law",
        cite_as="NHS Act 2006, s242",
    )
    own = Source(id="own", title="Guide", author="SCIE", date="2021", kind="guidance", cite_as="SCIE, 2021")
    page = sources_page(dataclasses.replace(plan, sources=(act, own))).text
    assert "UK Parliament (2006). *NHS Act*. Cited in the text as (NHS Act 2006, s242)." in page
    assert "SCIE (2021). *Guide*.\n" in page + "\n"
    assert reference_text(act).endswith("Cited in the text as (NHS Act 2006, s242).")


def test_the_print_page_holds_each_module_s_activities_and_their_sheets(tmp_path):
    from coursekit.render.pages import print_page

    card = {"id": "cards", "title": "Group cards", "kind": "cards", "text": "CARD-TEXT one group."}
    module = timed_module(
        "a",
        activities=(("sort", 30, {"self_study": "SORT-ALONE the cards.", "materials": ["cards"]}),),
        materials=[card],
    )
    text = print_page(one_module_plan(tmp_path, module)).text
    assert "#### Activity sort" in text and "SORT-ALONE the cards." in text and "CARD-TEXT one group." in text


def test_an_audience_can_read_its_outcomes_as_short_i_can_lines(tmp_path):
    outcomes = [
        {
            "id": "describe",
            "text": "Describe one benefit of working together, with an example.",
            "short": "say one good thing about it",
        },
        {"id": "list", "text": "List two questions to ask before joining a group."},
    ]
    files = {
        "modules/a.md": timed_module("a", outcomes=outcomes),
        "audiences/staff.yml": audience_text("staff", "[a]") + "learner_outcomes: i-can\n",
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    text = module_page(plan, plan.modules[0]).text
    assert "By the end of this module:\n\n- I can say one good thing about it.\n- List two questions" in text
    full = one_module_plan(tmp_path / "full", timed_module("a", outcomes=outcomes))
    assert (
        "- Describe one benefit of working together, with an example."
        in module_page(full, full.modules[0]).text
    )


def test_the_bare_built_in_course_names_only_its_edition_and_an_organisation_its_name_too(tmp_path):
    import datetime as dt

    from coursekit.organisation import Brand

    plan = one_module_plan(tmp_path)
    builtin = Brand(edition_version="0.1.0", edition_date=dt.date(2026, 12, 1))
    assert "*Course edition 0.1.0, 1 December 2026.*" in welcome_page(plan, None, builtin).text
    owned = dataclasses.replace(builtin, name="Leeds Care", builtin=False)
    assert "*Leeds Care · Course edition 0.1.0, 1 December 2026.*" in welcome_page(plan, None, owned).text


def test_an_answer_sheet_held_back_comes_after_the_task_on_the_site_and_never_in_print(tmp_path):
    from coursekit.render.pages import print_page

    answers = {"id": "answers", "title": "Suggested answers", "kind": "handout", "text": "ANSWER-KEY A is B."}
    cards = {"id": "cards", "title": "Situation cards", "kind": "cards", "text": "CARD-TEXT A."}
    answers["held_back"] = True
    activities = (("sort", 30, {"self_study": "Sort the cards.", "materials": ["answers", "cards"]}),)
    files = {
        "modules/a.md": timed_module("a", activities=activities, materials=[answers, cards]),
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    page = module_page(plan, plan.modules[0]).text
    assert page.index("CARD-TEXT A.") < page.index(
        '??? success "After you have tried it yourself: Suggested answers"'
    )
    assert "ANSWER-KEY" not in print_page(plan).text and "CARD-TEXT A." in print_page(plan).text
