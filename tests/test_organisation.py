"""organisation.yml: every key checked, each bad input a clear error naming file, line and field."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import tree_bytes, write_tree
from pydantic import ValidationError
from test_layers import organisation_files

from coursekit.errors import ContentError
from coursekit.load import load_project
from coursekit.organisation import contrast_ratio, logo_problem

PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f1d2a60000000049454e44ae426082"
)
SAFE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Us</title>'
    '<rect width="10" height="10" fill="#1d4f91"/></svg>'
)
FULL = """\
name: Leeds Care
logo: assets/logo.svg
colours:
  primary: "#1d4f91"
  accent: "#7a1f5c"
pass_mark: 75
support:
  - name: Involvement team
    how: Call 0113 000 0000.
local:
  organisation: Leeds Care
edition:
  version: "2.1"
  date: 2026-11-30
co_produced_by: Our members' group.
"""


def load_errors(tmp_path: Path, **files: str | bytes | None) -> list[str]:
    root = write_tree(
        tmp_path / "ours", organisation_files(**{k: v for k, v in files.items() if not isinstance(v, bytes)})
    )
    write_tree(root, {k: v for k, v in files.items() if isinstance(v, bytes)})
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return caught.value.lines()


def organisation_yml(**replace: str) -> str:
    text = FULL
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_every_key_loads_onto_the_project_and_the_brand(tmp_path):
    root = write_tree(
        tmp_path / "ours", organisation_files(**{"organisation.yml": FULL, "assets/logo.svg": SAFE_SVG})
    )
    project = load_project(root)
    organisation = project.organisation
    assert organisation.pass_mark == 75
    assert {a.id: a.pass_mark for a in project.audiences}["frontline-staff"] == 75  # for the LMS package
    assert organisation.support[0].how == "Call 0113 000 0000."
    assert dict(project.local) == {"organisation": "Leeds Care"}
    brand = project.brand
    assert (brand.name, brand.primary, brand.accent, brand.logo) == (
        "Leeds Care",
        "#1d4f91",
        "#7a1f5c",
        root / "assets/logo.svg",
    )
    assert brand.edition == "edition 2.1, 30 November 2026"
    assert brand.co_produced_by == "Our members' group." and brand.co_delivered_by is None
    with pytest.raises(ValidationError):
        organisation.name = "Other"  # frozen


def test_the_built_in_course_has_the_default_brand():
    from coursekit.content import builtin_root

    project = load_project(builtin_root())
    assert project.organisation is None
    assert project.brand.name == "coursekit built-in course" and project.brand.builtin
    assert dict(project.local) == {}


def test_contrast_ratio_matches_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


def test_a_colour_too_light_for_white_text_is_refused_with_its_ratio(tmp_path):
    errors = load_errors(
        tmp_path, **{"organisation.yml": 'name: Leeds Care\ncolours:\n  primary: "#ffcc00"\n'}
    )
    assert errors == [
        (
            "organisation.yml: line 3: colours.primary: #ffcc00 carries white text at a contrast "
            "ratio of 1.51:1; WCAG 2.2 AA needs at least 4.5:1, so choose a darker colour"
        )
    ]


def test_a_ratio_just_under_the_minimum_is_not_rounded_up(tmp_path):
    errors = load_errors(
        tmp_path, **{"organisation.yml": 'name: Leeds Care\ncolours:\n  accent: "#777777"\n'}
    )
    assert errors == [
        (
            "organisation.yml: line 3: colours.accent: #777777 carries white text at a contrast "
            "ratio of 4.47:1; WCAG 2.2 AA needs at least 4.5:1, so choose a darker colour"
        )
    ]


def test_broken_yaml_names_the_line(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\ncolours: [primary\n"})
    assert len(errors) == 1 and errors[0].startswith("organisation.yml: line 3: malformed YAML")


def test_unknown_key_suggests_the_right_one(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\npassmark: 70\n"})
    assert errors == ["organisation.yml: line 2: passmark: unknown key 'passmark'; did you mean 'pass_mark'?"]


@pytest.mark.parametrize("mark", ["101", "-1"])
def test_pass_mark_outside_0_to_100(tmp_path, mark):
    errors = load_errors(tmp_path, **{"organisation.yml": f"name: Leeds Care\npass_mark: {mark}\n"})
    bound = "less than or equal to 100" if mark == "101" else "greater than or equal to 0"
    assert errors == [f"organisation.yml: line 2: pass_mark: input should be {bound}"]


def test_missing_logo_file(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\nlogo: assets/logo.png\n"})
    assert errors == [
        (
            "organisation.yml: line 2: logo: assets/logo.png: file not found; give the path of a PNG, "
            "JPEG or SVG file, relative to the project folder"
        )
    ]


def test_logo_that_is_not_an_image(tmp_path):
    errors = load_errors(
        tmp_path,
        **{
            "organisation.yml": "name: Leeds Care\nlogo: assets/logo.png\n",
            "assets/logo.png": b"GIF89a not really",
        },
    )
    assert errors == [
        (
            "organisation.yml: line 2: logo: assets/logo.png: is not a PNG, JPEG or SVG image (its "
            "first bytes say otherwise); export the logo as one of those"
        )
    ]


def test_logo_outside_the_project_is_refused(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\nlogo: ../logo.png\n"})
    assert errors == [
        (
            "organisation.yml: line 2: logo: '../logo.png' must be a path inside the project folder, "
            "such as 'assets/logo.svg'"
        )
    ]


@pytest.mark.parametrize(
    ("svg", "why"),
    [
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "is an SVG with a <script> element; logos must not run code, so remove it",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "is an SVG with an event attribute 'onload' on <svg>; remove it",
        ),
        (
            (
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                '<image x:href="https://example.org/a.png"/></svg>'
            ),
            "is an SVG that loads 'https://example.org/a.png'; a logo must not refer to other files or the web",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://example.org/x)"/></svg>',
            "is an SVG whose 'style' refers to something outside it; remove the url(...)",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "is an SVG with a DOCTYPE or entities; remove them",
        ),
        ("<html/>", "is not an SVG image: its root element is not <svg> in the SVG namespace"),
    ],
)
def test_unsafe_svg_logos_are_refused(tmp_path, svg, why):
    path = tmp_path / "logo.svg"
    path.write_text(svg, encoding="utf-8")
    assert logo_problem(path) == why


def test_png_jpeg_and_safe_svg_logos_are_accepted(tmp_path):
    for name, data in [
        ("a.png", PNG_BYTES),
        ("a.jpg", b"\xff\xd8\xff\xe0rest"),
        ("a.svg", SAFE_SVG.encode()),
    ]:
        (tmp_path / name).write_bytes(data)
        assert logo_problem(tmp_path / name) is None, name


def test_missing_slides_template(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\nslides_template: ours.pptx\n"})
    assert errors == [
        (
            "organisation.yml: line 2: slides_template: ours.pptx: file not found; give the path of a "
            ".pptx file, relative to the project folder"
        )
    ]


def test_slides_template_with_no_usable_layouts(tmp_path):
    from pptx import Presentation

    root = tmp_path / "ours"
    root.mkdir()
    template = Presentation()
    for layout in template.slide_layouts:
        layout.name = f"Ours {layout.name}"
    template.save(str(root / "ours.pptx"))
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\nslides_template: ours.pptx\n"})
    assert len(errors) == 1
    assert errors[0].startswith("organisation.yml: line 2: slides_template: ours.pptx: has no layout named ")
    for layout in ("Title Slide", "Title and Content", "Section Header"):
        assert f"has no layout named {layout!r} (it has: Ours Title Slide, " in errors[0]


def test_bad_organisation_exits_1_and_leaves_the_output_as_it_was(cli, tmp_path):
    root = write_tree(tmp_path / "ours", organisation_files())
    assert cli(["build", "--audience", "bosses", "--only", "slides"], root).exit_code == 0
    before = tree_bytes(root / "site")
    (root / "organisation.yml").write_text("name: Leeds Care\npass_mark: 120\n", encoding="utf-8")
    result = cli(["build", "--audience", "bosses"], root)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: organisation.yml: line 2: pass_mark: input should be less than or equal "
        "to 100\n1 problem found; nothing was built or changed.\n"
    )
    assert tree_bytes(root / "site") == before


CHANGELOG = """\
# What changed

