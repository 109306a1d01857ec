"""`coursekit check`: one flawed fixture per gate and per check, caught with its file, line and rule."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import CHECKED_MODULE, checked_files, checked_module, write_tree

from coursekit.check import check_project
from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.readability import plain

MODULE = "modules/intro.md"
SHARED_SOURCES = builtin_root().parent / "shared" / "sources"

LONG_SENTENCES = (
    "Organisational transformation necessitates comprehensive reconsideration of institutional "
    "accountability frameworks, particularly regarding participatory governance arrangements "
    "incorporating experiential knowledge. Consequently, commissioning organisations should "
    "systematically operationalise deliberative methodologies, evaluating intersectional "
    "considerations alongside established performance management infrastructures. "
)
VAGUE = ("text: Describe one benefit of working together.", "text: Understand co-production.")
WYFI = "      WY-FI held an employment event to write principles for recovery-friendly workplaces.\n"


def with_body(markdown: str) -> str:
    """Return the checked module with Markdown added to the end of its shared body."""
    return CHECKED_MODULE.replace("\n::: only bosses", f"\n{markdown}\n\n::: only bosses")


def findings(tmp_path: Path, module: str, **options) -> list:
    """Check a project whose only module is `module`; return its findings."""
    root = write_tree(tmp_path / "project", checked_files(module))
    return list(check_project(load_project(root), **options).findings)


def line_of(text: str, snippet: str) -> int:
    """Return the 1-based line of the file text where the snippet first appears."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if snippet in line)


def caught(found: list, rule: str) -> list[tuple]:
    """Return (path, line, field, severity) of every finding of a rule."""
    return [(f.path, f.line, f.field, f.severity) for f in found if f.rule == rule]


def test_the_clean_fixture_passes_strict(cli, tmp_path):
    root = write_tree(tmp_path / "p", checked_files())
    result = cli(["check", "--strict"], root)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "Checked 3 files: 0 errors, 0 warnings; passed (strict).\n"


# --- hard gates ----------------------------------------------------------------------------------

def test_g1_a_story_without_consent_metadata_is_a_load_error(cli, tmp_path):
    consent = ("    consent:\n      status: published-public\n      covers: [site, slides, print]\n"
               "      recorded_by: Test team\n      recorded_on: 2026-11-01\n      review_by: 2027-11-01\n"
               "      attribution_form: First name only.\n")
    module = checked_module((consent, ""),
                            ("Sam joined a group and helped to change a service.",
                             "Anthony was abused by gangsters and feared for his life."))
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
    files["sources.yml"] += "  - id: a-framework\n    title: A framework\n    author: Someone\n" \
                           "    date: \"2020\"\n    kind: framework\n"
    module = checked_module(("    source: example-story\n", "    source: a-framework\n"))
    files[MODULE] = module
    found = check_project(load_project(write_tree(tmp_path / "p", files))).findings
    assert caught(found, "G1-story-source") == [(MODULE, line_of(module, "source: a-framework"),
                                                 "stories[0].source", "error")]


def test_g1_third_parties_named_in_the_sources_are_caught(tmp_path):
    module = checked_module(("helped to change a service.", "helped to change a service.\n"
                             "      His psychiatrist, Bill Bamber, backed him."))
    assert caught(findings(tmp_path, module), "G1-third-party") == [
        (MODULE, line_of(module, "Bill Bamber"), "stories[0].text", "error")]


def test_g1_invented_outcomes_for_the_wyfi_employment_event(tmp_path):
    story = "    text: |\n" + WYFI + "      As a result, 12 employers signed up and 30 people found work.\n"
    module = checked_module(("    text: Sam joined a group and helped to change a service.\n", story))
    found = findings(tmp_path, module)
    assert caught(found, "G1-invented-outcome") == [
        (MODULE, line_of(module, "As a result"), "stories[0].text", "error")]


