"""Citations in every text field: '(Author, year)' outside bodies, ids checked when the course loads."""

from __future__ import annotations

import pytest
from conftest import SOURCES, audience_text, timed_module, write_tree

from coursekit.citations import credit, resolve_plan
from coursekit.errors import ContentError
from coursekit.load import load_project
from coursekit.plan import build_plan


def cited_files(notes: str) -> dict[str, str]:
    messages = [
        {"text": "Ask first.", "sources": ["example-story"], "script": "Ask who [@example-story] is."}
    ]
    module = timed_module("a", key_messages=messages).replace("facilitator_notes: Keep time.", notes)
    return {
        "modules/a.md": module,
        "audiences/staff.yml": audience_text("staff", "[a]"),
        "sources.yml": SOURCES,
    }


def test_citations_outside_the_body_become_author_and_year_and_scripts_keep_theirs(tmp_path):
    files = cited_files("facilitator_notes: Pay people [@example-story].")
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    view = plan.modules[0]
    assert view.activities[0].facilitator_notes == "Pay people (Example Org, 2022)."
    assert view.key_messages[0].script == "Ask who [@example-story] is."
    assert credit(plan.sources[0]) == "(Example Org, 2022)"


def test_an_unknown_citation_in_any_field_is_named_where_it_is(tmp_path):
    files = cited_files("facilitator_notes: Pay people [@no-such-source].")
    with pytest.raises(ContentError) as caught:
        load_project(write_tree(tmp_path / "p", files))
    [line] = caught.value.lines()
    assert line.startswith("modules/a.md: line ")
    assert "activities[0].facilitator_notes: no source has id 'no-such-source'" in line


def test_the_deck_shows_author_and_year_not_the_id(cli, tmp_path):
    root = write_tree(tmp_path / "p", cited_files("facilitator_notes: Pay people [@example-story]."))
    result = cli(["build", "--only", "slides", "--no-check"], root)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(root / "site/staff/downloads/staff-slides.pptx"))
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides)
    assert "Pay people (Example Org, 2022)." in notes and "[@" not in notes


def test_module_fields_are_resolved_and_the_body_keeps_its_links(tmp_path):
    files = cited_files("facilitator_notes: Keep time.")
    files["modules/a.md"] = (
        files["modules/a.md"]
        .replace(
            "---\n## Why it matters",
            "co_delivery: Pay the co-trainer [@example-story].\n---\n## Why it matters",
        )
        .replace("We work together.", "We work together [@example-story].")
    )
    view = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")).modules[0]
    assert view.co_delivery == "Pay the co-trainer (Example Org, 2022)."
    assert "We work together [@example-story]." in view.module.body


def test_a_focus_citation_is_resolved_for_the_guide(tmp_path):
    files = cited_files("facilitator_notes: Keep time.")
    files["modules/a.md"] = files["modules/a.md"].replace(
        "focus: Everyday practice.", "focus: Everyday practice [@example-story]."
    )
    view = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")).modules[0]
    assert view.focus == "Everyday practice (Example Org, 2022)."


def test_glossary_definitions_are_resolved(tmp_path):
    files = cited_files("facilitator_notes: Keep time.")
    files["modules/a.md"] = (
        files["modules/a.md"]
        .replace(
            "stories: []\n",
            "stories: []\nglossary:\n  - term: CQC\n    definition: The regulator [@example-story].\n",
        )
        .replace("summary: Why we work together.", "summary: Why the CQC asks us to work together.")
    )
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    assert plan.glossary[0].definition == "The regulator (Example Org, 2022)."
    assert [s.id for s in plan.sources] == ["example-story"]


def test_a_source_cited_only_in_a_support_line_is_on_the_sources_page_not_in_the_line(tmp_path):
    files = cited_files("facilitator_notes: Keep time.")
    files["modules/a.md"] = files["modules/a.md"].replace(
        "stories: []\n",
        "stories: []\ncontent_notes:\n  - about: Hard times.\n    choice: Skip it.\n"
        "    support: Text a helpline [@second-source].\n",
    )
    files["sources.yml"] += (
        "  - id: second-source\n    title: A helpline\n    author: Helpline Org\n    date: '2024'\n"
        "    kind: guidance\n    url: https://example.org/help\n"
    )
    plan = resolve_plan(build_plan(load_project(write_tree(tmp_path / "p", files)), "staff"))
    assert "second-source" in [s.id for s in plan.sources]
    # Said to people who may be struggling: no bracketed source in the line itself.
    assert plan.modules[0].module.content_notes[0].support == "Text a helpline."


def a_source(**fields):
    """A source to cite, with any fields changed."""
    from coursekit.schema import Source

    return Source(
        **{"id": "rates", "title": "Payment rates", "author": "NIHR", "date": "2024", "kind": "payment"}
        | fields
    )


def test_a_printed_reference_gives_the_address_when_it_was_read_and_whether_it_changes():
    import datetime as dt

    from coursekit.citations import reference_text

    source = a_source(url="https://example.org/rates", accessed=dt.date(2026, 11, 30), time_sensitive=True)
    assert reference_text(source) == (
        "NIHR (2024). Payment rates. https://example.org/rates. Accessed 30 November 2026. "
        "Check before use: this changes."
    )


def test_a_source_cited_as_a_provision_is_named_by_it_not_by_its_author_and_year():
    from coursekit.citations import credit, label

    section = a_source(author="UK Parliament", date="2022-07-01", kind="law", cite_as="NHS Act 2006, s242")
    plain = section.model_copy(update={"cite_as": None})
    assert credit(section) == "(NHS Act 2006, s242)"
    assert (credit(plain), label(plain, full_date=True)) == (
        "(UK Parliament, 2022)",
        "UK Parliament, 2022-07-01",
    )


@pytest.mark.parametrize(
    ("author", "short"),
    [
        ("UK Parliament (legislation.gov.uk)", "UK Parliament"),
        ("Contact (charity)", "Contact"),
        ("Social Care Institute for Excellence (SCIE)", "SCIE"),
        ("Owen Stevens, Child Poverty Action Group (CPAG)", "CPAG"),
        (
            "Centre for Charity Effectiveness, Bayes Business School (City, University of London)",
            "Centre for Charity Effectiveness",
        ),
    ],
)
def test_a_citation_names_the_author_without_a_note_on_what_it_is(author, short):
    from coursekit.citations import short_author

    assert short_author(author) == short
