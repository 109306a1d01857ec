"""The loaded project keeps where every value came from, so messages can name the line."""

from __future__ import annotations

from coursekit.load import load_project
from coursekit.model import SourceFile


def test_every_loaded_file_knows_its_lines(project):
    loaded = load_project(project)
    module = loaded.file("modules/intro.md")
    assert module.line(("activities", 0, "minutes")) == module.lines[("activities", 0, "minutes")]
    audience = loaded.file("audiences/staff.yml")
    assert audience.line(("length_minutes",)) == 6


def test_an_unknown_key_path_falls_back_to_its_parent():
    where = SourceFile("x.yml", {("activities",): 4, ("activities", 0): 5})
    assert where.line(("activities", 0, "title")) == 5
    assert where.line(("other",)) is None
