"""An organisation's project on the built-in library: add, replace, attach, and audiences of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SOURCES, module_text, write_tree

from coursekit.content import builtin_root
from coursekit.errors import ContentError
from coursekit.load import load_project

STAFF = """\
id: staff
name: Our staff
description: People who work in our services.
course_title: Working together at Leeds Care
based_on: frontline-staff
modules: [what-co-production-is, intro, jargon]
length_minutes: 150
reading_level: 8
tone: Warm.
support: Ask your team leader.
"""

BOSSES = """\
id: bosses
name: Our managers
description: People who run our services.
course_title: Leading co-production at Leeds Care
based_on: commissioners
modules: [intro]
length_minutes: 30
reading_level: 8
tone: Direct.
support: Ask the learning team.
"""

ADDITION = """\
local_examples:
  - title: LOCAL-EXAMPLE our members rewrote the welcome pack
    text: In 2025 our members and staff rewrote the welcome pack together.
    trainer_notes: LOCAL-NOTE ask who has seen the new pack.
support:
  - name: Involvement team
    how: Call 0113 000 0000.
"""


def builtin_version(module_id: str) -> str:
    """The version of a built-in module today (the library's own edits move it on)."""
    text = (builtin_root() / f"modules/{module_id}.md").read_text(encoding="utf-8")
    return re.search(r'^version: "([^"]+)"', text, re.MULTILINE)[1]


JARGON = builtin_version("jargon")


def replaced_jargon(version: str = JARGON) -> str:
    """The built-in jargon module with our own title and the given version."""
    text = (builtin_root() / "modules/jargon.md").read_text(encoding="utf-8")
    text = text.replace('title: "Jargon: explain it', 'title: "OUR-JARGON: explain it', 1)
    return text.replace(f'version: "{JARGON}"', f'version: "{version}"', 1)


def organisation_problems(tmp_path: Path, **changes: str | None) -> list[str]:
    """Load an organisation's project with the given files changed; return its problems, one a line."""
    with pytest.raises(ContentError) as caught:
        load_project(write_tree(tmp_path / "ours", organisation_files(**changes)))
    return caught.value.lines()


def organisation_files(**changes: str | None) -> dict[str, str]:
    """An organisation's project: one module added, one replaced, one addition, two audiences."""
    files = {
        "organisation.yml": "name: Leeds Care\n",
        "modules/intro.md": module_text(title="LOCAL-MODULE Our peer team"),
        "modules/jargon.md": replaced_jargon(),
        "additions/what-co-production-is.yml": ADDITION,
        "audiences/staff.yml": STAFF,
        "audiences/bosses.yml": BOSSES,
        "sources.yml": SOURCES,
    }
    files.update(changes)
    return {name: text for name, text in files.items() if text is not None}


@pytest.fixture
def organisation(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "ours", organisation_files())


def test_origins_of_added_replaced_and_attached_modules(organisation):
    project = load_project(organisation)
    kinds = {module_id: origin.kind for module_id, origin in project.origins.items()}
    assert kinds["intro"] == "local"
    assert kinds["jargon"] == "replaced"
    assert kinds["what-co-production-is"] == "built-in + additions"
    assert kinds["four-cos"] == "built-in"
    assert project.origins["jargon"].builtin_version == JARGON
    assert project.module("jargon").title.startswith("OUR-JARGON")
    assert project.notices == (
        f"modules/jargon.md replaces the built-in module 'jargon' (built-in {JARGON}, yours {JARGON})",
    )
    assert "frontline-staff" in [a.id for a in project.audiences]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The organisation's 'staff' course, built once: site and deck."""
    from typer.testing import CliRunner

    from coursekit.cli import app

    root = write_tree(tmp_path_factory.mktemp("layers") / "ours", organisation_files())
    result = CliRunner().invoke(
        app,
        ["build", "--audience", "staff", "--project", str(root), "--out", str(root / "site")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    assert (
        f"Note: modules/jargon.md replaces the built-in module 'jargon' (built-in {JARGON}, yours {JARGON})"
        in result.stderr
    )
    return root / "site/staff"


def deck_text(course: Path) -> tuple[str, str]:
    """Return all slide text and all speaker notes of a course's deck."""
    from pptx import Presentation

    deck = Presentation(str(course / "downloads/staff-slides.pptx"))
    slides, notes = [], []
    for slide in deck.slides:
        slides += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        notes.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(slides), "\n".join(notes)


def test_added_replaced_and_attached_reach_the_site(built):
    assert "LOCAL-MODULE Our peer team" in (built / "02-intro.html").read_text()
    assert "OUR-JARGON" in (built / "03-jargon.html").read_text()
    page = (built / "01-what-co-production-is.html").read_text()
    assert "LOCAL-EXAMPLE our members rewrote the welcome pack" in page
    assert "Involvement team" in page and "Call 0113 000 0000." in page
    assert "LOCAL-NOTE" not in page  # trainer notes stay out of the learner site


def test_added_replaced_and_attached_reach_the_deck_and_its_notes(built):
    slides, notes = deck_text(built)
    assert "Module 2: LOCAL-MODULE Our peer team" in slides
    assert "Module 3: OUR-JARGON: explain it, don't drop it, don't talk down" in slides
    assert "Module 1: local example: LOCAL-EXAMPLE our members rewrote the welcome pack" in slides
    assert "How to use it: LOCAL-NOTE ask who has seen the new pack." in notes
    assert "Local support: Involvement team: Call 0113 000 0000." in notes
    assert "SECRET-FACILITATOR-NOTE" in notes  # the added module's facilitator notes


def test_based_on_audience_gets_the_base_audiences_share(organisation):
    from coursekit.plan import build_plan

    plan = build_plan(load_project(organisation), "staff")
    jargon = next(view for view in plan.modules if view.id == "jargon")
    frontline = next(
        v for v in build_plan(load_project(builtin_root()), "frontline-staff").modules if v.id == "jargon"
    )
    assert [a.id for a in jargon.activities] == [a.id for a in frontline.activities]
    assert jargon.focus == frontline.focus and jargon.body == frontline.body


def test_a_folder_with_only_audiences_builds_them_over_the_built_in_modules(cli, tmp_path):
    root = write_tree(tmp_path / "ours", {"audiences/staff.yml": STAFF.replace("intro, ", "")})
    listing = cli(["list"], root)
    assert listing.exit_code == 0, listing.stderr
    assert "using the built-in" not in listing.stderr
    assert "  staff " in listing.stdout and "Our staff" in listing.stdout
    result = cli(["build", "--audience", "staff", "--only", "slides"], root)
    assert result.exit_code == 0, result.stderr
    assert (root / "site/staff/downloads/staff-slides.pptx").is_file()


def test_list_shows_origin_and_version(cli, organisation):
    result = cli(["list"], organisation)
    assert result.exit_code == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("  ")}
    assert " v1.0    local " in lines["intro"]
    assert f" v{JARGON}    replaced " in lines["jargon"]
    assert (
        f" v{builtin_version('what-co-production-is')}    built-in + additions "
        in lines["what-co-production-is"]
    )
    assert f" v{builtin_version('four-cos')}    built-in " in lines["four-cos"]


def test_addition_for_a_misspelt_module_id(tmp_path):
    assert organisation_problems(tmp_path, **{"additions/what-co-production-iss.yml": ADDITION}) == [
        (
            "additions/what-co-production-iss.yml: no module has id 'what-co-production-iss'; did you mean "
            "'what-co-production-is'?: name the file after the id of the module it adds to"
        )
    ]


def test_addition_reusing_an_id_of_the_module(tmp_path):
    text = (builtin_root() / "modules/what-co-production-is.md").read_text(encoding="utf-8")
    taken = re.search(r"^activities:\n  - id: (\S+)", text, re.MULTILINE)[1]  # the module's first activity
    activity = (
        f"activities:\n  - id: {taken}\n    title: Ours\n    minutes: 5\n    type: pairs\n"
        "    instructions: Talk.\n    facilitator_notes: Time it.\n"
    )
    assert organisation_problems(tmp_path, **{"additions/what-co-production-is.yml": activity}) == [
        (
            "additions/what-co-production-is.yml: activities[0].id: module 'what-co-production-is' already has "
            f"activities id '{taken}'; choose another id"
        )
    ]


def test_unknown_key_in_an_addition(tmp_path):
    assert organisation_problems(
        tmp_path, **{"additions/what-co-production-is.yml": "local_example:\n  - title: A\n    text: B.\n"}
    ) == [
        (
            "additions/what-co-production-is.yml: line 1: local_example: unknown key "
            "'local_example'; did you mean 'local_examples'?"
        )
    ]


def test_based_on_an_unknown_audience(tmp_path):
    assert organisation_problems(
        tmp_path,
        **{"audiences/bosses.yml": BOSSES.replace("based_on: commissioners", "based_on: comissioners")},
    ) == [
        (
            "audiences/bosses.yml: line 5: based_on: no audience has id 'comissioners'; "
            "did you mean 'commissioners'?"
        )
    ]


def test_problems_in_built_in_files_are_shown_as_built_in(tmp_path):
    root = write_tree(
        tmp_path / "ours",
        organisation_files(**{"audiences/staff.yml": STAFF.replace("based_on: frontline-staff\n", "")}),
    )
    with pytest.raises(ContentError) as caught:
        load_project(root)
    assert (
        "audiences/staff.yml: line 5: modules[2]: module 'jargon' does not say how it serves 'staff': add "
        "'staff' under 'audiences' in modules/jargon.md"
    ) in caught.value.lines()
    assert (
        "audiences/staff.yml: line 5: modules[0]: module 'what-co-production-is' does not say how it serves "
        "'staff': add 'staff' under 'audiences' in built-in:modules/what-co-production-is.md"
    ) in caught.value.lines()


def check(cli, root: Path, *options: str):
    return cli(["check", *options], root)


def test_check_warns_when_a_replaced_module_is_behind_the_library(cli, tmp_path):
    root = write_tree(tmp_path / "ours", organisation_files(**{"modules/jargon.md": replaced_jargon("0.9")}))
    result = check(cli, root)
    assert (
        "Warning: modules/jargon.md: line 9: version: replaces the built-in module 'jargon', which is now at "
        f"version {JARGON} (yours is 0.9): compare the two, bring in what changed, then give yours a version of "
        "at least the built-in one [replaced-behind]"
    ) in result.stdout.splitlines()


def test_strict_check_fails_when_a_module_changed_without_a_new_version(cli, organisation):
    result = check(cli, organisation, "--update-versions")
    assert "Recorded module versions in coursekit.lock." in result.stderr
    assert "version-unrecorded" not in result.stdout and "version-unchanged" not in result.stdout
    lock = (organisation / "coursekit.lock").read_bytes()
    assert [line.split()[:2] for line in lock.decode().splitlines() if not line.startswith("#")] == [
        ["intro", "1.0"],
        ["jargon", JARGON],
    ]
    assert check(cli, organisation, "--update-versions").exit_code in (0, 1)
    assert (organisation / "coursekit.lock").read_bytes() == lock  # byte-stable
    module = organisation / "modules/intro.md"
    module.write_text(module.read_text().replace("Talk with a partner", "Talk with a friend"))
    result = check(cli, organisation, "--strict")
    assert result.exit_code == 1
    assert (
        "Warning: modules/intro.md: line 6: version: the module changed but its version is still 1.0 (as "
        "recorded in coursekit.lock): give it a new version and set 'updated', then run coursekit check "
        "--update-versions [version-unchanged]"
    ) in result.stdout.splitlines()
    module.write_text(module.read_text().replace('version: "1.0"', 'version: "1.1"'))
    result = check(cli, organisation)
    assert (
        "Warning: modules/intro.md: line 6: version: version 1.1 is not recorded in coursekit.lock; run "
        "coursekit check --update-versions and commit the file [version-unrecorded]"
    ) in result.stdout
    check(cli, organisation, "--update-versions")
    entries = (organisation / "coursekit.lock").read_text().splitlines()
    assert [line.split()[:2] for line in entries if not line.startswith("#")] == [
        ["intro", "1.0"],
        ["intro", "1.1"],
        ["jargon", JARGON],
    ]


def test_an_organisation_build_is_reproducible(cli, organisation):
    from conftest import tree_bytes

    (organisation / "assets").mkdir()
    (organisation / "assets/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
    )
    (organisation / "organisation.yml").write_text("name: Leeds Care\nlogo: assets/logo.svg\n")
    (organisation / "CHANGELOG.md").write_text("# What changed\n\n## 1.0 (2026-11-30)\n\n- First.\n")
    builds = []
    for out in ("first", "second"):
        result = cli(["build", "--audience", "bosses", "--out", out], organisation)
        assert result.exit_code == 0, result.stderr
        builds.append(tree_bytes(organisation / out))
    assert builds[0] == builds[1]
    assert "bosses/assets/logo.svg" in builds[0] and "assets/logo.svg" in builds[0]


def test_an_additions_file_that_is_not_a_mapping(tmp_path):
    assert organisation_problems(tmp_path, **{"additions/what-co-production-is.yml": "- a\n"}) == [
        "additions/what-co-production-is.yml: line 1: must be a mapping of additions (activities, local_examples, ...)"
    ]
