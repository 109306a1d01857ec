"""Who sees each text field: declared once on the schema, read by everything else."""

from __future__ import annotations

from coursekit.load import load_project
from coursekit.schema import Seen
from coursekit.textfields import text_fields


def fields_of(project):
    module = load_project(project).module("intro")
    return {f.loc: f for f in text_fields(module)}


def test_facilitator_notes_are_for_trainers_only(project):
    fields = fields_of(project)
    notes = fields[("activities", 0, "facilitator_notes")]
    assert notes.text.startswith("SECRET-FACILITATOR-NOTE")
    assert notes.shown.seen is Seen.TRAINER and not notes.learners_see
    assert fields[("activities", 0, "instructions")].learners_see


def test_items_carry_their_audiences(project):
    fields = fields_of(project)
    assert fields[("activities", 0, "instructions")].audiences == ("staff",)
    assert fields[("activities", 1, "instructions")].audiences == ("bosses",)
    assert fields[("audiences", "bosses", "focus")].audiences == ("bosses",)
    assert fields[("summary",)].audiences is None


def test_only_the_right_answer_asserts_facts(project):
    fields = fields_of(project)
    assert fields[("questions", 0, "options", 0, "text")].asserts
    assert not fields[("questions", 0, "options", 1, "text")].asserts
    assert fields[("questions", 0, "options", 1, "feedback")].asserts


def test_titles_and_outcomes_are_not_prose_claims(project):
    fields = fields_of(project)
    assert not fields[("title",)].shown.prose
    assert not fields[("outcomes", 0, "text")].asserts
    assert ("stories", 0, "corrections", 0) not in fields
