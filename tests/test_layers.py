"""An organisation's project on the built-in library: add, replace, attach, and audiences of its own."""

from __future__ import annotations

import zipfile
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


def replaced_jargon(version: str = "1.0") -> str:
    """The built-in jargon module with our own title and the given version."""
    text = (builtin_root() / "modules/jargon.md").read_text(encoding="utf-8")
    text = text.replace('title: "Jargon: explain it', 'title: "OUR-JARGON: explain it', 1)
    return text.replace('version: "1.0"', f'version: "{version}"', 1)


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
    assert project.origins["jargon"].builtin_version == "1.0"
    assert project.module("jargon").title.startswith("OUR-JARGON")
    assert project.notices == ("modules/jargon.md replaces the built-in module 'jargon' (built-in 1.0, yours 1.0)",)
    assert "frontline-staff" in [a.id for a in project.audiences]
