"""One problem type: its text, its order and its plain-data form."""

from __future__ import annotations

from coursekit.errors import ContentError, Problem


def test_a_load_problem_reads_file_line_field_message():
    problem = Problem("modules/a.md", 12, "activities[0].minutes", "must be a whole number, not 'ten'")
    assert str(problem) == "modules/a.md: line 12: activities[0].minutes: must be a whole number, not 'ten'"


def test_a_check_problem_names_its_rule():
    problem = Problem(
        "modules/a.md", 3, "outcomes[0].text", "uses 'understand'", "G4-outcome-verb", "warning"
    )
    assert str(problem).endswith("uses 'understand' [G4-outcome-verb]")
    assert problem.as_dict()["severity"] == "warning"


def test_content_errors_are_sorted_and_without_repeats():
    late = Problem("modules/b.md", 1, None, "late")
    early = Problem("modules/a.md", 9, None, "early")
    error = ContentError([late, early, late])
    assert error.lines() == ["modules/a.md: line 9: early", "modules/b.md: line 1: late"]
