"""The time model: clock times, breaks, lunch, the buffer, trimming and multi-part sessions. Pure."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SOURCES, audience_text, timed_module, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.timeline import (
    BreakAt,
    DoesNotFit,
    Sitting,
    TimeSettings,
    apply_cuts,
    break_every,
    build_timeline,
    min_minutes,
    natural_settings,
)

NINE_THIRTY = dt.time(9, 30)


def plan_of(tmp_path, modules: dict[str, str], audience: str = "staff"):
    files = {f"modules/{name}.md": text for name, text in modules.items()}
    files[f"audiences/{audience}.yml"] = audience_text(audience, "[" + ", ".join(modules) + "]")
    files["sources.yml"] = SOURCES
    return build_plan(load_project(write_tree(tmp_path / "p", files)), audience)


def one_part(minutes: int | None, **options) -> TimeSettings:
    return TimeSettings((Sitting("Day", NINE_THIRTY, minutes),), **options)


def rows(part) -> list[tuple[str, str, int]]:
    return [(at.strftime("%H:%M"), block.kind, block.minutes) for at, block in part.times()]


def longest_stretch(part) -> int:
    """Longest run of minutes on the clock without a break or lunch."""
    longest = run = 0
    for block in part.blocks:
        run = 0 if block.kind in ("break", "lunch") else run + block.minutes
        longest = max(longest, run)
    return longest


def test_clock_times_and_the_total(tmp_path):
    plan = plan_of(tmp_path, {"a": timed_module("a")})
    part = build_timeline(plan, one_part(90)).parts[0]
    assert rows(part) == [  # a part under 2 hours opens and closes in 5 minutes
        ("09:30", "welcome", 5),
        ("09:35", "check-in", 5),
        ("09:40", "input", 5),
        ("09:45", "activity", 30),
        ("10:15", "buffer", 40),
        ("10:55", "check-out", 5),
    ]
    assert part.end == dt.time(11, 0)
    assert part.minutes == 90


def test_spare_time_counts_on_the_clock_so_a_two_hour_part_has_a_break(tmp_path):
    part = build_timeline(plan_of(tmp_path, {"a": timed_module("a")}), one_part(120)).parts[0]
    assert [b.kind for b in part.blocks].count("break") == 1
    assert longest_stretch(part) <= 90
    assert part.minutes == 120


def test_every_block_of_a_module_gets_time(tmp_path):
    module = timed_module("a", questions=3, reflection=True, stories=(390,), activities=(("talk", 20, {}),))
    timeline = build_timeline(plan_of(tmp_path, {"a": module}), one_part(120))
    kinds = {b.kind: b.minutes for b in timeline.blocks}
    assert kinds["story"] == 3  # 390 words read aloud at 130 a minute
    assert kinds["check"] == 3  # a minute a question
    assert kinds["reflection"] == 5
    assert kinds["input"] == 5  # the module's 20 minutes are all activity: the 5-minute minimum


def test_a_story_an_activity_uses_is_read_in_its_time_not_in_a_block_of_its_own(tmp_path):
    uses = {"story": "story-1", "if_withheld": {"instructions": "Talk about a time you were heard."}}
    module = timed_module("a", stories=(390,), activities=(("talk", 20, uses),))
    timeline = build_timeline(plan_of(tmp_path, {"a": module}), one_part(120))
    assert "story" not in {b.kind for b in timeline.blocks}


def test_a_story_title_wrapped_over_two_lines_of_instructions_is_still_read_in_the_activity(tmp_path):
    instructions = {"instructions": "Read the story 'Story\n1' and talk."}
    module = timed_module("a", stories=(390,), activities=(("talk", 20, instructions),))
    timeline = build_timeline(plan_of(tmp_path, {"a": module}), one_part(120))
    assert "story" not in {b.kind for b in timeline.blocks}


def test_a_story_read_only_in_an_extra_the_plan_drops_gets_its_own_time(tmp_path):
    extra = {"optional": True, "instructions": "Read 'Story 1' and talk."}
    module = timed_module("a", stories=(390,), activities=(("core", 20, {}), ("extra", 30, extra)))
    timeline = build_timeline(plan_of(tmp_path, {"a": module}), one_part(60))
    assert "extra" not in {b.item_id for b in timeline.blocks}
    assert [b.item_id for b in timeline.blocks if b.kind == "story"] == ["story-1"]


def test_a_story_is_read_by_the_co_trainer_unless_it_says_who_reads_it(tmp_path):
    module = timed_module("a", stories=(100, 100))
    module = module.replace("- id: story-2\n", "- id: story-2\n  read_by: lead\n")
    timeline = build_timeline(plan_of(tmp_path, {"a": module}), one_part(120))
    readers = {b.item_id: b.lead for b in timeline.blocks if b.kind == "story"}
    assert readers == {"story-1": "co-trainer", "story-2": "lead"}


def test_breaks_go_at_module_boundaries_at_least_every_90_minutes(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 40, {}),)) for m in "abc"}
    part = build_timeline(plan_of(tmp_path, modules), one_part(240)).parts[0]
    assert [b.kind for b in part.blocks] == [
        "welcome",
        "check-in",
        "input",
        "activity",
        "buffer",
        "break",
        "input",
        "activity",
        "buffer",
        "break",
        "input",
        "activity",
        "buffer",
        "check-out",
    ]
    assert [b.minutes for b in part.blocks if b.kind == "break"] == [15, 15]
    assert [b.minutes for b in part.blocks if b.kind == "buffer"] == [19, 13, 13]  # 45, by teaching time
    assert longest_stretch(part) <= 90
    assert part.minutes == 240


def test_groups_of_people_with_lived_experience_break_every_60_minutes(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 25, {}),)) for m in "abcd"}
    plan = plan_of(tmp_path, modules)
    assert longest_stretch(build_timeline(plan, one_part(240)).parts[0]) > 60
    part = build_timeline(plan, one_part(240, break_every=60)).parts[0]
    assert longest_stretch(part) <= 60
    assert part.minutes == 240


def test_online_sessions_have_longer_changeovers_and_a_break_every_60_minutes(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 15, {}),)) for m in "abcdef"}
    part = build_timeline(plan_of(tmp_path, modules), one_part(240, mode="online")).parts[0]
    assert {b.minutes for b in part.blocks if b.kind == "changeover"} == {5}
    assert {b.minutes for b in part.blocks if b.kind == "break"} == {10}
    assert longest_stretch(part) <= 60


def test_online_breaks_replace_changeovers_rather_than_part_an_input_from_its_task(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 30, {}),)) for m in "abcd"}
    part = build_timeline(plan_of(tmp_path, modules), one_part(None, mode="online")).parts[0]
    kinds = [b.kind for b in part.blocks]
    after_breaks = [kinds[i + 1] for i, kind in enumerate(kinds) if kind == "break"]
    assert after_breaks == ["input", "input", "input"]  # every module starts after a break
    assert "changeover" not in kinds
    assert longest_stretch(part) <= 60


def test_online_a_module_longer_than_the_hour_breaks_between_its_tasks(tmp_path):
    talks = ((f"talk-{n}", 25, {}) for n in range(2))
    plan = plan_of(tmp_path, {"a": timed_module("a", activities=tuple(talks))})
    part = build_timeline(plan, one_part(None, mode="online")).parts[0]
    kinds = [b.kind for b in part.blocks]
    assert kinds.count("break") == 1
    before_break = [b for b in kinds[: kinds.index("break")] if b != "buffer"][-1]
    assert before_break == "activity"  # not straight after the opening or the input
    assert longest_stretch(part) <= 60


def test_in_person_breaks_keep_their_rule(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 30, {}),)) for m in "abcd"}
    part = build_timeline(plan_of(tmp_path, modules), one_part(None)).parts[0]
    assert "changeover" in [b.kind for b in part.blocks]  # in the room, modules still change over


@pytest.mark.parametrize(("minutes", "lunch"), [(299, []), (300, [30]), (360, [45])])
def test_lunch_on_a_part_of_five_hours_or_more(tmp_path, minutes, lunch):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 40, {}),)) for m in "abcd"}
    part = build_timeline(plan_of(tmp_path, modules), one_part(minutes)).parts[0]
    assert [b.minutes for b in part.blocks if b.kind == "lunch"] == lunch
    assert part.minutes == minutes


def test_the_buffer_takes_the_remainder_and_is_at_least_10_percent(tmp_path):
    plan = plan_of(tmp_path, {"a": timed_module("a")})
    for minutes in (73, 100, 300):
        part = build_timeline(plan, one_part(minutes)).parts[0]
        buffer = next(b.minutes for b in part.blocks if b.kind == "buffer")
        assert part.minutes == minutes
        assert buffer >= minutes // 10


def test_a_natural_plan_is_as_long_as_its_content_with_a_10_percent_buffer(tmp_path):
    timeline = build_timeline(plan_of(tmp_path, {"a": timed_module("a")}), natural_settings())
    buffer = next(b.minutes for b in timeline.blocks if b.kind == "buffer")
    assert timeline.minutes == 65 + 7  # 65 minutes of blocks; 7 is about 10% of 72
    assert buffer == 7


def test_fixed_breaks_go_at_the_nearest_boundary(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 40, {}),)) for m in "ab"}
    sitting = Sitting("Day", NINE_THIRTY, 150, breaks=(BreakAt(after_minutes=60, minutes=20),))
    part = build_timeline(plan_of(tmp_path, modules), TimeSettings((sitting,))).parts[0]
    assert ("10:35", "break", 20) in rows(part)  # the boundary after module a (65 minutes in)
    assert [b.kind for b in part.blocks].count("break") == 1


# --- trimming --------------------------------------------------------------------------------

TRIMMABLE = timed_module("a", questions=5, activities=(("warm-up", 10, {"optional": True}), ("main", 30, {})))
"""Short parts open and close in 5 minutes: 5 + 5 + input 5 + 10 + 30 + check 5 + check-out 5 = 65."""


@pytest.mark.parametrize(
    ("minutes", "cut"),
    [
        (80, []),
        (70, ["dropped the optional activity 'Activity warm-up' (Module a, 10 min)"]),
        (
            60,
            [
                "dropped the optional activity 'Activity warm-up' (Module a, 10 min)",
                "shortened 'Activity main' (Module a) from 30 to 20 min",
            ],
        ),
        (
            48,
            [
                "dropped the optional activity 'Activity warm-up' (Module a, 10 min)",
                "shortened 'Activity main' (Module a) from 30 to 20 min",
                "moved the knowledge check of 'Module a' (5 questions) to after the session, on the site",
            ],
        ),
    ],
)
def test_trimming_order_and_what_was_cut(tmp_path, minutes, cut):
    timeline = build_timeline(plan_of(tmp_path, {"a": TRIMMABLE}), one_part(minutes))
    assert list(timeline.cut) == cut
    assert timeline.minutes == minutes


def test_the_trimmed_plan_runs_what_the_timeline_says(tmp_path):
    plan = plan_of(tmp_path, {"a": TRIMMABLE})
    timeline = build_timeline(plan, one_part(60))
    trimmed = apply_cuts(plan, timeline)
    assert [(a.id, a.minutes) for a in trimmed.modules[0].activities] == [("main", 20)]
    assert trimmed.timeline is timeline
    assert [b.item_id for b in timeline.blocks if b.kind == "activity"] == ["main"]


def test_declared_minimum_minutes_are_used():
    class Activity:
        minutes, min_minutes = 30, None

    assert min_minutes(Activity) == 20
    Activity.min_minutes = 25
    assert min_minutes(Activity) == 25
    Activity.minutes, Activity.min_minutes = 12, None
    assert min_minutes(Activity) == 10


def test_when_nothing_fits_it_says_which_modules_to_drop(tmp_path):
    modules = {
        "a": TRIMMABLE,
        "b": timed_module("b", activities=(("b-talk", 20, {}),)),
        "c": timed_module("c", activities=(("c-talk", 45, {}),)),
    }
    with pytest.raises(DoesNotFit) as caught:
        build_timeline(plan_of(tmp_path, modules), one_part(70))
    assert caught.value.message == (
        "the content needs about 123 min but the part has 70 min, even with optional activities dropped, "
        "activities at their minimum and checks moved after the session: drop module 'c' (45 min of "
        "teaching) from 'modules', or make the part about 123 min"
    )


def test_when_even_one_module_does_not_fit_it_says_how_long_the_part_must_be(tmp_path):
    with pytest.raises(DoesNotFit) as caught:
        build_timeline(plan_of(tmp_path, {"a": TRIMMABLE}), one_part(40))
    assert caught.value.message.endswith("checks moved after the session: make the part about 45 min")


# --- several parts ---------------------------------------------------------------------------


def test_parts_fill_in_order_and_modules_never_split(tmp_path):
    modules = {
        "a": timed_module("a", activities=(("a-talk", 40, {}),)),
        "b": timed_module("b", activities=(("b-talk", 30, {}),)),
    }
    follow_up = Sitting("Follow-up", dt.time(14, 0), 60, date=dt.date(2027, 2, 26))
    settings = TimeSettings((Sitting("Half day", NINE_THIRTY, 120), follow_up))
    first, second = build_timeline(plan_of(tmp_path, modules), settings).parts
    assert first.module_ids == ("a",) and second.module_ids == ("b",)
    assert next(b.title for b in second.blocks) == "Welcome back and check-in"
    assert [b.kind for b in first.blocks][-1] == [b.kind for b in second.blocks][-1] == "check-out"
    assert (second.start, second.date, second.end) == (dt.time(14, 0), dt.date(2027, 2, 26), dt.time(15, 0))
    assert (first.minutes, second.minutes) == (120, 60)


def test_a_part_may_name_its_own_modules(tmp_path):
    modules = {m: timed_module(m, activities=((f"{m}-talk", 20, {}),)) for m in "abc"}
    settings = TimeSettings(
        (Sitting("Morning", NINE_THIRTY, 120), Sitting("Later", dt.time(14, 0), 90, modules=("a",)))
    )
    first, second = build_timeline(plan_of(tmp_path, modules), settings).parts
    assert first.module_ids == ("b", "c") and second.module_ids == ("a",)


# --- who leads -------------------------------------------------------------------------------


def test_leads_follow_led_by_and_share_the_rest(tmp_path):
    module = timed_module(
        "a",
        activities=(
            ("one", 10, {"led_by": "co-trainer"}),
            ("two", 10, {}),
            ("three", 10, {}),
            ("four", 10, {"led_by": "lead"}),
        ),
    )
    plan = plan_of(tmp_path, {"a": module})
    named = build_timeline(plan, one_part(120, lead="Priya", co_trainer="Dan"))
    assert [b.lead for b in named.blocks if b.kind == "activity"] == ["Dan", "Priya", "Dan", "Priya"]
    alone = build_timeline(plan, one_part(120, lead="Priya", co_trainer=None))
    assert {b.lead for b in alone.blocks if b.lead} == {"Priya"}


def test_people_with_lived_experience_and_audiences_based_on_them_break_every_60_minutes():
    assert break_every("lived-experience-members") == 60
    assert break_every("peer-mentors", "lived-experience-members") == 60
    assert break_every("frontline-staff", None) == 90


def test_a_long_course_that_cannot_fit_names_modules_to_drop_without_searching_forever(tmp_path):
    """40 modules in 60 minutes: naming the fewest to drop by trying every set would never end."""
    import subprocess
    import sys

    from conftest import audience_text, module_text, valid_files, write_tree

    files = valid_files()
    ids = [f"m{n:02d}" for n in range(40)]
    for module_id in ids:
        files[f"modules/{module_id}.md"] = module_text(module_id, f"Module {module_id}")
    files["audiences/staff.yml"] = audience_text("staff", "[" + ", ".join(ids) + "]")
    root = write_tree(tmp_path / "p", files)
    script = (
        "from pathlib import Path\nfrom coursekit.load import load_project\nfrom coursekit.plan import build_plan\n"
        "from coursekit import timeline\nimport datetime as dt\n"
        "plan = build_plan(load_project(Path('.')), 'staff')\n"
        "settings = timeline.TimeSettings((timeline.Sitting('x', dt.time(9, 30), 60),))\n"
        "try:\n    timeline.build_timeline(plan, settings)\nexcept timeline.DoesNotFit as exc:\n    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert "drop modules" in result.stdout, result.stdout + result.stderr


def test_checks_for_reading_afterwards_get_no_time_in_the_room(tmp_path):
    plan = plan_of(tmp_path, {"a": timed_module("a", questions=5)})
    in_room = build_timeline(plan, one_part(None))
    afterwards = build_timeline(plan, one_part(None, checks_in_room=False))
    assert "check" in [b.kind for b in in_room.blocks]
    assert "check" not in [b.kind for b in afterwards.blocks]
    assert afterwards.cut == ()


def test_an_outcome_only_a_dropped_activity_served_leaves_the_trimmed_plan(tmp_path):
    outcomes = [
        {"id": "describe", "text": "Describe one benefit of working together."},
        {"id": "plan", "text": "Plan one small step."},
    ]
    module = timed_module(
        "a",
        activities=(("main", 30, {}), ("extra", 20, {"optional": True, "outcomes": ["plan"]})),
        outcomes=outcomes,
    )
    plan = plan_of(tmp_path, {"a": module})
    assert [o.id for o in apply_cuts(plan, build_timeline(plan, one_part(None))).modules[0].outcomes] == [
        "describe",
        "plan",
    ]
    trimmed = apply_cuts(plan, build_timeline(plan, one_part(60)))
    assert [o.id for o in trimmed.modules[0].outcomes] == ["describe"]


def test_an_activity_both_trainers_lead_names_them_both(tmp_path):
    plan = plan_of(tmp_path, {"a": timed_module("a", activities=(("talk", 30, {"led_by": "both"}),))})
    [talk] = [b for b in build_timeline(plan, one_part(None)).blocks if b.kind == "activity"]
    assert talk.lead == "lead and co-trainer"
    alone = build_timeline(plan, one_part(None, co_trainer=None))
    assert [b.lead for b in alone.blocks if b.kind == "activity"] == ["lead"]


def test_key_messages_with_their_own_speaker_split_the_input_into_turns(tmp_path):
    words = " ".join(["word"] * 130)
    messages = [
        {"text": "The offer.", "sources": ["example-story"], "script": words, "led_by": "co-trainer"},
        {"text": "How it counts.", "sources": ["example-story"], "script": words + " " + words},
    ]
    plan = plan_of(tmp_path, {"a": timed_module("a", key_messages=messages)})
    inputs = [b for b in build_timeline(plan, one_part(None)).blocks if b.kind == "input"]
    assert [(b.lead, b.minutes) for b in inputs] == [("co-trainer", 2), ("lead", 3)]  # 2 + 3 scripted
    assert inputs[1].title.endswith("teaching input, continued")


def test_one_speaker_gives_one_input_block(tmp_path):
    messages = [{"text": "The offer.", "sources": ["example-story"], "script": "Say it.", "led_by": "lead"}]
    plan = plan_of(tmp_path, {"a": timed_module("a", key_messages=messages)})
    assert [b.kind for b in build_timeline(plan, one_part(None)).blocks].count("input") == 1
