"""mkdocs.yml is read safely: nothing in it runs code, reads the environment or loads from outside."""

from __future__ import annotations

import pytest
from conftest import run_coursekit, valid_files, write_tree

from coursekit.content import builtin_root
from coursekit.mkdocsconf import load

OUTSIDE = "coursekit sites work offline and load nothing from outside"


def with_config(text: str, **extra: str) -> dict:
    return dict(valid_files(), **{"mkdocs.yml": text}, **extra)


def test_the_shipped_settings_are_valid():
    settings, problems = load(builtin_root())
    assert problems == []
    assert settings["theme"]["name"] == "material" and "abbr" in settings["markdown_extensions"]


def test_python_tag_is_refused_and_never_run(refused_build, tmp_path):
    marker = tmp_path / "ran"
    lines = refused_build(
        with_config(f"site_name: x\ntheme: !!python/object/apply:os.system ['touch {marker}']\n")
    )
    assert lines[0] == (
        "Error: mkdocs.yml: line 2: theme: uses the YAML tag '!!python/object/apply:os.system', which coursekit "
        "does not allow (tags can run code or read outside the file): write a plain value"
    )
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!ENV", "!relative"])
def test_mkdocs_own_tags_are_refused(refused_build, tag):
    assert refused_build(with_config(f"site_name: x\nsite_description: {tag} HOME\n"))[0] == (
        f"Error: mkdocs.yml: line 2: site_description: uses the YAML tag {tag!r}, which coursekit does not "
        "allow (tags can run code or read outside the file): write a plain value"
    )


def test_hooks_are_refused_and_never_run(refused_build, tmp_path):
    marker = tmp_path / "ran"
    hook = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\n"
    assert refused_build(with_config("site_name: x\nhooks:\n  - hook.py\n", **{"hook.py": hook}))[0] == (
        "Error: mkdocs.yml: line 2: hooks: runs Python code during the build; coursekit does not allow hooks: "
        "remove it"
    )
    assert not marker.exists()


def test_inherit_is_refused(refused_build):
    assert refused_build(with_config("INHERIT: ../../other.yml\n"))[0] == (
        "Error: mkdocs.yml: line 1: INHERIT: would read settings from another file; copy the settings you "
        "need into this one"
    )


@pytest.mark.parametrize(
    "script",
    [
        "https://evil.example/x.js",
        "//evil.example/x.js",
        "/etc/x.js",
        "../../x.js",
        "javascript:alert(1)",
        "C:/x.js",
    ],
)
def test_extra_javascript_outside_the_site_is_refused(refused_build, script):
    assert refused_build(with_config(f"extra_javascript:\n  - assets/ok.js\n  - '{script}'\n"))[0] == (
        f"Error: mkdocs.yml: line 3: extra_javascript[1]: {script!r} is outside the site; {OUTSIDE}: use a "
        "path inside the site, such as 'assets/extra.css'"
    )


def test_extra_css_outside_the_site_is_refused(refused_build):
    assert refused_build(with_config("extra_css:\n  - path: https://cdn.example/x.css\n"))[0] == (
        f"Error: mkdocs.yml: line 2: extra_css[0].path: 'https://cdn.example/x.css' is outside the site; "
        f"{OUTSIDE}: use a path inside the site, such as 'assets/extra.css'"
    )


@pytest.mark.parametrize("key", ["logo", "favicon"])
def test_theme_pictures_from_outside_are_refused(refused_build, key):
    assert refused_build(with_config(f"theme:\n  name: material\n  {key}: https://evil.example/a.png\n"))[
        0
    ] == (
        f"Error: mkdocs.yml: line 3: theme.{key}: 'https://evil.example/a.png' is outside the site; {OUTSIDE}: "
        "use a path inside the site, such as 'assets/extra.css'"
    )


