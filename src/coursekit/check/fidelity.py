"""Gate G1, story fidelity: every name and number in a story is in its source or a recorded correction.

The extraction is deliberately simple, so that a writer can predict it:

- names: runs of capitalised words ("Camden and Islington", "St Mary's Hospital"); a word that
  starts a sentence counts only when the next word is capitalised too ("Dr Patel said");
- numbers: digits (22, 2019, £125.50, 100%) and numbers in words ("twenty-two", "three hundred").

A name passes when each of its words is in the source (any case); a number passes when the source
has the same number, in digits or in words. The story's `corrections` and the source's own record
(title, author, note) count as source too: they are where reviewers write the corrected facts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import body as body_syntax
from ..errors import ERROR, Problem
from ..schema import Source
from .context import Context
from .text import ModuleText

_CAPITALISED = r"[A-Z][\w'’-]*"
_CONNECTOR = r"(?:of|and|the|for|upon|on|de|la|van|von|&)"
_NAME_RUN = re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:\s+(?:{_CONNECTOR}\s+)?{_CAPITALISED})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|\n\s*(?:[-*+]|\d+[.)])?\s*|[\"“‘(]\s*)$")
_WORD = re.compile(r"[a-z0-9]+")
_DIGITS = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")
_UNITS = dict(
    zip(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ],
        range(20),
        strict=False,
    )
)
_TENS = dict(
    zip(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
        range(20, 100, 10),
        strict=False,
    )
)
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORD = r"(?:" + "|".join([*_TENS, *_UNITS, *_SCALES]) + r")(?!\w)"
_NUMBER_WORDS = re.compile(rf"(?<![\w-]){_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*", re.IGNORECASE)
AMBIGUOUS = frozenset({"one", "zero"})
"""'one' is a pronoun as often as a number ('no one', 'one of them'): left out when alone."""


def story_fidelity(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Every person, place, organisation, date and number in a story is in its source transcript
    (or in the story's recorded corrections); report each that is not."""
    if ctx.source_texts is None:
        return
    for i, story in enumerate(doc.module.stories):
        source = ctx.project.source(story.source)
        transcript = _transcript(source, ctx.source_texts)
        if transcript is None:
            yield doc.finding(
                ("stories", i, "source"),
                "G1-fidelity",
                ERROR,
                (
                    f"source {source.id!r} names the transcript {source.transcript!r}, which is not in the "
                    "sources folder: fix the file name in sources.yml"
                ),
            )
            continue
        record = " ".join([*story.corrections, source.title, source.author, source.note or ""])
        evidence = _facts(transcript) + _facts(record)
        for field in ("text", "replacement"):  # the replacement retells it in a line or two
            if getattr(story, field) is None:
                continue
            passage = doc.passage("stories", i, field)
            for start, fact, kind in _unsupported(ctx.without_citations(passage.text), evidence):
                yield passage.finding(start, "G1-fidelity", ERROR, _message(kind, fact, source))


def _message(kind: str, fact: str, source: Source) -> str:
    return (
        f"{kind} {fact!r} is not in the story's source ({source.transcript or 'the source transcripts'}) "
        "or its corrections: keep to what the source says, or record the fix in 'corrections'"
    )


def _transcript(source: Source, texts: dict[str, str]) -> str | None:
    if source.transcript:
        return texts.get(source.transcript)
    return "\n".join(texts.values())


@dataclass(frozen=True)
class _Facts:
    """The words and numbers of a text, to look a story's facts up in."""

    words: frozenset[str]
    numbers: frozenset[str]

    def __add__(self, other: _Facts) -> _Facts:
        return _Facts(self.words | other.words, self.numbers | other.numbers)


@functools.lru_cache(maxsize=64)
def _facts(text: str) -> _Facts:
    """Return the words and numbers of a text (cached: a transcript serves several stories)."""
    return _Facts(frozenset(_WORD.findall(_normal(text))), frozenset(value for _, value in numbers(text)))


def _unsupported(text: str, evidence: _Facts) -> Iterator[tuple[int, str, str]]:
    """Yield (start, fact, kind) for each name and number of a story's text that the evidence lacks.

    Citations ([@id], or a source named by author and year) are not facts of the story.
    """
    text = body_syntax.CITATION.sub(lambda m: " " * len(m[0]), text)
    vocabulary, known_numbers = evidence.words, evidence.numbers
    reported: set[str] = set()
    for start, name in names(text):
        missing = [w for w in _WORD.findall(_normal(name)) if w not in vocabulary and not w.isdigit()]
        if missing and name not in reported and not _joined_in(name, vocabulary):
            reported.add(name)
            yield start, name, "name"
    for start, value in numbers(text):
        if value not in known_numbers and value not in reported:
            reported.add(value)
            yield start, value, "number"


def names(text: str) -> Iterator[tuple[int, str]]:
    """Yield (start, name) for each run of capitalised words, leaving out a lone sentence opener."""
    for match in _NAME_RUN.finditer(text):
        run = match[0].rstrip(".'’-")
        start = match.start()
        if _SENTENCE_START.search(text[:start]):
            first, _, rest = run.partition(" ")
            if not rest or re.fullmatch(_CONNECTOR, rest.split()[0]):
                continue  # one capitalised word opening a sentence: an ordinary word
            if not _is_name_word(first):
                run, start = rest, start + len(first) + 1
        if (run.isupper() and len(run) == 1) or run == "I":
            continue
        yield start, run


def _is_name_word(word: str) -> bool:
    """Return True if a sentence's first word looks like part of a name (Dr, St, an acronym)."""
    return word.rstrip(".") in ("Dr", "Mr", "Mrs", "Ms", "Miss", "St", "Sir", "Professor") or word.isupper()


def numbers(text: str) -> Iterator[tuple[int, str]]:
    """Yield (start, value) for each number in digits or in words; values are plain digits."""
    for match in _DIGITS.finditer(text):
        yield match.start(), _plain_number(match[0])
    for match in _NUMBER_WORDS.finditer(text):
        words = re.findall(r"[a-z]+", match[0].lower())
        if words == ["one"] or set(words) <= AMBIGUOUS:
            continue
        value = _words_value(words)
        if value is not None:
            yield match.start(), str(value)


def _plain_number(digits: str) -> str:
    value = digits.replace(",", "")
    return value.rstrip("0").rstrip(".") if "." in value else value


def _words_value(words: list[str]) -> int | None:
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _joined_in(name: str, vocabulary: set[str]) -> bool:
    """Return True if the name's words, written together, are in the source ('Co-production' as 'coproduction')."""
    return "".join(_WORD.findall(_normal(name))) in vocabulary


def _normal(text: str) -> str:
    return re.sub(r"['’]s\b", "", text.lower())