def test_g1_saying_the_outcomes_are_missing_is_not_an_invented_outcome(tmp_path):
    story = "    text: |\n" + WYFI + "      The leaflet lists no outcomes, so nobody knows what it led to.\n"
    module = checked_module(("    text: Sam joined a group and helped to change a service.\n", story))
    assert caught(findings(tmp_path, module), "G1-invented-outcome") == []


def test_g2_a_sensitive_story_needs_a_content_note(tmp_path):
    module = checked_module(("helped to change a service.", "helped to change a service.\n"
                             "      Before that, Sam had been homeless for two years."))
    found = findings(tmp_path, module)
    assert caught(found, "G2-content-note") == [(MODULE, line_of(module, "had been homeless"),
                                                 "stories[0].text", "error")]


def test_g2_sensitive_material_needs_an_alternative_activity(tmp_path):
    note = ("    content_note:\n      about: Mentions homelessness.\n      choice: Skip it.\n"
            "      support: Talk to your trainer.\n    text: Sam joined")
    module = checked_module(("    text: Sam joined", note),
                            ("    alternative: Work on your own with the sheet.\n", ""),
                            ("    facilitator_notes: Keep time and check in.\n",
                             "    facilitator_notes: Keep time and check in.\n    sensitive: true\n"))
    module = module.replace("    alternative: Write your answer on a card instead.\n", "")
    found = findings(tmp_path, module)
    assert caught(found, "G2-alternative") == [
        (MODULE, line_of(module, "  staff:"), "audiences.staff", "error"),
        (MODULE, line_of(module, "  bosses:"), "audiences.bosses", "error"),
        (MODULE, line_of(module, "sensitive: true"), "activities[0].sensitive", "error"),
    ]


def test_g3_an_undated_benefits_figure_is_caught(tmp_path):
    module = with_body("People on ESA can earn £125.50 a week.")
    assert caught(findings(tmp_path, module), "G3-dated-source") == [
        (MODULE, line_of(module, "£125.50"), "body", "error")]


@pytest.mark.parametrize("citation, dated", [
    ("[@example-story]", True),
    ("(Example Org, 2022)", True),
    ("[@undated-leaflet]", False),
    ("(Example Org, 2019)", False),
])
def test_g3_the_claim_needs_a_dated_source_in_the_same_paragraph(tmp_path, citation, dated):
    files = checked_files(with_body(f"People on ESA must check the Permitted Work rules {citation}."))
    files["sources.yml"] += ("  - id: undated-leaflet\n    title: A leaflet\n    author: Example Org\n"
                             "    date: n.d.\n    kind: leaflet\n")
    found = check_project(load_project(write_tree(tmp_path / "p", files))).findings
    assert bool(caught(found, "G3-dated-source")) is not dated


def test_g3_a_list_item_may_rest_on_its_cited_lead_in(tmp_path):
    module = with_body("If you are on benefits [@example-story]:\n\n"
                       "- get advice before you accept a payment;\n- tell the Jobcentre what you earn.\n\n"
                       "Also:\n\n- Jobcentre letters can help.")
    assert caught(findings(tmp_path, module), "G3-dated-source") == [
        (MODULE, line_of(module, "- Jobcentre letters"), "body", "error")]


def test_g3_personal_advice_is_an_error_but_quoting_it_is_not(tmp_path):
    module = with_body("You will not lose your benefits [@example-story].\n\n"
                       "Never tell anyone \"you can earn as much as you like\" [@example-story].")
    assert caught(findings(tmp_path, module), "G3-personal-advice") == [
        (MODULE, line_of(module, "You will not lose"), "body", "error")]


def test_g4_understand_is_not_a_measurable_outcome(tmp_path):
    module = checked_module(VAGUE)
    found = findings(tmp_path, module)
    assert caught(found, "G4-outcome-verb") == [(MODULE, line_of(module, "Understand co-production"),
                                                 "outcomes[0].text", "warning")]
    assert caught(found, "G4-unmeasurable-share") == [
        (MODULE, line_of(module, "outcomes:"), "outcomes", "error")]


