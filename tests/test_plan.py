"""The plan: per-audience selection, ordering by prerequisites, totals. Pure functions only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import SOURCES, audience_text, module_text, one_module, timed_module, valid_files, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan


def test_each_audience_gets_its_own_parts(project):
    loaded = load_project(project)
    staff, bosses = build_plan(loaded, "staff"), build_plan(loaded, "bosses")
    assert [a.id for a in staff.modules[0].activities] == ["pairs"]
    assert [a.id for a in bosses.modules[0].activities] == ["budget"]
    assert "BOSSES-ONLY" in bosses.modules[0].body
    assert "BOSSES-ONLY" not in staff.modules[0].body
    assert staff.total_minutes == 30 and bosses.total_minutes == 20


def test_prerequisites_come_first_whatever_the_audience_order(tmp_path):
    files = valid_files()
    files["modules/second.md"] = module_text("second", "Second", prerequisites="[intro]")
    files["modules/third.md"] = module_text("third", "Third")
    files["audiences/staff.yml"] = audience_text("staff", "[second, third, intro]")
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert [v.id for v in plan.modules] == ["third", "intro", "second"]
    assert [v.number for v in plan.modules] == [1, 2, 3]
    assert plan.modules[0].slug == "01-third"


def test_glossary_sources_and_build_date(project):
    plan = build_plan(load_project(project), "staff")
    assert [t.term for t in plan.glossary] == ["NHS"]
    assert [s.id for s in plan.sources] == ["example-story"]
    assert plan.build_date == dt.date(2026, 11, 22)
    assert plan.outputs == ("site", "slides")


def consent_covering(covers: str) -> str:
    """Return the sample module with its story's consent covering only the given outputs."""
    text = module_text()
    old = "      covers: [site, slides, print]\n"
    assert old in text
    return text.replace(old, f"      covers: [{covers}]\n").replace(
        "    text: Sam joined a group",
        "    replacement: Groups change services when members set the agenda.\n    text: Sam joined a group",
    )


def test_a_story_is_withheld_from_outputs_its_consent_does_not_cover(tmp_path):
    from coursekit.plan import for_use

    files = dict(valid_files(), **{"modules/intro.md": consent_covering("site")})
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    on_site, on_slides = for_use(plan, "site"), for_use(plan, "slides")
    assert [s.id for s in on_site.modules[0].stories] == ["sams-story"] and not on_site.withheld
    assert on_slides.modules[0].stories == ()
    assert [(w.story.id, w.use) for w in on_slides.withheld] == [("sams-story", "slides")]
    assert "covers site" in on_slides.withheld[0].reason


def test_a_story_is_withheld_from_an_audience_its_consent_does_not_name(tmp_path):
    from coursekit.plan import for_use

    module = consent_covering("site, slides, print").replace(
        "      covers: [site, slides, print]\n",
        "      covers: [site, slides, print]\n      audiences: [bosses]\n      purpose: Staff training only.\n",
    )
    files = dict(valid_files(), **{"modules/intro.md": module})
    loaded = load_project(write_tree(tmp_path / "p", files))
    on_site = for_use(build_plan(loaded, "staff"), "site")
    assert on_site.modules[0].stories == ()
    assert on_site.withheld[0].reason.endswith("for the audiences bosses only")
    assert [s.id for s in for_use(build_plan(loaded, "bosses"), "site").modules[0].stories] == ["sams-story"]


def test_a_consent_naming_an_audience_the_module_lacks_is_refused(tmp_path, cli):
    module = consent_covering("site").replace(
        "      covers: [site]\n", "      covers: [site]\n      audiences: [nobody]\n"
    )
    root = write_tree(tmp_path / "p", dict(valid_files(), **{"modules/intro.md": module}))
    result = cli(["check"], root)
    assert result.exit_code == 1
    assert "stories[0].consent.audiences[0]: 'nobody' is not one of this module's audiences" in result.stderr


def test_the_build_says_which_stories_it_left_out(tmp_path, cli):
    files = dict(valid_files(), **{"modules/intro.md": consent_covering("slides")})
    root = write_tree(tmp_path / "p", files)
    result = cli(["build", "--audience", "staff"], root)
    assert result.exit_code == 0, result.stderr
    assert (
        "Note: staff: the learner website leaves out 1 story whose consent does not cover site in this course: sams-story"
    ) in result.stderr.splitlines()
    page = (root / "site" / "staff" / "01-intro.html").read_text(encoding="utf-8")
    assert "Sam joined a group" not in page
    assert "Groups change services when members set the agenda." in page


def test_sources_cited_in_any_text_field_are_the_course_s_sources(tmp_path):
    module = timed_module("a").replace(
        "facilitator_notes: Keep time.",
        "facilitator_notes: Payment rules change every April [@second-source].",
    )
    sources = SOURCES + (
        "  - id: second-source\n    title: Paying people\n    author: Example Org\n    date: '2024'\n"
        "    kind: guidance\n    url: https://example.org/pay\n"
    )
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": sources,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert "second-source" in [s.id for s in plan.sources]


