"""Language: glossary coverage, stigmatising words, transcription errors, reading level."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import body as body_syntax
from .. import readability
from . import patterns, wordlists
from .context import Context
from ..errors import ERROR, WARNING, Problem
from .text import LEARNER, SHOWN, ModuleText, Passage

_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*(?:[-&][A-Z0-9]+)*)s?(?![\w-])")
_JARGON = [(term, re.compile(rf"(?<!\w){re.sub(r'[- ]', '[- ]?', term)}(?:s|es|ed|ing|ers?)?(?!\w)", re.I))
           for term in wordlists.JARGON]
HARDEST_MIN_WORDS = 15
"""Passages shorter than this are not named as the hardest part of a text."""


def glossary(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Every acronym and listed jargon term learners see is in the module's glossary."""
    terms = [t.term for t in doc.module.glossary]
    reported: set[str] = set()
    for passage in sorted(_seen_by_learners(doc), key=lambda p: p.line):
        for term, start in _terms_used(passage.text):
            if term in reported or _glossed(term, terms):
                continue
            reported.add(term)
            kind = "acronym" if term.isupper() else "jargon term"
            yield passage.finding(start, "glossary", WARNING, (
                f"{kind} {term!r} is used but is not in this module's glossary: add it to 'glossary' "
                "with a plain-English meaning (and explain it where it is first used)"))


def _seen_by_learners(doc: ModuleText) -> list[Passage]:
    # Glossary entries define the terms, and references name their authors as published.
    return [p for p in doc.passages if p.role in (LEARNER, SHOWN) and not p.field.startswith(("glossary", "sources"))]


def _terms_used(text: str) -> Iterator[tuple[str, int]]:
    text = body_syntax.CITATION.sub(lambda m: " " * len(m[0]), text)  # source ids are not prose
    for match in _ACRONYM.finditer(text):
        acronym = match[1]
        if sum(c.isupper() for c in acronym) >= 2 and acronym not in wordlists.COMMON_ACRONYMS:
            yield acronym, match.start()
    for term, pattern in _JARGON:
        match = pattern.search(text)
        if match:
            yield term, match.start()


def _glossed(term: str, glossary_terms: list[str]) -> bool:
    if term.isupper():
        return any(re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", g) for g in glossary_terms)
    parts = {_norm(p) for g in glossary_terms for p in [g, *re.split(r"[(),/;]", g)] if p.strip()}
    return _norm(term) in parts


def _norm(text: str) -> str:
    return re.sub(r"s$", "", re.sub(r"[-\s]+", " ", text.casefold()).strip())


def deficit_language(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """No stigmatising or deficit words, except as a mention in quotation marks."""
    for passage in doc.passages:
        for match in patterns.DENY.finditer(passage.text):
            if not passage.quoted(match.start(), match.end()):
                suggestion = patterns.DENY_NOTES[int(match.lastgroup[1:])]
                yield passage.finding(match.start(), "language", WARNING, (
                    f"{match[0]!r} is stigmatising or deficit language: use {suggestion!r} "
                    "(put it in quotation marks if you are discussing the word itself)"))


def transcription_errors(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """No known mis-hearing from the source transcripts is left uncorrected."""
    for passage in doc.passages:
        for match in patterns.TRANSCRIPTION.finditer(passage.text):
            meaning = patterns.TRANSCRIPTION_NOTES[int(match.lastgroup[1:])]
            yield passage.finding(match.start(), "transcription", ERROR, (
                f"{match[0]!r} is a transcription error in the source: it means {meaning!r}; "
                "correct it and log the fix in the story's 'corrections'"))


def reading_level(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Learner text is at or below each audience's reading level (Flesch-Kincaid grade)."""
    for audience_id in doc.module.audiences:
        level = ctx.project.audience(audience_id).reading_level
        passages = [p for p in doc.passages if p.role == LEARNER and p.is_for(audience_id)]
        text = " ".join(readability.plain(p.text) for p in passages)
        if readability.word_count(text) < readability.MIN_WORDS:
            continue
        score = readability.grade(text)
        if score > level:
            hardest, hard_score = _hardest(passages, level)
            yield hardest.finding(0, "reading-level", WARNING, (
                f"learner text for {audience_id} reads at grade {score:.1f}, above its reading level "
                f"{level:g} (Flesch-Kincaid); the passage that adds most starts here (grade "
                f"{hard_score:.1f}): use shorter sentences and everyday words"))


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
