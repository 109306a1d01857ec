"""Read a project's mkdocs.yml safely, before any MkDocs code sees it.

MkDocs's own loader builds Python objects from `!!python/...` tags, reads environment variables
(`!ENV`), other files (`INHERIT`) and runs hooks, plugins and Markdown extensions, all of which are
Python code. coursekit reads the file with the safe YAML loader, refuses anything that could run
code or make a page load from outside the site, and hands MkDocs only the validated settings.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from .discover import find_file
from .errors import Problem
from .yamlfile import Loc, ParseFailure, dotted, line_of, parse_yaml, read_text

SHOWN = "mkdocs.yml"
# fmt: off
KEPT = ("site_name", "site_description", "site_author", "copyright", "theme", "extra", "markdown_extensions",
        "plugins", "extra_css", "extra_javascript")
"""The settings handed on to MkDocs."""
SET_BY_COURSEKIT = frozenset({
    "docs_dir", "site_dir", "nav", "use_directory_urls", "site_url", "repo_url", "repo_name", "edit_uri",
    "edit_uri_template", "strict", "dev_addr", "watch", "remote_branch", "remote_name", "exclude_docs",
    "not_in_nav", "draft_docs", "validation", "extra_templates",
})
"""Accepted so that a usual mkdocs.yml works, but not used: coursekit sets or does not need them."""
REFUSED = {
    "hooks": "runs Python code during the build; coursekit does not allow hooks: remove it",
    "INHERIT": "would read settings from another file; copy the settings you need into this one",
}
PLUGINS = ("search", "offline")
"""The only plugins allowed: coursekit adds both to every site itself."""
MARKDOWN_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
    "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
    "wikilinks",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.details", "pymdownx.highlight",
    "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.mark", "pymdownx.progressbar", "pymdownx.saneheaders",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
    "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab", "pymdownx.blocks.definition",
})
"""Markdown extensions are Python modules: only these, which read no files and load nothing, are allowed."""
# fmt: on
PLAIN_TEXT = ("site_name", "site_description", "site_author", "copyright")
# The theme puts these, and every text under theme and extra, into every page's HTML as they are.
_HTML = re.compile(r'[<>"]')
_OUTSIDE = re.compile(
    r"^\s*(//|\\\\|[a-z][a-z0-9+.-]*://|(javascript|vbscript|data|file|blob|mailto):)", re.IGNORECASE
)


def load(root: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Return the validated settings of root/mkdocs.yml (or the built-in one) and any problems."""
    from .content import builtin_root

    path, problems = find_file(root, SHOWN)
    if problems:
        return {}, problems
    try:
        parsed = parse_yaml(read_text(path or builtin_root() / SHOWN, SHOWN), SHOWN)
    except ParseFailure as failure:
        return {}, failure.problems
    return validate(parsed.data, parsed.lines, root)


