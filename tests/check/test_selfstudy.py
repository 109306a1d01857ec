"""Every activity on the site can be done alone, or says it happens in the session."""

from __future__ import annotations

from conftest import checked_files, checked_module, write_tree

from coursekit.check import check_project
from coursekit.load import load_project

SELF_STUDY = "    self_study: Write down a time someone listened to you, and what they did that helped.\n"


def rules_for(tmp_path, module: str) -> list[tuple[str, str | None, str]]:
    root = write_tree(tmp_path / "p", checked_files(module))
    return [(f.rule, f.field, f.severity) for f in check_project(load_project(root)).findings]


def test_an_activity_with_no_self_study_version_is_flagged(tmp_path):
    module = checked_module((SELF_STUDY, ""))
    assert ("self-study", "activities[0]", "warning") in rules_for(tmp_path, module)


def test_a_classroom_only_activity_is_not_flagged(tmp_path):
    module = checked_module((SELF_STUDY, "    classroom_only: true\n"))
    assert not [r for r in rules_for(tmp_path, module) if r[0] == "self-study"]
