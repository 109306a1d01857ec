"""Whole builds: the site and deck exist, builds are reproducible, failures change nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import course_audience, module_text, tree_bytes, valid_files, write_tree

from coursekit.build import build
from coursekit.errors import OutputError
from coursekit.load import load_project


@pytest.fixture
def built(project, tmp_path) -> Path:
    out = tmp_path / "site"
    build(load_project(project), ["bosses", "staff"], ("site", "slides"), out)
    return out


def test_build_writes_landing_page_sites_and_decks(built):
    for name in [
        "index.html",
        "staff/index.html",
        "bosses/index.html",
        "staff/01-intro.html",
        "staff/glossary.html",
        "staff/progress.html",
        "staff/print.html",
        "staff/sources.html",
        "staff/search/search_index.js",
        "staff/downloads/staff-slides.pptx",
        "bosses/downloads/bosses-slides.pptx",
    ]:
        assert (built / name).is_file(), name
    landing = (built / "index.html").read_text()
    assert 'href="staff/index.html"' in landing and 'href="bosses/index.html"' in landing


def test_learner_pages_never_show_facilitator_notes(built):
    for page in built.rglob("*.html"):
        assert "SECRET-FACILITATOR-NOTE" not in page.read_text(), page
    assert "SECRET-FACILITATOR-NOTE" not in (built / "staff/search/search_index.js").read_text()


def test_module_page_content(built):
    page = (built / "staff/01-intro.html").read_text()
    assert '<html lang="en-GB"' in page
    assert "Describe one benefit of working together." in page
    assert 'class="ck-quiz"' in page and "Check my answer" in page
    assert '<abbr title="National Health Service.">NHS</abbr>' in page
    assert "Content note" in page and '<details class="story">' in page
    assert 'href="sources.html#example-story"' in page
    assert 'href="downloads/staff-slides.pptx"' in (built / "staff/index.html").read_text()


def test_site_loads_nothing_from_the_network(built):
    remote = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
    for page in built.rglob("*.html"):
        assert not remote.search(page.read_text()), page
    css_and_js = [p for p in built.rglob("*") if p.suffix in {".css", ".js"}]
    assert not [p for p in css_and_js if "fonts.googleapis" in p.read_text(errors="ignore")]


def test_two_builds_are_byte_identical(project, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    build(load_project(project), ["staff", "bosses"], ("site", "slides"), first)
    build(load_project(project), ["staff", "bosses"], ("site", "slides"), second)
    assert tree_bytes(first) == tree_bytes(second)


def test_only_slides_builds_no_site(project, tmp_path):
    out = tmp_path / "out"
    build(load_project(project), ["staff"], ("slides",), out)
    assert (out / "staff/downloads/staff-slides.pptx").is_file()
    assert not (out / "staff/index.html").exists()


def test_failed_build_leaves_previous_output_unchanged(project, built, monkeypatch):
    before = tree_bytes(built)
    import coursekit.render.slides as slides

    def explode(*args):
        raise RuntimeError("renderer failed half way")

    monkeypatch.setattr(slides, "render", explode)
    (project / "modules/intro.md").write_text(module_text(title="Changed title"))
    with pytest.raises(RuntimeError):
        build(load_project(project), ["bosses", "staff"], ("site", "slides"), built)
    assert tree_bytes(built) == before
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".coursekit-")]


def test_refuses_to_overwrite_a_folder_it_did_not_make(project, tmp_path):
    out = write_tree(tmp_path / "precious", {"notes.txt": "keep me"})
    with pytest.raises(OutputError, match="is not empty and was not made by coursekit"):
        build(load_project(project), ["staff"], ("site",), out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_rebuilds_over_its_own_output(project, built):
    build(load_project(project), ["staff"], ("site",), built)
    assert (built / "staff/index.html").is_file()
    assert not (built / "bosses").exists()


def test_an_audience_s_local_values_fill_its_slots_unless_the_organisation_gives_one(cli, tmp_path):
    module = module_text().replace(
        "The NHS has a duty", "We pay {{ payment-offer }} a day. The NHS has a duty"
    )
    module = module.replace(
        "prerequisites: []\n", "prerequisites: []\nslots:\n  payment-offer: What we pay.\n"
    )
    audience = (
        course_audience("staff") + "local:\n  payment-offer: AUDIENCE-DEFAULT the amount in your letter\n"
    )
    root = write_tree(
        tmp_path / "p", dict(valid_files(), **{"modules/intro.md": module, "audiences/staff.yml": audience})
    )
    result = cli(["build", "--only", "site", "--audience", "staff", "--no-check"], root)
    assert result.exit_code == 0, result.stderr
    page = (root / "site/staff/01-intro.html").read_text(encoding="utf-8")
    assert "We pay AUDIENCE-DEFAULT the amount in your letter a day." in page


def test_numbered_citations_put_a_number_in_the_text_and_the_source_at_the_foot(tmp_path, cli):
    files = valid_files()
    files["audiences/staff.yml"] += "citations: numbered\n"
    root = write_tree(tmp_path / "p", files)
    assert cli(["build", "--audience", "staff", "--only", "site", "--no-check"], root).exit_code == 0
    page = (root / "site/staff/01-intro.html").read_text(encoding="utf-8")
    assert (
        'involve people<sup id="fnref:example-story"><a class="footnote-ref" href="#fn:example-story">1</a>'
        in page
    )
    assert "involve people (" not in page
    assert re.search(
        r'<li id="fn:example-story">\s*<p><a href="sources.html#example-story">Example Org, 2022</a>', page
    )
    whole = (root / "site/staff/print.html").read_text(encoding="utf-8")
    assert 'id="fn:m1-example-story"' in whole