## 2.1 (2026-11-30)

- NEWEST-CHANGE: our own peer team module.

## 2.0 (2026-06-01)

- OLDER-CHANGE: first edition with our name.
"""


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    """An organisation's 'bosses' course with its logo, colours, edition and changelog, built once."""
    from typer.testing import CliRunner

    from coursekit.cli import app

    files = organisation_files(
        **{"organisation.yml": FULL.replace("logo.svg", "logo.png"), "CHANGELOG.md": CHANGELOG}
    )
    root = write_tree(tmp_path_factory.mktemp("brand") / "ours", files)
    (root / "assets").mkdir()
    (root / "assets/logo.png").write_bytes(PNG_BYTES)
    result = CliRunner().invoke(
        app,
        ["build", "--audience", "bosses", "--project", str(root), "--out", str(root / "site")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    return root / "site"


def image_sources(html: Path) -> list[Path]:
    """Return the file each <img> of a page points at, resolved as a browser would from file://."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html.read_text(encoding="utf-8"))
    return [(html.parent / src).resolve() for src in tree.xpath("//img/@src")]


def test_site_logo_resolves_from_file_urls(branded):
    for page in (branded / "bosses/index.html", branded / "bosses/01-intro.html"):
        logos = [path for path in image_sources(page) if path.name == "logo.png"]
        assert logos and all(path.read_bytes() == PNG_BYTES for path in logos), page


def test_site_colours_come_from_the_brand_stylesheet(branded):
    css = (branded / "bosses/assets/brand.css").read_text()
    assert "--md-primary-fg-color: #1d4f91;" in css and "--md-accent-fg-color: #7a1f5c;" in css
    page = (branded / "bosses/index.html").read_text()
    assert 'href="assets/brand.css"' in page and 'data-md-color-primary="custom"' in page


def test_site_footer_and_welcome_page_carry_the_edition(branded):
    page = (branded / "bosses/index.html").read_text()
    assert "Leeds Care · course edition 2.1, 30 November 2026" in page
    assert "Course edition 2.1, 30 November 2026." in page
    assert "<strong>Co-produced by:</strong> Our members' group." in page
    assert "Leeds Care has not yet recorded who co-delivers it." in page
    assert "No one with lived experience has yet helped" not in page


def test_module_pages_show_last_and_next_review(branded):
    page = (branded / "bosses/01-intro.html").read_text()
    assert "Module last reviewed 2026-11-22 (module version 1.0). Next review due by 2027-11-22." in page


def test_changelog_is_the_what_changed_page_newest_first(branded):
    page = (branded / "bosses/changes.html").read_text()
    assert page.index("NEWEST-CHANGE") < page.index("OLDER-CHANGE")
    assert "2.1 (2026-11-30): new since the last edition" in page
    assert 'href="changes.html"' in (branded / "bosses/index.html").read_text()  # in the nav and welcome page


def test_landing_page_has_the_name_colours_and_a_logo_that_resolves(branded):
    page = (branded / "index.html").read_text()
    assert "<title>Leeds Care: choose your course</title>" in page
    assert "header { background: #1d4f91;" in page and "#283593" not in page
    assert "Leeds Care: edition 2.1, 30 November 2026." in page
    assert [path.read_bytes() for path in image_sources(branded / "index.html")] == [PNG_BYTES]


def test_deck_title_slide_shows_the_organisation_name_and_edition_in_its_colour(branded):
    from pptx import Presentation

    title = Presentation(str(branded / "bosses/downloads/bosses-slides.pptx")).slides[0]
    texts = [shape.text_frame.text for shape in title.shapes if shape.has_text_frame]
    assert any(
        text.startswith("Leeds Care · Our managers · ") and text.endswith("edition 2.1, 30 November 2026")
        for text in texts
    )
    with zipfile.ZipFile(branded / "bosses/downloads/bosses-slides.pptx") as deck:
        theme = "".join(
            deck.read(name).decode() for name in deck.namelist() if name.startswith("ppt/slideLayouts/")
        )
    assert 'srgbClr val="1D4F91"' in theme  # the built-in theme in the organisation's primary colour


def test_welcome_page_says_honestly_how_the_built_in_course_was_made():
    from coursekit.content import builtin_root
    from coursekit.plan import build_plan
    from coursekit.render.pages import welcome_page

    built_in = load_project(builtin_root())
    text = welcome_page(build_plan(built_in, "senior-leaders"), None, built_in.brand).text
    assert "No one with lived experience has yet helped to write or check it" in text
    assert "The organisation running your session has not recorded here who co-produced its version" in text
    assert "Co-produced by" not in text


def test_a_course_of_its_own_does_not_claim_the_built_in_stories(project):
    from coursekit.plan import build_plan
    from coursekit.render.pages import welcome_page

    loaded = load_project(project)
    text = welcome_page(build_plan(loaded, "staff"), None, loaded.brand).text
    assert "This course does not yet record who co-produced it or who co-delivers it." in text
    assert "published" not in text


def test_hostile_organisation_text_is_escaped_on_the_welcome_and_landing_pages(project):
    from coursekit.organisation import Brand
    from coursekit.plan import build_plan
    from coursekit.render.landing import landing_html
    from coursekit.render.pages import welcome_page

    brand = Brand(
        name="<script>alert(1)</script> Care",
        co_produced_by="<img src=x onerror=alert(1)>",
        builtin=False,
        edition_version="1.0",
    )
    plan = build_plan(load_project(project), "staff")
    welcome = welcome_page(plan, None, brand).text
    assert "<script>" not in welcome and "<img" not in welcome
    assert "&lt;script>alert(1)&lt;/script> Care" in welcome  # Markdown: "<" escaped, so no tag can open
    landing = landing_html((plan,), brand)
    assert "<script>" not in landing and "&lt;script&gt;alert(1)&lt;/script&gt; Care" in landing


def test_the_lms_package_certificate_and_guide_carry_the_brand(branded):
    import zipfile

    from docx import Document

    downloads = branded / "bosses" / "downloads"
    with zipfile.ZipFile(downloads / "bosses-scorm12.zip") as package:
        manifest = package.read("imsmanifest.xml").decode("utf-8")
    assert "<title>Leeds Care: " in manifest
    certificate = (branded / "bosses" / "certificate.html").read_text(encoding="utf-8")
    assert "Leeds Care: Certificate of completion" in certificate
    guide = [p.text for p in Document(str(downloads / "bosses-facilitator-guide.docx")).paragraphs[:12]]
    assert "Facilitator guide, Leeds Care" in guide


def test_an_organisation_file_that_is_not_a_mapping(tmp_path):
    assert load_errors(tmp_path, **{"organisation.yml": "- name: Leeds Care\n"}) == [
        "organisation.yml: line 1: must be a mapping of settings (name, logo, colours, ...)"
    ]


def test_ask_first_holds_back_every_published_story_until_its_storyteller_says_yes(tmp_path):
    from conftest import module_text

    from coursekit.plan import build_plan, for_use

    granted = (
        module_text("ours", "Ours")
        .replace("status: published-public", "status: granted")
        .replace("sams-story", "our-story")
    )
    files = organisation_files(
        **{"organisation.yml": "name: Leeds Care\npublic_stories: ask-first\n", "modules/ours.md": granted}
    )
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace("modules: [", "modules: [ours, ", 1)
    project = load_project(write_tree(tmp_path / "ours", files))
    statuses = {(m.id, s.consent.status) for m in project.modules for s in m.stories}
    assert ("ours", "granted") in statuses and ("intro", "permission-sought") in statuses
    assert {status for _, status in statuses} == {"granted", "permission-sought"}
    on_site = for_use(build_plan(project, "staff"), "site")
    assert [s.id for view in on_site.modules for s in view.stories] == ["our-story"]
    assert [view.id for view in on_site.modules if view.stories] == ["ours"]
    assert all(w.story.consent.covers == () for w in on_site.withheld)


def test_public_stories_takes_only_retell_or_ask_first(tmp_path):
    errors = load_errors(tmp_path, **{"organisation.yml": "name: Leeds Care\npublic_stories: never\n"})
    assert len(errors) == 1 and errors[0].startswith("organisation.yml: line 2: public_stories:")
    assert "'retell' or 'ask-first'" in errors[0]
