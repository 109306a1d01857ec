"""Check rules 'storyteller-named' and 'tied-story-not-told': a name goes only where its story goes."""

from __future__ import annotations

import pytest
from checking import MODULE, STAFF, caught, check_files, findings, line_of, with_body
from conftest import checked_files, checked_module

from coursekit.errors import WARNING

MESSAGE = "  - text: People know their own lives best.\n    sources: [example-story]\n"


def test_the_clean_fixture_names_nobody_outside_a_story(tmp_path):
    found = findings(tmp_path)
    assert caught(found, "storyteller-named") == [] and caught(found, "tied-story-not-told") == []


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            MESSAGE,
            "  - text: Sam knew his own life best.\n    sources: [example-story]\n",
            "key_messages[0].text",
        ),
        (
            "feedback: Yes. That is the main reason.",
            "feedback: Yes. Sam said so.",
            "questions[0].options[0].feedback",
        ),
        (
            "text: Plan one small step you will take next week.",
            "text: Plan a step like Sam's.",
            "outcomes[1].text",
        ),
    ],
)
def test_a_name_in_an_untied_field_is_reported_at_its_line(tmp_path, old, new, field):
    module = checked_module((old, new))
    [(path, line, at, severity)] = caught(findings(tmp_path, module), "storyteller-named")
    assert (path, at, severity) == (MODULE, field, WARNING)
    assert line == line_of(module, new.strip().splitlines()[0].split(": ", 1)[-1][:20])


def test_a_name_in_the_body_is_reported_until_its_block_is_tied_to_the_story(tmp_path):
    module = with_body("Sam saw the service change.")
    [(path, line, field, _)] = caught(findings(tmp_path, module), "storyteller-named")
    assert (path, line, field) == (MODULE, line_of(module, "Sam saw"), "body")
    tied = with_body("::: story sams-story\nSam saw the service change.\n:::")
    assert caught(findings(tmp_path, tied), "storyteller-named") == []


def test_a_tied_item_may_name_its_storyteller_but_its_stand_in_may_not(tmp_path):
    tied = MESSAGE.replace("People know", "Sam knew").replace("best.", "best.\n    story: sams-story")
    assert caught(findings(tmp_path, checked_module((MESSAGE, tied))), "storyteller-named") == []
    twin = tied.replace("story: sams-story", "instead_of: sams-story")
    assert len(caught(findings(tmp_path, checked_module((MESSAGE, twin))), "storyteller-named")) == 1


def test_outcomes_are_told_to_say_it_without_the_person(tmp_path):
    module = checked_module(
        ("text: Plan one small step you will take next week.", "text: Plan a step like Sam's.")
    )
    [finding] = [f for f in findings(tmp_path, module) if f.rule == "storyteller-named"]
    assert finding.message.endswith("say it without the person")


def test_an_audience_file_naming_a_storyteller_is_told_to_say_it_without_the_person(tmp_path):
    files = checked_files()
    files[STAFF] = files[STAFF].replace("tone: Warm.", "tone: Warm, like Sam.")
    [finding] = [f for f in check_files(tmp_path, files) if f.rule == "storyteller-named"]
    assert (finding.path, finding.line, finding.field) == (STAFF, line_of(files[STAFF], "like Sam"), "tone")
    assert finding.message.endswith("say it without the person")


def test_known_as_names_the_storyteller_when_storyteller_is_not_a_name(tmp_path):
    module = checked_module(
        ("storyteller: Sam", "storyteller: A member of Example Org\n    known_as: [Sammy]"),
        (MESSAGE, "  - text: Sammy knew.\n    sources: [example-story]\n"),
    )
    assert [f[2] for f in caught(findings(tmp_path, module), "storyteller-named")] == ["key_messages[0].text"]


def test_a_tie_to_a_story_one_audience_is_not_told_is_reported_for_that_audience(tmp_path):
    module = checked_module(
        ("    storyteller: Sam\n", "    storyteller: Sam\n    audiences: [staff]\n"),
        (MESSAGE, MESSAGE + "    story: sams-story\n"),
    )
    found = [f for f in findings(tmp_path, module) if f.rule == "tied-story-not-told"]
    assert [(f.path, f.line, f.field) for f in found] == [
        (MODULE, line_of(module, "story: sams-story"), "key_messages[0].story")
    ]
    assert "'bosses' course does not tell" in found[0].message


