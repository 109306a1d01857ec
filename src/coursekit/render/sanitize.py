"""Clean every course page's HTML with nh3 (the Ammonia sanitiser) before MkDocs writes it.

Module bodies are Markdown written by people, so a page could carry raw HTML: a script, an
iframe, an image or a stylesheet from another site, a `javascript:` link. `coursekit check`
refuses raw HTML; this is the second line of defence, applied to every page whatever its
source. The allow-list is what coursekit's own pages need (see docs/authoring.md):

- tags: text, lists, tables, headings, details, abbreviations, and the knowledge-check forms;
- attributes: ids, classes, titles, roles, `aria-*` and `data-*`, plus the few each tag needs;
- links: http, https, mailto and relative only; images: relative (inside the site) only;
- `style`: only the table alignment that Markdown writes (`text-align: left|right|center`).
"""

from __future__ import annotations

import re

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "mark",
    "noscript", "ol", "p", "pre", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
GENERIC_ATTRIBUTES = {"id", "class", "title", "role", "hidden", "lang", "dir", "tabindex"}
ATTRIBUTES = {
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "button": {"type", "disabled"},
    "details": {"open"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_ALIGNMENT = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")
_OUTSIDE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def clean(html: str) -> str:
    """Return the HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES | {"*": GENERIC_ATTRIBUTES},
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_attribute_filter,
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "style":
        return value if _ALIGNMENT.match(value) else None
    if tag == "img" and attribute == "src" and _OUTSIDE.match(value):
        return None  # an image from another site would load from outside: offline means none
    return value