def test_a_glossary_term_for_one_audience_is_only_in_its_course(tmp_path):
    module = timed_module("a", audiences=("staff", "bosses"), summary="The NHS and its KPI figures.").replace(
        "stories: []\n",
        "stories: []\nglossary:\n  - term: KPI\n    definition: Key performance indicator.\n    audiences: [bosses]\n"
        "  - term: NHS\n    definition: National Health Service.\n",
    )
    files = one_module(module, audiences=("staff", "bosses"))
    project = load_project(write_tree(tmp_path / "p", files))
    assert [t.term for t in build_plan(project, "staff").glossary] == ["NHS"]
    assert [t.term for t in build_plan(project, "bosses").glossary] == ["KPI", "NHS"]


def test_the_jargon_buster_keeps_only_the_terms_the_course_uses(tmp_path):
    module = timed_module("a", summary="Why councils use a JSNA.").replace(
        "stories: []\n",
        "stories: []\nglossary:\n  - term: JSNA\n    definition: Joint strategic needs assessment.\n"
        "  - term: KPI\n    definition: Key performance indicator.\n  - term: council\n    definition: Local authority.\n",
    )
    files = one_module(module)
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert [t.term for t in plan.glossary] == ["council", "JSNA"]  # "councils" counts; KPI is never used


def test_a_module_content_note_for_one_audience_is_only_in_its_version(tmp_path):
    module = timed_module("a", audiences=("staff", "bosses")).replace(
        "stories: []\n",
        "stories: []\ncontent_notes:\n  - about: BOSSES-NOTE Hard times.\n    choice: Skip it.\n"
        "    support: Ask your trainer.\n    audiences: [bosses]\n",
    )
    files = one_module(module, audiences=("staff", "bosses"))
    project = load_project(write_tree(tmp_path / "p", files))
    assert build_plan(project, "staff").modules[0].content_notes == ()
    assert [n.about for n in build_plan(project, "bosses").modules[0].content_notes] == [
        "BOSSES-NOTE Hard times."
    ]


def tied_to_sam(covers: str) -> str:
    """Return the sample module, its story covering only these outputs, with text tied to the story."""
    text = consent_covering(covers)
    old = "key_messages:\n  - text: People know their own lives best.\n    sources: [example-story]\n"
    assert old in text
    messages = (
        "key_messages:\n"
        "  - text: SAM-MESSAGE Sam found the group listened.\n    sources: [example-story]\n"
        "    story: sams-story\n"
        "  - text: TWIN-MESSAGE Groups listen when members set the agenda.\n    sources: [example-story]\n"
        "    instead_of: sams-story\n"
    )
    body = (
        "\n::: story sams-story\nSAM-BODY Sam saw the service change.\n:::\n"
        "::: instead-of sams-story\nTWIN-BODY Services change when members are heard.\n:::\n"
    )
    return text.replace(old, messages) + body


def test_text_tied_to_a_story_goes_where_the_story_goes(tmp_path):
    from coursekit.plan import for_use

    files = dict(valid_files(), **{"modules/intro.md": tied_to_sam("site")})
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    on_site, on_slides = for_use(plan, "site").modules[0], for_use(plan, "slides").modules[0]
    assert [m.text.split()[0] for m in on_site.key_messages] == ["SAM-MESSAGE"]
    assert [m.text.split()[0] for m in on_slides.key_messages] == ["TWIN-MESSAGE"]
    assert "SAM-BODY" in on_site.body and "TWIN-BODY" not in on_site.body
    assert "TWIN-BODY" in on_slides.body and "SAM-BODY" not in on_slides.body


def test_text_tied_to_a_story_the_course_does_not_tell_is_left_out(tmp_path):
    module = tied_to_sam("site, slides").replace(
        "    storyteller: Sam\n", "    storyteller: Sam\n    audiences: [bosses]\n"
    )
    files = dict(valid_files(), **{"modules/intro.md": module})
    staff = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff").modules[0]
    assert [m.text.split()[0] for m in staff.key_messages] == ["TWIN-MESSAGE"]
    assert "TWIN-BODY" in staff.body and "SAM-BODY" not in staff.body


def test_a_built_page_never_names_a_storyteller_whose_story_it_leaves_out(tmp_path, cli):
    files = dict(valid_files(), **{"modules/intro.md": tied_to_sam("slides")})
    root = write_tree(tmp_path / "p", files)
    result = cli(["build", "--audience", "staff"], root)
    assert result.exit_code == 0, result.stderr
    page = (root / "site" / "staff" / "01-intro.html").read_text(encoding="utf-8")
    for told in ("SAM-MESSAGE", "SAM-BODY", "Sam joins a group", "Sam joined a group", "Told by Sam"):
        assert told not in page
    assert "TWIN-MESSAGE" in page and "TWIN-BODY" in page


