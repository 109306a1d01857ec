"""What to print and gather: copies per group size, materials in order of use, nothing lost."""

from __future__ import annotations

import pytest
from conftest import module_text, valid_files, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render import prepare

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
