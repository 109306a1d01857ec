"""G1 third parties: people named in passing in the sources are found by any form of their name."""

from __future__ import annotations

import datetime as dt

import pytest
from checking import MODULE, caught, findings, line_of
from conftest import CHECKED_MODULE, checked_files, checked_module, write_tree

from coursekit.check import check_project
from coursekit.load import load_project

STORY = "helped to change a service."


@pytest.mark.parametrize("name", ["Bill Bamber", "Dr Bamber", "Bamber's", "Robin Williams", "Porchlight"])
def test_a_third_party_is_found_by_a_variant_of_the_name(tmp_path, name):
    module = checked_module((STORY, f"{STORY}\n      Later, {name} backed him."))
    assert caught(findings(tmp_path, module), "G1-third-party") == [
        (MODULE, line_of(module, name), "stories[0].text", "error")
    ]


def test_a_different_person_with_a_shared_first_name_passes(tmp_path):
    module = checked_module((STORY, f"{STORY}\n      Later, Bill from the council backed him."))
    assert caught(findings(tmp_path, module), "G1-third-party") == []


# --- G1, own words and review dates (from the first checker) ----------------------------------------

WYFI = "      WY-FI held an employment event to write principles for recovery-friendly workplaces.\n"


def test_g1_a_story_without_consent_metadata_is_a_load_error(cli, tmp_path):
    consent = (
        "    consent:\n      status: published-public\n      covers: [site, slides, print]\n"
        "      recorded_by: Test team\n      recorded_on: 2026-11-01\n      review_by: 2027-11-01\n"
        "      attribution_form: First name only.\n"
    )
    module = checked_module(
        (consent, ""),
        (
            "Sam joined a group and helped to change a service.",
            "Anthony was abused by gangsters and feared for his life.",
        ),
    )
    root = write_tree(tmp_path / "p", checked_files(module))
    result = cli(["check"], root)
    assert result.exit_code == 1
    story_line = line_of(module, "- id: sams-story")
    assert result.stderr.splitlines() == [
        f"Error: {MODULE}: line {story_line}: stories[0].consent: is required but missing; add it",
        "1 problem found; nothing was built or changed.",
    ]


def test_g1_a_story_source_must_be_traceable(tmp_path):
    files = checked_files()
    files["sources.yml"] += (
        "  - id: a-framework\n    title: A framework\n    author: Someone\n"
        '    date: "2020"\n    kind: framework\n'
    )
    module = checked_module(("    source: example-story\n", "    source: a-framework\n"))
    files[MODULE] = module
    found = check_project(load_project(write_tree(tmp_path / "p", files))).findings
    assert caught(found, "G1-story-source") == [
        (MODULE, line_of(module, "source: a-framework"), "stories[0].source", "error")
    ]


def test_g1_third_parties_named_in_the_sources_are_caught(tmp_path):
    module = checked_module(
        (
            "helped to change a service.",
            ("helped to change a service.\n      His psychiatrist, Bill Bamber, backed him."),
        )
    )
    assert caught(findings(tmp_path, module), "G1-third-party") == [
        (MODULE, line_of(module, "Bill Bamber"), "stories[0].text", "error")
    ]


def test_g1_invented_outcomes_for_the_wyfi_employment_event(tmp_path):
    story = "    text: |\n" + WYFI + "      As a result, 12 employers signed up and 30 people found work.\n"
    module = checked_module(("    text: Sam joined a group and helped to change a service.\n", story))
    found = findings(tmp_path, module)
    assert caught(found, "G1-invented-outcome") == [
        (MODULE, line_of(module, "As a result"), "stories[0].text", "error")
    ]


def test_g1_saying_the_outcomes_are_missing_is_not_an_invented_outcome(tmp_path):
    story = "    text: |\n" + WYFI + "      The leaflet lists no outcomes, so nobody knows what it led to.\n"
    module = checked_module(("    text: Sam joined a group and helped to change a service.\n", story))
    assert caught(findings(tmp_path, module), "G1-invented-outcome") == []


def test_text_copied_from_a_source_transcript(tmp_path):
    sources = write_tree(
        tmp_path / "sources",
        {"s1.txt": "um so yeah Sam joined a group and helped to change a service you know"},
    )
    assert caught(findings(tmp_path, CHECKED_MODULE), "own-words") == []
    found = findings(tmp_path, CHECKED_MODULE, sources_dir=sources)
    assert caught(found, "own-words") == [
        (MODULE, line_of(CHECKED_MODULE, "Sam joined a group"), "stories[0].text", "warning")
    ]
    assert "source s1.txt" in found[0].message


def test_a_past_review_date(tmp_path):
    found = findings(tmp_path, CHECKED_MODULE, today=dt.date(2100, 1, 1))
    assert caught(found, "review-date") == [
        (MODULE, line_of(CHECKED_MODULE, "review_date:"), "review_date", "warning")
    ]


def test_a_citation_written_by_hand_is_a_warning(tmp_path):
    module = checked_module(
        ("facilitator_notes: Keep time and check in.", "facilitator_notes: Pay people (SCIE, 2021).")
    )
    found = [f for f in findings(tmp_path, module) if f.rule == "citation-by-hand"]
    assert [(f.field, f.severity) for f in found] == [("activities[0].facilitator_notes", "warning")]
    assert found[0].message.startswith("cites '(SCIE, 2021)' by hand: write [@source-id] instead")


def test_a_citation_written_by_hand_in_an_audience_file_is_a_warning(tmp_path):
    files = checked_files()
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace(
        "tone: Warm.", "tone: Warm. Pay people, as national guidance asks (SCIE, 2021)."
    )
    assert "(SCIE, 2021)" in files["audiences/staff.yml"]
    found = [
        f
        for f in check_project(load_project(write_tree(tmp_path / "p", files))).findings
        if f.rule == "citation-by-hand"
    ]
    assert [(f.path, f.field, f.severity) for f in found] == [("audiences/staff.yml", "tone", "warning")]


def test_nothing_is_dated_after_today(tmp_path):
    import datetime as dt

    from checking import check_files
    from conftest import checked_files

    found = findings(tmp_path / "a", today=dt.date(2026, 11, 10))
    assert [(f.field, f.rule) for f in found if f.rule == "future-date"] == [("updated", "future-date")]
    assert "updated on 2026-11-22, after today (2026-11-10)" in next(
        f.message for f in found if f.rule == "future-date"
    )
    files = checked_files()
    files["sources.yml"] = files["sources.yml"].replace(
        "kind: story", "kind: story\n    accessed: 2026-12-25", 1
    )
    later = check_files(tmp_path / "b", files, today=dt.date(2026, 11, 30))
    assert [(f.path, f.field) for f in later if f.rule == "future-date"] == [
        ("sources.yml", "example-story.accessed")
    ]


def test_a_story_s_corrections_are_trainer_text_held_to_its_own_words(tmp_path):
    sources = write_tree(
        tmp_path / "sources",
        {"s1.txt": "um he said the other lot were driving him round the bend at the time you know"},
    )
    quoted = "'the other lot were driving him round the bend at the time' is about people"
    module = CHECKED_MODULE.replace(
        "    text: Sam joined a group", f'    corrections:\n      - "{quoted}"\n    text: Sam joined a group'
    )
    found = findings(tmp_path, module, sources_dir=sources)
    assert caught(found, "own-words") == [
        (MODULE, line_of(module, quoted), "stories[0].corrections[0]", "warning")
    ]
