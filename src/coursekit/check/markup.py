"""Hostile or unsafe markup: no raw HTML, no script links, nothing loaded from outside the site."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..errors import ERROR, WARNING, Problem
from .context import Context
from .text import TRAINER, Document

SAFE_SCHEMES = ("http", "https", "mailto")
"""Links may use these, or be relative. Anything else (javascript:, data:, file:) can run code."""

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_TAG = re.compile(r"<(?:!--|/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>)")
_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)>\s]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[((?:[^\]\\]|\\.)+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_IMAGE_REFERENCE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\[((?:[^\]\\]|\\.)+)\]")
_ATTRIBUTE = re.compile(
    r"""\b(href|src|srcset|poster|data|action|formaction|background)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE
)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\u00ad\u200b-\u200f\u2060\ufeff]")


def raw_html(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No HTML tags or comments in module or audience text: courses are written in Markdown."""
    for passage in doc.passages:
        text = _without_code(passage.text)
        for match in _TAG.finditer(text):
            if _AUTOLINK.match(text, match.start()):
                continue
            what = f"<{match[1]}>" if match[1] else "an HTML comment (<!-- -->)"
            yield passage.finding(
                match.start(),
                "raw-html",
                ERROR,
                (
                    f"contains raw HTML, {what}: write it in Markdown instead (HTML is refused so that "
                    "nothing in a course can run code or load from outside)"
                ),
            )


def links(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Links are http(s), mailto or relative; images and other resources come from the site itself."""
    image_labels = {m[1].casefold() for p in doc.passages for m in _IMAGE_REFERENCE.finditer(p.text)}
    for passage in doc.passages:
        for start, target, image in _targets(_without_code(passage.text), image_labels):
            url = _INVISIBLE.sub("", html.unescape(target)).lower()
            scheme = _SCHEME.match(url)
            if scheme and scheme[1] not in SAFE_SCHEMES:
                yield passage.finding(
                    start,
                    "unsafe-link",
                    ERROR,
                    (
                        f"links to {target!r}: a {scheme[1]}: link can run code or open local files; use "
                        "an https:// or mailto: link, or a page of the course"
                    ),
                )
            elif image and (scheme or url.startswith("//")):
                yield passage.finding(
                    start,
                    "external-resource",
                    ERROR,
                    (
                        f"loads {target!r} from outside the site: the course must work offline "
                        "and load nothing from elsewhere; put the image in the project and link it relatively"
                    ),
                )


def _targets(text: str, image_labels: set[str]) -> Iterator[tuple[int, str, bool]]:
    """Yield (start, url, loads) for each link target; loads is True for what a page loads itself
    (an image, or a src attribute) rather than links to."""
    for match in _LINK.finditer(text):
        yield match.start(), match[2], bool(match[1])
    for match in _REFERENCE.finditer(text):
        yield match.start(1), match[2], match[1].casefold() in image_labels
    for match in _AUTOLINK.finditer(text):
        yield match.start(), match[1], False
    for tag in _TAG.finditer(text):  # refused as raw HTML too; named here for what it would do
        for attribute in _ATTRIBUTE.finditer(tag[0]):
            loads = attribute[1].lower() != "href"
            yield tag.start() + attribute.start(), attribute[2], loads


def _without_code(text: str) -> str:
    """Blank out inline code spans, keeping every other character where it was."""
    return _CODE_SPAN.sub(lambda m: " " * len(m[0]), text)


_BLANK = re.compile(r"_{4,}")


def blanks(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No blank lines to fill in (____) in what learners read, outside printed materials and forms."""
    for passage in doc.passages:
        if passage.role == TRAINER or passage.field.startswith("materials"):
            continue
        match = _BLANK.search(passage.text)
        if match:
            yield passage.finding(
                match.start(),
                "blank-to-fill",
                WARNING,
                (
                    "has a blank to fill in (____) that learners would see if nobody fills it: use a "
                    "{{ slot }} the organisation sets, or put the reminder in the trainer's notes"
                ),
            )


_YAML_LEFTOVER = re.compile(r"(?:^|\s)(?:-|[A-Za-z_][\w-]*:)[ \t]+[>|][-+]?[ \t]*$", re.MULTILINE)
"""A line such as '- >-' or 'prepare: |' inside a text: YAML structure swallowed by the value above."""


def yaml_in_text(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No YAML list items or keys inside a text value: a mis-indented field has swallowed them."""
    for passage in doc.passages:
        match = _YAML_LEFTOVER.search(_without_code(passage.text))
        if match:
            yield passage.finding(
                match.start(),
                "yaml-in-text",
                WARNING,
                (
                    f"holds {match[0].strip()!r}, YAML that belongs to the file's structure: the lines "
                    "after this field are indented as part of its text; indent the field's key (or the "
                    "next one) to match its neighbours"
                ),
            )


_TABLE_HEAD = re.compile(
    r"^[ \t]*(\|?[^\n]*\|[^\n]*)\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$",
    re.MULTILINE,
)
"""A Markdown table's header row and the delimiter row under it."""


def table_headers(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every table's columns have headers: a screen reader announces each cell with its column's
    header, so an empty header row leaves people guessing what they are reading or filling in."""
    for passage in doc.passages:
        for match in _TABLE_HEAD.finditer(_without_code(passage.text)):
            cells = [cell.strip() for cell in match[1].strip().strip("|").split("|")]
            if any(not cell for cell in cells):
                yield passage.finding(
                    match.start(1),
                    "table-header",
                    WARNING,
                    (
                        "has a table with an empty column header: give every column a header "
                        "(for example 'Question | My answer'), which a screen reader reads out with each cell"
                    ),
                )