def test_the_time_line_of_an_output_does_not_title_a_story_it_leaves_out(tmp_path):
    from coursekit.courselength import course_timeline
    from coursekit.plan import WITHHELD_BLOCK, for_use
    from coursekit.slots import default_course

    files = dict(valid_files(), **{"modules/intro.md": tied_to_sam("site")})
    plan = default_course(load_project(write_tree(tmp_path / "p", files)), "staff", ("site", "slides"))
    timed = dataclasses.replace(plan, timeline=course_timeline(plan))

    def story_titles(use: str) -> list[str]:
        return [b.title for b in for_use(timed, use).timeline.blocks if b.kind == "story"]

    assert story_titles("site") == ["Story: Sam joins a group"]
    assert story_titles("slides") == [WITHHELD_BLOCK]


def test_the_time_line_of_an_output_calls_an_activity_what_it_says_without_its_story(tmp_path):
    from coursekit.courselength import course_timeline
    from coursekit.plan import for_use
    from coursekit.slots import default_course

    module = consent_covering("site").replace(
        "    instructions: Talk with a partner about a time someone listened to you.\n",
        "    instructions: Talk with a partner about a time someone listened to you.\n"
        "    story: sams-story\n    if_withheld:\n      title: PLAIN-TITLE\n",
    )
    files = dict(valid_files(), **{"modules/intro.md": module})
    plan = default_course(load_project(write_tree(tmp_path / "p", files)), "staff", ("site", "slides"))
    timed = dataclasses.replace(plan, timeline=course_timeline(plan))

    def activity_titles(use: str) -> list[str]:
        return [b.title for b in for_use(timed, use).timeline.blocks if b.kind == "activity"]

    assert activity_titles("site") == ["Talk in pairs"]
    assert activity_titles("slides") == ["PLAIN-TITLE"]


def test_an_activity_and_a_material_say_their_stand_in_where_their_story_is_left_out(tmp_path):
    from coursekit.plan import for_use

    module = (
        consent_covering("site")
        .replace(
            "    instructions: Talk with a partner about a time someone listened to you.\n",
            "    instructions: SAM-TASK Talk about how Sam was listened to.\n"
            "    story: sams-story\n"
            "    if_withheld:\n      instructions: PLAIN-TASK Talk about a time someone listened to you.\n",
        )
        .replace(
            "    copies: per-pair\n",
            "    copies: per-pair\n    story: sams-story\n    if_withheld:\n      title: PLAIN-CARDS\n",
        )
    )
    files = dict(valid_files(), **{"modules/intro.md": module})
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    on_site, on_slides = for_use(plan, "site").modules[0], for_use(plan, "slides").modules[0]
    assert on_site.activities[0].instructions.startswith("SAM-TASK")
    assert on_slides.activities[0].instructions.startswith("PLAIN-TASK")
    assert (on_slides.activities[0].id, on_slides.activities[0].minutes) == ("pairs", 30)
    assert (on_site.materials[0].title, on_slides.materials[0].title) == ("Listening cards", "PLAIN-CARDS")
    assert on_slides.materials[0].text == on_site.materials[0].text
    assert on_slides.material_index["listening-cards"].title == "PLAIN-CARDS"


def test_an_activity_using_two_stories_says_its_stand_in_where_either_is_left_out():
    from coursekit.schema import Activity

    activity = Activity(
        id="talk",
        title="Talk",
        minutes=10,
        type="pairs",
        instructions="READ-BOTH Read both stories.",
        facilitator_notes="Keep time.",
        story=("lee", "tom"),
        if_withheld={"instructions": "PLAIN Talk about a time someone listened."},
    )
    assert activity.story_ids == ("lee", "tom")
    assert activity.without_story({"lee", "tom"}).instructions.startswith("READ-BOTH")
    assert activity.without_story({"lee"}).instructions.startswith("PLAIN")
    assert activity.without_story(set()).instructions.startswith("PLAIN")


def test_a_story_s_content_note_limited_to_some_audiences_is_read_only_by_them(project):
    from conftest import module_text

    loaded = load_project(project)
    text = module_text().replace(
        "      support: Talk to your trainer.\n",
        "      support: Talk to your trainer.\n      audiences: [bosses]\n",
    )
    root = write_tree(project.parent / "limited", dict(valid_files(), **{"modules/intro.md": text}))
    loaded = load_project(root)
    staff, bosses = build_plan(loaded, "staff"), build_plan(loaded, "bosses")
    assert staff.modules[0].stories[0].content_note is None
    assert bosses.modules[0].stories[0].content_note.about == "Mentions homelessness."
