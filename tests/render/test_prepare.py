"""What to print and gather: copies per group size, materials in order of use, nothing lost."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import SOURCES, audience_text, module_text, timed_module, valid_files, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render import prepare
from coursekit.timeline import Sitting, TimeSettings, build_timeline

SPARE_MATERIAL = """\
  - id: spare-sheet
    title: Spare sheet
    kind: sheet
    copies: per-room
    text: A sheet no activity names yet.
glossary:
"""


@pytest.mark.parametrize(
    ("copies", "participants", "count"),
    [
        ("per-person", 12, 12),
        ("per-pair", 12, 6),
        ("per-pair", 13, 7),
        ("per-group", 12, 4),
        ("per-group", 13, 5),
        ("per-room", 30, 1),
    ],
)
def test_copies_needed(copies, participants, count):
    assert prepare.copies_needed(copies, participants) == count


def test_materials_in_order_of_use_then_any_no_activity_names(tmp_path):
    module = module_text().replace("glossary:\n", SPARE_MATERIAL, 1)
    root = write_tree(tmp_path / "p", dict(valid_files(), **{"modules/intro.md": module}))
    view = build_plan(load_project(root), "staff").modules[0]
    assert [(m.id, [a.id for a in used]) for m, used in prepare.materials_of(view)] == [
        ("listening-cards", ["pairs"]),
        ("spare-sheet", []),
    ]
    plan = build_plan(load_project(root), "staff")
    assert [(i.title, i.count) for i in prepare.print_list(plan, participants=8)][3:] == [
        ("Listening cards", 4),
        ("Spare sheet", 1),
    ]


def test_what_only_a_dropped_extra_uses_is_not_printed_or_gathered(tmp_path):
    extra = {"optional": True, "materials": ["extra-cards"], "equipment": ["Coloured dots"]}
    module = timed_module("a", activities=(("main", 30, {}), ("extra", 20, extra))).replace(
        "stories: []\n",
        "stories: []\nmaterials:\n  - id: extra-cards\n    title: Extra cards\n    kind: cards\n"
        "    copies: per-group\n    text: Cards for the extra.\n",
    )
    files = {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    assert "Extra cards" in [item.title for item in prepare.print_list(plan)]
    assert prepare.equipment(plan) == [("Coloured dots", ["Activity extra"])]
    timed = build_timeline(plan, TimeSettings((Sitting("Day", dt.time(9, 30), 60),)))
    assert [t.item_id for t in timed.trims] == ["extra"]
    planned = dataclasses.replace(plan, timeline=timed)
    assert "Extra cards" not in [item.title for item in prepare.print_list(planned)]
    assert prepare.equipment(planned) == []
