"""Language: word families of stigmatising terms and transcription errors, jargon, hard passages."""

from __future__ import annotations

import pytest
from checking import MODULE, caught, findings, line_of, with_body
from conftest import checked_module

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
