"""The file `coursekit session new` writes: it loads and plans as it stands."""

from __future__ import annotations

from conftest import write_tree

from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.newsession import new_session_text
from coursekit.session import load_session, plan_session


def test_the_new_session_file_for_the_built_in_course_loads_and_plans(tmp_path):
    project = load_project(builtin_root())
    path = (
        write_tree(tmp_path, {"sessions/monday.yml": new_session_text(project, "monday")})
        / "sessions/monday.yml"
    )
    session = load_session(path, project, "sessions/monday.yml")
    assert (session.audience, session.mode, f"{session.start:%H:%M}") == (
        "frontline-staff",
        "in-person",
        "09:30",
    )
    planned = plan_session(project, session)
    assert planned.timeline.minutes == session.minutes
    assert planned.timeline.cut == ()
    assert sorted(w.field for w in planned.warnings) == ["local.area", "local.organisation", "local.support"]
