"""Every page's HTML is cleaned to coursekit's allow-list: nothing runs, nothing loads from outside."""

from __future__ import annotations

import pytest

from coursekit.render.sanitize import clean


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src="http://evil.example/x.png" alt="x">',
        '<img src="//evil.example/x.png" alt="x">',
        '<iframe src="https://evil.example/"></iframe>',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "<style>body { background: url(https://evil.example/x.png) }</style>",
        '<p style="background: url(https://evil.example/x.png)">x</p>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<p onclick="alert(1)">x</p>',
        '<pre class="mermaid"><object data="https://evil.example/"></object></pre>',
    ],
)
def test_nothing_runs_or_loads_from_outside(dirty):
    cleaned = clean(dirty).lower()
    for danger in (
        "<script",
        "javascript:",
        "evil.example",
        "onclick",
        "<iframe",
        "<link",
        "<style",
        "data:",
    ):
        assert danger not in cleaned


@pytest.mark.parametrize(
    "kept",
    [
        '<a href="https://www.scie.org.uk/">SCIE</a>',
        '<a href="sources.html#scie">SCIE</a>',
        '<img src="images/ladder.png" alt="The ladder">',
        '<table><thead><tr><th scope="col" style="text-align: left;">Group</th></tr></thead></table>',
        '<abbr title="National Health Service">NHS</abbr>',
        '<div class="ck-option-feedback" data-option="0" hidden="" data-search-exclude="true">Yes.</div>',
        '<div class="ck-result" role="status" aria-live="polite"></div>',
    ],
)
def test_what_course_pages_need_is_kept(kept):
    assert clean(kept) == kept
