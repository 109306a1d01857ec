"""Slots: {{ name }} placeholders an organisation fills in are declared."""

from __future__ import annotations

from checking import MODULE, findings, line_of
from conftest import checked_module


def test_slots_an_unknown_slot_is_an_error(tmp_path):
    module = checked_module(("Talk with a partner about", "Talk with a partner in {{ aera }} about"))
    found = [f for f in findings(tmp_path, module) if f.rule == "slots"]
    assert [(f.path, f.line, f.field, f.severity, f.message) for f in found] == [
        (
            MODULE,
            line_of(module, "{{ aera }}"),
            "activities[0].instructions",
            "error",
            (
                "unknown slot 'aera': use one of area, organisation, support, or declare it under 'slots' with "
                "what to fill in; did you mean 'area'?"
            ),
        )
    ]


def test_slots_a_declared_module_slot_passes(tmp_path):
    module = checked_module(
        ("Talk with a partner about", "Talk with a partner in {{ local-group }} about"),
        ("prerequisites: []", "prerequisites: []\nslots:\n  local-group: A group near you."),
    )
    assert [f for f in findings(tmp_path, module) if f.rule == "slots"] == []
