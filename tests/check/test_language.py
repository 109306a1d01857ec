"""Language: word families of stigmatising terms and transcription errors, jargon, hard passages."""

from __future__ import annotations

import pytest
from checking import MODULE, caught, findings, line_of, with_body
from conftest import checked_module

from coursekit import readability
from coursekit.check.language import shown_grade

DENSE = (
    "Organisational transformation necessitates comprehensive reconsideration of institutional "
    "accountability frameworks, particularly regarding participatory governance arrangements "
    "incorporating experiential knowledge."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sam suffers with anxiety.",
        "Sam is suffering from anxiety.",
        "Some schizophrenics came to the group.",
        "The group welcomed the mentally ill.",
        "Ask service users what they think.",
        "These groups are hard to reach.",
        "Talk to drug abusers with respect.",
    ],
)
def test_stigmatising_word_forms_are_caught(tmp_path, sentence):
    module = with_body(sentence)
    assert caught(findings(tmp_path, module), "language") == [
        (MODULE, line_of(module, sentence), "body", "warning")
    ]


def test_person_first_language_passes(tmp_path):
    module = with_body("Sam lives with anxiety. Ask people who use services what they think.")
    assert caught(findings(tmp_path, module), "language") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Twenty-two people who live experience on that management team joined.",
        "There were twenty two people on the management committee.",
        "He worked there for 78 years.",
    ],
)
def test_transcription_errors_with_spelled_out_numbers_are_caught(tmp_path, sentence):
    module = with_body(sentence)
    assert caught(findings(tmp_path, module), "transcription") == [
        (MODULE, line_of(module, sentence), "body", "error")
    ]


def test_a_story_s_log_of_corrections_may_name_the_mis_hearing_it_fixes(tmp_path):
    from conftest import CHECKED_MODULE

    log = "'22 people who live experience' is two people"
    module = CHECKED_MODULE.replace(
        "    text: Sam joined a group", f'    corrections:\n      - "{log}"\n    text: Sam joined a group'
    )
    assert caught(findings(tmp_path, module), "transcription") == []
    assert caught(findings(tmp_path, with_body(log)), "transcription") != []


def test_the_corrected_number_passes(tmp_path):
    module = with_body("Two people with lived experience were on the management team.")
    assert caught(findings(tmp_path, module), "transcription") == []


def test_a_jargon_term_that_is_not_an_acronym_needs_a_glossary_entry(tmp_path):
    module = with_body("Peer support helps people stay well.")
    assert caught(findings(tmp_path, module), "glossary") == [
        (MODULE, line_of(module, "Peer support helps"), "body", "warning")
    ]


def test_a_jargon_term_in_the_glossary_passes(tmp_path):
    module = with_body("Peer support helps people stay well.").replace(
        "glossary:\n",
        "glossary:\n  - term: peer support\n    definition: Help from someone who has been there.\n",
    )
    assert caught(findings(tmp_path, module), "glossary") == []


def test_a_long_abstract_word_is_flagged(tmp_path):
    module = with_body("We look at the operationalisation of the plan.")
    assert caught(findings(tmp_path, module), "plain-words") == [
        (MODULE, line_of(module, "operationalisation"), "body", "warning")
    ]


def test_everyday_long_words_pass(tmp_path):
    module = with_body("Every organisation in the community has a part to play.")
    assert caught(findings(tmp_path, module), "plain-words") == []


def test_a_dense_paragraph_is_flagged_at_its_own_line(tmp_path):
    module = with_body(DENSE)
    found = findings(tmp_path, module)
    assert caught(found, "reading-level-passage") == [
        (MODULE, line_of(module, "Organisational"), "body", "warning")
    ]
    assert caught(found, "reading-level") == []  # the module's average stays under the level


def test_a_plain_paragraph_is_not_flagged(tmp_path):
    module = with_body("We meet once a month. We talk about what went well and what we will change next.")
    assert caught(findings(tmp_path, module), "reading-level-passage") == []


def test_dense_facilitator_notes_are_not_scored(tmp_path):
    module = checked_module(
        ("    facilitator_notes: Keep time and check in.\n", f"    facilitator_notes: {DENSE}\n")
    )
    assert caught(findings(tmp_path, module), "reading-level-passage") == []


# --- glossary, deficit language, transcription, reading level (from the first checker) --------------

LONG_SENTENCES = (
    "Organisational transformation necessitates comprehensive reconsideration of institutional "
    "accountability frameworks, particularly regarding participatory governance arrangements "
    "incorporating experiential knowledge. Consequently, commissioning organisations should "
    "systematically operationalise deliberative methodologies, evaluating intersectional "
    "considerations alongside established performance management infrastructures. "
)


def test_the_uncorrected_22_people_transcription_error(tmp_path):
    module = checked_module(
        (
            "helped to change a service.",
            (
                "helped to change a service.\n      There were 22 people with lived "
                "experience on that management team."
            ),
        )
    )
    assert caught(findings(tmp_path, module), "transcription") == [
        (MODULE, line_of(module, "22 people"), "stories[0].text", "error")
    ]


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
        "acronym 'ICB'",
        "jargon term 'co-production'",
    ]


def test_a_glossary_entry_explains_the_term(tmp_path):
    glossary = (
        "glossary:\n  - term: ICB\n    definition: Integrated care board.\n  - term: co-production\n"
        "    definition: Working together as equals.\n"
    )
    module = with_body("The ICB asks for co-production in every plan [@example-story].")
    module = module.replace("glossary:\n", glossary)
    assert caught(findings(tmp_path, module), "glossary") == []


def test_deficit_language_is_caught_with_an_alternative(tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    found = findings(tmp_path, module)
    assert caught(found, "language") == [
        (MODULE, line_of(module, "service users"), "stories[0].text", "warning")
    ]
    assert (
        "'service users' is stigmatising or deficit language: use 'people who use services'"
        in found[0].message
    )


@pytest.mark.parametrize("quoted", ['"hard to reach"', "“hard to reach”", "'hard to reach'"])
def test_a_quoted_term_is_a_mention_not_a_use(tmp_path, quoted):
    module = with_body(f'Some reports call people {quoted}. Say "not yet reached" instead.')
    assert caught(findings(tmp_path, module), "language") == []


def test_text_above_the_reading_level(tmp_path):
    module = with_body(LONG_SENTENCES * 3)
    found = findings(tmp_path, module)
    line = line_of(module, "Organisational transformation")
    assert caught(found, "reading-level") == [(MODULE, line, "body", "warning")] * 2
    assert {f.message.split(" reads at")[0] for f in found if f.rule == "reading-level"} == {
        "learner text for staff",
        "learner text for bosses",
    }


def test_grades_are_compared_as_printed():
    text = "The cat sat on the mat. It was a warm day and the sun was out."
    assert shown_grade(text) == float(f"{readability.grade(text):.1f}")
