"""Default courses planned on the clock: at their stated length when they fit, honest when not."""

from __future__ import annotations

from conftest import checked_files, write_tree

from coursekit.courselength import course_problems, course_timeline, natural_timeline
from coursekit.load import load_project
from coursekit.plan import build_plan


def test_a_course_that_fits_is_planned_at_its_stated_length(tmp_path):
    project = load_project(write_tree(tmp_path / "p", checked_files()))
    plan = build_plan(project, "staff")
    assert course_timeline(plan).minutes == plan.audience.length_minutes == 75
    assert course_problems(project, plan) == []


def test_a_course_over_its_length_keeps_its_content_and_says_so(project):
    loaded = load_project(project)
    plan = build_plan(loaded, "staff")
    timed = course_timeline(plan)
    assert timed.cut == ()
    assert timed.minutes == natural_timeline(plan).minutes == 76
    assert [p.rule for p in course_problems(loaded, plan)] == ["G5-course-length"]


def test_build_warns_about_course_length_and_still_builds(cli, project):
    result = cli(["build"], project)
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: audiences/staff.yml: line 6: length_minutes: the course plans to 1 h 16 min in the room"
        in result.stderr
    )
    assert result.stderr.count("[G5-course-length]") == 2
