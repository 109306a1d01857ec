"""Constructive alignment and counts per audience."""

from __future__ import annotations

import re

from checking import MODULE, caught, findings, line_of
from conftest import checked_module


def test_alignment_gaps(tmp_path):
    module = checked_module(
        (
            "    outcomes: [describe]\n    options:\n      - text: People know",
            "    outcomes: [plan]\n    options:\n      - text: People know",
        ),
        ("    outcomes: [describe, plan, name]\n    instructions: Work out", "    instructions: Work out"),
    )
    found = findings(tmp_path, module)
    rules = sorted((f.field, f.message.split(":")[0]) for f in found if f.rule == "alignment")
    assert rules == sorted(
        [
            ("activities[1].outcomes", "activity serves no outcome"),
            ("outcomes[0]", "bosses sees outcome 'describe' but gets no activity for it"),
            ("outcomes[0]", "bosses sees outcome 'describe' but gets no question for it"),
            ("outcomes[0]", "staff sees outcome 'describe' but gets no question for it"),
            ("outcomes[1]", "bosses sees outcome 'plan' but gets no activity for it"),
            ("outcomes[2]", "bosses sees outcome 'name' but gets no activity for it"),
        ]
    )


def test_outcome_and_question_counts_per_audience(tmp_path):
    module = checked_module(
        (
            "  - id: name\n    text: Name two people who should be in the room.\n",
            ("  - id: name\n    text: Name two people who should be in the room.\n    audiences: [staff]\n"),
        ),
        ("  - id: q-name\n", "  - id: q-name\n    audiences: [staff]\n"),
    )
    found = findings(tmp_path, module)
    bosses = (MODULE, line_of(module, "  bosses:"), "audiences.bosses", "warning")
    assert caught(found, "outcome-count") == [bosses]
    assert caught(found, "question-count") == [bosses]


def test_an_outcome_reached_only_in_optional_activities(tmp_path):
    module = checked_module(
        ("    minutes: 30\n    type: pairs", "    minutes: 30\n    type: pairs\n    optional: true")
    )
    found = [f for f in findings(tmp_path, module) if f.rule == "alignment"]
    assert caught(found, "alignment") == [
        (MODULE, line_of(module, "  - id: describe"), "outcomes[0]", "warning"),
        (MODULE, line_of(module, "  - id: plan"), "outcomes[1]", "warning"),
        (MODULE, line_of(module, "  - id: name"), "outcomes[2]", "warning"),
    ]
    assert found[0].message == (
        "staff reaches outcome 'describe' only in optional activities, which a plan drops first: serve it in "
        "a core activity, or drop the outcome"
    )


def test_an_item_for_no_audience_is_a_warning(tmp_path):
    module = checked_module(("    audiences: [bosses]\nstories:", "    audiences: []\nstories:"))
    found = [f for f in findings(tmp_path, module) if f.rule == "no-audience"]
    assert [(f.field, f.severity) for f in found] == [("activities[1].audiences", "warning")]
    assert found[0].message == (
        "is empty, so no course shows this item: list the audiences it is for, or delete it"
    )


def _third_option(module: str, text: str) -> str:
    """Give every question a third, wrong option of the given text."""
    return re.sub(
        r"(        correct: true\n        feedback: .*\n)",
        rf"\1      - text: {text}\n        feedback: No.\n",
        module,
    )


def test_right_answers_that_are_mostly_the_longest_option_are_a_warning(tmp_path):
    module = _third_option(checked_module(), "Luck.")
    found = findings(tmp_path, module)
    assert caught(found, "answer-length-cue") == [
        (MODULE, line_of(module, f"  {audience}:"), f"audiences.{audience}", "warning")
        for audience in ("staff", "bosses")
    ]
    assert "the right answer is the longest option in 3 of 3 questions" in next(
        f.message for f in found if f.rule == "answer-length-cue"
    )


def test_wrong_answers_as_full_as_the_right_one_pass(tmp_path):
    module = _third_option(checked_module(), "Because a manager asked us to, and the form says we must.")
    assert caught(findings(tmp_path, module), "answer-length-cue") == []
