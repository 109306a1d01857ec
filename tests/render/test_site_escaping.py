"""Plain-text fields are escaped everywhere on the built site; no page loads from outside."""

from __future__ import annotations

import re

from conftest import audience_text, module_text, valid_files, write_tree

HOSTILE_TITLE = '</title><script>alert("title")</script> Intro & <b>bold</b>'
HOSTILE_STORY = 'Sam [click](javascript:alert(2)) <img src="http://evil.example/x.png"> joined a group'
REMOTE = re.compile(
    r"""<(?:img|script|link|iframe|source|video|audio)\b[^>]*\s(?:src|href)=["']?(?:https?:)?//"""
)


def hostile_project(tmp_path):
    module = module_text(title=HOSTILE_TITLE.replace('"', '\\"').join('""'))
    module = module.replace("Sam joined a group", HOSTILE_STORY).replace(
        "Talk with a partner about", "<iframe src='https://evil.example/'></iframe> Talk with a partner about"
    )
    audience = (
        audience_text("staff")
        .replace("name: Staff", "name: '<i>Staff</i>'")
        .replace("course_title: Staff course", "course_title: '<script>alert(3)</script> Course'")
    )
    files = dict(valid_files(), **{"modules/intro.md": module, "audiences/staff.yml": audience})
    return write_tree(tmp_path / "p", files)


def test_hostile_text_is_shown_as_text_and_nothing_runs(tmp_path, cli):
    root = hostile_project(tmp_path)
    result = cli(["build", "--only", "site"], root)
    assert result.exit_code == 0, result.stderr
    pages = {p.name: p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")}
    for name, html in pages.items():
        assert "<script>alert" not in html, name
        assert "javascript:" not in html, name
        assert "<iframe" not in html and "<i>Staff" not in html and "<b>bold" not in html, name
        assert not REMOTE.search(html), name
    module_page = pages["01-intro.html"]
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Intro" in module_page
    assert "<title>1. &lt;/title&gt;&lt;script&gt;" in module_page
