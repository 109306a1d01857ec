"""Hostile markup: raw HTML, unsafe links and resources loaded from outside the site are refused."""

from __future__ import annotations

import pytest
from checking import MODULE, caught, findings, line_of, with_body
from conftest import checked_module

INSTRUCTIONS = "    instructions: Talk with a partner about a time someone listened to you.\n"


@pytest.mark.parametrize(
    ("markdown", "tag"),
    [
        ("Read this.<script>alert(1)</script>", "<script>"),
        ('<img src="x.png" onerror="alert(1)">', "<img>"),
        ("A line<br>break.", "<br>"),
        ("Hidden <!-- note --> text.", "an HTML comment"),
    ],
)
def test_raw_html_in_the_body_is_refused(tmp_path, markdown, tag):
    module = with_body(markdown)
    found = findings(tmp_path, module)
    assert caught(found, "raw-html") == [(MODULE, line_of(module, markdown), "body", "error")]
    assert tag in next(f.message for f in found if f.rule == "raw-html")


def test_raw_html_in_a_field_is_refused(tmp_path):
    module = checked_module((INSTRUCTIONS, '    instructions: Click <a href="x.md">here</a> to start.\n'))
    assert caught(findings(tmp_path, module), "raw-html") == [
        (MODULE, line_of(module, "Click <a"), "activities[0].instructions", "error")
    ]


def test_markup_in_code_and_autolinks_is_not_html(tmp_path):
    module = with_body("Type `<br>` for a break, or see <https://www.nhs.uk>.")
    assert caught(findings(tmp_path, module), "raw-html") == []


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt&#58;alert(1))",
        "[file](file:///etc/passwd)",
        "[x](vbscript:msgbox)",
        "![pic](data:image/png;base64,AAAA)",
        "<javascript:alert(1)>",
    ],
)
def test_unsafe_links_are_refused(tmp_path, link):
    module = with_body(f"See {link} now.")
    assert caught(findings(tmp_path, module), "unsafe-link") == [
        (MODULE, line_of(module, link), "body", "error")
    ]


@pytest.mark.parametrize("image", ["![pic](https://example.org/a.png)", "![pic](//example.org/a.png)"])
def test_images_from_outside_the_site_are_refused(tmp_path, image):
    module = with_body(f"Look: {image}")
    assert caught(findings(tmp_path, module), "external-resource") == [
        (MODULE, line_of(module, image), "body", "error")
    ]


def test_safe_links_and_local_images_pass(tmp_path):
    module = with_body(
        "See [the NHS](https://www.nhs.uk), [email us](mailto:a@example.org), "
        "[the next page](next.md) and ![a chart](images/chart.png)."
    )
    found = findings(tmp_path, module)
    assert (
        caught(found, "unsafe-link") == caught(found, "external-resource") == caught(found, "raw-html") == []
    )


def test_a_reference_style_image_from_outside_the_site_is_refused(tmp_path):
    module = with_body("See the chart: ![chart][c]\n\n[c]: https://example.org/chart.png")
    assert caught(findings(tmp_path, module), "external-resource") == [
        (MODULE, line_of(module, "[c]: https"), "body", "error")
    ]


def test_a_reference_style_link_to_another_site_passes(tmp_path):
    module = with_body("See [the NHS][nhs].\n\n[nhs]: https://www.nhs.uk")
    assert caught(findings(tmp_path, module), "external-resource") == []


def test_what_raw_html_would_do_is_named_too(tmp_path):
    module = with_body('<a href="javascript:alert(1)">x</a> <img src="https://example.org/t.gif">')
    found = findings(tmp_path, module)
    line = line_of(module, "<a href")
    assert caught(found, "raw-html") == [(MODULE, line, "body", "error")] * 2  # <a> (and </a>), <img>
    assert (
        caught(found, "unsafe-link")
        == caught(found, "external-resource")
        == [(MODULE, line, "body", "error")]
    )


def test_a_blank_to_fill_in_learners_would_see_is_a_warning(tmp_path):
    module = with_body("Position as at the edition date. Checked on: ____ (what we found: ____).")
    assert caught(findings(tmp_path, module), "blank-to-fill") == [
        (MODULE, line_of(module, "Checked on: ____"), "body", "warning")
    ]


def test_blanks_in_trainer_notes_and_printed_forms_are_fine(tmp_path):
    module = checked_module(
        (
            "    facilitator_notes: Keep time and check in.",
            "    facilitator_notes: Check the date ______ first.",
        ),
        ("      Fill in one line for each part", "      Name: ______. Fill in one line for each part"),
    )
    assert caught(findings(tmp_path, module), "blank-to-fill") == []


def test_yaml_structure_swallowed_by_a_text_value_is_reported(tmp_path):
    from checking import caught, findings, line_of

    swallowed = "facilitator_notes: >-\n      Keep time and check in.\n      - >-\n        Print the cards."
    module = checked_module(("facilitator_notes: Keep time and check in.", swallowed))
    assert caught(findings(tmp_path, module), "yaml-in-text") == [
        ("modules/intro.md", line_of(module, "      - >-"), "activities[0].facilitator_notes", "warning")
    ]
    assert caught(findings(tmp_path, checked_module()), "yaml-in-text") == []


def test_a_table_with_an_empty_column_header_is_a_warning(tmp_path):
    from checking import caught, findings, line_of

    module = checked_module(("      | Part of the meeting | Hours |", "      | | Hours |"))
    assert caught(findings(tmp_path, module), "table-header") == [
        ("modules/intro.md", line_of(module, "      | | Hours |"), "materials[0].text", "warning")
    ]
    assert caught(findings(tmp_path, checked_module()), "table-header") == []
