"""The output registry: one place lists every output, its order and its main file."""

from __future__ import annotations

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render import DEFAULT_OUTPUTS, OUTPUTS, link, ordered


def test_the_site_is_built_first():
    # MkDocs empties its site folder, so anything written before it would be lost.
    assert OUTPUTS[0].name == "site"


def test_outputs_are_put_in_registry_order():
    assert ordered(("slides", "site")) == ("site", "slides")
    assert set(DEFAULT_OUTPUTS) == {o.name for o in OUTPUTS}


def test_links_exist_only_for_outputs_being_built(project):
    plan = build_plan(load_project(project), "staff", outputs=("site",))
    assert link(plan, "site") == "index.html"
    assert link(plan, "slides") is None
