"""Gate G1 and where text comes from: story sources, third parties, invented outcomes, own words, review."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ERROR, WARNING, Problem
from . import patterns, wordlists
from .context import Context
from .text import Document, ModuleText, Passage

_WORD = re.compile(r"[a-z0-9']+")
_BY_HAND = re.compile(r"\((?:[^()\[\]]*;\s*)?([A-Z][A-Za-z&.' -]{1,40}),\s+((?:19|20)\d\d)\)")
"""'(SCIE, 2021)' or '(NHS England, 2021; SCIE, 2021)': a citation written by hand, not [@source-id]."""


def story_sources(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Each story's source is a story, or says where it can be found (a URL or a note)."""
    for i, story in enumerate(doc.module.stories):
        source = ctx.project.source(story.source)
        if source.kind != "story" and not (source.url or (source.note or "").strip()):
            yield doc.finding(
                ("stories", i, "source"),
                "G1-story-source",
                ERROR,
                (
                    f"source {source.id!r} is a {source.kind} with no URL or note: a story needs a source "
                    "someone can trace; add a url or a note saying where it was published"
                ),
            )


def citations_by_hand(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Sources are cited as [@source-id], so they reach the course's Sources page with their dates."""
    for passage in doc.passages:
        if passage.field.endswith("attribution"):
            continue  # a story's credit names where it was published, as the storyteller's words
        for match in _BY_HAND.finditer(passage.text):
            yield passage.finding(
                match.start(),
                "citation-by-hand",
                WARNING,
                (
                    f"cites {match[0]!r} by hand: write [@source-id] instead, so the source is listed on the "
                    "course's Sources page and its date is checked"
                ),
            )


def third_parties(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No one named in passing in the sources, who did not consent, is named in the module."""
    for passage in doc.passages:
        for match in patterns.THIRD_PARTY.finditer(passage.text):
            yield passage.finding(
                match.start(),
                "G1-third-party",
                ERROR,
                (
                    f"names {match[0]!r}, a third party named in passing in the sources who did not "
                    "consent (or a name not verified): leave the name out"
                ),
            )


def invented_outcomes(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Nothing claims results for WY-FI's recovery-friendly workplace case: the source lists none."""
    for passage, start, end in _topic_spans(doc):
        for sentence in patterns.SENTENCE.finditer(passage.text, start, end):
            claim = patterns.OUTCOME_CLAIM.search(sentence[0])
            if claim and not patterns.DISCLAIMER.search(sentence[0]):
                yield passage.finding(
                    sentence.start() + claim.start(),
                    "G1-invented-outcome",
                    ERROR,
                    (
                        f"{claim[0]!r} claims a result for the WY-FI recovery-friendly workplace case, but "
                        "the source's list of outcomes is empty: say no outcomes are reported, add none"
                    ),
                )


def _topic_spans(doc: ModuleText) -> Iterator[tuple[Passage, int, int]]:
    """Yield (passage, start, end) for text about the case.

    That is a story that mentions it, a paragraph of another field that does, or a body
    section from the paragraph that mentions it to the next heading.
    """
    in_section = False
    for passage in doc.passages:
        in_section = in_section and passage.kind != "heading"
        if passage.field != "body":
            whole = passage.field.startswith("stories") and patterns.OUTCOME_TOPIC.search(passage.text)
            for paragraph in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", passage.text):
                if whole or patterns.OUTCOME_TOPIC.search(paragraph[0]):
                    yield passage, paragraph.start(), paragraph.end()
        elif in_section or patterns.OUTCOME_TOPIC.search(passage.text):
            in_section = True
            yield passage, 0, len(passage.text)


def own_words(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """No passage repeats a run of nine or more words of a source transcript."""
    if not ctx.transcripts:
        return
    size = wordlists.OWN_WORDS_RUN
    for passage in doc.passages:
        words = [(m.start(), m[0]) for m in _WORD.finditer(_normalise(passage.text))]
        for i in range(len(words) - size + 1):
            run = tuple(w for _, w in words[i : i + size])
            if run in ctx.transcripts:
                yield passage.finding(
                    words[i][0],
                    "own-words",
                    WARNING,
                    (
                        f"repeats {size} or more words of the source {ctx.transcripts[run]} word for word "
                        f'("{" ".join(run)} ..."): write it in your own words'
                    ),
                )
                break


def read_sources(folder: Path) -> dict[str, str]:
    """Return the text of every source transcript (*.txt) of a folder, by file name."""
    return {
        path.name: path.read_text(encoding="utf-8", errors="ignore") for path in sorted(folder.glob("*.txt"))
    }


def word_runs(texts: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Return every run of OWN_WORDS_RUN words in the source texts, with the file it comes from."""
    size, runs = wordlists.OWN_WORDS_RUN, {}
    for name, text in texts.items():
        words = _WORD.findall(_normalise(text))
        for i in range(len(words) - size + 1):
            runs.setdefault(tuple(words[i : i + size]), name)
    return runs


def review_date(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """The module's review date has not passed."""
    if doc.module.review_date < ctx.today:
        yield doc.finding(
            ("review_date",),
            "review-date",
            WARNING,
            (
                f"review date {doc.module.review_date} has passed: review the module, check its "
                "time-sensitive sources, then set 'updated' and a new 'review_date'"
            ),
        )


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def future_dates(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Nothing is dated after today: not the module's update, a consent record, nor a source's check."""
    module = doc.module
    dated = [(("updated",), module.updated, "updated")]
    dated += [
        (("stories", i, "consent", "recorded_on"), s.consent.recorded_on, "recorded")
        for i, s in enumerate(module.stories)
    ]
    dated += [
        (("sources", i, "accessed"), s.accessed, "checked")
        for i, s in enumerate(module.sources)
        if s.accessed
    ]
    for loc, when, what in dated:
        if when > ctx.today:
            yield doc.finding(loc, "future-date", WARNING, _future(when, what, ctx.today))


def future_source_dates(ctx: Context) -> Iterator[Problem]:
    """No shared source (sources.yml) says it was checked after today."""
    owned = {s.id for m in ctx.project.modules for s in m.sources}
    for source in ctx.project.sources:
        if source.id not in owned and source.accessed and source.accessed > ctx.today:
            yield Problem(
                "sources.yml",
                None,
                f"{source.id}.accessed",
                _future(source.accessed, "checked", ctx.today),
                "future-date",
                WARNING,
            )


def _future(when, what: str, today) -> str:
    return f"says it was {what} on {when}, after today ({today}): give the date it really was {what}"
