"""The plan: per-audience selection, ordering by prerequisites, totals. Pure functions only."""

from __future__ import annotations

import datetime as dt

from conftest import audience_text, module_text, valid_files, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan, learner_text


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
    assert plan.outputs == ("site", "slides", "scorm")


def test_learner_text_leaves_out_facilitator_notes(project):
    view = build_plan(load_project(project), "staff").modules[0]
    text = learner_text(view)
    assert "Talk with a partner" in text
    assert "SECRET-FACILITATOR-NOTE" not in text
