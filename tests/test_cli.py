"""The command line: exit codes, exact messages, no tracebacks, light start-up."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import checked_files, checked_module, module_text, tree_bytes, write_tree

from coursekit import __version__


def test_version(cli, tmp_path):
    result = cli(["--version"], tmp_path)
    assert result.exit_code == 0
    assert result.stdout == f"coursekit {__version__}\n"


def test_build_then_list(cli, project):
    result = cli(["build"], project)
    assert result.exit_code == 0, result.stderr
    assert "staff: 1 modules, 1 h 5 min in the room" in result.stdout
    assert "Built 2 course(s). Open site/index.html in a browser." in result.stdout
    assert (project / "site/staff/index.html").is_file()
    listing = cli(["list"], project)
    assert listing.exit_code == 0
    assert "intro" in listing.stdout and "Introduction" in listing.stdout
    assert "staff" in listing.stdout and "bosses" in listing.stdout


def test_bad_content_exits_1_with_every_error_and_keeps_site(cli, project):
    assert cli(["build"], project).exit_code == 0
    before = tree_bytes(project / "site")
    (project / "modules/intro.md").write_text(module_text().replace("summary:", "sumary:"))
    result = cli(["build"], project)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: modules/intro.md: line 2: summary: is required but missing; add it",
        "Error: modules/intro.md: line 4: sumary: unknown key 'sumary'; did you mean 'summary'?",
        "2 problems found; nothing was built or changed.",
    ]
    assert tree_bytes(project / "site") == before


def test_out_refuses_a_foreign_folder(cli, project):
    write_tree(project / "mine", {"thesis.docx": "do not delete"})
    result = cli(["build", "--out", "mine"], project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "mine: is not empty and was not made by coursekit" in result.stderr
    assert (project / "mine/thesis.docx").read_text() == "do not delete"


def test_unknown_audience_is_a_usage_error(cli, project):
    result = cli(["build", "--audience", "nobody"], project)
    assert result.exit_code == 2
    assert "no audience 'nobody'; choose from: bosses, staff" in result.stderr


def test_only_and_audience_options(cli, project):
    result = cli(["build", "--audience", "staff", "--only", "slides", "--out", "decks"], project)
    assert result.exit_code == 0, result.stderr
    assert (project / "decks/staff/downloads/staff-slides.pptx").is_file()
    assert not (project / "decks/bosses").exists()


def test_no_traceback_in_a_real_process(project):
    (project / "audiences/staff.yml").write_text("id: [unclosed\n")
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", "build"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: audiences/staff.yml: line 2: malformed YAML")


def test_help_does_not_import_the_renderers():
    code = (
        "import sys; from typer.testing import CliRunner; from coursekit.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in ('mkdocs', 'pptx', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_built_in_course_is_used_outside_a_project(cli, tmp_path):
    result = cli(["list"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (
        "No organisation.yml, modules/ or audiences/ here, so using the built-in co-production course."
        in result.stderr
    )
    assert "frontline-staff" in result.stdout and "commissioners" in result.stdout


def test_bad_option_value_is_a_usage_error(cli, project):
    result = cli(["build", "--only", "pdf"], project)
    assert result.exit_code == 2
    assert "Invalid value for '--only'" in result.stderr
    assert not (project / "site").exists()


def test_only_scorm_with_scorm_2004(cli, project):
    result = cli(
        ["build", "--audience", "staff", "--only", "scorm", "--scorm", "2004", "--out", "lms"], project
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "staff: 1 modules, 1 h 5 min in the room, 1 files -> lms/staff/downloads/staff-scorm2004.zip"
        in result.stdout
    )
    made = sorted(p.relative_to(project / "lms/staff").as_posix() for p in (project / "lms/staff").rglob("*"))
    assert made == ["downloads", "downloads/staff-scorm2004.zip"]


def test_bad_scorm_version_is_a_usage_error(cli, project):
    result = cli(["build", "--scorm", "3"], project)
    assert result.exit_code == 2
    assert "Invalid value for '--scorm'" in result.stderr
    assert not (project / "site").exists()


def test_project_that_does_not_exist(cli, tmp_path):
    result = cli(["build", "--project", str(tmp_path / "nowhere")], tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'nowhere'}: no such folder; --project must be a course "
        "project folder (make one with: coursekit init FOLDER)\n"
    )
    assert not (tmp_path / "site").exists()


def test_project_folder_without_modules(cli, tmp_path):
    (tmp_path / "notes").mkdir()
    result = cli(["list", "--project", "notes"], tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: notes: has no organisation.yml, modules/ or audiences/; --project must be "
        "a course project folder (make one with: coursekit init FOLDER)\n"
    )


def test_misspelt_audience_suggests_the_closest(cli, tmp_path):
    result = cli(["build", "--audience", "comissioners"], tmp_path)
    assert result.exit_code == 2
    assert (
        "no audience 'comissioners'; did you mean 'commissioners'? choose from: commissioners,"
        in " ".join(result.stderr.split())
    )
    assert not (tmp_path / "site").exists()


# --- check findings in build, and JSON load problems -------------------------------------------


def _flawed_files() -> dict[str, str]:
    module = checked_module(("We work best when we work together.", "We work best with addicts."))
    return dict(checked_files(module))


def test_build_warns_about_every_check_finding_on_stderr(cli, tmp_path):
    root = write_tree(tmp_path / "p", _flawed_files())
    result = cli(["build", "--only", "slides"], root)
    assert result.exit_code == 0, result.stderr
    lines = _flawed_files()["modules/intro.md"].splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "addicts" in text)
    assert result.stderr.splitlines() == [
        (
            f"Warning: modules/intro.md: line {line}: body: 'addicts' is stigmatising or deficit language: use "
            "'people who use drugs' (put it in quotation marks if you are discussing the word itself) [language]"
        )
    ]


def test_build_strict_refuses_to_build_when_check_fails(cli, tmp_path):
    root = write_tree(tmp_path / "p", checked_files())
    assert cli(["build", "--strict", "--only", "slides"], root).exit_code == 0
    before = tree_bytes(root / "site")
    write_tree(root, _flawed_files())
    result = cli(["build", "--strict", "--only", "slides"], root)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Error: Checked 3 files: 0 errors, 1 warning; failed (--strict: warnings count). Nothing was built "
        "or changed (--strict). Run 'coursekit check' for details."
    )
    assert tree_bytes(root / "site") == before


def test_check_json_reports_load_problems_as_findings(cli, project):
    (project / "modules/intro.md").write_text(module_text().replace("summary:", "sumary:"))
    result = cli(["check", "--format", "json"], project)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["findings"][0] == {
        "path": "modules/intro.md",
        "line": 2,
        "field": "summary",
        "rule": "load",
        "severity": "error",
        "message": "is required but missing; add it",
    }
    assert report["summary"] == {"errors": 2, "warnings": 0, "files": 0, "strict": False, "failed": True}


def test_build_without_check_builds_and_shows_no_check_findings(project, cli):
    checked = cli(["build"], project)
    unchecked = cli(["build", "--no-check"], project)
    assert checked.exit_code == unchecked.exit_code == 0
    assert "[question-count]" in checked.stderr
    assert "[question-count]" not in unchecked.stderr
