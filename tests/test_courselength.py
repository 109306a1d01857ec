"""Default courses planned on the clock: at their stated length when they fit, honest when not."""

from __future__ import annotations

import pytest
from conftest import (
    HALF_DAY_AND_FOLLOW_UP,
    SOURCES,
    audience_text,
    checked_files,
    in_parts,
    long_day,
    timed_module,
    valid_files,
    write_tree,
)

from coursekit.courselength import (
    core_plan,
    course_problems,
    course_timeline,
    natural_timeline,
    online_timeline,
)
from coursekit.errors import ContentError
from coursekit.load import load_project
from coursekit.plan import build_plan


def test_a_course_that_fits_is_planned_at_its_stated_length(tmp_path):
    project = load_project(write_tree(tmp_path / "p", checked_files()))
    plan = build_plan(project, "staff")
    assert course_timeline(plan).minutes == plan.audience.length_minutes == 65
    assert course_problems(project, plan) == []


def over_length(root):
    """A project whose staff course says 30 minutes but plans to 64."""
    return write_tree(root, dict(valid_files(), **{"audiences/staff.yml": audience_text("staff")}))


def test_a_course_over_its_length_keeps_its_content_and_says_so(tmp_path):
    loaded = load_project(over_length(tmp_path / "p"))
    plan = build_plan(loaded, "staff")
    timed = course_timeline(plan)
    assert timed.cut == ()
    assert timed.minutes == natural_timeline(plan).minutes == 64
    assert [p.rule for p in course_problems(loaded, plan)] == ["G5-course-length"]


def test_build_warns_about_course_length_and_still_builds(cli, tmp_path):
    result = cli(["build"], over_length(tmp_path / "p"))
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: audiences/staff.yml: line 6: length_minutes: the course plans to 1 h 4 min in the room"
        in result.stderr
    )
    assert result.stderr.count("[G5-course-length]") == 1


def two_sittings(root, parts: str, length: int = 100):
    """A project whose staff course runs in the given parts; module a has a 20-minute optional extra."""
    extra = timed_module("a", activities=(("a-talk", 30, {}), ("a-extra", 20, {"optional": True})))
    return write_tree(root, in_parts(parts, length, a=extra))


def test_a_course_in_parts_is_planned_sitting_by_sitting(tmp_path):
    project = load_project(two_sittings(tmp_path / "p", HALF_DAY_AND_FOLLOW_UP))
    plan = build_plan(project, "staff")
    timed = course_timeline(plan)
    assert [(p.title, p.minutes) for p in timed.parts] == [
        ("Half day", 60),
        ("Follow-up, 6 to 8 weeks later", 40),
    ]
    assert {b.module_id for b in timed.parts[1].blocks} - {None} == {"b"}
    assert timed.cut == ("Half day: dropped the optional activity 'Activity a-extra' (Module a, 20 min)",)
    assert course_problems(project, plan) == []


def test_a_part_too_short_for_its_core_is_a_warning_at_that_part(tmp_path):
    parts = HALF_DAY_AND_FOLLOW_UP.replace("minutes: 40", "minutes: 20")
    project = load_project(two_sittings(tmp_path / "p", parts, length=80))
    problems = course_problems(project, build_plan(project, "staff"))
    assert [(p.line, p.field, p.rule) for p in problems] == [(12, "parts[1].minutes", "G5-course-length")]
    assert problems[0].message.startswith("the part 'Follow-up, 6 to 8 weeks later' plans to ")


@pytest.mark.parametrize(
    ("parts", "length", "expected"),
    [
        (
            HALF_DAY_AND_FOLLOW_UP.replace("modules: [b]", "modules: [c]"),
            100,
            [
                (5, "modules[1]", "module 'b' is in no part: add it to the 'modules' of one of the 'parts'"),
                (
                    13,
                    "parts[1].modules[0]",
                    "module 'c' is not in this course's 'modules': add it there, or remove it here",
                ),
            ],
        ),
        (
            HALF_DAY_AND_FOLLOW_UP.replace("modules: [b]", "modules: [b, a]"),
            100,
            [
                (
                    13,
                    "parts[1].modules[1]",
                    "module 'a' is already in an earlier part: a module is taught in one part",
                )
            ],
        ),
        (
            HALF_DAY_AND_FOLLOW_UP,
            120,
            [
                (
                    6,
                    "length_minutes",
                    "is 120 but the parts add up to 100 min: make length_minutes 100, or change the parts' minutes",
                )
            ],
        ),
    ],
)
def test_parts_that_do_not_match_the_course_are_refused(tmp_path, parts, length, expected):
    with pytest.raises(ContentError) as caught:
        load_project(two_sittings(tmp_path / "p", parts, length))
    assert [(p.path, p.line, p.field, p.message) for p in caught.value.problems] == [
        ("audiences/staff.yml", line, field, message) for line, field, message in expected
    ]


def test_a_course_over_its_length_even_without_extras_leaves_them_all_out(tmp_path):
    module = timed_module("a", activities=(("a-talk", 40, {}), ("a-extra", 20, {"optional": True})))
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    timed = course_timeline(plan)
    assert timed.cut == ("dropped the optional activity 'Activity a-extra' (Module a, 20 min)",)
    assert timed.minutes == natural_timeline(core_plan(plan)).minutes > plan.audience.length_minutes
    assert "a-extra" not in {b.item_id for b in timed.blocks}


def test_an_audience_with_its_own_check_in_gets_a_check_in_block_without_a_ground_rules_round(tmp_path):
    audience = audience_text("staff", "[a]") + "check_in: One sentence on support.\n"
    files = {"modules/a.md": timed_module("a"), "audiences/staff.yml": audience, "sources.yml": SOURCES}
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    [welcome, check_in] = [b for b in course_timeline(plan).blocks if b.kind in ("welcome", "check-in")]
    assert check_in.title == "Check-in: support and stepping out"
    assert (welcome.minutes, check_in.minutes) == (5, 3)  # a sentence, not a ground-rules round


def test_online_a_day_over_four_hours_becomes_two_even_sittings(tmp_path):
    plan = build_plan(load_project(long_day(tmp_path / "p")), "staff")
    assert len(course_timeline(plan).parts) == 1
    online = online_timeline(plan)
    assert [p.title.rsplit(": ", 1)[-1] for p in online.parts] == ["sitting 1 of 2", "sitting 2 of 2"]
    assert [p.module_ids for p in online.parts] == [("a", "b", "c"), ("d", "e", "f")]
    assert all(p.minutes <= 240 for p in online.parts)
    assert [p.blocks[0].kind for p in online.parts] == ["welcome", "check-in"]  # welcomed back
    assert [p.blocks[-1].kind for p in online.parts] == ["check-out", "check-out"]
    closes = [p.blocks[-1].title for p in online.parts]
    assert closes == ["Check-out: until next time", "Check-out: what we take away"]


def test_online_a_short_course_stays_one_sitting(tmp_path):
    plan = build_plan(load_project(long_day(tmp_path / "p", "ab", length=120)), "staff")
    assert len(online_timeline(plan).parts) == 1
