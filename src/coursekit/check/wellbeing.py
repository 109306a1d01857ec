"""Wellbeing and fair pay: no pressure to disclose, no unpaid co-delivery (rubric G and J)."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import WARNING, Problem
from . import patterns
from .context import Context
from .text import Document


def disclosure_pressure(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Nothing asks people to share their own history unless it clearly offers a choice."""
    for passage in doc.passages:
        if passage.field.startswith(("glossary", "sources")):
            continue
        match = patterns.DISCLOSURE.search(passage.text)
        if (
            match
            and not passage.quoted(match.start(), match.end())
            and not patterns.DISCLOSURE_CHOICE.search(passage.text)
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


def unpaid_co_delivery(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Co-delivery by people with lived experience is paid, not described as volunteering."""
    for passage in doc.passages:
        if not passage.asserts:
            continue  # a question's scenario or a wrong answer describes what not to do
        about_delivery = passage.field == "co_delivery"
        for sentence in patterns.SENTENCE.finditer(passage.text):
            match = patterns.UNPAID.search(sentence[0])
            if not match or patterns.NEGATION.search(sentence[0]):
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