def validate(data: Any, lines: dict[Loc, int], root: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Check parsed mkdocs.yml data; return the settings kept for MkDocs and the problems found."""
    if not isinstance(data, dict):
        return {}, [Problem(SHOWN, 1, None, "must be a mapping of MkDocs settings, such as 'theme:'")]
    found: list[tuple[Loc, str]] = []
    for key in data:
        if key in REFUSED:
            found.append(((key,), REFUSED[key]))
        elif key not in KEPT and key not in SET_BY_COURSEKIT:
            found.append(
                _at(
                    (key,),
                    f"is not a MkDocs setting coursekit uses; remove it (coursekit reads: {', '.join(KEPT)})",
                )
            )
    settings = {key: data[key] for key in KEPT if data.get(key) is not None}
    if isinstance(settings.get("theme"), str):
        settings["theme"] = {"name": settings["theme"]}
    for check in (_plain_text, _theme, _extra, _markdown_extensions, _plugins, _assets):
        found += check(settings, root)
    problems = [Problem(SHOWN, line_of(lines, loc), dotted(loc), message) for loc, message in found]
    return ({} if problems else settings), problems


def _plain_text(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    found = []
    for key in PLAIN_TEXT:
        if key in settings and not isinstance(settings[key], str):
            found.append(((key,), f"must be text, not {settings[key]!r}"))
    texts = [((key,), settings[key]) for key in PLAIN_TEXT if isinstance(settings.get(key), str)]
    texts += [*_strings(settings.get("theme"), ("theme",)), *_strings(settings.get("extra"), ("extra",))]
    for loc, value in texts:
        if _HTML.search(value):
            found.append((loc, "must be plain text: '<', '>' and '\"' would be read as HTML on every page"))
    return found


def _theme(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    theme = settings.get("theme")
    if theme is None:
        return []
    if not isinstance(theme, dict):
        return [(("theme",), "must be a mapping of theme settings, such as 'palette:' and 'features:'")]
    found = []
    if theme.get("name", "material") != "material":
        found.append((("theme", "name"), f"is {theme['name']!r}; coursekit builds with the 'material' theme"))
    for key in ("logo", "favicon"):
        if key in theme:
            found += _site_path(("theme", key), theme[key])
    custom = theme.get("custom_dir")
    if custom is not None and not (isinstance(custom, str) and _inside(root, custom)):
        found.append((("theme", "custom_dir"), f"{custom!r} is outside the project; use a folder inside it"))
    return found


def _extra(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    extra = settings.get("extra")
    if extra is None:
        return []
    if not isinstance(extra, dict):
        return [(("extra",), "must be a mapping")]
    found = []
    if "analytics" in extra:
        found.append(
            _at(
                ("extra", "analytics"),
                "would load an analytics script from outside the site; "
                "coursekit sites load nothing from outside: remove it",
            )
        )
    for loc, value in _strings(extra, ("extra",)):
        if _OUTSIDE.match(value):
            found.append(
                _at(
                    loc,
                    f"{value!r} points outside the site; coursekit sites work offline and load "
                    "nothing from outside: remove it",
                )
            )
    return found


def _strings(value: Any, loc: Loc):
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _markdown_extensions(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    found = []
    for loc, name in _named_entries(settings, "markdown_extensions", found):
        if name.removeprefix("markdown.extensions.") not in MARKDOWN_EXTENSIONS:
            found.append(
                _at(
                    loc,
                    f"Markdown extension {name!r} is not allowed: extensions are Python code, so "
                    "coursekit allows only those that read no files and load nothing from outside "
                    "(see docs/authoring.md)",
                )
            )
    return found


def _plugins(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    found = []
    for loc, name in _named_entries(settings, "plugins", found):
        if name not in PLUGINS:
            found.append(
                _at(
                    loc,
                    f"plugin {name!r} is not allowed: plugins run Python code during the build; "
                    "coursekit adds the search and offline plugins itself",
                )
            )
    return found


def _named_entries(settings: dict, key: str, found: list):
    """Yield (loc, name) for each entry of a MkDocs list of names or one-key mappings of name: options."""
    entries = settings.get(key)
    if isinstance(entries, dict):
        settings[key] = entries = [{name: options} for name, options in entries.items()]
    if entries is not None and not isinstance(entries, list):
        found.append(((key,), "must be a list of names"))
        return
    for index, entry in enumerate(entries or []):
        if isinstance(entry, str):
            yield (key, index), entry
        elif (
            isinstance(entry, dict)
            and len(entry) == 1
            and isinstance(next(iter(entry.values())), dict | None)
        ):
            name = next(iter(entry))
            yield (key, index, name), str(name)
        else:
            found.append(((key, index), "must be a name, or a name followed by a mapping of its options"))


def _assets(settings: dict, root: Path) -> list[tuple[Loc, str]]:
    found = []
    for key in ("extra_css", "extra_javascript"):
        entries = settings.get(key)
        if entries is not None and not isinstance(entries, list):
            found.append(((key,), "must be a list of files inside the site"))
            continue
        for index, entry in enumerate(entries or []):
            if isinstance(entry, dict):
                found += _site_path((key, index, "path"), entry.get("path"))
            else:
                found += _site_path((key, index), entry)
    return found


def _site_path(loc: Loc, value: Any) -> list[tuple[Loc, str]]:
    """Refuse anything but a relative path that stays inside the site (no URL, no '..')."""
    if not isinstance(value, str) or not value.strip():
        return [(loc, f"must be the path of a file inside the site, not {value!r}")]
    path = PurePosixPath(value.replace("\\", "/"))
    if _OUTSIDE.match(value) or ":" in value or path.is_absolute() or ".." in path.parts:
        return [
            _at(
                loc,
                f"{value!r} is outside the site; coursekit sites work offline and load nothing from "
                "outside: use a path inside the site, such as 'assets/extra.css'",
            )
        ]
    return []


def _at(loc: Loc, message: str) -> tuple[Loc, str]:
    return loc, message


def _inside(root: Path, value: str) -> bool:
    return not _OUTSIDE.match(value) and (root / value).resolve().is_relative_to(root.resolve())
