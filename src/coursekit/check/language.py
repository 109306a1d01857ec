"""Language: glossary coverage, stigmatising words, transcription errors, reading level."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .. import body as body_syntax
from .. import readability
from ..errors import ERROR, WARNING, Problem
from . import patterns, wordlists
from .context import Context
from .text import LEARNER, SHOWN, AudienceText, Document, ModuleText, Passage

_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*(?:[-&][A-Z0-9]+)*)s?(?![\w-])")
_JARGON = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<g{i}>{re.sub(r'[- ]', '[- ]?', term)})" for i, term in enumerate(wordlists.JARGON))
    + r")(?:s|es|ed|ing|ers?)?(?!\w)",
    re.IGNORECASE,
)
"""Every jargon term in one pattern: the group that matched names the term."""
HARDEST_MIN_WORDS = 15
"""Passages shorter than this are not named as the hardest part of a text."""
PASSAGE_MARGIN = 6
"""A passage more than this many grades above the audience's level is reported on its own."""
SENSIBLE_LEVELS = (3, 12)
"""An audience reading level outside these grades is a mistake."""
TOLERABLE_LEVEL = 8
"""The content brief's ceiling, even for commissioner and board papers."""
LONG_WORD_SYLLABLES = 4
_LONG_WORD = re.compile(
    r"(?<![\w-])[A-Za-z]+(?:" + "|".join(wordlists.LATINATE_ENDINGS) + r")s?(?![\w-])", re.IGNORECASE
)


