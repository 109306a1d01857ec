"""What a course says without one of its stories, gathered for the trainer before anyone says no."""

from __future__ import annotations

from conftest import one_module, timed_module, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.standins import stand_ins


def plan_of(tmp_path, module: str):
    return build_plan(load_project(write_tree(tmp_path / "p", one_module(module))), "staff")


def told_twice(tmp_path):
    """A module with two stories: a message, a page passage and an activity stand in for the first."""
    uses = {"story": "story-1", "if_withheld": {"title": "PLAIN-TASK-TITLE"}}
    module = timed_module(
        "a",
        stories=(40, 40),
        activities=(("talk", 30, uses),),
        key_messages=[
            {"text": "SAM-MESSAGE", "sources": ["example-story"], "story": "story-1"},
            {
                "text": "TWIN-MESSAGE",
                "sources": ["example-story"],
                "instead_of": "story-1",
                "script": "TWIN-SCRIPT Say it plainly.",
            },
            {"text": "OTHER-TWIN", "sources": ["example-story"], "instead_of": "story-2"},
        ],
    )
    return plan_of(tmp_path, module + "::: instead-of story-1\nTWIN-BODY\n:::\n")


def test_each_stand_in_for_a_story_is_gathered_with_its_module_kind_and_script(tmp_path):
    texts = stand_ins(told_twice(tmp_path), "story-1")
    assert [(t.module, t.kind, t.title, t.text, t.leave_out) for t in texts if t.leave_out] == [
        (1, "key message", "", "SAM-MESSAGE", True),
    ]
    texts = [t for t in texts if not t.leave_out]
    assert [(t.module, t.kind, t.title, t.text) for t in texts] == [
        (1, "key message", "", "TWIN-MESSAGE"),
        (1, "passage of page text", "", "TWIN-BODY"),
        (1, "activity", "PLAIN-TASK-TITLE", "Talk with a partner about it."),
    ]
    assert texts[0].script == "TWIN-SCRIPT Say it plainly."


def test_another_story_s_stand_ins_are_not_gathered(tmp_path):
    texts = stand_ins(told_twice(tmp_path), "story-2")
    assert [t.text for t in texts] == ["OTHER-TWIN"]


def test_text_tied_to_a_story_with_nothing_in_its_place_is_named_by_how_it_starts(tmp_path):
    words = " ".join(f"w{n}" for n in range(20))
    module = timed_module(
        "a", stories=(40,), key_messages=[{"text": words, "sources": ["example-story"], "story": "story-1"}]
    )
    [left] = stand_ins(
        plan_of(tmp_path, module + "::: story story-1\nSAM-BODY Sam spoke.\n:::\n"), "story-1"
    )[:1]
    assert (left.kind, left.text, left.leave_out) == (
        "key message",
        " ".join(f"w{n}" for n in range(14)) + " ...",
        True,
    )


def test_a_story_nothing_stands_in_for_gathers_nothing(tmp_path):
    assert stand_ins(plan_of(tmp_path, timed_module("a", stories=(40,))), "story-1") == ()
