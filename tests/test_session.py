"""Session files: loading with exact messages, planning a new audience from its base, slots, the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SOURCES, audience_text, timed_module, tree_bytes, write_tree

from coursekit.errors import ContentError
from coursekit.load import load_project
from coursekit.session import load_session, plan_session

SESSION = """\
title: Working with tenants
audience: housing
audience_name: Housing officers
based_on: staff
start: "09:30"
minutes: 120
facilitators:
  - name: Priya
    role: lead
  - name: Dan
    role: co-trainer
    lived_experience: true
local:
  organisation: Northtown Council
  area: Northtown
  support: the staff helpline
"""

SLOTTED = timed_module(
    "local",
    activities=(("visit", 20, {"instructions": "Find a group in {{ area }}: {{ local-group }}."}),),
    slots={"local-group": "a co-production group near the participants"},
)


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    """A project whose audience 'staff' has two modules; the tests run in it."""
    files = {
        "modules/a.md": timed_module("a", activities=(("a-talk", 30, {}),), audiences=("staff", "bosses")),
        "modules/b.md": timed_module(
            "b",
            activities=(("b-talk", 20, {"audiences": ["staff"]}), ("b-boss", 20, {"audiences": ["bosses"]})),
            audiences=("staff", "bosses"),
        ),
        "modules/local.md": SLOTTED,
        "audiences/staff.yml": audience_text("staff", "[a, b]"),
        "audiences/bosses.yml": audience_text("bosses", "[a]"),
        "sources.yml": SOURCES,
    }
    root = write_tree(tmp_path / "p", files)
    monkeypatch.chdir(root)
    return root


def session_at(root: Path, text: str = SESSION, *replacements: tuple[str, str]):
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = write_tree(root, {"sessions/s.yml": text}) / "sessions/s.yml"
    return path


def problems(root: Path, *replacements: tuple[str, str]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_session(session_at(root, SESSION, *replacements), load_project(root))
    return caught.value.lines()


# --- loading -----------------------------------------------------------------------------------


def test_a_valid_session_loads(root):
    session = load_session(session_at(root), load_project(root))
    assert (session.audience, session.based_on, session.start, session.minutes) == (
        "housing",
        "staff",
        dt.time(9, 30),
        120,
    )
    assert [f.name for f in session.facilitators] == ["Priya", "Dan"]
    assert session.path == "sessions/s.yml"


def test_unknown_key_suggests_the_right_one(root):
    assert problems(root, ('start: "09:30"', 'start_time: "09:30"')) == [
        "sessions/s.yml: line 5: start_time: unknown key 'start_time'; did you mean 'start'?"
    ]


def test_a_time_must_be_written_hh_mm(root):
    assert problems(root, ('start: "09:30"', "start: 9.30")) == [
        'sessions/s.yml: line 5: start: must be a time written "HH:MM" in quotes, for example "09:30"'
    ]


def test_unknown_audience(root):
    assert problems(root, ("audience: housing", "audience: staf"), ("based_on: staff\n", "")) == [
        (
            "sessions/s.yml: line 2: audience: no audience has id 'staf': for a new audience, add 'based_on' "
            "naming the existing audience it builds on (bosses, staff); did you mean 'staff'?"
        )
    ]


def test_a_new_audience_needs_based_on(root):
    assert problems(root, ("based_on: staff\n", "")) == [
        (
            "sessions/s.yml: line 2: audience: no audience has id 'housing': for a new audience, add 'based_on' "
            "naming the existing audience it builds on (bosses, staff)"
        )
    ]


def test_based_on_must_be_an_audience(root):
    assert problems(root, ("based_on: staff", "based_on: staf")) == [
        "sessions/s.yml: line 4: based_on: no audience has id 'staf'; did you mean 'staff'?"
    ]


def test_minutes_and_parts_are_not_both_given(root):
    parts = "parts:\n  - title: Morning\n    minutes: 120\nfacilitators:"
    assert problems(root, ("facilitators:", parts)) == [
        (
            "sessions/s.yml: line 6: minutes: give either 'minutes' (one sitting) or 'parts', not both: move "
            "'minutes', 'start' into each part, or remove 'parts'"
        )
    ]


def test_modules_must_serve_the_audience(root):
    assert problems(root, ("minutes: 120", "minutes: 120\nmodules: [a, bb]")) == [
        "sessions/s.yml: line 7: modules[1]: no module has id 'bb'; did you mean 'b'?"
    ]


def test_an_unknown_local_value_is_named(root):
    assert problems(root, ("  area: Northtown", "  aera: Northtown")) == [
        (
            "sessions/s.yml: line 15: local.aera: no slot named 'aera'; did you mean 'area'?; the slots of "
            "this session are: area, organisation, support"
        )
    ]


# --- planning ----------------------------------------------------------------------------------


def test_a_based_on_audience_gets_its_base_audiences_material_with_no_module_edits(root):
    project = load_project(root)
    planned = plan_session(project, load_session(session_at(root), project))
    plan = planned.plan
    assert (plan.id, plan.audience.name, plan.audience.course_title) == (
        "housing",
        "Housing officers",
        "Working with tenants",
    )
    assert [v.id for v in plan.modules] == ["a", "b"]
    assert [a.id for a in plan.modules[1].activities] == ["b-talk"]  # staff's, not bosses'
    assert planned.timeline.minutes == 120
    assert {b.lead for b in planned.timeline.blocks if b.kind == "activity"} <= {"Priya", "Dan"}
    assert plan.timeline is planned.timeline


def test_slots_are_filled_from_local(root):
    project = load_project(root)
    text = SESSION + "  local-group: the Northtown tenants' panel\n"
    session = load_session(session_at(root, text + "modules: [local]\n"), project)
    planned = plan_session(project, session)
    activity = planned.plan.modules[0].activities[0]
    assert activity.instructions == "Find a group in Northtown: the Northtown tenants' panel."
    assert planned.warnings == ()
    assert planned.local["organisation"] == "Northtown Council"


def test_an_empty_slot_gets_a_placeholder_and_a_warning(root):
    project = load_project(root)
    session = load_session(
        session_at(root, SESSION + "modules: [local]\n", ("  area: Northtown\n", "")), project
    )
    planned = plan_session(project, session)
    assert (
        planned.plan.modules[0].activities[0].instructions
        == "Find a group in [your area]: [your local group]."
    )
    assert [str(w) for w in planned.warnings] == [
        (
            "sessions/s.yml: line 13: local.area: slot 'area' is empty: add it under local in sessions/s.yml "
            "(until then the outputs say '[your area]') [slots]"
        ),
        (
            "sessions/s.yml: line 13: local.local-group: slot 'local-group' is empty: add it under local in "
            "sessions/s.yml (until then the outputs say '[your local group]') [slots]"
        ),
    ]


def test_a_session_that_cannot_fit_names_the_file_line_and_modules_to_drop(root):
    project = load_project(root)
    session = load_session(session_at(root, SESSION, ("minutes: 120", "minutes: 70")), project)
    with pytest.raises(ContentError) as caught:
        plan_session(project, session)
    assert caught.value.lines() == [
        (
            "sessions/s.yml: line 6: minutes: the content needs about 84 min but the part has 70 min, even with "
            "optional activities dropped, activities at their minimum and checks moved after the session: drop "
            "module 'a' (30 min of teaching) from 'modules', or make the part about 84 min"
        )
    ]


def test_a_two_part_session(root):
    parts = (
        "title: Working with tenants\n",
        (
            "title: Working with tenants\nparts:\n"
            '  - title: Morning\n    date: 2027-01-15\n    start: "09:30"\n    minutes: 90\n'
            '  - title: Follow-up\n    date: 2027-02-26\n    start: "14:00"\n    minutes: 60\n'
        ),
    )
    text = SESSION.replace('start: "09:30"\nminutes: 120\n', "")
    project = load_project(root)
    planned = plan_session(project, load_session(session_at(root, text, parts), project))
    first, second = planned.timeline.parts
    assert (first.module_ids, second.module_ids) == (("a",), ("b",))
    assert (second.date, second.start) == (dt.date(2027, 2, 26), dt.time(14, 0))
    assert planned.timeline.minutes == 150


# --- the command line --------------------------------------------------------------------------


def test_session_new_then_plan_then_build(cli, root):
    made = cli(["session", "new", "trial"], root)
    assert made.exit_code == 0, made.stderr
    assert (
        made.stdout
        == "Wrote sessions/trial.yml. Edit it, then run: coursekit session plan sessions/trial.yml\n"
    )
    again = cli(["session", "new", "trial"], root)
    assert again.exit_code == 1
    assert again.stderr == "Error: sessions/trial.yml: already exists; edit it, or choose another name\n"

    planned = cli(["session", "plan", "sessions/trial.yml"], root)
    assert planned.exit_code == 0, planned.stderr
    assert "Warning: sessions/trial.yml: line" in planned.stderr and "slot 'area' is empty" in planned.stderr
    lines = planned.stdout.splitlines()
    assert lines[4].split() == ["Time", "Min", "Block", "Lead", "Materials"]
    assert lines[5].split() == ["09:30", "5", "Welcome", "and", "introductions", "Lead", "trainer's", "name"]
    assert "Nothing was cut." in lines

    built = cli(["session", "build", "sessions/trial.yml"], root)
    assert built.exit_code == 0, built.stderr
    course = (
        root / "sessions/out/trial" / load_session(root / "sessions/trial.yml", load_project(root)).audience
    )
    assert (course / "index.html").is_file()
    assert (course / "downloads" / f"{course.name}-slides.pptx").is_file()


def test_session_build_refuses_a_folder_it_did_not_make(cli, root):
    session_at(root)
    write_tree(root, {"mine/keep.txt": "mine"})
    result = cli(["session", "build", "sessions/s.yml", "--out", "mine"], root)
    assert result.exit_code == 1
    assert "is not empty and was not made by coursekit" in result.stderr
    assert (root / "mine/keep.txt").read_text() == "mine"


def test_a_break_at_a_clock_time(root):
    project = load_project(root)
    text = SESSION.replace("minutes: 120\n", 'minutes: 150\nbreaks:\n  - at: "10:30"\n    minutes: 20\n')
    planned = plan_session(project, load_session(session_at(root, text), project))
    times = [(at.strftime("%H:%M"), b.kind, b.minutes) for at, b in planned.timeline.parts[0].times()]
    assert [t for t in times if t[1] == "break"] == [("10:25", "break", 20)]  # in place of the changeover
    assert "changeover" not in [t[1] for t in times]
    assert planned.timeline.minutes == 150


def test_a_session_builds_byte_identical_twice(cli, root):
    session_at(root)
    for folder in ("one", "two"):
        assert cli(["session", "build", "sessions/s.yml", "--out", folder], root).exit_code == 0
    first, second = tree_bytes(root / "one"), tree_bytes(root / "two")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_module_with_no_activity_for_the_audience_is_a_warning(root):
    project = load_project(root)
    text = SESSION.replace("based_on: staff", "based_on: bosses") + "modules: [a, b]\n"
    planned = plan_session(project, load_session(session_at(root, text), project))
    assert [str(w) for w in planned.warnings] == []
    write_tree(
        root,
        {
            "modules/b.md": timed_module(
                "b", activities=(("b-talk", 20, {"audiences": ["staff"]}),), audiences=("staff", "bosses")
            )
        },
    )
    project = load_project(root)
    planned = plan_session(project, load_session(session_at(root, text), project))
    assert [str(w) for w in planned.warnings] == [
        (
            "sessions/s.yml: line 17: modules[1]: module 'b' gives 'bosses' no activity: choose another module, "
            "or tag an activity for it in modules/b.md [G5-no-activity]"
        )
    ]


def test_the_local_values_reach_the_built_site(cli, root):
    session_at(root, SESSION + "  local-group: the Northtown tenants' panel\nmodules: [local]\n")
    result = cli(["session", "build", "sessions/s.yml"], root)
    assert result.exit_code == 0, result.stderr
    page = (root / "sessions/out/s/housing/01-local.html").read_text(encoding="utf-8")
    assert "Find a group in Northtown: the Northtown tenants" in page
    assert "{{" not in page


def test_a_session_file_that_is_not_a_mapping(root):
    with pytest.raises(ContentError) as caught:
        load_session(session_at(root, "- title: A list\n"), load_project(root))
    assert caught.value.lines() == [
        "sessions/s.yml: line 1: must be a mapping of fields (title, audience, ...)"
    ]