def test_g4_one_vague_outcome_in_five_is_a_warning_only(tmp_path):
    extra = ("  - id: list\n    text: List three costs.\n  - id: vague\n    text: Appreciate the value of"
             " meetings.\nkey_messages:")
    module = checked_module(("key_messages:", extra))
    found = findings(tmp_path, module)
    assert [f.rule for f in found if f.rule.startswith("G4")] == ["G4-outcome-verb"]


def test_g5_timings_of_95_minutes_in_a_60_minute_module(tmp_path):
    module = checked_module(("minutes: 30\nversion", "minutes: 60\nversion"),
                            ("    minutes: 30\n    type: pairs", "    minutes: 95\n    type: pairs"))
    found = findings(tmp_path, module)
    assert caught(found, "G5-timing") == [(MODULE, line_of(module, "minutes: 60"), "minutes", "error")]
    assert "add up to 95 min, but its session is 60 min: make them 54 to 66 min" in \
        next(f.message for f in found if f.rule == "G5-timing")


def test_g5_a_course_far_over_its_stated_length_is_a_warning(tmp_path):
    files = checked_files()
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace("length_minutes: 80", "length_minutes: 40")
    root = write_tree(tmp_path / "project", files)
    found = [f for f in check_project(load_project(root)).findings if f.rule == "G5-course-length"]
    assert [(f.path, f.line, f.field, f.severity) for f in found] == [
        ("audiences/staff.yml", 6, "length_minutes", "warning")]
    assert found[0].message == (
        "the course plans to 1 h 18 min in the room (teaching, activities, stories, checks, reflections, "
        "changeovers, breaks and a 10% buffer), 95% longer than the 40 min stated: make length_minutes about "
        "78, or shorten or drop modules (the deck's course plan slide shows every block on the clock)")


def test_g5_a_module_with_no_activity_for_an_audience_is_a_warning(tmp_path):
    module = checked_module(("    audiences: [bosses]\n", "    audiences: [staff]\n"))
    found = [f for f in findings(tmp_path, module) if f.rule == "G5-no-activity"]
    assert [(f.path, f.line, f.field, f.severity, f.message) for f in found] == [
        ("audiences/bosses.yml", 5, "modules[0]", "warning",
         "module 'intro' gives 'bosses' no activity: tag an activity for it in modules/intro.md, or drop the module")]


def test_slots_an_unknown_slot_is_an_error(tmp_path):
    module = checked_module(("Talk with a partner about", "Talk with a partner in {{ aera }} about"))
    found = [f for f in findings(tmp_path, module) if f.rule == "slots"]
    assert [(f.path, f.line, f.field, f.severity, f.message) for f in found] == [
        (MODULE, line_of(module, "{{ aera }}"), "activities[0].instructions", "error",
         ("unknown slot 'aera': use one of area, organisation, support, or declare it under 'slots' with "
          "what to fill in; did you mean 'area'?"))]


def test_slots_a_declared_module_slot_passes(tmp_path):
    module = checked_module(("Talk with a partner about", "Talk with a partner in {{ local-group }} about"),
                            ("prerequisites: []", "prerequisites: []\nslots:\n  local-group: A group near you."))
    assert [f for f in findings(tmp_path, module) if f.rule == "slots"] == []


# --- other checks --------------------------------------------------------------------------------

def test_the_uncorrected_22_people_transcription_error(tmp_path):
    module = checked_module(("helped to change a service.",
                             "helped to change a service.\n      There were 22 people with lived "
                             "experience on that management team."))
    assert caught(findings(tmp_path, module), "transcription") == [
        (MODULE, line_of(module, "22 people"), "stories[0].text", "error")]


