"""The landing page lists every course built, from an autoescaped template."""

from __future__ import annotations

from conftest import audience_text, valid_files, write_tree

from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render.landing import landing_html


def test_each_course_links_to_its_site_and_slides(project):
    loaded = load_project(project)
    html = landing_html(tuple(build_plan(loaded, a.id) for a in loaded.audiences))
    assert '<a href="staff/index.html">Staff course</a>' in html
    assert '<a href="bosses/downloads/bosses-slides.pptx" download>' in html


def test_only_what_was_built_is_linked(project):
    plan = build_plan(load_project(project), "staff", outputs=("slides",))
    html = landing_html((plan,))
    assert "staff/index.html" not in html and "staff/downloads/staff-slides.pptx" in html


def test_audience_text_is_escaped(tmp_path):
    files = dict(
        valid_files(),
        **{
            "audiences/staff.yml": audience_text("staff").replace(
                "description: People who work in services.",
                "description: '<img src=x onerror=alert(1)> staff'",
            )
        },
    )
    plan = build_plan(load_project(write_tree(tmp_path / "p", files)), "staff")
    html = landing_html((plan,))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; staff" in html


def test_every_download_built_is_linked_with_the_lms_package_of_its_version(project):
    plan = build_plan(load_project(project), "staff", outputs=("site", "guide", "handout", "scorm"))
    html = landing_html((plan,), scorm_version="2004")
    assert '<a href="staff/downloads/staff-facilitator-guide.docx" download>Facilitator guide (Word)' in html
    assert '<a href="staff/downloads/staff-handout.docx" download>Handout and activity materials' in html
    assert '<a href="staff/downloads/staff-scorm2004.zip" download>LMS package (SCORM 2004, zip)' in html
    assert "evaluation" not in html and "slides" not in html
