"""An organisation's brand on the site, in a real browser: accessible, logo from disk, its colours."""

from __future__ import annotations

import pytest
from test_organisation import branded  # noqa: F401 (fixture)
from test_site_browser import _axe, browser, chromium, playwright_api  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_branded_pages_pass_axe_and_show_the_logo_from_disk(branded, browser):  # noqa: F811
    pages = ["index.html", "bosses/index.html", "bosses/01-intro.html", "bosses/changes.html"]
    context = browser.new_context()
    page = context.new_page()
    for name in pages:
        page.goto((branded / name).as_uri())
        assert _axe(page) == [], name
        loaded = page.evaluate("() => [...document.images].map((i) => i.complete && i.naturalWidth > 0)")
        assert loaded and all(loaded), name
    page.goto((branded / "bosses/index.html").as_uri())
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    context.close()
    assert header == "rgb(29, 79, 145)"  # #1d4f91
