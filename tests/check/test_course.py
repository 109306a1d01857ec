"""G5 over an audience's whole course: its planned length, and an activity in every module."""

from __future__ import annotations

from checking import findings
from conftest import checked_files, checked_module, write_tree

from coursekit.check import check_project
from coursekit.load import load_project


def test_g5_a_course_far_over_its_stated_length_is_a_warning(tmp_path):
    files = checked_files()
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace(
        "length_minutes: 65", "length_minutes: 30"
    )
    root = write_tree(tmp_path / "project", files)
    found = [f for f in check_project(load_project(root)).findings if f.rule == "G5-course-length"]
    assert [(f.path, f.line, f.field, f.severity) for f in found] == [
        ("audiences/staff.yml", 6, "length_minutes", "warning")
    ]
    assert found[0].message == (
        "the course plans to 1 h 1 min in the room (teaching, core activities, stories, checks, reflections, "
        "changeovers, breaks and a 10% buffer), 103% longer than the 30 min stated: make it about 61 min, "
        "or shorten, make optional or drop content (the deck's course plan slide shows every block on the clock)"
    )


def test_g5_a_module_with_no_activity_for_an_audience_is_a_warning(tmp_path):
    module = checked_module(("    audiences: [bosses]\n", "    audiences: [staff]\n"))
    found = [f for f in findings(tmp_path, module) if f.rule == "G5-no-activity"]
    assert [(f.path, f.line, f.field, f.severity, f.message) for f in found] == [
        (
            "audiences/bosses.yml",
            5,
            "modules[0]",
            "warning",
            "module 'intro' gives 'bosses' no activity: tag an activity for it in modules/intro.md, or drop the module",
        )
    ]
