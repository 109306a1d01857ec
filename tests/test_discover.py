"""Input files that are not plain files are reported by name, never skipped or waited on."""

from __future__ import annotations

import os

from conftest import module_text, valid_files, write_tree

from coursekit.discover import find_file, find_files
from coursekit.errors import Problem
from coursekit.load import load_project


def test_files_are_sorted_and_hidden_files_ignored(tmp_path):
    root = write_tree(
        tmp_path,
        {
            "modules/b.md": "x",
            "modules/a.md": "x",
            "modules/.#a.md": "x",
            "modules/notes.txt": "x",
            "audiences/s.yaml": "x",
            "audiences/r.yml": "x",
        },
    )
    assert find_files(root, "modules", ["*.md"]) == ([root / "modules/a.md", root / "modules/b.md"], [])
    paths, problems = find_files(root, "audiences", ["*.yml", "*.yaml"])
    assert (paths, problems) == ([root / "audiences/r.yml", root / "audiences/s.yaml"], [])


def test_a_link_to_a_file_inside_the_project_is_read(tmp_path):
    root = write_tree(tmp_path / "project", dict(valid_files(), **{"drafts/intro.md": module_text()}))
    (root / "modules/intro.md").unlink()
    (root / "modules/intro.md").symlink_to("../drafts/intro.md")
    assert [m.id for m in load_project(root).modules] == ["intro"]


def test_broken_link(refused_build):
    def prepare(root):
        (root / "modules/extra.md").symlink_to("missing.md")

    assert refused_build(valid_files(), prepare=prepare)[0] == (
        "Error: modules/extra.md: is a broken symbolic link: it points to 'missing.md', which does not exist; "
        "fix or delete the link"
    )


def test_looping_link(refused_build):
    def prepare(root):
        (root / "modules/a.md").symlink_to("b.md")
        (root / "modules/b.md").symlink_to("a.md")

    assert refused_build(valid_files(), prepare=prepare)[:2] == [
        "Error: modules/a.md: is a symbolic link that loops back on itself; replace it with the file",
        "Error: modules/b.md: is a symbolic link that loops back on itself; replace it with the file",
    ]


def test_link_to_a_file_outside_the_project(refused_build, tmp_path):
    outside = write_tree(tmp_path / "elsewhere", {"secret.md": module_text("secret")}) / "secret.md"

    def prepare(root):
        (root / "modules/secret.md").symlink_to(outside)

    assert refused_build(valid_files(), prepare=prepare)[0] == (
        f"Error: modules/secret.md: is a link to {outside}, outside the project; coursekit reads only files "
        "inside the project: copy the file in instead"
    )


def test_named_pipe_is_reported_not_waited_on(refused_build):
    def prepare(root):
        os.mkfifo(root / "modules/pipe.md")

    assert refused_build(valid_files(), prepare=prepare)[0] == (
        "Error: modules/pipe.md: is a named pipe (FIFO), not a regular file; replace it with an ordinary file"
    )


def test_named_pipe_as_sources_file(refused_build):
    files = valid_files()
    del files["sources.yml"]

    def prepare(root):
        os.mkfifo(root / "sources.yml")

    assert (
        "Error: sources.yml: is a named pipe (FIFO), not a regular file; replace it with an ordinary file"
        in refused_build(files, prepare=prepare)
    )


def test_folder_named_like_a_module(refused_build):
    def prepare(root):
        (root / "modules/x.md").mkdir()

    assert refused_build(valid_files(), prepare=prepare)[0] == (
        "Error: modules/x.md: is a folder, not a file; rename it so that its name does not end in '.md'"
    )


def test_unreadable_file(tmp_path, monkeypatch):
    # Tests run as root, who can read any file, so the permission check itself is the seam.
    root = write_tree(tmp_path / "p", valid_files())
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: not str(path).endswith("intro.md") and real_access(path, mode)
    )
    assert find_files(root, "modules", ("*.md",))[1] == [
        Problem("modules/intro.md", None, None, "cannot be read (permission denied); check its permissions")
    ]


def test_missing_optional_file_is_not_a_problem(tmp_path):
    assert find_file(tmp_path, "sources.yml") == (None, [])