def test_corrections_may_quote_the_transcription_error(tmp_path):
    corrections = "    corrections: [\"'trusty millions' is trustee meetings\"]\n"
    module = checked_module(("    text: Sam joined", corrections + "    text: Sam joined"))
    assert findings(tmp_path, module) == []


def test_an_unexplained_acronym_and_jargon_term(tmp_path):
    module = with_body("The ICB asks for co-production in every plan [@example-story].")
    found = findings(tmp_path, module)
    line = line_of(module, "The ICB asks")
    assert caught(found, "glossary") == [(MODULE, line, "body", "warning")] * 2
    assert sorted(f.message.split(" is used")[0] for f in found) == [
        "acronym 'ICB'", "jargon term 'co-production'"]


def test_a_glossary_entry_explains_the_term(tmp_path):
    glossary = ("glossary:\n  - term: ICB\n    definition: Integrated care board.\n  - term: co-production\n"
                "    definition: Working together as equals.\n")
    module = with_body("The ICB asks for co-production in every plan [@example-story].")
    module = module.replace("glossary:\n", glossary)
    assert caught(findings(tmp_path, module), "glossary") == []


def test_deficit_language_is_caught_with_an_alternative(tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    found = findings(tmp_path, module)
    assert caught(found, "language") == [
        (MODULE, line_of(module, "service users"), "stories[0].text", "warning")]
    assert "'service users' is stigmatising or deficit language: use 'people who use services'" \
        in found[0].message


@pytest.mark.parametrize("quoted", ['"hard to reach"', "“hard to reach”", "'hard to reach'"])
def test_a_quoted_term_is_a_mention_not_a_use(tmp_path, quoted):
    module = with_body(f"Some reports call people {quoted}. Say \"not yet reached\" instead.")
    assert caught(findings(tmp_path, module), "language") == []


def test_text_above_the_reading_level(tmp_path):
    module = with_body(LONG_SENTENCES * 3)
    found = findings(tmp_path, module)
    line = line_of(module, "Organisational transformation")
    assert caught(found, "reading-level") == [(MODULE, line, "body", "warning")] * 2
    assert {f.message.split(" reads at")[0] for f in found if f.rule == "reading-level"} == {
        "learner text for staff", "learner text for bosses"}


def test_alignment_gaps(tmp_path):
    module = checked_module(("    outcomes: [describe]\n    options:\n      - text: People know",
                             "    outcomes: [plan]\n    options:\n      - text: People know"),
                            ("    outcomes: [describe, plan, name]\n    instructions: Work out",
                             "    instructions: Work out"))
    found = findings(tmp_path, module)
    rules = sorted((f.field, f.message.split(":")[0]) for f in found if f.rule == "alignment")
    assert rules == sorted([
        ("activities[1].outcomes", "activity serves no outcome"),
        ("outcomes[0]", "bosses sees outcome 'describe' but gets no activity for it"),
        ("outcomes[0]", "bosses sees outcome 'describe' but gets no question for it"),
        ("outcomes[0]", "staff sees outcome 'describe' but gets no question for it"),
        ("outcomes[1]", "bosses sees outcome 'plan' but gets no activity for it"),
        ("outcomes[2]", "bosses sees outcome 'name' but gets no activity for it"),
    ])


def test_outcome_and_question_counts_per_audience(tmp_path):
    module = checked_module(("  - id: name\n    text: Name two people who should be in the room.\n",
                             "  - id: name\n    text: Name two people who should be in the room.\n"
                             "    audiences: [staff]\n"),
                            ("  - id: q-name\n", "  - id: q-name\n    audiences: [staff]\n"))
    found = findings(tmp_path, module)
    bosses = (MODULE, line_of(module, "  bosses:"), "audiences.bosses", "warning")
    assert caught(found, "outcome-count") == [bosses]
    assert caught(found, "question-count") == [bosses]


def test_text_copied_from_a_source_transcript(tmp_path):
    sources = write_tree(tmp_path / "sources", {"s1.txt": "um so yeah Sam joined a group and helped to "
                                                          "change a service you know"})
    assert caught(findings(tmp_path, CHECKED_MODULE), "own-words") == []
    found = findings(tmp_path, CHECKED_MODULE, sources_dir=sources)
    assert caught(found, "own-words") == [(MODULE, line_of(CHECKED_MODULE, "Sam joined a group"),
                                           "stories[0].text", "warning")]
    assert "source s1.txt" in found[0].message


def test_a_past_review_date(tmp_path):
    found = findings(tmp_path, CHECKED_MODULE, today=dt.date(2100, 1, 1))
    assert caught(found, "review-date") == [(MODULE, line_of(CHECKED_MODULE, "review_date:"), "review_date",
                                             "warning")]


# --- the command ---------------------------------------------------------------------------------

def test_text_output_and_exit_code_for_errors(cli, tmp_path):
    module = checked_module(VAGUE)
    root = write_tree(tmp_path / "p", checked_files(module))
    result = cli(["check"], root)
    assert result.exit_code == 1
    line = line_of(module, "Understand co-production")
    assert f"Warning: {MODULE}: line {line}: outcomes[0].text: uses 'understand', which cannot be observed" \
        in result.stdout
    assert result.stdout.splitlines()[-1] == "Checked 3 files: 1 error, 2 warnings; failed."


def test_strict_turns_warnings_into_failure(cli, tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    root = write_tree(tmp_path / "p", checked_files(module))
    relaxed, strict = cli(["check"], root), cli(["check", "--strict"], root)
    assert relaxed.exit_code == 0
    assert relaxed.stdout.splitlines()[-1] == "Checked 3 files: 0 errors, 1 warning; passed."
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1] == \
        "Checked 3 files: 0 errors, 1 warning; failed (--strict: warnings count)."


def test_json_output(cli, tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    root = write_tree(tmp_path / "p", checked_files(module))
    result = cli(["check", "--format", "json", "--strict"], root)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == {
        "findings": [{"path": MODULE, "line": line_of(module, "service users"), "field": "stories[0].text",
                      "rule": "language", "severity": "warning", "message": data["findings"][0]["message"]}],
        "summary": {"errors": 0, "warnings": 1, "files": 3, "strict": True, "failed": True},
    }


@pytest.mark.parametrize("args", [["--format", "xml"], ["--sources-dir", "no-such-folder"], ["--bogus"]])
def test_usage_errors_exit_2(cli, tmp_path, args):
    root = write_tree(tmp_path / "p", checked_files())
    assert cli(["check", *args], root).exit_code == 2


def test_project_option(cli, tmp_path):
    write_tree(tmp_path / "p", checked_files())
    result = cli(["check", "--project", "p"], tmp_path)
    assert result.exit_code == 0, result.stdout


# --- readability and the learner text ------------------------------------------------------------

def test_plain_joins_wrapped_lines_and_ends_units():
    markdown = ("## A heading\n\nA sentence that is\nwrapped over lines. And another\none\n\n"
                "- a list item\n  carried on\n- second item;\n1. third\n\n```\ncode\n```\n")
    assert plain(markdown) == ("A heading. A sentence that is wrapped over lines. And another one. "
                               "a list item carried on. second item. third.")


# --- the built-in library ------------------------------------------------------------------------

def test_the_built_in_library_passes_strict(cli, tmp_path):
    args = ["check", "--strict", "--project", str(builtin_root())]
    if SHARED_SOURCES.is_dir():
        args += ["--sources-dir", str(SHARED_SOURCES)]
    result = cli(args, tmp_path)
    findings = [line for line in result.stdout.splitlines() if line.startswith(("Error:", "Warning:"))]
    # The built-in courses run far over their stated lengths (issue 8); their content is being
    # revised, and tests/course/test_builtin_course.py holds them to their lengths with a strict xfail.
    assert [f for f in findings if not f.endswith("[G5-course-length]")] == [], result.stdout
