"""The built-in co-production course: complete, consistent, and reproducible."""

from __future__ import annotations

import os

import pytest
from conftest import tree_bytes

from coursekit.build import build
from coursekit.content import builtin_root
from coursekit.courselength import course_problems, course_timeline
from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.slots import default_course
from coursekit.timeline import scripted_minutes

NAMED = ["nothing-about-us", "lived-experience-and-co-production-groups", "jargon", "resilience"]


@pytest.fixture(scope="module")
def library():
    return load_project(builtin_root())


def test_library_size_and_audiences(library):
    assert len(library.modules) >= 16
    assert {a.id for a in library.audiences} == {
        "frontline-staff",
        "commissioners",
        "senior-leaders",
        "lived-experience-members",
    }
    assert set(NAMED) <= {m.id for m in library.modules}


@pytest.mark.parametrize(
    "audience_id", ["frontline-staff", "commissioners", "senior-leaders", "lived-experience-members"]
)
def test_module_timings_add_up_for_the_audience(library, audience_id):
    plan = build_plan(library, audience_id)
    for view in plan.modules:
        core = sum(a.minutes for a in view.activities if not a.optional)
        assert abs(core + scripted_minutes(view) - view.minutes) <= view.minutes * 0.1, view.id
        assert all(m.script for m in view.key_messages), f"{view.id}: every key message has an input script"


@pytest.mark.parametrize(
    "audience_id", ["frontline-staff", "commissioners", "senior-leaders", "lived-experience-members"]
)
def test_course_plans_to_its_stated_length_with_breaks(library, audience_id):
    plan = default_course(library, audience_id)
    assert course_problems(library, plan) == []
    timed = course_timeline(plan)
    assert timed.minutes == plan.audience.length_minutes
    assert {trim.action for trim in timed.trims} <= {"drop"}, "only optional extras are left out"


def test_frontline_and_commissioner_versions_differ_in_substance(library):
    frontline = {v.id: v for v in build_plan(library, "frontline-staff").modules}
    commissioners = {v.id: v for v in build_plan(library, "commissioners").modules}
    shared = sorted(set(frontline) & set(commissioners))
    assert shared, "the two courses share at least the opening module"
    for module_id in shared:
        f, c = frontline[module_id], commissioners[module_id]
        assert {a.id for a in f.activities} != {a.id for a in c.activities}, module_id
        assert f.body != c.body, module_id
    frontline_tasks = {a.id for v in frontline.values() for a in v.activities}
    commissioner_tasks = {a.id for v in commissioners.values() for a in v.activities}
    assert len(frontline_tasks & commissioner_tasks) <= len(commissioner_tasks) // 5


def test_two_builds_of_the_built_in_course_are_byte_identical(library, tmp_path):
    audiences = ["frontline-staff", "commissioners"]
    build(library, audiences, ("site", "slides"), tmp_path / "one")
    build(library, audiences, ("site", "slides"), tmp_path / "two")
    first, second = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


SHARED_SOURCES = builtin_root().parent / "shared" / "sources"


def test_the_built_in_library_passes_strict(cli, tmp_path):
    args = ["check", "--strict", "--project", str(builtin_root())]
    if SHARED_SOURCES.is_dir():
        args += ["--sources-dir", str(SHARED_SOURCES)]
    elif os.environ.get("CI"):
        pytest.fail(f"{SHARED_SOURCES} is missing: CI checks the stories against their sources")
    result = cli(args, tmp_path)
    assert result.exit_code == 0, result.stdout
