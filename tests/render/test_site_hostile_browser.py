"""Hostile text in a course, opened in a real browser: nothing runs and nothing loads from outside."""

from __future__ import annotations

import pytest
from test_site_browser import Network, browser, chromium, playwright_api  # noqa: F401 (fixtures)
from test_site_escaping import hostile_project

from coursekit.build import build
from coursekit.load import load_project

pytestmark = pytest.mark.browser


def test_no_script_runs_and_nothing_leaves_the_machine(tmp_path, browser):  # noqa: F811
    root = hostile_project(tmp_path)
    out = root / "site"
    build(load_project(root), ["staff"], ("site",), out)
    network, dialogs, errors = Network(), [], []
    context = browser.new_context()
    context.route("**/*", network.route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for name in ("index.html", "01-intro.html", "glossary.html", "print.html"):
        page.goto((out / "staff" / name).as_uri())
        page.wait_for_load_state("load")
        for story in page.locator("details.story summary").all():
            story.click()
    title = page.title()
    context.close()
    assert dialogs == [], f"a script from the course text ran: {dialogs}"
    assert network.blocked == [], f"the page tried to load from outside: {network.blocked}"
    assert errors == []
    assert "<script>" in title  # shown as text, not run