def glossary(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every acronym and listed jargon term learners see is in the module's glossary.

    An audience file is read on the welcome page, before any glossary: its acronyms are spelt out
    in the file itself, and its jargon terms are in the glossary of its course.
    """
    terms = tuple(doc.glossary_terms)
    reported: set[str] = set()
    for passage in sorted(_seen_by_learners(doc), key=lambda p: p.line):
        for term, start in _terms_used(passage.text):
            if term in reported:
                continue
            if isinstance(doc, AudienceText) and term.isupper():
                if _expanded(term, doc):
                    continue
            elif _glossed(term, terms) or _defined(term, doc.glossary_definitions):
                continue
            reported.add(term)
            yield passage.finding(start, "glossary", WARNING, _unexplained(term, doc))


def _seen_by_learners(doc: Document) -> list[Passage]:
    # Glossary entries define the terms, and references name their authors as published.
    return [
        p
        for p in doc.passages
        if p.role in (LEARNER, SHOWN) and not p.field.startswith(("glossary", "sources"))
    ]


def _terms_used(text: str) -> Iterator[tuple[str, int]]:
    text = body_syntax.CITATION.sub(lambda m: " " * len(m[0]), text)  # source ids are not prose
    for match in _ACRONYM.finditer(text):
        acronym = match[1]
        if sum(c.isupper() for c in acronym) >= 2 and acronym not in wordlists.COMMON_ACRONYMS:
            yield acronym, match.start()
    seen: set[str] = set()
    for match in _JARGON.finditer(text):
        term = wordlists.JARGON[int(match.lastgroup[1:])]
        if term not in seen:
            seen.add(term)
            yield term, match.start()


def _unexplained(term: str, doc: Document) -> str:
    kind = "acronym" if term.isupper() else "jargon term"
    if isinstance(doc, AudienceText) and term.isupper():
        return (
            f"acronym {term!r} is used but not spelt out: learners read this file on the welcome page, "
            f"before any glossary; write it in full, or spell it out once, as in 'integrated care board (ICB)'"
        )
    where = (
        "this module's glossary"
        if isinstance(doc, ModuleText)
        else "the glossary of any module of this course"
    )
    return (
        f"{kind} {term!r} is used but is not in {where}: add it to a 'glossary' with a plain-English "
        "meaning (and explain it where it is first used)"
    )


def _expanded(term: str, doc: Document) -> bool:
    spelt = re.compile(rf"\w \({re.escape(term)}s?\)|(?<![\w-]){re.escape(term)}s? \(\w")
    return any(spelt.search(p.text) for p in doc.passages)


def _glossed(term: str, glossary_terms: tuple[str, ...]) -> bool:
    if term.isupper():
        return any(re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", g) for g in glossary_terms)
    # A longer entry explains the term inside it: 'peer support worker' covers 'peer support'.
    return any(part == _norm(term) or part.startswith(_norm(term) + " ") for part in _parts(glossary_terms))


@functools.lru_cache(maxsize=256)
def _parts(glossary_terms: tuple[str, ...]) -> frozenset[str]:
    """Return every glossary term and each part of it ('peer worker (peer)' -> both), normalised."""
    return frozenset(_norm(p) for g in glossary_terms for p in [g, *re.split(r"[(),/;]", g)] if p.strip())


def _defined(term: str, definitions: tuple[str, ...]) -> bool:
    """Return True if a glossary definition starts by spelling the term out (ICB: 'Integrated care board, ...')."""
    return not term.isupper() and any(_norm(d).startswith(_norm(term)) for d in definitions)


def _norm(text: str) -> str:
    return re.sub(r"s$", "", re.sub(r"[-\s]+", " ", text.casefold()).strip())


def deficit_language(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No stigmatising or deficit words, except as a mention in quotation marks."""
    for passage in doc.passages:
        for match in patterns.DENY.finditer(passage.text):
            if not passage.quoted(match.start(), match.end()):
                suggestion = patterns.DENY_NOTES[int(match.lastgroup[1:])]
                yield passage.finding(
                    match.start(),
                    "language",
                    WARNING,
                    (
                        f"{match[0]!r} is stigmatising or deficit language: use {suggestion!r} "
                        "(put it in quotation marks if you are discussing the word itself)"
                    ),
                )


def transcription_errors(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No known mis-hearing from the source transcripts is left uncorrected."""
    for passage in doc.passages:
        if ".corrections[" in passage.field:
            continue  # the log of fixes names each mis-hearing it corrects
        for match in patterns.TRANSCRIPTION.finditer(passage.text):
            meaning = patterns.TRANSCRIPTION_NOTES[int(match.lastgroup[1:])]
            yield passage.finding(
                match.start(),
                "transcription",
                ERROR,
                (
                    f"{match[0]!r} is a transcription error in the source: it means {meaning!r}; "
                    "correct it and log the fix in the story's 'corrections'"
                ),
            )


def reading_level(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Learner text is at or below each audience's reading level (Flesch-Kincaid grade)."""
    for audience_id in doc.module.audiences:
        level = ctx.project.audience(audience_id).reading_level
        passages = [p for p in doc.passages if p.role == LEARNER and p.is_for(audience_id)]
        text = " ".join(readability.plain(p.text) for p in passages)
        if readability.word_count(text) < readability.MIN_WORDS:
            continue
        score = shown_grade(text)
        if score > level:
            hardest, hard_score = _hardest(passages, level)
            yield hardest.finding(
                0,
                "reading-level",
                WARNING,
                (
                    f"learner text for {audience_id} reads at grade {score:.1f}, above its reading level "
                    f"{level:g} (Flesch-Kincaid); the passage that adds most starts here (grade "
                    f"{hard_score:.1f}): use shorter sentences and everyday words"
                ),
            )


def shown_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of plain text as it is printed (one decimal), so that a
    finding never says 'grade 6.0, above its reading level 6'."""
    return round(readability.grade(text), 1)


def hard_passages(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """No paragraph of 15 words or more reads more than 3 grades above its audiences' level."""
    levels = {a: ctx.project.audience(a).reading_level for a in doc.module.audiences}
    for passage in doc.passages:
        if passage.role != LEARNER or not passage.asserts:  # outcomes and prompts are one sentence
            continue
        text = readability.plain(passage.text)
        if readability.word_count(text) < HARDEST_MIN_WORDS:
            continue
        score = shown_grade(text)
        over = sorted(
            a for a, level in levels.items() if passage.is_for(a) and score > level + PASSAGE_MARGIN
        )
        if over:
            level = min(levels[a] for a in over)
            yield passage.finding(
                0,
                "reading-level-passage",
                WARNING,
                (
                    f"this passage reads at grade {score:.1f}, more than {PASSAGE_MARGIN} grades above the "
                    f"reading level {level:g} of {', '.join(over)}: split long sentences and use everyday words"
                ),
            )


def audience_reading_level(doc: AudienceText, ctx: Context) -> Iterator[Problem]:
    """An audience's reading level is one its learners can read (NHS aim: grade 4 to 6)."""
    level = doc.audience.reading_level
    low, high = SENSIBLE_LEVELS
    if not low <= level <= high:
        yield doc.finding(
            ("reading_level",),
            "audience-reading-level",
            ERROR,
            (
                f"reading level {level:g} makes no sense for learners: use a Flesch-Kincaid grade from "
                f"{low} to {high}, and aim for 4 to 6 (reading age 9 to 11)"
            ),
        )
    elif level > TOLERABLE_LEVEL:
        yield doc.finding(
            ("reading_level",),
            "audience-reading-level",
            WARNING,
            (
                f"reading level {level:g} is above grade {TOLERABLE_LEVEL}, the most the content brief "
                "tolerates even for commissioners and boards: aim for 4 to 6 (reading age 9 to 11)"
            ),
        )


def plain_words(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Long abstract words (4+ syllables ending -isation, -ality, -ological ...) learners see are
    explained in the glossary or replaced with everyday words."""
    terms = {_norm(t) for t in doc.glossary_terms}
    reported: set[str] = set()
    for passage in sorted(_seen_by_learners(doc), key=lambda p: p.line):
        if passage.role != LEARNER:
            continue
        for match in _LONG_WORD.finditer(passage.text):
            word = match[0].lower()
            if word in reported or word in wordlists.EVERYDAY_LONG_WORDS or _norm(word) in terms:
                continue
            if readability.syllables(word) >= LONG_WORD_SYLLABLES and not passage.quoted(
                match.start(), match.end()
            ):
                reported.add(word)
                yield passage.finding(
                    match.start(),
                    "plain-words",
                    WARNING,
                    (
                        f"{match[0]!r} is a long, abstract word: say it in everyday words, or explain it "
                        "in the glossary"
                    ),
                )


def _hardest(passages: list[Passage], level: float) -> tuple[Passage, float]:
    scored = []
    for passage in passages:
        text = readability.plain(passage.text)
        words = readability.word_count(text)
        if words >= HARDEST_MIN_WORDS:
            score = readability.grade(text)
            scored.append(((score - level) * words, score, passage))
    if not scored:
        return passages[0], readability.grade(readability.plain(passages[0].text))
    _, score, passage = max(scored, key=lambda s: s[0])
    return passage, score
