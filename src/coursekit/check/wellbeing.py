"""Wellbeing and fair pay: no pressure to disclose, no unpaid co-delivery (rubric G and J)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import WARNING, Problem
from . import patterns
from .context import Context
from .text import Document

WRONG_ANSWER = re.compile(r"options\[\d+\]\.text$")
ABOUT_SHARING = re.compile(r"\b(?:shar|tell|say|talk|pass|optional|choos|disclos)", re.IGNORECASE)
"""A following sentence about sharing can offer the choice ('You do not have to.' needs one)."""


def disclosure_pressure(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Nothing asks people to share their own history unless it clearly offers a choice."""
    for passage in doc.passages:
        if passage.field.startswith(("glossary", "sources")):
            continue
        if WRONG_ANSWER.search(passage.field) and not passage.asserts:
            continue  # a wrong answer shows what not to do
        match = patterns.DISCLOSURE.search(passage.text)
        if (
            match
            and not passage.quoted(match.start(), match.end())
            and not patterns.DISCLOSURE_CHOICE.search(_around(passage.text, match))
            and not _negated(passage.text, match)
        ):
            yield passage.finding(
                match.start(),
                "disclosure-pressure",
                WARNING,
                (
                    f"{match[0]!r} asks people to disclose their own experience with no clear choice: "
                    "say it is optional ('only if you want to'), and offer a case study or made-up example"
                ),
            )


def _around(text: str, match: re.Match) -> str:
    """Return the sentence of a match and the next one: where a choice about it would be offered
    ('Share a time you were in crisis. You do not have to.')."""
    sentences = [s[0] for s in patterns.SENTENCE.finditer(text)]
    here = next(
        i for i, s in enumerate(patterns.SENTENCE.finditer(text)) if s.start() <= match.start() < s.end() + 1
    )
    following = [s for s in sentences[here + 1 : here + 2] if ABOUT_SHARING.search(s)]
    return " ".join([sentences[here], *following])


def _negated(text: str, match: re.Match) -> bool:
    """Return True if the sentence of a match says not to do it ('No one is asked to share their story')."""
    sentence = next(s for s in patterns.SENTENCE.finditer(text) if s.start() <= match.start() < s.end() + 1)
    rest = text[sentence.start() : match.start()] + text[match.end() : sentence.end()]
    return bool(patterns.NEGATION.search(rest))


def unpaid_co_delivery(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Co-delivery by people with lived experience is paid, not described as volunteering."""
    for passage in doc.passages:
        if not passage.asserts:
            continue  # a question's scenario or a wrong answer describes what not to do
        about_delivery = passage.field.endswith("co_delivery")
        for sentence in patterns.SENTENCE.finditer(passage.text):
            match = patterns.UNPAID.search(sentence[0])
            # 'never ask people to co-deliver unpaid' says what not to do; 'we do not pay peers' is
            # itself the problem, so the match is blanked before looking for a negation.
            rest = sentence[0][: match.start()] + sentence[0][match.end() :] if match else ""
            if not match or patterns.NEGATION.search(rest):
                continue
            start = sentence.start() + match.start()
            if passage.quoted(start, start + len(match[0])):
                continue
            if about_delivery or patterns.UNPAID_CONTEXT.search(sentence[0]):
                yield passage.finding(
                    start,
                    "unpaid-co-delivery",
                    WARNING,
                    (
                        f"{match[0]!r} describes co-delivery as unpaid or volunteering: people with lived "
                        "experience who co-deliver are paid for their time (say how, in 'co_delivery')"
                    ),
                )
                break
