"""Did-you-mean suggestions, one helper for every message."""

from __future__ import annotations

from coursekit.suggest import closest, did_you_mean


def test_a_close_name_is_suggested():
    assert closest("comissioners", ["commissioners", "frontline-staff"]) == "commissioners"
    assert (
        did_you_mean("facilitator_note", ["facilitator_notes", "focus"])
        == "; did you mean 'facilitator_notes'?"
    )


def test_nothing_is_suggested_when_nothing_is_close():
    assert closest("zzz", ["commissioners"]) is None
    assert did_you_mean("zzz", ["commissioners"]) == ""
