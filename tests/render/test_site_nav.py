"""The theme's navigation override: each entry rendered once and reused, with unchanged HTML."""

from __future__ import annotations

import shutil

from conftest import audience_text, module_text, tree_bytes, valid_files, write_tree

from coursekit.render import site


def test_reused_navigation_gives_the_same_html_as_the_theme_alone(cli, tmp_path, monkeypatch):
    files = valid_files() | {
        "modules/second.md": module_text("second", "Second steps"),
        "audiences/staff.yml": audience_text("staff", "[intro, second]"),
    }
    project = write_tree(tmp_path / "project", files)
    result = cli(
        ["build", "--only", "site", "--audience", "staff", "--out", str(tmp_path / "reused")], project
    )
    assert result.exit_code == 0, result.stderr

    theme_alone = tmp_path / "theme"
    shutil.copytree(site.THEME, theme_alone)
    (theme_alone / "partials" / "nav.html").unlink()
    monkeypatch.setattr(site, "THEME", theme_alone)
    result = cli(
        ["build", "--only", "site", "--audience", "staff", "--out", str(tmp_path / "alone")], project
    )
    assert result.exit_code == 0, result.stderr

    reused, alone = tree_bytes(tmp_path / "reused"), tree_bytes(tmp_path / "alone")
    pages = [name for name in alone if name.endswith(".html")]
    assert len(pages) >= 5 and all(
        b'class="md-nav__link"' in alone[name] for name in pages if "staff/" in name
    )
    assert reused == alone