def test_theme_folder_outside_the_project_is_refused(refused_build):
    assert refused_build(with_config("theme:\n  name: material\n  custom_dir: ../../templates\n"))[0] == (
        "Error: mkdocs.yml: line 3: theme.custom_dir: '../../templates' is outside the project; use a folder "
        "inside it"
    )


def test_urls_in_extra_are_refused(refused_build):
    config = "extra:\n  social:\n    - icon: fontawesome/brands/x\n      link: https://x.example/us\n"
    assert refused_build(with_config(config))[0] == (
        f"Error: mkdocs.yml: line 4: extra.social[0].link: 'https://x.example/us' points outside the site; "
        f"{OUTSIDE}: remove it"
    )


def test_analytics_is_refused(refused_build):
    assert refused_build(with_config("extra:\n  analytics:\n    provider: google\n    property: G-1\n"))[
        0
    ] == (
        "Error: mkdocs.yml: line 2: extra.analytics: would load an analytics script from outside the site; "
        "coursekit sites load nothing from outside: remove it"
    )


def test_plugins_other_than_search_and_offline_are_refused(refused_build):
    lines = refused_build(with_config("plugins:\n  - search\n  - macros:\n      module_name: main\n"))
    assert lines[0] == (
        "Error: mkdocs.yml: line 3: plugins[1].macros: plugin 'macros' is not allowed: plugins run Python code "
        "during the build; coursekit adds the search and offline plugins itself"
    )


def test_markdown_extensions_that_read_files_are_refused(refused_build):
    config = "markdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n      base_path: /\n"
    assert refused_build(with_config(config))[0] == (
        "Error: mkdocs.yml: line 3: markdown_extensions[1].pymdownx.snippets: Markdown extension "
        "'pymdownx.snippets' is not allowed: extensions are Python code, so coursekit allows only those that "
        "read no files and load nothing from outside (see docs/authoring.md)"
    )


def test_html_in_text_settings_is_refused(refused_build):
    assert refused_build(with_config("copyright: <script>alert(1)</script>\n"))[0] == (
        "Error: mkdocs.yml: line 1: copyright: must be plain text: '<', '>' and '\"' would be read as HTML on "
        "every page"
    )


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ("theme:\n  palette:\n    primary: 'teal\" onclick=\"alert(1)'\n", "theme.palette.primary"),
        ("extra:\n  consent:\n    description: <img src=x onerror=alert(1)>\n", "extra.consent.description"),
    ],
)
def test_html_in_theme_and_extra_is_refused(refused_build, config, field):
    assert refused_build(with_config(config))[0] == (
        f"Error: mkdocs.yml: line 3: {field}: must be plain text: '<', '>' and '\"' would be read as HTML on "
        "every page"
    )


def test_unknown_setting_is_refused(refused_build):
    assert refused_build(with_config("site_name: x\nsite_colour: red\n"))[0] == (
        "Error: mkdocs.yml: line 2: site_colour: is not a MkDocs setting coursekit uses; remove it (coursekit "
        "reads: site_name, site_description, site_author, copyright, theme, extra, markdown_extensions, "
        "plugins, extra_css, extra_javascript)"
    )


def test_safe_settings_reach_the_site_and_unused_ones_do_not(tmp_path):
    config = (
        "site_name: Ours\nsite_description: Training for our staff\ncopyright: Copyright &copy; 2026 Our Org\n"
        "site_url: https://courses.example/\nrepo_url: https://github.com/example/courses\n"
        "theme:\n  name: material\n  palette:\n    primary: teal\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - abbr\n  - footnotes\n"
    )
    root = write_tree(tmp_path / "project", with_config(config))
    result = run_coursekit(["build", "--only", "site", "--audience", "staff"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/staff/index.html").read_text()
    assert '<meta name="description" content="Training for our staff">' in page
    assert "Copyright &copy; 2026 Our Org" in page and 'data-md-color-primary="teal"' in page
    assert "github.com" not in page and "courses.example" not in page
