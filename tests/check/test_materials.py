"""Check rule 'materials': an activity that talks about printed material lists it, in full."""

from __future__ import annotations

import pytest
from conftest import checked_files, checked_module, write_tree

from coursekit.check import check_project
from coursekit.load import load_project

MODULE = "modules/intro.md"
PAIRS_INSTRUCTIONS = "instructions: Talk with a partner about a time someone listened to you."
UNLISTED = (
    "but the activity lists no materials: add it under the module's 'materials' with its full "
    "content, and its id to this activity's 'materials'"
)


def materials_findings(tmp_path, module: str) -> list[tuple]:
    root = write_tree(tmp_path / "p", checked_files(module))
    found = check_project(load_project(root)).findings
    return [(f.path, f.line, f.field, f.severity, f.message) for f in found if f.rule == "materials"]


def line_of(text: str, snippet: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if snippet in line)


def test_the_clean_fixture_supplies_its_sheet(tmp_path):
    assert materials_findings(tmp_path, checked_module()) == []


@pytest.mark.parametrize(
    ("old", "new", "field", "word"),
    [
        (
            PAIRS_INSTRUCTIONS,
            "instructions: Use the fact cards with a partner.",
            "activities[0].instructions",
            "cards",
        ),
        (
            "alternative: Write your answer on a card instead.",
            "alternative: Read the sample contract instead.",
            "activities[0].alternative",
            "sample contract",
        ),
        (
            "facilitator_notes: Keep time and check in.",
            "facilitator_notes: Hand out the planning sheet.",
            "activities[0].facilitator_notes",
            "sheet",
        ),
        (
            "ways_to_contribute: [spoken, written]\n    audiences: [staff]",
            "ways_to_contribute: [spoken, written]\n    equipment: [One-page timeline]\n    audiences: [staff]",
            "activities[0].equipment[0]",
            "One-page timeline",
        ),
        (
            PAIRS_INSTRUCTIONS,
            "instructions: Read the handout with a partner.",
            "activities[0].instructions",
            "handout",
        ),
    ],
)
def test_a_mention_of_printed_material_with_none_listed_is_caught(tmp_path, old, new, field, word):
    module = checked_module((old, new))
    snippet = new.split("\n")[1] if "\n" in new else new
    assert materials_findings(tmp_path, module) == [
        (MODULE, line_of(module, snippet.strip()), field, "error", f"mentions {word!r} {UNLISTED}")
    ]


def test_stationery_and_what_participants_write_are_not_materials(tmp_path):
    module = checked_module(
        (
            "facilitator_notes: Keep time and check in.",
            "facilitator_notes: Bring blank cards and flip chart sheets. Read out anonymous cards if people agree.",
        )
    )
    assert materials_findings(tmp_path, module) == []


def test_an_audience_must_get_the_material_its_activity_uses(tmp_path):
    module = checked_module(
        ("    kind: sheet\n    audiences: [bosses]", "    kind: sheet\n    audiences: [staff]")
    )
    assert materials_findings(tmp_path, module) == [
        (
            MODULE,
            line_of(module, "materials: [meeting-sheet]"),
            "activities[1].materials[0]",
            "error",
            (
                "bosses gets this activity but not material 'meeting-sheet': add bosses to that material's "
                "'audiences', or leave its 'audiences' out"
            ),
        )
    ]
