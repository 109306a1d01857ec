"""check_project and the `coursekit check` command: the clean fixture, output, exit codes."""

from __future__ import annotations

import json

import pytest
from checking import MODULE, line_of
from conftest import checked_files, checked_module, write_tree

VAGUE = ("text: Describe one benefit of working together.", "text: Understand co-production.")


def test_the_clean_fixture_passes_strict(cli, tmp_path):
    root = write_tree(tmp_path / "p", checked_files())
    result = cli(["check", "--strict"], root)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "Checked 3 files: 0 errors, 0 warnings; passed (strict).\n"


def test_text_output_and_exit_code_for_errors(cli, tmp_path):
    module = checked_module(VAGUE)
    root = write_tree(tmp_path / "p", checked_files(module))
    result = cli(["check"], root)
    assert result.exit_code == 1
    line = line_of(module, "Understand co-production")
    assert (
        f"Warning: {MODULE}: line {line}: outcomes[0].text: uses 'understand', which cannot be observed"
        in result.stdout
    )
    assert result.stdout.splitlines()[-1] == "Checked 3 files: 3 errors, 2 warnings; failed."


def test_strict_turns_warnings_into_failure(cli, tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    root = write_tree(tmp_path / "p", checked_files(module))
    relaxed, strict = cli(["check"], root), cli(["check", "--strict"], root)
    assert relaxed.exit_code == 0
    assert relaxed.stdout.splitlines()[-1] == "Checked 3 files: 0 errors, 1 warning; passed."
    assert strict.exit_code == 1
    assert (
        strict.stdout.splitlines()[-1]
        == "Checked 3 files: 0 errors, 1 warning; failed (--strict: warnings count)."
    )


def test_json_output(cli, tmp_path):
    module = checked_module(("Sam joined a group", "Sam joined a group of service users"))
    root = write_tree(tmp_path / "p", checked_files(module))
    result = cli(["check", "--format", "json", "--strict"], root)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == {
        "findings": [
            {
                "path": MODULE,
                "line": line_of(module, "service users"),
                "field": "stories[0].text",
                "rule": "language",
                "severity": "warning",
                "message": data["findings"][0]["message"],
            }
        ],
        "summary": {"errors": 0, "warnings": 1, "files": 3, "strict": True, "failed": True},
    }


@pytest.mark.parametrize("args", [["--format", "xml"], ["--sources-dir", "no-such-folder"], ["--bogus"]])
def test_usage_errors_exit_2(cli, tmp_path, args):
    root = write_tree(tmp_path / "p", checked_files())
    assert cli(["check", *args], root).exit_code == 2


def test_project_option(cli, tmp_path):
    write_tree(tmp_path / "p", checked_files())
    result = cli(["check", "--project", "p"], tmp_path)
    assert result.exit_code == 0, result.stdout