def test_a_body_block_tied_to_a_story_an_audience_is_not_told_is_reported(tmp_path):
    module = with_body("::: story sams-story\nSam saw it.\n:::").replace(
        "    storyteller: Sam\n", "    storyteller: Sam\n    audiences: [staff]\n"
    )
    found = [f for f in findings(tmp_path, module) if f.rule == "tied-story-not-told"]
    assert [(f.line, f.field) for f in found] == [(line_of(module, "::: story sams-story"), "body")]


PAIRS = "instructions: Talk with a partner about a time someone listened to you."


def test_an_activity_naming_a_storyteller_is_told_to_use_the_story_with_a_stand_in(tmp_path):
    module = checked_module((PAIRS, "instructions: Talk about how Sam was listened to."))
    [finding] = [f for f in findings(tmp_path, module) if f.rule == "storyteller-named"]
    assert (finding.line, finding.field) == (line_of(module, "how Sam was"), "activities[0].instructions")
    assert "Give the activity 'story: <id>' and an 'if_withheld'" in finding.message


def test_an_activity_using_the_story_may_name_its_teller_but_its_stand_in_may_not(tmp_path):
    used = PAIRS.replace("someone", "Sam") + "\n    story: sams-story\n    if_withheld:\n      instructions: "
    clean = checked_module((PAIRS, used + "Talk about a time someone listened to you."))
    assert caught(findings(tmp_path, clean), "storyteller-named") == []
    leaky = checked_module((PAIRS, used + "Talk about Sam."))
    [finding] = [f for f in findings(tmp_path, leaky) if f.rule == "storyteller-named"]
    assert finding.field == "activities[0].if_withheld.instructions"
    assert "where the story is left out: say it without the person" in finding.message


def test_a_glossary_definition_naming_a_storyteller_must_say_it_without_them(tmp_path):
    module = checked_module(("definition: National Health Service.", "definition: The service Sam used."))
    [finding] = [f for f in findings(tmp_path, module) if f.rule == "storyteller-named"]
    assert finding.field == "glossary[0].definition"
    assert finding.message.endswith("This field cannot go with a story: say it without the person")


def test_a_name_that_opens_an_instruction_as_a_verb_is_not_a_person(tmp_path):
    def named(instructions: str) -> list:
        module = checked_module(
            ("storyteller: Sam", "storyteller: Mark"), (PAIRS, f"instructions: {instructions}")
        )
        return caught(findings(tmp_path, module), "storyteller-named")

    assert named("Mark the parts of the form you would change. Mark each one you would keep.") == []
    assert len(named("Mark the parts of the form. Mark says it helps.")) == 1


def test_a_story_s_title_outside_the_story_is_reported_until_its_text_is_tied(tmp_path):
    titled = MESSAGE.replace(
        "People know their own lives best.", "As in Sam joins a group, people know best."
    )
    found = findings(tmp_path, checked_module((MESSAGE, titled)))
    [(path, _, field, severity)] = caught(found, "story-title-named")
    assert (path, field, severity) == (MODULE, "key_messages[0].text", WARNING)
    [message] = [f.message for f in found if f.rule == "story-title-named"]
    assert message.startswith("names the story 'Sam joins a group' outside it (sams-story)")
    tied = titled.replace("best.\n", "best.\n    story: sams-story\n", 1)
    assert caught(findings(tmp_path, checked_module((MESSAGE, tied))), "story-title-named") == []


def test_an_activity_using_two_stories_may_name_both_and_an_unknown_one_is_refused(tmp_path):
    from coursekit.errors import ContentError

    used = PAIRS.replace("someone", "Sam") + "\n    story: [sams-story, sams-story]\n    if_withheld:\n"
    clean = checked_module((PAIRS, used + "      instructions: Talk about a time someone listened to you."))
    assert caught(findings(tmp_path, clean), "storyteller-named") == []
    unknown = used.replace("[sams-story, sams-story]", "[sams-story, nobodys-story]")
    with pytest.raises(ContentError, match=r"activities\[0\]\.story: no story has id 'nobodys-story'"):
        findings(tmp_path, checked_module((PAIRS, unknown + "      instructions: Talk.")))
