"""G1 story fidelity: every name and number in a story is in its source transcript or corrections."""

from __future__ import annotations

from pathlib import Path

from checking import MODULE, caught, check_files, line_of
from conftest import checked_files, checked_module

from coursekit.check.fidelity import names, numbers

TRANSCRIPT = (
    "Um, so I joined a group in Leeds in 2019, with, uh, Ken Council. There were twelve of us, "
    "and 100% of us came back.\n"
)
STORY = "    text: Sam joined a group and helped to change a service.\n"
TRUE_STORY = (
    "    text: Sam joined a group in Leeds in 2019. Twelve people took part, and all came back (100%).\n"
)


def project_files(
    story: str, transcript_field: str = "    transcript: sam.txt\n", corrections: str = ""
) -> dict:
    files = checked_files(checked_module((STORY, story + corrections)))
    files["sources.yml"] += transcript_field
    return files


def sources_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "sam.txt").write_text("Sam's story. " + TRANSCRIPT, encoding="utf-8")
    (folder / "other.txt").write_text("St Mary's Hospital in York had 40 beds.", encoding="utf-8")
    return folder


def test_a_story_that_keeps_to_its_transcript_passes(tmp_path):
    found = check_files(tmp_path, project_files(TRUE_STORY), sources_dir=sources_dir(tmp_path))
    assert caught(found, "G1-fidelity") == []


def test_invented_places_people_and_numbers_are_reported_each(tmp_path):
    story = (
        "    text: Sam joined a group at St Mary's Hospital in York in 2019.\n"
        "      Dr Patel said forty people came.\n"
    )
    files = project_files(story)
    found = [
        f for f in check_files(tmp_path, files, sources_dir=sources_dir(tmp_path)) if f.rule == "G1-fidelity"
    ]
    text = files[MODULE]
    assert (
        caught(found, "G1-fidelity")
        == [(MODULE, line_of(text, "St Mary's"), "stories[0].text", "error")] * 2
        + [(MODULE, line_of(text, "Dr Patel"), "stories[0].text", "error")] * 2
    )
    assert [f.message.split(" is not")[0] for f in found] == [
        'name "St Mary\'s Hospital"',
        "name 'York'",
        "name 'Dr Patel'",
        "number '40'",
    ]


def test_the_named_transcript_is_the_only_evidence(tmp_path):
    # York and 40 are in another transcript, not in this story's own.
    story = "    text: Sam joined a group in York. There were 40 people.\n"
    found = check_files(tmp_path, project_files(story), sources_dir=sources_dir(tmp_path))
    assert len(caught(found, "G1-fidelity")) == 2


def test_a_recorded_correction_counts_as_source(tmp_path):
    story = "    text: Sam joined a group in Kent in 2019.\n"
    corrections = "    corrections: [\"'Ken' in the transcript means Kent\"]\n"
    found = check_files(
        tmp_path, project_files(story, corrections=corrections), sources_dir=sources_dir(tmp_path)
    )
    assert caught(found, "G1-fidelity") == []


def test_a_missing_transcript_file_is_reported(tmp_path):
    files = project_files(TRUE_STORY, "    transcript: lost.txt\n")
    found = check_files(tmp_path, files, sources_dir=sources_dir(tmp_path))
    assert caught(found, "G1-fidelity") == [
        (MODULE, line_of(files[MODULE], "source: example-story"), "stories[0].source", "error")
    ]


def test_without_a_sources_folder_fidelity_is_not_checked(tmp_path):
    found = check_files(tmp_path, project_files("    text: Sam met Dr Patel in York.\n"))
    assert caught(found, "G1-fidelity") == []


def test_names_are_capitalised_runs_not_sentence_openers():
    text = "The group met in Camden and Islington. Then Dr Patel spoke. Sam's friend came. It Takes a City helped."
    assert [name for _, name in names(text)] == ["Camden and Islington", "Dr Patel", "Takes", "City"]


def test_numbers_in_digits_and_words():
    text = "Twenty-two people, then twenty two, three hundred, 1,200, £125.50 in 2019 and 100%. No one came."
    assert sorted(value for _, value in numbers(text)) == sorted(
        ["22", "22", "300", "1200", "125.5", "2019", "100"]
    )


def test_a_story_replacement_is_held_to_the_source_too(tmp_path):
    story = TRUE_STORY + "    replacement: Sam joined a group in York.\n"
    files = project_files(story)
    found = check_files(tmp_path, files, sources_dir=sources_dir(tmp_path))
    assert caught(found, "G1-fidelity") == [
        (MODULE, line_of(files[MODULE], "replacement: Sam"), "stories[0].replacement", "error")
    ]
