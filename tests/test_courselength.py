"""Default courses planned on the clock: at their stated length when they fit, honest when not."""

from __future__ import annotations

from conftest import audience_text, checked_files, valid_files, write_tree

from coursekit.courselength import course_problems, course_timeline, natural_timeline
from coursekit.load import load_project
from coursekit.plan import build_plan


def test_a_course_that_fits_is_planned_at_its_stated_length(tmp_path):
    project = load_project(write_tree(tmp_path / "p", checked_files()))
    plan = build_plan(project, "staff")
    assert course_timeline(plan).minutes == plan.audience.length_minutes == 80
    assert course_problems(project, plan) == []


def over_length(root):
    """A project whose staff course says 30 minutes but plans to 81."""
    return write_tree(root, dict(valid_files(), **{"audiences/staff.yml": audience_text("staff")}))


def test_a_course_over_its_length_keeps_its_content_and_says_so(tmp_path):
    loaded = load_project(over_length(tmp_path / "p"))
    plan = build_plan(loaded, "staff")
    timed = course_timeline(plan)
    assert timed.cut == ()
    assert timed.minutes == natural_timeline(plan).minutes == 81
    assert [p.rule for p in course_problems(loaded, plan)] == ["G5-course-length"]


def test_build_warns_about_course_length_and_still_builds(cli, tmp_path):
    result = cli(["build"], over_length(tmp_path / "p"))
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: audiences/staff.yml: line 6: length_minutes: the course plans to 1 h 21 min in the room"
        in result.stderr
    )
    assert result.stderr.count("[G5-course-length]") == 1
