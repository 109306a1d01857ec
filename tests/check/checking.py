"""Helpers shared by the tests of `coursekit.check`: check a small project, find a rule's findings."""

from __future__ import annotations

from pathlib import Path

from conftest import CHECKED_MODULE, checked_files, write_tree

from coursekit.check import check_project
from coursekit.load import load_project

MODULE = "modules/intro.md"
STAFF = "audiences/staff.yml"


def with_body(markdown: str) -> str:
    """Return the checked module with Markdown added to the end of its shared body."""
    return CHECKED_MODULE.replace("\n::: only bosses", f"\n{markdown}\n\n::: only bosses")


def check_files(tmp_path: Path, files: dict[str, str], **options) -> list:
    """Check a project made of these files; return its findings."""
    root = write_tree(tmp_path / "project", files)
    return list(check_project(load_project(root), **options).findings)


def findings(tmp_path: Path, module: str = CHECKED_MODULE, **options) -> list:
    """Check the checked project with this module; return its findings."""
    return check_files(tmp_path, checked_files(module), **options)


def line_of(text: str, snippet: str) -> int:
    """Return the 1-based line of the file text where the snippet first appears."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if snippet in line)


def caught(found: list, rule: str) -> list[tuple]:
    """Return (path, line, field, severity) of every finding of a rule."""
    return [(f.path, f.line, f.field, f.severity) for f in found if f.rule == rule]
